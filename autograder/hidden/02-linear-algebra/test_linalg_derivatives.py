"""Hidden tests of jacobian_fd, hessian_fd and taylor: analytic derivatives, a bar's energy, bookkeeping."""

import numpy as np

from autograder.testing import assert_close, assert_raises, graded


def _field(y):
    y = np.asarray(y, dtype=float)
    return np.array([y[0] * y[1] ** 2 + np.sin(y[2]), np.exp(0.5 * y[0] - y[2]) + y[1] * y[2]])


def _field_jacobian(y):
    e = np.exp(0.5 * y[0] - y[2])
    return np.array([[y[1] ** 2, 2.0 * y[0] * y[1], np.cos(y[2])],
                     [0.5 * e, y[2], y[1] - e]])


@graded("jacobian_fd", points=2)
def test_jacobian_fd_of_a_map_from_R3_to_R2(student, rng):
    for _ in range(3):
        x = rng.uniform(-1.0, 1.0, 3)
        assert_close(student.jacobian_fd(_field, x, 1e-3), _field_jacobian(x), rtol=3e-6, atol=3e-6,
                     what="jacobian_fd of a map from R^3 to R^2 with h = 1e-3")
        assert_close(student.jacobian_fd(_field, x), _field_jacobian(x), rtol=1e-7, atol=1e-7,
                     what="jacobian_fd of a map from R^3 to R^2 with the default step")


@graded("jacobian_fd", points=1)
def test_jacobian_fd_of_the_polar_map(student, rng):
    calls = []

    def polar(y):
        y = np.asarray(y, dtype=float)
        calls.append(y.copy())
        return np.array([y[0] * np.cos(y[1]), y[0] * np.sin(y[1])])

    r, theta = rng.uniform(0.5, 3.0), rng.uniform(-np.pi, np.pi)
    x = np.array([r, theta])
    h = 1e-4
    J = student.jacobian_fd(polar, x, h)
    expected = np.array([[np.cos(theta), -r * np.sin(theta)], [np.sin(theta), r * np.cos(theta)]])
    assert_close(J, expected, rtol=1e-6, atol=1e-6, what="jacobian_fd of the polar map (r, theta) -> (x, y)")
    assert_close(np.linalg.det(np.asarray(J, dtype=float)), r, rtol=1e-6,
                 what="det of the polar map's Jacobian (it must equal r)")
    assert len(calls) <= 2 * x.size + 1, "jacobian_fd should evaluate f only 2n times"
    for y in calls:
        assert y.shape == x.shape, "jacobian_fd called f with an array of the wrong shape"
        moved = np.abs(y - x)
        assert np.count_nonzero(moved > 1e-12) <= 1 and moved.max() <= 1.01 * h, \
            "jacobian_fd must perturb one coordinate at a time, by h, starting from the unchanged x"
    assert_close(student.jacobian_fd(polar, [2, 0], h), np.array([[1.0, 0.0], [0.0, 2.0]]), atol=1e-6,
                 what="jacobian_fd at a point given as a list of integers")


def _scalar(y):
    y = np.asarray(y, dtype=float)
    return float(np.exp(y[0] - 0.5 * y[1]) + y[0] ** 2 * y[2] + np.sin(y[1] * y[2]))


def _scalar_hessian(y):
    e = np.exp(y[0] - 0.5 * y[1])
    s, c = np.sin(y[1] * y[2]), np.cos(y[1] * y[2])
    return np.array([[e + 2.0 * y[2], -0.5 * e, 2.0 * y[0]],
                     [-0.5 * e, 0.25 * e - y[2] ** 2 * s, c - y[1] * y[2] * s],
                     [2.0 * y[0], c - y[1] * y[2] * s, -y[1] ** 2 * s]])


@graded("hessian_fd", points=2)
def test_hessian_fd_of_a_smooth_function(student, rng):
    for _ in range(2):
        x = rng.uniform(-1.0, 1.0, 3)
        H = student.hessian_fd(_scalar, x, 1e-3)
        assert_close(H, _scalar_hessian(x), rtol=3e-5, atol=3e-5, what="hessian_fd of a smooth function, h = 1e-3")
        H = np.asarray(H, dtype=float)
        assert np.allclose(H, H.T, rtol=0.0, atol=1e-6), "the Hessian must be symmetric"
        assert_close(student.hessian_fd(_scalar, x), _scalar_hessian(x), rtol=1e-5, atol=1e-5,
                     what="hessian_fd of a smooth function with the default step")


@graded("hessian_fd", points=1)
def test_hessian_fd_of_quadratic_energies(student, reference, rng):
    # the potential energy of a clamped bar: its Hessian is the stiffness matrix
    n_el = int(rng.integers(2, 4))
    K = reference.bar_stiffness(n_el, float(rng.uniform(1.0, 5.0)), float(rng.uniform(1.0, 2.0)))[1:, 1:]
    load = rng.normal(size=n_el)

    def energy(u):
        u = np.asarray(u, dtype=float)
        return float(0.5 * u @ K @ u - load @ u)

    u = 0.1 * rng.normal(size=n_el)
    assert_close(student.hessian_fd(energy, u), K, rtol=0.0, atol=1e-6 * np.abs(K).max(),
                 what="hessian_fd of a bar's potential energy (it must equal the stiffness matrix)")
    # x^T A x with a non-symmetric A has the Hessian A + A^T, here at a point given as integers
    A = rng.normal(size=(3, 3))
    b = rng.normal(size=3)

    def form(y):
        y = np.asarray(y, dtype=float)
        return float(y @ A @ y + b @ y)

    assert_close(student.hessian_fd(form, [1, -2, 0]), A + A.T, rtol=0.0, atol=1e-5,
                 what="hessian_fd of x^T A x + b^T x at a point given as a list of integers")


class _InclinedBar:
    """A bar from the origin to X + u under a force F, large displacements: energy, gradient, Hessian."""

    def __init__(self, rng):
        angle = rng.uniform(0.3, 1.2)
        self.L0 = rng.uniform(1.0, 2.0)
        self.X = self.L0 * np.array([np.cos(angle), np.sin(angle)])
        self.k = rng.uniform(1.0, 10.0)
        self.F = rng.normal(size=2)

    def energy(self, u):
        length = np.linalg.norm(self.X + np.asarray(u, dtype=float))
        return float(0.5 * self.k * (length - self.L0) ** 2 - self.F @ np.asarray(u, dtype=float))

    def gradient(self, u):
        r = self.X + np.asarray(u, dtype=float)
        length = np.linalg.norm(r)
        return self.k * (length - self.L0) * r / length - self.F

    def hessian(self, u):
        r = self.X + np.asarray(u, dtype=float)
        length = np.linalg.norm(r)
        n = r / length
        nn = np.outer(n, n)
        return self.k * (nn + (1.0 - self.L0 / length) * (np.eye(2) - nn))


@graded("taylor", points=1)
def test_taylor_of_a_bar_energy_matches_reference(student, reference, rng):
    bar = _InclinedBar(rng)
    for _ in range(2):
        x0 = 0.2 * rng.normal(size=2)
        x = x0 + 0.3 * rng.normal(size=2)
        for order in (0, 1, 2):
            want = reference.taylor(bar.energy, bar.gradient, bar.hessian, x0, x, order)
            assert_close(student.taylor(bar.energy, bar.gradient, bar.hessian, x0, x, order), want,
                         rtol=1e-9, atol=1e-12, what=f"taylor of order {order} of a bar's energy")


@graded("taylor", points=1)
def test_taylor_of_a_quadratic_function(student, rng):
    n = int(rng.integers(2, 5))
    B = rng.normal(size=(n, n))
    A = B @ B.T + np.eye(n)
    b, c = rng.normal(size=n), float(rng.normal())
    calls = []

    def f(y):
        y = np.asarray(y, dtype=float)
        return float(0.5 * y @ A @ y + b @ y + c)

    def grad(y):
        calls.append(np.asarray(y, dtype=float).copy())
        return A @ np.asarray(y, dtype=float) + b

    def hess(y):
        calls.append(np.asarray(y, dtype=float).copy())
        return A.copy()

    x0 = rng.normal(size=n)
    x = x0 + 3.0 * rng.normal(size=n)
    d = x - x0
    assert_close(student.taylor(f, grad, hess, x0, x, 0), f(x0), rtol=1e-12,
                 what="taylor of order 0 (it is f(x0))")
    assert_close(student.taylor(f, grad, hess, x0, x, 1), f(x) - 0.5 * d @ A @ d, rtol=1e-9, atol=1e-9,
                 what="taylor of order 1 of a quadratic function")
    assert_close(student.taylor(f, grad, hess, x0, x, 2), f(x), rtol=1e-9, atol=1e-9,
                 what="taylor of order 2 of a quadratic function (it must be exact)")
    for y in calls:
        assert y.shape == x0.shape and np.allclose(y, x0, rtol=0.0, atol=1e-12), \
            "taylor must evaluate the gradient and the Hessian at the expansion point x0"
    for order in (3, -1):
        assert_raises("ValueError", student.taylor, f, grad, hess, x0, x, order)
