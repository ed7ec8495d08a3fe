"""Hidden tests of ``fit_least_squares``: accurate least squares without the normal equations."""

import numpy as np

from autograder.testing import assert_close, assert_raises, graded


def _with_condition_number(rng, n_rows, n_cols, condition):
    """A random n_rows x n_cols matrix whose singular values run from 1 down to 1 / condition."""
    U, _ = np.linalg.qr(rng.normal(size=(n_rows, n_cols)))
    V, _ = np.linalg.qr(rng.normal(size=(n_cols, n_cols)))
    return U @ np.diag(np.logspace(0.0, -np.log10(condition), n_cols)) @ V.T


@graded("fit_least_squares", points=1)
def test_fit_least_squares_matches_reference_and_leaves_orthogonal_residuals(student, reference, rng):
    for case in range(3):
        n_rows = int(rng.integers(6, 30))
        n_cols = int(rng.integers(1, 6))
        X = rng.normal(size=(n_rows, n_cols))
        X[:, 0] = 1.0  # an intercept column
        y = rng.normal(size=n_rows)
        w = student.fit_least_squares(X, y)
        assert_close(w, reference.fit_least_squares(X, y), rtol=1e-8, atol=1e-10,
                     what=f"data set {case + 1}: the weights")
        residual = y - X @ np.asarray(w, dtype=float)
        assert np.allclose(X.T @ residual, 0.0, atol=1e-9 * np.linalg.norm(y) * np.linalg.norm(X)), \
            f"data set {case + 1}: the residual is not orthogonal to the columns of X"


@graded("fit_least_squares", points=1)
def test_fit_least_squares_is_accurate_for_an_ill_conditioned_design_matrix(student, rng):
    # cond(X) = 1e8: an orthogonal factorization keeps about 8 digits, the normal equations
    # (cond(X^T X) = 1e16) keep none
    X = _with_condition_number(rng, int(rng.integers(30, 50)), int(rng.integers(5, 8)), 1e8)
    w_true = rng.uniform(1.0, 2.0, size=X.shape[1]) * rng.choice([-1.0, 1.0], size=X.shape[1])
    w = np.asarray(student.fit_least_squares(X, X @ w_true), dtype=float)
    assert w.shape == w_true.shape, "the weights must have shape (p,)"
    assert np.allclose(w, w_true, rtol=0, atol=1e-5 * np.linalg.norm(w_true)), \
        "an ill-conditioned but consistent system is not solved accurately (do not form X^T X)"


@graded("fit_least_squares", points=1)
def test_fit_least_squares_minimum_norm_and_invalid_input(student, rng):
    # a strain measured twice (two identical columns): the two weights share the slope equally
    n_rows = int(rng.integers(8, 20))
    strain = rng.uniform(0.0, 1e-3, size=n_rows)
    X = np.column_stack([np.ones(n_rows), strain * 1e3, strain * 1e3])
    y = 0.2 + 3.0 * strain * 1e3 + 0.01 * rng.normal(size=n_rows)
    assert_close(student.fit_least_squares(X, y), np.linalg.pinv(X) @ y, rtol=1e-7, atol=1e-9,
                 what="two identical columns: the minimum-norm weights")
    # fewer samples than weights
    X = rng.normal(size=(3, 6))
    y = rng.normal(size=3)
    assert_close(student.fit_least_squares(X, y), np.linalg.pinv(X) @ y, rtol=1e-7, atol=1e-9,
                 what="N < p: the minimum-norm weights")
    assert_raises("ValueError", student.fit_least_squares, rng.normal(size=(5, 2)), rng.normal(size=4))
    assert_raises("ValueError", student.fit_least_squares, rng.normal(size=5), rng.normal(size=5))
