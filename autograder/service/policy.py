"""The course's grading policy from ``course.toml``: roster, deadlines, late penalties, limits."""

from __future__ import annotations

import math
import os
import tomllib
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Literal

from autograder.course import CourseError

FeedbackLevel = Literal["none", "summary", "full"]
FEEDBACK_LEVELS = ("none", "summary", "full")


@dataclass(frozen=True)
class Deadline:
    """When an assignment is due, and what lateness costs."""

    due: datetime
    penalty_per_day: float = 0.0
    late_days: int = 0

    def factor(self, submitted: datetime) -> float:
        """The fraction of the score a submission made at ``submitted`` keeps."""
        late = (submitted - self.due).total_seconds()
        if late <= 0:
            return 1.0
        days = math.ceil(late / 86400)
        if days > self.late_days:
            return 0.0
        return max(0.0, 1.0 - self.penalty_per_day * days)


@dataclass(frozen=True)
class Policy:
    """Everything the service decides by configuration rather than by code."""

    course_id: str = "course"
    title: str = ""
    instructors: frozenset[str] = frozenset()
    students: frozenset[str] = frozenset()
    score_policy: Literal["best", "latest"] = "best"
    submissions_per_hour: int = 30
    max_notebook_bytes: int = 5 * 1024 * 1024
    feedback_before_deadline: FeedbackLevel = "summary"
    workers: int = 0
    deadlines: dict[str, Deadline] = field(default_factory=dict)
    feedback_overrides: dict[str, FeedbackLevel] = field(default_factory=dict)  # per assignment (quizzes)

    @property
    def worker_count(self) -> int:
        """Local grading workers: as configured, else one per core."""
        return self.workers or os.cpu_count() or 1

    def deadline(self, assignment_id: str) -> Deadline | None:
        """The assignment's deadline, if it has one."""
        return self.deadlines.get(assignment_id)

    def late_factor(self, assignment_id: str, submitted: datetime) -> float:
        """The fraction of the score kept for a submission made at ``submitted``."""
        deadline = self.deadline(assignment_id)
        return deadline.factor(submitted) if deadline else 1.0

    def feedback(self, assignment_id: str, now: datetime | None = None) -> FeedbackLevel:
        """What students see of their gradings now: everything once the deadline has passed, before it
        the assignment's own setting or the course's.

        "full": score, tests and their messages; "summary": score and pass/fail per test, no messages;
        "none": only that the submission was graded (a quiz whose answers must not leak before the deadline).
        """
        deadline = self.deadline(assignment_id)
        if deadline is not None and (now or datetime.now(timezone.utc)) > deadline.due:
            return "full"
        return self.feedback_overrides.get(assignment_id, self.feedback_before_deadline)


def load_policy(path: Path) -> Policy:
    """Read ``course.toml``; :class:`CourseError` with the file and the key for anything malformed."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CourseError(f"course configuration {path} is missing") from None
    except tomllib.TOMLDecodeError as error:
        raise CourseError(f"{path}: {error}") from None
    grading: dict[str, Any] = data.get("grading", {})
    roster: dict[str, Any] = data.get("roster", {})
    assignments: dict[str, Any] = data.get("assignments", {})
    try:
        deadlines = {
            assignment: Deadline(_aware(datetime.fromisoformat(entry["deadline"])),
                                 float(entry.get("late_penalty_per_day", 0.0)), int(entry.get("late_days", 0)))
            for assignment, entry in assignments.items() if "deadline" in entry
        }
        overrides = {assignment: entry["feedback_before_deadline"] for assignment, entry in assignments.items()
                     if "feedback_before_deadline" in entry}
        policy = Policy(
            course_id=str(data.get("id", "course")), title=str(data.get("title", "")),
            instructors=frozenset(roster.get("instructors", [])), students=frozenset(roster.get("students", [])),
            score_policy=grading.get("score_policy", "best"),
            submissions_per_hour=int(grading.get("submissions_per_hour", 30)),
            max_notebook_bytes=int(float(grading.get("max_notebook_mb", 5)) * 1024 * 1024),
            feedback_before_deadline=grading.get("feedback_before_deadline", "summary"),
            workers=int(grading.get("workers", 0)), deadlines=deadlines, feedback_overrides=overrides)
    except (KeyError, TypeError, ValueError) as error:
        raise CourseError(f"{path}: {error}") from None
    if policy.score_policy not in ("best", "latest"):
        raise CourseError(f"{path}: grading.score_policy must be 'best' or 'latest'")
    if policy.feedback_before_deadline not in ("summary", "full"):
        raise CourseError(f"{path}: grading.feedback_before_deadline must be 'summary' or 'full'")
    for assignment, level in overrides.items():
        if level not in FEEDBACK_LEVELS:
            raise CourseError(f"{path}: assignments.{assignment}.feedback_before_deadline must be "
                              "'none', 'summary' or 'full'")
        if level == "none" and assignment not in deadlines:
            raise CourseError(f"{path}: {assignment} hides results until its deadline but has no deadline")
    return policy


def _aware(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        raise ValueError(f"deadline {moment.isoformat()} needs a time zone, e.g. +01:00")
    return moment.astimezone(timezone.utc)
