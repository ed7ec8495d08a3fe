"""Exchange endpoints: what nbgrader's pluggable exchange needs, over HTTP instead of a shared folder.

release   ``POST /api/exchange/assignments/{id}/release`` (instructors): students may now fetch it. The
          released files are the assignment's student folder from the course itself (notebook,
          data), so nothing hidden can be released by mistake.
list      ``GET /api/exchange/assignments``: released assignments, with the caller's submissions.
fetch     ``GET /api/exchange/assignments/{id}/files``: the released files.
submit    ``POST /api/submissions`` (the same intake as the API; graded on arrival).
collect   ``GET /api/exchange/assignments/{id}/collect`` (instructors): each student's latest submission.
feedback  ``GET /api/exchange/assignments/{id}/feedback``: the caller's graded submissions as HTML reports.
Files travel as ``{"path": ..., "content": <base64>}``.
"""

from __future__ import annotations

import base64
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import selectinload
from tornado import web

from autograder.course import CourseError
from autograder.service.api import ApiHandler
from autograder.service.models import Release, Submission, utcnow
from autograder.service.views import describe


def _file(path: str, data: bytes) -> dict[str, str]:
    return {"path": path, "content": base64.b64encode(data).decode()}


class ExchangeHandler(ApiHandler):
    """Shared look-ups of the exchange endpoints."""

    def released(self, assignment_id: str) -> Release:
        with self.session() as session:
            release = session.get(Release, assignment_id)
        if release is None:
            raise web.HTTPError(404, f"assignment {assignment_id!r} has not been released")
        return release


class ReleaseHandler(ExchangeHandler):
    """Release an assignment (instructors); releasing again updates the time."""

    @web.authenticated
    def post(self, assignment_id: str) -> None:
        self.require_instructor()
        self.known_assignment(assignment_id)
        with self.session() as session:
            release = session.get(Release, assignment_id) or Release(assignment=assignment_id)
            release.released_at, release.released_by = utcnow(), self.identity.name
            session.add(release)
            session.commit()
        self.send_json({"assignment": assignment_id, "released": True})


class ListHandler(ExchangeHandler):
    """The released assignments, each with the caller's own submissions."""

    @web.authenticated
    def get(self) -> None:
        with self.session() as session:
            releases = list(session.scalars(select(Release).order_by(Release.assignment)))
            mine = list(session.scalars(select(Submission).options(selectinload(Submission.gradings))
                                        .where(Submission.student == self.identity.name).order_by(Submission.id)))
            listed = []
            for release in releases:
                try:
                    assignment = self.course.assignment(release.assignment)
                except CourseError:
                    continue
                submissions = [describe(s, self.policy, False) for s in mine if s.assignment == release.assignment]
                listed.append({"assignment": release.assignment, "title": assignment.title,
                               "released_at": release.released_at.isoformat(), "notebook": assignment.notebook.name,
                               "files": sorted(self._files(release.assignment)),
                               "submissions": [{k: s[k] for k in ("id", "submitted_at", "status", "final_score")}
                                               for s in submissions]})
        self.send_json({"course": self.policy.course_id, "assignments": listed})

    def _files(self, assignment_id: str) -> dict[str, bytes]:
        assignment = self.course.assignment(assignment_id)
        return {assignment.notebook.name: assignment.notebook.read_bytes(), **assignment.data_files}


class FetchHandler(ListHandler):
    """The released files of one assignment."""

    @web.authenticated
    def get(self, assignment_id: str) -> None:
        self.released(assignment_id)
        files = self._files(assignment_id)
        self.send_json({"assignment": assignment_id, "files": [_file(p, d) for p, d in sorted(files.items())]})


class CollectHandler(ExchangeHandler):
    """Each student's latest submission of one assignment, with its notebook (instructors)."""

    @web.authenticated
    def get(self, assignment_id: str) -> None:
        self.require_instructor()
        latest: dict[str, Submission] = {}
        with self.session() as session:
            for submission in session.scalars(select(Submission).where(Submission.assignment == assignment_id)
                                              .order_by(Submission.id)):
                latest[submission.student] = submission
        store = self.settings["store"]
        collected: list[dict[str, Any]] = [
            {"student": student, "submission": s.id, "timestamp": s.submitted_at.isoformat(),
             "files": [_file(f"{assignment_id}.ipynb", store.get(s.sha256))]}
            for student, s in sorted(latest.items())]
        self.send_json({"assignment": assignment_id, "submissions": collected})


class FeedbackHandler(ExchangeHandler):
    """The caller's graded submissions of one assignment as standalone HTML reports."""

    @web.authenticated
    def get(self, assignment_id: str) -> None:
        with self.session() as session:
            mine = list(session.scalars(select(Submission).options(selectinload(Submission.gradings)).where(
                Submission.student == self.identity.name, Submission.assignment == assignment_id)))
            reports = [describe(s, self.policy, False) for s in mine]
        feedback = []
        for report in reports:
            if report["status"] not in ("graded", "error"):
                continue
            html = self.render_string("feedback.html", s=report, policy=self.policy)
            feedback.append({"submission": report["id"], "timestamp": report["submitted_at"],
                             "files": [_file(f"{assignment_id}.html", html)]})
        self.send_json({"assignment": assignment_id, "feedback": feedback})
