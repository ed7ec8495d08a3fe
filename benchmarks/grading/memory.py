"""Peak memory of a process tree, sampled from ``/proc`` while a tool runs."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable

SANDBOX_PROGRAMS = ("/grader/runner.py", "/grader/zygote.py")  # inside bubblewrap: a sandbox, a zygote
OWNER_KINDS = ("grader", "worker")     # a process that grades, with its sandboxes below it
PER_WORKER = "grader+sandboxes"        # the kind under which a grader's or worker's tree is reported


def _children(pid: int) -> list[int]:
    found = []
    try:
        for task in os.scandir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task.name}/children") as handle:
                found += [int(child) for child in handle.read().split()]
    except OSError:
        pass
    return found


def _cmdline(pid: int) -> list[str]:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as handle:
            return handle.read().decode("utf-8", "replace").split("\0")
    except OSError:
        return []


def _status_kb(pid: int) -> dict[str, int]:
    values = {}
    try:
        with open(f"/proc/{pid}/status") as handle:
            for line in handle:
                if line.startswith(("VmHWM:", "VmRSS:")):
                    key, value = line.split(":", 1)
                    values[key] = int(value.split()[0])
    except OSError:
        pass
    return values


def _pss_kb(pid: int) -> int:
    """The proportional set size: shared pages (a zygote's, which its forks share) split among their users."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as handle:
            for line in handle:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return _status_kb(pid).get("VmRSS", 0)


def own_peak_mb() -> float:
    """This process's peak RSS (VmHWM) in MB."""
    return _status_kb(os.getpid()).get("VmHWM", 0) / 1024


def classify_engine(argv: list[str]) -> str | None:
    """The engine's processes: a sandbox's Python or a zygote's and its forks' (not bubblewrap, prlimit
    or the cgroup shell that start them), a service worker (a ``multiprocessing`` spawn); None for
    everything else."""
    program = os.path.basename(argv[0]) if argv else ""
    if any(path in argv for path in SANDBOX_PROGRAMS) and program.startswith("python"):
        return "sandbox"
    if any("spawn_main" in arg for arg in argv):
        return "worker"
    return None


def classify_tool(argv: list[str]) -> str | None:
    """otter's and nbgrader's processes and the Jupyter kernels they start; None for everything else."""
    text = " ".join(argv)
    if "ipykernel" in text:
        return "kernel"
    if " -m otter " in text:
        return "otter"
    if " -m nbgrader " in text:
        return "nbgrader"
    return None


class Sampler:
    """Samples the tree under ``root`` every ``interval`` seconds while in a ``with`` block.

    Per kind of process (``classify`` of its command line; None leaves it out; the root is
    ``root_kind``): the largest peak RSS (VmHWM) of one process. Also the largest sum of the current
    memory of the classified processes at one moment (the whole tree) and of one grader or worker with
    the sandboxes below it (:data:`PER_WORKER`); sums add PSS, so that the pages a zygote shares with
    its forks count once, and are sampled, so short peaks may be missed.
    """

    def __init__(self, root: int, classify: Callable[[list[str]], str | None], root_kind: str | None = None,
                 interval: float = 0.2):
        self.root = root
        self.classify = classify
        self.root_kind = root_kind
        self.interval = interval
        self.peak_kb: dict[str, int] = {}
        self.tree_kb = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> "Sampler":
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def sample(self) -> None:
        """Look at the tree once (also called by the owner right before it ends the tree)."""
        todo: list[tuple[int, int | None]] = [(self.root, None)]
        total, per_owner = 0, {}
        while todo:
            pid, owner = todo.pop()
            kind = self.root_kind if pid == self.root else self.classify(_cmdline(pid))
            if kind in OWNER_KINDS:
                owner = pid
            todo += [(child, owner) for child in _children(pid)]
            if kind is None:
                continue
            status = _status_kb(pid)
            self.peak_kb[kind] = max(self.peak_kb.get(kind, 0), status.get("VmHWM", 0))
            memory = _pss_kb(pid)
            total += memory
            if owner is not None:
                per_owner[owner] = per_owner.get(owner, 0) + memory
        self.tree_kb = max(self.tree_kb, total)
        if per_owner:
            self.peak_kb[PER_WORKER] = max(self.peak_kb.get(PER_WORKER, 0), *per_owner.values())

    def _run(self) -> None:
        while not self._stop.is_set():
            self.sample()
            self._stop.wait(self.interval)

    def peaks_mb(self) -> dict[str, float]:
        """The peaks per kind of process, in MB."""
        return {kind: kb / 1024 for kind, kb in self.peak_kb.items()}
