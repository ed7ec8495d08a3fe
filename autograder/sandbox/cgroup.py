"""A control group per sandbox: a memory limit that counts everything and a limit on processes.

rlimits alone leave two holes: ``RLIMIT_DATA`` does not count shared mappings or tmpfs pages, and
``RLIMIT_NPROC`` does nothing when the grader runs as root (the sandbox's uid maps to root outside).
Where the grader may create control groups (cgroup v1 ``memory`` and ``pids`` hierarchies, or a
cgroup v2 folder that delegates both controllers, named by ``AUTOGRADER_CGROUP``), each sandbox gets
its own group: its memory limit covers every page the sandbox's processes touch, and its pid limit
counts every process and thread. Where it may not, :func:`create` returns ``None`` and the rlimits
stay the only limits (see the README's sandbox section).
"""

from __future__ import annotations

import os
import signal
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

ROOT = Path("/sys/fs/cgroup")
GROUP_NAME = "mlmm-autograder"
ENVIRONMENT_BASE = "AUTOGRADER_CGROUP"
STALE_AFTER_S = 3600


@dataclass(frozen=True)
class _Layout:
    """Where the groups live: one folder per controller (v1) or one folder for both (v2)."""

    memory: Path
    pids: Path

    @property
    def unified(self) -> bool:
        return self.memory == self.pids


def _writable_folder(path: Path) -> bool:
    return path.is_dir() and os.access(path, os.W_OK)


def _layout() -> _Layout | None:
    """The parent folders for sandbox groups, created where missing; None where cgroups are out of reach."""
    configured = os.environ.get(ENVIRONMENT_BASE)
    if configured:
        base = Path(configured)
        try:
            controllers = set((base / "cgroup.subtree_control").read_text().split())
        except OSError:
            return None
        return _Layout(base, base) if {"memory", "pids"} <= controllers and _writable_folder(base) else None
    memory, pids = ROOT / "memory", ROOT / "pids"
    if not (_writable_folder(memory) and _writable_folder(pids)):
        return None
    try:
        for parent in (memory, pids):
            (parent / GROUP_NAME).mkdir(exist_ok=True)
    except OSError:
        return None
    layout = _Layout(memory / GROUP_NAME, pids / GROUP_NAME)
    _remove_stale(layout)
    return layout


def _remove_stale(layout: _Layout) -> None:
    """Delete groups left empty by graders that were killed (older than an hour, so none in use)."""
    cutoff = time.time() - STALE_AFTER_S
    for parent in {layout.memory, layout.pids}:
        for folder in parent.iterdir():
            try:
                if folder.is_dir() and folder.stat().st_mtime < cutoff:
                    folder.rmdir()  # fails, as it should, while a process is inside
            except OSError:
                pass


class Cgroup:
    """One sandbox's control group (or pair of groups, on cgroup v1)."""

    def __init__(self, folders: list[Path], unified: bool):
        self.folders = folders
        self.unified = unified

    @property
    def procs_files(self) -> list[Path]:
        """The ``cgroup.procs`` files a process writes its pid to, to join the group."""
        return [folder / "cgroup.procs" for folder in self.folders]

    def add(self, pid: int) -> None:
        """Move process ``pid`` into the group (its later children are born in it); OSError if refused."""
        for path in self.procs_files:
            path.write_text(f"{pid}\n")

    def memory_killed(self) -> bool:
        """Whether the kernel killed a process of this group for exceeding its memory limit."""
        events = self.folders[0] / ("memory.events" if self.unified else "memory.oom_control")
        try:
            fields = dict(line.split() for line in events.read_text().splitlines() if len(line.split()) == 2)
        except OSError:
            return False
        return int(fields.get("oom_kill", "0")) > 0

    def remove(self) -> None:
        """Kill whatever still runs in the group and delete it (best effort, bounded in time)."""
        for _ in range(50):
            pids = self._pids()
            for pid in pids:
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
            try:
                for folder in self.folders:
                    if folder.exists():
                        folder.rmdir()
                return
            except OSError:
                time.sleep(0.02)

    def _pids(self) -> set[int]:
        pids: set[int] = set()
        for path in self.procs_files:
            try:
                pids.update(int(line) for line in path.read_text().split())
            except (OSError, ValueError):
                pass
        return pids


def create(memory_bytes: int, max_pids: int) -> Cgroup | None:
    """A new, empty control group with these limits, or None where control groups are not available."""
    layout = _layout()
    if layout is None:
        return None
    name = uuid.uuid4().hex
    folders = [layout.memory / name] if layout.unified else [layout.memory / name, layout.pids / name]
    group = Cgroup(folders, layout.unified)
    try:
        for folder in folders:
            folder.mkdir()
        if layout.unified:
            (folders[0] / "memory.max").write_text(str(memory_bytes))
            (folders[0] / "pids.max").write_text(str(max_pids))
            swap, swap_value = folders[0] / "memory.swap.max", "0"
        else:
            (folders[0] / "memory.limit_in_bytes").write_text(str(memory_bytes))
            (folders[1] / "pids.max").write_text(str(max_pids))
            swap, swap_value = folders[0] / "memory.memsw.limit_in_bytes", str(memory_bytes)
        if swap.exists():  # only where the kernel accounts swap
            swap.write_text(swap_value)
    except OSError:
        group.remove()
        return None
    return group


def available() -> bool:
    """Whether sandboxes here get a control group (memory and pid limits beyond the rlimits)."""
    group = create(64 * 1024 * 1024, 8)
    if group is None:
        return False
    group.remove()
    return True


def join_prefix(group: Cgroup) -> list[str]:
    """A command prefix that moves itself into ``group`` and then runs the rest of the command line."""
    script = 'for procs in "$@"; do [ "$procs" = -- ] && break; echo $$ > "$procs" || exit 125; shift; done; ' \
             'shift; exec "$@"'
    return ["/bin/sh", "-c", script, "cgroup-join", *(str(p) for p in group.procs_files), "--"]
