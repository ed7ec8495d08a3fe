"""Hidden tests of ``bayes_linreg``: the Gaussian posterior of the weights, ridge as MAP, batch updates."""

import numpy as np

from autograder.testing import assert_close, assert_raises, graded


def _spd(rng, d):
    M = rng.normal(size=(d, d))
    return (M @ M.T + 0.5 * np.eye(d)) * rng.uniform(0.2, 2.0)


def _pair(result, what):
    assert isinstance(result, (tuple, list)) and len(result) == 2, f"{what}: expected a pair (m, S)"
    return np.asarray(result[0], dtype=float), np.asarray(result[1], dtype=float)


def _spring(rng, n):
    """Force-displacement data of a hardening spring F = k1 u + k3 u^3 + noise; features [u, u^3]."""
    u = rng.uniform(-1.0, 1.0, size=n)
    Phi = np.column_stack([u, u**3])
    return Phi, Phi @ np.array([rng.uniform(0.5, 2.0), rng.uniform(0.2, 1.5)]) + 0.2 * rng.normal(size=n)


@graded("bayes_linreg", points=2)
def test_bayes_linreg_matches_reference(student, reference, rng):
    for case in range(3):
        d, n = int(rng.integers(2, 5)), int(rng.integers(3, 15))
        Phi, y = rng.normal(size=(n, d)), rng.normal(size=n) * 2.0
        sigma2, m0, S0 = float(rng.uniform(0.02, 0.5)), rng.normal(size=d), _spd(rng, d)
        assert_close(student.bayes_linreg(Phi, y, sigma2, m0, S0), reference.bayes_linreg(Phi, y, sigma2, m0, S0),
                     rtol=1e-7, atol=1e-10, what=f"problem {case + 1}: (m, S)")


@graded("bayes_linreg", points=1)
def test_bayes_linreg_ridge_and_batches(student, rng):
    Phi, y = _spring(rng, 20)
    sigma2, alpha2 = 0.04, 0.5
    m, S = _pair(student.bayes_linreg(Phi, y, sigma2, np.zeros(2), alpha2 * np.eye(2)), "the spring")
    ridge = np.linalg.solve(Phi.T @ Phi + sigma2 / alpha2 * np.eye(2), Phi.T @ y)
    assert_close(m, ridge, rtol=1e-8, atol=1e-10, what="the spring: m against ridge with lambda = sigma2/alpha2")
    assert_close(S @ (Phi.T @ Phi / sigma2 + np.eye(2) / alpha2), np.eye(2), rtol=1e-7, atol=1e-8,
                 what="the spring: S times the posterior precision")
    # four batches, each posterior the prior of the next, equal one batch
    mb, Sb = np.zeros(2), alpha2 * np.eye(2)
    for part in np.array_split(np.arange(20), 4):
        mb, Sb = _pair(student.bayes_linreg(Phi[part], y[part], sigma2, mb, Sb), "batch update")
    assert_close(mb, m, rtol=1e-7, atol=1e-9, what="four batches against one: the mean")
    assert_close(Sb, S, rtol=1e-7, atol=1e-10, what="four batches against one: the covariance")


@graded("bayes_linreg", points=1)
def test_bayes_linreg_without_data_and_errors(student, rng):
    m0, S0 = rng.normal(size=3), _spd(rng, 3)
    m, S = _pair(student.bayes_linreg(np.zeros((0, 3)), np.zeros(0), 0.1, m0, S0), "no data")
    assert_close(m, m0, rtol=1e-9, atol=1e-10, what="no data: the posterior mean")
    assert_close(S, S0, rtol=1e-9, atol=1e-10, what="no data: the posterior covariance")
    Phi, y = _spring(rng, 5)
    assert_raises("ValueError", student.bayes_linreg, Phi, y, 0.0, np.zeros(2), np.eye(2))
    assert_raises("ValueError", student.bayes_linreg, Phi, y[:4], 0.1, np.zeros(2), np.eye(2))
