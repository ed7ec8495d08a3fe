"""The command line: ``.venv/bin/python -m benchmarks.grading [options]`` from the repository root (``make bench``).

Progress goes to stderr; the results go to stdout as one markdown block for ``benchmarks/RESULTS.md``.
Exits with 1 when a tool failed or the tools disagree on the solution, the stub or the partly wrong one.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import TypeVar

from autograder.course import Assignment, Course
from autograder.otter_export import export
from benchmarks.grading import ROOT
from benchmarks.grading import __doc__ as overview
from benchmarks.grading.assignments import BENCHMARKED, Benchmarked
from benchmarks.grading.engine import run_in_process, run_service
from benchmarks.grading.machine import LoadWatch, wait_until_quiet
from benchmarks.grading.nbgrader import build_course, run_nbgrader
from benchmarks.grading.otter import run_otter
from benchmarks.grading.report import assignment_section, header, summary
from benchmarks.grading.results import Row
from benchmarks.grading.submissions import Submission, Submissions, build_submissions

T = TypeVar("T")
TOOLS = ("engine", "otter", "nbgrader")
DEFAULT_GAP_S = 5.0  # between idle submissions to the service when the in-process engine, which measures it, failed


def log(message: str) -> None:
    """A line of progress on stderr."""
    print(f"[{datetime.now():%H:%M:%S}] {message}", file=sys.stderr, flush=True)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """The options (see ``--help``)."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.grading", description=overview,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--assignments", nargs="+", choices=sorted(BENCHMARKED), default=list(BENCHMARKED))
    parser.add_argument("--tools", nargs="+", choices=TOOLS, default=list(TOOLS))
    parser.add_argument("--copies", type=int, default=None,
                        help="copies of each kind of submission graded by every tool (default: "
                             + ", ".join(f"{b.label} {b.copies}" for b in BENCHMARKED.values()) + ")")
    parser.add_argument("--burst-copies", type=int, default=None,
                        help="copies of each kind in the service's burst, at least --copies (default: "
                             + ", ".join(f"{b.label} {b.burst_copies}" for b in BENCHMARKED.values()) + ")")
    parser.add_argument("--workers", type=int, default=2, help="the service's local grading workers")
    parser.add_argument("--cpus", type=int, default=2,
                        help="run everything on this many CPUs of this machine (the targets are for 2; 0: all)")
    parser.add_argument("--otter-parallel", type=int, default=2, help="otter runs at once in the second pass")
    parser.add_argument("--gap", type=float, default=None,
                        help="seconds between idle submissions (default: 1.3 × the sandbox's start + 0.5 s)")
    parser.add_argument("--start-samples", type=int, default=1, help="sandbox starts timed to choose the gap")
    parser.add_argument("--mutant", action="append", default=[], metavar="LABEL=NAME",
                        help="the partly wrong submission's mutant for an assignment (default: "
                             + ", ".join(f"{b.label} {b.mutant or 'the first in mutants.py'}"
                                         for b in BENCHMARKED.values()) + ")")
    parser.add_argument("--quiet-load", type=float, default=1.0, help="1-minute load to wait for before starting")
    parser.add_argument("--wait-quiet", type=float, default=0.0,
                        help="seconds to wait at most for that load (default 0: start at once)")
    parser.add_argument("--json", type=Path, help="also write the raw numbers here")
    parser.add_argument("--keep", type=Path, help="keep the working folder (submissions, exports, logs) here")
    args = parser.parse_args(argv)
    if args.copies is not None and args.burst_copies is not None and args.burst_copies < args.copies:
        parser.error("--burst-copies must be at least --copies")
    try:
        args.mutant = dict(item.split("=", 1) for item in args.mutant)
    except ValueError:
        parser.error("--mutant takes LABEL=NAME")
    return args


def pin_cpus(count: int) -> list[int]:
    """Keep this process and everything it starts on the first ``count`` CPUs it may use (0: all of them)."""
    allowed = sorted(os.sched_getaffinity(0))
    if 0 < count < len(allowed):
        os.sched_setaffinity(0, allowed[:count])
    return sorted(os.sched_getaffinity(0))


class Attempts:
    """Runs the measurements; one that fails is logged and recorded, and the benchmark goes on."""

    def __init__(self) -> None:
        self.failures: list[str] = []

    def __call__(self, label: str, tool: str, run: Callable[[], T]) -> T | None:
        log(f"[{label}] {tool}")
        try:
            return run()
        except Exception as error:  # noqa: BLE001  (reported as FAILED; the other tools still run)
            self.failures.append(f"{label}, {tool}: {error}")
            log(f"[{label}] {tool} FAILED: {error}")
            return None


def bench_assignment(bench: Benchmarked, args: argparse.Namespace, folder: Path,
                     attempts: Attempts) -> tuple[Assignment, Submissions, list[Row]]:
    """Every chosen tool on the same submissions of one assignment; the submissions and the rows."""
    assignment = Course.load(ROOT).assignment(bench.assignment_id)
    copies = args.copies or bench.copies
    burst_copies = max(copies, args.burst_copies or bench.burst_copies)
    submissions = build_submissions(assignment, folder / "submissions", burst_copies,
                                    args.mutant.get(bench.label, bench.mutant))
    shared = submissions.first(copies)
    rows: list[Row] = []
    if "engine" in args.tools:
        in_process = attempts(bench.label, "engine in-process",
                              lambda: run_in_process(assignment, shared, args.gap, args.start_samples))
        gap = in_process[1] if in_process else (args.gap or DEFAULT_GAP_S)
        rows += [in_process[0]] if in_process else []
        rows += attempts(bench.label, "engine service", lambda: run_service(
            assignment, shared, submissions.files, args.workers, gap, folder / "service")) or ()
    if "otter" in args.tools:
        zip_path = attempts(bench.label, "export-otter", partial(export, assignment, folder / "otter-export"))
        for parallel in sorted({1, args.otter_parallel}) if zip_path else []:
            row = attempts(bench.label, f"otter run ×{parallel}",
                           partial(run_otter, zip_path, shared, parallel, folder))
            rows += [row] if row else []
    if "nbgrader" in args.tools:
        alone = Submission("solution", 99, shared[0].path)

        def nbgrader() -> list[Row]:
            course = build_course(assignment, submissions.solution, folder,
                                  [f.student for f in shared] + [alone.student])
            return [run_nbgrader(course, assignment.id, shared, alone=False),
                    run_nbgrader(course, assignment.id, [alone], alone=True)]
        rows += attempts(bench.label, "nbgrader autograde", nbgrader) or []
    return assignment, submissions, rows


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its markdown; 0 when every tool ran and they agree."""
    argv = sys.argv[1:] if argv is None else argv
    args = parse_args(argv)
    # as in an activated virtualenv: nbgrader runs `alembic` from the PATH
    os.environ["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"
    cpus = pin_cpus(args.cpus)
    before = wait_until_quiet(args.quiet_load, args.wait_quiet)
    started, begun = datetime.now().astimezone(), time.monotonic()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="bench-grading-"))
    folder.mkdir(parents=True, exist_ok=True)
    attempts = Attempts()
    sections, rows_by_label, problems, goals, data = [], {}, [], [], {}
    try:
        with LoadWatch() as load:
            for label in args.assignments:
                bench = BENCHMARKED[label]
                assignment, submissions, rows = bench_assignment(bench, args, folder / label, attempts)
                text, found, checked = assignment_section(bench, assignment, submissions, rows, args.workers,
                                                          len(cpus))
                print(text, file=sys.stderr, flush=True)
                sections.append(text)
                rows_by_label[label] = rows
                problems += found
                goals += [f"{label}: {goal}" for goal in checked]
                data[label] = {"rows": [row.to_dict() for row in rows], "problems": found,
                               "targets": [str(goal) for goal in checked]}
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)
    lines = header(" ".join(argv), started, time.monotonic() - begun, cpus, before, load) + sections
    lines += summary(goals, attempts.failures, rows_by_label)
    print("\n".join(lines))
    if args.json:
        args.json.write_text(json.dumps({"report": lines, "assignments": data, "failures": attempts.failures},
                                        indent=1))
    return 1 if attempts.failures or problems else 0


if __name__ == "__main__":
    sys.exit(main())
