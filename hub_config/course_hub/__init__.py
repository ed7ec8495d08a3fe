"""Pieces of the course's JupyterHub configuration, chosen by ``course.toml``'s ``[hub]`` table."""
