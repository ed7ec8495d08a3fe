"""Hidden tests of ``gru_step``: the course's GRU equations (Keras's reset_after=False, blocks [z, r, h]),
saturated update gate, shapes, and agreement with ``keras.layers.GRUCell(reset_after=False)`` built in
the student's sandbox."""

import numpy as np

from autograder.testing import assert_close, assert_raises, graded


def _weights(rng, D, Hd):
    return (rng.normal(scale=0.7, size=(D, 3 * Hd)), rng.normal(scale=0.5, size=(Hd, 3 * Hd)),
            rng.normal(scale=0.5, size=3 * Hd))


def _step(student, args, what):
    h = np.asarray(student.gru_step(*args), dtype=float)
    assert h.shape == np.shape(args[1]), f"{what}: h must have the shape of h_prev"
    return h


@graded("gru_step", points=1)
def test_gru_step_matches_reference(student, reference, rng):
    for case, (D, Hd, N) in enumerate([(3, 2, None), (2, 5, None), (4, 3, int(rng.integers(3, 7)))]):
        lead = () if N is None else (N,)
        args = (rng.normal(size=lead + (D,)), np.tanh(rng.normal(size=lead + (Hd,)))) + _weights(rng, D, Hd)
        h = _step(student, args, f"case {case + 1}")
        assert_close(h, reference.gru_step(*args), rtol=1e-9, atol=1e-13, what=f"case {case + 1}: h")


@graded("gru_step", points=1)
def test_gru_step_saturated_update_gate_and_shape_errors(student, rng):
    D, Hd = 2, int(rng.integers(2, 5))
    x, h_prev = rng.normal(size=D), np.tanh(rng.normal(size=Hd))
    W, U, b = _weights(rng, D, Hd)
    # update gate shut at z = 1 (bias +50 on the z block): the state is kept exactly
    b_keep = b.copy()
    b_keep[:Hd] = 50.0
    W_keep = W.copy()
    W_keep[:, :Hd] = 0.0
    U_keep = U.copy()
    U_keep[:, :Hd] = 0.0
    h = _step(student, (x, h_prev, W_keep, U_keep, b_keep), "keep")
    assert_close(h, h_prev, rtol=1e-12, atol=1e-14, what="h with the update gate z = 1")
    # z = 0 and reset gate r = 0: h is the candidate tanh(x W_h + b_h), the recurrent part switched off
    b_new = b.copy()
    b_new[:Hd], b_new[Hd:2 * Hd] = -50.0, -50.0
    W_new, U_new = W.copy(), U.copy()
    W_new[:, :2 * Hd], U_new[:, :2 * Hd] = 0.0, 0.0
    h = _step(student, (x, h_prev, W_new, U_new, b_new), "replace")
    assert_close(h, np.tanh(x @ W[:, 2 * Hd:] + b[2 * Hd:]), rtol=1e-12, atol=1e-14,
                 what="h with the update gate z = 0 and the reset gate r = 0")
    assert_raises("ValueError", student.gru_step, x, h_prev, W, U[:, :2 * Hd], b)
    assert_raises("ValueError", student.gru_step, x, h_prev, W[:-1], U, b)
    assert_raises("ValueError", student.gru_step, x, h_prev, W, U, np.stack([b, b]))


@graded("gru_step", points=1)
def test_gru_step_agrees_with_keras_gru_cell(student, rng):
    keras = student.keras
    for case, (D, Hd, N) in enumerate([(int(rng.integers(1, 4)), int(rng.integers(2, 6)), int(rng.integers(2, 5))),
                                       (int(rng.integers(2, 5)), 1, 1)]):
        W, U, b = _weights(rng, D, Hd)
        x, h_prev = rng.normal(size=(N, D)), np.tanh(rng.normal(size=(N, Hd)))
        cell = keras.layers.GRUCell(Hd, reset_after=False, dtype="float64")  # the course convention
        cell.build((None, D))
        cell.set_weights([W, U, b])
        output, _ = cell(x, [h_prev])
        h = _step(student, (x, h_prev, W, U, b), f"Keras case {case + 1}")
        assert_close(h, np.asarray(output.numpy(), dtype=float), rtol=1e-9, atol=1e-12,
                     what=f"Keras case {case + 1}: h compared with keras.layers.GRUCell(reset_after=False)")
