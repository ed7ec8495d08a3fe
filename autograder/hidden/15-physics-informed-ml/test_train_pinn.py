"""Hidden tests of ``train_pinn``: the trained network against the analytic solution at unseen points.

TensorFlow is not imported here: the network lives in the student's sandbox and is evaluated there.
"""

import numpy as np

from autograder.testing import RemoteObject, assert_raises, graded


def exact(x, a, b, u0, u1):
    C2 = (u1 - u0 - b / a) / (np.exp(-a) - 1.0)
    return u0 - C2 + C2 * np.exp(-a * x) + b / a * x


def _predict(model, x):
    out = model(x)
    if isinstance(out, RemoteObject):
        out = out.numpy()
    return np.asarray(out)


@graded("train_pinn", points=2)
def test_trained_pinn_reaches_the_stated_error_at_unseen_points(student, rng):
    x = np.linspace(0.0, 1.0, 201)
    while True:  # a clearly curved solution: at least 0.15 away from the chord between u0 and u1
        a, b = rng.uniform(1.0, 3.0), rng.uniform(-1.0, 1.0)
        u0, u1 = rng.uniform(-1.0, 1.0, 2)
        if np.max(np.abs(exact(x, a, b, u0, u1) - (u0 + (u1 - u0) * x))) >= 0.15:
            break
    model = student.train_pinn(a, b, u0, u1)
    x = np.concatenate([[0.0], np.sort(rng.uniform(0.0, 1.0, 97)), [1.0]])[:, None]
    u = _predict(model, x)
    assert u.shape == x.shape, "the trained network must map x of shape (n, 1) to u of shape (n, 1)"
    error = float(np.max(np.abs(u - exact(x, a, b, u0, u1))))
    assert error < 1e-2, f"the maximum error of the trained PINN is {error:.1e}, not below 1e-2"


@graded("train_pinn", points=1)
def test_untrained_network_is_float64_and_bad_arguments_raise(student, rng):
    model = student.train_pinn(1.0, 1.0, 0.0, 1.0, 8, 0)
    x = rng.uniform(0.0, 1.0, (7, 1))
    u = _predict(model, x)
    assert u.shape == (7, 1), "the network must map x of shape (n, 1) to u of shape (n, 1)"
    assert u.dtype == np.float64, "the network must compute in float64"
    assert_raises("ValueError", student.train_pinn, 1.0, 1.0, 0.0, 1.0, 0, 10)
    assert_raises("ValueError", student.train_pinn, 1.0, 1.0, 0.0, 1.0, 8, -1)
