"""Manual grades: checking and recording an instructor's points and comment for a manual task."""

from __future__ import annotations

import math

from sqlalchemy.orm import Session

from autograder.course import Course, CourseError
from autograder.service.models import ManualGrade, Submission, utcnow

MAX_COMMENT_CHARS = 10_000


class Refused(Exception):
    """The grade is refused; ``status`` is the HTTP status to answer with."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


def set_grade(session: Session, course: Course, submission: Submission, task: str, points: float, comment: str,
              grader: str) -> ManualGrade:
    """Record (or change) ``grader``'s grade of ``task`` for ``submission``; :class:`Refused` says why not.

    The task must be a manual task of the submission's assignment, and ``0 <= points <= its points``.
    """
    try:
        assignment = course.assignment(submission.assignment)
    except CourseError as error:
        raise Refused(404, str(error)) from None
    found = next((t for t in assignment.tasks if t.name == task), None)
    if found is None:
        raise Refused(404, f"{assignment.id} has no task {task!r}")
    if not found.manual:
        raise Refused(400, f"{task!r} is graded by the hidden tests, not by hand")
    if not (math.isfinite(points) and 0 <= points <= found.points):
        raise Refused(400, f"the points for {task!r} must be a number from 0 to {found.points:g}")
    if len(comment) > MAX_COMMENT_CHARS:
        raise Refused(400, f"the comment is longer than {MAX_COMMENT_CHARS} characters")
    grade = session.get(ManualGrade, (submission.id, task)) or ManualGrade(submission_id=submission.id, task=task)
    grade.points, grade.comment, grade.graded_by, grade.graded_at = points, comment, grader, utcnow()
    session.add(grade)
    session.commit()
    return grade
