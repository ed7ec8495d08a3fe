"""Hidden tests of ``fourier_features``: the feature map, and the high frequencies it makes easy to fit."""

import numpy as np

from autograder.testing import assert_close, assert_raises, graded


@graded("fourier_features", points=1)
def test_fourier_features_match_the_reference(student, reference, rng):
    for d in (1, 2, 3):
        n, m = int(rng.integers(3, 10)), int(rng.integers(1, 6))
        x, B = rng.uniform(-1, 1, (n, d)), rng.normal(scale=3.0, size=(d, m))
        assert_close(student.fourier_features(x, B), reference.fourier_features(x, B), rtol=1e-10, atol=1e-12,
                     what=f"the features of {d}-D points")


@graded("fourier_features", points=1)
def test_fourier_features_fit_a_high_frequency_exactly(student, rng):
    x = np.sort(rng.uniform(0.0, 1.0, 60))[:, None]
    B = np.arange(1.0, 9.0)[None, :]
    features = np.asarray(student.fourier_features(x, B), dtype=float)
    assert features.shape == (60, 16), "the features of n points and m frequencies must have the shape (n, 2 m)"
    c1, c2 = rng.uniform(0.5, 2.0, 2)
    target = c1 * np.sin(16 * np.pi * x[:, 0]) + c2 * np.cos(6 * np.pi * x[:, 0])
    design = np.column_stack([np.ones(60), features])
    coef = np.linalg.lstsq(design, target, rcond=None)[0]
    assert np.max(np.abs(design @ coef - target)) < 1e-8, \
        "with the integer frequencies 1..8 a linear fit on the features must reproduce sin(16 pi x) exactly"
    assert_raises("ValueError", student.fourier_features, rng.normal(size=(5, 2)), rng.normal(size=(3, 4)))
