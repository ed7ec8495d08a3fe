"""Proof that an assignment grades as it should.

For each assignment: the contract holds (a task cell per task with the reference's signature, at
least two hidden tests and three mutants per task, test points adding up to the task's points), the
solution notebook scores full marks, the untouched student notebook scores 0 with status "graded",
and every mutant loses points. Manual tasks need only their answer cell: they have no reference, no
hidden tests and no mutants, and full marks are the autograded tasks' points.
"""

from __future__ import annotations

import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from autograder import hidden_tests, notebook
from autograder.course import Assignment, Course
from autograder.grading import Grader
from autograder.mutants import load_mutants
from autograder.result import GradeResult
from autograder.solution import mutant_notebook, reference_source, signature, solution_notebook

MIN_TESTS_PER_TASK = 2
MIN_MUTANTS_PER_TASK = 3


@dataclass
class Validation:
    """What validating one assignment found."""

    assignment: str
    tasks: int = 0
    tests: int = 0
    mutants: int = 0
    mutants_killed: int = 0
    solution_score: float = 0.0
    student_score: float = 0.0
    max_score: float = 0.0          # the autograded tasks' points
    seconds: float = 0.0
    failures: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Whether every check passed."""
        return not self.failures


def contract_problems(assignment: Assignment) -> tuple[list[str], Counter[str]]:
    """Problems with the assignment's files, and the number of hidden tests per task."""
    problems = []
    student = notebook.read(assignment.notebook) if assignment.notebook.exists() else None
    if student is None:
        return [f"student notebook {assignment.notebook.name} is missing"], Counter()
    cells = notebook.task_cell_indices(student)
    for task in assignment.tasks:
        if task.name not in cells:
            problems.append(f"no task cell for {task.name!r} in the student notebook")
            continue
        if task.manual:
            continue
        stub = signature(student.cells[cells[task.name]].source, task.name)
        try:
            wanted = signature(reference_source(assignment, task.name), task.name)
        except Exception as error:  # noqa: BLE001  (report any broken reference)
            problems.append(f"reference for {task.name!r}: {error}")
            continue
        if stub is None:
            problems.append(f"the task cell for {task.name!r} does not define it")
        elif stub != wanted:
            problems.append(f"{task.name!r}: stub signature ({stub}) differs from the reference's ({wanted})")
    tests_per_task: Counter[str] = Counter()
    points_per_task: Counter[str] = Counter()
    for test in hidden_tests.scan(assignment.hidden_dir):
        tests_per_task[test.task] += 1
        points_per_task[test.task] += test.points
    for task in assignment.manual_tasks:
        if tests_per_task[task.name]:
            problems.append(f"{task.name!r} is graded by hand but has {tests_per_task[task.name]} hidden tests")
    for task in assignment.autograded_tasks:
        if tests_per_task[task.name] < MIN_TESTS_PER_TASK:
            problems.append(f"{task.name!r} has {tests_per_task[task.name]} hidden tests "
                            f"(at least {MIN_TESTS_PER_TASK})")
        if abs(points_per_task[task.name] - task.points) > 1e-9:
            problems.append(f"{task.name!r}: hidden tests give {points_per_task[task.name]:g} points, "
                            f"the manifest {task.points:g}")
    return problems, tests_per_task


_worker_grader: Grader | None = None  # one per pool process, so that its zygote serves all its jobs


def _start_worker(sandboxed: bool) -> None:
    global _worker_grader
    _worker_grader = Grader(sandboxed=sandboxed)


def _grade_job(job: tuple[Path, str, str, list[tuple[int, str]], int]) -> tuple[str, GradeResult]:
    root, assignment_id, label, cells, seed = job
    assignment = Course.load(root).assignment(assignment_id)
    assert _worker_grader is not None, "the pool's initializer makes the grader"
    return label, _worker_grader.grade_cells(assignment, cells, seed)


def validate(assignment: Assignment, seed: int = 0, jobs: int = 2, sandboxed: bool = True) -> Validation:
    """Run every check on ``assignment``."""
    started = time.monotonic()
    found = Validation(assignment.id, tasks=len(assignment.tasks), max_score=assignment.autograded_max_score)
    problems, tests_per_task = contract_problems(assignment)
    found.failures += problems
    found.tests = sum(tests_per_task.values())
    mutants = load_mutants(assignment.hidden_dir / "mutants.py")
    found.mutants = len(mutants)
    per_task = Counter(m.task for m in mutants)
    autograded = {t.name for t in assignment.autograded_tasks}
    for task in assignment.autograded_tasks:
        if per_task[task.name] < MIN_MUTANTS_PER_TASK:
            found.failures.append(f"{task.name!r} has {per_task[task.name]} mutants (at least {MIN_MUTANTS_PER_TASK})")
    for name in set(per_task) - autograded:
        found.failures.append(f"mutants for {name!r}, which is not an autograded task")
    try:
        solution = solution_notebook(assignment)
        student = notebook.read(assignment.notebook)
    except Exception as error:  # noqa: BLE001  (report, then go on to the next assignment)
        found.failures.append(f"cannot build the solution notebook: {error}")
        found.seconds = time.monotonic() - started
        return found
    work = [("solution", notebook.code_cells(solution)), ("student", notebook.code_cells(student))]
    work += [(f"mutant {m.name}", notebook.code_cells(mutant_notebook(solution, m))) for m in mutants
             if m.task in autograded]
    jobs_list = [(assignment.root, assignment.id, label, cells, seed) for label, cells in work]
    with ProcessPoolExecutor(max_workers=max(1, jobs), initializer=_start_worker, initargs=(sandboxed,)) as pool:
        results = dict(pool.map(_grade_job, jobs_list))
    _check_results(found, results, assignment)
    found.seconds = time.monotonic() - started
    return found


def _check_results(found: Validation, results: dict[str, GradeResult], assignment: Assignment) -> None:
    solution, student = results.pop("solution"), results.pop("student")
    found.solution_score, found.student_score = solution.score, student.score
    full = assignment.autograded_max_score
    if solution.status != "graded" or solution.score != full:
        failed = [t.name for t in solution.tests if not t.passed]
        found.failures.append(f"solution scores {solution.score:g}/{full:g} "
                              f"({solution.status}; failing: {', '.join(failed)}; {solution.message})")
    if student.status != "graded" or student.score != 0:
        passed = [t.name for t in student.tests if t.passed]
        found.failures.append(f"untouched student notebook scores {student.score:g} ({student.status}; "
                              f"passing: {', '.join(passed)}; {student.message})")
    for label, result in results.items():
        if result.status == "graded" and result.score < full:
            found.mutants_killed += 1
        else:
            found.failures.append(f"{label} survives: {result.score:g}/{full:g} ({result.status})")
