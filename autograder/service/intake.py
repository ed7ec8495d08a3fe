"""Taking in a submission: check it, store it on disk, record it, queue its grading."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from autograder.course import Course, CourseError
from autograder.notebook import NotebookError, load_json
from autograder.service import jobs
from autograder.service.models import Submission, utcnow
from autograder.service.policy import Policy
from autograder.service.storage import NotebookStore


class Rejected(Exception):
    """The submission is refused; ``status`` is the HTTP status to answer with."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


def accept(session: Session, course: Course, policy: Policy, store: NotebookStore, student: str,
           assignment_id: str, filename: str, data: bytes, source: str = "api") -> Submission:
    """Record a submission durably and queue it; :class:`Rejected` says why not."""
    try:
        course.assignment(assignment_id)
    except CourseError as error:
        raise Rejected(404, str(error)) from None
    if len(data) > policy.max_notebook_bytes:
        raise Rejected(413, f"the notebook is larger than {policy.max_notebook_bytes // (1024 * 1024)} MB")
    try:
        load_json(data)
    except NotebookError as error:
        raise Rejected(400, str(error)) from None
    since = utcnow() - timedelta(hours=1)
    recent = session.scalar(select(func.count(Submission.id)).where(
        Submission.student == student, Submission.assignment == assignment_id, Submission.submitted_at > since))
    if recent is not None and recent >= policy.submissions_per_hour:
        raise Rejected(429, f"at most {policy.submissions_per_hour} submissions per hour for one assignment; "
                            "try again later")
    sha256 = store.put(data)
    now = utcnow()
    submission = Submission(student=student, assignment=assignment_id, sha256=sha256, filename=filename[:300],
                            size=len(data), source=source, submitted_at=now,
                            late_factor=policy.late_factor(assignment_id, now))
    session.add(submission)
    jobs.enqueue(session, submission)
    session.commit()
    return submission
