"""Hidden tests of ``grad_quadratic_form``: the gradient (A + A^T) x of x^T A x."""

import numpy as np

from autograder.testing import assert_close, assert_raises, graded


@graded("grad_quadratic_form", points=1)
def test_grad_quadratic_form_matches_reference_for_non_symmetric_matrices(student, reference, rng):
    for _ in range(4):
        n = int(rng.integers(2, 7))
        A = rng.normal(size=(n, n))
        A[0, -1] += 3.0  # make sure A is far from symmetric
        x = rng.normal(size=n)
        assert_close(student.grad_quadratic_form(A, x), reference.grad_quadratic_form(A, x),
                     rtol=1e-10, atol=1e-12, what="the gradient for a non-symmetric matrix")


@graded("grad_quadratic_form", points=1)
def test_grad_quadratic_form_agrees_with_differences_and_checks_shapes(student, rng):
    n = int(rng.integers(3, 6))
    A = rng.normal(size=(n, n)) + np.triu(rng.uniform(1.0, 2.0, size=(n, n)))
    x = rng.normal(size=n)
    gradient = np.asarray(student.grad_quadratic_form(A, x), dtype=float)
    assert gradient.shape == (n,), "the gradient must have shape (n,)"
    q = lambda y: y @ A @ y
    h = 1e-3
    for v in np.eye(n)[:2].tolist() + [rng.normal(size=n).tolist()]:
        v = np.asarray(v)
        # for a quadratic the central difference is exact up to rounding
        slope = (q(x + h * v) - q(x - h * v)) / (2 * h)
        assert np.isclose(gradient @ v, slope, rtol=1e-6, atol=1e-8), \
            "the directional derivative v . grad q does not match the change of x^T A x along v"
    assert_raises("ValueError", student.grad_quadratic_form, rng.normal(size=(n, n + 1)), rng.normal(size=n + 1))
    assert_raises("ValueError", student.grad_quadratic_form, A, rng.normal(size=n + 1))
