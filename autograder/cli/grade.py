"""``autograder grade ASSIGNMENT NOTEBOOK``: grade one notebook."""

from __future__ import annotations

import argparse
import json
import unicodedata
from pathlib import Path

from autograder.cli.options import add_sandbox_option, sandboxed
from autograder.cli.options import course as chosen_course
from autograder.grading import Grader
from autograder.result import PENDING, GradeResult


def add_parser(verbs: argparse._SubParsersAction, name: str) -> None:  # type: ignore[type-arg]
    parser = verbs.add_parser(name, help="grade one notebook")
    parser.add_argument("assignment", help="assignment id, e.g. 02-linear-algebra")
    parser.add_argument("notebook", type=Path, help="the submitted .ipynb")
    parser.add_argument("--json", action="store_true", help="print only the result as JSON")
    parser.add_argument("--details", action="store_true", help="add instructor-only details (tracebacks, output)")
    parser.add_argument("--seed", type=int, default=None,
                        help="seed of the hidden inputs (default: a fresh secret one)")
    parser.add_argument("--gradescope", type=Path, default=None, help="also write a Gradescope results.json here")
    add_sandbox_option(parser)


def run(args: argparse.Namespace) -> int:
    assignment = chosen_course(args).assignment(args.assignment)
    with Grader(sandboxed=sandboxed(args)) as grader:
        result = grader.grade_file(assignment, args.notebook, args.seed)
    if args.gradescope:
        args.gradescope.write_text(json.dumps(result.to_gradescope(), indent=2))
    if args.json:
        print(json.dumps(result.to_dict(details=args.details), indent=2))
    else:
        print(render(result, details=args.details))
    return 0


def printable(text: str) -> str:
    """``text`` safe for a terminal: control and format characters other than newline and tab escaped.

    A notebook's messages and output are the student's text; raw, an escape sequence or a carriage
    return could erase lines of the report or print a fake score over it.
    """
    return "".join(char if char in "\n\t" or unicodedata.category(char) not in ("Cc", "Cf")
                   else ascii(char)[1:-1] for char in text)


def render(result: GradeResult, details: bool = False) -> str:
    """A human-readable report of ``result``; ``details`` adds tracebacks, output and manual answers."""
    pending = f"; {result.pending_points:g} points {PENDING}" if result.manual else ""
    lines = [f"{result.assignment}: {result.score:g} / {result.max_score:g}  ({result.status}{pending})"]
    if result.message:
        lines.append(printable(result.message))
    for test in result.tests:
        mark = "PASS" if test.passed else "FAIL"
        lines.append(f"  {mark}  {test.score:>4g}/{test.max_score:<4g} {test.name}"
                     + (f" — {printable(test.message)}" if test.message else ""))
        if details and test.detail:
            lines.append("        " + printable(test.detail).replace("\n", "\n        "))
    for item in result.manual:
        answer = f"{len(item.answer)} characters of answer" if item.answer else "no answer cell or an empty one"
        lines.append(f"  HAND  {'-':>4}/{item.max_score:<4g} {item.task} — {PENDING} ({answer})")
        if details and item.answer:
            lines.append("        " + printable(item.answer).replace("\n", "\n        "))
    if details and result.output:
        lines += ["--- notebook output ---", printable(result.output)]
    return "\n".join(lines)
