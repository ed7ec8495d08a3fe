"""What a grading produces: per-test results and their total, as JSON and in Gradescope's shape."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Status = Literal["graded", "error"]


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
class GradeResult:
    """A whole grading: the total, the tests, and notes about the notebook's own run."""

    assignment: str
    max_score: float
    status: Status = "graded"
    tests: list[TestResult] = field(default_factory=list)
    message: str = ""
    seed: int | None = None
    output: str = ""

    @property
    def score(self) -> float:
        """The points earned, the sum over the tests."""
        return round(sum(t.score for t in self.tests), 6)

    def to_dict(self, details: bool = False) -> dict[str, Any]:
        """The result as JSON-ready data; ``details`` adds instructor-only fields."""
        tests = []
        for test in self.tests:
            entry = asdict(test)
            if not details:
                entry.pop("detail")
            tests.append(entry)
        data: dict[str, Any] = {"assignment": self.assignment, "score": self.score, "max_score": self.max_score,
                                "status": self.status, "message": self.message, "seed": self.seed,
                                "tests": tests}
        if details:
            data["output"] = self.output
        return data

    def to_gradescope(self) -> dict[str, Any]:
        """The result in the ``results.json`` shape that Gradescope and otter-grader read."""
        return {
            "score": self.score,
            "output": self.message,
            "tests": [{"name": t.name, "score": t.score, "max_score": t.max_score,
                       "output": t.message or ("passed" if t.passed else "failed"), "visibility": "visible"}
                      for t in self.tests],
        }
