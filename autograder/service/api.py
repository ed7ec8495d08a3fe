"""The REST API: JSON in and out; every endpoint checks who is asking."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session, selectinload
from tornado import web

from autograder.course import Assignment, Course, CourseError
from autograder.service import jobs
from autograder.service.auth import AuthenticatedHandler
from autograder.service.intake import Rejected, accept
from autograder.service.manual import Refused, set_grade
from autograder.service.models import ManualGrade, Submission
from autograder.service.openapi import SPEC
from autograder.service.policy import Policy
from autograder.service.views import assignment_statistics, describe, gradebook, gradebook_csv


class ApiHandler(AuthenticatedHandler):
    """JSON errors, and the service's shared objects."""

    @property
    def course(self) -> Course:
        return self.settings["course"]

    @property
    def policy(self) -> Policy:
        return self.settings["policy"]

    def session(self):  # type: ignore[no-untyped-def]
        return self.settings["sessions"]()

    def get_login_url(self) -> str:
        if self.settings.get("tokens") is not None:
            raise web.HTTPError(401, "a token is required (Authorization: token …)")
        return super().get_login_url()

    def write_error(self, status_code: int, **kwargs: Any) -> None:
        reason = self._reason
        error = kwargs.get("exc_info", (None, None, None))[1]
        if isinstance(error, web.HTTPError) and error.log_message:
            reason = error.log_message % error.args if error.args else error.log_message
        self.set_header("Content-Type", "application/json")
        self.finish(json.dumps({"error": reason, "status": status_code}))

    def send_json(self, data: Any, status: int = 200) -> None:
        self.set_status(status)
        self.set_header("Content-Type", "application/json")
        self.finish(json.dumps(data))

    def require_instructor(self) -> None:
        if not self.identity.instructor:
            raise web.HTTPError(403, "only instructors may do this")

    def known_assignment(self, assignment_id: str) -> Assignment:
        """The course's assignment, or 404."""
        try:
            return self.course.assignment(assignment_id)
        except CourseError as error:
            raise web.HTTPError(404, str(error).replace("%", "%%")) from None

    def visible_submission(self, session: Session, submission_id: str) -> Submission:
        """The submission, if the caller may see it: 404 when there is none, 403 when it is someone else's."""
        submission = session.get(Submission, int(submission_id))
        if submission is None:
            raise web.HTTPError(404, f"no submission {submission_id}")
        if submission.student != self.identity.name and not self.identity.instructor:
            raise web.HTTPError(403, "this submission is not yours")
        return submission

    def grade_by_hand(self, session: Session, submission_id: str, task: str, points: float,
                      comment: str) -> ManualGrade:
        """Record the caller's grade of a manual task (the handler has required an instructor)."""
        submission = self.visible_submission(session, submission_id)
        try:
            return set_grade(session, self.course, submission, task, points, comment, self.identity.name)
        except Refused as refused:
            raise web.HTTPError(refused.status, refused.message.replace("%", "%%")) from None

    def submissions_query(self) -> Select[tuple[Submission]]:
        """The caller's submissions (instructors: everyone's, or ``?student=``), ``?assignment=`` filtered."""
        query = select(Submission).options(selectinload(Submission.gradings), selectinload(Submission.manual_grades))
        if not self.identity.instructor:
            query = query.where(Submission.student == self.identity.name)
        elif student := self.get_query_argument("student", None):
            query = query.where(Submission.student == student)
        if assignment := self.get_query_argument("assignment", None):
            query = query.where(Submission.assignment == assignment)
        return query

    def check_xsrf_cookie(self) -> None:
        """API clients authenticate with a token header, which a cross-site form cannot send."""
        if "Authorization" not in self.request.headers:
            super().check_xsrf_cookie()


class SubmissionsHandler(ApiHandler):
    """``POST /api/submissions`` (multipart: assignment, notebook) and ``GET`` (own, or all for instructors)."""

    @web.authenticated
    def post(self) -> None:
        assignment = self.get_body_argument("assignment", None) or self.get_query_argument("assignment", "")
        files = self.request.files.get("notebook") or self.request.files.get("file")
        if not files:
            raise web.HTTPError(400, "send the notebook as the multipart field 'notebook'")
        student = self.identity.name
        on_behalf = self.get_body_argument("student", None)
        if on_behalf and on_behalf != student:
            self.require_instructor()
            student = on_behalf
        with self.session() as session:
            try:
                submission = accept(session, self.course, self.policy, self.settings["store"], student,
                                    assignment, files[0]["filename"], files[0]["body"],
                                    source=self.get_body_argument("source", "api")[:20])
            except Rejected as rejected:
                raise web.HTTPError(rejected.status, rejected.message.replace("%", "%%")) from None
            submission_id = submission.id
        self.settings["notify"]()
        self.set_header("Location", f"{self.settings['prefix']}api/submissions/{submission_id}")
        self.send_json({"id": submission_id, "status": "queued"}, status=202)

    @web.authenticated
    def get(self) -> None:
        with self.session() as session:
            found = [describe(s, self.policy, self.identity.instructor)
                     for s in session.scalars(self.submissions_query().order_by(Submission.id))]
        self.send_json({"submissions": found})


class SubmissionHandler(ApiHandler):
    """``GET /api/submissions/{id}``: status, score and feedback of one submission."""

    @web.authenticated
    def get(self, submission_id: str) -> None:
        with self.session() as session:
            submission = self.visible_submission(session, submission_id)
            self.send_json(describe(submission, self.policy, self.identity.instructor))


class RegradeSubmissionHandler(ApiHandler):
    """``POST /api/submissions/{id}/regrade`` (instructors): a new grading of one submission."""

    @web.authenticated
    def post(self, submission_id: str) -> None:
        self.require_instructor()
        with self.session() as session:
            jobs.enqueue(session, self.visible_submission(session, submission_id))
            session.commit()
        self.settings["notify"]()
        self.send_json({"id": int(submission_id), "status": "queued"}, status=202)


class RegradeAssignmentHandler(ApiHandler):
    """``POST /api/assignments/{id}/regrade`` (instructors): regrade every submission of an assignment."""

    @web.authenticated
    def post(self, assignment_id: str) -> None:
        self.require_instructor()
        self.known_assignment(assignment_id)
        with self.session() as session:
            submissions = list(session.scalars(select(Submission).where(Submission.assignment == assignment_id)))
            for submission in submissions:
                jobs.enqueue(session, submission)
            session.commit()
        for _ in submissions:
            self.settings["notify"]()
        self.send_json({"assignment": assignment_id, "queued": len(submissions)}, status=202)


class ManualGradeHandler(ApiHandler):
    """``PUT /api/submissions/{id}/manual/{task}`` (instructors): ``{"points": 3, "comment": "..."}``.

    Sets the grade of a manual task, or changes it; regrades keep it.
    """

    @web.authenticated
    def put(self, submission_id: str, task: str) -> None:
        self.require_instructor()
        try:
            body = json.loads(self.request.body or b"null")
        except ValueError:
            raise web.HTTPError(400, "send a JSON object: {\"points\": number, \"comment\": text}") from None
        points = body.get("points") if isinstance(body, dict) else None
        comment = body.get("comment", "") if isinstance(body, dict) else ""
        if not isinstance(points, (int, float)) or isinstance(points, bool) or not isinstance(comment, str):
            raise web.HTTPError(400, "send a JSON object: {\"points\": number, \"comment\": text}")
        try:
            value = float(points)
        except OverflowError:
            raise web.HTTPError(400, "the points are far out of range") from None
        with self.session() as session:
            grade = self.grade_by_hand(session, submission_id, task, value, comment)
            self.send_json({"submission": grade.submission_id, "task": grade.task, "points": grade.points,
                            "comment": grade.comment, "graded_by": grade.graded_by,
                            "graded_at": grade.graded_at.isoformat()})


class AssignmentsHandler(ApiHandler):
    """``GET /api/assignments``: the course's assignments with points and deadlines."""

    @web.authenticated
    def get(self) -> None:
        listed = []
        for assignment in self.course.assignments():
            deadline = self.policy.deadline(assignment.id)
            listed.append({"id": assignment.id, "title": assignment.title, "max_score": assignment.max_score,
                           "gpu": assignment.gpu, "deadline": deadline.due.isoformat() if deadline else None,
                           "late_penalty_per_day": deadline.penalty_per_day if deadline else 0.0,
                           "late_days": deadline.late_days if deadline else 0,
                           "tasks": [{"name": t.name, "points": t.points, "manual": t.manual}
                                     for t in assignment.tasks]})
        self.send_json({"course": self.policy.course_id, "assignments": listed})


class AssignmentStatisticsHandler(ApiHandler):
    """``GET /api/assignments/{id}/statistics`` (instructors): histogram and pass rate per test."""

    @web.authenticated
    def get(self, assignment_id: str) -> None:
        self.require_instructor()
        with self.session() as session:
            self.send_json(assignment_statistics(session, self.policy, assignment_id))


class GradebookHandler(ApiHandler):
    """``GET /api/gradebook`` and ``/api/gradebook.csv`` (instructors)."""

    @web.authenticated
    def get(self, extension: str | None = None) -> None:
        self.require_instructor()
        with self.session() as session:
            book = gradebook(session, self.course, self.policy)
        if extension == ".csv":
            self.set_header("Content-Type", "text/csv; charset=utf-8")
            self.set_header("Content-Disposition", f'attachment; filename="{self.policy.course_id}-grades.csv"')
            self.finish(gradebook_csv(book))
        else:
            self.send_json(book)


class OpenApiHandler(web.RequestHandler):
    """``GET /api/openapi.json``: this API described for clients."""

    def get(self) -> None:
        self.set_header("Content-Type", "application/json")
        self.finish(json.dumps(SPEC))


class HealthHandler(web.RequestHandler):
    """``GET /api/health``: the service answers; no authentication."""

    def get(self) -> None:
        self.set_header("Content-Type", "application/json")
        self.finish(json.dumps({"status": "ok"}))
