"""What each viewer sees of a submission, and the gradebook built from the counted submissions.

A submission's score is its latest grading's (the hidden tests) plus the manual grades its manual tasks
have so far; the points of manual tasks not yet graded are shown as pending, never as zero.
"""

from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from autograder.course import Course
from autograder.service.models import ManualGrade, Submission
from autograder.service.policy import Deadline, Policy

SUMMARY_NOTE = "details of the hidden tests are shown after the deadline"
HIDDEN_NOTE = "Received and graded. Your score and the feedback on each question appear after the deadline"


def _iso(moment: Any) -> str | None:
    return moment.isoformat() if moment is not None else None


def manual_items(submission: Submission, result: dict[str, Any], instructor: bool) -> list[dict[str, Any]]:
    """The grading's manual tasks with the student's answer and, once graded, the points and comment."""
    grades: dict[str, ManualGrade] = {grade.task: grade for grade in submission.manual_grades}
    items = []
    for item in result.get("manual", []):
        grade = grades.get(item["task"])
        entry = {"task": item["task"], "max_score": item["max_score"], "answer": item.get("answer", ""),
                 "status": "graded" if grade else "pending", "points": grade.points if grade else None,
                 "comment": grade.comment if grade else ""}
        if instructor:
            entry.update(graded_by=grade.graded_by if grade else None,
                         graded_at=_iso(grade.graded_at) if grade else None)
        items.append(entry)
    return items


def manual_totals(items: list[dict[str, Any]]) -> tuple[float, float]:
    """The manual points given so far, and the points still awaiting manual grading."""
    given = sum(item["points"] for item in items if item["points"] is not None)
    pending = sum(item["max_score"] for item in items if item["points"] is None)
    return round(given, 6), round(pending, 6)


def describe(submission: Submission, policy: Policy, instructor: bool) -> dict[str, Any]:
    """A submission as JSON for a student (their own) or an instructor (everything)."""
    grading = submission.gradings[-1] if submission.gradings else None
    result: dict[str, Any] = json.loads(grading.result) if grading and grading.result else {}
    manual = manual_items(submission, result, instructor)
    manual_score, pending = manual_totals(manual)
    level = "full" if instructor else policy.feedback(submission.assignment)
    tests = []
    for test in result.get("tests", []):
        entry = {k: test.get(k) for k in ("name", "task", "score", "max_score", "passed")}
        entry["message"] = test.get("message", "") if level == "full" else (
            "" if test.get("passed") else SUMMARY_NOTE)
        if instructor:
            entry["detail"] = test.get("detail", "")
        tests.append(entry)
    score = grading.score if grading else None
    described = {
        "id": submission.id, "student": submission.student, "assignment": submission.assignment,
        "submitted_at": _iso(submission.submitted_at), "status": grading.status if grading else "queued",
        "score": score, "max_score": grading.max_score if grading else None,
        "manual_score": manual_score, "pending_points": pending, "late_factor": submission.late_factor,
        "final_score": None if score is None else round((score + manual_score) * submission.late_factor, 6),
        "message": result.get("message", "") or (grading.error if grading and grading.status == "error"
                                                 and instructor else ""),
        "tests": tests, "manual": manual, "gradings": len(submission.gradings),
    }
    if grading and grading.status == "error" and not described["message"]:
        described["message"] = "grading failed; your instructor has been told"
    if level == "none":
        _hide_results(described, policy.deadline(submission.assignment))
    if instructor:
        described.update(seed=grading.seed if grading else None, attempts=grading.attempts if grading else 0,
                         error=grading.error if grading else None, output=result.get("output", ""),
                         sha256=submission.sha256, graded_at=_iso(grading.finished_at) if grading else None)
    return described


def _hide_results(described: dict[str, Any], deadline: Deadline | None) -> None:
    """Before a quiz's deadline a student learns that the submission was graded, and nothing of how."""
    due = f" ({deadline.due:%Y-%m-%d %H:%M} UTC)" if deadline else ""
    described.update(score=None, final_score=None, manual_score=None, tests=[],
                     results_after=_iso(deadline.due) if deadline else None)
    for item in described["manual"]:
        item.update(points=None, comment="")
    if described["status"] == "graded":
        described["message"] = f"{HIDDEN_NOTE}{due}."


@dataclass
class Counted:
    """The submission that counts for one student and assignment, with its final and pending points."""

    submission: Submission
    final_score: float
    pending: float
    result: dict[str, Any]


def counted_submissions(session: Session, policy: Policy) -> dict[tuple[str, str], Counted]:
    """Per (student, assignment): the best or latest graded submission, as the policy says."""
    chosen: dict[tuple[str, str], Counted] = {}
    query = (select(Submission).options(selectinload(Submission.gradings), selectinload(Submission.manual_grades))
             .order_by(Submission.id))
    for submission in session.scalars(query):
        grading = submission.gradings[-1] if submission.gradings else None
        if grading is None or grading.status != "graded" or grading.score is None:
            continue
        result = json.loads(grading.result or "{}")
        manual_score, pending = manual_totals(manual_items(submission, result, instructor=False))
        final = (grading.score + manual_score) * submission.late_factor
        key = (submission.student, submission.assignment)
        if policy.score_policy == "latest" or key not in chosen or final > chosen[key].final_score:
            chosen[key] = Counted(submission, final, pending, result)
    return chosen


def gradebook(session: Session, course: Course, policy: Policy) -> dict[str, Any]:
    """One row per student (roster and submitters), one column per assignment.

    A row's ``pending`` holds, per assignment, the points of the counted submission that await manual
    grading, and ``submissions`` the counted submission's id (None where nothing counts yet).
    """
    counted = counted_submissions(session, policy)
    students = sorted(policy.students | {student for student, _ in counted})
    assignments = [{"id": a.id, "title": a.title, "max_score": a.max_score,
                    "manual_points": sum(t.points for t in a.manual_tasks)} for a in course.assignments()]
    rows = []
    for student in students:
        mine = {a["id"]: counted.get((student, a["id"])) for a in assignments}
        scores = {i: None if c is None else round(c.final_score, 6) for i, c in mine.items()}
        rows.append({"student": student, "scores": scores,
                     "pending": {i: None if c is None else c.pending for i, c in mine.items()},
                     "submissions": {i: None if c is None else c.submission.id for i, c in mine.items()},
                     "total": round(sum(s for s in scores.values() if s is not None), 6)})
    return {"policy": policy.score_policy, "assignments": assignments, "rows": rows}


def gradebook_csv(book: dict[str, Any]) -> str:
    """The gradebook as CSV: ``student, <assignment (points)>…, total``, then one row per student.

    An assignment with manual tasks has a second column, ``<assignment> pending manual points``: the
    points its score does not hold yet because they await manual grading.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    header = ["student"]
    for a in book["assignments"]:
        header += [f"{a['id']} ({a['max_score']:g})"] + ([f"{a['id']} pending manual points"]
                                                         if a["manual_points"] else [])
    writer.writerow([*header, "total"])
    for row in book["rows"]:
        cells = [row["student"]]
        for a in book["assignments"]:
            cells.append(_number(row["scores"][a["id"]]))
            if a["manual_points"]:
                cells.append(_number(row["pending"][a["id"]]))
        writer.writerow([*cells, f"{row['total']:g}"])
    return buffer.getvalue()


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


def assignment_statistics(session: Session, policy: Policy, assignment_id: str, bins: int = 10) -> dict[str, Any]:
    """The counted scores' histogram and each hidden test's pass rate, for one assignment."""
    counted = [c for (_, assignment), c in counted_submissions(session, policy).items() if assignment == assignment_id]
    maximum = max((c.result.get("max_score", 0) for c in counted), default=0) or 1
    histogram = [0] * bins
    for entry in counted:
        histogram[min(bins - 1, int(bins * entry.final_score / maximum))] += 1
    passes: dict[str, list[bool]] = defaultdict(list)
    for entry in counted:
        for test in entry.result.get("tests", []):
            passes[test["name"]].append(bool(test.get("passed")))
    return {
        "assignment": assignment_id, "students": len(counted), "max_score": maximum,
        "mean": round(sum(c.final_score for c in counted) / len(counted), 6) if counted else None,
        "histogram": {"bins": [round(maximum * i / bins, 6) for i in range(bins + 1)], "counts": histogram},
        "pass_rates": {name: round(sum(values) / len(values), 6) for name, values in passes.items()},
    }
