"""JupyterHub for the course: `make hub` runs this file; Docker and Kubernetes deployments do too.

Everything course-specific comes from ``course.toml``: the roster (who may log in, who teaches) and
the ``[hub]`` table (where servers run: ``deployment = "local" | "docker" | "kubernetes"``; who logs
in: ``authenticator = "shared-password" | "lti13" | "generic-oauth"``). The environment adds:

COURSE_HUB_DATA        where the hub keeps its database, the homes and the grading data (.hub-data/)
COURSE_HUB_PORT        the hub's public port (default 8000)
COURSE_HUB_PASSWORD    the shared demo password (default: a fresh one, printed at start)
COURSE_GRADER_PORT     the grading service's port when the hub runs it (default 8010)
COURSE_HUB_DEPLOYMENT  overrides ``[hub] deployment``
GRADER_URL, GRADER_API_TOKEN   an external grading service (Docker Compose, Kubernetes) instead
"""

import os
import sys
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPOSITORY = Path(os.environ.get("COURSE_REPOSITORY", HERE.parent)).resolve()
sys.path.insert(0, str(HERE))

from course_hub import authenticators, deployments  # noqa: E402  (beside this file)

from autograder.service.policy import load_policy  # noqa: E402

policy = load_policy(REPOSITORY / "course.toml")
settings = tomllib.loads((REPOSITORY / "course.toml").read_text(encoding="utf-8")).get("hub", {})
deployment = os.environ.get("COURSE_HUB_DEPLOYMENT", settings.get("deployment", "local"))
DATA = Path(os.environ.get("COURSE_HUB_DATA", REPOSITORY / ".hub-data")).resolve()
HUB_PORT = int(os.environ.get("COURSE_HUB_PORT", "8000"))
GRADER_PORT = int(os.environ.get("COURSE_GRADER_PORT", "8010"))
VENV_BIN = Path(sys.executable).parent
DATA.mkdir(parents=True, exist_ok=True)

c = get_config()  # noqa: F821  (provided by JupyterHub when it loads this file)

# The hub and its proxy: configurable-http-proxy from npm (hub_config/node_modules), else the PyPI port.
local = deployment == "local"
c.JupyterHub.ip = "127.0.0.1" if local else "0.0.0.0"
c.JupyterHub.port = HUB_PORT
c.JupyterHub.hub_ip = "127.0.0.1" if local else "0.0.0.0"
if local:
    c.JupyterHub.hub_port = int(os.environ.get("COURSE_HUB_API_PORT", HUB_PORT + 81))
    c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{int(os.environ.get('COURSE_PROXY_API_PORT', HUB_PORT + 1))}"
npm_proxy = HERE / "node_modules" / ".bin" / "configurable-http-proxy"
c.ConfigurableHTTPProxy.command = [str(npm_proxy) if npm_proxy.exists() else "configurable-http-proxy"]
c.JupyterHub.db_url = os.environ.get("JUPYTERHUB_DB_URL", f"sqlite:///{DATA / 'jupyterhub.sqlite'}")
c.JupyterHub.cookie_secret_file = str(DATA / "jupyterhub_cookie_secret")

# Who may log in: the roster; instructors form the `instructors` group (its one source of membership).
users = set(policy.students | policy.instructors)
public_url = os.environ.get("COURSE_HUB_PUBLIC_URL", f"http://127.0.0.1:{HUB_PORT}")
password = authenticators.configure(c, settings, users, public_url)
c.JupyterHub.load_groups = {"instructors": {"users": sorted(policy.instructors)}}
if password:
    print(f"""
  ==================================================================================
   The course hub: {public_url}   users: {", ".join(sorted(users))}
   DEMO password for every user: {password}
   WARNING: a shared password is a demo. Use LTI 1.3 or OAuth for real students (README).
  ==================================================================================
""", file=sys.stderr, flush=True)

# Each user's server.
grader_url = os.environ.get("GRADER_URL", f"http://127.0.0.1:{GRADER_PORT}")
c.Spawner.default_url = "/lab"
c.Spawner.environment = {"AUTOGRADER_URL": f"{public_url}/services/grader" if local else
                         f"{os.environ.get('HUB_INTERNAL_URL', 'http://hub:8000')}/services/grader",
                         "COURSE_ID": policy.course_id}
c.Spawner.server_token_scopes = ["users:activity!user", "access:servers!server", "access:services!service=grader"]
if local:
    deployments.configure_local(c, DATA, VENV_BIN, policy.instructors)
elif deployment == "docker":
    deployments.configure_docker(c, policy.instructors)
elif deployment == "kubernetes":
    deployments.configure_kubernetes(c, policy.instructors)
else:
    raise ValueError(f"course.toml [hub] deployment must be local, docker or kubernetes, not {deployment!r}")

# Services: the grading service (hub OAuth; run by the hub on one machine, its own container elsewhere)
# and the idle culler.
grader = {"name": "grader", "url": grader_url, "oauth_no_confirm": True, "display": True}
if "GRADER_API_TOKEN" in os.environ:
    grader["api_token"] = os.environ["GRADER_API_TOKEN"]
else:
    grader["command"] = [str(VENV_BIN / "autograder"), "--course", str(REPOSITORY), "serve", "--port",
                         str(GRADER_PORT), "--data-dir", str(DATA / "grading")]
    grader["environment"] = {"PATH": os.environ.get("PATH", "/usr/bin:/bin")}
c.JupyterHub.services = [
    grader,
    {"name": "idle-culler",
     "command": [sys.executable, "-m", "jupyterhub_idle_culler", "--timeout=3600", "--cull-every=300"]},
]
c.JupyterHub.load_roles = [
    {"name": "idle-culler", "services": ["idle-culler"],
     "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"]},
    {"name": "grader", "services": ["grader"], "scopes": ["read:users:name", "read:groups:name"]},
    {"name": "user", "scopes": ["self", "access:services"]},
]
