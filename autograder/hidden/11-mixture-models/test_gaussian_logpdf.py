"""Hidden tests of ``gaussian_logpdf``: the log-density of a multivariate Gaussian via Cholesky."""

import numpy as np

from autograder.testing import assert_close, assert_raises, graded


def _spd(rng, d, scale=1.0):
    """A random, well-conditioned symmetric positive definite matrix."""
    M = rng.normal(size=(d, d))
    return scale * (M @ M.T / d + np.diag(rng.uniform(0.5, 1.5, size=d)))


@graded("gaussian_logpdf", points=2)
def test_gaussian_logpdf_matches_reference_and_is_stable_in_many_dimensions(student, reference, rng):
    for case in range(4):
        d = int(rng.integers(2, 6))
        n = int(rng.integers(1, 12))
        mean = rng.normal(scale=3.0, size=d)
        cov = _spd(rng, d, scale=rng.uniform(0.2, 5.0))
        X = mean + rng.normal(scale=2.0, size=(n, d))
        assert_close(student.gaussian_logpdf(X, mean, cov), reference.gaussian_logpdf(X, mean, cov),
                     rtol=1e-9, atol=1e-9, what=f"case {case + 1}: the log-densities")
    # the determinant of these covariances under- or overflows a float64; the log-density does not
    for scale in (1e-12, 1e12):
        d = int(rng.integers(40, 60))
        cov = _spd(rng, d, scale=scale)
        mean = rng.normal(size=d) * np.sqrt(scale)
        X = mean + rng.normal(size=(5, d)) @ np.linalg.cholesky(cov).T
        got = np.asarray(student.gaussian_logpdf(X, mean, cov), dtype=float)
        assert np.all(np.isfinite(got)), "the log-density is not finite for a covariance whose determinant " \
                                         "under- or overflows: avoid det(Sigma)"
        assert_close(got, reference.gaussian_logpdf(X, mean, cov), rtol=1e-9, atol=1e-8,
                     what="the log-densities in many dimensions")


@graded("gaussian_logpdf", points=1)
def test_gaussian_logpdf_one_dimension_and_errors(student, rng):
    # D = 1 is the familiar -1/2 log(2 pi s^2) - (x - mu)^2 / (2 s^2); a product of 1-D densities for diagonal cov
    mu, s = rng.normal(scale=100.0), rng.uniform(5.0, 30.0)
    x = mu + rng.normal(scale=2 * s, size=6)
    got = student.gaussian_logpdf(x[:, None], [mu], [[s**2]])
    assert_close(got, -0.5 * np.log(2 * np.pi * s**2) - (x - mu) ** 2 / (2 * s**2), rtol=1e-10, atol=1e-10,
                 what="the 1-D log-densities")
    d = 3
    mean, var = rng.normal(size=d), rng.uniform(0.1, 4.0, size=d)
    X = rng.normal(size=(4, d))
    expected = np.sum(-0.5 * np.log(2 * np.pi * var) - (X - mean) ** 2 / (2 * var), axis=1)
    assert_close(student.gaussian_logpdf(X, mean, np.diag(var)), expected, rtol=1e-10, atol=1e-10,
                 what="the log-densities for a diagonal covariance")
    # not positive definite, wrong shapes
    Q, _ = np.linalg.qr(rng.normal(size=(d, d)))
    indefinite = Q @ np.diag([2.0, -1.0, -0.5]) @ Q.T
    assert_raises("ValueError", student.gaussian_logpdf, X, mean, indefinite)
    assert_raises("ValueError", student.gaussian_logpdf, X, mean, -np.eye(d))
    assert_raises("ValueError", student.gaussian_logpdf, X, rng.normal(size=d + 1), np.eye(d))
    assert_raises("ValueError", student.gaussian_logpdf, X[0], mean, np.eye(d))
