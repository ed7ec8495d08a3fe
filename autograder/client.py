"""A small HTTP client of the grading service, for the CLI (release, collect) and for scripts."""

from __future__ import annotations

import base64
import json
import os
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass
from typing import Any


class ServiceError(Exception):
    """The service answered with an error status; the message is the service's."""

    def __init__(self, status: int, message: str):
        super().__init__(f"{status}: {message}")
        self.status = status


@dataclass(frozen=True)
class ServiceClient:
    """Talks to the service at ``url`` with ``token`` (a hub API token or a service token)."""

    url: str
    token: str

    @classmethod
    def from_environment(cls, url: str | None = None, token: str | None = None) -> "ServiceClient":
        """``url``/``token``, else ``$AUTOGRADER_URL``/``$AUTOGRADER_TOKEN`` or ``$JUPYTERHUB_API_TOKEN``."""
        chosen_url = url or os.environ.get("AUTOGRADER_URL", "http://127.0.0.1:8010")
        chosen_token = token or os.environ.get("AUTOGRADER_TOKEN") or os.environ.get("JUPYTERHUB_API_TOKEN", "")
        return cls(chosen_url.rstrip("/"), chosen_token)

    def request(self, method: str, path: str, body: bytes | None = None,
                content_type: str | None = None) -> tuple[int, Any]:
        """One request; returns (status, parsed JSON or text), never raises for HTTP errors."""
        headers = {"Authorization": f"token {self.token}"}
        if content_type:
            headers["Content-Type"] = content_type
        request = urllib.request.Request(self.url + path, data=body, method=method, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=120) as response:
                status, raw, kind = response.status, response.read(), response.headers.get("Content-Type", "")
        except urllib.error.HTTPError as error:
            status, raw, kind = error.code, error.read(), error.headers.get("Content-Type", "")
        return status, json.loads(raw) if "json" in kind else raw.decode("utf-8", "replace")

    def call(self, method: str, path: str, body: bytes | None = None, content_type: str | None = None) -> Any:
        """Like :meth:`request`, but an error status raises :class:`ServiceError`."""
        status, data = self.request(method, path, body, content_type)
        if status >= 400:
            raise ServiceError(status, data.get("error", str(data)) if isinstance(data, dict) else str(data))
        return data

    def submit(self, assignment: str, notebook: bytes, filename: str = "submission.ipynb",
               student: str | None = None, source: str = "api") -> tuple[int, Any]:
        """Submit a notebook (multipart, as a browser form would)."""
        boundary = uuid.uuid4().hex
        fields = [("assignment", assignment), ("source", source)] + ([("student", student)] if student else [])
        parts = [f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
                 for name, value in fields]
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="notebook"; filename="{filename}"\r\n'
                     "Content-Type: application/x-ipynb+json\r\n\r\n".encode() + notebook + b"\r\n")
        body = b"".join(parts) + f"--{boundary}--\r\n".encode()
        return self.request("POST", "/api/submissions", body, f"multipart/form-data; boundary={boundary}")

    def release(self, assignment: str) -> Any:
        """Release ``assignment`` to the students."""
        return self.call("POST", f"/api/exchange/assignments/{assignment}/release", b"")

    def collect(self, assignment: str) -> list[dict[str, Any]]:
        """Each student's latest submission of ``assignment``, files decoded to bytes."""
        data = self.call("GET", f"/api/exchange/assignments/{assignment}/collect")
        for entry in data["submissions"]:
            entry["files"] = {f["path"]: base64.b64decode(f["content"]) for f in entry["files"]}
        return data["submissions"]
