"""Hidden tests of ``random_search_points``: replayed draws, log-uniform distribution, errors."""

import numpy as np

from autograder.testing import assert_close, assert_raises, graded


@graded("random_search_points", points=2)
def test_random_points_replay_the_reference(student, reference, rng):
    for case in range(4):
        d = case % 3 + 1
        logs = [bool(flag) for flag in rng.integers(0, 2, size=d)]
        if case == 0:
            logs[0] = True
        bounds = []
        for is_log in logs:
            low = float(10.0 ** rng.uniform(-8, -1)) if is_log else float(rng.uniform(-5, 5))
            bounds.append([low, low * 10.0 ** float(rng.uniform(1, 6)) if is_log else low + float(rng.uniform(1, 9))])
        n = int(rng.integers(3, 25))
        seed = int(rng.integers(0, 2**31))
        assert_close(student.random_search_points(bounds, n, seed, logs),
                     reference.random_search_points(bounds, n, seed, logs),
                     rtol=1e-10, atol=1e-12, what=f"random points, case {case + 1}")
    bounds = [[0.0, 1.0], [1e-3, 1.0]]
    seed = int(rng.integers(0, 2**31))
    assert_close(student.random_search_points(bounds, 6, seed, [False, True]),
                 reference.random_search_points(bounds, 6, seed, [False, True]), rtol=1e-10, atol=1e-12,
                 what="a uniform and a log-uniform dimension")
    assert_close(student.random_search_points([[2.0, 5.0]], 7, seed),
                 reference.random_search_points([[2.0, 5.0]], 7, seed), rtol=1e-10, atol=1e-12,
                 what="default log=False")
    empty = np.asarray(student.random_search_points(bounds, 0, seed), dtype=float)
    assert empty.shape == (0, 2), "n = 0 must give an array of shape (0, d)"


@graded("random_search_points", points=1)
def test_random_points_are_log_uniform_and_errors(student, rng):
    low_exp = int(rng.integers(-8, -4))
    decades = int(rng.integers(4, 7))
    n = 12000
    pts = np.asarray(student.random_search_points([[10.0 ** low_exp, 10.0 ** (low_exp + decades)], [0.0, 1.0]],
                                                  n, int(rng.integers(0, 2**31)), [True, False]), dtype=float)
    assert pts.shape == (n, 2), "expected an array of shape (n, d)"
    exponents = np.log10(pts[:, 0])
    assert np.all(exponents >= low_exp - 1e-9) and np.all(exponents <= low_exp + decades + 1e-9), (
        "log-uniform points must stay within the bounds")
    counts = np.histogram(exponents, bins=decades, range=(low_exp, low_exp + decades))[0]
    share = counts / n
    assert np.all(np.abs(share - 1.0 / decades) < 0.035), (
        "a log-uniform sample must put equally many points in every decade")
    assert np.all((pts[:, 1] >= 0.0) & (pts[:, 1] < 1.0)), "uniform points must stay within the bounds"
    assert abs(np.mean(pts[:, 1]) - 0.5) < 0.02, "the linear dimension must be uniform"
    assert_raises("ValueError", student.random_search_points, [[1.0, 0.5]], 3, 0)
    assert_raises("ValueError", student.random_search_points, [[0.0, 1.0]], 3, 0, True)
    assert_raises("ValueError", student.random_search_points, [[0.0, 1.0]], -1, 0)
    assert_raises("ValueError", student.random_search_points, [[0.1, 1.0]], 3, 0, [True, False])
