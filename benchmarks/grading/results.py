"""One measured run of a tool over some submissions: its times, scores and memory."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Row:
    """One line of an assignment's table."""

    tool: str                    # short: "engine service, burst", "otter ×2", …
    how: str                     # what exactly ran
    submissions: int
    seconds: float               # wall time of the whole run (for one-at-a-time rows: the sum of the times)
    per_submission: list[float]
    scores: dict[str, list[float]] = field(default_factory=dict)  # by kind of submission
    peaks_mb: dict[str, float] = field(default_factory=dict)      # by kind of process
    note: str = ""

    @property
    def per_minute(self) -> float:
        """Submissions graded per minute."""
        return 60.0 * self.submissions / self.seconds if self.seconds else 0.0

    @property
    def p50(self) -> float:
        """The median seconds per submission."""
        return percentile(self.per_submission, 50)

    @property
    def p95(self) -> float:
        """The 95th percentile of the seconds per submission."""
        return percentile(self.per_submission, 95)

    def to_dict(self) -> dict[str, object]:
        """The row as plain data, for ``--json``."""
        return {"tool": self.tool, "how": self.how, "submissions": self.submissions, "seconds": self.seconds,
                "per_minute": self.per_minute, "p50": self.p50, "p95": self.p95,
                "per_submission": self.per_submission, "scores": self.scores, "peaks_mb": self.peaks_mb,
                "note": self.note}


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile, interpolated between the closest ranks; nan without values."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    position = (len(ordered) - 1) * q / 100
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def by_kind(pairs: list[tuple[str, float]]) -> dict[str, list[float]]:
    """Scores grouped by kind of submission, from (kind, score) pairs."""
    scores: dict[str, list[float]] = {}
    for kind, score in pairs:
        scores.setdefault(kind, []).append(score)
    return scores
