"""nbgrader: ``nbgrader autograde`` on an nbgrader version of the assignment, built in a temporary folder.

The instructor's notebook is the solution with its task cells as solution regions, followed by one grade
cell per hidden test that runs the very test in the kernel (``autograder.otter_runtime.run_test``, as the
otter export does), with the engine's small modules, the hidden tests and the reference beside it.
"""

from __future__ import annotations

import copy
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell

from autograder import hidden_tests
from autograder import notebook as notebooks
from autograder.course import PACKAGE_DIR, Assignment
from autograder.otter_export import EXPORT_SEED, SHIPPED_MODULES
from benchmarks.grading.memory import Sampler, classify_tool
from benchmarks.grading.results import Row, by_kind
from benchmarks.grading.submissions import Submission

COMMAND_TIMEOUT_S = 3600
CONFIG = """c = get_config()
c.CourseDirectory.root = {root!r}
c.CourseDirectory.course_id = "bench"
c.CourseDirectory.db_url = {db!r}
c.OverwriteCells.add_missing_cells = True
c.Execute.timeout = 600
c.Application.log_format = "%(created).3f [%(name)s | %(levelname)s] %(message)s"
"""


def _nbgrader(course: Path, *command: str) -> subprocess.CompletedProcess[bytes]:
    done = subprocess.run([sys.executable, "-m", "nbgrader", *command], cwd=course, capture_output=True,
                          timeout=COMMAND_TIMEOUT_S)
    if done.returncode != 0:
        raise RuntimeError(f"nbgrader {' '.join(command)} failed: {done.stderr.decode()[-3000:]}")
    return done


def source_notebook(assignment: Assignment, solution: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """The instructor's nbgrader notebook: task cells as solution regions, then one grade cell per hidden test."""
    source = copy.deepcopy(solution)
    for index in notebooks.task_cell_indices(source).values():
        source.cells[index].source = f"### BEGIN SOLUTION\n{source.cells[index].source}\n### END SOLUTION"
    for test in hidden_tests.scan(assignment.hidden_dir):
        cell = new_code_cell(f"# hidden test of {test.task}\nfrom autograder.otter_runtime import run_test\n"
                             f"run_test({test.file.name!r}, {test.name!r}, {assignment.reference_path.name!r}, "
                             f"{EXPORT_SEED}, globals())")
        cell.metadata["nbgrader"] = {"grade": True, "grade_id": test.name, "locked": True, "points": test.points,
                                     "schema_version": 3, "solution": False, "task": False}
        source.cells.append(cell)
    return source


def build_course(assignment: Assignment, solution: nbformat.NotebookNode, folder: Path,
                 students: list[str]) -> Path:
    """An nbgrader course directory with the assignment generated and ``students`` in its gradebook."""
    course = folder / "nbgrader-course"
    source = course / "source" / assignment.id
    source.mkdir(parents=True)
    (course / "nbgrader_config.py").write_text(CONFIG.format(root=str(course),
                                                             db=f"sqlite:///{course / 'gradebook.db'}"))
    notebooks.write(source_notebook(assignment, solution), source / f"{assignment.id}.ipynb")
    for module in SHIPPED_MODULES:
        (source / "autograder" / module).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(PACKAGE_DIR / module, source / "autograder" / module)
    (source / "otter_hidden").mkdir()
    for path in {t.file for t in hidden_tests.scan(assignment.hidden_dir)} | {assignment.reference_path}:
        shutil.copy(path, source / "otter_hidden" / path.name)
    for name, data in assignment.data_files.items():
        (source / name).parent.mkdir(parents=True, exist_ok=True)
        (source / name).write_bytes(data)
    (folder / "students.csv").write_text("id\n" + "".join(f"{s}\n" for s in students))
    _nbgrader(course, "db", "student", "import", str(folder / "students.csv"))
    _nbgrader(course, "generate_assignment", assignment.id, "--force")
    return course


def _scores(course: Path, assignment_id: str, students: list[str]) -> dict[str, float]:
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
        return {s: float(gradebook.find_submission(assignment_id, s).score) for s in students}


def run_nbgrader(course: Path, assignment_id: str, files: list[Submission], alone: bool) -> Row:
    """``nbgrader autograde`` over ``files`` (one student each) as one command; ``alone``: for one student."""
    for submission in files:
        target = course / "submitted" / submission.student / assignment_id
        target.mkdir(parents=True, exist_ok=True)
        shutil.copy(submission.path, target / f"{assignment_id}.ipynb")
    command = ["autograde", assignment_id, "--force"] + (["--student", files[0].student] if alone else [])
    with Sampler(os.getpid(), classify_tool) as sampler:
        started_wall, started = time.time(), time.monotonic()
        log = _nbgrader(course, *command).stderr.decode()
        total, ended_wall = time.monotonic() - started, time.time()
    # per submission: from nbgrader starting on it to starting on the next one (or exiting)
    starts = [float(m.group(1)) for m in re.finditer(r"^(\d+\.\d+) .*Sanitizing .*/submitted/[^/]+/", log,
                                                     re.MULTILINE)]
    per = [end - start for start, end in zip(starts, starts[1:] + [ended_wall])] if not alone else [total]
    startup = starts[0] - started_wall if starts else float("nan")
    scores = _scores(course, assignment_id, [f.student for f in files])
    how = "one submission alone" if alone else f"one batch of {len(files)}"
    return Row("nbgrader, alone" if alone else "nbgrader, batch", f"nbgrader `autograde`, {how}", len(files), total,
               per, by_kind([(f.kind, scores[f.student]) for f in files]), sampler.peaks_mb(),
               note=f"{startup:.1f} s from the command's start to its first notebook")
