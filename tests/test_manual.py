"""Manual tasks (graded by hand): the manifest, the answer text, pending points, and validate."""

from __future__ import annotations

import shutil

import nbformat
import pytest
from conftest import TOY_COURSE, solution_cells, write_notebook

from autograder import notebook
from autograder.cli.grade import render
from autograder.course import Assignment, Course, CourseError
from autograder.result import ManualItem
from autograder.solution import solution_notebook
from autograder.validate import contract_problems, validate

ANSWER = "Only while the beam stays linear elastic: <b>small</b> strains.\nPlasticity breaks it."


@pytest.fixture(scope="module")
def reflection() -> Assignment:
    return Course.load(TOY_COURSE).assignment("01-reflection")


def _answered(assignment: Assignment, answer: str) -> nbformat.NotebookNode:
    """The solution notebook whose reflection cell holds ``answer``."""
    return notebook.with_task_sources(solution_notebook(assignment), {"reflection": answer})


def test_the_manifest_marks_manual_tasks_and_full_marks_are_the_autograded_points(reflection):
    assert [(t.name, t.manual) for t in reflection.tasks] == [("double", False), ("reflection", True)]
    assert reflection.max_score == 5 and reflection.autograded_max_score == 2
    assert [t.name for t in reflection.manual_tasks] == ["reflection"]


@pytest.mark.parametrize(("tasks", "message"), [
    ('[[tasks]]\nname = "a"\npoints = 1\nmanual = "yes"\n', "must be true or false"),
    ('[[tasks]]\nname = "a"\npoints = 1\nmanual = true\n', "at least one task must be autograded"),
])
def test_a_malformed_manual_task_names_the_problem(tmp_path, tasks, message):
    folder = tmp_path / "assignments" / "99-bad"
    folder.mkdir(parents=True)
    (folder / "assignment.toml").write_text(f'title = "bad"\nreference = "bad"\n{tasks}')
    with pytest.raises(CourseError, match=message):
        Course.load(tmp_path).assignment("99-bad")


def test_a_manual_task_is_pending_not_zero_and_its_answer_is_in_the_result(reflection, grader, tmp_path):
    path = tmp_path / "answered.ipynb"
    notebook.write(_answered(reflection, ANSWER), path)
    result = grader.grade_file(reflection, path, seed=3)
    assert result.status == "graded" and result.score == 2 and result.max_score == 5
    assert {t.task for t in result.tests} == {"double"} and all(t.passed for t in result.tests)
    assert result.manual == [ManualItem("reflection", 3.0, ANSWER)] and result.pending_points == 3
    data = result.to_dict()
    assert data["pending_points"] == 3 and data["score"] == 2
    assert data["manual"] == [{"task": "reflection", "max_score": 3.0, "answer": ANSWER, "status": "pending"}]
    gradescope = result.to_gradescope()
    assert gradescope["score"] == 2 and sum(t["max_score"] for t in gradescope["tests"]) == 2
    assert "reflection" not in {t["name"] for t in gradescope["tests"]}
    assert "reflection (3 points) is graded by hand" in gradescope["output"]
    report = render(result, details=True)
    assert "2 / 5  (graded; 3 points awaiting manual grading)" in report
    assert "-/3    reflection — awaiting manual grading" in report and "0/3" not in report
    assert "Plasticity breaks it." in report


def test_without_an_answer_cell_the_answer_is_empty_and_still_pending(reflection, grader, tmp_path):
    path = write_notebook(tmp_path / "code-only.ipynb", *solution_cells(solution_notebook(reflection)))
    result = grader.grade_file(reflection, path, seed=3)
    assert result.score == 2 and result.manual == [ManualItem("reflection", 3.0, "")]
    broken = tmp_path / "broken.ipynb"
    broken.write_text("not a notebook")
    unreadable = grader.grade_file(reflection, broken, seed=3)
    assert unreadable.status == "error" and unreadable.pending_points == 3


def test_answers_join_split_cells_and_are_bounded():
    cells = [nbformat.v4.new_markdown_cell("first half", metadata={"autograder": {"task": "essay"}}),
             nbformat.v4.new_code_cell("x = 1"),
             nbformat.v4.new_code_cell("# second half", metadata={"autograder": {"task": "essay"}}),
             nbformat.v4.new_markdown_cell("y" * 30_000, metadata={"autograder": {"task": "long"}}),
             nbformat.v4.new_markdown_cell("ignored", metadata={"autograder": "not a dict"})]
    document = nbformat.v4.new_notebook(cells=cells)
    answers = notebook.task_answers(document, ["essay", "long", "missing"])
    assert answers["essay"] == "first half\n\n# second half" and answers["missing"] == ""
    assert answers["long"].startswith("y" * notebook.MAX_ANSWER_CHARS)
    assert len(answers["long"]) < notebook.MAX_ANSWER_CHARS + 100 and "cut" in answers["long"]


def test_validate_grades_the_fixture_with_a_manual_task(reflection):
    checked = validate(reflection, seed=0, jobs=1)
    assert checked.failures == []
    assert checked.solution_score == checked.max_score == 2 and checked.student_score == 0
    assert checked.tests == 2 and checked.mutants_killed == checked.mutants == 3


def test_validate_refuses_hidden_tests_for_a_manual_task_and_a_missing_answer_cell(tmp_path):
    course = tmp_path / "course"
    shutil.copytree(TOY_COURSE, course)
    hidden = course / "autograder" / "hidden" / "01-reflection"
    (hidden / "test_reflection.py").write_text((hidden / "test_reflection.py").read_text() + (
        '\n\n@graded("reflection", points=1)\ndef test_reflection_is_long(student):\n    pass\n'))
    student = course / "assignments" / "01-reflection" / "01-reflection.ipynb"
    document = notebook.read(student)
    document.cells = [c for c in document.cells if c.metadata.get("autograder", {}).get("task") != "reflection"]
    notebook.write(document, student)
    problems, _ = contract_problems(Course.load(course).assignment("01-reflection"))
    assert problems == ["no task cell for 'reflection' in the student notebook",
                        "'reflection' is graded by hand but has 1 hidden tests"]
