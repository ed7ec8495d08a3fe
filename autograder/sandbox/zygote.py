"""Pre-imported sandboxes: a zygote that has imported numpy and TensorFlow forks one sandbox per grading.

Importing TensorFlow costs several CPU-seconds; a sandbox started from nothing pays it for every
submission. The zygote (``inside/zygote.py``) runs in the same bubblewrap walls and limits as a plain
sandbox, imports the assignment's ``preload`` modules once, and forks on request. Each fork gets what a
plain sandbox gets: its own control group (joined before it can start anything), new user, mount, pid,
network, IPC and UTS namespaces, fresh ``/scratch``, ``/tmp`` and ``/dev/shm``, a ``/proc`` with only its
own process, and no capabilities (see the inside module). No student code runs in the zygote.

The grader and a fork talk over the same pipes as with a plain sandbox, so
:class:`~autograder.sandbox.session.Sandbox` is unchanged; only its process is a :class:`ForkedProcess`.
"""

from __future__ import annotations

import dataclasses
import json
import os
import select
import signal
import socket
import subprocess
import time
from pathlib import Path

from autograder.sandbox import bubblewrap, cgroup
from autograder.sandbox.session import RUNNER_DIR, BwrapProcess, CappedOutput, Sandbox, SandboxStartError

REPLY_TIMEOUT_S = 10.0


def _children(pid: int) -> list[int]:
    try:
        return [int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except (OSError, ValueError):
        return []


def _namespace_pid(pid: int) -> int | None:
    """The pid of ``pid`` in its innermost pid namespace (the last field of ``NSpid``)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("NSpid:"):
                return int(line.split()[-1])
    except (OSError, ValueError):
        return None
    return None


def _descendant(root: int, inner_pid: int, depth: int) -> int | None:
    """The host pid of the descendant of ``root`` (at most ``depth`` levels down) whose inner pid is ``inner_pid``."""
    level = [root]
    for _ in range(depth):
        level = [child for pid in level for child in _children(pid)]
        for pid in level:
            if _namespace_pid(pid) == inner_pid:
                return pid
    return None


def fork_settings(limits: bubblewrap.Limits) -> dict[str, int]:
    """What a fork needs to know to set up its walls: the sizes of its tmpfs and its CPU limit."""
    return {"scratch_bytes": limits.scratch_mb * 1024 * 1024, "shm_bytes": bubblewrap.SHM_MB * 1024 * 1024,
            "cpu_seconds": limits.cpu_seconds}


class ForkedProcess:
    """A zygote's fork seen from the grader: its wait status arrives on a pipe when the sandbox ends."""

    def __init__(self, fork_pid: int, status_fd: int):
        self.fork_pid = fork_pid            # C, the fork that waits for the sandbox (host pid)
        self._status_fd = status_fd
        self._code: int | None = None

    def poll(self) -> int | None:
        return self._read_status(0)

    def wait(self, timeout: float | None = None) -> int:
        code = self._read_status(timeout)
        if code is None:
            raise subprocess.TimeoutExpired("sandbox", timeout or 0)
        return code

    def kill_tree(self) -> None:
        """SIGKILL the sandbox's init, pid 1 of its namespace: the kernel then kills everything inside it."""
        for pid in _children(self.fork_pid) or [self.fork_pid]:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass

    def _read_status(self, timeout: float | None) -> int | None:
        if self._code is not None:
            return self._code
        if not select.select([self._status_fd], [], [], timeout)[0]:
            return None
        text = os.read(self._status_fd, 64).decode("ascii", "replace").strip()
        os.close(self._status_fd)
        try:
            status = int(text)
            self._code = -os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status)
        except ValueError:  # the fork itself died: only the grader kills it
            self._code = -signal.SIGKILL
        return self._code


class Zygote:
    """One zygote process for one set of preloaded modules and limits."""

    def __init__(self, preload: list[str], limits: bubblewrap.Limits, hidden: list[Path]):
        self._control, inside = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        output_read, output_write = os.pipe()
        # The zygote's own CPU time is imports and forks; each sandbox sets its own CPU limit.
        own = dataclasses.replace(limits, cpu_seconds=24 * 3600)
        try:
            walls = bubblewrap.command(RUNNER_DIR, [str(inside.fileno()), *preload], hidden, own,
                                       program="zygote.py")  # first: a missing bwrap is the error to report
            self.process = BwrapProcess(bubblewrap.limit_prefix(own) + walls, output_write, (inside.fileno(),))
        except BaseException:
            self._control.close()
            os.close(output_read)
            raise
        finally:
            inside.close()
            os.close(output_write)
        self.output = CappedOutput(output_read, 64 * 1024)
        self._host_pid: int | None = None

    def wait_ready(self, timeout: float) -> None:
        """Wait until the zygote has imported its modules; :class:`SandboxStartError` if it never does."""
        reply = self._reply(timeout)
        if reply.get("event") != "ready" or not isinstance(reply.get("pid"), int):
            self.kill()
            raise SandboxStartError(f"the zygote did not start: {self.output.text()[-2000:]}")
        self._host_pid = _descendant(self.process.popen.pid, reply["pid"], depth=4)
        if self._host_pid is None:
            self.kill()
            raise SandboxStartError("the zygote's process could not be found")

    def alive(self) -> bool:
        """Whether the zygote can still fork."""
        return self.process.poll() is None and self._host_pid is not None

    def spawn(self, limits: bubblewrap.Limits, output_limit: int) -> Sandbox:
        """A fresh sandbox forked from the zygote, in its own control group, not yet sent ``ready``."""
        pipes = {name: os.pipe() for name in ("request", "answer", "output", "status", "go")}
        given = [pipes["request"][0], pipes["answer"][1], pipes["output"][1], pipes["status"][1], pipes["go"][0]]
        kept = {name: pipes[name][i] for name, i in
                (("request", 1), ("answer", 0), ("output", 0), ("status", 0), ("go", 1))}
        settings = fork_settings(limits)
        group = None
        try:
            socket.send_fds(self._control, [json.dumps(settings).encode()], given)
            reply = self._reply(REPLY_TIMEOUT_S)
            fork_pid = _descendant(self._host_pid or 0, reply.get("pid", -1), depth=1)
            if fork_pid is None:
                raise SandboxStartError(f"the zygote did not fork: {reply.get('error', '')}")
            group = cgroup.create(bubblewrap.group_memory_bytes(limits), limits.max_processes)
            if group is not None:
                group.add(fork_pid)
            os.write(kept["go"], b"g")
        except (OSError, SandboxStartError) as error:
            for fd in kept.values():
                os.close(fd)
            if group is not None:
                group.remove()
            raise SandboxStartError(f"the zygote could not start a sandbox: {error}") from None
        finally:
            for fd in given:
                os.close(fd)
        os.close(kept["go"])
        return Sandbox(ForkedProcess(fork_pid, kept["status"]), kept["request"], kept["answer"],
                       CappedOutput(kept["output"], output_limit), limits, group)

    def _reply(self, timeout: float) -> dict:
        deadline = time.monotonic() + timeout
        while not select.select([self._control], [], [], max(0.0, deadline - time.monotonic()))[0]:
            if time.monotonic() >= deadline or self.process.poll() is not None:
                raise SandboxStartError(f"the zygote does not answer: {self.output.text()[-2000:]}")
        message = self._control.recv(65536)
        try:
            reply = json.loads(message)
        except ValueError:
            reply = None
        if not isinstance(reply, dict):
            raise SandboxStartError(f"the zygote stopped: {self.output.text()[-2000:]}")
        return reply

    def kill(self) -> None:
        """Kill the zygote and, with its pid namespace, every sandbox it forked."""
        if self.process.poll() is None:
            self.process.kill_tree()
            self.process.wait()
        self._control.close()
        self._host_pid = None
