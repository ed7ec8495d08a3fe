"""What is benchmarked: the course's two assignments, how many submissions of each, and the targets."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Benchmarked:
    """One assignment of the course as the benchmark uses it."""

    label: str
    assignment_id: str
    copies: int                  # of each kind of submission, graded by every tool
    burst_copies: int            # of each kind, in the service's burst
    per_minute: float            # target: the service's throughput on 2 cores
    p50_s: float                 # target: the service's median submit-to-score while idle
    memory_mb: float | None      # target: a grader's peak RSS per worker, sandboxes included
    mutant: str | None = None    # the partly wrong submission's mutant; None: the first in mutants.py


# The defaults take about 15-20 minutes in all on 2 idle cores (otter run is the slowest part).
BENCHMARKED = {
    "numpy": Benchmarked("numpy", "02-linear-algebra", copies=2, burst_copies=6, per_minute=100.0, p50_s=1.0,
                         memory_mb=None),
    "tensorflow": Benchmarked("tensorflow", "06-neural-networks", copies=1, burst_copies=3, per_minute=20.0,
                              p50_s=3.0, memory_mb=1536.0, mutant="build_keras_mlp__relu"),
}
