"""The otter-grader export grades like the engine: `otter run` on the toy course's notebooks."""

from __future__ import annotations

import json
import zipfile
import subprocess
import sys
from pathlib import Path

from conftest import solution_cells, write_notebook

from autograder.otter_export import export

OTTER = Path(sys.executable).parent / "otter"


def _otter_score(zip_path: Path, notebook: Path, out: Path) -> dict[str, float]:
    out.mkdir()
    subprocess.run([str(OTTER), "run", "--no-logo", "-a", str(zip_path), "-o", str(out), str(notebook)],
                   check=True, capture_output=True, timeout=300)
    results = json.loads((out / "results.json").read_text())
    return {t["name"]: t["score"] for t in results["tests"] if t.get("max_score")}


def test_otter_run_gives_full_marks_to_the_solution_and_zero_to_the_stub(toy, toy_solution, tmp_path):
    zip_path = export(toy, tmp_path / "export")
    solution = write_notebook(tmp_path / "solution.ipynb", *solution_cells(toy_solution))
    full = _otter_score(zip_path, solution, tmp_path / "solution-results")
    assert full == {task.name: task.points for task in toy.tasks}
    zero = _otter_score(zip_path, toy.notebook, tmp_path / "student-results")
    assert set(zero) == {task.name for task in toy.tasks} and sum(zero.values()) == 0


def test_the_requirements_name_distributions_not_modules(tmp_path):
    from autograder.course import Course
    from conftest import ROOT

    zip_path = export(Course.load(ROOT).assignment("02-linear-algebra"), tmp_path)
    with zipfile.ZipFile(zip_path) as archive:
        requirements = archive.read("requirements.txt").decode().split()
    assert "matplotlib" in requirements and not any("." in line for line in requirements)
