"""Hidden tests of ``e_step``: responsibilities and log-likelihood by log-sum-exp."""

import numpy as np

from autograder.testing import assert_close, graded


def _mixture(rng, k, d, spread=3.0):
    weights = rng.dirichlet(np.full(k, 3.0))
    means = rng.normal(scale=spread, size=(k, d))
    covs = np.empty((k, d, d))
    for j in range(k):
        M = rng.normal(size=(d, d))
        covs[j] = M @ M.T / d + np.diag(rng.uniform(0.3, 1.5, size=d))
    return weights, means, covs


def _pair(result, what):
    assert isinstance(result, (tuple, list)) and len(result) == 2, f"{what}: expected a pair (resp, log_lik)"
    return result


@graded("e_step", points=2)
def test_e_step_matches_reference(student, reference, rng):
    for case in range(3):
        k, d = int(rng.integers(2, 5)), int(rng.integers(1, 4))
        weights, means, covs = _mixture(rng, k, d)
        X = rng.normal(scale=3.0, size=(int(rng.integers(5, 40)), d))
        resp, log_lik = _pair(student.e_step(X, weights, means, covs), f"case {case + 1}")
        expected_resp, expected_log_lik = reference.e_step(X, weights, means, covs)
        assert_close(resp, expected_resp, rtol=1e-8, atol=1e-12, what=f"case {case + 1}: the responsibilities")
        assert_close(log_lik, expected_log_lik, rtol=1e-10, atol=1e-9, what=f"case {case + 1}: the log-likelihood")


@graded("e_step", points=1)
def test_e_step_identical_components_and_far_points(student, reference, rng):
    # K copies of the same Gaussian: every responsibility row equals the weights, log L that of one Gaussian
    k, d = int(rng.integers(2, 5)), 2
    weights, means, covs = _mixture(rng, k, d)
    means[:] = means[0]
    covs[:] = covs[0]
    X = means[0] + rng.normal(size=(int(rng.integers(6, 15)), d))
    resp, log_lik = _pair(student.e_step(X, weights, means, covs), "identical components")
    assert_close(resp, np.tile(weights, (X.shape[0], 1)), rtol=1e-9, atol=1e-12,
                 what="identical components: the responsibilities")
    assert_close(log_lik, float(np.sum(reference.gaussian_logpdf(X, means[0], covs[0]))), rtol=1e-10, atol=1e-9,
                 what="identical components: the log-likelihood")
    # narrow components and points far from all of them: exp(log density) underflows to 0
    weights, means, covs = _mixture(rng, 3, d)
    covs *= 1e-3
    X = rng.normal(scale=200.0, size=(8, d))
    resp, log_lik = _pair(student.e_step(X, weights, means, covs), "far points")
    resp = np.asarray(resp, dtype=float)
    assert np.all(np.isfinite(resp)) and np.isfinite(log_lik), \
        "far points: the responsibilities or the log-likelihood are not finite (use log-sum-exp)"
    expected_resp, expected_log_lik = reference.e_step(X, weights, means, covs)
    assert_close(resp, expected_resp, rtol=1e-6, atol=1e-9, what="far points: the responsibilities")
    assert_close(log_lik, expected_log_lik, rtol=1e-10, what="far points: the log-likelihood")


@graded("e_step", points=1)
def test_e_step_two_populations_of_yield_strength(student, rng):
    # the lecture's two-component model in 1-D: gamma_i = pi phi_2 / ((1 - pi) phi_1 + pi phi_2)
    pi = rng.uniform(0.2, 0.8)
    mu = np.array([rng.uniform(250.0, 290.0), rng.uniform(340.0, 400.0)])  # yield strengths in MPa
    sd = rng.uniform(10.0, 30.0, size=2)
    y = rng.uniform(200.0, 450.0, size=12)
    phi = np.exp(-0.5 * ((y[:, None] - mu) / sd) ** 2) / (np.sqrt(2 * np.pi) * sd)
    gamma = pi * phi[:, 1] / ((1 - pi) * phi[:, 0] + pi * phi[:, 1])
    resp, log_lik = _pair(student.e_step(y[:, None], [1 - pi, pi], mu[:, None], (sd**2)[:, None, None]),
                          "two populations")
    assert_close(resp, np.column_stack([1 - gamma, gamma]), rtol=1e-9, atol=1e-12,
                 what="two populations: the responsibilities")
    assert_close(log_lik, float(np.sum(np.log((1 - pi) * phi[:, 0] + pi * phi[:, 1]))), rtol=1e-10,
                 what="two populations: the log-likelihood")
    # a component of weight 0 takes no responsibility and does not change log L
    resp, log_lik0 = _pair(student.e_step(y[:, None], [1 - pi, pi, 0.0], np.append(mu, 300.0)[:, None],
                                          np.append(sd**2, 15.0**2)[:, None, None]), "a component of weight 0")
    resp = np.asarray(resp, dtype=float)
    assert resp.shape == (12, 3), "a component of weight 0: the responsibilities must have shape (N, K)"
    assert np.all(np.abs(resp[:, 2]) <= 1e-12), "a component of weight 0 must have responsibility 0"
    assert_close(log_lik0, log_lik, rtol=1e-10, what="a component of weight 0: the log-likelihood")
