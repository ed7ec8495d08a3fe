"""Hidden tests of ``stable_quadratic_roots``: random roots, cancellation, edge cases, errors."""

import math

from autograder.testing import assert_close, assert_raises, graded


def _separated_roots(rng):
    """Two real roots of random sign and magnitude, far enough apart for a well-posed D."""
    while True:
        roots = rng.choice([-1.0, 1.0], size=2) * 10.0 ** rng.uniform(-3, 3, size=2)
        if abs(roots[0] - roots[1]) > 0.1 * max(abs(roots)):
            return float(roots[0]), float(roots[1])


@graded("stable_quadratic_roots", points=1)
def test_stable_quadratic_roots_match_reference_for_random_coefficients(student, reference, rng):
    for _ in range(10):
        r1, r2 = _separated_roots(rng)
        a = float(rng.choice([-1.0, 1.0]) * 10.0 ** rng.uniform(-2, 2))
        b, c = -a * (r1 + r2), a * r1 * r2
        assert_close(student.stable_quadratic_roots(a, b, c), reference.stable_quadratic_roots(a, b, c),
                     rtol=1e-9, atol=0.0, what="the roots for random coefficients")


@graded("stable_quadratic_roots", points=1)
def test_stable_quadratic_roots_survive_cancellation(student, reference, rng):
    x1, x2 = student.stable_quadratic_roots(1.0, -1e8, 1.0)
    assert math.isclose(x1, 1e-8, rel_tol=1e-9) and math.isclose(x2, 1e8, rel_tol=1e-9), \
        "the small root is inaccurate when b^2 >> 4ac (cancellation)"
    # strongly overdamped oscillators m s^2 + c s + k = 0 and their mirror images
    for _ in range(8):
        a = float(rng.choice([-1.0, 1.0]) * 10.0 ** rng.uniform(-1, 1))
        b = float(rng.choice([-1.0, 1.0]) * 10.0 ** rng.uniform(6, 10))
        c = float(rng.choice([-1.0, 1.0]) * 10.0 ** rng.uniform(-1, 1))
        roots = student.stable_quadratic_roots(a, b, c)
        assert_close(roots, reference.stable_quadratic_roots(a, b, c), rtol=1e-9, atol=0.0,
                     what="the roots when b^2 >> 4ac")
        assert math.isclose(roots[0] * roots[1], c / a, rel_tol=1e-9), \
            "the product of the roots differs from c/a (Vieta) when b^2 >> 4ac"


@graded("stable_quadratic_roots", points=1)
def test_stable_quadratic_roots_edge_cases(student, reference):
    cases = [
        (2.0, -10.0, 12.0),   # both roots positive: the order must be ascending
        (1.0, 0.0, -9.0),     # b = 0
        (-0.5, 0.0, 8.0),     # b = 0, a < 0
        (3.0, 0.0, 0.0),      # b = c = 0: double root at 0
        (5.0, 7.0, 0.0),      # c = 0: one root at 0
        (4.0, 12.0, 9.0),     # D = 0: double root
    ]
    for a, b, c in cases:
        assert_close(student.stable_quadratic_roots(a, b, c), reference.stable_quadratic_roots(a, b, c),
                     rtol=1e-12, atol=1e-300, what="the roots in an edge case")


@graded("stable_quadratic_roots", points=1)
def test_stable_quadratic_roots_raise_value_error(student):
    for a, b, c in [(0.0, 2.0, 1.0), (0, -3.0, 6.0), (1.0, 1.0, 1.0), (2.0, 0.0, 3.0), (-1.0, 2.0, -5.0)]:
        assert_raises("ValueError", student.stable_quadratic_roots, a, b, c)
