"""``autograder worker``: a Celery grading worker, for a service started with ``--broker``."""

from __future__ import annotations

import argparse
import os
import socket
from pathlib import Path

from autograder.cli.options import add_sandbox_option, sandboxed
from autograder.cli.options import course as chosen_course


def add_parser(verbs: argparse._SubParsersAction, name: str) -> None:  # type: ignore[type-arg]
    parser = verbs.add_parser(name, help="run a Celery grading worker (scale-out)")
    parser.add_argument("--broker", default=os.environ.get("AUTOGRADER_BROKER_URL"), required=False,
                        help="the broker the service sends gradings to, e.g. redis://host:6379/0")
    parser.add_argument("--data-dir", type=Path, default=Path(os.environ.get("AUTOGRADER_DATA_DIR", "grading-data")),
                        help="the service's data folder (shared: it holds the submitted notebooks)")
    parser.add_argument("--db-url", default=os.environ.get("AUTOGRADER_DB_URL"), help="the service's database")
    parser.add_argument("--concurrency", type=int, default=os.cpu_count() or 1)
    add_sandbox_option(parser)


def run(args: argparse.Namespace) -> int:
    if not args.broker:
        raise SystemExit("autograder worker: give --broker or set AUTOGRADER_BROKER_URL")
    os.environ.update(AUTOGRADER_BROKER_URL=args.broker, AUTOGRADER_DATA_DIR=str(args.data_dir.resolve()),
                      AUTOGRADER_COURSE_ROOT=str(chosen_course(args).root))
    if args.db_url:
        os.environ["AUTOGRADER_DB_URL"] = args.db_url
    if not sandboxed(args):
        os.environ["AUTOGRADER_UNSAFE_NO_SANDBOX"] = "1"
    from autograder.service.celery_queue import QUEUE, app
    app.conf.broker_url = args.broker
    app.worker_main(["worker", "-Q", QUEUE, "--concurrency", str(args.concurrency), "--loglevel", "INFO",
                     "-n", f"grader-{os.getpid()}@{socket.gethostname()}"])
    return 0
