"""Hidden tests of ``grid_points``: linear and log axes, the order of the points, errors."""

import numpy as np

from autograder.testing import assert_close, assert_raises, graded


def _random_box(rng, d):
    """Bounds of d dimensions and a log flag per dimension (log dimensions have positive bounds)."""
    logs = [bool(flag) for flag in rng.integers(0, 2, size=d)]
    bounds = []
    for is_log in logs:
        if is_log:
            low = float(10.0 ** rng.uniform(-8.0, -1.0))
            bounds.append([low, low * float(10.0 ** rng.uniform(1.0, 6.0))])
        else:
            low = float(rng.uniform(-5.0, 5.0))
            bounds.append([low, low + float(rng.uniform(0.5, 10.0))])
    return bounds, logs


@graded("grid_points", points=2)
def test_grid_points_match_reference(student, reference, rng):
    for case in range(4):
        d = case % 3 + 1
        bounds, logs = _random_box(rng, d)
        counts = [int(c) for c in rng.integers(2, 6, size=d)]
        if case == 3:
            counts, logs = int(rng.integers(2, 5)), True        # scalar arguments apply to every dimension
            bounds = [[float(10.0 ** rng.uniform(-6, -2)), float(10.0 ** rng.uniform(-1, 2))] for _ in range(d)]
        expected = reference.grid_points(bounds, counts, logs)
        assert_close(student.grid_points(bounds, counts, logs), expected, rtol=1e-10,
                     atol=1e-12 * np.max(np.abs(bounds)), what=f"grid, case {case + 1}")
    bounds = [[float(rng.uniform(0, 1)), float(rng.uniform(2, 3))]]
    assert_close(student.grid_points(bounds, 4), reference.grid_points(bounds, 4), rtol=1e-10, atol=1e-12,
                 what="one linear dimension with default log=False")


@graded("grid_points", points=1)
def test_grid_points_structure_and_errors(student, rng):
    low = float(10.0 ** rng.uniform(-7, -5))
    high = low * 10.0 ** int(rng.integers(4, 7))
    counts = [int(rng.integers(4, 8)), 3]
    grid = np.asarray(student.grid_points([[low, high], [0.0, 2.0]], counts, [True, False]), dtype=float)
    assert grid.shape == (counts[0] * 3, 2), "the grid must have one row per point and one column per dimension"
    assert np.allclose(grid[0], [low, 0.0], rtol=1e-12) and np.allclose(grid[-1], [high, 2.0], rtol=1e-12), (
        "the first point must hold the lower bounds and the last point the upper bounds")
    assert np.allclose(grid[:3, 1], [0.0, 1.0, 2.0]) and np.allclose(grid[:3, 0], low, rtol=1e-12), (
        "the last dimension must vary fastest (first dimension slowest)")
    ratios = grid[3::3, 0] / grid[:-3:3, 0]
    assert np.allclose(ratios, ratios[0], rtol=1e-9), "a log-scaled axis must have a constant ratio between neighbours"
    assert_raises("ValueError", student.grid_points, [[0.0, 1.0]], 1)
    assert_raises("ValueError", student.grid_points, [[1.0, 1.0]], 3)
    assert_raises("ValueError", student.grid_points, [[0.0, 1.0]], 3, True)
    assert_raises("ValueError", student.grid_points, [[0.0, 1.0], [1.0, 2.0]], [3, 3, 3])
