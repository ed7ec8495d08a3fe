"""The course's JupyterHub, for real: login form, the grading service behind hub OAuth, the roster."""

from __future__ import annotations

import pytest
from hub_process import Hub


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
