"""Hidden tests of ``logistic_loss_grad``: mean binary cross-entropy from the logits, and its gradient."""

import numpy as np

from autograder.testing import assert_close, assert_raises, graded


def _bars(rng, n):
    """Design matrix [1, ln F, ln A] of bars and yield labels with a scattered yield strength."""
    log_force, log_area = rng.uniform(-1.0, 1.0, n), rng.uniform(-1.0, 1.0, n)
    X = np.column_stack([np.ones(n), log_force, log_area])
    y = (log_force - log_area > rng.normal(scale=0.1, size=n)).astype(float)
    return X, y


def _check(student, reference, w, X, y, what, rtol=1e-9, atol=1e-12):
    result = student.logistic_loss_grad(w, X, y)
    assert isinstance(result, (tuple, list)) and len(result) == 2, f"{what}: expected a pair (J, grad)"
    expected_J, expected_grad = reference.logistic_loss_grad(w, X, y)
    assert_close(result[0], expected_J, rtol=rtol, atol=atol, what=f"{what}: J")
    assert_close(result[1], expected_grad, rtol=rtol, atol=atol, what=f"{what}: the gradient")
    return result


@graded("logistic_loss_grad", points=1)
def test_logistic_loss_grad_matches_reference(student, reference, rng):
    for case in range(3):
        n, p = int(rng.integers(1, 30)), int(rng.integers(1, 5))
        X = rng.normal(size=(n, p))
        w = rng.normal(scale=1.5, size=p)
        y = rng.integers(0, 2, size=n).astype(float)
        _check(student, reference, w, X, y, f"random case {case + 1}")
    X, y = _bars(rng, int(rng.integers(20, 60)))
    _check(student, reference, rng.normal(scale=3.0, size=3), X, y, "bars")
    # soft labels (probabilities)
    _check(student, reference, rng.normal(size=3), X, rng.uniform(0.0, 1.0, size=y.size), "soft labels")


@graded("logistic_loss_grad", points=1)
def test_logistic_loss_grad_is_the_bernoulli_likelihood_and_its_derivative(student, rng):
    X, y = _bars(rng, int(rng.integers(15, 40)))
    for case in range(2):
        w = rng.normal(scale=2.0, size=3)
        J, grad = student.logistic_loss_grad(w, X, y)
        p = 1.0 / (1.0 + np.exp(-X @ w))
        log_likelihood = np.sum(np.log(np.where(y == 1.0, p, 1.0 - p)))
        assert np.isclose(J, -log_likelihood / y.size, rtol=1e-9, atol=1e-12), \
            "J is not the negative log-likelihood of the Bernoulli labels divided by N"
        h = 1e-6
        numeric = np.array([(student.logistic_loss_grad(w + h * e, X, y)[0]
                             - student.logistic_loss_grad(w - h * e, X, y)[0]) / (2 * h) for e in np.eye(3)])
        assert_close(grad, numeric, rtol=1e-5, atol=1e-8,
                     what=f"case {case + 1}: the gradient compared with central differences of your J")


@graded("logistic_loss_grad", points=1)
def test_logistic_loss_grad_is_exact_for_huge_logits(student, reference, rng):
    X, y = _bars(rng, int(rng.integers(20, 40)))
    # a sharp model: logits of several hundred, with some confidently wrong samples
    w = np.array([0.0, 1.0, -1.0]) * rng.uniform(300.0, 600.0)
    y_wrong = y.copy()
    flipped = rng.choice(y.size, size=3, replace=False)
    y_wrong[flipped] = 1.0 - y_wrong[flipped]
    J, _ = _check(student, reference, w, X, y_wrong, "huge logits, some samples wrong", rtol=1e-9, atol=1e-9)
    assert np.isfinite(J), "J must be finite for huge logits"
    _check(student, reference, -w, X, y, "huge logits, all samples wrong", rtol=1e-9, atol=1e-9)
    _check(student, reference, np.array([rng.uniform(750.0, 1000.0)]), np.ones((2, 1)), np.array([1.0, 0.0]),
           "logits near 1000")


@graded("logistic_loss_grad", points=1)
def test_logistic_loss_grad_rejects_invalid_arguments(student, rng):
    X, y = _bars(rng, 10)
    w = rng.normal(size=3)
    assert_raises("ValueError", student.logistic_loss_grad, w[:2], X, y)
    assert_raises("ValueError", student.logistic_loss_grad, w, X, y[:-1])
    assert_raises("ValueError", student.logistic_loss_grad, w, X[0], y)
    bad = y.copy()
    bad[int(rng.integers(0, 10))] = rng.choice([-1.0, 2.0])
    assert_raises("ValueError", student.logistic_loss_grad, w, X, bad)
