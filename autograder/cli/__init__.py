"""The ``autograder`` command: one module per verb, each with ``add_parser`` and ``run``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from autograder.cli import (collect, export_otter, grade, list_assignments, release, serve, solution, validate,
                            worker)
from autograder.client import ServiceError
from autograder.course import CourseError
from autograder.sandbox.bubblewrap import SandboxUnavailable

VERBS = {"list": list_assignments, "grade": grade, "solution": solution, "validate": validate,
         "export-otter": export_otter, "serve": serve, "release": release, "collect": collect,
         "worker": worker}


def main(argv: Sequence[str] | None = None) -> int:
    """Parse ``argv`` and run the chosen verb; returns the exit status."""
    parser = argparse.ArgumentParser(prog="autograder", description="Grade the course's notebooks.")
    parser.add_argument("--course", type=str, default=None,
                        help="course root (default: $AUTOGRADER_COURSE_ROOT or this repository)")
    verbs = parser.add_subparsers(dest="verb", required=True)
    for name, module in VERBS.items():
        module.add_parser(verbs, name)
    args = parser.parse_args(argv)
    try:
        return int(VERBS[args.verb].run(args))
    except (CourseError, SandboxUnavailable, ServiceError, OSError) as error:
        print(f"autograder: error: {error}", file=sys.stderr)
        return 2
