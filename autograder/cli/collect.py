"""``autograder collect ASSIGNMENT``: the latest submissions, in nbgrader's course-directory layout."""

from __future__ import annotations

import argparse
from datetime import datetime
from pathlib import Path

from autograder.cli.release import add_service_options
from autograder.client import ServiceClient


def add_parser(verbs: argparse._SubParsersAction, name: str) -> None:  # type: ignore[type-arg]
    parser = verbs.add_parser(name, help="collect each student's latest submission for nbgrader")
    parser.add_argument("assignment")
    parser.add_argument("--course-dir", type=Path, default=Path("."),
                        help="nbgrader course directory; files go to submitted/STUDENT/ASSIGNMENT/")
    add_service_options(parser)


def run(args: argparse.Namespace) -> int:
    collected = ServiceClient.from_environment(args.url, args.token).collect(args.assignment)
    for entry in collected:
        folder = args.course_dir / "submitted" / entry["student"] / args.assignment
        folder.mkdir(parents=True, exist_ok=True)
        for name, data in entry["files"].items():
            (folder / Path(name).name).write_bytes(data)
        stamp = datetime.fromisoformat(entry["timestamp"])
        (folder / "timestamp.txt").write_text(stamp.strftime("%Y-%m-%d %H:%M:%S.%f %Z").strip())
    print(f"collected {len(collected)} submissions of {args.assignment} into {args.course_dir / 'submitted'}")
    return 0
