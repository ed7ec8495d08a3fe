"""Hidden tests of ``posterior``: Bayes' rule P(class | obs) for every observation."""

import numpy as np

from autograder.testing import assert_close, assert_raises, graded


def _problem(rng, k, m):
    prior = rng.dirichlet(np.ones(k))
    likelihood = rng.dirichlet(np.ones(m), size=k)
    return prior, likelihood


@graded("posterior", points=2)
def test_posterior_matches_reference(student, reference, rng):
    for case in range(4):
        k, m = int(rng.integers(2, 6)), int(rng.integers(2, 7))
        prior, likelihood = _problem(rng, k, m)
        assert_close(student.posterior(prior, likelihood), reference.posterior(prior, likelihood),
                     rtol=1e-9, atol=1e-14, what=f"problem {case + 1}: the posterior")


@graded("posterior", points=1)
def test_posterior_engine_test_and_chain_rule(student, rng):
    # an engine test: damaged with a small prior, sensitivity s, false-positive rate f
    p_damaged, s, f = rng.uniform(0.001, 0.02), rng.uniform(0.9, 0.999), rng.uniform(0.005, 0.05)
    prior = np.array([p_damaged, 1.0 - p_damaged])
    likelihood = np.array([[s, 1.0 - s], [f, 1.0 - f]])
    post = np.asarray(student.posterior(prior, likelihood), dtype=float)
    assert post.shape == (2, 2), "the engine test: expected shape (2, 2)"
    expected = s * p_damaged / (s * p_damaged + f * (1.0 - p_damaged))
    assert_close(post[0, 0], expected, rtol=1e-10, what="the engine test: P(damaged | positive)")
    assert_close(post.sum(axis=0), np.ones(2), rtol=1e-12, what="the engine test: the column sums")
    # testing twice, independently given the state: updating after the first positive result and
    # using that posterior as the new prior equals one update with the product of the likelihoods
    after_one = post[:, 0] / post[:, 0].sum()
    twice = np.asarray(student.posterior(after_one, likelihood), dtype=float)[:, 0]
    both = np.array([[s * s, 1 - s * s], [f * f, 1 - f * f]])
    direct = both[:, 0] * prior / np.sum(both[:, 0] * prior)
    assert_close(twice, direct, rtol=1e-9, what="two positive tests in a row: P(state | +, +)")


@graded("posterior", points=1)
def test_posterior_zero_evidence_and_invalid_input(student, rng):
    k, m = 3, 4
    prior, likelihood = _problem(rng, k, m)
    likelihood[:, 2] = 0.0                       # observation 2 never occurs
    likelihood /= likelihood.sum(axis=1, keepdims=True)
    post = np.asarray(student.posterior(prior, likelihood), dtype=float)
    assert post.shape == (k, m), "expected one column per observation"
    assert np.all(np.isfinite(post)), "an observation with zero evidence must not give nan or inf"
    assert_close(post[:, 2], prior, rtol=1e-12, what="the column of an observation with zero evidence")
    assert_close(post.sum(axis=0), np.ones(m), rtol=1e-10, what="the column sums")
    assert_raises("ValueError", student.posterior, prior * 0.9, likelihood)
    assert_raises("ValueError", student.posterior, prior, likelihood.T)
    assert_raises("ValueError", student.posterior, prior[:2] / prior[:2].sum(), likelihood)
    square = rng.dirichlet(np.ones(3), size=3)
    square[:, 0] += 0.5                          # transposed: now the columns would sum to 1, not the rows
    square /= square.sum(axis=0)
    assert_raises("ValueError", student.posterior, prior, square)
