"""One sandbox process seen from the trusted side: start it, talk to it, kill it.

The sandbox's stdout and stderr are drained into a capped buffer, so a notebook that prints without
end cannot block or flood the grader. Every wait has a deadline. When the process dies or misses a
deadline it is killed with its whole process tree, and the caller gets :class:`SandboxFailure` saying
why: time limit, memory, a crash, or an exit of the student's own making.
"""

from __future__ import annotations

import os
import select
import signal
import subprocess
import threading
import time
from pathlib import Path
from typing import Any, Protocol

from autograder.sandbox import bubblewrap, cgroup
from autograder.sandbox.inside import wire

RUNNER_DIR = Path(__file__).resolve().parent / "inside"


def _no_objects(tag: str, value: Any) -> Any:
    raise wire.WireError(f"unexpected {tag}")


_PLAIN = wire.Decoder(_no_objects)


class SandboxStartError(RuntimeError):
    """The sandbox could not be started: a problem of the grading machine, not of the notebook."""


class SandboxFailure(Exception):
    """The sandbox stopped answering: ``kind`` is "timeout", "memory", "crash" or "exit"."""

    def __init__(self, kind: str, message: str):
        super().__init__(message)
        self.kind = kind
        self.message = message


class CappedOutput:
    """Keeps the first ``limit`` bytes read from a pipe and discards (but keeps draining) the rest."""

    def __init__(self, fd: int, limit: int):
        self.limit = limit
        self.kept = bytearray()
        self.dropped = 0
        self._thread = threading.Thread(target=self._drain, args=(fd,), daemon=True)
        self._thread.start()

    def _drain(self, fd: int) -> None:
        with os.fdopen(fd, "rb", buffering=0) as pipe:
            while chunk := pipe.read(65536):
                room = self.limit - len(self.kept)
                self.kept += chunk[:room]
                self.dropped += max(0, len(chunk) - room)

    def text(self) -> str:
        """What was kept, with a note of how much was dropped."""
        self._thread.join(timeout=1)
        note = f"\n[... {self.dropped} more bytes of output dropped]" if self.dropped else ""
        return self.kept.decode("utf-8", "replace") + note


class Process(Protocol):
    """The sandbox's process as the grader sees it: a bubblewrap process or a zygote's fork."""

    def poll(self) -> int | None: ...

    def wait(self, timeout: float | None = None) -> int: ...

    def kill_tree(self) -> None:
        """SIGKILL the sandbox's process and everything it started."""


class BwrapProcess:
    """A sandbox (or zygote) started as its own bubblewrap process (in its own session, so its group is
    its tree), with stdout and stderr into ``output_fd`` and only ``pass_fds`` inherited."""

    def __init__(self, argv: list[str], output_fd: int, pass_fds: tuple[int, ...]):
        self.popen = subprocess.Popen(
            argv, stdin=subprocess.DEVNULL, stdout=output_fd, stderr=output_fd, pass_fds=pass_fds,
            start_new_session=True, cwd="/",
            env={"PATH": os.environ.get("PATH", "/usr/bin:/bin")})  # bwrap's own environment is visible inside

    def poll(self) -> int | None:
        return self.popen.poll()

    def wait(self, timeout: float | None = None) -> int:
        return self.popen.wait(timeout)

    def kill_tree(self) -> None:
        try:
            os.killpg(self.popen.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


class Sandbox:
    """A running sandbox process speaking the runner's protocol over two pipes."""

    def __init__(self, process: Process, to_sandbox: int, from_sandbox: int,
                 output: CappedOutput, limits: bubblewrap.Limits, group: cgroup.Cgroup | None = None):
        self.process = process
        self._to = to_sandbox
        self._from = from_sandbox
        self.output = output
        self.limits = limits
        self.group = group
        self.failure: SandboxFailure | None = None

    @classmethod
    def start(cls, preload: list[str], limits: bubblewrap.Limits, hidden: list[Path],
              output_limit: int = 256 * 1024, sandboxed: bool = True) -> "Sandbox":
        """Start a sandbox that imports ``preload``; it is ready once :meth:`wait_ready` returns."""
        request_read, request_write = os.pipe()
        answer_read, answer_write = os.pipe()
        output_read, output_write = os.pipe()
        runner_args = [str(request_read), str(answer_write), *preload]
        group = None
        if sandboxed:
            argv = bubblewrap.command(RUNNER_DIR, runner_args, hidden, limits)
            group = cgroup.create(bubblewrap.group_memory_bytes(limits), limits.max_processes)
        else:
            argv = [os.environ.get("PYTHON", "python3"), "-I", "-B", str(RUNNER_DIR / "runner.py"), *runner_args]
        argv = bubblewrap.limit_prefix(limits) + argv
        if group is not None:
            argv = cgroup.join_prefix(group) + argv
        try:
            process = BwrapProcess(argv, output_write, (request_read, answer_write))
        finally:
            for fd in (request_read, answer_write, output_write):
                os.close(fd)
        return cls(process, request_write, answer_read, CappedOutput(output_read, output_limit), limits, group)

    def wait_ready(self, timeout: float) -> None:
        """Wait for the runner's ``ready``; :class:`SandboxStartError` if it never comes."""
        try:
            message = self.receive(time.monotonic() + timeout, _PLAIN)
        except SandboxFailure as failure:
            raise SandboxStartError(f"the sandbox did not start ({failure.message}): "
                                    f"{self.output.text()[-2000:]}") from None
        if message.get("event") != "ready":
            self.kill()
            raise SandboxStartError("the sandbox did not start: it sent something other than 'ready'")

    def send(self, message: dict[str, Any], encode: wire.Encoder) -> None:
        """Send one request; a dead sandbox raises :class:`SandboxFailure`."""
        if self.failure:
            raise self.failure
        try:
            wire.send(self._to, message, encode)
        except (BrokenPipeError, OSError):
            self._fail_from_exit()

    def receive(self, deadline: float, decode: wire.Decoder) -> dict[str, Any]:
        """Receive one message before ``deadline`` (a ``time.monotonic()`` value)."""
        if self.failure:
            raise self.failure
        try:
            header = self._read(wire.HEADER_BYTES, deadline)
            payload = self._read(wire.parse_header(header), deadline)
        except EOFError:
            self._fail_from_exit()
        except wire.WireError as error:
            self._fail("crash", f"the sandbox sent a malformed message ({error})")
        try:
            message = decode(wire.loads(payload))
        except Exception as error:  # noqa: BLE001 - any value the decoder chokes on is the sandbox's doing
            self._fail("crash", f"the sandbox sent a malformed message ({type(error).__name__})")
        if not isinstance(message, dict):
            self._fail("crash", "the sandbox sent a malformed message")
        return message

    def _read(self, size: int, deadline: float) -> bytes:
        chunks = []
        while size:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not select.select([self._from], [], [], remaining)[0]:
                self._fail("timeout", "time limit exceeded")
            chunk = os.read(self._from, min(size, 1 << 20))
            if not chunk:
                raise EOFError
            chunks.append(chunk)
            size -= len(chunk)
        return b"".join(chunks)

    def _fail_from_exit(self) -> None:
        try:
            code = self.process.wait(timeout=2)
        except subprocess.TimeoutExpired:
            code = None
        if code is None:
            self._fail("crash", "the sandbox closed its channel")
        elif self.group is not None and self.group.memory_killed():
            self._fail("memory", f"the memory limit of {self.limits.memory_mb} MB was exceeded "
                                 "(counting shared memory and files in /scratch and /tmp)")
        elif code in (-signal.SIGXCPU, 128 + signal.SIGXCPU, -signal.SIGKILL, 128 + signal.SIGKILL):
            self._fail("timeout", f"CPU time limit of {self.limits.cpu_seconds} s exceeded, or killed")
        elif code in (-signal.SIGSEGV, 128 + signal.SIGSEGV, -signal.SIGABRT, 128 + signal.SIGABRT):
            self._fail("memory", f"the process crashed (signal {abs(code) % 128}), "
                                 f"often a sign of exceeding the memory limit of {self.limits.memory_mb} MB")
        else:
            self._fail("exit", f"the notebook ended its own process (exit status {code})")

    def _fail(self, kind: str, message: str) -> None:
        self.failure = SandboxFailure(kind, message)
        self.kill()
        raise self.failure

    def kill(self) -> None:
        """Kill the sandbox's whole process tree and close the channel (idempotent)."""
        if self.process.poll() is None:
            self.process.kill_tree()
            self.process.wait()
        for fd in (self._to, self._from):
            try:
                os.close(fd)
            except OSError:
                pass
        self._to = self._from = -1
        if self.group is not None:
            self.group.remove()
        if self.failure is None:
            self.failure = SandboxFailure("exit", "the sandbox was closed")
