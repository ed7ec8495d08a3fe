"""``autograder serve``: run the grading service (a JupyterHub service, or alone with tokens)."""

from __future__ import annotations

import argparse
import asyncio
import os
from pathlib import Path

from autograder.cli.options import add_sandbox_option, sandboxed
from autograder.cli.options import course as chosen_course
from autograder.service.app import ServiceConfig, serve


def add_parser(verbs: argparse._SubParsersAction, name: str) -> None:  # type: ignore[type-arg]
    parser = verbs.add_parser(name, help="run the grading service")
    parser.add_argument("--ip", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=int(os.environ.get("AUTOGRADER_PORT", 8010)))
    parser.add_argument("--data-dir", type=Path, default=Path(os.environ.get("AUTOGRADER_DATA_DIR", "grading-data")),
                        help="where submissions and the SQLite database live")
    parser.add_argument("--db-url", default=os.environ.get("AUTOGRADER_DB_URL"),
                        help="SQLAlchemy URL, e.g. postgresql://user@host/db (default: SQLite in --data-dir)")
    parser.add_argument("--tokens", type=Path, default=None,
                        help="JSON file mapping tokens to user names (without JupyterHub)")
    parser.add_argument("--workers", type=int, default=None, help="local grading workers (default: course.toml)")
    parser.add_argument("--broker", default=os.environ.get("AUTOGRADER_BROKER_URL"),
                        help="hand gradings to Celery workers through this broker (e.g. redis://host:6379/0) "
                             "instead of local workers; start them with `autograder worker`")
    add_sandbox_option(parser)


def run(args: argparse.Namespace) -> int:
    config = ServiceConfig(course_root=chosen_course(args).root, data_dir=args.data_dir.resolve(),
                           db_url=args.db_url, ip=args.ip, port=args.port, tokens_file=args.tokens,
                           workers=args.workers, sandboxed=sandboxed(args), broker_url=args.broker)
    asyncio.run(serve(config))
    return 0
