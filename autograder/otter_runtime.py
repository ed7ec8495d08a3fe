"""Hidden tests inside otter-grader: the same tests, run against the notebook's own namespace.

``autograder export-otter`` ships this module with the engine's plain-data codec, the hidden tests
and the reference. otter executes the notebook and calls :func:`run_test` for each test case with the
notebook's global namespace. Values cross between "student" and test through the same codec as in
the sandbox, so tests see the same plain data; but unlike the sandbox there is no isolation: this is
otter's model (on Gradescope each submission runs in its own container).
"""

from __future__ import annotations

import importlib.util
import inspect
import sys
import zlib
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np

from autograder.remote import RemoteObject, Student, StudentError
from autograder.sandbox.inside import wire

SUPPORT_DIR = Path("otter_hidden")  # otter runs the tests in the submission folder, where files/ lands


def _student_error(error: BaseException) -> StudentError:
    return StudentError([c.__name__ for c in type(error).__mro__], str(error))  # StudentError cuts both


class LocalConnection:
    """Answers the sandbox protocol's requests from a namespace in this process."""

    def __init__(self, namespace: dict[str, Any]):
        self.namespace = namespace
        self.alive = True
        self._objects: dict[int, Any] = {}
        self._encode = wire.Encoder(self._keep)
        self._decode = wire.Decoder(lambda tag, value: RemoteObject(self, value["$handle"], value["type"]))

    def _keep(self, value: Any) -> dict[str, Any]:
        key = len(self._objects) + 1
        self._objects[key] = value
        return {"$handle": key, "type": type(value).__name__}

    def _local(self, value: Any) -> Any:
        if isinstance(value, RemoteObject):
            return self._objects[value._handle]
        if isinstance(value, (list, tuple)):
            return type(value)(self._local(v) for v in value)
        if isinstance(value, dict):
            return {k: self._local(v) for k, v in value.items()}
        return value

    def request(self, message: dict[str, Any], timeout: float | None = None) -> Any:
        """Do what the sandbox's runner would, here; results are copied through the wire codec."""
        op = message["op"]
        try:
            if op == "lookup":
                if message["name"] not in self.namespace:
                    raise NameError(f"the notebook does not define {message['name']!r}")
                value = self.namespace[message["name"]]
            elif op == "getattr":
                value = getattr(self._local(message["target"]), message["name"])
            elif op == "call":
                value = self._local(message["target"])(*self._local(message["args"]),
                                                       **self._local(message["kwargs"]))
            else:
                Path(message["name"]).write_bytes(message["data"])
                value = None
        except Exception as error:  # noqa: BLE001  (the student's exception, reported like the sandbox does)
            raise _student_error(error) from None
        return self._decode(wire.loads(wire.json_bytes(self._encode(value))))

    def close(self) -> None:
        """Nothing to stop: the namespace belongs to otter."""


def _module(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"otter_hidden_{path.stem}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def run_test(test_file: str, test_name: str, reference_file: str, seed: int, env: dict[str, Any]) -> None:
    """Run one hidden test against the notebook namespace ``env``; raises when it fails."""
    test = getattr(_module(SUPPORT_DIR / test_file), test_name)
    fixtures = {
        "student": Student(lambda: LocalConnection(env), 0, LocalConnection(env)),
        "reference": _module(SUPPORT_DIR / reference_file),
        "data_dir": Path("data").resolve(),
        "rng": np.random.default_rng(np.random.SeedSequence([seed, zlib.crc32(test_name.encode())])),
    }
    test(**{name: fixtures[name] for name in inspect.signature(test).parameters})
