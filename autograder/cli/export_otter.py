"""``autograder export-otter ASSIGNMENT -o DIR``: the assignment as an otter-grader 7 autograder."""

from __future__ import annotations

import argparse
from pathlib import Path

from autograder.cli.options import course as chosen_course
from autograder.otter_export import export


def add_parser(verbs: argparse._SubParsersAction, name: str) -> None:  # type: ignore[type-arg]
    parser = verbs.add_parser(name, help="write an otter-grader autograder.zip for the assignment")
    parser.add_argument("assignment")
    parser.add_argument("-o", "--output", type=Path, required=True, help="output folder")


def run(args: argparse.Namespace) -> int:
    assignment = chosen_course(args).assignment(args.assignment)
    zip_path = export(assignment, args.output)
    print(f"wrote {zip_path}; grade with: otter run -a {zip_path} NOTEBOOK.ipynb")
    return 0
