"""The service's tables: submissions (what arrived), gradings (each attempt to score one), manual grades.

A submission is immutable once recorded. Each grading of it is a row that moves
queued → running → graded | error exactly once; a regrade adds a new row. So one grading never has
two final scores, and history is kept. A manual grade belongs to the submission, not to a grading, so
regrades keep it.
"""

from __future__ import annotations

from datetime import datetime, timezone

from typing import Any

from sqlalchemy import BigInteger, DateTime, Float, ForeignKey, Index, Integer, String, Text, TypeDecorator
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def utcnow() -> datetime:
    """Now, in UTC, timezone-aware."""
    return datetime.now(timezone.utc)


class UTCDateTime(TypeDecorator[datetime]):
    """A timestamp stored in UTC and always read back timezone-aware (SQLite forgets the zone)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        return value.astimezone(timezone.utc) if value is not None else None

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value.astimezone(timezone.utc)


class Base(DeclarativeBase):
    """The declarative base of the service's tables."""


class Submission(Base):
    """One notebook a student handed in."""

    __tablename__ = "submissions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    student: Mapped[str] = mapped_column(String(200), index=True)
    assignment: Mapped[str] = mapped_column(String(200), index=True)
    sha256: Mapped[str] = mapped_column(String(64))
    filename: Mapped[str] = mapped_column(String(300))
    size: Mapped[int] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(String(20), default="api")
    submitted_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    late_factor: Mapped[float] = mapped_column(Float, default=1.0)

    gradings: Mapped[list[Grading]] = relationship(back_populates="submission", order_by="Grading.id")
    manual_grades: Mapped[list[ManualGrade]] = relationship(order_by="ManualGrade.task")


class Grading(Base):
    """One grading of a submission, and the durable job that produces it."""

    __tablename__ = "gradings"
    __table_args__ = (Index("ix_gradings_status_id", "status", "id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    submission_id: Mapped[int] = mapped_column(ForeignKey("submissions.id"), index=True)
    status: Mapped[str] = mapped_column(String(20), default="queued")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    worker: Mapped[str | None] = mapped_column(String(200), nullable=True)
    lease_until: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    seed: Mapped[int] = mapped_column(BigInteger)
    queued_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    score: Mapped[float | None] = mapped_column(Float, nullable=True)
    max_score: Mapped[float | None] = mapped_column(Float, nullable=True)
    result: Mapped[str | None] = mapped_column(Text, nullable=True)
    error: Mapped[str | None] = mapped_column(Text, nullable=True)

    submission: Mapped[Submission] = relationship(back_populates="gradings")


class Release(Base):
    """An assignment released to students through the exchange."""

    __tablename__ = "releases"

    assignment: Mapped[str] = mapped_column(String(200), primary_key=True)
    released_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    released_by: Mapped[str] = mapped_column(String(200))


class ManualGrade(Base):
    """An instructor's points and comment for one manual task of one submission (set, then changed at will)."""

    __tablename__ = "manual_grades"

    submission_id: Mapped[int] = mapped_column(ForeignKey("submissions.id"), primary_key=True)
    task: Mapped[str] = mapped_column(String(200), primary_key=True)
    points: Mapped[float] = mapped_column(Float)
    comment: Mapped[str] = mapped_column(Text, default="")
    graded_by: Mapped[str] = mapped_column(String(200))
    graded_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
