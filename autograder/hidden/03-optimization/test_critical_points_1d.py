"""Hidden tests of ``critical_points_1d``: roots of f' on a grid, refined, and labelled by f''."""

import numpy as np

from autograder.testing import assert_close, assert_equal, assert_raises, graded


def _as_pairs(result, what):
    """The student's result as a list of (float, str), or an assertion error with a safe message."""
    assert isinstance(result, (list, tuple)), f"{what}: expected a list of (x, label) pairs"
    pairs = []
    for item in result:
        assert isinstance(item, (list, tuple)) and len(item) == 2, \
            f"{what}: every item must be an (x, label) pair"
        x, label = item
        assert isinstance(label, str), f"{what}: every label must be a string"
        pairs.append((float(x), label))
    return pairs


def _compare(result, expected, what, atol=1e-8):
    pairs = _as_pairs(result, what)
    assert len(pairs) == len(expected), f"{what}: wrong number of critical points"
    assert_close(np.array([x for x, _ in pairs]), np.array([x for x, _ in expected]),
                 rtol=0.0, atol=atol, what=f"{what}: the positions")
    assert_equal([label for _, label in pairs], [label for _, label in expected],
                 what=f"{what}: the labels")


def _damped_sine(c, w, phi):
    """f = exp(-c x^2) sin(w x + phi): its first and second derivatives."""
    def df(x):
        s, co = np.sin(w * x + phi), np.cos(w * x + phi)
        return np.exp(-c * x * x) * (w * co - 2.0 * c * x * s)

    def d2f(x):
        s, co = np.sin(w * x + phi), np.cos(w * x + phi)
        return np.exp(-c * x * x) * ((4.0 * c * c * x * x - w * w - 2.0 * c) * s - 4.0 * c * w * x * co)
    return df, d2f


@graded("critical_points_1d", points=2)
def test_critical_points_of_damped_sines_match_reference(student, reference, rng):
    for case in range(3):
        c, w, phi = rng.uniform(0.02, 0.1), rng.uniform(0.7, 1.5), rng.uniform(0.0, 2 * np.pi)
        half = rng.uniform(6.0, 10.0)
        n_grid = int(rng.integers(300, 600))
        df, d2f = _damped_sine(c, w, phi)
        expected = reference.critical_points_1d(df, d2f, -half, half, n_grid)
        assert len(expected) >= 3
        got = student.critical_points_1d(df, d2f, -half, half, n_grid)
        _compare(got, expected, f"damped sine {case + 1}")


@graded("critical_points_1d", points=1)
def test_critical_points_of_a_cubic_slope_are_its_roots(student, rng):
    # f'(x) = s (x - r1)(x - r2)(x - r3): the roots are known, and so is the pattern of labels
    while True:
        roots = np.sort(rng.uniform(-3.0, 3.0, size=3))
        if np.min(np.diff(roots)) > 0.5:
            break
    for sign in (1.0, -1.0):
        df = lambda x, s=sign: s * (x - roots[0]) * (x - roots[1]) * (x - roots[2])
        d2f = lambda x, s=sign: s * ((x - roots[1]) * (x - roots[2]) + (x - roots[0]) * (x - roots[2])
                                     + (x - roots[0]) * (x - roots[1]))
        labels = ["min", "max", "min"] if sign > 0 else ["max", "min", "max"]
        got = student.critical_points_1d(df, d2f, -4.0, 4.0, int(rng.integers(200, 400)))
        _compare(got, list(zip(roots.tolist(), labels)), "cubic f'")


@graded("critical_points_1d", points=1)
def test_critical_points_edge_cases(student, rng):
    # a flat point exactly on a grid node (x = 1 on linspace(-2, 2, 17)) is listed once, as a saddle
    c = rng.uniform(0.3, 0.7)
    df = lambda x: (x - 1.0) ** 2 * (x + c)
    d2f = lambda x: 2.0 * (x - 1.0) * (x + c) + (x - 1.0) ** 2
    _compare(student.critical_points_1d(df, d2f, -2.0, 2.0, 17), [(-c, "min"), (1.0, "saddle")],
             "flat point on a grid node")
    # roots in the first and in the last grid interval
    r1, r2 = rng.uniform(0.01, 0.2), rng.uniform(0.8, 0.99)
    df = lambda x: -(x - r1) * (x - r2)
    d2f = lambda x: -(2.0 * x - r1 - r2)
    _compare(student.critical_points_1d(df, d2f, 0.0, 1.0, 5), [(r1, "min"), (r2, "max")],
             "roots in the first and last grid interval")
    # no critical point at all
    got = _as_pairs(student.critical_points_1d(lambda x: 1.0 + x * x, lambda x: 2.0 * x, -3.0, 3.0, 50),
                    "a strictly increasing function")
    assert got == [], "a strictly increasing function has no critical point"
    assert_raises("ValueError", student.critical_points_1d, df, d2f, 1.0, 0.0, 10)
    assert_raises("ValueError", student.critical_points_1d, df, d2f, 0.0, 1.0, 1)
