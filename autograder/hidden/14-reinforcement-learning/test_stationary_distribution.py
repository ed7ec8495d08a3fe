"""Hidden tests of ``stationary_distribution``: column convention, periodic and slow chains, checks."""

import numpy as np

from autograder.testing import assert_close, assert_raises, graded


def _column_stochastic(rng, n):
    return rng.dirichlet(np.full(n, 0.7), size=n).T      # column j: where state j goes


@graded("stationary_distribution", points=1)
def test_stationary_distribution_of_random_chains(student, reference, rng):
    for n in (2, int(rng.integers(3, 6)), int(rng.integers(6, 10))):
        P = _column_stochastic(rng, n)
        pi = student.stationary_distribution(P)
        assert_close(pi, reference.stationary_distribution(P), rtol=0.0, atol=1e-9,
                     what=f"stationary distribution of a {n}-state chain")
        pi = np.asarray(pi, dtype=float)
        assert np.max(np.abs(P @ pi - pi)) < 1e-9, "P pi = pi does not hold"


@graded("stationary_distribution", points=1)
def test_stationary_distribution_of_periodic_and_slow_chains(student, reference, rng):
    # a cycle through all n states in a random order: periodic, uniform stationary distribution
    n = int(rng.integers(3, 7))
    order = rng.permutation(n)
    cycle = np.zeros((n, n))
    cycle[order[(np.arange(n) + 1) % n], order] = 1.0
    assert_close(student.stationary_distribution(cycle), np.full(n, 1.0 / n), rtol=0.0, atol=1e-9,
                 what="stationary distribution of a periodic chain")
    # two groups of states that rarely exchange: the distribution settles very slowly
    blocks = np.zeros((6, 6))
    blocks[:3, :3] = _column_stochastic(rng, 3)
    blocks[3:, 3:] = _column_stochastic(rng, 3)
    leak = 0.002 * rng.uniform(0.5, 1.0, size=6)
    blocks *= 1.0 - leak
    blocks[4, 0] += leak[0]
    blocks[1, 5] += leak[5]
    for j in (1, 2, 3, 4):
        blocks[j, j] += leak[j]
    assert_close(student.stationary_distribution(blocks), reference.stationary_distribution(blocks),
                 rtol=0.0, atol=1e-8, what="stationary distribution of a slowly mixing chain")
    # inputs that are no column-stochastic matrices
    row_stochastic = _column_stochastic(rng, 3).T
    row_stochastic[:, 0] += 0.1
    row_stochastic /= row_stochastic.sum(axis=1, keepdims=True)
    assert_raises("ValueError", student.stationary_distribution, row_stochastic)
    assert_raises("ValueError", student.stationary_distribution, np.full((2, 3), 0.5))
    assert_raises("ValueError", student.stationary_distribution, np.array([[1.2, 0.5], [-0.2, 0.5]]))
