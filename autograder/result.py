"""What a grading produces: per-test results and their total, as JSON and in Gradescope's shape."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Status = Literal["graded", "error"]
PENDING = "awaiting manual grading"


@dataclass
class TestResult:
    """One hidden test's outcome. ``message`` is safe to show a student; ``detail`` is for instructors."""

    name: str
    task: str
    score: float
    max_score: float
    passed: bool
    message: str = ""
    detail: str = ""


@dataclass
class ManualItem:
    """A manual task: its points await the instructor; ``answer`` is the text of the student's answer cell."""

    task: str
    max_score: float
    answer: str = ""


@dataclass
class GradeResult:
    """A whole grading: the total, the tests, the manual tasks, and notes about the notebook's own run.

    ``max_score`` is the assignment's, manual tasks included; ``score`` is what the hidden tests gave,
    and the manual tasks' points are pending until the instructor grades them.
    """

    assignment: str
    max_score: float
    status: Status = "graded"
    tests: list[TestResult] = field(default_factory=list)
    message: str = ""
    seed: int | None = None
    output: str = ""
    manual: list[ManualItem] = field(default_factory=list)

    @property
    def score(self) -> float:
        """The points earned, the sum over the tests."""
        return round(sum(t.score for t in self.tests), 6)

    @property
    def pending_points(self) -> float:
        """The points that await manual grading, the sum over the manual tasks."""
        return round(sum(m.max_score for m in self.manual), 6)

    def to_dict(self, details: bool = False) -> dict[str, Any]:
        """The result as JSON-ready data; ``details`` adds instructor-only fields."""
        tests = []
        for test in self.tests:
            entry = asdict(test)
            if not details:
                entry.pop("detail")
            tests.append(entry)
        data: dict[str, Any] = {"assignment": self.assignment, "score": self.score, "max_score": self.max_score,
                                "pending_points": self.pending_points, "status": self.status,
                                "message": self.message, "seed": self.seed, "tests": tests,
                                "manual": [{**asdict(m), "status": "pending"} for m in self.manual]}
        if details:
            data["output"] = self.output
        return data

    def to_gradescope(self) -> dict[str, Any]:
        """The result in the ``results.json`` shape that Gradescope and otter-grader read.

        Manual tasks are no test of the autograder: on Gradescope they are manually graded questions
        of the assignment's outline, so they are left out here and the output says so.
        """
        notes = [self.message] + [f"{m.task} ({m.max_score:g} points) is graded by hand, not by the autograder."
                                  for m in self.manual]
        return {
            "score": self.score,
            "output": "\n".join(note for note in notes if note),
            "tests": [{"name": t.name, "score": t.score, "max_score": t.max_score,
                       "output": t.message or ("passed" if t.passed else "failed"), "visibility": "visible"}
                      for t in self.tests],
        }
