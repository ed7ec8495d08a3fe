"""Scale-out: gradings handed to Celery workers on other machines (a Redis broker, for instance).

The database stays the source of truth. The service sends each queued grading's id to the broker;
a Celery worker claims that grading in the database (so a duplicate message is harmless), grades it,
and records the outcome, exactly as a local worker does. A grading whose message was lost is sent
again after a while; one whose worker died is retried when its lease runs out.

Workers need the course (same files as the service), the grading database (``--db-url``, PostgreSQL in
practice) and the submitted notebooks (the shared ``--data-dir``, e.g. an NFS or a volume).
"""

from __future__ import annotations

import functools
import os
import socket
import time
from pathlib import Path

from celery import Celery

from autograder.course import Course
from autograder.grading import Grader
from autograder.service import jobs
from autograder.service.database import make_engine, sessions
from autograder.service.storage import NotebookStore
from autograder.service.workers import WorkerConfig, grade_one

QUEUE = "grading"
RESEND_AFTER_S = 120

app = Celery("autograder")
app.conf.update(task_acks_late=True, task_reject_on_worker_lost=True, worker_prefetch_multiplier=1,
                task_default_queue=QUEUE, broker_connection_retry_on_startup=True, task_ignore_result=True,
                broker_url=os.environ.get("AUTOGRADER_BROKER_URL", "redis://127.0.0.1:6379/0"))


def _worker_config() -> WorkerConfig:
    data_dir = Path(os.environ["AUTOGRADER_DATA_DIR"])
    return WorkerConfig(db_url=os.environ.get("AUTOGRADER_DB_URL") or f"sqlite:///{data_dir / 'grading.sqlite'}",
                        storage=data_dir / "notebooks", course_root=Path(os.environ["AUTOGRADER_COURSE_ROOT"]),
                        sandboxed=os.environ.get("AUTOGRADER_UNSAFE_NO_SANDBOX") != "1")


@app.task(name="autograder.grade")
def grade(grading_id: int) -> None:
    """Claim and grade one grading (a no-op when another worker already has it)."""
    config = _worker_config()
    session_factory = sessions(make_engine(config.db_url))
    worker = f"celery:{socket.gethostname()}:{os.getpid()}"
    with session_factory() as session:
        if not jobs.claim_one(session, grading_id, worker):
            return
    grade_one(config, grading_id, worker, _grader(config.sandboxed), Course.load(config.course_root),
              NotebookStore(config.storage), session_factory)


@functools.cache
def _grader(sandboxed: bool) -> Grader:
    """One grader per Celery worker process, so that its zygotes serve every task it runs."""
    return Grader(sandboxed=sandboxed)


class CeleryDispatcher:
    """The service's side: send queued gradings to the broker, again if they stay queued too long."""

    def __init__(self, broker_url: str, session_factory):  # type: ignore[no-untyped-def]
        app.conf.broker_url = broker_url
        self.session_factory = session_factory
        self.sent: dict[int, float] = {}
        self.count = 0

    def notify(self) -> None:
        """Send what is queued and not sent recently."""
        now = time.monotonic()
        with self.session_factory() as session:
            waiting = jobs.queued_ids(session)
        self.sent = {i: t for i, t in self.sent.items() if i in set(waiting)}
        for grading_id in waiting:
            if now - self.sent.get(grading_id, -RESEND_AFTER_S) >= RESEND_AFTER_S:
                grade.delay(grading_id)
                self.sent[grading_id] = now

    def start(self) -> None:
        """Nothing to start here: the workers run elsewhere."""

    def reap(self) -> list[str]:
        """Remote workers are not watched from here; their leases expire instead."""
        self.notify()
        return []

    def stop(self) -> None:
        """Nothing to stop."""
