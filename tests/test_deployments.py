"""The Docker and Kubernetes deployments, checked without an engine or a cluster: configurations load,
the GPU profile requests a GPU in each, images install exactly the locked packages, nothing hidden
goes into a student's image."""

from __future__ import annotations

import asyncio
import re
import subprocess
import sys
import tomllib
import zipfile
from types import SimpleNamespace

import pytest
import yaml
from conftest import ROOT
from traitlets.config import PyFileConfigLoader

sys.path.insert(0, str(ROOT / "hub_config"))
from course_hub import profiles  # noqa: E402

DOCKERFILES = sorted((ROOT / "docker").glob("*/Dockerfile"))
INSTRUCTIONS = {"FROM", "RUN", "COPY", "ENV", "USER", "WORKDIR", "EXPOSE", "CMD", "ENTRYPOINT", "ARG", "LABEL"}


def _hub_config(deployment: str, monkeypatch, tmp_path):
    monkeypatch.setenv("COURSE_HUB_DEPLOYMENT", deployment)
    monkeypatch.setenv("COURSE_HUB_DATA", str(tmp_path))
    monkeypatch.setenv("GRADER_API_TOKEN", "x" * 32)
    loader = PyFileConfigLoader("jupyterhub_config.py", path=str(ROOT / "hub_config"))
    return loader.load_config()


def test_docker_deployment_requests_a_gpu_for_the_gpu_profile_only(monkeypatch, tmp_path):
    from dockerspawner import DockerSpawner
    config = _hub_config("docker", monkeypatch, tmp_path)
    assert config.JupyterHub.spawner_class == "docker"
    spawner = DockerSpawner(config=config, user=SimpleNamespace(name="student1"))  # the hub's user, by name
    assert 'value="gpu"' in spawner.options_form
    spawner.user_options = spawner.options_from_form({"profile": ["gpu"]})
    spawner.pre_spawn_hook(spawner)
    assert spawner.image == profiles.GPU_IMAGE
    assert spawner.extra_host_config["device_requests"] == [
        {"driver": "nvidia", "count": 1, "capabilities": [["gpu"]]}]
    assert spawner.environment["JUPYTER_CONFIG_PATH"].startswith("/etc/course-hub/students")
    spawner.user_options = spawner.options_from_form({"profile": ["cpu"]})
    spawner.pre_spawn_hook(spawner)
    assert spawner.image == profiles.CPU_IMAGE and "device_requests" not in spawner.extra_host_config


def test_kubernetes_deployment_requests_a_gpu_node_for_the_gpu_profile(monkeypatch, tmp_path):
    from kubespawner import KubeSpawner
    config = _hub_config("kubernetes", monkeypatch, tmp_path)
    kubeconfig = tmp_path / "kubeconfig"  # a cluster that is never contacted: nothing here starts a pod
    kubeconfig.write_text(yaml.safe_dump({
        "apiVersion": "v1", "kind": "Config", "current-context": "course",
        "clusters": [{"name": "course", "cluster": {"server": "https://127.0.0.1:6443"}}],
        "contexts": [{"name": "course", "context": {"cluster": "course", "user": "hub"}}],
        "users": [{"name": "hub", "user": {"token": "unused"}}]}))
    from kubernetes_asyncio.config import kube_config
    monkeypatch.setattr(kube_config, "KUBE_CONFIG_DEFAULT_LOCATION", str(kubeconfig))  # read at import: $KUBECONFIG

    async def spawner_with_gpu_profile() -> KubeSpawner:  # the hub creates spawners inside its event loop
        spawner = KubeSpawner(config=config, user=SimpleNamespace(name="student1", id=1, url="/user/student1/"),
                              _mock=True)
        spawner.user_options = {"profile": "gpu"}
        await spawner.load_user_options()
        return spawner

    spawner = asyncio.run(spawner_with_gpu_profile())
    assert spawner.extra_resource_limits == {"nvidia.com/gpu": "1"}
    assert spawner.node_selector == {"nvidia.com/gpu.present": "true"}
    assert {"key": "nvidia.com/gpu", "operator": "Exists", "effect": "NoSchedule"} in spawner.tolerations
    assert spawner.image == profiles.GPU_IMAGE


def test_zero_to_jupyterhub_values_match_the_profiles_and_the_roster():
    values = yaml.safe_load((ROOT / "hub_config" / "k8s" / "values.yaml").read_text())
    assert values["singleuser"]["profileList"] == profiles.kubespawner_profile_list()
    gpu = next(p for p in values["singleuser"]["profileList"] if p["slug"] == "gpu")
    assert gpu["kubespawner_override"]["extra_resource_limits"] == {"nvidia.com/gpu": "1"}
    roster = tomllib.loads((ROOT / "course.toml").read_text())["roster"]
    course_config = values["hub"]["extraConfig"]["course"]
    assert f"instructors = {set(roster['instructors'])!r}" in course_config
    assert values["hub"]["services"]["grader"]["url"] == "http://grader:8010"
    yaml.safe_load_all((ROOT / "hub_config" / "k8s" / "grader.yaml").read_text())


@pytest.mark.parametrize("dockerfile", DOCKERFILES, ids=lambda p: p.parent.name)
def test_dockerfiles_parse_and_copy_only_what_exists(dockerfile):
    text = re.sub(r"\\\n", " ", dockerfile.read_text())
    lines = [line.strip() for line in text.splitlines() if line.strip() and not line.strip().startswith("#")]
    assert lines[0].startswith("FROM ")
    for line in lines:
        assert line.split()[0] in INSTRUCTIONS, line
        if line.startswith("COPY "):
            sources = [s for s in line.split()[1:-1] if not s.startswith("--")]
            assert all((ROOT / source).exists() for source in sources), line


@pytest.mark.parametrize("name", ["singleuser-cpu", "singleuser-gpu"])
def test_student_images_stand_on_docker_stacks_and_receive_nothing_hidden(name):
    text = (ROOT / "docker" / name / "Dockerfile").read_text()
    assert re.search(r"^FROM quay\.io/jupyter/", text, re.M)
    copied = " ".join(line for line in text.splitlines() if line.startswith("COPY"))
    assert "reference" not in copied and "hidden" not in copied and "COPY . " not in text


def test_images_install_exactly_the_locked_packages():
    lock = tomllib.loads((ROOT / "uv.lock").read_text())
    locked = {p["name"]: p["version"] for p in lock["package"] if "version" in p}
    pinned = dict(line.split(" ;")[0].split("==") for line in
                  (ROOT / "docker" / "requirements.txt").read_text().splitlines() if "==" in line)
    for name in ["jupyterhub", "nbgrader", "otter-grader", "jupyterlab", "notebook", "tensorflow-cpu", "keras",
                 "numpy", "sqlalchemy", "celery", "dockerspawner", "jupyterhub-kubespawner"]:
        assert pinned[name] == locked[name], name
    assert set(pinned) <= set(locked)


def test_compose_file_is_valid_and_sandboxes_the_grader():
    compose = yaml.safe_load((ROOT / "docker" / "compose.yaml").read_text())
    assert set(compose["services"]) == {"hub", "grader", "postgres"}
    for service in compose["services"].values():
        if "build" in service:
            assert (ROOT / "docker" / service["build"]["context"] / service["build"]["dockerfile"]).exists()
        for dependency in service.get("depends_on", {}):
            assert dependency in compose["services"]
        for volume in service.get("volumes", []):
            source = volume.split(":")[0]
            assert source in compose["volumes"] or source.startswith(("/", "./"))
    assert "seccomp=unconfined" in compose["services"]["grader"]["security_opt"]
    assert compose["services"]["hub"]["environment"]["COURSE_HUB_DEPLOYMENT"] == "docker"


def test_the_wheel_students_get_holds_no_hidden_tests(tmp_path):
    subprocess.run([sys.executable, "-m", "hatchling", "build", "-t", "wheel", "-d", str(tmp_path)], cwd=ROOT,
                   check=True, capture_output=True, timeout=300)
    wheel = next(tmp_path.glob("*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "autograder/nbgrader_exchange.py" in names
    assert not any("/hidden/" in name or name.startswith("reference/") for name in names)


LTI13 = """
[hub]
authenticator = "lti13"
[hub.lti13]
issuer = "https://lms.example.edu"
authorize_url = "https://lms.example.edu/auth"
jwks_endpoint = "https://lms.example.edu/certs"
client_ids = ["tool-1"]
"""
GENERIC_OAUTH = """
[hub]
authenticator = "generic-oauth"
[hub.generic_oauth]
authorize_url = "https://id.example.edu/auth"
token_url = "https://id.example.edu/token"
userdata_url = "https://id.example.edu/me"
"""


@pytest.mark.parametrize(("hub_table", "authenticator", "setting", "value"), [
    (LTI13, "ltiauthenticator.lti13.auth:LTI13Authenticator", "issuer", "https://lms.example.edu"),
    (GENERIC_OAUTH, "oauthenticator.generic:GenericOAuthenticator", "token_url", "https://id.example.edu/token"),
], ids=["lti13", "generic-oauth"])
def test_production_authenticators_are_chosen_by_the_course_file(hub_table, authenticator, setting, value,
                                                                 monkeypatch, tmp_path):
    import importlib
    roster = tomllib.loads((ROOT / "course.toml").read_text())["roster"]
    course = tmp_path / "course"
    course.mkdir()
    (course / "course.toml").write_text(f"id = 'mlmm'\n[roster]\ninstructors = {roster['instructors']!r}\n"
                                        f"students = {roster['students']!r}\n{hub_table}")
    monkeypatch.setenv("COURSE_REPOSITORY", str(course))
    monkeypatch.setenv("OAUTH_CLIENT_SECRET", "secret")
    config = _hub_config("local", monkeypatch, tmp_path)
    module, name = authenticator.split(":")
    instance = getattr(importlib.import_module(module), name)(config=config)
    assert getattr(instance, setting) == value
    assert instance.allowed_users == set(roster["instructors"]) | set(roster["students"])
