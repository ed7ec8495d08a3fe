"""The sandbox: a separate, unprivileged process that runs the student's notebook and answers calls."""
