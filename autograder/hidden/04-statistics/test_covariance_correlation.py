"""Hidden tests of ``covariance_correlation``: sample covariance (ddof 1) and correlation matrices."""

import numpy as np

from autograder.testing import assert_close, assert_raises, graded


def _pair(result, what):
    assert isinstance(result, (tuple, list)) and len(result) == 2, f"{what}: expected a pair (C, R)"
    return np.asarray(result[0], dtype=float), np.asarray(result[1], dtype=float)


def _samples(rng, n, d):
    """Correlated samples with non-zero means and different scales."""
    mix = rng.normal(size=(d, d))
    return rng.normal(size=(n, d)) @ mix.T * rng.uniform(0.1, 5.0, size=d) + rng.uniform(-50, 50, size=d)


@graded("covariance_correlation", points=1)
def test_covariance_matches_reference(student, reference, rng):
    shapes = ((int(rng.integers(5, 40)), int(rng.integers(2, 6))), (int(rng.integers(3, 10)), 1),
              (int(rng.integers(20, 40)), 3))
    for case, (n, d) in enumerate(shapes):
        X = _samples(rng, n, d)
        C, _ = _pair(student.covariance_correlation(X), f"data set {case + 1}")
        assert_close(C, reference.covariance_correlation(X)[0], rtol=1e-8, atol=1e-12,
                     what=f"data set {case + 1}: the covariance matrix")


@graded("covariance_correlation", points=1)
def test_correlation_matches_reference_and_ignores_units(student, reference, rng):
    n, d = int(rng.integers(10, 40)), int(rng.integers(2, 5))
    X = _samples(rng, n, d)
    C, R = _pair(student.covariance_correlation(X), "random samples")
    assert_close(R, reference.covariance_correlation(X)[1], rtol=1e-8, atol=1e-12,
                 what="random samples: the correlation matrix")
    assert_close(np.diag(R), np.ones(d), rtol=1e-12, what="random samples: the diagonal of R")
    # a change of units and of the reference point (strain in %, stress in MPa) changes C but not R
    scale, shift = rng.uniform(0.01, 100.0, size=d), rng.uniform(-10.0, 10.0, size=d)
    C2, R2 = _pair(student.covariance_correlation(X * scale + shift), "rescaled samples")
    assert_close(C2, C * np.outer(scale, scale), rtol=1e-8, atol=1e-12, what="rescaled samples: the covariance")
    assert_close(R2, R, rtol=1e-8, atol=1e-12, what="rescaled samples: the correlation")
    # an exact linear relation y = a x + c has correlation sign(a)
    x = rng.normal(size=int(rng.integers(5, 20)))
    a = -rng.uniform(0.5, 3.0)
    _, R3 = _pair(student.covariance_correlation(np.column_stack([x, a * x + 1.0])), "a linear relation")
    assert_close(R3[0, 1], -1.0, rtol=1e-10, what="a linear relation with a negative slope: the correlation")


@graded("covariance_correlation", points=1)
def test_covariance_correlation_rejects_invalid_input(student, rng):
    assert_raises("ValueError", student.covariance_correlation, rng.normal(size=10))
    assert_raises("ValueError", student.covariance_correlation, rng.normal(size=(1, 3)))
    X = rng.normal(size=(8, 3))
    X[:, 1] = 3.0                                # a constant variable
    assert_raises("ValueError", student.covariance_correlation, X)
