"""Hidden tests of ``kkt_solve``: the KKT system of an equality-constrained quadratic problem."""

import numpy as np

from autograder.testing import assert_close, assert_raises, graded


def _free_chain(k):
    """Stiffness matrix of a free chain of springs (singular: a rigid-body mode)."""
    n = len(k) + 1
    K = np.zeros((n, n))
    for i, ki in enumerate(k):
        K[i:i + 2, i:i + 2] += ki * np.array([[1.0, -1.0], [-1.0, 1.0]])
    return K


def _pair(result, what):
    assert isinstance(result, (tuple, list)) and len(result) == 2, f"{what}: expected a pair (x, lam)"
    return np.asarray(result[0], dtype=float), np.asarray(result[1], dtype=float)


@graded("kkt_solve", points=1)
def test_kkt_solve_matches_reference(student, reference, rng):
    for case in range(3):
        n = int(rng.integers(3, 8))
        m = int(rng.integers(1, n))
        M = rng.normal(size=(n, n))
        A = M @ M.T + np.eye(n)
        b, C, d = rng.normal(size=n), rng.normal(size=(m, n)), rng.normal(size=m)
        assert_close(student.kkt_solve(A, b, C, d), reference.kkt_solve(A, b, C, d), rtol=1e-8, atol=1e-10,
                     what=f"problem {case + 1}: (x, lam)")


@graded("kkt_solve", points=1)
def test_kkt_solve_supported_spring_chain(student, rng):
    n_el = int(rng.integers(2, 7))
    k = rng.uniform(0.5, 5.0, size=n_el)
    K = _free_chain(k)
    f = rng.normal(size=n_el + 1)
    # one support at a random node, with a prescribed displacement (a settlement)
    support = int(rng.integers(0, n_el + 1))
    C = np.zeros((1, n_el + 1))
    C[0, support] = 1.0
    d = rng.normal(size=1)
    u, lam = _pair(student.kkt_solve(K, f, C, d), "one support")
    assert lam.shape == (1,) and u.shape == (n_el + 1,), "one support: wrong shapes"
    assert np.isclose(u[support], d[0], rtol=0, atol=1e-10), "one support: the constraint C x = d is violated"
    assert np.allclose(K @ u + C.T @ lam, f, rtol=1e-8, atol=1e-9), "one support: K u + C^T lam != f"
    assert np.isclose(-lam[0] + f.sum(), 0.0, atol=1e-9), "one support: the reaction -lam does not balance the loads"
    # both ends supported: the two reactions together balance the loads
    C = np.zeros((2, n_el + 1))
    C[0, 0] = C[1, -1] = 1.0
    d = rng.normal(size=2)
    u, lam = _pair(student.kkt_solve(K, f, C, d), "two supports")
    assert lam.shape == (2,), "two supports: wrong shape of lam"
    assert np.allclose(C @ u, d, rtol=0, atol=1e-10), "two supports: the constraints C x = d are violated"
    assert np.allclose(K @ u + C.T @ lam, f, rtol=1e-8, atol=1e-9), "two supports: K u + C^T lam != f"
    assert np.isclose(lam.sum(), f.sum(), atol=1e-9), "two supports: the reactions do not balance the loads"


@graded("kkt_solve", points=1)
def test_kkt_solve_rejects_inconsistent_shapes(student, rng):
    n = int(rng.integers(3, 6))
    A, b = np.eye(n) * 2.0, rng.normal(size=n)
    assert_raises("ValueError", student.kkt_solve, A, b, rng.normal(size=(1, n + 1)), np.zeros(1))
    assert_raises("ValueError", student.kkt_solve, A, b, rng.normal(size=(2, n)), np.zeros(3))
    assert_raises("ValueError", student.kkt_solve, A, rng.normal(size=n + 1), rng.normal(size=(1, n)), np.zeros(1))
    assert_raises("ValueError", student.kkt_solve, rng.normal(size=(n, n + 1)), b, rng.normal(size=(1, n)),
                  np.zeros(1))
