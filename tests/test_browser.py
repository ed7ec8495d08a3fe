"""Real browsers (Debian's Chromium, driven by Playwright): a student logs in, opens the assignment in
JupyterLab and sees nbgrader's Assignments tab and the server's profile; an instructor opens nbgrader's
formgrader, which JupyterLab embeds in an iframe. The screenshots are kept in test-artifacts/."""

from __future__ import annotations

import re
import shutil

import pytest
from hub_process import PASSWORD, ROOT, Hub

ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]


@pytest.fixture(scope="module")
def hub(tmp_path_factory):
    running = Hub(tmp_path_factory.mktemp("hub-browser") / "data").start()
    yield running
    running.stop()


def test_a_student_sees_the_assignment_in_jupyterlab(hub):
    from playwright.sync_api import expect, sync_playwright

    from autograder.client import ServiceClient
    from test_hub import _token
    ServiceClient(f"{hub.url}/services/grader", _token(hub, hub.login("instructor"), "instructor")).release(
        "02-linear-algebra")
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        try:
            page.goto(f"{hub.url}/hub/login")
            page.fill("#username_input", "student2")
            page.fill("#password_input", PASSWORD)
            page.click("#login_submit")
            page.wait_for_url("**/user/student2/lab**", timeout=120_000)
            page.wait_for_selector("#jp-main-dock-panel", timeout=120_000)
            expect(page).to_have_title(re.compile("this machine \\(CPU\\)"), timeout=30_000)  # the profile
            page.locator(".lm-MenuBar-itemLabel", has_text="Nbgrader").click()
            page.locator(".lm-Menu-itemLabel", has_text="Assignment List").click()
            tab = page.locator(".lm-TabBar-tabLabel", has_text="Assignments")
            expect(tab).to_be_visible(timeout=60_000)
            released = page.locator("#released_assignments_list")
            expect(released).to_contain_text("02-linear-algebra", timeout=60_000)
            page.locator("#released_assignments_list button", has_text="Fetch").first.click()
            fetched = page.locator("#fetched_assignments_list")
            expect(fetched).to_contain_text("02-linear-algebra", timeout=60_000)
            page.screenshot(path=str(ARTIFACTS / "student-assignments-tab.png"))
            assert page.get_by_text("Create Assignment").count() == 0, "students do not get instructor tools"
            page.goto(f"{hub.url}/user/student2/lab/tree/02-linear-algebra/02-linear-algebra.ipynb")
            expect(page.locator(".jp-Notebook").first).to_be_visible(timeout=120_000)
            expect(page.locator(".jp-Notebook").first).to_contain_text("Linear algebra", timeout=60_000)
        finally:
            page.screenshot(path=str(ARTIFACTS / "student-notebook.png"))
            browser.close()


def test_an_instructor_sees_the_formgrader_inside_jupyterlab(hub):
    """JupyterHub >= 4.1 forbids frames by default (the formgrader tab stays blank); instructors' servers allow
    their own origin, students' servers keep the default."""
    from playwright.sync_api import expect, sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        try:
            page.goto(f"{hub.url}/hub/login")
            page.fill("#username_input", "instructor")
            page.fill("#password_input", PASSWORD)
            page.click("#login_submit")
            page.wait_for_url("**/user/instructor/lab**", timeout=120_000)
            page.wait_for_selector("#jp-main-dock-panel", timeout=120_000)
            page.locator(".lm-MenuBar-itemLabel", has_text="Nbgrader").click()
            page.locator(".lm-Menu-itemLabel", has_text="Formgrader").first.click()
            formgrader = page.frame_locator("#formgrader iframe")
            expect(formgrader.get_by_text("Manage Assignments").first).to_be_visible(timeout=120_000)
        finally:
            page.screenshot(path=str(ARTIFACTS / "instructor-formgrader.png"))
            browser.close()
