"""Server-rendered pages: a student's submissions and feedback; the instructor's gradebook, charts, manual grading."""

from __future__ import annotations

from typing import Any

from tornado import escape, web

from autograder.service.api import ApiHandler
from autograder.service.charts import bar_chart
from autograder.service.models import Submission
from autograder.service.views import assignment_statistics, describe, gradebook


class PageHandler(ApiHandler):
    """Renders templates with the caller and the policy at hand."""

    def get_login_url(self) -> str:
        return super(ApiHandler, self).get_login_url() if self.settings.get("tokens") is None else "/"

    def render_page(self, template: str, **values: Any) -> None:
        self.render(template, identity=self.identity, policy=self.policy, prefix=self.settings["prefix"], **values)

    def write_error(self, status_code: int, **kwargs: Any) -> None:
        error = kwargs.get("exc_info", (None, None, None))[1]
        message = error.log_message if isinstance(error, web.HTTPError) and error.log_message else self._reason
        self.finish(f"<!doctype html><title>{status_code}</title><h1>{status_code}</h1>"
                    f"<p>{escape.xhtml_escape(message)}</p>")


class SubmissionsPage(PageHandler):
    """``/``: the caller's submissions (instructors: everybody's, or one student's)."""

    @web.authenticated
    def get(self) -> None:
        query = self.submissions_query().order_by(Submission.id.desc()).limit(500)
        with self.session() as session:
            found = [describe(s, self.policy, self.identity.instructor) for s in session.scalars(query)]
        self.render_page("submissions.html", submissions=found)


class SubmissionPage(PageHandler):
    """``/submissions/{id}``: one submission's score and feedback."""

    @web.authenticated
    def get(self, submission_id: str) -> None:
        with self.session() as session:
            submission = self.visible_submission(session, submission_id)
            self.render_page("submission.html", s=describe(submission, self.policy, self.identity.instructor))


class ManualGradeForm(PageHandler):
    """``POST /submissions/{id}/manual/{task}`` (instructors): the grading form of the submission page."""

    @web.authenticated
    def post(self, submission_id: str, task: str) -> None:
        self.require_instructor()
        try:
            points = float(self.get_body_argument("points", ""))
        except ValueError:
            raise web.HTTPError(400, "the points must be a number") from None
        with self.session() as session:
            self.grade_by_hand(session, submission_id, task, points, self.get_body_argument("comment", ""))
        self.redirect(f"{self.settings['prefix']}submissions/{submission_id}", status=303)


class GradebookPage(PageHandler):
    """``/gradebook`` (instructors)."""

    @web.authenticated
    def get(self) -> None:
        self.require_instructor()
        with self.session() as session:
            self.render_page("gradebook.html", book=gradebook(session, self.course, self.policy))


class AssignmentPage(PageHandler):
    """``/assignments/{id}`` (instructors): score histogram and pass rate per test, as charts."""

    @web.authenticated
    def get(self, assignment_id: str) -> None:
        self.require_instructor()
        with self.session() as session:
            stats = assignment_statistics(session, self.policy, assignment_id)
        edges, counts = stats["histogram"]["bins"], stats["histogram"]["counts"]
        labels = [f"{edges[i]:g}–{edges[i + 1]:g}" for i in range(len(counts))]
        histogram = bar_chart(labels, counts, title=f"scores of {assignment_id}", value_format="{:.0f}")
        rates = stats["pass_rates"]
        pass_rates = bar_chart([name.removeprefix("test_")[:30] for name in rates], [100 * r for r in rates.values()],
                               top=100, width=max(560, 40 * len(rates)), value_format="{:.0f}%",
                               title="pass rate per hidden test", slanted_labels=True)
        self.render_page("assignment.html", stats=stats, histogram=histogram, pass_rates=pass_rates)
