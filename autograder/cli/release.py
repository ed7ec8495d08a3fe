"""``autograder release ASSIGNMENT``: students see it in nbgrader's Assignments tab and may fetch it."""

from __future__ import annotations

import argparse

from autograder.client import ServiceClient


def add_service_options(parser: argparse.ArgumentParser) -> None:
    """Where the grading service is, and the token to use."""
    parser.add_argument("--url", default=None, help="grading service URL (default: $AUTOGRADER_URL)")
    parser.add_argument("--token", default=None,
                        help="API token (default: $AUTOGRADER_TOKEN, else $JUPYTERHUB_API_TOKEN)")


def add_parser(verbs: argparse._SubParsersAction, name: str) -> None:  # type: ignore[type-arg]
    parser = verbs.add_parser(name, help="release an assignment to the students")
    parser.add_argument("assignment")
    add_service_options(parser)


def run(args: argparse.Namespace) -> int:
    ServiceClient.from_environment(args.url, args.token).release(args.assignment)
    print(f"released {args.assignment}")
    return 0
