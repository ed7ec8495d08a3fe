"""PostgreSQL by URL: a real server (Debian's postgresql) under the real service."""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import pytest
from conftest import TOY_COURSE, solution_cells, write_notebook
from service_client import Service, free_port


def _as_postgres(command: list[str]) -> list[str]:
    """PostgreSQL refuses to run as root: run its tools as the postgres user there."""
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


@pytest.fixture
def postgres_url(tmp_path):
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    assert found, "PostgreSQL is missing: `make test` installs Debian's postgresql"
    binaries = os.path.dirname(found[-1])
    folder = Path(tempfile.mkdtemp(prefix="grading-pg-"))  # pytest's tmp_path is closed to the postgres user
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres", "postgres")
    port = free_port()
    subprocess.run(_as_postgres([f"{binaries}/initdb", "-D", str(folder / "data"), "-U", "grader", "-A", "trust"]),
                   check=True, capture_output=True)
    server = subprocess.Popen(_as_postgres([f"{binaries}/postgres", "-D", str(folder / "data"), "-p", str(port),
                                            "-k", str(folder), "-c", "listen_addresses=127.0.0.1"]),
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while subprocess.run([f"{binaries}/pg_isready", "-h", "127.0.0.1", "-p", str(port)],
                         capture_output=True).returncode != 0:
        assert time.monotonic() < deadline, "PostgreSQL did not start"
        time.sleep(0.2)
    subprocess.run([f"{binaries}/createdb", "-h", "127.0.0.1", "-p", str(port), "-U", "grader", "grading"],
                   check=True)
    yield f"postgresql://grader@127.0.0.1:{port}/grading"
    server.terminate()
    server.wait(timeout=30)
    shutil.rmtree(folder, ignore_errors=True)


def test_the_service_keeps_its_gradings_in_postgresql(postgres_url, tmp_path, toy_solution, toy):
    import sqlalchemy
    service = Service(TOY_COURSE, tmp_path / "data", {"t-alice": "alice", "t-teacher": "teacher"},
                      extra_args=("--db-url", postgres_url)).start()
    solution = write_notebook(tmp_path / "solution.ipynb", *solution_cells(toy_solution)).read_bytes()
    try:
        ids = [service.submit("alice", "00-toy", [solution, toy.notebook.read_bytes()][i % 2])[1]["id"]
               for i in range(6)]
        done = service.wait_graded("teacher", ids, timeout=120)
    finally:
        service.kill()
    assert [done[i]["score"] for i in ids] == [7, 0] * 3
    assert not (tmp_path / "data" / "grading.sqlite").exists()
    engine = sqlalchemy.create_engine(postgres_url.replace("postgresql://", "postgresql+psycopg://"))
    with engine.connect() as connection:
        rows = connection.execute(sqlalchemy.text("SELECT status, count(*) FROM gradings GROUP BY status")).all()
    engine.dispose()
    assert rows == [("graded", 6)]


def test_the_migrations_create_the_models_tables_in_postgresql_and_0003_downgrades(postgres_url):
    from alembic import command
    from alembic.autogenerate import compare_metadata
    from alembic.config import Config
    from alembic.migration import MigrationContext

    from autograder.service.database import MIGRATIONS, make_engine, normalize_url, upgrade
    from autograder.service.models import Base
    upgrade(postgres_url)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", normalize_url(postgres_url))
    command.downgrade(config, "0002")
    upgrade(postgres_url)
    engine = make_engine(postgres_url)
    with engine.connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), Base.metadata) == []
    engine.dispose()
