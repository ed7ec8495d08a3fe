"""The files mounted read-only into the sandbox at /grader: only the standard library and numpy here."""
