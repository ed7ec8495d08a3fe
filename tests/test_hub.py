"""The course's JupyterHub, for real: login form, the grading service behind hub OAuth, the roster."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests
from hub_process import ROOT, Hub


@pytest.fixture(scope="module")
def hub(tmp_path_factory):
    running = Hub(tmp_path_factory.mktemp("hub") / "data").start()
    yield running
    running.stop()


def test_the_roster_logs_in_with_the_demo_password_and_strangers_do_not(hub):
    assert any(cookie.name.startswith("jupyterhub-hub-login") for cookie in hub.login("student1").cookies)
    refused = hub.login("mallory")
    assert not any(cookie.name.startswith("jupyterhub-hub-login") for cookie in refused.cookies)
    wrong = hub.login("student1", password="not-the-password")
    assert not any(cookie.name.startswith("jupyterhub-hub-login") for cookie in wrong.cookies)


def test_the_grading_service_knows_students_and_instructors_through_hub_oauth(hub):
    student = hub.login("student1")
    page = student.get(f"{hub.url}/services/grader/", timeout=60)
    assert page.status_code == 200 and "signed in as student1" in page.text
    assert student.get(f"{hub.url}/services/grader/gradebook", timeout=60).status_code == 403
    instructor = hub.login("instructor")
    book = instructor.get(f"{hub.url}/services/grader/gradebook", timeout=60)
    assert book.status_code == 200 and "student2" in book.text
    anonymous = hub.login("nobody-at-all")
    assert "signed in as" not in anonymous.get(f"{hub.url}/services/grader/", timeout=60).text


def test_the_instructors_group_comes_from_the_roster(hub):
    instructor = hub.login("instructor")
    token = instructor.post(f"{hub.url}/hub/api/users/instructor/tokens", json={"note": "test"},
                            headers={"X-XSRFToken": instructor.cookies.get("_xsrf", "")}, timeout=30)
    assert token.status_code in (200, 201), token.text
    headers = {"Authorization": f"token {token.json()['token']}"}
    me = instructor.get(f"{hub.url}/hub/api/user", headers=headers, timeout=30).json()
    assert me["name"] == "instructor" and "instructors" in me["groups"]


def _token(hub, session, user: str) -> str:
    answer = session.post(f"{hub.url}/hub/api/users/{user}/tokens", json={"note": "e2e"},
                          headers={"X-XSRFToken": session.cookies.get("_xsrf", "")}, timeout=30)
    assert answer.status_code in (200, 201), answer.text
    return answer.json()["token"]


def _start_server(hub, user: str, token: str) -> None:
    headers = {"Authorization": f"token {token}"}
    started = requests.post(f"{hub.url}/hub/api/users/{user}/server", headers=headers, timeout=60)
    assert started.status_code in (201, 202), started.text
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        model = requests.get(f"{hub.url}/hub/api/users/{user}", headers=headers, timeout=30).json()
        if model.get("servers", {}).get("", {}).get("ready"):
            return
        time.sleep(0.5)
    raise TimeoutError(f"{user}'s server did not start: {hub.log.read_text()[-3000:]}")


def test_release_fetch_submit_through_nbgrader_and_the_score_reaches_that_student_only(hub, tmp_path):
    from autograder.client import ServiceClient
    from autograder.course import Course
    from autograder.notebook import write
    from autograder.solution import solution_notebook
    course, assignment = "mlmm", "01-python-basics"
    grader = f"{hub.url}/services/grader"
    instructor = _token(hub, hub.login("instructor"), "instructor")
    ServiceClient(grader, instructor).release(assignment)
    student = _token(hub, hub.login("student1"), "student1")
    _start_server(hub, "student1", student)
    headers = {"Authorization": f"token {student}"}
    server = f"{hub.url}/user/student1"
    listed = requests.get(f"{server}/assignments", params={"course_id": course}, headers=headers, timeout=60).json()
    assert listed["success"], listed
    assert [(a["assignment_id"], a["status"]) for a in listed["value"]] == [(assignment, "released")]
    fetched = requests.post(f"{server}/assignments/fetch", params={"course_id": course, "assignment_id": assignment},
                            headers=headers, timeout=60).json()
    assert fetched["success"], fetched
    home = hub.data_dir / "homes" / "student1" / assignment
    assert (home / f"{assignment}.ipynb").exists() and (home / "data" / "truss_members.csv").exists()
    write(solution_notebook(Course.load(ROOT).assignment(assignment)), home / f"{assignment}.ipynb")  # the work
    submitted = requests.post(f"{server}/assignments/submit", params={"course_id": course, "assignment_id": assignment},
                              headers=headers, timeout=60).json()
    assert submitted["success"], submitted
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        mine = ServiceClient(grader, student).call("GET", "/api/submissions")["submissions"]
        if mine and mine[0]["status"] in ("graded", "error"):
            break
        time.sleep(0.5)
    assert mine[0]["student"] == "student1" and mine[0]["final_score"] == mine[0]["max_score"] == 20
    other = _token(hub, hub.login("student2"), "student2")
    assert ServiceClient(grader, other).call("GET", "/api/submissions")["submissions"] == []
    assert ServiceClient(grader, other).request("GET", f"/api/submissions/{mine[0]['id']}")[0] == 403
    listed = requests.get(f"{server}/assignments", params={"course_id": course}, headers=headers, timeout=60).json()
    statuses = sorted(a["status"] for a in listed["value"])
    assert statuses == ["fetched", "submitted"], listed
    # The instructor collects with nbgrader itself, through the same exchange.
    course_dir = tmp_path / "course"
    course_dir.mkdir()
    environment = {**os.environ, "JUPYTER_CONFIG_PATH": str(ROOT / "hub_config" / "singleuser"),
                   "AUTOGRADER_URL": grader, "JUPYTERHUB_API_TOKEN": instructor, "COURSE_ID": course}
    done = subprocess.run([str(Path(sys.executable).parent / "nbgrader"), "collect", assignment],
                          cwd=course_dir, env=environment, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    collected = course_dir / "submitted" / "student1" / assignment
    assert (collected / f"{assignment}.ipynb").exists() and (collected / "timestamp.txt").exists()


def test_make_release_publishes_an_assignment_to_the_running_hub(hub):
    import subprocess
    done = subprocess.run(["make", "-s", "release", "A=03-optimization"], cwd=ROOT, env=hub.environment,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    from autograder.client import ServiceClient
    student = _token(hub, hub.login("student3"), "student3")
    listed = ServiceClient(f"{hub.url}/services/grader", student).call("GET", "/api/exchange/assignments")
    assert "03-optimization" in [a["assignment"] for a in listed["assignments"]]
