"""``make bench-load``: 500 submissions from 100 students in bursts, the service killed (SIGKILL) twice
and restarted; every submission must be graded exactly once into one final score."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from conftest import TOY_COURSE, solution_cells, write_notebook  # noqa: E402
from load_and_faults import run  # noqa: E402

from autograder.course import Course  # noqa: E402
from autograder.solution import solution_notebook  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--submissions", type=int, default=500)
    parser.add_argument("--students", type=int, default=100)
    parser.add_argument("--kills", type=int, default=2)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    toy = Course.load(TOY_COURSE).assignment("00-toy")
    with tempfile.TemporaryDirectory() as folder:
        solution = write_notebook(Path(folder) / "solution.ipynb", *solution_cells(solution_notebook(toy)))
        report = run(TOY_COURSE, Path(folder), [(solution.read_bytes(), toy.max_score),
                                                 (toy.notebook.read_bytes(), 0.0)],
                     args.submissions, args.students, args.kills, args.workers)
    print(f"{report.submitted} submissions from {args.students} students, {report.kills} kill -9s, "
          f"{args.workers} workers: {report.graded} graded in {report.seconds:.1f} s "
          f"({report.per_minute:.0f} per minute); gradings per submission: {dict(report.gradings_per_submission)}; "
          f"wrong or missing scores: {len(report.wrong_scores)}")
    ok = report.graded == report.submitted and set(report.gradings_per_submission) == {1} and not report.wrong_scores
    print("OK: nothing lost, nothing graded twice" if ok else "FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
