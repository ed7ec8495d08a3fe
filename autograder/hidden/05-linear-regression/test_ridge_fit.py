"""Hidden tests of ``ridge_fit``: ridge regression with an unpenalised intercept."""

import numpy as np

from autograder.testing import assert_close, assert_raises, graded


def _pair(result, what):
    assert isinstance(result, (tuple, list)) and len(result) == 2, f"{what}: expected a pair (w0, w)"
    w0, w = result
    assert np.ndim(w0) == 0, f"{what}: the intercept w0 must be a single number"
    return float(w0), np.asarray(w, dtype=float)


def _data(rng):
    n, p = int(rng.integers(12, 30)), int(rng.integers(2, 6))
    X = rng.normal(loc=rng.uniform(-2, 2, size=p), size=(n, p))
    y = X @ rng.normal(size=p) + rng.uniform(-3, 3) + 0.3 * rng.normal(size=n)
    return X, y


@graded("ridge_fit", points=1)
def test_ridge_fit_matches_reference(student, reference, rng):
    for case, lam in enumerate([0.0, 10 ** rng.uniform(-2, 0), 10 ** rng.uniform(0, 2)]):
        X, y = _data(rng)
        assert_close(student.ridge_fit(X, y, lam), reference.ridge_fit(X, y, lam), rtol=1e-8, atol=1e-10,
                     what=f"case {case + 1}: (w0, w)")


@graded("ridge_fit", points=1)
def test_ridge_fit_satisfies_the_optimality_conditions(student, rng):
    # polynomial features of a hardening curve, as in the notebook
    n = int(rng.integers(15, 25))
    x = np.sort(rng.uniform(0.0, 1.0, size=n))
    X = np.column_stack([x ** k for k in range(1, 8)])
    y = 250.0 + 120.0 * (1.0 - np.exp(-5.0 * x)) + rng.normal(scale=3.0, size=n)
    lam = 10 ** rng.uniform(-3, 1)
    w0, w = _pair(student.ridge_fit(X, y, lam), "hardening data")
    assert w.shape == (X.shape[1],), "w must have shape (p,)"
    residual = y - w0 - X @ w
    assert abs(residual.sum()) <= 1e-8 * np.abs(y).sum(), \
        "dJ/dw0 = 0 is violated: the intercept must not be penalised"
    assert np.allclose(X.T @ residual, lam * w, rtol=1e-6, atol=1e-8 * np.abs(y).sum()), \
        "dJ/dw = 0 is violated: X^T (y - w0 - X w) must equal lam * w"


@graded("ridge_fit", points=1)
def test_ridge_fit_shift_invariance_limits_and_invalid_input(student, rng):
    X, y = _data(rng)
    lam = 10 ** rng.uniform(-1, 1)
    w0, w = _pair(student.ridge_fit(X, y, lam), "original data")
    shift = rng.uniform(50.0, 100.0)
    w0_shifted, w_shifted = _pair(student.ridge_fit(X, y + shift, lam), "shifted data")
    assert np.isclose(w0_shifted, w0 + shift, rtol=1e-9, atol=1e-9) and np.allclose(w_shifted, w, rtol=1e-8,
                                                                                     atol=1e-10), \
        "shifting all y by a constant must shift only the intercept"
    w0_big, w_big = _pair(student.ridge_fit(X, y, 1e12), "huge lam")
    assert np.allclose(w_big, 0.0, atol=1e-8) and np.isclose(w0_big, y.mean(), rtol=1e-8), \
        "for a huge lam the weights must vanish and the intercept approach mean(y)"
    assert_raises("ValueError", student.ridge_fit, X, y, -1.0)
    assert_raises("ValueError", student.ridge_fit, X, y[:-1], lam)
