"""Who logs in: the demo shared password on one machine; LTI 1.3 from the LMS or generic OAuth in production."""

from __future__ import annotations

import os
import secrets
from typing import Any


def configure(c: Any, settings: dict[str, Any], users: set[str], hub_url: str) -> str | None:
    """Set the authenticator named by ``[hub] authenticator``; returns the demo password, if any."""
    kind = settings.get("authenticator", "shared-password")
    c.Authenticator.allowed_users = users
    if kind == "shared-password":
        password = os.environ.get("COURSE_HUB_PASSWORD") or secrets.token_urlsafe(12)
        c.JupyterHub.authenticator_class = "shared-password"
        c.SharedPasswordAuthenticator.user_password = password
        return password
    if kind == "lti13":
        # The LMS (Moodle, Canvas, ...) registers the hub as an LTI 1.3 tool; users come from the launch.
        lti = settings.get("lti13", {})
        c.JupyterHub.authenticator_class = "ltiauthenticator.lti13.auth.LTI13Authenticator"
        c.LTI13Authenticator.issuer = lti["issuer"]
        c.LTI13Authenticator.authorize_url = lti["authorize_url"]
        c.LTI13Authenticator.jwks_endpoint = lti["jwks_endpoint"]
        c.LTI13Authenticator.client_id = lti["client_ids"]
        c.LTI13Authenticator.username_key = lti.get("username_key", "email")
        return None
    if kind == "generic-oauth":
        oauth = settings.get("generic_oauth", {})
        c.JupyterHub.authenticator_class = "generic-oauth"
        c.GenericOAuthenticator.client_id = os.environ.get("OAUTH_CLIENT_ID", oauth.get("client_id", ""))
        c.GenericOAuthenticator.client_secret = os.environ["OAUTH_CLIENT_SECRET"]
        c.GenericOAuthenticator.oauth_callback_url = f"{hub_url}/hub/oauth_callback"
        c.GenericOAuthenticator.authorize_url = oauth["authorize_url"]
        c.GenericOAuthenticator.token_url = oauth["token_url"]
        c.GenericOAuthenticator.userdata_url = oauth["userdata_url"]
        c.GenericOAuthenticator.username_claim = oauth.get("username_claim", "preferred_username")
        c.GenericOAuthenticator.scope = oauth.get("scope", ["openid", "profile", "email"])
        return None
    raise ValueError(f"course.toml [hub] authenticator must be shared-password, lti13 or generic-oauth, not {kind!r}")
