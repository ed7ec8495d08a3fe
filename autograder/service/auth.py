"""Who is asking: JupyterHub OAuth under the hub, static tokens for tests and scripts.

Under the hub (``JUPYTERHUB_API_TOKEN`` set) a request is authenticated by the hub's OAuth cookie or
an ``Authorization: token …`` header holding a hub token. Without the hub, a tokens file maps tokens
to user names. Either way a user is an instructor when they are in the hub's instructors group or in
the course roster's instructors.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jupyterhub.services.auth import HubOAuthenticated
from tornado import web

INSTRUCTORS_GROUP = "instructors"


@dataclass(frozen=True)
class Identity:
    """An authenticated user of the service."""

    name: str
    instructor: bool


def load_tokens(path: Path) -> dict[str, str]:
    """A JSON object mapping tokens to user names."""
    tokens = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(tokens, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in tokens.items()):
        raise ValueError(f"{path} must hold a JSON object mapping tokens to user names")
    return tokens


class AuthenticatedHandler(HubOAuthenticated, web.RequestHandler):
    """Base handler: ``self.identity`` is the caller, or the request is refused."""

    def get_current_user(self) -> Any:
        tokens: dict[str, str] | None = self.settings.get("tokens")
        if tokens is None:
            return super().get_current_user()
        header = self.request.headers.get("Authorization", "")
        scheme, _, token = header.partition(" ")
        if scheme.lower() not in ("token", "bearer"):
            token = self.get_argument("token", "") or self.get_cookie("autograder-token", "")
        name = tokens.get(token.strip()) if token else None
        return {"name": name, "groups": []} if name else None

    @property
    def identity(self) -> Identity:
        """The authenticated caller (``web.authenticated`` has already refused anonymous requests)."""
        model = self.current_user
        name = str(model["name"])
        groups = set(model.get("groups") or [])
        instructors = self.settings["policy"].instructors
        return Identity(name, INSTRUCTORS_GROUP in groups or name in instructors)
