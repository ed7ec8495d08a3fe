"""Local grading workers: processes that claim gradings from the database and run the engine.

The service starts them and watches them: a worker that dies has its grading put back in the queue
(three attempts at most) and is replaced. A worker exits when the service that started it is gone.
"""

from __future__ import annotations

import multiprocessing
import os
import socket
import traceback
from dataclasses import dataclass
from multiprocessing.synchronize import Semaphore
from pathlib import Path

from autograder.course import Course, CourseError
from autograder.grading import Grader
from autograder.service import jobs
from autograder.service.database import make_engine, sessions
from autograder.service.models import Grading
from autograder.service.storage import NotebookStore

LOCAL_PREFIX = f"local:{socket.gethostname()}:"


@dataclass(frozen=True)
class WorkerConfig:
    """What a worker needs to know; plain data, so it crosses into a spawned process."""

    db_url: str
    storage: Path
    course_root: Path
    sandboxed: bool = True


def grade_one(config: WorkerConfig, grading_id: int, worker: str, grader: Grader, course: Course,
              store: NotebookStore, session_factory) -> None:  # type: ignore[no-untyped-def]
    """Grade the claimed grading ``grading_id`` and record its outcome."""
    with session_factory() as session:
        grading = session.get(Grading, grading_id)
        assert grading is not None
        submission = grading.submission
        assignment_id, sha256, seed = submission.assignment, submission.sha256, grading.seed
    try:
        assignment = course.assignment(assignment_id)
        result = grader.grade_file(assignment, store.path(sha256), seed=seed).to_dict(details=True)
        status, error = result["status"], None
    except CourseError as problem:
        result, status, error = None, "error", str(problem)
    except Exception:  # noqa: BLE001  (an engine bug must not stop the worker)
        result, status, error = None, "error", "internal grader error:\n" + traceback.format_exc()[-3000:]
    with session_factory() as session:
        jobs.finish(session, grading_id, worker, status, result, error)


def worker_name(service_pid: int, worker_pid: int | None) -> str:
    """How a local worker signs the gradings it holds: host, service process, worker process."""
    return f"{LOCAL_PREFIX}{service_pid}:{worker_pid}"


def run_worker(config: WorkerConfig, wakeup: Semaphore, parent: int) -> None:
    """The worker process's loop: claim, grade, record; sleep on ``wakeup`` when the queue is empty."""
    name = worker_name(parent, os.getpid())
    session_factory = sessions(make_engine(config.db_url))
    course = Course.load(config.course_root)
    store = NotebookStore(config.storage)
    grader = Grader(sandboxed=config.sandboxed, keep_warm=True)
    while os.getppid() == parent:
        with session_factory() as session:
            grading_id = jobs.claim(session, name)
        if grading_id is None:
            wakeup.acquire(timeout=0.5)
            continue
        grade_one(config, grading_id, name, grader, course, store, session_factory)


class WorkerPool:
    """N local worker processes, replaced when they die."""

    def __init__(self, config: WorkerConfig, count: int):
        self.config = config
        self.count = count
        self.context = multiprocessing.get_context("spawn")
        self.wakeup = self.context.Semaphore(0)
        self.processes: dict[str, multiprocessing.process.BaseProcess] = {}

    def start(self) -> None:
        """Start the workers."""
        while len(self.processes) < self.count:
            self._spawn()

    def _spawn(self) -> None:
        process = self.context.Process(target=run_worker, args=(self.config, self.wakeup, os.getpid()),
                                       name="grading-worker", daemon=True)
        process.start()
        self.processes[worker_name(os.getpid(), process.pid)] = process

    def notify(self) -> None:
        """A grading was queued: wake one idle worker."""
        self.wakeup.release()

    def reap(self) -> list[str]:
        """Replace dead workers; returns the names of the dead, whose gradings must be released."""
        dead = [name for name, process in self.processes.items() if not process.is_alive()]
        for name in dead:
            self.processes.pop(name).join(timeout=0)
            self._spawn()
        return dead

    def stop(self) -> None:
        """Terminate every worker."""
        for process in self.processes.values():
            process.terminate()
        for process in self.processes.values():
            process.join(timeout=5)
        self.processes.clear()
