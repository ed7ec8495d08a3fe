"""Hidden tests of ``rnn_forward``: the state update and output over a sequence, shared weights, shapes."""

import numpy as np

from autograder.testing import assert_close, assert_raises, graded


def _problem(rng, T, D, Hd, n_out):
    return (rng.normal(size=(T, D)), rng.normal(scale=0.5, size=Hd),
            rng.normal(scale=0.8, size=(Hd, D)), rng.normal(scale=0.6, size=(Hd, Hd)),
            rng.normal(scale=0.3, size=Hd), rng.normal(size=(n_out, Hd)))


def _run(student, args, what):
    result = student.rnn_forward(*args)
    assert isinstance(result, (tuple, list)) and len(result) == 2, f"{what}: expected a pair (H, Y_hat)"
    return result


@graded("rnn_forward", points=2)
def test_rnn_forward_matches_reference(student, reference, rng):
    for case, (T, D, Hd, n_out) in enumerate([(1, 3, 4, 2), (int(rng.integers(5, 12)), 2, 5, 3),
                                          (int(rng.integers(12, 25)), 4, 3, 1)]):
        args = _problem(rng, T, D, Hd, n_out)
        H, Y = _run(student, args, f"sequence {case + 1}")
        expected_H, expected_Y = reference.rnn_forward(*args)
        assert_close(H, expected_H, rtol=1e-9, atol=1e-12, what=f"sequence {case + 1}: H")
        assert_close(Y, expected_Y, rtol=1e-9, atol=1e-12, what=f"sequence {case + 1}: Y_hat")


@graded("rnn_forward", points=1)
def test_rnn_forward_shares_weights_in_time_and_checks_shapes(student, reference, rng):
    # unrolled with the same weights at every step: the second half of a sequence, started from the
    # last state of the first half, continues the run over the whole sequence
    T, D, Hd, n_out = int(rng.integers(8, 16)), 3, 5, 2
    X, h0, Wx, Wh, b, Wy = _problem(rng, T, D, Hd, n_out)
    k = int(rng.integers(2, T - 2))
    H, Y = _run(student, (X, h0, Wx, Wh, b, Wy), "the whole sequence")
    H1, Y1 = _run(student, (X[:k], h0, Wx, Wh, b, Wy), "the first part")
    H2, Y2 = _run(student, (X[k:], np.asarray(H1)[-1], Wx, Wh, b, Wy), "the second part")
    assert_close(np.concatenate([H1, H2]), H, rtol=1e-10, atol=1e-13,
                 what="H of the two parts, run one after the other, vs H of the whole sequence")
    assert_close(np.concatenate([Y1, Y2]), Y, rtol=1e-10, atol=1e-13,
                 what="Y_hat of the two parts vs Y_hat of the whole sequence")
    # a constant input with zero weights except the bias: h_t = tanh(b) for every t
    H, _ = _run(student, (X, h0, np.zeros((Hd, D)), np.zeros((Hd, Hd)), b, Wy), "bias only")
    assert_close(H, np.tile(np.tanh(b), (T, 1)), rtol=1e-12, atol=1e-14, what="H with bias-only weights")
    assert_raises("ValueError", student.rnn_forward, X, h0, Wx.T, Wh, b, Wy)
    assert_raises("ValueError", student.rnn_forward, X, h0, Wx, Wh, b, Wy.T)
