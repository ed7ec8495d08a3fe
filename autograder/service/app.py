"""The grading service's process: the web application, its database, and its local workers."""

from __future__ import annotations

import asyncio
import logging
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from jupyterhub.services.auth import HubOAuthCallbackHandler
from tornado import web

from autograder.course import Course
from autograder.service import api, exchange, jobs, pages
from autograder.service.auth import load_tokens
from autograder.service.celery_queue import CeleryDispatcher
from autograder.service.database import make_engine, sessions, upgrade
from autograder.service.policy import load_policy
from autograder.service.storage import NotebookStore
from autograder.service.workers import LOCAL_PREFIX, WorkerConfig, WorkerPool

log = logging.getLogger("autograder.service")
SUPERVISE_EVERY_MS = 1000


@dataclass(frozen=True)
class ServiceConfig:
    """How to run the service."""

    course_root: Path
    data_dir: Path
    db_url: str | None = None
    ip: str = "127.0.0.1"
    port: int = 8010
    tokens_file: Path | None = None
    workers: int | None = None
    sandboxed: bool = True
    broker_url: str | None = None

    @property
    def database_url(self) -> str:
        """The given URL, or a SQLite file in the data folder."""
        return self.db_url or f"sqlite:///{self.data_dir / 'grading.sqlite'}"


def make_app(config: ServiceConfig, notify) -> web.Application:  # type: ignore[no-untyped-def]
    """The tornado application; ``notify()`` wakes a worker when a grading is queued."""
    prefix = os.environ.get("JUPYTERHUB_SERVICE_PREFIX", "/")
    tokens = load_tokens(config.tokens_file) if config.tokens_file else None
    if tokens is None and "JUPYTERHUB_API_TOKEN" not in os.environ:
        raise SystemExit("autograder serve: give --tokens FILE, or run it as a JupyterHub service")
    course = Course.load(config.course_root)
    settings = {
        "course": course, "policy": load_policy(config.course_root / "course.toml"),
        "sessions": sessions(make_engine(config.database_url)), "store": NotebookStore(config.data_dir / "notebooks"),
        "tokens": tokens, "notify": notify, "prefix": prefix,
        "cookie_secret": os.environ.get("JUPYTERHUB_SERVICE_COOKIE_SECRET") or secrets.token_bytes(32),
        "xsrf_cookies": True, "template_path": str(Path(__file__).resolve().parent / "templates"),
    }
    routes = [
        (r"api/submissions", api.SubmissionsHandler),
        (r"api/submissions/(\d+)", api.SubmissionHandler),
        (r"api/submissions/(\d+)/regrade", api.RegradeSubmissionHandler),
        (r"api/submissions/(\d+)/manual/([^/]+)", api.ManualGradeHandler),
        (r"api/assignments", api.AssignmentsHandler),
        (r"api/assignments/([^/]+)/regrade", api.RegradeAssignmentHandler),
        (r"api/assignments/([^/]+)/statistics", api.AssignmentStatisticsHandler),
        (r"api/gradebook(\.csv)?", api.GradebookHandler),
        (r"api/openapi.json", api.OpenApiHandler),
        (r"api/health", api.HealthHandler),
        (r"api/exchange/assignments", exchange.ListHandler),
        (r"api/exchange/assignments/([^/]+)/release", exchange.ReleaseHandler),
        (r"api/exchange/assignments/([^/]+)/files", exchange.FetchHandler),
        (r"api/exchange/assignments/([^/]+)/collect", exchange.CollectHandler),
        (r"api/exchange/assignments/([^/]+)/feedback", exchange.FeedbackHandler),
        (r"oauth_callback", HubOAuthCallbackHandler),
        (r"", pages.SubmissionsPage),
        (r"submissions/(\d+)", pages.SubmissionPage),
        (r"submissions/(\d+)/manual/([^/]+)", pages.ManualGradeForm),
        (r"gradebook", pages.GradebookPage),
        (r"assignments/([^/]+)", pages.AssignmentPage),
    ]
    return web.Application([(prefix + path, handler) for path, handler in routes], **settings)


async def serve(config: ServiceConfig) -> None:
    """Run the service until it is killed: migrate, recover, start workers, answer requests."""
    config.data_dir.mkdir(parents=True, exist_ok=True)
    upgrade(config.database_url)
    session_factory = sessions(make_engine(config.database_url))
    with session_factory() as session:
        recovered = jobs.recover_after_restart(session, LOCAL_PREFIX)
    policy = load_policy(config.course_root / "course.toml")
    pool: WorkerPool | CeleryDispatcher
    if config.broker_url:
        pool = CeleryDispatcher(config.broker_url, session_factory)
    else:
        pool = WorkerPool(WorkerConfig(config.database_url, config.data_dir / "notebooks", config.course_root,
                                       config.sandboxed), config.workers or policy.worker_count)
    pool.start()
    for _ in range(recovered):
        pool.notify()
    app = make_app(config, pool.notify)
    app.listen(config.port, config.ip, max_body_size=policy.max_notebook_bytes + 1024 * 1024)
    workers = f"Celery workers via {config.broker_url}" if config.broker_url else f"{pool.count} local workers"
    log.warning("grading service on http://%s:%d%s with %s; %d gradings recovered", config.ip, config.port,
                app.settings["prefix"], workers, recovered)
    print(f"grading service listening on http://{config.ip}:{config.port}", flush=True)
    try:
        while True:
            await asyncio.sleep(SUPERVISE_EVERY_MS / 1000)
            dead = pool.reap()
            with session_factory() as session:
                for name in dead:
                    log.warning("grading worker %s died; its grading goes back to the queue", name)
                    jobs.release_worker(session, name)
                jobs.release_expired(session)
    finally:
        pool.stop()
