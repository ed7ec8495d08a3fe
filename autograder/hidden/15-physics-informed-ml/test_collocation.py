"""Hidden tests of ``solve_ode_collocation``: the Lagaris trial function and collocation for the course ODE.

The course ODE u'' + a u' - b = 0 has the analytic solution u = C1 + C2 exp(-a x) + (b / a) x, with C1 and
C2 from the two side conditions; the collocation solution with ten monomials is accurate to about 1e-8.
"""

import numpy as np

from autograder.testing import assert_close, assert_raises, graded


def exact(x, a, b, conditions):
    """The analytic solution for boundary values {u0, u1} or initial values {u0, v0} (a != 0)."""
    u0 = conditions["u0"]
    if "u1" in conditions:
        C2 = (conditions["u1"] - u0 - b / a) / (np.exp(-a) - 1.0)
    else:
        C2 = (b / a - conditions["v0"]) / a
    return u0 - C2 + C2 * np.exp(-a * x) + b / a * x


def _points(rng, m):
    return np.concatenate([[0.0], np.sort(rng.uniform(0.0, 1.0, m)), [1.0]])


@graded("solve_ode_collocation", points=2)
def test_boundary_value_problem_matches_the_analytic_solution(student, rng):
    for case in range(2):
        a, b = rng.uniform(0.5, 4.0), rng.uniform(-3.0, 3.0)
        conditions = {"u0": float(rng.uniform(-2, 2)), "u1": float(rng.uniform(-2, 2))}
        x = _points(rng, 40)
        u = np.asarray(student.solve_ode_collocation(a, b, conditions, x, 10, 40), dtype=float)
        assert u.shape == x.shape, f"case {case + 1}: the result must have the shape of x_eval"
        assert abs(u[0] - conditions["u0"]) < 1e-10 and abs(u[-1] - conditions["u1"]) < 1e-10, \
            f"case {case + 1}: the trial function must satisfy u(0) = u0 and u(1) = u1 exactly, by construction"
        assert np.max(np.abs(u - exact(x, a, b, conditions))) < 1e-6, \
            f"case {case + 1}: the collocation solution (10 monomials, 40 points) is not within 1e-6 " \
            "of the analytic solution"


@graded("solve_ode_collocation", points=1)
def test_initial_value_problem_matches_the_analytic_solution(student, rng):
    a, b = rng.uniform(0.5, 4.0), rng.uniform(-3.0, 3.0)
    conditions = {"u0": float(rng.uniform(-2, 2)), "v0": float(rng.uniform(-2, 2))}
    x = _points(rng, 40)
    u = np.asarray(student.solve_ode_collocation(a, b, conditions, x, 10, 40), dtype=float)
    assert u.shape == x.shape, "the result must have the shape of x_eval"
    assert abs(u[0] - conditions["u0"]) < 1e-10, "the trial function must satisfy u(0) = u0 exactly"
    assert np.max(np.abs(u - exact(x, a, b, conditions))) < 1e-6, \
        "initial value problem: the collocation solution is not within 1e-6 of the analytic solution"


@graded("solve_ode_collocation", points=1)
def test_coarse_collocation_matches_the_reference_and_bad_input_raises(student, reference, rng):
    x = np.linspace(-0.2, 1.2, 15)
    for kind in ("u1", "v0"):
        a, b = rng.uniform(-2.0, 4.0), rng.uniform(-3.0, 3.0)
        conditions = {"u0": float(rng.uniform(-2, 2)), kind: float(rng.uniform(-2, 2))}
        n_basis, n_colloc = int(rng.integers(1, 4)), int(rng.integers(4, 9))
        assert_close(student.solve_ode_collocation(a, b, conditions, x, n_basis, n_colloc),
                     reference.solve_ode_collocation(a, b, conditions, x, n_basis, n_colloc),
                     rtol=1e-8, atol=1e-10, what=f"a coarse collocation ({'boundary' if kind == 'u1' else 'initial'} "
                                                 "values, few monomials and points)")
    assert_raises("ValueError", student.solve_ode_collocation, 1.0, 1.0, {"u0": 0.0, "u1": 1.0}, x, 6, 5)
    assert_raises("ValueError", student.solve_ode_collocation, 1.0, 1.0, {"u0": 0.0, "w": 1.0}, x, 4, 10)
