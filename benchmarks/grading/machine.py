"""The machine the benchmark runs on: its hardware, the versions of the tools, and how busy it is."""

from __future__ import annotations

import os
import platform
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from benchmarks.grading import ROOT

PACKAGES = ("otter-grader", "nbgrader", "tensorflow-cpu", "keras", "numpy", "pytest")


@dataclass(frozen=True)
class Machine:
    """The hardware and software of this machine."""

    cpu: str
    cores: int
    memory_gb: float
    kernel: str
    python: str

    @classmethod
    def here(cls) -> "Machine":
        """This machine."""
        cpuinfo = Path("/proc/cpuinfo").read_text().splitlines()
        cpu = next((line.split(":", 1)[1].strip() for line in cpuinfo if line.startswith("model name")),
                   platform.processor())
        memory_kb = next(int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines()
                         if line.startswith("MemTotal:"))
        return cls(cpu, os.cpu_count() or 1, memory_kb / 1024 / 1024, platform.release(),
                   platform.python_version())


def versions() -> str:
    """The versions of the commit and of the packages that matter here ("missing" for those not installed)."""
    found = []
    for name in PACKAGES:
        try:
            found.append(f"{name} {version(name)}")
        except PackageNotFoundError:
            found.append(f"{name} missing")
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT, capture_output=True,
                           text=True)
    head = commit.stdout.strip() or "unknown"
    return f"commit {head}{' (with local changes)' if dirty.stdout.strip() else ''}, " + ", ".join(found)


def wait_until_quiet(threshold: float, patience: float) -> tuple[float, float, float]:
    """Wait (up to ``patience`` seconds) for the 1-minute load to drop below ``threshold``; the load then."""
    deadline = time.monotonic() + patience
    while os.getloadavg()[0] >= threshold and time.monotonic() < deadline:
        print(f"waiting for a quiet machine: load {os.getloadavg()[0]:.2f} ≥ {threshold}", file=sys.stderr)
        time.sleep(15)
    return os.getloadavg()


class LoadWatch:
    """While in a ``with`` block: the 1-minute load average (this benchmark's own work included), and the
    CPU time used by processes outside this benchmark's tree (sampled every few seconds from ``/proc``,
    so processes that start and end between two samples are missed)."""

    def __init__(self, interval: float = 5.0) -> None:
        self.values: list[float] = []
        self.other_cpu_s = 0.0
        self.interval = interval
        self._last: dict[int, float] = {}
        self._tick = os.sysconf("SC_CLK_TCK")
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> "LoadWatch":
        self._cpu_of_others(first=True)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self._cpu_of_others()

    def _cpu_of_others(self, first: bool = False) -> None:
        cpu, parent = {}, {}
        for entry in os.scandir("/proc"):
            if not entry.name.isdigit():
                continue
            try:
                with open(f"/proc/{entry.name}/stat") as handle:
                    fields = handle.read().rsplit(")", 1)[1].split()
            except (OSError, IndexError):
                continue
            pid = int(entry.name)
            parent[pid] = int(fields[1])
            cpu[pid] = (int(fields[11]) + int(fields[12])) / self._tick
        mine = {os.getpid()}
        for pid in parent:
            chain = [pid]
            while chain[-1] not in mine and parent.get(chain[-1], 0) > 1:
                chain.append(parent[chain[-1]])
            if chain[-1] in mine:
                mine.update(chain)
        if not first:
            self.other_cpu_s += sum(used - self._last.get(pid, 0.0) for pid, used in cpu.items() if pid not in mine)
        self._last = {pid: used for pid, used in cpu.items() if pid not in mine}

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self.values.append(os.getloadavg()[0])
            self._cpu_of_others()
