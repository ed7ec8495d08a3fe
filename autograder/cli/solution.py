"""``autograder solution ASSIGNMENT -o PATH``: the student notebook with the reference filled in."""

from __future__ import annotations

import argparse
from pathlib import Path

from autograder import notebook
from autograder.cli.options import course as chosen_course
from autograder.solution import solution_notebook


def add_parser(verbs: argparse._SubParsersAction, name: str) -> None:  # type: ignore[type-arg]
    parser = verbs.add_parser(name, help="write the solution notebook")
    parser.add_argument("assignment")
    parser.add_argument("-o", "--output", type=Path, required=True, help="where to write the .ipynb")


def run(args: argparse.Namespace) -> int:
    assignment = chosen_course(args).assignment(args.assignment)
    notebook.write(solution_notebook(assignment), args.output)
    print(f"wrote {args.output}")
    return 0
