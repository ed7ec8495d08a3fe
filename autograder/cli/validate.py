"""``autograder validate [ASSIGNMENT...]``: prove each assignment grades as it should."""

from __future__ import annotations

import argparse
import os

from autograder.cli.options import add_sandbox_option, sandboxed
from autograder.cli.options import course as chosen_course
from autograder.validate import Validation, validate


def add_parser(verbs: argparse._SubParsersAction, name: str) -> None:  # type: ignore[type-arg]
    parser = verbs.add_parser(name, help="solution full marks, student notebook 0, every mutant loses points")
    parser.add_argument("assignments", nargs="*", help="assignment ids (default: all)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the hidden inputs (default 0)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="gradings run in parallel")
    add_sandbox_option(parser)


def run(args: argparse.Namespace) -> int:
    course = chosen_course(args)
    ids = args.assignments or course.ids()
    use_sandbox = sandboxed(args)
    print(f"{'assignment':<32} {'tasks':>5} {'tests':>5} {'mutants':>9} {'solution':>9} {'student':>8} {'seconds':>8}")
    found: list[Validation] = []
    for assignment_id in ids:
        checked = validate(course.assignment(assignment_id), seed=args.seed, jobs=args.jobs, sandboxed=use_sandbox)
        found.append(checked)
        print(table_row(checked), flush=True)
        for failure in checked.failures:
            print(f"    FAIL: {failure}", flush=True)
    bad = [v.assignment for v in found if not v.ok]
    failing = f"; failing: {', '.join(bad)}" if bad else ""
    print(f"\n{len(found) - len(bad)} of {len(found)} assignments valid{failing}")
    return 1 if bad else 0


def table_row(v: Validation) -> str:
    """One line of the validation table."""
    mutants = f"{v.mutants_killed}/{v.mutants}"
    return (f"{v.assignment:<32} {v.tasks:>5} {v.tests:>5} {mutants:>9} {v.solution_score:>4g}/{v.max_score:<4g}"
            f" {v.student_score:>8g} {v.seconds:>8.1f}")
