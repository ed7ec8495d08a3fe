"""A Jupyter server extension for the course's servers: the profile they run on, shown in JupyterLab.

The spawner puts the profile's name in ``COURSE_PROFILE`` ("GPU (NVIDIA)", "this machine (CPU)").
JupyterLab takes its application name from the page config, so with the profile in it the browser
tab and Help > About read "JupyterLab · GPU (NVIDIA)". JupyterHub's single-user extension installs
its own page-config hook when it loads; this one wraps that hook once the server runs.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

PageConfigHook = Callable[[Any, dict[str, Any]], dict[str, Any]]


def with_profile(inner: PageConfigHook | None, profile: str) -> PageConfigHook:
    """A page-config hook that runs ``inner`` (if any) and then names the profile in ``appName``."""
    def hook(handler: Any, page_config: dict[str, Any]) -> dict[str, Any]:
        if inner is not None:
            page_config = inner(handler, page_config)
        page_config["appName"] = f"JupyterLab · {profile}"
        return page_config
    return hook


def _jupyter_server_extension_points() -> list[dict[str, str]]:
    return [{"module": "autograder.profile_extension"}]


def _load_jupyter_server_extension(serverapp: Any) -> None:
    profile = os.environ.get("COURSE_PROFILE")
    if not profile:
        return

    def wrap() -> None:
        settings = serverapp.web_app.settings
        settings["page_config_hook"] = with_profile(settings.get("page_config_hook"), profile)

    serverapp.io_loop.add_callback(wrap)
