"""The grading engine: one sandbox per submission, the hidden tests run against it, one result out.

The notebook's code runs once, in a sandbox started for this submission; the hidden tests then run
here, in the trusted process that holds the reference, and call into the sandbox for every student
function they check. Whatever the notebook does (loop, exhaust memory, exit, print without end), the
grader returns a :class:`~autograder.result.GradeResult`. Manual tasks are not run: the text of their
answer cells goes into the result, their points pending until the instructor grades them.
"""

from __future__ import annotations

import io
import os
import secrets
import sys
import time
from collections import OrderedDict
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path
from typing import Any

import pytest

from autograder.course import PACKAGE_DIR, Assignment
from autograder.notebook import NotebookError, code_cells, read_submission, task_answers
from autograder.pytest_plugin import GradingPlugin
from autograder.remote import Connection, Student
from autograder.result import GradeResult, ManualItem, TestResult
from autograder.sandbox.bubblewrap import Limits
from autograder.sandbox.session import Sandbox, SandboxFailure, SandboxStartError
from autograder.sandbox.zygote import Zygote

STARTUP_TIMEOUT_S = 120
HIDDEN_TESTS_INI = PACKAGE_DIR / "hidden" / "pytest.ini"
MAX_REPORTED_CELL_ERRORS = 5
MAX_ZYGOTES = 2  # per grader: numpy's costs little memory, TensorFlow's some hundred MB


def zygotes_enabled() -> bool:
    """Whether sandboxes are forked from pre-imported zygotes (``AUTOGRADER_ZYGOTE=0`` turns that off)."""
    return os.environ.get("AUTOGRADER_ZYGOTE", "1") != "0"


def fresh_seed() -> int:
    """A seed for hidden-test inputs that no student can predict."""
    return secrets.randbits(63)


class Grader:
    """Grades notebooks; ``sandboxed=False`` runs student code without isolation (trusted notebooks only).

    Sandboxes are forked from a zygote that has imported the assignment's ``preload`` modules (numpy,
    matplotlib, TensorFlow) once (:mod:`autograder.sandbox.zygote`), so a grader that grades many
    submissions pays for the imports once. With ``keep_warm`` the grader also forks the next sandbox as
    soon as a grading ends. Sandboxes are single-use either way: a warm one has run no student code.
    """

    def __init__(self, sandboxed: bool = True, keep_warm: bool = False, use_zygotes: bool | None = None):
        self.sandboxed = sandboxed
        self.keep_warm = keep_warm
        self.use_zygotes = sandboxed and (zygotes_enabled() if use_zygotes is None else use_zygotes)
        self._spare: tuple[str, Sandbox] | None = None
        self._zygotes: OrderedDict[tuple[Any, ...], Zygote] = OrderedDict()

    def grade_file(self, assignment: Assignment, path: Path, seed: int | None = None) -> GradeResult:
        """Grade the notebook at ``path``; an unreadable file gives a result with status "error"."""
        seed = fresh_seed() if seed is None else seed
        try:
            document = read_submission(path)
        except NotebookError as error:
            return GradeResult(assignment.id, assignment.max_score, status="error", message=str(error), seed=seed,
                               manual=manual_items(assignment, {}))
        answers = task_answers(document, [task.name for task in assignment.manual_tasks])
        return self.grade_cells(assignment, code_cells(document), seed, answers)

    def grade_cells(self, assignment: Assignment, cells: list[tuple[int, str]], seed: int,
                    answers: dict[str, str] | None = None) -> GradeResult:
        """Grade a notebook given as its code cells (see :func:`autograder.notebook.code_cells`).

        ``answers`` holds the manual tasks' answer texts (see :func:`autograder.notebook.task_answers`).
        """
        try:
            return self._grade(assignment, cells, seed, answers or {})
        finally:
            if self.keep_warm:
                self._spare = (assignment.id, self.new_sandbox(assignment))

    def _grade(self, assignment: Assignment, cells: list[tuple[int, str]], seed: int,
               answers: dict[str, str]) -> GradeResult:
        started = time.monotonic()
        result = GradeResult(assignment.id, assignment.max_score, seed=seed, manual=manual_items(assignment, answers))
        if not any(source.strip() for _, source in cells):
            result.message = "The notebook has no code, so there is nothing to grade."
            return self._all_failed(assignment, result, "not run: the notebook has no code")
        try:
            connection, cell_errors = self.start(assignment, cells)
        except SandboxStartError as error:
            result.status, result.message = "error", f"The grader could not run your notebook: {error}"
            return self._all_failed(assignment, result, "not run: the grader could not start a sandbox")
        except SandboxFailure as failure:
            result.message = f"Your notebook did not run to the end: {failure.message}. No test could run."
            return self._all_failed(assignment, result, f"not run: {failure.message}")
        result.message = _describe_cell_errors(cell_errors, assignment)
        student = Student(lambda: self.start(assignment, cells)[0], assignment.limits.restarts, connection,
                          deadline=started + assignment.limits.grading_timeout_s)
        try:
            self._run_tests(assignment, student, seed, result)
        finally:
            student.close()
            result.output = connection.sandbox.output.text()
        return result

    def start(self, assignment: Assignment, cells: list[tuple[int, str]]) -> tuple[Connection, list[Any]]:
        """A sandbox that has executed the notebook, and the errors its cells raised."""
        limits = assignment.limits
        sandbox = self._take_spare(assignment) or self.new_sandbox(assignment)
        connection = Connection(sandbox, limits.call_timeout_s)
        try:
            sandbox.wait_ready(STARTUP_TIMEOUT_S)
            report = connection.request({"op": "exec", "cells": cells, "files": assignment.data_files},
                                        timeout=limits.notebook_timeout_s)
        except SandboxFailure as failure:
            sandbox.kill()
            cell = connection.progress.get("number")
            if isinstance(cell, int):
                failure.message = f"{failure.message} in cell {cell}"
            raise
        errors = report.get("errors", []) if isinstance(report, dict) else []
        return connection, errors if isinstance(errors, list) else []

    def __enter__(self) -> "Grader":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __del__(self) -> None:  # a grader dropped without close() takes its zygotes with it
        try:
            self.close()
        except Exception:  # noqa: BLE001, S110  (at interpreter exit the zygotes die with their parent anyway)
            pass

    def close(self) -> None:
        """Kill the warm sandbox and the zygotes, if any."""
        if self._spare is not None:
            self._spare[1].kill()
            self._spare = None
        while self._zygotes:
            self._zygotes.popitem()[1].kill()

    def new_sandbox(self, assignment: Assignment) -> Sandbox:
        """A fresh sandbox for ``assignment``, forked from its zygote (started if need be); not yet ready."""
        limits = assignment.limits
        sandbox_limits = Limits(memory_mb=limits.memory_mb, scratch_mb=limits.scratch_mb,
                                cpu_seconds=int(limits.notebook_timeout_s + 60 * limits.call_timeout_s))
        output_limit = limits.output_kb * 1024
        hidden = [assignment.root / "reference", PACKAGE_DIR]
        if self.use_zygotes:
            for _ in range(2):  # a zygote that died (killed for memory, say) gets one fresh try
                try:
                    return self._zygote(assignment.preload, sandbox_limits, hidden).spawn(sandbox_limits,
                                                                                          output_limit)
                except SandboxStartError as error:
                    dead = self._zygotes.pop(_zygote_key(assignment.preload, sandbox_limits), None)
                    if dead is not None:
                        dead.kill()
                    failure = error
            # A kernel without what forking needs (nested namespaces, /proc/PID/task/TID/children):
            # sandboxes started one by one are slower, not less safe.
            print(f"autograder: no zygote ({failure}); starting each sandbox on its own", file=sys.stderr)
            self.use_zygotes = False
        return Sandbox.start(list(assignment.preload), sandbox_limits, hidden, output_limit, self.sandboxed)

    def _zygote(self, preload: tuple[str, ...], limits: Limits, hidden: list[Path]) -> Zygote:
        """The zygote for these modules and limits, started (and waited for) if need be."""
        key = _zygote_key(preload, limits)
        zygote = self._zygotes.get(key)
        if zygote is not None and zygote.alive():
            self._zygotes.move_to_end(key)
            return zygote
        if zygote is not None:
            zygote.kill()
        while len(self._zygotes) >= MAX_ZYGOTES:
            self._zygotes.popitem(last=False)[1].kill()
        zygote = self._zygotes[key] = Zygote(list(preload), limits, hidden)
        try:
            zygote.wait_ready(STARTUP_TIMEOUT_S)
            probe = zygote.spawn(limits, 4096)  # a fork that cannot set up its walls fails here, not in a grading
            try:
                probe.wait_ready(STARTUP_TIMEOUT_S)
            finally:
                probe.kill()
        except SandboxStartError:
            del self._zygotes[key]
            zygote.kill()
            raise
        return zygote

    def _take_spare(self, assignment: Assignment) -> Sandbox | None:
        """The warm sandbox, if it was started for this assignment and still lives; else None."""
        spare, self._spare = self._spare, None
        if spare is None:
            return None
        assignment_id, sandbox = spare
        if assignment_id == assignment.id and sandbox.process.poll() is None:
            return sandbox
        sandbox.kill()
        return None

    def _run_tests(self, assignment: Assignment, student: Student, seed: int, result: GradeResult) -> None:
        plugin = GradingPlugin(assignment, student, seed)
        args = [str(assignment.hidden_dir), "-q", "--assert=plain", "-p", "no:cacheprovider",
                "-p", "no:unraisableexception", "-p", "no:threadexception",
                "--import-mode=importlib", "-c", str(HIDDEN_TESTS_INI), "--rootdir", str(assignment.hidden_dir)]
        log = io.StringIO()
        with redirect_stdout(log), redirect_stderr(log):
            code = pytest.main(args, plugins=[plugin])
        result.tests = list(plugin.results.values())
        if plugin.problems or code not in (pytest.ExitCode.OK, pytest.ExitCode.TESTS_FAILED) or not result.tests:
            result.status = "error"
            problems = "; ".join(plugin.problems) or log.getvalue()[-2000:]
            result.message = f"The hidden tests could not run (a problem of the course, not yours): {problems}"
            print(log.getvalue(), file=sys.stderr)

    def _all_failed(self, assignment: Assignment, result: GradeResult, message: str) -> GradeResult:
        result.tests = [TestResult(f"{task.name}", task.name, 0.0, task.points, False, message)
                        for task in assignment.autograded_tasks]
        return result


def _zygote_key(preload: tuple[str, ...], limits: Limits) -> tuple[Any, ...]:
    return (tuple(preload), limits.memory_mb, limits.scratch_mb)


def manual_items(assignment: Assignment, answers: dict[str, str]) -> list[ManualItem]:
    """The assignment's manual tasks, pending, each with the student's answer text ("" if none)."""
    return [ManualItem(task.name, task.points, answers.get(task.name, "")) for task in assignment.manual_tasks]


def _describe_cell_errors(errors: list[Any], assignment: Assignment) -> str:
    notes = []
    for error in errors[:MAX_REPORTED_CELL_ERRORS]:
        if not isinstance(error, dict):
            continue
        kind = str((error.get("types") or ["Exception"])[0])
        note = f"cell {error.get('cell')} raised {kind}"
        if kind != "NotImplementedError" and error.get("message"):
            note += f": {str(error['message'])[:200]}"
        if kind == "MemoryError":
            note += f" (the memory limit is {assignment.limits.memory_mb} MB)"
        notes.append(note)
    if len(errors) > MAX_REPORTED_CELL_ERRORS:
        notes.append(f"and {len(errors) - MAX_REPORTED_CELL_ERRORS} more cells raised errors")
    return ("While running your notebook: " + "; ".join(notes) + ".") if notes else ""
