"""otter-grader: ``otter run`` on the ``autograder export-otter`` zip, one command per submission."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from benchmarks.grading.memory import Sampler, classify_tool
from benchmarks.grading.results import Row, by_kind
from benchmarks.grading.submissions import Submission

RUN_TIMEOUT_S = 900


def otter_score(results: Path) -> float:
    """The total score in an ``otter run`` ``results.json``."""
    data = json.loads(results.read_text())
    return float(sum(test.get("score") or 0.0 for test in data["tests"] if test.get("max_score")))


def run_otter(zip_path: Path, files: list[Submission], parallel: int, folder: Path) -> Row:
    """``otter run`` on every file, ``parallel`` commands at a time."""
    def one(submission: Submission) -> tuple[str, float, float]:
        out = folder / f"otter-{parallel}-{submission.path.stem}"
        out.mkdir(parents=True)
        started = time.monotonic()
        done = subprocess.run([sys.executable, "-m", "otter", "run", "--no-logo", "-a", str(zip_path), "-o", str(out),
                               str(submission.path)], capture_output=True, timeout=RUN_TIMEOUT_S, cwd=folder)
        seconds = time.monotonic() - started
        if done.returncode != 0 or not (out / "results.json").exists():
            raise RuntimeError(f"otter run failed on {submission.path.name}: {done.stderr.decode()[-3000:]}")
        return submission.kind, seconds, otter_score(out / "results.json")

    with Sampler(os.getpid(), classify_tool) as sampler:
        started = time.monotonic()
        with ThreadPoolExecutor(parallel) as pool:
            results = list(pool.map(one, files))
        total = time.monotonic() - started
    how = "one at a time" if parallel == 1 else f"{parallel} in parallel"
    note = f"all {parallel} runs together peaked at {sampler.tree_kb / 1024:.0f} MB" if parallel > 1 else ""
    return Row(f"otter ×{parallel}", f"`otter run` on the `export-otter` zip, {how}", len(files), total,
               [r[1] for r in results], by_kind([(r[0], r[2]) for r in results]), sampler.peaks_mb(), note)
