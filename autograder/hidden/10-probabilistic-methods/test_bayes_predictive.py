"""Hidden tests of ``bayes_predictive``: predictive mean phi^T m and variance sigma2 + phi^T S phi."""

import numpy as np

from autograder.testing import assert_close, assert_raises, graded


def _spd(rng, d):
    M = rng.normal(size=(d, d))
    return (M @ M.T + 0.1 * np.eye(d)) * rng.uniform(0.05, 1.0)


def _pair(result, what):
    assert isinstance(result, (tuple, list)) and len(result) == 2, f"{what}: expected a pair (mean, var)"
    return np.asarray(result[0], dtype=float), np.asarray(result[1], dtype=float)


@graded("bayes_predictive", points=2)
def test_bayes_predictive_matches_reference(student, reference, rng):
    for case, sigma2 in enumerate([float(rng.uniform(0.01, 0.3)), float(rng.uniform(2.0, 5.0)), 0.0]):
        d, M = int(rng.integers(1, 5)), int(rng.integers(1, 30))
        Phi_star, m, S = rng.normal(size=(M, d)), rng.normal(size=d), _spd(rng, d)
        assert_close(student.bayes_predictive(Phi_star, m, S, sigma2),
                     reference.bayes_predictive(Phi_star, m, S, sigma2),
                     rtol=1e-9, atol=1e-12, what=f"case {case + 1}: (mean, var)")


@graded("bayes_predictive", points=1)
def test_bayes_predictive_spring_properties(student, rng):
    u = np.linspace(-1.5, 1.5, 31)
    Phi_star = np.column_stack([u, u**3])
    m, S, sigma2 = np.array([1.0, 0.6]) + 0.1 * rng.normal(size=2), _spd(rng, 2), float(rng.uniform(0.02, 0.1))
    mean, var = _pair(student.bayes_predictive(Phi_star, m, S, sigma2), "the spring")
    assert mean.shape == (31,) and var.shape == (31,), "the spring: expected means and variances of shape (M,)"
    assert_close(mean, Phi_star @ m, rtol=1e-10, atol=1e-12, what="the spring: the predictive mean")
    assert np.all(var >= sigma2 * (1 - 1e-12)), "the spring: a predictive variance is below the noise variance"
    assert_close(var[15], sigma2, rtol=1e-10, what="the spring: the variance at u = 0")
    # without weight uncertainty only the measurement noise remains
    _, var0 = _pair(student.bayes_predictive(Phi_star, m, np.zeros((2, 2)), sigma2), "known weights")
    assert_close(var0, np.full(31, sigma2), rtol=1e-12, what="known weights: the predictive variance")
    assert_raises("ValueError", student.bayes_predictive, Phi_star, m, S, -0.1)
