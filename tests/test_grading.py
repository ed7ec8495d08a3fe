"""The engine grades real notebooks in real sandboxes: scores, messages, and failure modes."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
import time

from conftest import ROOT, TOY_COURSE, solution_cells, write_notebook

from autograder.grading import Grader


def test_solution_scores_full_marks(toy, grader, toy_solution, tmp_path):
    path = write_notebook(tmp_path / "solution.ipynb", *solution_cells(toy_solution))
    result = grader.grade_file(toy, path, seed=3)
    assert result.status == "graded"
    assert result.score == toy.max_score == 7
    assert all(test.passed and test.message == "" for test in result.tests)


def test_untouched_student_notebook_scores_zero_with_a_result(toy, grader):
    result = grader.grade_file(toy, toy.notebook, seed=3)
    assert result.status == "graded"
    assert result.score == 0
    assert len(result.tests) == 8
    assert "NotImplementedError" in result.tests[0].message
    assert "cell 4 raised NotImplementedError" in result.message


def test_one_wrong_function_costs_only_its_tests(toy, grader, toy_solution, tmp_path):
    cells = solution_cells(toy_solution) + ["def scale(v, factor):\n    return v"]
    result = grader.grade_file(toy, write_notebook(tmp_path / "nb.ipynb", *cells), seed=3)
    failed = {t.name for t in result.tests if not t.passed}
    assert failed == {"test_scale_random", "test_scale_matches_allclose_trap"}
    assert result.score == 5


def test_infinite_loop_at_top_level_gives_a_result_within_the_time_limit(toy, grader, tmp_path):
    path = write_notebook(tmp_path / "loop.ipynb", "import numpy as np", "while True:\n    pass")
    started = time.monotonic()
    result = grader.grade_file(toy, path, seed=3)
    elapsed = time.monotonic() - started
    assert elapsed < toy.limits.notebook_timeout_s + 5
    assert result.status == "graded" and result.score == 0
    assert "time limit" in result.message and "cell 2" in result.message


def test_infinite_loop_in_one_function_fails_that_call_and_the_rest_still_grades(toy, grader, toy_solution, tmp_path):
    cells = solution_cells(toy_solution) + ["def apply_twice(f, x):\n    while True:\n        pass"]
    result = grader.grade_file(toy, write_notebook(tmp_path / "nb.ipynb", *cells), seed=3)
    by_name = {t.name: t for t in result.tests}
    assert "time limit" in by_name["test_apply_twice_calls_back"].message
    assert by_name["test_first_line_of_hidden_file"].passed  # graded in a restarted sandbox
    assert result.score == 5


def test_huge_allocation_gives_a_memory_message(toy, grader, toy_solution, tmp_path):
    cells = solution_cells(toy_solution) + ["big = np.ones(50 * 10**9 // 8)"]
    result = grader.grade_file(toy, write_notebook(tmp_path / "nb.ipynb", *cells), seed=3)
    assert result.status == "graded"
    assert "MemoryError" in result.message and "memory limit" in result.message
    assert result.score == toy.max_score  # the functions themselves are right


def test_exiting_the_process_scores_zero_with_a_message(toy, grader, toy_solution, tmp_path):
    cells = solution_cells(toy_solution) + ["import os\nos._exit(0)"]
    result = grader.grade_file(toy, write_notebook(tmp_path / "nb.ipynb", *cells), seed=3)
    assert result.score == 0
    assert "ended its own process" in result.message


def test_system_exit_and_keyboard_interrupt_are_cell_errors(toy, grader, toy_solution, tmp_path):
    cells = solution_cells(toy_solution) + ["import sys\nsys.exit(0)", "raise KeyboardInterrupt"]
    result = grader.grade_file(toy, write_notebook(tmp_path / "nb.ipynb", *cells), seed=3)
    assert result.score == toy.max_score
    assert "SystemExit" in result.message and "KeyboardInterrupt" in result.message


def test_patching_numpy_and_returning_zero_scores_zero(toy, grader, tmp_path):
    cheat = """
import numpy as np
import numpy.testing
np.allclose = lambda *a, **k: True
np.isclose = lambda *a, **k: True
np.testing.assert_allclose = lambda *a, **k: None
np.array_equal = lambda *a, **k: True
scale = Spring = apply_twice = first_line = lambda *a, **k: 0
"""
    result = grader.grade_file(toy, write_notebook(tmp_path / "cheat.ipynb", cheat), seed=3)
    assert result.status == "graded"
    assert result.score == 0


def test_values_that_lie_about_equality_do_not_pass(toy, grader, tmp_path):
    cheat = """
import numpy as np
class Liar(float):
    def __eq__(self, other):
        return True
    __ne__ = lambda self, other: False
class LyingArray(np.ndarray):
    def __eq__(self, other):
        return np.ones(np.shape(other), bool)
def scale(v, factor):
    return np.zeros(len(v)).view(LyingArray)
def apply_twice(f, x):
    f(x); f(x)
    return Liar(0.0)
"""
    result = grader.grade_file(toy, write_notebook(tmp_path / "liar.ipynb", cheat), seed=3)
    scores = {t.name: t.score for t in result.tests}
    assert scores["test_scale_random"] == 0 and scores["test_apply_twice_calls_back"] == 0


def test_a_file_that_is_not_a_notebook_gives_an_error_result(toy, grader, tmp_path):
    path = tmp_path / "broken.ipynb"
    path.write_text("{ this is not json")
    result = grader.grade_file(toy, path, seed=3)
    assert result.status == "error" and result.score == 0
    assert "not a notebook" in result.message


def test_a_notebook_without_code_scores_zero_with_a_message(toy, grader, tmp_path):
    result = grader.grade_file(toy, write_notebook(tmp_path / "empty.ipynb"), seed=3)
    assert result.status == "graded" and result.score == 0
    assert "no code" in result.message


def test_syntax_error_is_reported_for_its_cell(toy, grader, toy_solution, tmp_path):
    cells = solution_cells(toy_solution) + ["def broken(:\n    pass"]
    result = grader.grade_file(toy, write_notebook(tmp_path / "nb.ipynb", *cells), seed=3)
    assert "SyntaxError" in result.message
    assert result.score == toy.max_score


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "autograder.cli", "--course", str(TOY_COURSE), *args]
    return subprocess.run(command, capture_output=True, text=True, cwd=ROOT, timeout=120)


def test_cli_grade_json_has_the_documented_shape(toy):
    done = _cli("grade", "00-toy", str(toy.notebook), "--json", "--seed", "5")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert {"assignment", "score", "max_score", "tests", "status"} <= set(result)
    assert result["status"] == "graded" and result["score"] == 0 and result["max_score"] == 7
    assert {"name", "score", "max_score", "passed", "message"} <= set(result["tests"][0])


def test_cli_unknown_assignment_is_a_clear_error():
    done = _cli("grade", "99-nothing", "x.ipynb")
    assert done.returncode == 2
    assert "unknown assignment '99-nothing'" in done.stderr and "00-toy" in done.stderr


def test_grading_refuses_to_run_unsandboxed_without_being_told(toy, tmp_path):
    command = [sys.executable, "-m", "autograder.cli", "--course", str(TOY_COURSE), "grade", "00-toy",
               str(toy.notebook), "--json"]
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, timeout=120,
                          env={"PATH": str(tmp_path)})
    assert done.returncode == 2
    assert "bubblewrap" in done.stderr and "--unsafe-no-sandbox" in done.stderr


def test_the_same_seed_gives_the_same_inputs_and_fresh_seeds_differ(toy):
    assert Grader().grade_file(toy, toy.notebook).seed != Grader().grade_file(toy, toy.notebook).seed


def test_a_warm_grader_prepares_the_next_single_use_sandbox_while_idle(toy, toy_solution, tmp_path):
    path = write_notebook(tmp_path / "solution.ipynb", *solution_cells(toy_solution))
    grader = Grader(keep_warm=True)
    try:
        first = grader.grade_file(toy, path, seed=1)
        spare = grader._spare[1]
        assert spare.process.poll() is None  # started, imports under way, no student code yet
        second = grader.grade_file(toy, toy.notebook, seed=1)
        assert grader._spare[1] is not spare and spare.process.poll() is not None  # used once, then gone
    finally:
        grader.close()
    assert (first.score, second.score) == (toy.max_score, 0)


def test_the_grading_deadline_stops_restarts_and_calls(toy, grader, tmp_path):
    hanging = [f"def {name}(*args, **kwargs):\n    while True:\n        pass"
               for name in ("scale", "apply_twice", "first_line")]
    short = dataclasses.replace(toy, limits=dataclasses.replace(toy.limits, grading_timeout_s=4))
    result = grader.grade_file(short, write_notebook(tmp_path / "nb.ipynb", "import numpy as np", *hanging), seed=3)
    messages = [t.message for t in result.tests]
    assert result.status == "graded" and result.score == 0
    assert any("time limit" in m and "grading's" not in m for m in messages)  # the first call ran out
    assert "grading's time limit was reached" in messages[-1], messages


def test_each_task_has_its_own_restarts(toy, grader, toy_solution, tmp_path):
    cells = solution_cells(toy_solution) + ["def scale(v, factor):\n    import os\n    os._exit(3)"]
    tight = dataclasses.replace(toy, limits=dataclasses.replace(toy.limits, restarts=1))
    result = grader.grade_file(tight, write_notebook(tmp_path / "nb.ipynb", *cells), seed=3)
    by_task: dict[str, list] = {}
    for test in result.tests:
        by_task.setdefault(test.task, []).append(test)
    assert not any(t.passed for t in by_task["scale"])
    assert all(t.passed for task, tests in by_task.items() if task != "scale" for t in tests)
    assert result.score == toy.max_score - 2
