"""Hidden tests of ``TwoLayerNet``: the forward pass (tanh, softmax) and backpropagation."""

import numpy as np

from autograder.testing import assert_close, assert_raises, graded

NAMES = ("W1", "b1", "W2", "b2")


def _params(rng, d, h, k, scale=1.0):
    return {"W1": rng.normal(size=(d, h)), "b1": rng.normal(size=h),
            "W2": scale * rng.normal(size=(h, k)), "b2": rng.normal(size=k)}


def _problem(rng, d, h, k, n):
    return rng.normal(size=(n, d)), np.eye(k)[rng.integers(0, k, size=n)], _params(rng, d, h, k)


def _forward(student, reference, X, params, what, rtol=1e-9, atol=1e-13):
    result = student.TwoLayerNet(params).forward(X)
    assert isinstance(result, (tuple, list)) and len(result) == 2, f"{what}: forward must return a pair (A1, P)"
    A1, P = reference.TwoLayerNet(params).forward(X)
    assert_close(result[0], A1, rtol=rtol, atol=atol, what=f"{what}: A1")
    assert_close(result[1], P, rtol=rtol, atol=atol, what=f"{what}: P")
    return result


def _backward(student, X, Y, params, what):
    result = student.TwoLayerNet(params).backward(X, Y)
    assert isinstance(result, (tuple, list)) and len(result) == 2, f"{what}: backward must return a pair (L, grads)"
    L, grads = result
    assert isinstance(grads, dict) and set(grads) == set(NAMES), \
        f"{what}: grads must be a dict with the keys W1, b1, W2, b2"
    for name in NAMES:
        assert np.shape(grads[name]) == np.shape(params[name]), f"{what}: the gradient of {name} has the wrong shape"
    return L, {name: np.asarray(grads[name], dtype=float) for name in NAMES}


@graded("TwoLayerNet", points=1)
def test_two_layer_net_forward_matches_reference(student, reference, rng):
    for case in range(3):
        d, h, k = int(rng.integers(1, 5)), int(rng.integers(2, 7)), int(rng.integers(2, 5))
        n = 1 if case == 0 else int(rng.integers(2, 9))
        _forward(student, reference, rng.normal(size=(n, d)), _params(rng, d, h, k), f"network {case + 1}")


@graded("TwoLayerNet", points=1)
def test_two_layer_net_forward_is_stable_and_checks_shapes(student, reference, rng):
    d, h, k, n = 3, int(rng.integers(3, 6)), int(rng.integers(2, 5)), int(rng.integers(4, 8))
    params = _params(rng, d, h, k, scale=400.0)      # logits of several hundred
    _, P = _forward(student, reference, 3.0 * rng.normal(size=(n, d)), params, "huge logits", rtol=1e-8)
    assert np.all(np.isfinite(P)), "P must be finite for huge logits"
    assert_close(np.sum(P, axis=1), np.ones(n), rtol=1e-12, what="the row sums of P")
    assert_raises("ValueError", student.TwoLayerNet, {**params, "b1": np.zeros(h + 1)})
    assert_raises("ValueError", student.TwoLayerNet, {**params, "W2": np.zeros((h + 1, k))})
    assert_raises("ValueError", student.TwoLayerNet, {name: params[name] for name in ("W1", "b1", "W2")})


@graded("TwoLayerNet", points=2)
def test_two_layer_net_backward_matches_reference(student, reference, rng):
    for case in range(3):
        d, h, k = int(rng.integers(1, 5)), int(rng.integers(2, 7)), int(rng.integers(2, 5))
        n = 1 if case == 0 else int(rng.integers(2, 12))
        X, Y, params = _problem(rng, d, h, k, n)
        L, grads = _backward(student, X, Y, params, f"network {case + 1}")
        expected_L, expected = reference.TwoLayerNet(params).backward(X, Y)
        assert_close(L, expected_L, rtol=1e-9, atol=1e-13, what=f"network {case + 1}: L")
        for name in NAMES:
            assert_close(grads[name], expected[name], rtol=1e-8, atol=1e-12,
                         what=f"network {case + 1}: the gradient of {name}")


@graded("TwoLayerNet", points=1)
def test_two_layer_net_backward_agrees_with_finite_differences(student, rng):
    X, Y, params = _problem(rng, 2, 3, 3, int(rng.integers(3, 7)))
    _, grads = _backward(student, X, Y, params, "finite differences")
    h = 1e-6
    for name in NAMES:
        numeric = np.zeros_like(params[name])
        for index in np.ndindex(params[name].shape):
            values = []
            for sign in (1.0, -1.0):
                shifted = dict(params)
                shifted[name] = params[name].copy()
                shifted[name][index] += sign * h
                values.append(student.TwoLayerNet(shifted).backward(X, Y)[0])
            numeric[index] = (values[0] - values[1]) / (2 * h)
        assert_close(grads[name], numeric, rtol=1e-5, atol=1e-8,
                     what=f"the gradient of {name} compared with central differences of your L")


@graded("TwoLayerNet", points=1)
def test_two_layer_net_batch_gradient_is_the_mean_over_its_samples(student, rng):
    n = int(rng.integers(3, 6))
    X, Y, params = _problem(rng, 3, 4, 3, n)
    L, grads = _backward(student, X, Y, params, "batch")
    singles = [_backward(student, X[i:i + 1], Y[i:i + 1], params, f"sample {i + 1}") for i in range(n)]
    assert_close(L, np.mean([s[0] for s in singles]), rtol=1e-9, what="L of a batch vs the mean over its samples")
    for name in NAMES:
        assert_close(grads[name], np.mean([s[1][name] for s in singles], axis=0), rtol=1e-8, atol=1e-12,
                     what=f"the gradient of {name} of a batch vs the mean over its samples")


@graded("TwoLayerNet", points=1)
def test_two_layer_net_gradient_vanishes_when_the_labels_are_the_predictions(student, reference, rng):
    # soft labels equal to the network's own predictions: L is minimal in the logits, all gradients vanish
    X, _, params = _problem(rng, int(rng.integers(2, 4)), int(rng.integers(2, 5)), 3, int(rng.integers(3, 8)))
    _, P = reference.TwoLayerNet(params).forward(X)
    _, grads = _backward(student, X, P, params, "labels equal to the predictions")
    for name in NAMES:
        assert_close(grads[name], np.zeros_like(params[name]), atol=1e-12,
                     what=f"the gradient of {name} when the labels equal the predictions")
