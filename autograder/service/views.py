"""What each viewer sees of a submission, and the gradebook built from the counted submissions."""

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
from autograder.service.models import Submission
from autograder.service.policy import Policy

SUMMARY_NOTE = "details of the hidden tests are shown after the deadline"


def _iso(moment: Any) -> str | None:
    return moment.isoformat() if moment is not None else None


def describe(submission: Submission, policy: Policy, instructor: bool) -> dict[str, Any]:
    """A submission as JSON for a student (their own) or an instructor (everything)."""
    grading = submission.gradings[-1] if submission.gradings else None
    result: dict[str, Any] = json.loads(grading.result) if grading and grading.result else {}
    full = instructor or policy.full_feedback(submission.assignment)
    tests = []
    for test in result.get("tests", []):
        entry = {k: test.get(k) for k in ("name", "task", "score", "max_score", "passed")}
        entry["message"] = test.get("message", "") if full else ("" if test.get("passed") else SUMMARY_NOTE)
        if instructor:
            entry["detail"] = test.get("detail", "")
        tests.append(entry)
    score = grading.score if grading else None
    described = {
        "id": submission.id, "student": submission.student, "assignment": submission.assignment,
        "submitted_at": _iso(submission.submitted_at), "status": grading.status if grading else "queued",
        "score": score, "max_score": grading.max_score if grading else None,
        "late_factor": submission.late_factor,
        "final_score": None if score is None else round(score * submission.late_factor, 6),
        "message": result.get("message", "") or (grading.error if grading and grading.status == "error"
                                                 and instructor else ""),
        "tests": tests, "gradings": len(submission.gradings),
    }
    if grading and grading.status == "error" and not described["message"]:
        described["message"] = "grading failed; your instructor has been told"
    if instructor:
        described.update(seed=grading.seed if grading else None, attempts=grading.attempts if grading else 0,
                         error=grading.error if grading else None, output=result.get("output", ""),
                         sha256=submission.sha256, graded_at=_iso(grading.finished_at) if grading else None)
    return described


@dataclass
class Counted:
    """The submission that counts for one student and assignment, with its final score."""

    submission: Submission
    final_score: float
    result: dict[str, Any]


def counted_submissions(session: Session, policy: Policy) -> dict[tuple[str, str], Counted]:
    """Per (student, assignment): the best or latest graded submission, as the policy says."""
    chosen: dict[tuple[str, str], Counted] = {}
    query = select(Submission).options(selectinload(Submission.gradings)).order_by(Submission.id)
    for submission in session.scalars(query):
        grading = submission.gradings[-1] if submission.gradings else None
        if grading is None or grading.status != "graded" or grading.score is None:
            continue
        final = grading.score * submission.late_factor
        key = (submission.student, submission.assignment)
        if policy.score_policy == "latest" or key not in chosen or final > chosen[key].final_score:
            chosen[key] = Counted(submission, final, json.loads(grading.result or "{}"))
    return chosen


def gradebook(session: Session, course: Course, policy: Policy) -> dict[str, Any]:
    """One row per student (roster and submitters), one column per assignment."""
    counted = counted_submissions(session, policy)
    students = sorted(policy.students | {student for student, _ in counted})
    assignments = [{"id": a.id, "title": a.title, "max_score": a.max_score} for a in course.assignments()]
    rows = []
    for student in students:
        scores = {a["id"]: (round(counted[(student, a["id"])].final_score, 6)
                            if (student, a["id"]) in counted else None) for a in assignments}
        rows.append({"student": student, "scores": scores,
                     "total": round(sum(s for s in scores.values() if s is not None), 6)})
    return {"policy": policy.score_policy, "assignments": assignments, "rows": rows}


def gradebook_csv(book: dict[str, Any]) -> str:
    """The gradebook as CSV: a header row ``student, <assignment (points)>…, total``, then one row per student."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    ids = [a["id"] for a in book["assignments"]]
    writer.writerow(["student", *[f"{a['id']} ({a['max_score']:g})" for a in book["assignments"]], "total"])
    for row in book["rows"]:
        writer.writerow([row["student"], *["" if row["scores"][i] is None else f"{row['scores'][i]:g}" for i in ids],
                         f"{row['total']:g}"])
    return buffer.getvalue()


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
