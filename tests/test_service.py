"""The grading service, started for real on a loopback port: submit, grade, see, export, survive."""

from __future__ import annotations

import base64
import csv
import io
import json
import shutil
import sqlite3
import subprocess
import sys
import time
from collections import Counter

import nbformat
import pytest
from conftest import ROOT, TOY_COURSE, solution_cells, write_notebook
from service_client import Service

TOKENS = {"t-teacher": "teacher", "t-alice": "alice", "t-bob": "bob",
          **{f"t-s{i}": f"s{i}" for i in range(20)}}


@pytest.fixture
def service(tmp_path):
    running = Service(TOY_COURSE, tmp_path / "data", TOKENS).start()
    yield running
    running.kill()


@pytest.fixture(scope="module")
def solution_bytes(toy_solution, tmp_path_factory) -> bytes:
    path = write_notebook(tmp_path_factory.mktemp("nb") / "solution.ipynb", *solution_cells(toy_solution))
    return path.read_bytes()


def test_a_student_gets_full_marks_and_nobody_else_can_read_them(service, solution_bytes):
    status, answer = service.submit("alice", "00-toy", solution_bytes)
    assert status == 202 and answer["status"] == "queued"
    graded = service.wait_graded("alice", [answer["id"]])[answer["id"]]
    assert graded["status"] == "graded" and graded["score"] == graded["max_score"] == 7
    assert graded["final_score"] == 7 and all(t["passed"] for t in graded["tests"])
    assert "seed" not in graded and "detail" not in graded["tests"][0]
    status, refused = service.request("bob", "GET", f"/api/submissions/{answer['id']}")
    assert status == 403 and "not yours" in refused["error"]
    assert service.request("bob", "GET", "/api/submissions")[1]["submissions"] == []
    status, seen = service.request("teacher", "GET", f"/api/submissions/{answer['id']}")
    assert status == 200 and seen["seed"] is not None and "detail" in seen["tests"][0]


def test_students_see_pass_fail_before_the_deadline_but_not_the_messages(service, toy):
    status, answer = service.submit("alice", "00-toy", toy.notebook.read_bytes())
    graded = service.wait_graded("alice", [answer["id"]])[answer["id"]]
    assert graded["score"] == 0 and graded["status"] == "graded"
    assert all(t["message"] == "details of the hidden tests are shown after the deadline" for t in graded["tests"])
    assert "NotImplementedError" in graded["message"]
    teacher_view = service.request("teacher", "GET", f"/api/submissions/{answer['id']}")[1]
    assert "NotImplementedError" in teacher_view["tests"][0]["message"]


def test_a_quiz_tells_the_student_only_that_it_was_graded_until_the_deadline(tmp_path, solution_bytes):
    course = tmp_path / "course"
    shutil.copytree(TOY_COURSE, course)
    settings = course / "course.toml"
    settings.write_text(settings.read_text().replace(
        '[assignments."00-toy"]\n', '[assignments."00-toy"]\nfeedback_before_deadline = "none"\n'))
    running = Service(course, tmp_path / "data", TOKENS).start()
    try:
        status, answer = running.submit("alice", "00-toy", solution_bytes)
        graded = running.wait_graded("alice", [answer["id"]])[answer["id"]]
        assert graded["status"] == "graded" and graded["score"] is None and graded["final_score"] is None
        assert graded["tests"] == [] and "after the deadline (2099-01-01 00:00 UTC)" in graded["message"]
        page = running.request("alice", "GET", f"/submissions/{answer['id']}")[1]
        assert "after the deadline" in page and "7 / 7" not in page
        teacher_view = running.request("teacher", "GET", f"/api/submissions/{answer['id']}")[1]
        assert teacher_view["score"] == 7 and len(teacher_view["tests"]) > 0
    finally:
        running.kill()


def test_the_instructor_downloads_a_gradebook_csv_with_every_student_and_assignment(service, solution_bytes, toy):
    ids = [service.submit("alice", "00-toy", solution_bytes)[1]["id"],
           service.submit("bob", "00-toy", toy.notebook.read_bytes())[1]["id"]]
    service.wait_graded("teacher", ids)
    assert service.request("alice", "GET", "/api/gradebook.csv")[0] == 403
    status, text = service.request("teacher", "GET", "/api/gradebook.csv")
    assert status == 200
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["student", "00-toy (7)", "01-reflection (5)", "01-reflection pending manual points", "total"]
    assert {row[0]: row[1:] for row in rows[1:]} == {"alice": ["7", "", "", "7"], "bob": ["0", "", "", "0"]}
    statistics = service.request("teacher", "GET", "/api/assignments/00-toy/statistics")[1]
    assert statistics["students"] == 2 and sum(statistics["histogram"]["counts"]) == 2
    assert statistics["pass_rates"]["test_scale_random"] == 0.5


def test_bad_input_gets_a_clear_answer(service, solution_bytes):
    status, answer = service.submit("alice", "99-missing", solution_bytes)
    assert status == 404 and "unknown assignment" in answer["error"]
    status, answer = service.submit("alice", "00-toy", b"this is not a notebook")
    assert status == 400 and "not a notebook" in answer["error"]
    status, answer = service.submit("alice", "00-toy", b" " * (1024 * 1024 + 1))
    assert status == 413 and "larger than 1 MB" in answer["error"]
    empty = nbformat.writes(nbformat.v4.new_notebook()).encode()
    status, answer = service.submit("alice", "00-toy", empty)
    graded = service.wait_graded("alice", [answer["id"]])[answer["id"]]
    assert graded["score"] == 0 and "no code" in graded["message"]
    assert service.submit("alice", "00-toy", solution_bytes, student="bob")[0] == 403
    request = service.request
    assert request("alice", "POST", f"/api/submissions/{answer['id']}/regrade", b"")[0] == 403
    assert request("alice", "GET", "/api/submissions/999999")[0] == 404


def test_regrade_adds_a_grading_and_keeps_one_score_per_grading(service, solution_bytes):
    submission_id = service.submit("alice", "00-toy", solution_bytes)[1]["id"]
    service.wait_graded("alice", [submission_id])
    status, _ = service.request("teacher", "POST", f"/api/submissions/{submission_id}/regrade", b"")
    assert status == 202
    time.sleep(0.5)
    regraded = service.wait_graded("teacher", [submission_id])[submission_id]
    assert regraded["gradings"] == 2 and regraded["score"] == 7


def test_assignments_and_openapi_are_served(service):
    listed = service.request("bob", "GET", "/api/assignments")[1]
    assert listed["assignments"][0]["id"] == "00-toy"
    assert listed["assignments"][0]["deadline"].startswith("2099-01-01")
    status, spec = service.request("bob", "GET", "/api/openapi.json")
    assert status == 200 and "/api/submissions" in spec["paths"] and spec["openapi"].startswith("3.")


def _final_scores(data_dir) -> tuple[list[tuple], list[str]]:
    with sqlite3.connect(data_dir / "grading.sqlite") as db:
        gradings = db.execute("SELECT submission_id, status, score FROM gradings ORDER BY id").fetchall()
        digests = [row[0] for row in db.execute("SELECT sha256 FROM submissions")]
    return gradings, digests


def test_kill_9_with_jobs_queued_and_running_loses_nothing(tmp_path, solution_bytes, toy):
    service = Service(TOY_COURSE, tmp_path / "data", TOKENS).start()
    notebooks = [solution_bytes, toy.notebook.read_bytes()]
    try:
        ids = [service.submit(f"s{i % 20}", "00-toy", notebooks[i % 2] + b" " * i)[1]["id"] for i in range(40)]
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            states = Counter(status for _, status, _ in _final_scores(service.data_dir)[0])
            if states["running"] and states["queued"]:
                break
            time.sleep(0.02)
        assert states["running"] and states["queued"], f"not killed while grading: {states}"
        service.kill()
        service.start()
        done = service.wait_graded("teacher", ids)
    finally:
        service.kill()
    assert sorted(done) == sorted(ids)
    gradings, digests = _final_scores(service.data_dir)
    assert Counter(submission for submission, _, _ in gradings) == Counter(ids)  # one grading each
    assert all(status == "graded" for _, status, _ in gradings)
    for index, submission_id in enumerate(ids):
        assert done[submission_id]["score"] == (7 if index % 2 == 0 else 0)
    assert all((service.data_dir / "notebooks" / d[:2] / f"{d}.ipynb").exists() for d in digests)


def test_a_burst_of_200_submissions_from_20_students_is_all_graded(tmp_path, solution_bytes, toy):
    service = Service(TOY_COURSE, tmp_path / "data", TOKENS).start()
    notebooks = [solution_bytes, toy.notebook.read_bytes()]
    started = time.monotonic()
    try:
        answers = [service.submit(f"s{i % 20}", "00-toy", notebooks[i % 2]) for i in range(200)]
        assert all(status == 202 for status, _ in answers)
        accepted = time.monotonic() - started
        done = service.wait_graded("teacher", [answer["id"] for _, answer in answers], timeout=600)
    finally:
        service.kill()
    elapsed = time.monotonic() - started
    assert len(done) == 200 and all(found["status"] == "graded" for found in done.values())
    print(f"\n200 submissions: accepted in {accepted:.1f} s, all graded in {elapsed:.1f} s "
          f"({200 / elapsed * 60:.0f} per minute, 2 workers)")
    assert json.dumps(done)  # every answer was JSON


def _running_worker_pid(data_dir, submission_id: int, attempts: int, timeout: float = 60) -> int:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with sqlite3.connect(data_dir / "grading.sqlite") as db:
            row = db.execute("SELECT status, attempts, worker FROM gradings WHERE submission_id = ?",
                             (submission_id,)).fetchone()
        if row and row[0] == "running" and row[1] == attempts:
            return int(row[2].rsplit(":", 1)[1])
        time.sleep(0.05)
    raise TimeoutError(f"grading never started attempt {attempts}")


def test_a_worker_killed_mid_grading_is_retried_and_after_three_failures_is_an_error(tmp_path):
    import os
    import signal
    service = Service(TOY_COURSE, tmp_path / "data", TOKENS, workers=1).start()
    slow = write_notebook(tmp_path / "slow.ipynb", "import time\ntime.sleep(8)").read_bytes()
    try:
        submission_id = service.submit("alice", "00-toy", slow)[1]["id"]
        for attempt in (1, 2, 3):
            os.kill(_running_worker_pid(service.data_dir, submission_id, attempt), signal.SIGKILL)
        failed = service.wait_graded("teacher", [submission_id], timeout=60)[submission_id]
        seen_by_student = service.request("alice", "GET", f"/api/submissions/{submission_id}")[1]
    finally:
        service.kill()
    assert failed["status"] == "error" and failed["attempts"] == 3
    assert "failed 3 times" in failed["error"] and "failed 3 times" in failed["message"]
    assert seen_by_student["status"] == "error" and "instructor" in seen_by_student["message"]


def test_the_database_schema_matches_the_models(tmp_path):
    """The alembic migrations create exactly the tables the models describe."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from autograder.service.database import make_engine, upgrade
    from autograder.service.models import Base
    url = f"sqlite:///{tmp_path / 'schema.sqlite'}"
    upgrade(url)
    with make_engine(url).connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), Base.metadata) == []


def test_pages_show_feedback_to_the_student_and_charts_to_the_instructor(service, solution_bytes, toy):
    ids = [service.submit("alice", "00-toy", solution_bytes)[1]["id"],
           service.submit("bob", "00-toy", toy.notebook.read_bytes())[1]["id"]]
    service.wait_graded("teacher", ids)
    status, mine = service.request("alice", "GET", "/?token=t-alice")
    assert status == 200 and f"submissions/{ids[0]}" in mine and f"submissions/{ids[1]}" not in mine
    status, page = service.request("alice", "GET", f"/submissions/{ids[0]}")
    assert status == 200 and "7 / 7" in page and "test_spring_series" in page and "passed" in page
    assert service.request("alice", "GET", f"/submissions/{ids[1]}")[0] == 403
    assert service.request("alice", "GET", "/gradebook")[0] == 403
    status, book = service.request("teacher", "GET", "/gradebook")
    assert status == 200 and "alice" in book and "bob" in book and "api/gradebook.csv" in book
    status, charts = service.request("teacher", "GET", "/assignments/00-toy")
    assert status == 200 and charts.count("<svg") == 2
    assert "pass rate per hidden test" in charts and "<title>scale_random: 50%</title>" in charts


def test_the_exchange_releases_fetches_submits_collects_and_returns_feedback(service, solution_bytes, tmp_path):
    alice = service.client("alice")
    assert alice.request("GET", "/api/exchange/assignments")[1]["assignments"] == []
    assert alice.request("GET", "/api/exchange/assignments/00-toy/files")[0] == 404
    assert alice.request("POST", "/api/exchange/assignments/00-toy/release", b"")[0] == 403
    done = subprocess.run([sys.executable, "-m", "autograder.cli", "release", "00-toy", "--url", service.url,
                           "--token", "t-teacher"], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert done.returncode == 0, done.stderr
    listed = alice.request("GET", "/api/exchange/assignments")[1]["assignments"]
    assert [a["assignment"] for a in listed] == ["00-toy"]
    files = {f["path"] for f in alice.request("GET", "/api/exchange/assignments/00-toy/files")[1]["files"]}
    assert files == {"00-toy.ipynb", "data/greeting.txt"}  # the student folder only: no reference, no tests
    submitted = alice.submit("00-toy", solution_bytes, "00-toy.ipynb", source="exchange")[1]["id"]
    service.wait_graded("alice", [submitted])
    listed = alice.request("GET", "/api/exchange/assignments")[1]["assignments"]
    assert listed[0]["submissions"][0]["final_score"] == 7
    feedback = alice.request("GET", "/api/exchange/assignments/00-toy/feedback")[1]["feedback"]
    assert "7 / 7" in base64.b64decode(feedback[0]["files"][0]["content"]).decode()
    assert alice.request("GET", "/api/exchange/assignments/00-toy/collect")[0] == 403
    course_dir = tmp_path / "course"
    done = subprocess.run([sys.executable, "-m", "autograder.cli", "collect", "00-toy", "--course-dir",
                           str(course_dir), "--url", service.url, "--token", "t-teacher"],
                          capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert done.returncode == 0, done.stderr
    collected = course_dir / "submitted" / "alice" / "00-toy"
    assert (collected / "00-toy.ipynb").read_bytes() == solution_bytes
    assert (collected / "timestamp.txt").read_text().endswith("UTC")


def test_bursts_with_two_kill_9s_grade_every_submission_exactly_once(tmp_path, solution_bytes, toy):
    from load_and_faults import run
    report = run(TOY_COURSE, tmp_path, [(solution_bytes, 7.0), (toy.notebook.read_bytes(), 0.0)],
                 submissions=100, students=20, kills=2)
    print(f"\n{report.submitted} submissions, {report.kills} kill -9s: {report.graded} graded in "
          f"{report.seconds:.1f} s ({report.per_minute:.0f} per minute)")
    assert report.graded == report.submitted == 100
    assert report.gradings_per_submission == Counter({1: 100})
    assert report.wrong_scores == []


def test_a_manual_task_awaits_the_instructor_who_grades_it_and_the_student_sees_the_points(service):
    from autograder import notebook
    from autograder.course import Course
    from autograder.solution import solution_notebook
    reflection = Course.load(TOY_COURSE).assignment("01-reflection")
    answer = "Only while it stays <b>linear</b> elastic."
    answered = notebook.with_task_sources(solution_notebook(reflection), {"reflection": answer})
    submission_id = service.submit("alice", "01-reflection", nbformat.writes(answered).encode())[1]["id"]
    graded = service.wait_graded("alice", [submission_id])[submission_id]
    assert graded["score"] == graded["final_score"] == 2 and graded["max_score"] == 5
    assert graded["pending_points"] == 3 and graded["manual_score"] == 0
    assert graded["manual"] == [{"task": "reflection", "max_score": 3, "answer": answer, "status": "pending",
                                 "points": None, "comment": ""}]
    page = service.request("alice", "GET", f"/submissions/{submission_id}")[1]
    assert "awaiting manual grading" in page and "3 points awaiting manual grading" in page
    assert "<form" not in page and "&lt;b&gt;linear&lt;/b&gt;" in page
    rows = list(csv.reader(io.StringIO(service.request("teacher", "GET", "/api/gradebook.csv")[1])))
    assert {row[0]: row[2:] for row in rows[1:]}["alice"] == ["2", "3", "2"]

    def grade(user: str, task: str, body: object) -> tuple[int, dict]:
        return service.request(user, "PUT", f"/api/submissions/{submission_id}/manual/{task}",
                               json.dumps(body).encode(), "application/json")

    assert grade("alice", "reflection", {"points": 3})[0] == 403
    assert grade("teacher", "reflection", {"points": 3.5})[0] == 400
    assert grade("teacher", "reflection", {"points": -1})[0] == 400
    assert grade("teacher", "reflection", {"comment": "no points"})[0] == 400
    assert "not by hand" in grade("teacher", "double", {"points": 1})[1]["error"]
    assert grade("teacher", "essay", {"points": 1})[0] == 404
    status, instructor_page = service.request("teacher", "GET", f"/submissions/{submission_id}")
    assert status == 200 and "&lt;b&gt;linear&lt;/b&gt;" in instructor_page
    assert f'action="/submissions/{submission_id}/manual/reflection"' in instructor_page
    status, given = grade("teacher", "reflection", {"points": 2, "comment": "Why <only> then?"})
    assert status == 200 and given["points"] == 2 and given["graded_by"] == "teacher"
    assert grade("teacher", "reflection", {"points": 2.5, "comment": "Why <only> then?"})[0] == 200

    seen = service.request("alice", "GET", f"/api/submissions/{submission_id}")[1]
    assert seen["final_score"] == 4.5 and seen["manual_score"] == 2.5 and seen["pending_points"] == 0
    assert seen["manual"][0]["status"] == "graded" and seen["manual"][0]["comment"] == "Why <only> then?"
    page = service.request("alice", "GET", f"/submissions/{submission_id}")[1]
    assert "2.5 / 3" in page and "Why &lt;only&gt; then?" in page and "awaiting manual grading" not in page
    rows = list(csv.reader(io.StringIO(service.request("teacher", "GET", "/api/gradebook.csv")[1])))
    assert {row[0]: row[2:] for row in rows[1:]}["alice"] == ["4.5", "0", "4.5"]

    assert service.request("teacher", "POST", f"/api/submissions/{submission_id}/regrade", b"")[0] == 202
    time.sleep(0.5)
    regraded = service.wait_graded("alice", [submission_id])[submission_id]
    assert regraded["gradings"] == 2 and regraded["final_score"] == 4.5 and regraded["manual"][0]["points"] == 2.5

    form = f"/submissions/{submission_id}/manual/reflection"
    body, kind = b"points=3&comment=full+marks", "application/x-www-form-urlencoded"
    assert service.request("alice", "POST", form, body, kind)[0] == 403
    status, page = service.request("teacher", "POST", form, body, kind)
    assert status == 200 and "3 / 3" in page and "full marks" in page  # redirected back to the submission
    assert service.request("alice", "GET", f"/api/submissions/{submission_id}")[1]["final_score"] == 5
