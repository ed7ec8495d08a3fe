"""This engine, measured two ways: the bare ``Grader`` in a process of its own, and the grading service.

Both measure idle latency with the warm sandbox ready: a pause of ``gap`` seconds (by default 1.3 times
the time a sandbox of the assignment takes to start, plus 0.5 s) comes before every submission. The
service then takes a burst of submissions at once, for its throughput.

``python -m benchmarks.grading.engine SPEC`` is the in-process grader's own process (started by
:func:`run_in_process`, so that its memory is its own); it prints its measurements as one JSON line.
"""

from __future__ import annotations

import json
import sqlite3
import statistics
import subprocess
import sys
import time
from contextlib import closing
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from autograder.course import Assignment, Course
from benchmarks.grading import ROOT
from benchmarks.grading.memory import Sampler, classify_engine, own_peak_mb
from benchmarks.grading.results import Row, by_kind
from benchmarks.grading.submissions import Submission
from tests.service_client import Service

IDLE_POLL_S = 0.02
WARMUP_ROUNDS = 3       # warm-up submissions per worker at most, until every worker has graded once
GRADING_TIMEOUT_S = 1800  # for one submission, or for the whole burst


def sandbox_start_seconds(assignment: Assignment, times: int) -> tuple[float, float]:
    """How long a sandbox of this assignment takes to be ready (the fastest of ``times``; forked from a
    zygote unless ``AUTOGRADER_ZYGOTE=0``): the time a warm sandbox needs after a grading before the
    next one can use it. Also how long the first took (with the zygote's imports)."""
    from autograder.grading import Grader

    first, best = 0.0, float("inf")
    with Grader() as grader:
        for attempt in range(times + 1):
            started = time.monotonic()
            sandbox = grader.new_sandbox(assignment)
            try:
                sandbox.wait_ready(300)
            finally:
                sandbox.kill()
            if attempt == 0:
                first = time.monotonic() - started
            else:
                best = min(best, time.monotonic() - started)
    return first, best


def grade_one_at_a_time(spec: dict[str, Any]) -> dict[str, Any]:
    """In the grader's own process: a cold grading of ``spec["warmup"]``, then each file after a pause."""
    from autograder.grading import Grader

    assignment = Course.load(ROOT).assignment(spec["assignment"])
    first, ready = sandbox_start_seconds(assignment, spec["start_samples"])
    gap = spec["gap"] if spec["gap"] is not None else 1.3 * ready + 0.5
    grader = Grader(keep_warm=True)
    started = time.monotonic()
    grader.grade_file(assignment, Path(spec["warmup"]))
    cold = time.monotonic() - started
    rows = []
    try:
        for kind, path in spec["files"]:
            time.sleep(gap)
            started = time.monotonic()
            result = grader.grade_file(assignment, Path(path))
            rows.append([kind, time.monotonic() - started, result.score, result.status])
    finally:
        grader.close()
    return {"first": first, "ready": ready, "gap": gap, "cold": cold, "rows": rows, "grader_mb": own_peak_mb()}


def run_in_process(assignment: Assignment, files: list[Submission], gap: float | None,
                   start_samples: int) -> tuple[Row, float]:
    """``Grader(keep_warm=True)`` in a child process, one file at a time; the row and the gap used."""
    spec = {"assignment": assignment.id, "gap": gap, "start_samples": start_samples, "warmup": str(files[0].path),
            "files": [[f.kind, str(f.path)] for f in files]}
    process = subprocess.Popen([sys.executable, "-m", "benchmarks.grading.engine", json.dumps(spec)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
    with Sampler(process.pid, classify_engine, root_kind="grader") as sampler:
        out, err = process.communicate(timeout=3600)
    if process.returncode != 0:
        raise RuntimeError(f"the in-process engine failed: {err.decode()[-3000:]}")
    report = json.loads(out.decode().strip().splitlines()[-1])
    peaks = sampler.peaks_mb() | {"grader": report["grader_mb"]}
    times = [row[1] for row in report["rows"]]
    row = Row("engine in-process", "engine in-process, `Grader(keep_warm=True)`, one at a time, idle",
              len(times), sum(times), times, by_kind([(r[0], r[2]) for r in report["rows"]]), peaks,
              note=f"first sandbox (zygote's imports included) {report['first']:.2f} s, "
                   f"sandbox start {report['ready']:.2f} s, first (cold) grading {report['cold']:.2f} s, "
                   f"{report['gap']:.1f} s between submissions")
    return row, report["gap"]


def _when(text: str | None) -> float:
    """A timestamp of the service's database (UTC, with or without its zone) in seconds."""
    if not text:
        return float("nan")
    return datetime.fromisoformat(text).replace(tzinfo=timezone.utc).timestamp()


def _query(db: Path, sql: str, ids: list[int]) -> list[tuple[Any, ...]]:
    with closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True)) as connection:
        return connection.execute(sql % ",".join(str(int(i)) for i in ids)).fetchall()


def _gradings(db: Path, ids: list[int]) -> list[dict[str, Any]]:
    """Times and scores of the gradings of the submissions ``ids``, from the service's database."""
    rows = _query(db, "SELECT s.filename, s.submitted_at, g.started_at, g.finished_at, g.score FROM submissions s "
                      "JOIN gradings g ON g.submission_id = s.id WHERE s.id IN (%s)", ids)
    return [{"kind": filename.rsplit("-", 1)[0], "submitted": _when(submitted), "started": _when(started),
             "finished": _when(finished), "score": float("nan") if score is None else score}
            for filename, submitted, started, finished, score in rows]


def _finished(db: Path, ids: list[int]) -> list[tuple[Any, ...]]:
    """(worker,) of each finished grading of the submissions ``ids``."""
    return _query(db, "SELECT worker FROM gradings WHERE status IN ('graded', 'error') AND submission_id IN (%s)",
                  ids)


class _Client:
    """Submits to the service and waits for the scores."""

    def __init__(self, service: Service, assignment_id: str, db: Path):
        self.service = service
        self.assignment_id = assignment_id
        self.db = db

    def submit(self, user: str, path: Path) -> int:
        """Submit ``path`` as ``user``; the submission's id."""
        status, answer = self.service.submit(user, self.assignment_id, path.read_bytes(), filename=path.name)
        if status != 202:
            raise RuntimeError(f"the service refused a submission: {status} {answer}")
        return int(answer["id"])

    def submit_and_wait(self, user: str, path: Path, timeout: float = GRADING_TIMEOUT_S) -> tuple[int, float]:
        """Submit, then poll the API every :data:`IDLE_POLL_S` until scored; the id and the seconds taken."""
        started = time.monotonic()
        submission_id = self.submit(user, path)
        while time.monotonic() < started + timeout:
            status, found = self.service.request(user, "GET", f"/api/submissions/{submission_id}")
            if status == 200 and found["status"] in ("graded", "error"):
                return submission_id, time.monotonic() - started
            time.sleep(IDLE_POLL_S)
        raise TimeoutError(f"the service did not grade {path.name} in {timeout:.0f} s")

    def wait(self, ids: list[int], timeout: float = GRADING_TIMEOUT_S) -> None:
        """Wait until the submissions ``ids`` are graded (read from the database, no HTTP traffic)."""
        deadline = time.monotonic() + timeout
        while len(_finished(self.db, ids)) < len(ids):
            if time.monotonic() > deadline:
                raise TimeoutError("the service did not grade the submissions in time")
            time.sleep(0.2)

    def warm_up(self, path: Path, workers: int) -> None:
        """Grade ``path`` until every worker has graded once (a worker's first grading is cold)."""
        ids: list[int] = []
        for _ in range(WARMUP_ROUNDS):
            ids += [self.submit("warmup", path) for _ in range(workers)]
            self.wait(ids)
            if len({worker for (worker,) in _finished(self.db, ids)}) >= workers:
                return
        print(f"warning: not every worker graded a warm-up submission in {WARMUP_ROUNDS} rounds", file=sys.stderr)


def run_service(assignment: Assignment, idle_files: list[Submission], burst_files: list[Submission],
                workers: int, gap: float, folder: Path) -> tuple[Row, Row]:
    """``autograder serve`` end to end: idle submit-to-score one at a time, then a burst for throughput."""
    students = sorted({f.student for f in idle_files + burst_files} | {"warmup"})
    tokens = {f"token-{name}": name for name in students}
    folder.mkdir(parents=True, exist_ok=True)
    service = Service(ROOT, folder / "data", tokens, workers=workers)
    client = _Client(service, assignment.id, folder / "data" / "grading.sqlite")
    service.start()
    assert service.process is not None
    try:
        with Sampler(service.process.pid, classify_engine, root_kind="service") as sampler:
            client.warm_up(idle_files[0].path, workers)
            idle_ids, idle = [], []
            for submission in idle_files:
                time.sleep(gap)
                submission_id, seconds = client.submit_and_wait(submission.student, submission.path)
                idle_ids.append(submission_id)
                idle.append(seconds)
            burst_ids = [client.submit(f.student, f.path) for f in burst_files]
            client.wait(burst_ids)
            sampler.sample()
    finally:
        service.kill()
    peaks = sampler.peaks_mb()
    idle_gradings = _gradings(client.db, idle_ids)
    idle_row = Row("engine service, idle", f"engine service, {workers} workers, one at a time, idle (submit-to-score)",
                   len(idle), sum(idle), idle, by_kind([(g["kind"], g["score"]) for g in idle_gradings]), peaks,
                   note=f"{gap:.1f} s between submissions; the client polls every {IDLE_POLL_S * 1000:.0f} ms")
    burst = _gradings(client.db, burst_ids)
    span = max(g["finished"] for g in burst) - min(g["submitted"] for g in burst)
    latency = [g["finished"] - g["submitted"] for g in burst]
    burst_row = Row("engine service, burst", f"engine service, {workers} workers, burst of {len(burst)}",
                    len(burst), span, [g["finished"] - g["started"] for g in burst],
                    by_kind([(g["kind"], g["score"]) for g in burst]), peaks,
                    note=f"p50/p95 = a worker's time per grading; submit-to-score in the burst (queueing "
                         f"included) p50 {statistics.median(latency):.2f} s, max {max(latency):.2f} s")
    return idle_row, burst_row


if __name__ == "__main__":
    print(json.dumps(grade_one_at_a_time(json.loads(sys.argv[1]))))
