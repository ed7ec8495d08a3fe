"""Hidden tests of ``gradient_descent``: updates, stopping criteria, update count, arguments."""

import numpy as np

from autograder.testing import assert_close, assert_equal, assert_raises, graded


def _spring_chain(rng, n_dof):
    """Stiffness matrix of n_dof + 1 springs in series, fixed at both ends (symmetric positive definite)."""
    k = rng.uniform(1.0, 3.0, size=n_dof + 1)
    K = np.diag(k[:-1] + k[1:]) - np.diag(k[1:-1], 1) - np.diag(k[1:-1], -1)
    return K


def _recording_gradient(K, f):
    """grad Pi(u) = K u - f, remembering every point it was evaluated at."""
    calls = []

    def grad(u):
        u = np.array(u, dtype=float)
        calls.append(u.copy())
        return K @ u - f
    return grad, calls


def _check_run(student, reference, K, f, x0, lr, what, **options):
    grad, calls = _recording_gradient(K, f)
    ref_grad, ref_calls = _recording_gradient(K, f)
    expected_x, expected_n = reference.gradient_descent(ref_grad, x0, lr, **options)
    result = student.gradient_descent(grad, x0, lr, **options)
    assert isinstance(result, (tuple, list)) and len(result) == 2, f"{what}: expected a pair (x, n_updates)"
    x, n_updates = result
    assert_equal(n_updates, expected_n, what=f"{what}: the number of updates")
    assert_close(x, expected_x, rtol=1e-9, atol=1e-12, what=f"{what}: the final iterate")
    assert len(calls) == len(ref_calls), f"{what}: grad must be evaluated exactly once per iteration"
    assert_close(np.array(calls), np.array(ref_calls), rtol=1e-9, atol=1e-12,
                 what=f"{what}: the points at which grad was evaluated")


@graded("gradient_descent", points=2)
def test_gradient_descent_on_spring_systems_matches_reference(student, reference, rng):
    for case in range(3):
        n_dof = int(rng.integers(2, 4))
        K = _spring_chain(rng, n_dof)
        f = rng.normal(size=n_dof)
        x0 = rng.normal(size=n_dof)
        lr = rng.uniform(0.3, 0.9) * 2.0 / np.linalg.eigvalsh(K)[-1]
        _check_run(student, reference, K, f, x0, lr, f"spring system {case + 1}", max_iter=3000)


@graded("gradient_descent", points=1)
def test_gradient_descent_with_the_gradient_criterion(student, reference, rng):
    n_dof = int(rng.integers(2, 4))
    K = _spring_chain(rng, n_dof)
    f = rng.normal(size=n_dof)
    lr = rng.uniform(0.3, 0.9) * 2.0 / np.linalg.eigvalsh(K)[-1]
    _check_run(student, reference, K, f, rng.normal(size=n_dof), lr, "gradient criterion",
               eps=1e-7, max_iter=3000, criterion="gradient")
    # started in the exact minimiser: no update at all
    K = np.array([[2.0, -1.0], [-1.0, 2.0]])
    u_star = rng.integers(-5, 6, size=2).astype(float)
    _check_run(student, reference, K, K @ u_star, u_star, 0.4, "gradient criterion at the minimiser",
               criterion="gradient")


@graded("gradient_descent", points=1)
def test_gradient_descent_counts_updates_at_the_edges(student, reference, rng):
    K = _spring_chain(rng, 2)
    f = rng.normal(size=2)
    # a learning rate above 2 / lambda_max never meets the criterion: max_iter updates
    lr = rng.uniform(2.1, 2.3) / np.linalg.eigvalsh(K)[-1]
    max_iter = int(rng.integers(20, 40))
    _check_run(student, reference, K, f, rng.normal(size=2), lr, "too large a learning rate", max_iter=max_iter)
    # started in the exact minimiser (given as a list of ints): a single, vanishing update
    K = np.array([[2.0, -1.0], [-1.0, 2.0]])
    u_star = rng.integers(-5, 6, size=2)
    _check_run(student, reference, K, K @ u_star, u_star.tolist(), 0.4, "step criterion at the minimiser")


@graded("gradient_descent", points=1)
def test_gradient_descent_rejects_invalid_arguments(student, rng):
    K = _spring_chain(rng, 2)
    grad, _ = _recording_gradient(K, np.ones(2))
    assert_raises("ValueError", student.gradient_descent, grad, np.zeros(2), 0.0)
    assert_raises("ValueError", student.gradient_descent, grad, np.zeros(2), -0.1)
    assert_raises("ValueError", student.gradient_descent, grad, np.zeros(2), 0.1, criterion="energy")
