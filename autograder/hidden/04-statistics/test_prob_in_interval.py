"""Hidden tests of ``prob_in_interval``: P(lo < X < hi) for X ~ N(mu, sigma^2) with math.erf."""

import math

import numpy as np

from autograder.testing import assert_close, assert_raises, graded


@graded("prob_in_interval", points=1)
def test_prob_in_interval_matches_reference(student, reference, rng):
    cases = [(1.0, 0.2, 0.95, 1.05)]
    for _ in range(4):
        mu, sigma = rng.uniform(-2.0, 2.0), rng.uniform(0.02, 0.6)
        lo = mu + sigma * rng.uniform(-3.0, 1.0)
        cases.append((mu, sigma, lo, lo + sigma * rng.uniform(0.1, 3.0)))
    for case, args in enumerate(cases):
        assert_close(student.prob_in_interval(*args), reference.prob_in_interval(*args), rtol=1e-9, atol=1e-12,
                     what=f"interval {case + 1}: the probability")


@graded("prob_in_interval", points=1)
def test_prob_in_interval_sigma_rules_and_complements(student, rng):
    mu, sigma = rng.uniform(0.9, 1.1), rng.uniform(0.005, 0.3)
    for k, expected in ((1, 0.6826894921370859), (2, 0.9544997361036416), (3, 0.9973002039367398)):
        assert_close(student.prob_in_interval(mu, sigma, mu - k * sigma, mu + k * sigma), expected, rtol=1e-9,
                     what=f"the {k}-sigma rule")
    a, b = mu - rng.uniform(0.1, 2.0) * sigma, mu + rng.uniform(-0.05, 2.0) * sigma
    parts = [student.prob_in_interval(mu, sigma, -math.inf, a), student.prob_in_interval(mu, sigma, a, b),
             student.prob_in_interval(mu, sigma, b, math.inf)]
    assert_close(float(np.sum(parts)), 1.0, rtol=1e-10, what="three intervals that cover the real line")
    assert_close(student.prob_in_interval(mu, sigma, -math.inf, math.inf), 1.0, rtol=1e-12,
                 what="the whole real line")


@graded("prob_in_interval", points=1)
def test_prob_in_interval_edge_cases(student, rng):
    mu, sigma = rng.uniform(-1.0, 1.0), rng.uniform(0.1, 1.0)
    assert_close(student.prob_in_interval(mu, sigma, mu + 0.3, mu + 0.3), 0.0, atol=1e-15, what="an empty interval")
    assert_raises("ValueError", student.prob_in_interval, mu, 0.0, mu - 1.0, mu + 1.0)
    assert_raises("ValueError", student.prob_in_interval, mu, -sigma, mu - 1.0, mu + 1.0)
    assert_raises("ValueError", student.prob_in_interval, mu, sigma, mu + 1.0, mu - 1.0)
