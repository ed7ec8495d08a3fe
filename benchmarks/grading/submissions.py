"""The submissions every tool grades: four kinds of notebook, written as byte-distinct files.

The task cells carry nbgrader's solution-cell metadata (inert for the engine and otter) so that
nbgrader can match them; nbgrader puts its grade cells back in with ``OverwriteCells.add_missing_cells``.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell

from autograder import notebook as notebooks
from autograder.course import Assignment
from autograder.mutants import Mutant, load_mutants
from autograder.solution import mutant_notebook, solution_notebook

KINDS = ("solution", "partly-wrong", "stub", "crash")


@dataclass(frozen=True)
class Submission:
    """One notebook file given to every tool."""

    kind: str
    copy: int
    path: Path

    @property
    def student(self) -> str:
        """The student who submits it: one per file."""
        return f"{self.kind}-{self.copy}"


@dataclass(frozen=True)
class Submissions:
    """The files of one assignment, the solution notebook they come from and the mutant used."""

    solution: nbformat.NotebookNode
    files: list[Submission]
    mutant: Mutant
    expected: dict[str, str]

    def first(self, copies: int) -> list[Submission]:
        """The files of the first ``copies`` copies of each kind, interleaved by kind."""
        return [f for f in self.files if f.copy < copies]


def with_nbgrader_metadata(notebook: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """The notebook with each task cell marked as an nbgrader solution cell (grade_id = the task)."""
    marked = copy.deepcopy(notebook)
    for task, index in notebooks.task_cell_indices(marked).items():
        marked.cells[index].metadata["nbgrader"] = {
            "grade": False, "grade_id": task, "locked": False, "schema_version": 3, "solution": True,
            "task": False}
    return marked


def crash_notebook(solution: nbformat.NotebookNode, assignment: Assignment) -> nbformat.NotebookNode:
    """The solution with a syntax error in the last task cell and an exception at top level."""
    crashed = copy.deepcopy(solution)
    last = assignment.tasks[-1].name
    crashed.cells[notebooks.task_cell_indices(crashed)[last]].source = f"def {last}(:\n    return None"
    first_code = next(i for i, cell in enumerate(crashed.cells) if cell.cell_type == "code")
    crashed.cells.insert(first_code + 1, new_code_cell(
        'raise RuntimeError("this notebook crashes at top level, after its imports")'))
    return crashed


def expected_scores(assignment: Assignment, mutant: Mutant) -> dict[str, str]:
    """What each kind should score, in words (the partly wrong one: less than full, more than 0)."""
    full = assignment.max_score
    crash = full - assignment.tasks[-1].points
    return {"solution": f"{full:g}", "partly-wrong": f"<{full:g} (mutant of {mutant.task})",
            "stub": "0", "crash": f"{crash:g} if grading goes on after errors"}


def build_submissions(assignment: Assignment, folder: Path, copies: int, mutant_name: str | None) -> Submissions:
    """The four kinds of notebook and ``copies`` byte-distinct files of each, interleaved by kind.

    ``mutant_name`` picks the partly wrong submission's mutant; None takes the first in ``mutants.py``.
    """
    mutants = load_mutants(assignment.hidden_dir / "mutants.py")
    mutant = next((m for m in mutants if mutant_name in (None, m.name)), None)
    if mutant is None:
        raise ValueError(f"{assignment.id} has no mutant {mutant_name!r}")
    solution = with_nbgrader_metadata(solution_notebook(assignment))
    kinds = {"solution": solution, "partly-wrong": mutant_notebook(solution, mutant),
             "stub": with_nbgrader_metadata(notebooks.read(assignment.notebook)),
             "crash": crash_notebook(solution, assignment)}
    files = []
    for number in range(copies):
        for kind in KINDS:
            notebook = copy.deepcopy(kinds[kind])
            notebook.metadata["benchmark"] = {"kind": kind, "copy": number}
            path = folder / f"{kind}-{number}.ipynb"
            notebooks.write(notebook, path)
            files.append(Submission(kind, number, path))
    return Submissions(solution, files, mutant, expected_scores(assignment, mutant))
