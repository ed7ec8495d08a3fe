"""Options shared by several verbs."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from autograder.course import Course


def add_sandbox_option(parser: argparse.ArgumentParser) -> None:
    """The escape hatch for machines without bubblewrap, named so nobody uses it by accident."""
    parser.add_argument("--unsafe-no-sandbox", action="store_true",
                        help="run student code WITHOUT isolation (only for notebooks you trust)")


def sandboxed(args: argparse.Namespace) -> bool:
    """Whether to sandbox; warns loudly when not."""
    if args.unsafe_no_sandbox:
        print("autograder: WARNING: grading WITHOUT a sandbox: student code can read the hidden tests "
              "and the reference, use the network and harm this machine.", file=sys.stderr)
        return False
    return True


def course(args: argparse.Namespace) -> Course:
    """The course chosen by ``--course`` (or the default)."""
    return Course.load(Path(args.course) if args.course else None)
