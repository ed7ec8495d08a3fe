"""Hidden tests of ``rnn_bptt``: loss and gradients by backpropagation through time."""

import numpy as np

from autograder.testing import assert_close, graded

NAMES = ("Wx", "Wh", "b", "Wy")


def _problem(rng, T, D, Hd, n_out):
    return {"X": rng.normal(size=(T, D)), "Y": rng.normal(size=(T, n_out)), "h0": rng.normal(scale=0.5, size=Hd),
            "Wx": rng.normal(scale=0.8, size=(Hd, D)), "Wh": rng.normal(scale=0.5, size=(Hd, Hd)),
            "b": rng.normal(scale=0.3, size=Hd), "Wy": rng.normal(size=(n_out, Hd))}


def _args(p):
    return p["X"], p["Y"], p["h0"], p["Wx"], p["Wh"], p["b"], p["Wy"]


def _bptt(student, p, what):
    result = student.rnn_bptt(*_args(p))
    assert isinstance(result, (tuple, list)) and len(result) == 2, f"{what}: expected a pair (L, grads)"
    L, grads = result
    assert isinstance(grads, dict) and set(grads) == set(NAMES), \
        f"{what}: grads must be a dict with the keys Wx, Wh, b, Wy"
    for name in NAMES:
        assert np.shape(grads[name]) == np.shape(p[name]), f"{what}: the gradient of {name} has the wrong shape"
    return L, {name: np.asarray(grads[name], dtype=float) for name in NAMES}


def _compare(student, reference, p, what):
    L, grads = _bptt(student, p, what)
    expected_L, expected = reference.rnn_bptt(*_args(p))
    assert_close(L, expected_L, rtol=1e-9, atol=1e-12, what=f"{what}: L")
    for name in NAMES:
        assert_close(grads[name], expected[name], rtol=1e-8, atol=1e-11, what=f"{what}: the gradient of {name}")


@graded("rnn_bptt", points=2)
def test_rnn_bptt_matches_reference(student, reference, rng):
    for case, (T, D, Hd, n_out) in enumerate([(1, 2, 3, 1), (int(rng.integers(4, 9)), 3, 4, 2),
                                          (int(rng.integers(10, 20)), 2, 5, 3)]):
        _compare(student, reference, _problem(rng, T, D, Hd, n_out), f"sequence {case + 1}")


@graded("rnn_bptt", points=1)
def test_rnn_bptt_agrees_with_finite_differences(student, reference, rng):
    p = _problem(rng, int(rng.integers(4, 7)), 2, 3, 2)
    L, grads = _bptt(student, p, "finite differences")
    _, Y_hat = reference.rnn_forward(p["X"], p["h0"], p["Wx"], p["Wh"], p["b"], p["Wy"])
    assert_close(L, 0.5 * np.sum((p["Y"] - Y_hat) ** 2), rtol=1e-9, what="L = 1/2 sum_t ||y_t - y_hat_t||^2")
    h = 1e-6
    for name in NAMES:
        numeric = np.zeros_like(p[name])
        for index in np.ndindex(p[name].shape):
            values = []
            for sign in (1.0, -1.0):
                shifted = dict(p)
                shifted[name] = p[name].copy()
                shifted[name][index] += sign * h
                values.append(student.rnn_bptt(*_args(shifted))[0])
            numeric[index] = (values[0] - values[1]) / (2 * h)
        assert_close(grads[name], numeric, rtol=1e-5, atol=1e-8,
                     what=f"the gradient of {name} compared with central differences of your L")


@graded("rnn_bptt", points=1)
def test_rnn_bptt_carries_a_late_error_back_to_early_steps(student, reference, rng):
    p = _problem(rng, int(rng.integers(6, 12)), 3, 4, 2)
    _, Y_hat = reference.rnn_forward(p["X"], p["h0"], p["Wx"], p["Wh"], p["b"], p["Wy"])
    # targets equal to the outputs: no loss, no gradient
    L, grads = _bptt(student, {**p, "Y": Y_hat}, "targets equal to the outputs")
    assert_close(L, 0.0, atol=1e-20, what="L when the targets equal the outputs")
    for name in NAMES:
        assert_close(grads[name], np.zeros_like(p[name]), atol=1e-13,
                     what=f"the gradient of {name} when the targets equal the outputs")
    # an error at the last step only: it reaches Wx, Wh and b through every earlier step
    Y = Y_hat.copy()
    Y[-1] += rng.normal(size=Y.shape[1])
    _compare(student, reference, {**p, "Y": Y}, "an error at the last step only")
