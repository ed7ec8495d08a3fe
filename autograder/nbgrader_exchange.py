"""nbgrader's pluggable exchange, over the grading service's HTTP API instead of a shared folder.

Selected in the single-user servers' ``nbgrader_config.py`` (``hub_config/singleuser/``) through
``ExchangeFactory``, so the JupyterLab Assignments tab lists, fetches and submits through the service:
submissions are graded as they arrive, feedback is the service's report, and nothing needs a
world-writable directory (the approach ngshare took). Instructors release and collect the same way.
The service is ``$AUTOGRADER_URL``; the token is the server's ``$JUPYTERHUB_API_TOKEN``.
"""

from __future__ import annotations

import base64
import os
from datetime import datetime
from pathlib import Path
from typing import Any

from nbgrader.exchange import abc

from autograder.client import ServiceClient, ServiceError


class Exchange(abc.Exchange):
    """The service client and the student's folder for an assignment."""

    @property
    def client(self) -> ServiceClient:
        return ServiceClient.from_environment()

    def local_folder(self, assignment_id: str) -> Path:
        return Path(self.assignment_dir).resolve() / assignment_id

    def call(self, method: str, path: str, body: bytes | None = None) -> Any:
        try:
            return self.client.call(method, path, body)
        except (ServiceError, OSError) as error:
            self.fail(f"the grading service refused: {error}")

    def init_src(self) -> None:
        """Sources are on the service."""

    def init_dest(self) -> None:
        """Destinations are computed where they are written."""


def _timestamp(iso: str) -> str:
    return datetime.fromisoformat(iso).strftime("%Y-%m-%d %H:%M:%S.%f %Z").strip()


class ExchangeList(Exchange, abc.ExchangeList):
    """Released assignments (released or fetched), or the student's submissions (``cached``/``inbound``)."""

    def copy_files(self) -> None:
        """Listing copies nothing."""

    def list_files(self) -> list[dict[str, Any]]:
        course = self.coursedir.course_id or self.call("GET", "/api/exchange/assignments")["course"]
        released = self.call("GET", "/api/exchange/assignments")["assignments"]
        wanted = self.coursedir.assignment_id
        released = [a for a in released if not wanted or a["assignment"] == wanted]
        if self.cached or self.inbound:
            return [self._submitted(course, a) for a in released if a["submissions"]]
        listed = []
        for assignment in released:
            folder = self.local_folder(assignment["assignment"])
            fetched = folder.is_dir()
            path = folder if fetched else Path(assignment["assignment"])
            listed.append({
                "course_id": course, "assignment_id": assignment["assignment"],
                "status": "fetched" if fetched else "released", "path": str(path.resolve() if fetched else path),
                "notebooks": [{"notebook_id": Path(name).stem, "path": str((folder / name).resolve())}
                              for name in assignment["files"] if name.endswith(".ipynb")],
            })
        return listed

    def _submitted(self, course: str, assignment: dict[str, Any]) -> dict[str, Any]:
        student = os.environ.get("JUPYTERHUB_USER", "")
        folder = self.local_folder(assignment["assignment"])
        submissions = []
        for submission in assignment["submissions"]:
            stamp = _timestamp(submission["submitted_at"])
            feedback = folder / "feedback" / stamp
            has_local = (feedback / f"{assignment['assignment']}.html").exists()
            submissions.append({
                "course_id": course, "student_id": student, "assignment_id": assignment["assignment"],
                "timestamp": stamp, "status": "submitted", "path": str(folder),
                "notebooks": [{"notebook_id": assignment["assignment"], "path": str(folder),
                               "has_local_feedback": has_local, "has_exchange_feedback": submission["status"]
                               in ("graded", "error"), "local_feedback_path": str(feedback) if has_local else None,
                               "feedback_updated": False}],
                "has_local_feedback": has_local, "has_exchange_feedback": submission["status"] in ("graded", "error"),
                "feedback_updated": False, "local_feedback_path": str(feedback) if has_local else None,
                "score": submission["final_score"], "grading_status": submission["status"],
            })
        return {"course_id": course, "student_id": student, "assignment_id": assignment["assignment"],
                "status": "submitted", "submissions": submissions}

    def remove_files(self) -> None:
        self.fail("removing released assignments is done by the instructor on the grading service")


class ExchangeFetchAssignment(Exchange, abc.ExchangeFetchAssignment):
    """Download the released files into ``<assignment_dir>/<assignment>/``."""

    def copy_files(self) -> None:
        assignment = self.coursedir.assignment_id
        destination = self.local_folder(assignment)
        if destination.is_dir() and not self.replace_missing_files:
            self.fail(f"You already have a copy of the assignment in this directory: {assignment}")
        files = self.call("GET", f"/api/exchange/assignments/{assignment}/files")["files"]
        for entry in files:
            target = (destination / entry["path"]).resolve()
            if destination.resolve() not in target.parents:
                self.fail(f"refusing to write outside the assignment folder: {entry['path']}")
            if target.exists():
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(base64.b64decode(entry["content"]))
        self.log.info("Fetched as: %s %s", self.coursedir.course_id, assignment)


class ExchangeSubmit(Exchange, abc.ExchangeSubmit):
    """Send the assignment's notebook to the service, which grades it as it arrives."""

    def copy_files(self) -> None:
        assignment = self.coursedir.assignment_id
        folder = self.local_folder(assignment)
        notebook = folder / f"{assignment}.ipynb"
        if not notebook.exists():
            found = sorted(folder.glob("*.ipynb"))
            if not found:
                self.fail(f"no notebook to submit in {folder}")
            notebook = found[0]
        status, answer = self.client.submit(assignment, notebook.read_bytes(), notebook.name, source="exchange")
        if status != 202:
            self.fail(f"the grading service refused the submission: {answer.get('error', answer)}")
        self.log.info("Submitted as: %s %s %s (submission %s, graded as it arrives)", self.coursedir.course_id,
                      assignment, self.timestamp, answer["id"])


class ExchangeFetchFeedback(Exchange, abc.ExchangeFetchFeedback):
    """Download the reports of graded submissions to ``<assignment>/feedback/<timestamp>/``."""

    def copy_files(self) -> None:
        assignment = self.coursedir.assignment_id
        feedback = self.call("GET", f"/api/exchange/assignments/{assignment}/feedback")["feedback"]
        for report in feedback:
            folder = self.local_folder(assignment) / "feedback" / _timestamp(report["timestamp"])
            folder.mkdir(parents=True, exist_ok=True)
            for entry in report["files"]:
                (folder / Path(entry["path"]).name).write_bytes(base64.b64decode(entry["content"]))
        self.log.info("Fetched feedback of %d submissions of %s", len(feedback), assignment)


class ExchangeReleaseAssignment(Exchange, abc.ExchangeReleaseAssignment):
    """Release the assignment from the course repository the service grades with."""

    def copy_files(self) -> None:
        self.call("POST", f"/api/exchange/assignments/{self.coursedir.assignment_id}/release", b"")
        self.log.info("Released as: %s %s", self.coursedir.course_id, self.coursedir.assignment_id)


class ExchangeCollect(Exchange, abc.ExchangeCollect):
    """Each student's latest submission into the course directory's ``submitted/`` folder."""

    def copy_files(self) -> None:
        assignment = self.coursedir.assignment_id
        for entry in self.client.collect(assignment):
            folder = Path(self.coursedir.format_path(self.coursedir.submitted_directory, entry["student"],
                                                     assignment))
            folder.mkdir(parents=True, exist_ok=True)
            for name, data in entry["files"].items():
                (folder / Path(name).name).write_bytes(data)
            (folder / "timestamp.txt").write_text(_timestamp(entry["timestamp"]))
            self.log.info("Collected submission of %s", entry["student"])


class ExchangeReleaseFeedback(Exchange, abc.ExchangeReleaseFeedback):
    """Feedback is released by the service as soon as a submission is graded."""

    def copy_files(self) -> None:
        self.log.info("Feedback is available to students as soon as their submission is graded.")
