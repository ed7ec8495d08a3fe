"""Hidden tests of ``numeric_answers``: one test per question, with the tolerance the notebook states.

The messages never show the expected value: the quiz can be resubmitted until the deadline.
"""

import math

import numpy as np

from autograder.testing import graded

# absolute tolerances, as stated in the questions (in the unit each question asks for)
TOLERANCE = {11: 1e-3, 12: 0.1, 13: 1e-3, 14: 0.01}
TOPICS = {11: "KL divergence of two Gaussians", 12: "memory of a batch", 13: "discounted return",
          14: "midspan deflection"}


def _as_float(value):
    """``value`` as a float if it is a real number (a 0-d array included), else None."""
    if isinstance(value, (bool, np.bool_, str, bytes)):
        return None
    try:
        array = np.asarray(value)
        if array.ndim != 0 or not np.issubdtype(array.dtype, np.number) or np.iscomplexobj(array):
            return None
        return float(array)
    except (TypeError, ValueError):
        return None


def _check(student, reference, number):
    answers = student.numeric_answers()
    assert isinstance(answers, dict), "numeric_answers() must return a dict {question number: value}"
    given = answers.get(number, answers.get(str(number)))
    label = f"question {number} ({TOPICS[number]})"
    assert given is not None, f"{label}: no answer"
    value = _as_float(given)
    assert value is not None and math.isfinite(value), f"{label}: the answer must be a finite number"
    expected = reference.numeric_answers()[number]
    assert abs(value - expected) <= TOLERANCE[number], \
        f"{label}: not within the stated tolerance of the expected value"


@graded("numeric_answers", points=2)
def test_question_11(student, reference):
    _check(student, reference, 11)


@graded("numeric_answers", points=1)
def test_question_12(student, reference):
    _check(student, reference, 12)


@graded("numeric_answers", points=1)
def test_question_13(student, reference):
    _check(student, reference, 13)


@graded("numeric_answers", points=2)
def test_question_14(student, reference):
    _check(student, reference, 14)
