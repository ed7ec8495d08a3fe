"""The servers students can choose: a CPU profile and a GPU profile, the same for Docker and Kubernetes.

``hub_config/k8s/values.yaml`` repeats these for Zero to JupyterHub (Helm cannot import Python);
``tests/test_deployments.py`` checks that the two agree.
"""

from __future__ import annotations

from typing import Any

CPU_IMAGE = "course-hub/singleuser-cpu:latest"  # built from docker/singleuser-cpu (make images)
GPU_IMAGE = "course-hub/singleuser-gpu:latest"  # built from docker/singleuser-gpu
GPU_RESOURCE = "nvidia.com/gpu"

PROFILES: list[dict[str, Any]] = [
    {"slug": "cpu", "display_name": "CPU: 2 cores, 4 GB", "default": True,
     "description": "Enough for every assignment; deep-learning ones train a little slower.",
     "image": CPU_IMAGE, "cpu_limit": 2.0, "mem_limit": "4G", "gpus": 0},
    {"slug": "gpu", "display_name": "GPU: 1 NVIDIA GPU, 4 cores, 16 GB",
     "description": "For the deep-learning assignments (07, 09, 13, 15).",
     "image": GPU_IMAGE, "cpu_limit": 4.0, "mem_limit": "16G", "gpus": 1},
]


def profile(slug: str | None) -> dict[str, Any]:
    """The profile called ``slug``, or the default one."""
    for candidate in PROFILES:
        if candidate["slug"] == slug:
            return candidate
    return next(p for p in PROFILES if p.get("default"))


def kubespawner_profile_list() -> list[dict[str, Any]]:
    """The profiles as KubeSpawner's ``profile_list``: the GPU one requests a GPU, a GPU node and its taint."""
    listed = []
    for entry in PROFILES:
        override: dict[str, Any] = {"image": entry["image"], "cpu_limit": entry["cpu_limit"],
                                    "mem_limit": entry["mem_limit"],
                                    "environment": {"COURSE_PROFILE": entry["display_name"]}}
        if entry["gpus"]:
            override.update(extra_resource_limits={GPU_RESOURCE: str(entry["gpus"])},
                            node_selector={"nvidia.com/gpu.present": "true"},
                            tolerations=[{"key": GPU_RESOURCE, "operator": "Exists", "effect": "NoSchedule"}])
        listed.append({"display_name": entry["display_name"], "slug": entry["slug"],
                       "description": entry["description"], "default": bool(entry.get("default")),
                       "kubespawner_override": override})
    return listed


def docker_options_form() -> str:
    """The spawn page's choice between the profiles, for DockerSpawner."""
    options = "".join(f'<option value="{p["slug"]}"{" selected" if p.get("default") else ""}>'
                      f'{p["display_name"]}: {p["description"]}</option>' for p in PROFILES)
    return f'<label for="profile">Server</label><select class="form-control" name="profile">{options}</select>'


def apply_docker_profile(spawner: Any) -> None:
    """DockerSpawner pre-spawn: the chosen profile's image, limits, and for the GPU a device request."""
    chosen = profile((spawner.user_options or {}).get("profile"))
    spawner.image = chosen["image"]
    spawner.cpu_limit = chosen["cpu_limit"]
    spawner.mem_limit = chosen["mem_limit"]
    spawner.environment["COURSE_PROFILE"] = chosen["display_name"]
    host_config = dict(spawner.extra_host_config) if isinstance(spawner.extra_host_config, dict) else {}
    if chosen["gpus"]:
        host_config["device_requests"] = [{"driver": "nvidia", "count": chosen["gpus"], "capabilities": [["gpu"]]}]
    else:
        host_config.pop("device_requests", None)
    spawner.extra_host_config = host_config
