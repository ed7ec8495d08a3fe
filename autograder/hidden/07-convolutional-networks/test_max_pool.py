"""Hidden tests of ``MaxPool2D``: forward pass, and the backward pass to the first maximum, summed over windows."""

import numpy as np

from autograder.testing import assert_close, assert_raises, graded

# (size, stride): non-overlapping, overlapping, with gaps between the windows
LAYOUTS = [(2, None), (3, 2), (2, 1), (2, 3), (3, None)]


def _input(rng, size, stride, channels, ties):
    step = size if stride is None else stride
    H, W = size + step * int(rng.integers(1, 4)) + int(rng.integers(0, 2)), size + step * int(rng.integers(1, 4))
    shape = (H, W) if channels == 0 else (H, W, channels)
    return rng.integers(0, 3, size=shape).astype(float) if ties else rng.normal(size=shape)


@graded("MaxPool2D", points=1)
def test_max_pool_forward_matches_reference(student, reference, rng):
    for case, (size, stride) in enumerate(LAYOUTS):
        x = _input(rng, size, stride, int(rng.integers(0, 3)), ties=False)
        assert_close(student.MaxPool2D(size, stride).forward(x), reference.MaxPool2D(size, stride).forward(x),
                     rtol=0.0, atol=0.0, what=f"layout {case + 1}: the pooled output")


@graded("MaxPool2D", points=2)
def test_max_pool_backward_routes_to_the_first_maximum_and_sums_over_windows(student, reference, rng):
    for case, (size, stride) in enumerate(LAYOUTS):
        x = _input(rng, size, stride, int(rng.integers(0, 3)), ties=True)  # many ties
        expected_pool = reference.MaxPool2D(size, stride)
        out = expected_pool.forward(x)
        dout = rng.normal(size=out.shape)
        pool = student.MaxPool2D(size, stride)
        pool.forward(x)
        assert_close(pool.backward(dout), expected_pool.backward(dout), rtol=1e-12, atol=1e-12,
                     what=f"layout {case + 1} (with ties): dL/dx")


@graded("MaxPool2D", points=1)
def test_max_pool_backward_is_the_derivative_and_checks_arguments(student, rng):
    for case, (size, stride) in enumerate([(2, None), (3, 1)]):
        x = _input(rng, size, stride, 1, ties=False)
        pool = student.MaxPool2D(size, stride)
        dout = rng.normal(size=np.shape(pool.forward(x)))
        dx = np.asarray(pool.backward(dout), dtype=float)
        assert dx.shape == x.shape, f"layout {case + 1}: dL/dx must have the shape of x"
        h, numeric = 1e-6, np.zeros_like(x)
        other = student.MaxPool2D(size, stride)
        for index in np.ndindex(x.shape):
            step = np.zeros_like(x)
            step[index] = h
            numeric[index] = (np.sum(dout * np.asarray(other.forward(x + step)))
                              - np.sum(dout * np.asarray(other.forward(x - step)))) / (2 * h)
        assert_close(dx, numeric, rtol=1e-6, atol=1e-8,
                     what=f"layout {case + 1}: dL/dx compared with central differences of your forward pass")
    assert_raises("RuntimeError", student.MaxPool2D(2).backward, np.ones((2, 2)))
    pool = student.MaxPool2D(2)
    pool.forward(rng.normal(size=(6, 6)))
    assert_raises("ValueError", pool.backward, np.ones((2, 3)))
    assert_raises("ValueError", student.MaxPool2D(3).forward, rng.normal(size=(2, 5)))
