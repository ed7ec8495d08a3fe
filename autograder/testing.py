"""The toolkit of hidden tests: the ``graded`` marker and comparisons whose messages are safe to show.

Hidden tests run in the trusted grading process. They receive three fixtures:

``student``
    a proxy for the student's notebook running in the sandbox: ``student.p_norm(v, 2)`` calls the
    student's function there and returns plain data (numbers, strings, numpy arrays, lists, tuples,
    dicts). Anything else comes back as a :class:`~autograder.remote.RemoteObject` (instances of a
    student's class, for example), whose attributes and methods are reached the same way.
    An exception in the student's code arrives as :class:`~autograder.remote.StudentError`.
    Trusted callables may be passed as arguments (``student.gradient_descent(grad, x0, 0.1)``): the
    student's code calls back into the trusted process, so a test can count the calls.
    ``student.put_file(name, text_or_bytes)`` writes a file into the sandbox's working directory.
``reference``
    the reference solution module (from ``reference/``), imported in the trusted process.
``rng``
    a ``numpy.random.Generator`` seeded from the grading seed and the test's name.
``data_dir``
    the trusted path of the assignment's ``data/`` folder, for the reference to read the files that
    the sandbox has at ``data/<name>``.

A failing assertion's message is shown to the student, so it must not reveal hidden inputs or the
expected values: the helpers below phrase their messages that way. Plain ``assert cond, "message"``
works too (assertions are not rewritten, so only the message is shown).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from numbers import Number
from typing import Any

import numpy as np
import pytest

from autograder.remote import RemoteObject, StudentError

__all__ = ["graded", "assert_close", "assert_equal", "assert_raises", "StudentError", "RemoteObject"]


def graded(task: str, points: float) -> pytest.MarkDecorator:
    """Mark a hidden test as worth ``points`` towards the manifest task ``task``."""
    if points <= 0:
        raise ValueError("a graded test must be worth a positive number of points")
    return pytest.mark.graded(task=task, points=float(points))


def _describe(value: Any) -> str:
    if isinstance(value, RemoteObject):
        return f"a {value.type_name} object"
    if isinstance(value, np.ndarray):
        return f"an array of shape {value.shape}"
    return f"a value of type {type(value).__name__}"


def _is_number(value: Any) -> bool:
    if isinstance(value, (bool, np.bool_)):
        return False
    if isinstance(value, np.ndarray):
        return value.ndim == 0 and np.issubdtype(value.dtype, np.number)
    return isinstance(value, (Number, np.number))


def _as_numeric_array(value: Any) -> np.ndarray | None:
    if isinstance(value, RemoteObject):
        return None
    try:
        array = np.asarray(value)
    except (ValueError, TypeError):
        return None
    if array.dtype == object or not (np.issubdtype(array.dtype, np.number) or array.dtype == bool):
        return None
    return array


def assert_close(actual: Any, expected: Any, *, rtol: float = 1e-7, atol: float = 1e-12,
                 what: str = "the result") -> None:
    """Assert that ``actual`` matches ``expected`` within ``rtol``/``atol``, recursing into containers.

    ``expected`` comes from the reference. Numbers must be numbers, arrays must have the same shape
    (a list of numbers is accepted where an array is expected), tuples and lists must have the same
    length, dicts the same keys; strings, booleans and ``None`` must be equal. NaN equals NaN.
    """
    if isinstance(expected, Mapping):
        if not isinstance(actual, Mapping):
            raise AssertionError(f"{what}: expected a dict, got {_describe(actual)}")
        if set(actual) != set(expected):
            raise AssertionError(f"{what}: the keys differ from the expected ones")
        for key in expected:
            assert_close(actual[key], expected[key], rtol=rtol, atol=atol, what=f"{what}[{key!r}]")
        return
    if isinstance(expected, (tuple, list)) and not _is_uniform_numeric(expected):
        if not isinstance(actual, (tuple, list)):
            raise AssertionError(f"{what}: expected a {type(expected).__name__}, got {_describe(actual)}")
        if len(actual) != len(expected):
            raise AssertionError(f"{what}: expected {len(expected)} items, got {len(actual)}")
        for index, (got, want) in enumerate(zip(actual, expected)):
            assert_close(got, want, rtol=rtol, atol=atol, what=f"{what}[{index}]")
        return
    if expected is None or isinstance(expected, (str, bool, np.bool_)):
        if not (type(actual) is type(expected) or isinstance(expected, (bool, np.bool_))
                and isinstance(actual, (bool, np.bool_))) or actual != expected:
            raise AssertionError(f"{what}: wrong value")
        return
    if _is_number(expected):
        if not _is_number(actual):
            raise AssertionError(f"{what}: expected a number, got {_describe(actual)}")
        if not np.isclose(actual, expected, rtol=rtol, atol=atol, equal_nan=True):
            raise AssertionError(f"{what}: wrong value")
        return
    want = _as_numeric_array(expected)
    if want is None:
        raise TypeError(f"assert_close cannot compare a reference value of type {type(expected).__name__}")
    got = _as_numeric_array(actual)
    if got is None:
        raise AssertionError(f"{what}: expected an array of shape {want.shape}, got {_describe(actual)}")
    if got.shape != want.shape:
        raise AssertionError(f"{what}: expected shape {want.shape}, got shape {got.shape}")
    if not np.allclose(got, want, rtol=rtol, atol=atol, equal_nan=True):
        wrong = int(np.sum(~np.isclose(got, want, rtol=rtol, atol=atol, equal_nan=True)))
        raise AssertionError(f"{what}: {wrong} of {want.size} entries have wrong values")


def _is_uniform_numeric(values: Sequence[Any]) -> bool:
    return len(values) > 0 and all(_is_number(v) for v in values) and isinstance(values, list)


def assert_equal(actual: Any, expected: Any, *, what: str = "the result") -> None:
    """Assert exact equality of plain data (ints, strings, lists, dicts, integer arrays)."""
    if isinstance(expected, np.ndarray):
        got = _as_numeric_array(actual)
        if got is None or got.shape != expected.shape:
            raise AssertionError(f"{what}: expected an array of shape {expected.shape}, got {_describe(actual)}")
        if not np.array_equal(got, expected):
            raise AssertionError(f"{what}: wrong values")
        return
    if isinstance(actual, RemoteObject) or type(actual) is not type(expected) and not (
            _is_number(actual) and _is_number(expected)):
        raise AssertionError(f"{what}: expected a {type(expected).__name__}, got {_describe(actual)}")
    if isinstance(expected, (list, tuple)):
        if len(actual) != len(expected):
            raise AssertionError(f"{what}: expected {len(expected)} items, got {len(actual)}")
        for index, (got, want) in enumerate(zip(actual, expected)):
            assert_equal(got, want, what=f"{what}[{index}]")
        return
    if isinstance(expected, Mapping):
        if set(actual) != set(expected):
            raise AssertionError(f"{what}: the keys differ from the expected ones")
        for key in expected:
            assert_equal(actual[key], expected[key], what=f"{what}[{key!r}]")
        return
    if actual != expected:
        raise AssertionError(f"{what}: wrong value")


def assert_raises(exception: str, function: Callable[..., Any], *args: Any, **kwargs: Any) -> StudentError:
    """Assert that calling the student's ``function`` raises ``exception`` (a class name, e.g. "ValueError").

    Subclasses count: a ``ZeroDivisionError`` satisfies ``"ArithmeticError"``.
    """
    try:
        function(*args, **kwargs)
    except StudentError as error:
        if exception not in error.exception_types:
            raise AssertionError(f"expected {exception}, but the code raised {error.exception_type}") from None
        return error
    raise AssertionError(f"expected {exception}, but no exception was raised")
