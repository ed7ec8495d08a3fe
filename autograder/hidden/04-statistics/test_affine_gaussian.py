"""Hidden tests of ``affine_gaussian``: mean A mu + b and covariance A Sigma A^T of y = A x + b."""

import numpy as np

from autograder.testing import assert_close, assert_raises, graded


def _spd(rng, n):
    M = rng.normal(size=(n, n))
    return M @ M.T + 0.1 * np.eye(n)


def _triangle_truss(span, apex_x, height):
    """Member forces (tension +) of the bars AC, BC, AB of a triangle truss per unit apex load (Fx, Fy).

    Pin at A = (0, 0), roller at B = (span, 0), apex C = (apex_x, height)."""
    A, B, C = np.array([0.0, 0.0]), np.array([span, 0.0]), np.array([apex_x, height])
    u_ca, u_cb = (A - C) / np.linalg.norm(A - C), (B - C) / np.linalg.norm(B - C)
    top = -np.linalg.inv(np.column_stack([u_ca, u_cb]))       # node C: N_AC u_CA + N_BC u_CB + F = 0
    tie = top[1] * (apex_x - span) / np.linalg.norm(B - C)    # node B, horizontal: N_AB = N_BC (C - B)_x / l_BC
    return np.vstack([top, tie])


def _pair(result, what):
    assert isinstance(result, (tuple, list)) and len(result) == 2, f"{what}: expected a pair (mean, cov)"
    return np.asarray(result[0], dtype=float), np.asarray(result[1], dtype=float)


@graded("affine_gaussian", points=2)
def test_affine_gaussian_matches_reference(student, reference, rng):
    shapes = [(int(rng.integers(2, 5)), None), (3, 5), (4, 2), (1, 3)]
    for case, (m, n) in enumerate(shapes):
        n = m if n is None else n
        mu, Sigma, A, b = rng.normal(size=n), _spd(rng, n), rng.normal(size=(m, n)), rng.normal(size=m)
        assert_close(student.affine_gaussian(mu, Sigma, A, b), reference.affine_gaussian(mu, Sigma, A, b),
                     rtol=1e-9, atol=1e-12, what=f"map {case + 1}: (mean, cov)")


@graded("affine_gaussian", points=1)
def test_affine_gaussian_truss_and_rules(student, rng):
    # member forces N = B F + N_dead of a triangle truss under an uncertain apex load F (kN)
    span, height = rng.uniform(3.0, 8.0), rng.uniform(1.0, 3.0)
    B = _triangle_truss(span, rng.uniform(0.3, 0.7) * span, height)
    mu_F, Sigma_F, N_dead = np.array([rng.uniform(-3, 3), -rng.uniform(5, 20)]), _spd(rng, 2), rng.normal(size=3)
    mean, cov = _pair(student.affine_gaussian(mu_F, Sigma_F, B, N_dead), "the truss")
    assert mean.shape == (3,) and cov.shape == (3, 3), "the truss: three members need a mean (3,) and a cov (3, 3)"
    assert_close(mean, B @ mu_F + N_dead, rtol=1e-10, atol=1e-12, what="the truss: the mean member forces")
    variances = np.array([row @ Sigma_F @ row for row in B])
    assert_close(np.diag(cov), variances, rtol=1e-9, atol=1e-12, what="the truss: the member force variances")
    assert_close(cov, cov.T, rtol=1e-12, atol=1e-12, what="the truss: the symmetry of the covariance")
    # V[alpha x] = alpha^2 V[x]
    alpha, var = rng.uniform(2.0, 5.0), rng.uniform(0.5, 2.0)
    _, v = _pair(student.affine_gaussian([1.0], [[var]], [[alpha]]), "a scalar")
    assert_close(v.ravel(), np.array([alpha * alpha * var]), rtol=1e-12, what="a scalar: V[alpha x]")
    # V[x + y] and V[x - y] of two correlated variables
    S = _spd(rng, 2)
    _, v = _pair(student.affine_gaussian(np.zeros(2), S, [[1.0, 1.0], [1.0, -1.0]]), "sum and difference")
    assert_close(np.diag(v), np.array([S[0, 0] + S[1, 1] + 2 * S[0, 1], S[0, 0] + S[1, 1] - 2 * S[0, 1]]),
                 rtol=1e-10, what="V[x + y] and V[x - y]")


@graded("affine_gaussian", points=1)
def test_affine_gaussian_default_shift_and_invalid_input(student, rng):
    m, n = 3, 2
    mu, Sigma, A = rng.normal(size=n), _spd(rng, n), rng.normal(size=(m, n))
    assert_close(student.affine_gaussian(mu, Sigma, A), (A @ mu, A @ Sigma @ A.T), rtol=1e-10, atol=1e-12,
                 what="without b: (mean, cov)")
    assert_raises("ValueError", student.affine_gaussian, mu, Sigma, rng.normal(size=(m, n + 1)))
    assert_raises("ValueError", student.affine_gaussian, mu, _spd(rng, n + 1), A)
    assert_raises("ValueError", student.affine_gaussian, mu, Sigma, A, np.zeros(m + 1))
