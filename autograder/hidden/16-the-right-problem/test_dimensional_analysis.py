"""Hidden tests of pi_groups and fit_power_law: the pendulum and the cantilever, random dimension
matrices (also rank-deficient ones), dimensionless residuals, and power laws in dimensionless groups."""

import numpy as np

from autograder.testing import assert_close, assert_raises, graded

# base dimensions (rows): M, L, T
PENDULUM = np.array([[0, 0, 0, 1, 0],       # g, L, theta0, m, T
                     [1, 1, 0, 0, 0],
                     [-2, 0, 0, 0, 1]], dtype=float)
CANTILEVER = np.array([[1, 0, 1, 0, 0],     # E, I, F, L, delta
                       [-1, 4, 1, 1, 1],
                       [-2, 0, -2, 0, 0]], dtype=float)


def _dimension_matrix(rng, deficient):
    """A small integer dimension matrix; ``deficient``: one row is a multiple of another (like M and T
    in statics, which only appear as M T^-2), plus an already dimensionless variable."""
    k = int(rng.integers(2, 4))
    n = int(rng.integers(k + 2, k + 5))
    D = rng.integers(-2, 3, size=(k, n)).astype(float)
    if deficient:
        D[-1] = -2.0 * D[0]
        D[:, rng.integers(0, n)] = 0.0
    return D


@graded("pi_groups", points=1)
def test_pi_groups_of_the_pendulum_and_the_cantilever(student):
    P = np.asarray(student.pi_groups(PENDULUM), dtype=float)
    expected = np.array([[0.0, 0.0, 1.0, 0.0, 0.0],       # theta0
                         [0.5, -0.5, 0.0, 0.0, 1.0]])     # T sqrt(g / L)
    assert_close(P, expected, rtol=0.0, atol=1e-9, what="pi_groups of a pendulum")
    P = np.asarray(student.pi_groups(CANTILEVER), dtype=float)
    expected = np.array([[-1.0, -0.5, 1.0, 0.0, 0.0],     # F / (E sqrt(I))
                         [0.0, -0.25, 0.0, 1.0, 0.0],     # L / I^(1/4)
                         [0.0, -0.25, 0.0, 0.0, 1.0]])    # delta / I^(1/4)
    assert_close(P, expected, rtol=0.0, atol=1e-9,
                 what="pi_groups of a cantilever (its dimension matrix has rank 2, not 3)")


@graded("pi_groups", points=1)
def test_pi_groups_match_reference_on_random_dimension_matrices(student, reference, rng):
    for case in range(4):
        D = _dimension_matrix(rng, deficient=case % 2 == 0)
        assert_close(student.pi_groups(D), reference.pi_groups(D), rtol=0.0, atol=1e-9,
                     what=f"pi_groups of random dimension matrix {case + 1}")


@graded("pi_groups", points=1)
def test_pi_groups_are_dimensionless_and_complete(student, rng):
    for case in range(3):
        D = _dimension_matrix(rng, deficient=True)
        n, r = D.shape[1], np.linalg.matrix_rank(D)
        P = np.asarray(student.pi_groups(D), dtype=float)
        assert P.shape == (n - r, n), f"matrix {case + 1}: there must be n - rank(D) groups of n exponents"
        assert np.allclose(D @ P.T, 0.0, atol=1e-9), f"matrix {case + 1}: a group is not dimensionless"
        assert np.linalg.matrix_rank(P) == n - r, f"matrix {case + 1}: the groups are not independent"
    n = int(rng.integers(2, 5))
    assert_close(student.pi_groups(np.zeros((3, n))), np.eye(n), rtol=0.0, atol=1e-12,
                 what="pi_groups of variables that are all dimensionless")
    P = np.asarray(student.pi_groups(np.eye(3)), dtype=float)
    assert P.shape == (0, 3), "with rank(D) = n there is no group: the result must have shape (0, n)"
    assert_raises("ValueError", student.pi_groups, np.ones(3))


def _beams(rng, m):
    F = rng.uniform(10.0, 1000.0, m)              # N
    L = rng.uniform(0.2, 3.0, m)                  # m
    E = rng.choice([70e9, 110e9, 210e9], m)       # Pa
    area_moment = rng.uniform(1e-9, 1e-6, m)      # m^4
    return F, L, E, area_moment


@graded("fit_power_law", points=1)
def test_fit_power_law_recovers_the_cantilever_law(student, rng):
    F, L, E, J = _beams(rng, int(rng.integers(8, 20)))
    delta = F * L**3 / (3 * E * J)
    X = np.column_stack([E * L**2 / F, J / L**4])
    C, a = student.fit_power_law(X, delta / L)
    assert_close(C, 1.0 / 3.0, rtol=1e-8, what="the prefactor of the cantilever law")
    assert_close(a, np.array([-1.0, -1.0]), rtol=0.0, atol=1e-8, what="the exponents of the cantilever law")
    # one input given as a 1-D array
    x = rng.uniform(0.1, 10.0, 12)
    c0, exponent = float(rng.uniform(0.5, 3.0)), float(rng.uniform(-2.0, 2.0))
    C, a = student.fit_power_law(x, c0 * x**exponent)
    assert_close(C, c0, rtol=1e-8, what="the prefactor of a single-input power law")
    assert_close(a, np.array([exponent]), rtol=0.0, atol=1e-8, what="the exponent of a single-input power law")


@graded("fit_power_law", points=1)
def test_fit_power_law_matches_reference_on_noisy_data(student, reference, rng):
    for case in range(3):
        m, p = int(rng.integers(10, 40)), int(rng.integers(1, 4))
        X = np.exp(rng.normal(0.0, 2.0, size=(m, p)))
        y = rng.uniform(0.1, 5.0) * np.prod(X ** rng.uniform(-2, 2, p), axis=1) * np.exp(rng.normal(0, 0.1, m))
        C, a = reference.fit_power_law(X, y)
        result = student.fit_power_law(X, y)
        assert isinstance(result, (tuple, list)) and len(result) == 2, "expected a pair (C, a)"
        assert_close(result[0], C, rtol=1e-8, what=f"the prefactor for data set {case + 1}")
        assert_close(result[1], a, rtol=1e-8, atol=1e-10, what=f"the exponents for data set {case + 1}")


@graded("fit_power_law", points=1)
def test_fit_power_law_rejects_invalid_data(student, rng):
    X = rng.uniform(1.0, 2.0, size=(10, 2))
    y = rng.uniform(1.0, 2.0, 10)
    bad_y = y.copy()
    bad_y[int(rng.integers(0, 10))] = 0.0
    assert_raises("ValueError", student.fit_power_law, X, bad_y)
    bad_X = X.copy()
    bad_X[int(rng.integers(0, 10)), 1] = -1.0
    assert_raises("ValueError", student.fit_power_law, bad_X, y)
    assert_raises("ValueError", student.fit_power_law, X[:2], y[:2])
    assert_raises("ValueError", student.fit_power_law, X, y[:9])
