"""Hidden tests of multiple_choice and numeric_answers: one test per question, each with its own points.

The messages say only which question is wrong, never the expected letter or number: students may
resubmit, and the per-question results are shown after the deadline.
"""

import numpy as np

from autograder.testing import graded


def _answer(answers, number, function, label):
    assert isinstance(answers, dict), f"{function}() must return a dict {{question number: answer}}"
    given = answers.get(number, answers.get(str(number)))
    assert given is not None, f"question {label}: no answer given"
    return given


def _check_choice(student, reference, number):
    label = f"A{number}"
    given = _answer(student.multiple_choice(), number, "multiple_choice", label)
    letter = given.strip().lower() if isinstance(given, str) else None
    assert letter in ("a", "b", "c", "d"), f"question {label}: the answer must be one of the letters 'a'-'d'"
    assert letter == reference.multiple_choice()[number], f"question {label}: not the expected choice"


def _check_number(student, reference, number, rtol):
    label = f"B{number}"
    given = _answer(student.numeric_answers(), number, "numeric_answers", label)
    try:
        value = float(given)
    except (TypeError, ValueError):
        raise AssertionError(f"question {label}: the answer must be a number") from None
    assert np.isfinite(value), f"question {label}: the answer must be a finite number"
    expected = reference.numeric_answers()[number]
    assert abs(value - expected) <= rtol * abs(expected), f"question {label}: not within the stated tolerance"


# ---------------------------------------------------------------- Part A: multiple choice


@graded("multiple_choice", points=1)
def test_a1_bias_column(student, reference):
    _check_choice(student, reference, 1)


@graded("multiple_choice", points=1)
def test_a2_logistic_decision_boundary(student, reference):
    _check_choice(student, reference, 2)


@graded("multiple_choice", points=1)
def test_a3_likelihood_and_prior(student, reference):
    _check_choice(student, reference, 3)


@graded("multiple_choice", points=1)
def test_a4_normalising_inputs(student, reference):
    _check_choice(student, reference, 4)


@graded("multiple_choice", points=1)
def test_a5_equivariance_and_invariance(student, reference):
    _check_choice(student, reference, 5)


@graded("multiple_choice", points=1)
def test_a6_lstm_gates(student, reference):
    _check_choice(student, reference, 6)


@graded("multiple_choice", points=1)
def test_a7_honest_evaluation(student, reference):
    _check_choice(student, reference, 7)


@graded("multiple_choice", points=1)
def test_a8_tsne_perplexity(student, reference):
    _check_choice(student, reference, 8)


# ---------------------------------------------------------------- Part B: numeric answers


@graded("numeric_answers", points=1)
def test_b1_bars_in_series(student, reference):
    _check_number(student, reference, 1, rtol=1e-3)


@graded("numeric_answers", points=1)
def test_b2_crack_detector_posterior(student, reference):
    _check_number(student, reference, 2, rtol=1e-3)


@graded("numeric_answers", points=2)
def test_b3_largest_stable_learning_rate(student, reference):
    _check_number(student, reference, 3, rtol=1e-3)


@graded("numeric_answers", points=2)
def test_b4_condition_number_of_two_springs(student, reference):
    _check_number(student, reference, 4, rtol=1e-3)


@graded("numeric_answers", points=1)
def test_b5_softmax_probability(student, reference):
    _check_number(student, reference, 5, rtol=1e-3)


@graded("numeric_answers", points=1)
def test_b6_convolution_output_size(student, reference):
    _check_number(student, reference, 6, rtol=1e-12)
