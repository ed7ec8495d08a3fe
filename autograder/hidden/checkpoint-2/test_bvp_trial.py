"""Hidden tests of ``bvp_trial``: random coefficients against the reference, hard boundary conditions and
derivatives checked by finite differences."""

import numpy as np

from autograder.testing import assert_close, graded


@graded("bvp_trial", points=2)
def test_bvp_trial_matches_reference(student, reference, rng):
    for index, n_coefficients in enumerate([0, 1, 2, int(rng.integers(3, 6)), 8]):
        x = np.sort(rng.uniform(-0.2, 1.2, size=int(rng.integers(5, 30))))
        c = rng.normal(size=n_coefficients)
        u0, u1 = (float(v) for v in rng.normal(0.0, 2.0, size=2))
        assert_close(student.bvp_trial(x, c, u0, u1), reference.bvp_trial(x, c, u0, u1), rtol=1e-9, atol=1e-9,
                     what=f"(u, du, d2u) of trial {index + 1}")


@graded("bvp_trial", points=1)
def test_bvp_trial_boundary_values_and_derivatives(student, rng):
    c = rng.normal(size=int(rng.integers(3, 7)))
    u0, u1 = (float(v) for v in rng.normal(0.0, 2.0, size=2))
    u, _, _ = student.bvp_trial(np.array([0.0, 1.0]), c, u0, u1)
    assert_close(np.asarray(u, dtype=float), np.array([u0, u1]), rtol=1e-12, atol=1e-12,
                 what="u at x = 0 and x = 1 (the boundary conditions must hold for every c)")
    # derivatives against central differences of the student's own u
    x = rng.uniform(0.05, 0.95, size=12)
    h = 1e-4
    u_minus, _, _ = student.bvp_trial(x - h, c, u0, u1)
    u_mid, du, d2u = student.bvp_trial(x, c, u0, u1)
    u_plus, _, _ = student.bvp_trial(x + h, c, u0, u1)
    u_minus, u_mid, u_plus = (np.asarray(v, dtype=float) for v in (u_minus, u_mid, u_plus))
    scale = 1.0 + np.max(np.abs(u_mid))
    assert_close(np.asarray(du, dtype=float), (u_plus - u_minus) / (2 * h), rtol=0.0, atol=1e-5 * scale,
                 what="du/dx compared with central differences of u")
    assert_close(np.asarray(d2u, dtype=float), (u_plus - 2 * u_mid + u_minus) / h ** 2, rtol=0.0,
                 atol=1e-4 * scale, what="d2u/dx2 compared with central differences of u")
    # no coefficients: the straight line between the boundary values
    u, du, d2u = student.bvp_trial(x, [], u0, u1)
    assert_close(np.asarray(u, dtype=float), u0 + (u1 - u0) * x, rtol=1e-12, atol=1e-12, what="u for K = 0")
    assert_close(np.asarray(d2u, dtype=float), np.zeros_like(x), atol=1e-12, what="d2u/dx2 for K = 0")
