"""Hidden tests of ``conv2d``: cross-correlation (no flip), padding on every side, stride, dilation, channels."""

import numpy as np
from scipy.signal import correlate2d

from autograder.testing import assert_close, assert_raises, graded


def _kernel_fits(H, W, f, g, p, d):
    return H + 2 * p - d * (f - 1) >= 1 and W + 2 * p - d * (g - 1) >= 1


def _cases(rng, count, dilations):
    """Random (H, W, f, g, s, p, d) whose dilated kernel fits the padded input; d runs through ``dilations``."""
    cases = []
    while len(cases) < count:
        H, W = int(rng.integers(5, 14)), int(rng.integers(5, 14))
        f, g = int(rng.integers(1, 5)), int(rng.integers(1, 5))
        s, p = int(rng.integers(1, 4)), int(rng.integers(0, 3))
        d = dilations[len(cases) % len(dilations)]
        if _kernel_fits(H, W, f, g, p, d) and (f > 1 or g > 1):
            cases.append((H, W, f, g, s, p, d))
    return cases


@graded("conv2d", points=1)
def test_conv2d_is_a_cross_correlation_with_padding_on_every_side(student, rng):
    for case in range(3):
        H, W = int(rng.integers(4, 12)), int(rng.integers(4, 12))
        f, g = int(rng.integers(2, 5)), int(rng.integers(2, 5))
        x, k = rng.normal(size=(H, W)), rng.normal(size=(f, g))
        assert_close(student.conv2d(x, k), correlate2d(x, k, mode="valid"), rtol=1e-10, atol=1e-12,
                     what=f"case {case + 1}: the valid cross-correlation (stride 1, no padding)")
        p = int(rng.integers(1, 3))
        assert_close(student.conv2d(x, k, padding=p), correlate2d(np.pad(x, p), k, mode="valid"),
                     rtol=1e-10, atol=1e-12, what=f"case {case + 1}: the cross-correlation with zero padding")


@graded("conv2d", points=1)
def test_conv2d_with_stride_padding_and_dilation_matches_reference(student, reference, rng):
    for case, (H, W, f, g, s, p, d) in enumerate(_cases(rng, 6, (1, 2, 3))):
        x, k = rng.normal(size=(H, W)), rng.normal(size=(f, g))
        out = np.asarray(student.conv2d(x, k, stride=s, padding=p, dilation=d))
        shape = ((H + 2 * p - d * (f - 1) - 1) // s + 1, (W + 2 * p - d * (g - 1) - 1) // s + 1)
        assert out.shape == shape, f"case {case + 1}: the output shape is not floor((H + 2p - d(f-1) - 1)/s) + 1"
        assert_close(out, reference.conv2d(x, k, stride=s, padding=p, dilation=d), rtol=1e-10, atol=1e-12,
                     what=f"case {case + 1} (stride, padding and dilation)")


@graded("conv2d", points=2)
def test_conv2d_with_channels_matches_reference(student, reference, rng):
    for case, (H, W, f, g, s, p, d) in enumerate(_cases(rng, 4, (1, 2))):
        c_in, c_out = int(rng.integers(1, 4)), int(rng.integers(1, 4))
        x, k = rng.normal(size=(H, W, c_in)), rng.normal(size=(f, g, c_in, c_out))
        assert_close(student.conv2d(x, k, stride=s, padding=p, dilation=d),
                     reference.conv2d(x, k, stride=s, padding=p, dilation=d), rtol=1e-10, atol=1e-12,
                     what=f"case {case + 1} with {c_in} input and {c_out} output channels")
    # a volume convolution is the sum over the input channels of 2-D cross-correlations
    H, W, c_in = int(rng.integers(5, 10)), int(rng.integers(5, 10)), 3
    x, k = rng.normal(size=(H, W, c_in)), rng.normal(size=(3, 3, c_in, 2))
    expected = np.stack([sum(correlate2d(x[:, :, c], k[:, :, c, o], mode="valid") for c in range(c_in))
                         for o in range(2)], axis=-1)
    assert_close(student.conv2d(x, k), expected, rtol=1e-10, atol=1e-12,
                 what="output channel o as the sum over c of the cross-correlations of channel c with k[:, :, c, o]")


@graded("conv2d", points=1)
def test_conv2d_differentiates_a_stress_field_and_checks_arguments(student, rng):
    H, W = int(rng.integers(6, 12)), int(rng.integers(6, 12))
    rows, cols = np.mgrid[0:H, 0:W].astype(float)
    a, b, c = rng.uniform(-5.0, 5.0, 3)
    sigma = a * cols + b * rows + c                       # a linear stress field, x = column, y = row
    sobel_x = np.array([[-1.0, 0.0, 1.0], [-2.0, 0.0, 2.0], [-1.0, 0.0, 1.0]])
    assert_close(student.conv2d(sigma, sobel_x), np.full((H - 2, W - 2), 8.0 * a), rtol=1e-9, atol=1e-9,
                 what="the Sobel kernel applied to a linear field (8 times the slope in x)")
    assert_close(student.conv2d(sigma, sobel_x.T), np.full((H - 2, W - 2), 8.0 * b), rtol=1e-9, atol=1e-9,
                 what="the transposed Sobel kernel applied to a linear field (8 times the slope in y)")
    laplace = np.array([[0.0, 1.0, 0.0], [1.0, -4.0, 1.0], [0.0, 1.0, 0.0]])
    quadratic = a * cols ** 2 + b * rows ** 2 + c * cols * rows
    assert_close(student.conv2d(quadratic, laplace, stride=2), np.full(((H - 3) // 2 + 1, (W - 3) // 2 + 1),
                 2.0 * (a + b)), rtol=1e-9, atol=1e-8, what="the Laplace stencil applied to a quadratic field")
    assert_raises("ValueError", student.conv2d, rng.normal(size=(3, 5)), rng.normal(size=(4, 2)))
    assert_raises("ValueError", student.conv2d, rng.normal(size=(5, 5)), rng.normal(size=(3, 3)), dilation=3)
    assert_raises("ValueError", student.conv2d, rng.normal(size=(5, 5, 2)), rng.normal(size=(3, 3, 3, 1)))
    assert_raises("ValueError", student.conv2d, rng.normal(size=(5, 5)), rng.normal(size=(3, 3, 1, 1)))
