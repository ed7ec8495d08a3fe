"""Instructors' servers only: let JupyterLab show nbgrader's formgrader, which it embeds in an iframe.

JupyterHub >= 4.1 gives every single-user server ``Content-Security-Policy: frame-ancestors 'none'``,
under which the formgrader tab stays blank (nbgrader issue #1870). Instructors' servers allow frames
from their own origin; students' servers keep JupyterHub's default. In a deployment on one domain
this lets a page of the same origin frame an instructor's server; where students could serve pages
on that origin to instructors, enable ``JupyterHub.enable_subdomains`` instead (README, "The hub").
"""

c = get_config()  # noqa: F821 - provided by Jupyter's config loader
# A plain value, not .update(): JupyterHub's extension reads this setting as a dict.
c.ServerApp.tornado_settings = {"headers": {"Content-Security-Policy": "frame-ancestors 'self'"}}
