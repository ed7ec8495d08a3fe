"""Plain data on the wire between the trusted grader and the sandbox.

Messages are length-prefixed JSON. Values are tagged so that arrays, tuples, dicts with any keys,
complex numbers and bytes survive the trip exactly; nothing is ever unpickled. Objects that are not
plain data are replaced by a handle (``$handle``, an object kept in the sandbox) or a callback
(``$callback``, a trusted function the sandbox may call). This module runs on both sides, so it uses
only the standard library and numpy, and it must not import anything from ``autograder``.
"""

from __future__ import annotations

import base64
import json
import os
import struct
from typing import Any, Callable

import numpy as np

MAX_MESSAGE_BYTES = 256 * 1024 * 1024
# What an exception of the student's may carry across, cut by both sides (the sandbox may lie):
MESSAGE_LIMIT = 2000  # characters of its message
NAME_LIMIT = 200      # characters of a class name or of a traceback's "where"
MAX_TYPES = 16        # classes of its method resolution order
_HEADER = struct.Struct(">I")
_NUMERIC_KINDS = frozenset("biufc")


def cut(text: Any, limit: int = MESSAGE_LIMIT) -> str:
    """``str(text)`` cut to ``limit`` characters, with "..." where something was cut."""
    text = str(text)
    return text if len(text) <= limit else text[:limit] + "..."


class WireError(Exception):
    """A message that is malformed, too large, or cut short."""


def json_bytes(tagged: Any) -> bytes:
    """Tagged JSON (the output of an :class:`Encoder`) as bytes."""
    return json.dumps(tagged, allow_nan=True, separators=(",", ":")).encode()


def send(fd: int, message: dict[str, Any], encode: Callable[[Any], Any]) -> None:
    """Write one message (a dict whose values are encoded with ``encode``) to ``fd``."""
    payload = json_bytes(encode(message))
    if len(payload) > MAX_MESSAGE_BYTES:
        raise WireError(f"message of {len(payload)} bytes exceeds the limit")
    data = _HEADER.pack(len(payload)) + payload
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def read_exactly(fd: int, size: int) -> bytes:
    """Read ``size`` bytes from ``fd`` (blocking); raise :class:`EOFError` if the other side closed."""
    chunks = []
    while size:
        chunk = os.read(fd, min(size, 1 << 20))
        if not chunk:
            raise EOFError("the other side closed the channel")
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)


def parse_header(header: bytes) -> int:
    """The payload length announced by a message header; rejects oversized messages."""
    (length,) = _HEADER.unpack(header)
    if length > MAX_MESSAGE_BYTES:
        raise WireError(f"announced message of {length} bytes exceeds the limit")
    return length


HEADER_BYTES = _HEADER.size


def loads(payload: bytes) -> Any:
    """Parse a payload into tagged JSON (still to be decoded)."""
    try:
        return json.loads(payload)
    except (ValueError, RecursionError) as error:
        raise WireError(f"malformed message: {error}") from None


class Encoder:
    """Turn Python values into tagged JSON; ``fallback`` handles everything that is not plain data."""

    def __init__(self, fallback: Callable[[Any], dict[str, Any]]):
        self._fallback = fallback

    def __call__(self, value: Any) -> Any:
        kind = type(value)
        if value is None or kind in (bool, int, str):
            return value
        if kind is float:
            return value
        if kind is list:
            return [self(item) for item in value]
        if kind is tuple:
            return {"$tuple": [self(item) for item in value]}
        if kind is dict:
            return {"$dict": [[self(k), self(v)] for k, v in value.items()]}
        if kind in (set, frozenset):
            return {"$set": [self(item) for item in value]}
        if kind is complex:
            return {"$complex": [value.real, value.imag]}
        if kind is bytes:
            return {"$bytes": base64.b64encode(value).decode()}
        if isinstance(value, np.ndarray) and value.dtype.kind in _NUMERIC_KINDS:
            array = np.asarray(value, order="C")  # ascontiguousarray would make 0-d arrays 1-d
            return {"$array": [array.dtype.str, list(array.shape), base64.b64encode(array.tobytes()).decode()]}
        if isinstance(value, np.generic) and value.dtype.kind in _NUMERIC_KINDS:
            return {"$scalar": [value.dtype.str, base64.b64encode(value.tobytes()).decode()]}
        return self._fallback(value)


class Decoder:
    """Turn tagged JSON back into Python values, strictly; ``resolve`` handles handles and callbacks."""

    def __init__(self, resolve: Callable[[str, Any], Any]):
        self._resolve = resolve

    def __call__(self, value: Any) -> Any:
        if isinstance(value, list):
            return [self(item) for item in value]
        if not isinstance(value, dict):
            return value
        if "$handle" in value:
            return self._resolve("$handle", value)
        if len(value) != 1:
            raise WireError("untagged object in message")
        tag, payload = next(iter(value.items()))
        if tag == "$tuple":
            return tuple(self(item) for item in payload)
        if tag == "$dict":
            return {_hashable(self(k)): self(v) for k, v in payload}
        if tag == "$set":
            return {_hashable(self(item)) for item in payload}
        if tag == "$complex":
            return complex(float(payload[0]), float(payload[1]))
        if tag == "$bytes":
            return base64.b64decode(payload, validate=True)
        if tag == "$array":
            dtype_text, shape, data = payload
            return _array(dtype_text, shape, data)
        if tag == "$scalar":
            dtype_text, data = payload
            return _array(dtype_text, [], data)[()]
        if tag == "$callback":
            return self._resolve(tag, value)
        raise WireError(f"unknown tag {tag!r}")


def _hashable(key: Any) -> Any:
    try:
        hash(key)
    except TypeError:
        raise WireError("unhashable dict key or set item") from None
    return key


def _array(dtype_text: Any, shape: Any, data: Any) -> np.ndarray:
    try:
        dtype = np.dtype(str(dtype_text))
    except TypeError:
        raise WireError(f"unknown dtype {dtype_text!r}") from None
    if dtype.kind not in _NUMERIC_KINDS or dtype.fields is not None or dtype.subdtype is not None:
        raise WireError(f"dtype {dtype} is not plain numeric data")
    if (not isinstance(shape, list) or len(shape) > 32
            or not all(isinstance(n, int) and not isinstance(n, bool) and n >= 0 for n in shape)):
        raise WireError("malformed array shape")
    raw = base64.b64decode(data, validate=True)
    count = int(np.prod(shape, dtype=np.int64)) if shape else 1
    if count * dtype.itemsize != len(raw):
        raise WireError("array data does not match its shape")
    return np.frombuffer(raw, dtype=dtype).reshape(tuple(shape)).copy()
