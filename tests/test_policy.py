"""The course's grading policy: deadlines, late penalties, feedback, and clear errors for bad files."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from conftest import ROOT

from autograder.course import CourseError
from autograder.service.policy import Deadline, load_policy

DUE = datetime(2027, 3, 1, 22, 59, tzinfo=timezone.utc)


@pytest.mark.parametrize(("late", "kept"), [
    (timedelta(hours=-1), 1.0), (timedelta(0), 1.0), (timedelta(seconds=1), 0.9), (timedelta(days=1), 0.9),
    (timedelta(days=1, seconds=1), 0.8), (timedelta(days=5), 0.5), (timedelta(days=5, seconds=1), 0.0),
])
def test_late_penalty_counts_started_days_and_stops_after_the_allowed_days(late, kept):
    assert Deadline(DUE, penalty_per_day=0.1, late_days=5).factor(DUE + late) == pytest.approx(kept)


def test_the_course_file_gives_roster_deadlines_and_summary_feedback_before_the_deadline():
    policy = load_policy(ROOT / "course.toml")
    assert "instructor" in policy.instructors and "student1" in policy.students
    deadline = policy.deadline("02-linear-algebra")
    assert deadline is not None and deadline.due.utcoffset() == timedelta(0)
    assert policy.feedback("02-linear-algebra", now=deadline.due - timedelta(minutes=1)) == "summary"
    assert policy.feedback("02-linear-algebra", now=deadline.due + timedelta(minutes=1)) == "full"
    assert policy.late_factor("no-deadline-here", DUE) == 1.0


def test_a_quiz_shows_nothing_before_its_deadline_and_everything_after(tmp_path):
    path = tmp_path / "course.toml"
    path.write_text('[grading]\nfeedback_before_deadline = "summary"\n'
                    '[assignments.quiz]\ndeadline = "2027-03-01T23:59:00+01:00"\nfeedback_before_deadline = "none"\n')
    policy = load_policy(path)
    assert policy.feedback("quiz", now=DUE - timedelta(seconds=1)) == "none"
    assert policy.feedback("quiz", now=DUE + timedelta(seconds=1)) == "full"
    assert policy.feedback("another", now=DUE - timedelta(seconds=1)) == "summary"


@pytest.mark.parametrize(("text", "message"), [
    ('[assignments.quiz]\nfeedback_before_deadline = "none"\n', "no deadline"),
    ('[assignments.quiz]\ndeadline = "2027-03-01T23:59:00+01:00"\nfeedback_before_deadline = "some"\n',
     "assignments.quiz.feedback_before_deadline"),
    ('[grading]\nfeedback_before_deadline = "none"\n', "grading.feedback_before_deadline"),
    ('[grading]\nscore_policy = "average"\n', "score_policy"),
    ('[assignments."01-python-basics"]\ndeadline = "2027-03-01T23:59:00"\n', "time zone"),
    ("[grading\n", "course.toml"),
])
def test_a_malformed_course_file_names_the_problem(tmp_path, text, message):
    path = tmp_path / "course.toml"
    path.write_text(text)
    with pytest.raises(CourseError, match=message):
        load_policy(path)


def test_submissions_beyond_the_hourly_limit_are_refused_with_429(tmp_path, toy):
    from dataclasses import replace

    from autograder.course import Course
    from autograder.service.database import make_engine, sessions, upgrade
    from autograder.service.intake import Rejected, accept
    from autograder.service.storage import NotebookStore
    from conftest import TOY_COURSE
    url = f"sqlite:///{tmp_path / 'grading.sqlite'}"
    upgrade(url)
    policy = replace(load_policy(TOY_COURSE / "course.toml"), submissions_per_hour=2)
    store, notebook = NotebookStore(tmp_path / "notebooks"), toy.notebook.read_bytes()
    with sessions(make_engine(url))() as session:
        for _ in range(2):
            accept(session, Course.load(TOY_COURSE), policy, store, "alice", "00-toy", "a.ipynb", notebook)
        with pytest.raises(Rejected) as refused:
            accept(session, Course.load(TOY_COURSE), policy, store, "alice", "00-toy", "a.ipynb", notebook)
        accept(session, Course.load(TOY_COURSE), policy, store, "bob", "00-toy", "b.ipynb", notebook)
    assert refused.value.status == 429 and "at most 2 submissions per hour" in refused.value.message
