"""The course's real JupyterHub (with configurable-http-proxy) on loopback ports, for the tests."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import requests
from service_client import free_port

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "course-demo-password"


class Hub:
    """``jupyterhub -f hub_config/jupyterhub_config.py`` in a subprocess, and browser-like sessions."""

    def __init__(self, data_dir: Path):
        self.data_dir = data_dir
        self.port = free_port()
        self.log = data_dir.parent / "hub.log"
        self.process: subprocess.Popen[bytes] | None = None
        self.environment = {**os.environ, "COURSE_HUB_DATA": str(data_dir), "COURSE_HUB_PORT": str(self.port),
                            "COURSE_HUB_PASSWORD": PASSWORD, "COURSE_GRADER_PORT": str(free_port()),
                            "COURSE_PROXY_API_PORT": str(free_port()), "COURSE_HUB_API_PORT": str(free_port())}

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 90) -> "Hub":
        config = ROOT / "hub_config" / "jupyterhub_config.py"
        command = [str(Path(sys.executable).parent / "jupyterhub"), "-f", str(config)]
        with open(self.log, "ab") as log:
            self.process = subprocess.Popen(command, stdout=log, stderr=log, cwd=self.data_dir.parent,
                                            env=self.environment, start_new_session=True)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.process.poll() is None, self.log.read_text()[-3000:]
            try:
                if requests.get(f"{self.url}/hub/api/", timeout=2).status_code == 200 and self._grader_up():
                    return self
            except requests.RequestException:
                pass
            time.sleep(0.3)
        raise RuntimeError(f"the hub did not start: {self.log.read_text()[-3000:]}")

    def _grader_up(self) -> bool:
        port = self.environment["COURSE_GRADER_PORT"]
        try:
            return requests.get(f"http://127.0.0.1:{port}/services/grader/api/health", timeout=2).ok
        except requests.RequestException:
            return False

    def stop(self) -> None:
        """Stop the hub and everything it started (proxy, services, user servers)."""
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()

    def login(self, user: str, password: str = PASSWORD) -> requests.Session:
        """Log in through the hub's login form, as a browser does."""
        session = requests.Session()
        form = session.get(f"{self.url}/hub/login", timeout=30)
        xsrf = re.search(r'name="_xsrf"\s+value="([^"]+)"', form.text)
        data = {"username": user, "password": password, **({"_xsrf": xsrf.group(1)} if xsrf else {})}
        session.post(f"{self.url}/hub/login?next=", data=data, timeout=30, allow_redirects=False)
        return session
