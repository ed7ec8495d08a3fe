"""Adversarial notebooks against the real grader (see README.md)."""
