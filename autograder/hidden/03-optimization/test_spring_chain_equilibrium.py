"""Hidden tests of ``spring_chain_equilibrium``: minimum potential energy of a supported spring chain."""

import numpy as np

from autograder.testing import assert_close, assert_raises, graded


def _free_chain(k):
    n = len(k) + 1
    K = np.zeros((n, n))
    for i, ki in enumerate(k):
        K[i:i + 2, i:i + 2] += ki * np.array([[1.0, -1.0], [-1.0, 1.0]])
    return K


def _pair(result, what):
    assert isinstance(result, (tuple, list)) and len(result) == 2, f"{what}: expected a pair (u, R)"
    u, reaction = result
    assert np.ndim(reaction) == 0, f"{what}: the reaction must be a single number"
    return np.asarray(u, dtype=float), float(reaction)


@graded("spring_chain_equilibrium", points=1)
def test_spring_chain_matches_reference(student, reference, rng):
    for case in range(3):
        n_el = int(rng.integers(2, 9))
        k = rng.uniform(0.5, 5.0, size=n_el)
        f = rng.normal(size=n_el + 1)
        support = int(rng.integers(0, n_el + 1))
        assert_close(student.spring_chain_equilibrium(k, f, support), reference.spring_chain_equilibrium(k, f, support),
                     rtol=1e-8, atol=1e-10, what=f"chain {case + 1}: (u, R)")


@graded("spring_chain_equilibrium", points=1)
def test_spring_chain_is_in_equilibrium_with_minimal_energy(student, rng):
    n_el = int(rng.integers(3, 8))
    k = rng.uniform(0.5, 5.0, size=n_el)
    f = rng.normal(size=n_el + 1)
    support = int(rng.integers(1, n_el + 1))
    u, reaction = _pair(student.spring_chain_equilibrium(k, f, support), "equilibrium")
    assert u.shape == (n_el + 1,), "equilibrium: u must have one entry per node"
    assert abs(u[support]) <= 1e-10, "equilibrium: the supported node must not move"
    K = _free_chain(k)
    load = f.copy()
    load[support] += reaction
    assert np.allclose(K @ u, load, rtol=1e-8, atol=1e-9), "equilibrium: K u != f + R e_support"
    assert np.isclose(reaction + f.sum(), 0.0, atol=1e-9), "equilibrium: the reaction does not balance the loads"
    energy = lambda v: 0.5 * v @ K @ v - f @ v
    for _ in range(5):
        delta = rng.normal(size=n_el + 1)
        delta[support] = 0.0
        assert energy(u) <= energy(u + 1e-2 * delta) + 1e-12, \
            "equilibrium: an admissible displacement with lower potential energy exists"


@graded("spring_chain_equilibrium", points=1)
def test_spring_chain_cantilever_and_invalid_input(student, rng):
    # fixed at node 0, one force F at the free end: every spring carries F
    n_el = int(rng.integers(2, 7))
    k = rng.uniform(0.5, 5.0, size=n_el)
    F = rng.uniform(-3.0, 3.0)
    f = np.zeros(n_el + 1)
    f[-1] = F
    u, reaction = _pair(student.spring_chain_equilibrium(k, f), "tip-loaded chain")
    assert_close(u, np.concatenate([[0.0], np.cumsum(F / k)]), rtol=1e-9, atol=1e-12,
                 what="tip-loaded chain: the displacements")
    assert np.isclose(reaction, -F, rtol=1e-9, atol=1e-12), "tip-loaded chain: wrong reaction"
    assert_raises("ValueError", student.spring_chain_equilibrium, [1.0, -2.0, 1.0], np.ones(4))
    assert_raises("ValueError", student.spring_chain_equilibrium, [1.0, 2.0, 1.0], np.ones(3))
    assert_raises("ValueError", student.spring_chain_equilibrium, [1.0, 2.0, 1.0], np.ones(4), 4)
