"""The trusted side's view of the student's notebook: a proxy whose calls run in the sandbox.

``student.f(x)`` sends ``x`` as plain data, the sandbox calls the student's ``f``, and the result
comes back as plain data, or as a :class:`RemoteObject` when it is something else (an instance of the
student's class, a function, an object that pretends to be a number). Trusted callables passed as
arguments become callbacks the sandbox may call. Nothing the sandbox sends is ever executed here.

When a call exceeds its time limit or the sandbox dies, that call raises
:class:`~autograder.sandbox.session.SandboxFailure`; the next call starts a fresh sandbox with the
notebook executed again, so one runaway function costs only its own tests. Each task's tests may
restart the sandbox a bounded number of times, and no call outlives the grading's own deadline.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from typing import Any

from autograder.sandbox.inside import wire
from autograder.sandbox.session import Sandbox, SandboxFailure


class StudentError(Exception):
    """The student's code raised an exception; ``exception_types`` lists its class and bases by name."""

    def __init__(self, exception_types: list[str], message: str, where: str = ""):
        names = exception_types[:wire.MAX_TYPES]
        self.exception_types = [wire.cut(name, wire.NAME_LIMIT) for name in names] or ["Exception"]
        self.exception_type = self.exception_types[0]
        self.message = wire.cut(message)
        self.where = wire.cut(where, wire.NAME_LIMIT)
        text = f"{self.exception_type}: {self.message}" if self.message else self.exception_type
        super().__init__(f"{text} ({self.where})" if self.where else text)


class Connection:
    """Requests to one sandbox, with callbacks served while a call runs."""

    def __init__(self, sandbox: Sandbox, call_timeout: float):
        self.sandbox = sandbox
        self.call_timeout = call_timeout
        self.deadline = math.inf  # a time.monotonic() value no request may outlive: the grading's deadline
        self._callbacks: dict[int, Callable[..., Any]] = {}
        self.progress: dict[str, Any] = {}
        self._encode = wire.Encoder(self._encode_fallback)
        self._decode = wire.Decoder(self._resolve)

    @property
    def alive(self) -> bool:
        """Whether the sandbox still answers."""
        return self.sandbox.failure is None

    def close(self) -> None:
        """Kill the sandbox."""
        self.sandbox.kill()

    def request(self, message: dict[str, Any], timeout: float | None = None) -> Any:
        """Send ``message``, serve callbacks until the answer arrives, return its value or raise."""
        deadline = min(time.monotonic() + (self.call_timeout if timeout is None else timeout), self.deadline)
        self._callbacks.clear()
        self.sandbox.send(message, self._encode)
        while True:
            answer = self.sandbox.receive(deadline, self._decode)
            if "event" in answer:
                self.progress = answer
            elif "callback" in answer:
                started = time.monotonic()
                self._serve_callback(answer)
                deadline += time.monotonic() - started
            elif "ok" in answer:
                return answer["ok"]
            elif "error" in answer and isinstance(answer["error"], dict):
                error = answer["error"]
                raise StudentError(list(error.get("types", [])), error.get("message", ""), error.get("where", ""))
            else:
                raise SandboxFailure("crash", "the sandbox sent a malformed answer")

    def _serve_callback(self, message: dict[str, Any]) -> None:
        function = self._callbacks.get(message.get("callback"))  # type: ignore[arg-type]
        if function is None:
            self.sandbox.send({"error": "unknown callback"}, self._encode)
            return
        args, kwargs = message.get("args", []), message.get("kwargs", {})
        try:
            if not isinstance(args, list) or not isinstance(kwargs, dict):
                raise TypeError("malformed arguments")
            result = function(*args, **{str(k): v for k, v in kwargs.items()})
            self.sandbox.send({"ok": result}, self._encode)
        except SandboxFailure:
            raise
        except Exception as error:  # noqa: BLE001  (the student's code called with bad arguments)
            self.sandbox.send({"error": f"{type(error).__name__}: {error}"}, self._encode)

    def _encode_fallback(self, value: Any) -> dict[str, Any]:
        if isinstance(value, RemoteObject):
            if value._connection is not self:
                raise SandboxFailure("crash", "an object from an earlier sandbox was lost when it restarted")
            return {"$handle": value._handle, "type": value.type_name}
        if callable(value):
            key = len(self._callbacks) + 1
            self._callbacks[key] = value
            return {"$callback": key}
        raise TypeError(f"cannot send a {type(value).__name__} to the sandbox")

    def _resolve(self, tag: str, value: dict[str, Any]) -> Any:
        if tag != "$handle" or not isinstance(value.get("$handle"), int):
            raise wire.WireError("the sandbox sent a callback")
        return RemoteObject(self, value["$handle"], str(value.get("type", "object"))[:100])


class RemoteObject:
    """Something of the student's that is not plain data: attributes and calls go to the sandbox."""

    def __init__(self, connection: Connection, handle: int, type_name: str):
        self._connection = connection
        self._handle = handle
        self.type_name = type_name

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        return self._connection.request({"op": "getattr", "target": self, "name": name})

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self._connection.request({"op": "call", "target": self, "args": list(args), "kwargs": kwargs})

    def __repr__(self) -> str:
        return f"<student's {self.type_name} object>"


class Student:
    """The ``student`` fixture: the notebook's namespace, restarted when its sandbox is lost.

    ``task`` is the task whose tests run now (the grading plugin sets it): each task's tests may
    restart the sandbox ``restarts`` times, so a runaway constructor costs its own task's points and
    not the others'. After ``deadline`` (a ``time.monotonic()`` value) nothing more runs.
    """

    def __init__(self, launch: Callable[[], Connection], restarts: int, connection: Connection | None = None,
                 deadline: float = math.inf):
        self._launch = launch
        self._restarts = restarts
        self._restarts_used: dict[str, int] = {}
        self._deadline = deadline
        self._connection = connection
        self.task = ""
        if connection is not None:
            connection.deadline = deadline

    def _current(self) -> Connection:
        if self._connection is not None and self._connection.alive:
            return self._connection
        if time.monotonic() >= self._deadline:
            raise SandboxFailure("timeout", "the grading's time limit was reached; the remaining tests are not run")
        if self._connection is not None:
            used = self._restarts_used.get(self.task, 0)
            if used >= self._restarts:
                raise SandboxFailure("crash", "the notebook's sandbox was lost too often in this task's tests; "
                                              "its remaining tests are not run")
            self._restarts_used[self.task] = used + 1
        self._connection = self._launch()
        self._connection.deadline = self._deadline
        return self._connection

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        return self._current().request({"op": "lookup", "name": name})

    def put_file(self, name: str, data: str | bytes) -> None:
        """Write ``data`` to ``name`` (relative) in the sandbox's working directory."""
        payload = data.encode() if isinstance(data, str) else data
        self._current().request({"op": "put_file", "name": name, "data": payload})

    def close(self) -> None:
        """Kill the current sandbox."""
        if self._connection is not None:
            self._connection.close()
