"""Scale-out: the service hands gradings to a Celery worker through a real Redis broker."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
import time

import pytest
from conftest import ROOT, TOY_COURSE, solution_cells, write_notebook
from service_client import Service, free_port


@pytest.fixture
def redis_url(tmp_path):
    server = shutil.which("redis-server")
    assert server, "redis-server is missing: `make test` installs Debian's redis-server"
    port = free_port()
    process = subprocess.Popen([server, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                                "--appendonly", "no", "--dir", str(tmp_path)], stdout=subprocess.DEVNULL)
    deadline = time.monotonic() + 20
    ping = ["redis-cli", "-p", str(port), "ping"]
    while subprocess.run(ping, capture_output=True, text=True).stdout.strip() != "PONG":
        assert time.monotonic() < deadline, "redis-server did not start"
        time.sleep(0.1)
    yield f"redis://127.0.0.1:{port}/0"
    process.kill()
    process.wait()


def test_a_celery_worker_grades_what_the_service_queues(redis_url, tmp_path, toy_solution, toy):
    data_dir = tmp_path / "data"
    service = Service(TOY_COURSE, data_dir, {"t-alice": "alice", "t-teacher": "teacher"},
                      extra_args=("--broker", redis_url)).start()
    worker = subprocess.Popen([sys.executable, "-m", "autograder.cli", "--course", str(TOY_COURSE), "worker",
                               "--broker", redis_url, "--data-dir", str(data_dir), "--concurrency", "2"],
                              cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    solution = write_notebook(tmp_path / "solution.ipynb", *solution_cells(toy_solution)).read_bytes()
    try:
        ids = [service.submit("alice", "00-toy", solution)[1]["id"],
               service.submit("alice", "00-toy", toy.notebook.read_bytes())[1]["id"]]
        done = service.wait_graded("teacher", ids, timeout=120)
    finally:
        worker.kill()
        worker.wait()
        service.kill()
    assert [done[i]["score"] for i in ids] == [7, 0]
    with sqlite3.connect(data_dir / "grading.sqlite") as db:
        workers = [row[0] for row in db.execute("SELECT worker FROM gradings")]
    assert len(workers) == 2 and all(w.startswith("celery:") for w in workers)
