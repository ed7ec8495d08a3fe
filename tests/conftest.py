"""Shared fixtures: the toy course the engine's tests grade against, and notebook builders."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

from autograder.course import Assignment, Course
from autograder.grading import Grader
from autograder.solution import solution_notebook

ROOT = Path(__file__).resolve().parent.parent
TOY_COURSE = Path(__file__).resolve().parent / "fixtures" / "course"


@pytest.fixture(scope="session")
def toy() -> Assignment:
    return Course.load(TOY_COURSE).assignment("00-toy")


@pytest.fixture(scope="session")
def grader() -> Grader:
    return Grader()


@pytest.fixture(scope="session")
def toy_solution(toy: Assignment) -> nbformat.NotebookNode:
    return solution_notebook(toy)


def write_notebook(path: Path, *sources: str) -> Path:
    """A notebook at ``path`` whose code cells are ``sources``."""
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(s) for s in sources])
    nbformat.write(notebook, str(path))
    return path


def solution_cells(solution: nbformat.NotebookNode) -> list[str]:
    """The code cells' sources of a notebook."""
    return [cell.source for cell in solution.cells if cell.cell_type == "code"]
