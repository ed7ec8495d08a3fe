"""Hidden tests of ``poly_ridge_cv_error``: random data, analytic limits, unequal folds, errors."""

import numpy as np

from autograder.testing import assert_close, assert_raises, graded


def _tensile_like(rng, n):
    """Scaled strains in [-1, 1] and a saturating stress-like response with noise."""
    x = rng.uniform(-1.0, 1.0, size=n)
    y = rng.uniform(100, 300) * np.tanh(rng.uniform(1.0, 4.0) * (x + 1.0)) + rng.normal(scale=10.0, size=n)
    return x, y


@graded("poly_ridge_cv_error", points=2)
def test_cv_error_matches_reference_on_random_data(student, reference, rng):
    for case in range(4):
        k = int(rng.integers(3, 7))
        n = k * int(rng.integers(4, 8)) + int(rng.integers(1, k))   # folds of unequal size
        x, y = _tensile_like(rng, n)
        folds = reference.k_fold_indices(n, k, int(rng.integers(0, 2**31)))
        degree = int(rng.integers(0, 7))
        lam = 0.0 if case == 0 else float(10.0 ** rng.uniform(-4.0, 1.0))
        if case == 0:
            degree = int(rng.integers(1, 3))
        assert_close(student.poly_ridge_cv_error(x, y, degree, lam, folds),
                     reference.poly_ridge_cv_error(x, y, degree, lam, folds),
                     rtol=1e-6, atol=1e-10, what=f"CV error, case {case + 1}")


@graded("poly_ridge_cv_error", points=1)
def test_cv_error_analytic_limits(student, reference, rng):
    n, k = 17, 4
    x = rng.uniform(-1.0, 1.0, size=n)
    folds = reference.k_fold_indices(n, k, int(rng.integers(0, 2**31)))
    # noise-free polynomial data and the same degree without penalty: exact predictions
    degree = int(rng.integers(2, 5))
    y_poly = (x[:, None] ** np.arange(degree + 1)) @ rng.uniform(-3.0, 3.0, size=degree + 1)
    value = student.poly_ridge_cv_error(x, y_poly, degree, 0.0, folds)
    assert float(value) <= 1e-12 * np.mean(y_poly ** 2), (
        "noise-free polynomial data fitted with the same degree and lam = 0 must give a vanishing CV error")
    # degree 0 (any lambda) and a huge lambda: the prediction is the mean of the training responses
    y = rng.uniform(50.0, 150.0) + rng.normal(scale=5.0, size=n)
    mean_predictor = np.mean([np.mean((y[val] - y[train].mean()) ** 2) for train, val in folds])
    assert_close(student.poly_ridge_cv_error(x, y, 0, float(rng.uniform(1.0, 100.0)), folds), mean_predictor,
                 rtol=1e-9, what="degree 0: each fold must predict the mean of its training responses "
                 "(the intercept is not penalised), and the fold errors are averaged")
    assert_close(student.poly_ridge_cv_error(x, y, 3, 1e10, folds), mean_predictor, rtol=1e-4,
                 what="a huge lambda leaves only the unpenalised intercept")


@graded("poly_ridge_cv_error", points=1)
def test_cv_error_weights_folds_equally_and_rejects_bad_input(student, reference, rng):
    x, y = _tensile_like(rng, 24)
    order = rng.permutation(24)
    # hand-made folds of very different sizes: the fold errors are averaged, not the residuals pooled
    folds = [(np.sort(order[2:]), np.sort(order[:2])), (np.sort(order[:14]), np.sort(order[14:]))]
    assert_close(student.poly_ridge_cv_error(x, y, 2, 0.5, folds),
                 reference.poly_ridge_cv_error(x, y, 2, 0.5, folds),
                 rtol=1e-6, atol=1e-10, what="folds of very different sizes")
    hold_out = [(np.arange(16), np.arange(16, 24))]
    assert_close(student.poly_ridge_cv_error(x, y, 3, 0.01, hold_out),
                 reference.poly_ridge_cv_error(x, y, 3, 0.01, hold_out),
                 rtol=1e-6, atol=1e-10, what="a single hold-out fold")
    assert_raises("ValueError", student.poly_ridge_cv_error, x, y, -1, 0.1, hold_out)
    assert_raises("ValueError", student.poly_ridge_cv_error, x, y, 2, -0.1, hold_out)
    assert_raises("ValueError", student.poly_ridge_cv_error, x, y, 2, 0.1, [])
    assert_raises("ValueError", student.poly_ridge_cv_error, x, y[:-1], 2, 0.1, hold_out)
