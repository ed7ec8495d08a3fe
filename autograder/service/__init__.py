"""The grading service: submissions in, scores out, nothing lost (a JupyterHub service)."""
