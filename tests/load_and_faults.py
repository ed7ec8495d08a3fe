"""Bursts of submissions while the service is killed with SIGKILL and restarted; used by the test
suite (small) and by ``make bench-load`` (500 submissions from 100 students)."""

from __future__ import annotations

import sqlite3
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from service_client import Service


@dataclass
class LoadReport:
    """What happened to every submission."""

    submitted: int
    graded: int
    gradings_per_submission: Counter[int]
    wrong_scores: list[int]
    kills: int
    seconds: float

    @property
    def per_minute(self) -> float:
        return 60 * self.graded / self.seconds


def run(course: Path, folder: Path, notebooks: list[tuple[bytes, float]], submissions: int, students: int,
        kills: int, workers: int = 2, bursts: int = 5) -> LoadReport:
    """Submit in ``bursts``, SIGKILL and restart the service ``kills`` times while it grades, then check."""
    tokens = {f"t-{i}": f"student{i}" for i in range(students)} | {"t-teacher": "teacher"}
    service = Service(course, folder / "data", tokens, workers=workers).start()
    expected: dict[int, float] = {}
    started = time.monotonic()
    kill_after = {round((k + 1) * bursts / (kills + 1)) for k in range(kills)}
    try:
        for burst in range(bursts):
            for index in range(burst * submissions // bursts, (burst + 1) * submissions // bursts):
                notebook, score = notebooks[index % len(notebooks)]
                status, answer = service.submit(f"student{index % students}", course_assignment(course),
                                                notebook)
                assert status == 202, answer
                expected[answer["id"]] = score
            if burst + 1 in kill_after:
                time.sleep(1.0)  # let some gradings be running
                service.kill()
                service.start()
        done = service.wait_graded("teacher", list(expected), timeout=3600)
    finally:
        service.kill()
    seconds = time.monotonic() - started
    with sqlite3.connect(service.data_dir / "grading.sqlite") as db:
        per_submission = Counter(row[0] for row in db.execute("SELECT submission_id FROM gradings"))
    wrong = [i for i, score in expected.items() if done[i]["status"] != "graded" or done[i]["score"] != score]
    return LoadReport(len(expected), sum(1 for d in done.values() if d["status"] == "graded"),
                      Counter(per_submission.values()), wrong, kills, seconds)


def course_assignment(course: Path) -> str:
    """The first assignment of the course (the toy course has one)."""
    return sorted(p.name for p in (course / "assignments").iterdir() if (p / "assignment.toml").exists())[0]
