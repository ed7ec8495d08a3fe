"""Hidden tests of ``lstm_step``: gate equations in the Keras layout [i, f, g, o], saturated gates, shapes,
and agreement with ``keras.layers.LSTMCell`` built in the student's sandbox (Keras is not imported here)."""

import numpy as np

from autograder.testing import assert_close, assert_raises, graded


def _sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def _weights(rng, D, Hd):
    return (rng.normal(scale=0.7, size=(D, 4 * Hd)), rng.normal(scale=0.5, size=(Hd, 4 * Hd)),
            rng.normal(scale=0.5, size=4 * Hd))


def _step(student, args, what):
    result = student.lstm_step(*args)
    assert isinstance(result, (tuple, list)) and len(result) == 2, f"{what}: expected a pair (h, c)"
    return result


@graded("lstm_step", points=1)
def test_lstm_step_matches_reference(student, reference, rng):
    for case, (D, Hd, N) in enumerate([(3, 2, None), (2, 5, None), (4, 3, int(rng.integers(3, 7)))]):
        lead = () if N is None else (N,)
        args = (rng.normal(size=lead + (D,)), np.tanh(rng.normal(size=lead + (Hd,))),
                rng.normal(size=lead + (Hd,))) + _weights(rng, D, Hd)
        h, c = _step(student, args, f"case {case + 1}")
        expected_h, expected_c = reference.lstm_step(*args)
        assert_close(h, expected_h, rtol=1e-9, atol=1e-13, what=f"case {case + 1}: h")
        assert_close(c, expected_c, rtol=1e-9, atol=1e-13, what=f"case {case + 1}: c")


@graded("lstm_step", points=1)
def test_lstm_step_with_saturated_gates(student, rng):
    D, Hd = 2, int(rng.integers(2, 5))
    x, h_prev, c_prev = rng.normal(size=D), np.tanh(rng.normal(size=Hd)), rng.normal(size=Hd)
    W, U = np.zeros((D, 4 * Hd)), np.zeros((Hd, 4 * Hd))
    b_g, b_o = rng.normal(size=Hd), rng.normal(size=Hd)
    # forget gate open (+50), input gate shut (-50): the cell keeps its memory
    b = np.concatenate([np.full(Hd, -50.0), np.full(Hd, 50.0), b_g, b_o])
    h, c = _step(student, (x, h_prev, c_prev, W, U, b), "remember")
    assert_close(c, c_prev, rtol=1e-12, atol=1e-14, what="c with the forget gate open and the input gate shut")
    assert_close(h, _sigmoid(b_o) * np.tanh(c_prev), rtol=1e-12, atol=1e-14, what="h = o * tanh(c)")
    # forget gate shut, input gate open: the cell forgets and takes the candidate tanh(z_g)
    b = np.concatenate([np.full(Hd, 50.0), np.full(Hd, -50.0), b_g, b_o])
    h, c = _step(student, (x, h_prev, c_prev, W, U, b), "overwrite")
    assert_close(c, np.tanh(b_g), rtol=1e-12, atol=1e-14, what="c with the forget gate shut and the input gate open")
    assert_close(h, _sigmoid(b_o) * np.tanh(np.tanh(b_g)), rtol=1e-12, atol=1e-14, what="h = o * tanh(c)")


@graded("lstm_step", points=1)
def test_lstm_step_from_rest_and_shape_errors(student, rng):
    D, Hd = 3, int(rng.integers(2, 5))
    W, U, b = _weights(rng, D, Hd)
    # x = 0, h_prev = 0, c_prev = 0: only the biases act, c = i * g
    h, c = _step(student, (np.zeros(D), np.zeros(Hd), np.zeros(Hd), W, U, b), "from rest")
    z_i, z_f, z_g, z_o = np.split(b, 4)
    assert_close(c, _sigmoid(z_i) * np.tanh(z_g), rtol=1e-12, atol=1e-14, what="c from rest")
    assert_close(h, _sigmoid(z_o) * np.tanh(_sigmoid(z_i) * np.tanh(z_g)), rtol=1e-12, atol=1e-14,
                 what="h from rest")
    x, h_prev, c_prev = rng.normal(size=D), rng.normal(size=Hd), rng.normal(size=Hd)
    assert_raises("ValueError", student.lstm_step, x, h_prev, c_prev, W, U[:, :3 * Hd], b)
    assert_raises("ValueError", student.lstm_step, x, h_prev, c_prev, W[:-1], U, b)
    assert_raises("ValueError", student.lstm_step, x, h_prev, c_prev, W, U, b[:-1])


@graded("lstm_step", points=1)
def test_lstm_step_agrees_with_keras_lstm_cell(student, rng):
    keras = student.keras
    for case, (D, Hd, N) in enumerate([(int(rng.integers(1, 4)), int(rng.integers(2, 6)), int(rng.integers(2, 5))),
                                       (int(rng.integers(2, 5)), 1, 1)]):
        W, U, b = _weights(rng, D, Hd)
        x, h_prev, c_prev = rng.normal(size=(N, D)), np.tanh(rng.normal(size=(N, Hd))), rng.normal(size=(N, Hd))
        cell = keras.layers.LSTMCell(Hd, dtype="float64")
        cell.build((None, D))
        cell.set_weights([W, U, b])
        output, (h_keras, c_keras) = cell(x, [h_prev, c_prev])
        h, c = _step(student, (x, h_prev, c_prev, W, U, b), f"Keras case {case + 1}")
        assert_close(h, np.asarray(h_keras.numpy(), dtype=float), rtol=1e-9, atol=1e-12,
                     what=f"Keras case {case + 1}: h compared with keras.layers.LSTMCell")
        assert_close(c, np.asarray(c_keras.numpy(), dtype=float), rtol=1e-9, atol=1e-12,
                     what=f"Keras case {case + 1}: c compared with keras.layers.LSTMCell")
