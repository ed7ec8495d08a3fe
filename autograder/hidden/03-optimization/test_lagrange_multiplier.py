"""Hidden tests of ``lagrange_multiplier``: lambda from grad f + lambda grad g = 0."""

import numpy as np

from autograder.testing import assert_close, assert_raises, graded


@graded("lagrange_multiplier", points=1)
def test_lagrange_multiplier_matches_reference(student, reference, rng):
    for _ in range(3):
        n = int(rng.integers(2, 6))
        grad_f, grad_g = rng.normal(size=n), rng.normal(size=n)
        assert_close(student.lagrange_multiplier(grad_f, grad_g), reference.lagrange_multiplier(grad_f, grad_g),
                     rtol=1e-9, atol=1e-12, what="the multiplier of one constraint")
    n = int(rng.integers(4, 7))
    m = int(rng.integers(2, n))
    grad_f, grad_g = rng.normal(size=n), rng.normal(size=(m, n))
    assert_close(student.lagrange_multiplier(grad_f, grad_g), reference.lagrange_multiplier(grad_f, grad_g),
                 rtol=1e-9, atol=1e-12, what="the multipliers of several constraints")


@graded("lagrange_multiplier", points=1)
def test_lagrange_multiplier_is_the_constraint_force(student, reference, rng):
    # a mass m on a rigid rod of length l: minimise m g y subject to x^2 + y^2 - l^2 = 0;
    # at the optimum (0, -l) the rod pulls with -lambda grad g = (0, m g)
    mass, length, gravity = rng.uniform(0.5, 5.0), rng.uniform(0.2, 2.0), 9.81
    lam = np.asarray(student.lagrange_multiplier(np.array([0.0, mass * gravity]), np.array([0.0, -2.0 * length])),
                     dtype=float).ravel()
    assert lam.size == 1, "one constraint has one multiplier"
    assert np.isclose(lam[0] * 2.0 * length, mass * gravity, rtol=1e-10), \
        "the pendulum rod's force -lambda grad g must carry the weight"
    # several linear constraints: the multipliers of the KKT system of a quadratic problem
    n, m = int(rng.integers(4, 7)), 2
    M = rng.normal(size=(n, n))
    A = M @ M.T + n * np.eye(n)
    b, C, d = rng.normal(size=n), rng.normal(size=(m, n)), rng.normal(size=m)
    C[1] += 2.0 * C[0]  # strongly non-orthogonal constraint gradients
    x, lam_kkt = reference.kkt_solve(A, b, C, d)
    assert_close(student.lagrange_multiplier(A @ x - b, C), lam_kkt, rtol=1e-7, atol=1e-10,
                 what="the multipliers at the optimum of a quadratic problem")


@graded("lagrange_multiplier", points=1)
def test_lagrange_multiplier_rejects_degenerate_input(student, rng):
    n = int(rng.integers(2, 5))
    assert_raises("ValueError", student.lagrange_multiplier, rng.normal(size=n), np.zeros(n))
    assert_raises("ValueError", student.lagrange_multiplier, rng.normal(size=n), rng.normal(size=n + 1))
    assert_raises("ValueError", student.lagrange_multiplier, rng.normal(size=n), rng.normal(size=(2, n + 1)))
