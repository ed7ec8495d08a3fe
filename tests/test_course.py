"""The real course: every assignment follows the contract, and the CLI grades one end to end."""

from __future__ import annotations

import ast
import json
import subprocess
import sys

import pytest
from conftest import ROOT

from autograder import notebook
from autograder.course import Course

COURSE = Course.load(ROOT)


def _grade(assignment_id: str, path) -> dict:
    done = subprocess.run([sys.executable, "-m", "autograder.cli", "grade", assignment_id, str(path), "--json"],
                          capture_output=True, text=True, cwd=ROOT, timeout=300, check=True)
    return json.loads(done.stdout)


def test_cli_grades_the_linear_algebra_solution_full_and_the_stub_zero(tmp_path):
    solution = tmp_path / "solution.ipynb"
    subprocess.run([sys.executable, "-m", "autograder.cli", "solution", "02-linear-algebra", "-o", str(solution)],
                   check=True, cwd=ROOT, capture_output=True, timeout=120)
    full = _grade("02-linear-algebra", solution)
    assert full["status"] == "graded" and full["score"] == full["max_score"] > 0
    stub = _grade("02-linear-algebra", ROOT / "assignments" / "02-linear-algebra" / "02-linear-algebra.ipynb")
    assert stub["status"] == "graded" and stub["score"] == 0


def _is_stub(source: str) -> bool:
    """Every function in ``source`` does nothing but raise (docstrings, ``pass`` and ``...`` aside)."""
    functions = [n for n in ast.walk(ast.parse(source)) if isinstance(n, ast.FunctionDef)]
    for function in functions:
        for statement in function.body:
            constant = isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant)
            if not (constant or isinstance(statement, (ast.Raise, ast.Pass))):
                return False
    return bool(functions) and "raise NotImplementedError" in source


@pytest.mark.parametrize("assignment", COURSE.assignments(), ids=lambda a: a.id)
def test_students_receive_nothing_hidden(assignment):
    """The student folder holds no reference code and no hidden test, and the notebook has no solution."""
    shipped = [p for p in assignment.folder.rglob("*") if p.is_file()]
    assert not any(p.suffix == ".py" for p in shipped)
    student = notebook.read(assignment.notebook)
    reference_text = assignment.reference_path.read_text()
    manual = {task.name for task in assignment.manual_tasks}  # an answer cell for prose, not a stub
    for task, index in notebook.task_cell_indices(student).items():
        assert task in manual or _is_stub(student.cells[index].source), f"task cell {task} holds more than a stub"
    assert all(not cell.get("outputs") for cell in student.cells), "stored outputs could leak solutions"
    assert reference_text not in json.dumps(student)


@pytest.mark.parametrize("assignment", COURSE.assignments(), ids=lambda a: a.id)
def test_assignment_meets_the_contract_counts(assignment):
    from autograder.validate import contract_problems
    problems, tests_per_task = contract_problems(assignment)
    assert problems == []
    assert 4 <= len(assignment.tasks) <= 8
    assert 10 <= sum(tests_per_task.values()) <= 20
