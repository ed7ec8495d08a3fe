"""Hidden tests of ``beam_deflection_fd``: the simply supported beam under a uniform load.

The finite-difference solution is known in closed form: the exact deflection
q x (L^3 - 2 L x^2 + x^3) / (24 EI) plus the discretisation error h^2 q x (L - x) / (24 EI), so that the
midspan deflection is 5 q L^4 / (384 EI) (1 + 0.8 / n^2).
"""

import numpy as np

from autograder.testing import assert_close, assert_raises, graded


def fd_solution(x, L, EI, q, n):
    h = L / n
    return q * x * (L**3 - 2 * L * x**2 + x**3) / (24 * EI) + h**2 * q * x * (L - x) / (24 * EI)


@graded("beam_deflection_fd", points=2)
def test_nodal_deflections_of_the_five_point_scheme(student, rng):
    for case in range(3):
        L, EI, q = rng.uniform(0.5, 5.0), rng.uniform(1e2, 1e4), rng.uniform(-5e3, 5e3)
        n = int(rng.integers(2, 30))
        x, w = student.beam_deflection_fd(L, EI, q, n)
        assert_close(x, np.linspace(0.0, L, n + 1), rtol=1e-12, what=f"case {case + 1}: the nodes x")
        expected = fd_solution(np.linspace(0.0, L, n + 1), L, EI, q, n)
        assert_close(w, expected, rtol=1e-9, atol=1e-12 * np.max(np.abs(expected)),
                     what=f"case {case + 1}: the deflections w")


@graded("beam_deflection_fd", points=1)
def test_midspan_deflection_converges_and_bad_input_raises(student, rng):
    L, EI, q = rng.uniform(1.0, 4.0), rng.uniform(1e3, 1e4), rng.uniform(1e2, 5e3)
    x, w = student.beam_deflection_fd(L, EI, q, 200)
    w = np.asarray(w, dtype=float)
    assert w.shape == (201,), "n intervals have n + 1 nodes"
    assert np.allclose(w, w[::-1], rtol=1e-9, atol=0.0), "the deflection of a symmetric beam must be symmetric"
    assert abs(w[100] / (5 * q * L**4 / (384 * EI)) - 1) < 1e-4, \
        "with 200 intervals the midspan deflection must be within 1e-4 of 5 q L^4 / (384 EI)"
    assert_raises("ValueError", student.beam_deflection_fd, L, EI, q, 1)
