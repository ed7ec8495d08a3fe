"""The course on disk: assignments, their manifests, reference modules and hidden tests."""

from __future__ import annotations

import importlib.util
import os
import sys
import tomllib
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from types import ModuleType
from typing import Any

PACKAGE_DIR = Path(__file__).resolve().parent
DEFAULT_ROOT = PACKAGE_DIR.parent


class CourseError(Exception):
    """The course's files are missing or malformed; the message says which and how."""


@dataclass(frozen=True)
class Task:
    """One graded item of an assignment: a function or class, or (``manual``) an answer graded by hand."""

    name: str
    points: float
    summary: str = ""
    manual: bool = False  # no hidden tests: the instructor grades the task cell's text


@dataclass(frozen=True)
class AssignmentLimits:
    """What one grading of the assignment may use."""

    notebook_timeout_s: float = 60
    call_timeout_s: float = 10
    memory_mb: int = 2048
    output_kb: int = 256
    scratch_mb: int = 64
    restarts: int = 2               # sandbox restarts per task, after a call timed out or the sandbox died
    grading_timeout_s: float = 300  # the whole grading: notebook, restarts and every hidden test


@dataclass(frozen=True)
class Assignment:
    """One assignment: its folder, manifest, reference module and hidden tests."""

    id: str
    title: str
    folder: Path
    reference_name: str
    tasks: tuple[Task, ...]
    limits: AssignmentLimits
    gpu: bool
    preload: tuple[str, ...]
    chapters: tuple[Any, ...]
    root: Path = field(repr=False)

    @property
    def notebook(self) -> Path:
        """The student notebook."""
        return self.folder / f"{self.id}.ipynb"

    @property
    def max_score(self) -> float:
        """The sum of the tasks' points, manual tasks included."""
        return sum(task.points for task in self.tasks)

    @property
    def autograded_tasks(self) -> tuple[Task, ...]:
        """The tasks that hidden tests grade."""
        return tuple(task for task in self.tasks if not task.manual)

    @property
    def manual_tasks(self) -> tuple[Task, ...]:
        """The tasks the instructor grades by hand."""
        return tuple(task for task in self.tasks if task.manual)

    @property
    def autograded_max_score(self) -> float:
        """The points the hidden tests can give: full marks of a grading."""
        return sum(task.points for task in self.autograded_tasks)

    @property
    def reference_path(self) -> Path:
        """The reference solution's module file."""
        return self.root / "reference" / f"{self.reference_name}.py"

    @property
    def hidden_dir(self) -> Path:
        """The folder of hidden tests and mutants."""
        return self.root / "autograder" / "hidden" / self.id

    @property
    def data_files(self) -> dict[str, bytes]:
        """The data files copied into the sandbox, by path relative to the assignment folder."""
        data = self.folder / "data"
        if not data.is_dir():
            return {}
        return {str(p.relative_to(self.folder)): p.read_bytes() for p in sorted(data.rglob("*")) if p.is_file()}

    @cached_property
    def reference(self) -> ModuleType:
        """The reference module, imported in the trusted process."""
        path = self.reference_path
        if not path.exists():
            raise CourseError(f"{self.id}: reference module {path} is missing")
        spec = importlib.util.spec_from_file_location(f"reference_{self.reference_name}", path)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module  # inspect.getsource needs it there for classes
        spec.loader.exec_module(module)
        return module


@dataclass(frozen=True)
class Course:
    """All assignments under ``root``."""

    root: Path

    @classmethod
    def load(cls, root: Path | None = None) -> "Course":
        """The course at ``root``, ``$AUTOGRADER_COURSE_ROOT`` or this repository."""
        chosen = root or Path(os.environ.get("AUTOGRADER_COURSE_ROOT", DEFAULT_ROOT))
        return cls(Path(chosen).resolve())

    def ids(self) -> list[str]:
        """The assignment ids, sorted."""
        folder = self.root / "assignments"
        return sorted(p.name for p in folder.iterdir() if (p / "assignment.toml").exists()) if folder.is_dir() else []

    def assignments(self) -> list[Assignment]:
        """Every assignment, sorted by id."""
        return [self.assignment(i) for i in self.ids()]

    def assignment(self, assignment_id: str) -> Assignment:
        """The assignment ``assignment_id``; :class:`CourseError` names the known ones otherwise."""
        folder = self.root / "assignments" / assignment_id
        manifest = folder / "assignment.toml"
        if "/" in assignment_id or assignment_id.startswith(".") or not manifest.is_file():
            known = ", ".join(self.ids()) or "none"
            raise CourseError(f"unknown assignment {assignment_id!r} (known: {known})")
        try:
            data = tomllib.loads(manifest.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as error:
            raise CourseError(f"{manifest}: {error}") from None
        return _parse_manifest(assignment_id, folder, self.root, data)


def _parse_manifest(assignment_id: str, folder: Path, root: Path, data: dict[str, Any]) -> Assignment:
    where = folder / "assignment.toml"
    try:
        tasks = tuple(Task(str(t["name"]), float(t["points"]), str(t.get("summary", "")), t.get("manual", False))
                      for t in data["tasks"])
        limits = AssignmentLimits(**data.get("limits", {}))
        assignment = Assignment(
            id=assignment_id, title=str(data["title"]), folder=folder, reference_name=str(data["reference"]),
            tasks=tasks, limits=limits, gpu=bool(data.get("gpu", False)),
            preload=tuple(data.get("preload", ["numpy"])), chapters=tuple(data.get("chapters", [])), root=root)
    except KeyError as error:
        raise CourseError(f"{where}: missing key {error}") from None
    except (TypeError, ValueError) as error:
        raise CourseError(f"{where}: {error}") from None
    if not tasks:
        raise CourseError(f"{where}: no [[tasks]]")
    if len({t.name for t in tasks}) != len(tasks):
        raise CourseError(f"{where}: task names must be unique")
    if any(t.points <= 0 for t in tasks):
        raise CourseError(f"{where}: every task needs positive points")
    if any(not isinstance(t.manual, bool) for t in tasks):
        raise CourseError(f"{where}: a task's \"manual\" must be true or false")
    if not assignment.autograded_tasks:
        raise CourseError(f"{where}: at least one task must be autograded (not manual)")
    return assignment
