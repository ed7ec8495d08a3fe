"""JupyterHub for the course, on one machine: `make hub` runs this file.

Everything course-specific comes from ``course.toml`` (the roster, who teaches) and the environment:

COURSE_HUB_DATA       where the hub keeps its database, the users' homes and the grading data
                      (default: .hub-data/ in the repository)
COURSE_HUB_PORT       the hub's public port on 127.0.0.1 (default 8000)
COURSE_HUB_PASSWORD   the shared demo password (default: a fresh one, printed at start)
COURSE_GRADER_PORT    the grading service's port (default 8010)

This is the one-machine default: users are the roster's names, they log in with one shared
password (a demo, not for real students), and their servers are local processes under the hub's
account. Real deployments swap the authenticator and spawner (see the README).
"""

import os
import secrets
import shutil
import sys
from pathlib import Path

from autograder.service.policy import load_policy

REPOSITORY = Path(__file__).resolve().parent.parent
DATA = Path(os.environ.get("COURSE_HUB_DATA", REPOSITORY / ".hub-data")).resolve()
HUB_PORT = int(os.environ.get("COURSE_HUB_PORT", "8000"))
GRADER_PORT = int(os.environ.get("COURSE_GRADER_PORT", "8010"))
VENV_BIN = Path(sys.executable).parent
policy = load_policy(REPOSITORY / "course.toml")
DATA.mkdir(parents=True, exist_ok=True)

c = get_config()  # noqa: F821  (provided by JupyterHub when it loads this file)

# The hub and its proxy: configurable-http-proxy from npm (hub_config/node_modules), else the PyPI port.
c.JupyterHub.ip = "127.0.0.1"
c.JupyterHub.port = HUB_PORT
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = int(os.environ.get("COURSE_HUB_API_PORT", HUB_PORT + 81))
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{int(os.environ.get('COURSE_PROXY_API_PORT', HUB_PORT + 1))}"
npm_proxy = Path(__file__).resolve().parent / "node_modules" / ".bin" / "configurable-http-proxy"
c.ConfigurableHTTPProxy.command = [str(npm_proxy) if npm_proxy.exists() else str(VENV_BIN / "configurable-http-proxy")]
c.JupyterHub.db_url = f"sqlite:///{DATA / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(DATA / "jupyterhub_cookie_secret")
c.JupyterHub.pid_file = str(DATA / "jupyterhub.pid")

# Who may log in: the roster, and nobody else; instructors form the `instructors` group.
password = os.environ.get("COURSE_HUB_PASSWORD") or secrets.token_urlsafe(12)
c.JupyterHub.authenticator_class = "shared-password"
c.SharedPasswordAuthenticator.user_password = password
c.Authenticator.allowed_users = set(policy.students | policy.instructors)
c.JupyterHub.load_groups = {"instructors": {"users": sorted(policy.instructors)}}
print(f"""
  ==================================================================================
   The course hub: http://127.0.0.1:{HUB_PORT}   users: {", ".join(sorted(c.Authenticator.allowed_users))}
   DEMO password for every user: {password}
   WARNING: a shared password is a demo. Use LTI or OAuth for real students (README).
  ==================================================================================
""", flush=True)

# Each user's server: a local process with its own home under the data folder.
c.JupyterHub.spawner_class = "simple"
c.Spawner.default_url = "/lab"
c.Spawner.cmd = [str(VENV_BIN / "jupyterhub-singleuser")]
c.Spawner.args = ["--allow-root"] if os.geteuid() == 0 else []
c.SimpleLocalProcessSpawner.home_dir_template = str(DATA / "homes" / "{username}")
c.Spawner.environment = {
    "AUTOGRADER_URL": f"http://127.0.0.1:{HUB_PORT}/services/grader",
    "COURSE_ID": policy.course_id,
    "PATH": f"{VENV_BIN}:{os.environ.get('PATH', '/usr/bin:/bin')}",
}

SINGLEUSER_CONFIG = Path(__file__).resolve().parent / "singleuser"
STUDENT_CONFIG = Path(__file__).resolve().parent / "students"


def course_config_path(spawner) -> None:  # type: ignore[no-untyped-def]
    """Everyone gets the course's nbgrader exchange; students do not get the instructors' tools."""
    paths = [SINGLEUSER_CONFIG] if spawner.user.name in policy.instructors else [STUDENT_CONFIG, SINGLEUSER_CONFIG]
    spawner.environment["JUPYTER_CONFIG_PATH"] = os.pathsep.join(str(p) for p in paths)


c.Spawner.pre_spawn_hook = course_config_path

# The server's token may reach the grading service (nbgrader's exchange talks to it).
c.Spawner.server_token_scopes = ["users:activity!user", "access:servers!server", "access:services!service=grader"]

# Services: the grading service (hub OAuth; instructors come from the same roster) and the idle culler.
c.JupyterHub.services = [
    {"name": "grader", "url": f"http://127.0.0.1:{GRADER_PORT}", "oauth_no_confirm": True, "display": True,
     "command": [str(VENV_BIN / "autograder"), "--course", str(REPOSITORY), "serve", "--port", str(GRADER_PORT),
                 "--data-dir", str(DATA / "grading")],
     "environment": {"PATH": os.environ.get("PATH", "/usr/bin:/bin")}},
    {"name": "idle-culler",
     "command": [sys.executable, "-m", "jupyterhub_idle_culler", "--timeout=3600", "--cull-every=300"]},
]
c.JupyterHub.load_roles = [
    {"name": "idle-culler", "services": ["idle-culler"],
     "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"]},
    {"name": "grader", "services": ["grader"], "scopes": ["read:users:name", "read:groups:name"]},
    {"name": "user", "scopes": ["self", "access:services"]},
]
if shutil.which("bwrap") is None:
    print("WARNING: bubblewrap is missing: the grading service will refuse to grade (apt-get install bubblewrap)")
