"""A real grading service on a loopback port, for the tests."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from pathlib import Path
from typing import Any

from autograder.client import ServiceClient

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Service:
    """``autograder serve`` in a subprocess, started and killed like an operator would."""

    def __init__(self, course: Path, data_dir: Path, tokens: dict[str, str], workers: int = 2,
                 extra_args: tuple[str, ...] = ()):
        self.course = course
        self.data_dir = data_dir
        self.tokens_file = data_dir.parent / f"tokens-{uuid.uuid4().hex[:6]}.json"
        self.tokens_file.write_text(json.dumps(tokens))
        self.token_of = {user: token for token, user in tokens.items()}
        self.workers = workers
        self.extra_args = extra_args
        self.port = free_port()
        self.process: subprocess.Popen[bytes] | None = None
        self.log = data_dir.parent / "service.log"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> "Service":
        command = [sys.executable, "-m", "autograder.cli", "--course", str(self.course), "serve", "--port",
                   str(self.port), "--data-dir", str(self.data_dir), "--tokens", str(self.tokens_file),
                   "--workers", str(self.workers), *self.extra_args]
        with open(self.log, "ab") as log:
            self.process = subprocess.Popen(command, stdout=log, stderr=log, cwd=ROOT, start_new_session=True)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"{self.url}/api/health", timeout=2)
                return self
            except OSError:
                if self.process.poll() is not None:
                    raise RuntimeError(f"the service exited: {self.log.read_text()[-3000:]}") from None
                time.sleep(0.2)
        raise RuntimeError("the service did not start")

    def kill(self) -> None:
        """``kill -9`` the service and everything it started."""
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()

    def client(self, user: str) -> ServiceClient:
        """The package's own HTTP client, signed in as ``user``."""
        return ServiceClient(self.url, self.token_of[user])

    def request(self, user: str, method: str, path: str, body: bytes | None = None,
                content_type: str | None = None) -> tuple[int, Any]:
        return self.client(user).request(method, path, body, content_type)

    def submit(self, user: str, assignment: str, notebook: bytes, filename: str = "submission.ipynb",
               student: str | None = None, source: str = "api") -> tuple[int, Any]:
        return self.client(user).submit(assignment, notebook, filename, student, source)

    def wait_graded(self, user: str, ids: list[int], timeout: float = 300) -> dict[int, Any]:
        """Poll until every submission in ``ids`` is graded or in error."""
        deadline = time.monotonic() + timeout
        done: dict[int, Any] = {}
        while time.monotonic() < deadline:
            for submission_id in [i for i in ids if i not in done]:
                status, found = self.request(user, "GET", f"/api/submissions/{submission_id}")
                if status == 200 and found["status"] in ("graded", "error"):
                    done[submission_id] = found
            if len(done) == len(ids):
                return done
            time.sleep(0.3)
        raise TimeoutError(f"{len(ids) - len(done)} submissions not graded in {timeout} s")
