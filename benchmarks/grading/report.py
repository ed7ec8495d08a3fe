"""The benchmark's markdown: a table per assignment, the ratios, the scores, the targets and peak memory."""

from __future__ import annotations

import math
import statistics
from dataclasses import dataclass
from datetime import datetime

from autograder import hidden_tests
from autograder.course import Assignment
from benchmarks.grading.assignments import Benchmarked
from benchmarks.grading.machine import LoadWatch, Machine, versions
from benchmarks.grading.memory import PER_WORKER
from benchmarks.grading.results import Row
from benchmarks.grading.submissions import KINDS, Submissions

PROCESS_KINDS = {
    "grader": "engine in-process: the grading process",
    "service": "engine service: the web process",
    "worker": "engine service: one grading worker",
    "sandbox": "engine: one sandbox (the student's code, TensorFlow included)",
    PER_WORKER: "engine: one grader or worker with its sandboxes (summed, sampled every 0.2 s)",
    "otter": "`otter run`",
    "nbgrader": "`nbgrader autograde`",
    "kernel": "the Jupyter kernel of otter or nbgrader",
}
ENGINE_KINDS = ("grader", "service", "worker", "sandbox", PER_WORKER)


@dataclass(frozen=True)
class Target:
    """One target of the issue, checked against a measurement."""

    what: str
    met: bool

    def __str__(self) -> str:
        return f"{self.what}: {'met' if self.met else 'NOT met'}"


def _number(value: float, digits: int = 1) -> str:
    return "–" if math.isnan(value) else f"{value:.{digits}f}"


def _ratio(numerator: float | None, denominator: float | None) -> str:
    if not numerator or not denominator or math.isnan(numerator) or math.isnan(denominator):
        return "–"
    return f"{numerator / denominator:.1f}×"


def _memory(peaks: dict[str, float]) -> str:
    return ", ".join(f"{kind} {peaks[kind]:.0f}" for kind in PROCESS_KINDS if kind in peaks) or "?"


def rows_table(rows: list[Row]) -> str:
    """Per tool: submissions, seconds, submissions per minute, p50/p95 seconds per submission, peak RSS."""
    lines = ["| tool | what ran | submissions | seconds | per minute | p50 s | p95 s | peak RSS MB |",
             "| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |"]
    for row in rows:
        lines.append(f"| {row.tool} | {row.how} | {row.submissions} | {row.seconds:.1f} | {row.per_minute:.1f} "
                     f"| {_number(row.p50, 2)} | {_number(row.p95, 2)} | {_memory(row.peaks_mb)} |")
    return "\n".join(lines)


def ratios_table(rows: list[Row]) -> str:
    """The engine against otter and nbgrader: throughput (how many times more per minute) and latency
    (how many times longer the other tool takes for one submission); empty without anything to compare."""
    named = {row.tool: row for row in rows}

    def get(tool: str, value: str) -> float | None:
        row = named.get(tool)
        return getattr(row, value) if row else None

    others = (("otter ×1", "otter ×1"), ("otter ×2", "otter ×2"), ("nbgrader, batch", "nbgrader, alone"))
    burst = get("engine service, burst", "per_minute")
    found = [["throughput: engine service burst per minute ÷ theirs (nbgrader: batch)"]
             + [_ratio(burst, get(rate, "per_minute")) for rate, _ in others]]
    for engine in ("engine service, idle", "engine in-process"):
        mine = get(engine, "p50")
        found.append([f"latency: their p50 ÷ {engine} p50 (nbgrader: alone, startup included)"]
                     + ["–" if alone == "otter ×2" else _ratio(get(alone, "p50"), mine) for _, alone in others])
    found = [cells for cells in found if any(cell != "–" for cell in cells[1:])]
    if not found:
        return ""
    lines = ["| ratio | otter, one at a time | otter, two in parallel | nbgrader |", "| --- | ---: | ---: | ---: |"]
    return "\n".join(lines + ["| " + " | ".join(cells) + " |" for cells in found])


def scores_table(rows: list[Row], expected: dict[str, str]) -> str:
    """Every distinct score per kind of submission and tool."""
    lines = ["| kind | expected | " + " | ".join(r.tool for r in rows) + " |",
             "| --- | --- | " + " | ".join("---" for _ in rows) + " |"]
    for kind in KINDS:
        cells = ["/".join(f"{v:g}" for v in sorted(set(row.scores.get(kind, [])))) or "–" for row in rows]
        lines.append(f"| {kind} | {expected[kind]} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def disagreements(rows: list[Row], full: float) -> list[str]:
    """Where a tool did not give the solution full marks, the stub 0, or the partly wrong one something between."""
    problems = []
    for row in rows:
        if any(v != full for v in row.scores.get("solution", [])):
            problems.append(f"{row.tool}: the solution did not get full marks")
        if any(v != 0 for v in row.scores.get("stub", [])):
            problems.append(f"{row.tool}: the stub did not score 0")
        if any(not 0 < v < full for v in row.scores.get("partly-wrong", [])):
            problems.append(f"{row.tool}: the partly wrong notebook did not score between 0 and full marks")
    return problems


def engine_peaks(rows: list[Row]) -> dict[str, float]:
    """The engine's peak RSS per kind of process over its rows."""
    peaks: dict[str, float] = {}
    for row in rows:
        if row.tool.startswith("engine"):
            for kind in ENGINE_KINDS:
                if kind in row.peaks_mb:
                    peaks[kind] = max(peaks.get(kind, 0.0), row.peaks_mb[kind])
    return peaks


def targets(bench: Benchmarked, rows: list[Row], workers: int, cores: int) -> list[Target]:
    """The issue's targets for this assignment, checked against the service's rows and the engine's memory."""
    named = {row.tool: row for row in rows}
    found = []
    burst, idle = named.get("engine service, burst"), named.get("engine service, idle")
    if burst:
        found.append(Target(f"throughput {burst.per_minute:.0f}/min with {workers} workers on {cores} cores "
                            f"(target ≥ {bench.per_minute:.0f})", burst.per_minute >= bench.per_minute))
    if idle:
        found.append(Target(f"idle p50 submit-to-score {idle.p50:.2f} s (target < {bench.p50_s:g} s)",
                            idle.p50 < bench.p50_s))
    per_worker = engine_peaks(rows).get(PER_WORKER)
    if bench.memory_mb is not None and per_worker is not None:
        found.append(Target(f"peak memory (PSS) per worker, zygotes and sandboxes included, {per_worker:.0f} MB "
                            f"(target < {bench.memory_mb:.0f} MB)", per_worker < bench.memory_mb))
    return found


def assignment_section(bench: Benchmarked, assignment: Assignment, submissions: Submissions, rows: list[Row],
                       workers: int, cores: int) -> tuple[str, list[str], list[Target]]:
    """One assignment's markdown, its disagreements and its targets (which :func:`summary` lists)."""
    tests = len(hidden_tests.scan(assignment.hidden_dir))
    problems = disagreements(rows, assignment.max_score)
    goals = targets(bench, rows, workers, cores)
    text = [f"### {bench.label}: `{assignment.id}` ({len(assignment.tasks)} tasks, {tests} hidden tests, "
            f"{assignment.max_score:g} points; preload {', '.join(assignment.preload)}; partly wrong = mutant "
            f"`{submissions.mutant.name}`)", "", rows_table(rows), "",
            "Per minute of a one-at-a-time row: 60 ÷ its mean seconds per submission (pauses excluded).", ""]
    text += [f"- {row.tool}: {row.note}" for row in rows if row.note]
    ratios = ratios_table(rows)
    text += ["", "Ratios:", "", ratios] if ratios else []
    text += ["", "Scores per kind (every distinct score seen):", "", scores_table(rows, submissions.expected), ""]
    text += ["Agreement: " + ("; ".join(problems) if problems else
                              "every tool gives the solution full marks and the stub 0; the partly wrong notebook "
                              "scores between 0 and full marks everywhere"), ""]
    return "\n".join(text), problems, goals


def memory_table(rows_by_label: dict[str, list[Row]]) -> str:
    """Peak RSS per kind of process (the largest of one process over every row), per assignment."""
    labels = list(rows_by_label)
    lines = ["| process | " + " | ".join(f"{label} MB" for label in labels) + " |",
             "| --- | " + " | ".join("---:" for _ in labels) + " |"]
    for kind, meaning in PROCESS_KINDS.items():
        cells = []
        for label in labels:
            values = [row.peaks_mb[kind] for row in rows_by_label[label] if kind in row.peaks_mb]
            cells.append(f"{max(values):.0f}" if values else "–")
        if any(cell != "–" for cell in cells):
            lines.append(f"| {meaning} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def header(command: str, started: datetime, seconds: float, cpus: list[int], before: tuple[float, float, float],
           load: LoadWatch) -> list[str]:
    """The report's first lines: when, what command, which machine and versions, how busy it was."""
    host = Machine.here()
    other = 100 * load.other_cpu_s / (seconds * host.cores) if seconds else 0.0
    return [f"## Grading benchmark, {started:%Y-%m-%d %H:%M %Z}", "",
            f"- Command: `.venv/bin/python -m benchmarks.grading{' ' + command if command else ''}`",
            f"- Duration: {seconds / 60:.1f} min",
            f"- Machine: {host.cpu}, {host.cores} CPUs (the run pinned to {len(cpus)}: "
            f"{','.join(map(str, cpus))}), {host.memory_gb:.0f} GB RAM, Linux {host.kernel}, Python {host.python}",
            f"- Versions: {versions()}",
            f"- Load (1/5/15 min) at the start: {before[0]:.2f} / {before[1]:.2f} / {before[2]:.2f}; during the "
            f"run (this benchmark included): mean {statistics.mean(load.values or [0]):.2f}, max "
            f"{max(load.values or [0]):.2f}; CPU used by other processes: {load.other_cpu_s:.0f} s "
            f"({other:.1f} % of the machine's {host.cores} CPUs)", ""]


def summary(goals: list[str], failures: list[str], rows_by_label: dict[str, list[Row]]) -> list[str]:
    """The report's last lines: every target, every tool that failed, and the peak RSS per kind of process."""
    lines = ["### Targets", ""] + [f"- {goal}" for goal in goals]
    lines += [f"- FAILED: {failure}" for failure in failures]
    lines += [] if goals or failures else ["- none checked: the engine did not run"]
    lines += [""]
    return lines + ["### Peak RSS per process kind (MB)", "", memory_table(rows_by_label), ""]
