"""Where users' servers run: local processes (one machine), Docker containers, or Kubernetes pods."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from course_hub import profiles

HERE = Path(__file__).resolve().parent.parent
SINGLEUSER_CONFIG = HERE / "singleuser"
STUDENT_CONFIG = HERE / "students"
INSTRUCTOR_CONFIG = HERE / "instructors"
IMAGE_CONFIG = Path("/etc/course-hub")  # where the images keep the three folders


def student_config_path(instructors: frozenset[str], base: Path = SINGLEUSER_CONFIG, students: Path = STUDENT_CONFIG,
                        instructor: Path = INSTRUCTOR_CONFIG):
    """A pre-spawn step: everyone gets the course's nbgrader exchange and the profile name in JupyterLab;
    students do not get the instructors' tools; instructors get a formgrader that can be shown."""
    def hook(spawner: Any) -> None:
        paths = [instructor, base] if spawner.user.name in instructors else [students, base]
        spawner.environment["JUPYTER_CONFIG_PATH"] = os.pathsep.join(str(p) for p in paths)
    return hook


def configure_local(c: Any, data: Path, venv_bin: Path, instructors: frozenset[str]) -> None:
    """Servers as local processes of the hub's user, with a home per user (what `make hub` runs)."""
    c.JupyterHub.spawner_class = "simple"
    c.Spawner.cmd = [str(venv_bin / "jupyterhub-singleuser")]
    c.Spawner.args = ["--allow-root"] if os.geteuid() == 0 else []
    c.SimpleLocalProcessSpawner.home_dir_template = str(data / "homes" / "{username}")
    c.Spawner.environment["PATH"] = f"{venv_bin}:{os.environ.get('PATH', '/usr/bin:/bin')}"
    c.Spawner.environment["COURSE_PROFILE"] = "this machine (CPU)"
    # A class logging in at once on one machine: servers start slowly, give them time (defaults: 30 s, 60 s).
    c.Spawner.http_timeout = 120
    c.Spawner.start_timeout = 180
    c.Spawner.pre_spawn_hook = student_config_path(instructors)


def configure_docker(c: Any, instructors: frozenset[str]) -> None:
    """Servers as Docker containers; the spawn page offers the CPU and GPU profiles."""
    c.JupyterHub.spawner_class = "docker"
    c.JupyterHub.hub_connect_ip = os.environ.get("HUB_CONNECT_IP", "hub")
    c.DockerSpawner.image = profiles.CPU_IMAGE
    c.DockerSpawner.network_name = os.environ.get("DOCKER_NETWORK_NAME", "course-hub")
    c.DockerSpawner.remove = True
    c.DockerSpawner.notebook_dir = "/home/jovyan"
    c.DockerSpawner.volumes = {"course-hub-user-{username}": "/home/jovyan"}
    c.DockerSpawner.options_form = profiles.docker_options_form()
    c.DockerSpawner.options_from_form = lambda form: {"profile": form.get("profile", ["cpu"])[0]}
    container_config = student_config_path(instructors, IMAGE_CONFIG / "singleuser", IMAGE_CONFIG / "students",
                                           IMAGE_CONFIG / "instructors")

    def prepare(spawner: Any) -> None:
        profiles.apply_docker_profile(spawner)
        container_config(spawner)

    c.DockerSpawner.pre_spawn_hook = prepare


def configure_kubernetes(c: Any, instructors: frozenset[str]) -> None:
    """Servers as Kubernetes pods with KubeSpawner's profile list (the GPU profile asks for nvidia.com/gpu)."""
    c.JupyterHub.spawner_class = "kubernetes"
    c.KubeSpawner.profile_list = profiles.kubespawner_profile_list()
    c.KubeSpawner.image = profiles.CPU_IMAGE
    c.KubeSpawner.storage_pvc_ensure = True
    c.KubeSpawner.pvc_name_template = "claim-{username}"
    c.KubeSpawner.volumes = [{"name": "home", "persistentVolumeClaim": {"claimName": "claim-{username}"}}]
    c.KubeSpawner.volume_mounts = [{"name": "home", "mountPath": "/home/jovyan"}]
    c.KubeSpawner.pre_spawn_hook = student_config_path(instructors, IMAGE_CONFIG / "singleuser",
                                                       IMAGE_CONFIG / "students", IMAGE_CONFIG / "instructors")
