"""Hidden tests of ``pinn_loss``: the residual u'' + a u' - b by nested tapes in float64, and the loss.

TensorFlow is not imported here. The functions u(x) live in the student's sandbox: TensorFlow's own
operations (``tf.sin``, ...) and a small float64 Keras network built there through remote calls; their
derivatives are known in closed form and computed here with NumPy.
"""

import numpy as np

from autograder.testing import RemoteObject, assert_close, graded

# u, u', u'' of the TensorFlow functions used as trial solutions
FUNCTIONS = {
    "sin": (np.sin, np.cos, lambda x: -np.sin(x)),
    "exp": (np.exp, np.exp, np.exp),
    "tanh": (np.tanh, lambda x: 1 - np.tanh(x) ** 2, lambda x: -2 * np.tanh(x) * (1 - np.tanh(x) ** 2)),
}


def _tensor(value):
    """The values of a tensor returned by the student (a NumPy array is accepted too) and its dtype name."""
    if isinstance(value, RemoteObject):
        dtype = value.dtype
        name = dtype if isinstance(dtype, str) else getattr(dtype, "name", "?")
        return np.asarray(value.numpy()), name
    array = np.asarray(value)
    return array, array.dtype.name


def _call(student, u_fn, x, a, b, u0, u1):
    result = student.pinn_loss(u_fn, x, a, b, u0, u1)
    assert isinstance(result, (tuple, list)) and len(result) == 2, "pinn_loss must return the pair (loss, residual)"
    loss, loss_dtype = _tensor(result[0])
    residual, residual_dtype = _tensor(result[1])
    assert residual_dtype == "float64", "the residual must be computed in float64 (tf.float64), not float32"
    assert loss_dtype == "float64", "the loss must be a float64 tensor"
    return loss, residual


def _expected(u, du, d2u, x, a, b, u0, u1):
    residual = d2u(x) + a * du(x) - b
    loss = np.mean(residual**2) + (u(0.0) - u0) ** 2 + (u(1.0) - u1) ** 2
    return loss, residual


@graded("pinn_loss", points=2)
def test_residual_of_tensorflow_functions(student, rng):
    tf = student.tf
    for name, (u, du, d2u) in FUNCTIONS.items():
        n = int(rng.integers(3, 12))
        x = rng.uniform(0.0, 1.0, (n, 1))
        a, b = rng.uniform(-3.0, 3.0), rng.uniform(-3.0, 3.0)
        _, residual = _call(student, getattr(tf, name), x, a, b, 0.0, 0.0)
        assert_close(residual, _expected(u, du, d2u, x, a, b, 0.0, 0.0)[1], rtol=1e-10, atol=1e-12,
                     what=f"the residual of u = {name}(x)")


@graded("pinn_loss", points=1)
def test_loss_has_the_residual_and_both_boundary_terms(student, rng):
    tf = student.tf
    for name in ("sin", "exp"):
        u, du, d2u = FUNCTIONS[name]
        x = rng.uniform(0.0, 1.0, (int(rng.integers(4, 10)), 1))
        a, b = rng.uniform(-3.0, 3.0), rng.uniform(-3.0, 3.0)
        u0, u1 = rng.uniform(-2.0, 2.0, 2)
        loss, _ = _call(student, getattr(tf, name), x, a, b, u0, u1)
        assert loss.shape == (), "the loss must be a scalar (shape ())"
        assert_close(float(loss), _expected(u, du, d2u, x, a, b, u0, u1)[0], rtol=1e-10,
                     what=f"the loss of u = {name}(x)")


@graded("pinn_loss", points=1)
def test_residual_and_loss_of_a_keras_network(student, rng):
    h = int(rng.integers(3, 8))
    W1, b1 = rng.normal(size=(1, h)), rng.normal(scale=0.5, size=h)
    W2, b2 = rng.normal(size=(h, 1)), rng.normal(scale=0.5, size=1)
    keras = student.keras
    model = keras.Sequential([keras.Input(shape=(1,), dtype="float64"),
                              keras.layers.Dense(h, activation="tanh", dtype="float64"),
                              keras.layers.Dense(1, dtype="float64")])
    model.set_weights([W1, b1, W2, b2])

    def u(x):
        return np.tanh(np.reshape(x, (-1, 1)) @ W1 + b1) @ W2 + b2

    def du(x):
        t = np.tanh(x @ W1 + b1)
        return ((1 - t**2) * W1) @ W2

    def d2u(x):
        t = np.tanh(x @ W1 + b1)
        return (-2 * t * (1 - t**2) * W1**2) @ W2

    x = rng.uniform(0.0, 1.0, (int(rng.integers(5, 15)), 1))
    a, b = rng.uniform(-3.0, 3.0), rng.uniform(-3.0, 3.0)
    u0, u1 = rng.uniform(-2.0, 2.0, 2)
    loss, residual = _call(student, model, x, a, b, u0, u1)
    expected_loss, expected_residual = _expected(lambda s: u(s)[0, 0], du, d2u, x, a, b, u0, u1)
    assert_close(residual, expected_residual, rtol=1e-9, atol=1e-11, what="the residual of a Keras network")
    assert_close(float(loss), expected_loss, rtol=1e-9, what="the loss of a Keras network")
