"""The durable queue: gradings are jobs in the database, claimed with a lease, finished exactly once."""

from __future__ import annotations

import json
import secrets
from datetime import timedelta
from typing import Any

from sqlalchemy import and_, case, select, update
from sqlalchemy.orm import Session

from autograder.service.models import Grading, Submission, utcnow

LEASE = timedelta(minutes=15)
MAX_ATTEMPTS = 3


def enqueue(session: Session, submission: Submission) -> Grading:
    """Add a queued grading of ``submission`` with a fresh secret seed (the caller commits)."""
    grading = Grading(submission=submission, status="queued", attempts=0, seed=secrets.randbits(62))
    session.add(grading)
    return grading


def claim(session: Session, worker: str) -> int | None:
    """Atomically take the oldest queued grading for ``worker``; its id, or None when there is none."""
    now = utcnow()
    oldest = select(Grading.id).where(Grading.status == "queued").order_by(Grading.id).limit(1).scalar_subquery()
    statement = (update(Grading).where(and_(Grading.id == oldest, Grading.status == "queued"))
                 .values(status="running", worker=worker, attempts=Grading.attempts + 1, started_at=now,
                         lease_until=now + LEASE).returning(Grading.id))
    grading_id = session.execute(statement).scalar()
    session.commit()
    return grading_id


def claim_one(session: Session, grading_id: int, worker: str) -> bool:
    """Take the queued grading ``grading_id`` for ``worker``; False when it is not queued (any more)."""
    now = utcnow()
    statement = (update(Grading).where(and_(Grading.id == grading_id, Grading.status == "queued"))
                 .values(status="running", worker=worker, attempts=Grading.attempts + 1, started_at=now,
                         lease_until=now + LEASE))
    taken = session.execute(statement).rowcount == 1
    session.commit()
    return taken


def queued_ids(session: Session, limit: int = 1000) -> list[int]:
    """The oldest queued gradings' ids."""
    query = select(Grading.id).where(Grading.status == "queued").order_by(Grading.id).limit(limit)
    return list(session.scalars(query))


def finish(session: Session, grading_id: int, worker: str, status: str, result: dict[str, Any] | None,
           error: str | None = None) -> bool:
    """Record the outcome, only if ``worker`` still holds the grading; False means someone else finished it."""
    values: dict[str, Any] = {"status": status, "finished_at": utcnow(), "lease_until": None, "error": error}
    if result is not None:
        values.update(score=result["score"], max_score=result["max_score"], result=json.dumps(result))
    statement = (update(Grading)
                 .where(and_(Grading.id == grading_id, Grading.status == "running", Grading.worker == worker))
                 .values(**values))
    done = session.execute(statement).rowcount == 1
    session.commit()
    return done


def _give_back(session: Session, condition: Any, counts_as_attempt: bool) -> int:
    """Put running gradings matching ``condition`` back in the queue, or fail those out of attempts."""
    attempts = Grading.attempts if counts_as_attempt else Grading.attempts - 1
    statement = (update(Grading).where(and_(Grading.status == "running", condition)).values(
        status=case((attempts >= MAX_ATTEMPTS, "error"), else_="queued"),
        error=case((attempts >= MAX_ATTEMPTS,
                    f"grading failed {MAX_ATTEMPTS} times: the grader was killed or ran out of time"),
                   else_=None),
        finished_at=case((attempts >= MAX_ATTEMPTS, utcnow()), else_=None),
        attempts=attempts, worker=None, lease_until=None))
    count = session.execute(statement).rowcount
    session.commit()
    return count


def release_worker(session: Session, worker: str) -> int:
    """A worker died mid-grading: retry its grading (the attempt counts)."""
    return _give_back(session, Grading.worker == worker, counts_as_attempt=True)


def release_expired(session: Session) -> int:
    """Gradings whose lease ran out (a lost remote worker) are retried (the attempt counts)."""
    return _give_back(session, Grading.lease_until < utcnow(), counts_as_attempt=True)


def recover_after_restart(session: Session, prefix: str) -> int:
    """The service restarted: its local workers' gradings go back to the queue (no attempt lost)."""
    return _give_back(session, Grading.worker.startswith(prefix), counts_as_attempt=False)
