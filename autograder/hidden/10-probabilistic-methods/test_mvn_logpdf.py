"""Hidden tests of ``mvn_logpdf``: the multivariate normal log-density, finite far from the mean."""

import math

import numpy as np

from autograder.testing import assert_close, assert_raises, graded


def _spd(rng, d):
    M = rng.normal(size=(d, d))
    return (M @ M.T + 0.3 * np.eye(d)) * rng.uniform(0.2, 5.0)


def _direct(X, mu, Sigma):
    """The textbook formula, written independently of the reference."""
    d = len(mu)
    diff = X - mu
    quad = np.einsum("ni,ij,nj->n", diff, np.linalg.inv(Sigma), diff)
    return -0.5 * quad - 0.5 * np.log(np.linalg.det(Sigma)) - 0.5 * d * np.log(2 * np.pi)


@graded("mvn_logpdf", points=2)
def test_mvn_logpdf_matches_reference(student, reference, rng):
    for d in (1, 2, int(rng.integers(3, 6))):
        mu, Sigma = rng.normal(size=d), _spd(rng, d)
        X = mu + rng.normal(size=(6, d)) * 2.0
        got = student.mvn_logpdf(X, mu, Sigma)
        assert_close(got, reference.mvn_logpdf(X, mu, Sigma), rtol=1e-8, atol=1e-8,
                     what=f"dimension {d}: the log-densities")
        assert_close(got, _direct(X, mu, Sigma), rtol=1e-7, atol=1e-7, what=f"dimension {d}: the log-densities")
    # one dimension: the familiar normal density
    m, s = rng.normal(), rng.uniform(0.5, 2.0)
    x = rng.normal(size=(4, 1))
    expected = -0.5 * ((x[:, 0] - m) / s) ** 2 - math.log(s * math.sqrt(2 * math.pi))
    assert_close(student.mvn_logpdf(x, [m], [[s * s]]), expected, rtol=1e-9, atol=1e-10,
                 what="dimension 1: the normal log-density")


@graded("mvn_logpdf", points=1)
def test_mvn_logpdf_far_points_and_errors(student, reference, rng):
    d = 3
    mu, Sigma = rng.normal(size=d), _spd(rng, d)
    L = np.linalg.cholesky(Sigma)
    directions = rng.normal(size=(4, d))
    directions /= np.linalg.norm(directions, axis=1, keepdims=True)
    X = mu + rng.uniform(40.0, 60.0, size=(4, 1)) * directions @ L.T     # 40 to 60 standard deviations out
    got = np.asarray(student.mvn_logpdf(X, mu, Sigma), dtype=float)
    assert np.all(np.isfinite(got)), "points far from the mean: the log-density must stay finite"
    assert_close(got, reference.mvn_logpdf(X, mu, Sigma), rtol=1e-8, atol=1e-8,
                 what="points far from the mean: the log-densities")
    indefinite = np.array([[1.0, 2.0], [2.0, 1.0]])
    assert_raises("ValueError", student.mvn_logpdf, np.zeros((2, 2)), np.zeros(2), indefinite)
    assert_raises("ValueError", student.mvn_logpdf, np.zeros((2, 3)), np.zeros(2), np.eye(2))
