"""``autograder list``: the assignments, one a line."""

from __future__ import annotations

import argparse

from autograder.cli.options import course as chosen_course


def add_parser(verbs: argparse._SubParsersAction, name: str) -> None:  # type: ignore[type-arg]
    verbs.add_parser(name, help="list the assignments: id, title, points, gpu")


def run(args: argparse.Namespace) -> int:
    course = chosen_course(args)
    for assignment in course.assignments():
        gpu = "gpu" if assignment.gpu else "cpu"
        print(f"{assignment.id}\t{assignment.title}\t{assignment.max_score:g} points\t{gpu}")
    return 0
