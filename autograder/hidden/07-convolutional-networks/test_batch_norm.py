"""Hidden tests of ``batch_norm_forward``: per-channel statistics over the batch (and pixels), biased variance."""

import numpy as np

from autograder.testing import assert_close, assert_raises, graded


def _check(student, reference, x, gamma, beta, what, **kwargs):
    result = student.batch_norm_forward(x, gamma, beta, **kwargs)
    assert isinstance(result, (tuple, list)) and len(result) == 3, f"{what}: expected a triple (y, mu, sigma2)"
    for got, want, name in zip(result, reference.batch_norm_forward(x, gamma, beta, **kwargs), ("y", "mu", "sigma2")):
        assert_close(got, want, rtol=1e-9, atol=1e-12, what=f"{what}: {name}")
    return result


def _batch(rng, shape):
    C = shape[-1]
    scale = np.exp(rng.uniform(-5.0, 1.0, C))            # channels of very different spread, some tiny
    return rng.normal(size=C) + scale * rng.normal(size=shape), rng.uniform(0.5, 2.0, C), rng.normal(size=C)


@graded("batch_norm_forward", points=1)
def test_batch_norm_of_dense_activations_matches_reference(student, reference, rng):
    for case in range(3):
        x, gamma, beta = _batch(rng, (int(rng.integers(2, 20)), int(rng.integers(1, 6))))
        if case == 0:
            _check(student, reference, x, gamma, beta, "dense activations, default eps")
        else:
            _check(student, reference, x, gamma, beta, f"dense activations {case}", eps=float(rng.choice([1e-5, 1e-2])))


@graded("batch_norm_forward", points=1)
def test_batch_norm_of_feature_maps_matches_reference(student, reference, rng):
    for case in range(2):
        shape = (int(rng.integers(1, 5)), int(rng.integers(2, 6)), int(rng.integers(2, 6)), int(rng.integers(1, 4)))
        x, gamma, beta = _batch(rng, shape)
        _check(student, reference, x, gamma, beta, f"feature maps {case + 1} of shape (N, H, W, C)")


@graded("batch_norm_forward", points=1)
def test_batch_norm_standardises_each_channel_and_checks_shapes(student, rng):
    x, gamma, beta = _batch(rng, (int(rng.integers(2, 4)), 5, 4, 3))
    y, _, _ = student.batch_norm_forward(x, gamma, beta, eps=0.0)
    y = np.asarray(y, dtype=float)
    assert_close(y.mean(axis=(0, 1, 2)), beta, rtol=1e-9, atol=1e-9, what="the mean of y per channel (eps = 0)")
    assert_close(y.std(axis=(0, 1, 2)), gamma, rtol=1e-9, what="the standard deviation of y per channel (eps = 0)")
    a, b = rng.uniform(0.1, 10.0, 3), rng.normal(scale=5.0, size=3)
    y_affine, _, _ = student.batch_norm_forward(a * x + b, gamma, beta, eps=0.0)
    assert_close(y_affine, y, rtol=1e-8, atol=1e-9,
                 what="y of a x + b (a > 0 per channel) compared with y of x (eps = 0)")
    assert_raises("ValueError", student.batch_norm_forward, x[0], gamma, beta)
    assert_raises("ValueError", student.batch_norm_forward, x, gamma[:2], beta[:2])
