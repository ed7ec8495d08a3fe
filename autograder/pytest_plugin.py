"""The pytest plugin that runs an assignment's hidden tests against one student sandbox.

It provides the ``student``, ``reference`` and ``rng`` fixtures, reads each test's ``graded`` marker,
and turns every outcome into a :class:`~autograder.result.TestResult` whose message is safe to show.
"""

from __future__ import annotations

import zlib
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from autograder.course import Assignment
from autograder.remote import Student, StudentError
from autograder.result import TestResult
from autograder.sandbox.session import SandboxFailure


def safe_message(error: BaseException) -> str:
    """What a student may read about why a test failed."""
    if isinstance(error, StudentError):
        return f"your code raised {error}"
    if isinstance(error, SandboxFailure):
        return f"stopped: {error.message}"
    if isinstance(error, AssertionError):
        return str(error) or "wrong result"
    return f"the test could not check your result ({type(error).__name__})"


class GradingPlugin:
    """Fixtures and result collection for one pytest run."""

    def __init__(self, assignment: Assignment, student: Student, seed: int):
        self.assignment = assignment
        self._student = student
        self.seed = seed
        self.results: dict[str, TestResult] = {}
        self.problems: list[str] = []

    def pytest_configure(self, config: pytest.Config) -> None:
        config.addinivalue_line("markers", "graded(task, points): a hidden test worth points for a task")

    @pytest.fixture
    def student(self) -> Student:
        return self._student

    @pytest.fixture
    def reference(self) -> Any:
        return self.assignment.reference

    @pytest.fixture
    def data_dir(self) -> Path:
        return self.assignment.folder / "data"

    @pytest.fixture
    def rng(self, request: pytest.FixtureRequest) -> np.random.Generator:
        name = request.node.name.encode()
        return np.random.default_rng(np.random.SeedSequence([self.seed, zlib.crc32(name)]))

    def pytest_collection_modifyitems(self, items: list[pytest.Item]) -> None:
        for item in items:
            marker = item.get_closest_marker("graded")
            if marker is None:
                self.problems.append(f"{item.nodeid} has no @graded marker")
                continue
            task, points = marker.kwargs.get("task"), float(marker.kwargs.get("points", 0))
            if task not in {t.name for t in self.assignment.autograded_tasks}:
                self.problems.append(f"{item.nodeid} is marked for {task!r}, which is not an autograded task")
            self.results[item.nodeid] = TestResult(item.name, str(task), 0.0, points, False, "not run")

    def pytest_runtest_setup(self, item: pytest.Item) -> None:
        result = self.results.get(item.nodeid)
        self._student.task = result.task if result is not None else ""

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_makereport(self, item: pytest.Item, call: pytest.CallInfo[None]):  # type: ignore[no-untyped-def]
        outcome = yield
        report = outcome.get_result()
        result = self.results.get(item.nodeid)
        if result is None:
            return
        if report.when == "call" and report.passed:
            result.score, result.passed, result.message = result.max_score, True, ""
        elif report.failed:
            error = call.excinfo.value if call.excinfo else None
            result.score, result.passed = 0.0, False
            result.message = safe_message(error) if error else "failed"
            result.detail = str(report.longrepr)[-4000:]
        elif report.skipped:
            result.message = "skipped"
