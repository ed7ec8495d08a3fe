"""Hidden tests of pendulum_period and group_split: the exact period as a physics baseline, and a
train/test split by specimen."""

import numpy as np

from autograder.testing import assert_close, assert_equal, assert_raises, graded

# T / T0 at a release angle of 90 degrees: 2 K(1/sqrt 2) / pi
RATIO_90_DEGREES = 1.1803405990160962


@graded("pendulum_period", points=1)
def test_pendulum_period_known_values(student, rng):
    L, g = float(rng.uniform(0.2, 5.0)), float(rng.uniform(1.6, 25.0))
    T0 = 2 * np.pi * np.sqrt(L / g)
    assert_close(student.pendulum_period(L, 0.0, g), T0, rtol=1e-12, what="the period at zero amplitude")
    small = float(rng.uniform(1e-4, 1e-3))
    assert_close(student.pendulum_period(L, small, g), T0 * (1 + small**2 / 16), rtol=1e-12,
                 what="the period at a very small amplitude")
    assert_close(student.pendulum_period(L, np.pi / 2, g), T0 * RATIO_90_DEGREES, rtol=1e-10,
                 what="the period at a release angle of 90 degrees")


@graded("pendulum_period", points=1)
def test_pendulum_period_matches_reference_with_broadcasting(student, reference, rng):
    L = rng.uniform(0.1, 10.0, size=(int(rng.integers(2, 5)), 1))
    theta0 = rng.uniform(-0.99, 0.99, size=int(rng.integers(3, 8))) * np.pi
    assert_close(student.pendulum_period(L, theta0), reference.pendulum_period(L, theta0), rtol=1e-9,
                 what="pendulum_period on a grid of lengths and amplitudes")
    L, theta0, g = float(rng.uniform(0.1, 3.0)), float(rng.uniform(0.5, 3.0)), float(rng.uniform(3.0, 12.0))
    assert_close(student.pendulum_period(L, theta0, g), reference.pendulum_period(L, theta0, g), rtol=1e-9,
                 what="pendulum_period for scalar arguments")


@graded("pendulum_period", points=1)
def test_pendulum_period_symmetry_growth_and_errors(student, rng):
    theta0 = np.sort(rng.uniform(0.05, 3.0, 6))
    T = np.asarray(student.pendulum_period(1.0, theta0), dtype=float)
    assert_close(student.pendulum_period(1.0, -theta0), T, rtol=1e-12,
                 what="the period for negative release angles")
    assert np.all(np.diff(T) > 0), "the period must grow with the amplitude"
    assert_raises("ValueError", student.pendulum_period, 1.0, np.pi)
    assert_raises("ValueError", student.pendulum_period, 1.0, [0.1, -4.0])
    assert_raises("ValueError", student.pendulum_period, 0.0, 0.3)
    assert_raises("ValueError", student.pendulum_period, 1.0, 0.3, -9.81)


def _specimen_labels(rng):
    """Repeated measurements of specimens with scattered, non-contiguous ids, in shuffled order."""
    n_groups = int(rng.integers(5, 12))
    ids = rng.choice(np.arange(100, 1000), size=n_groups, replace=False)
    repeats = rng.integers(1, 6, size=n_groups)
    groups = np.repeat(ids, repeats)
    return rng.permutation(groups), n_groups


def _check_partition(groups, train, test, n_test_groups, what):
    train = np.asarray(train)
    test = np.asarray(test)
    assert np.issubdtype(train.dtype, np.integer) and np.issubdtype(test.dtype, np.integer), \
        f"{what}: the indices must be integers"
    assert np.all(np.diff(train) > 0) and np.all(np.diff(test) > 0), f"{what}: the indices must be sorted"
    assert np.array_equal(np.sort(np.concatenate([train, test])), np.arange(len(groups))), \
        f"{what}: every sample must be in exactly one of the two sets"
    assert not set(groups[train]) & set(groups[test]), f"{what}: a specimen is in both sets (leakage)"
    assert len(set(groups[test])) == n_test_groups, f"{what}: the test set has the wrong number of specimens"


@graded("group_split", points=1)
def test_group_split_never_splits_a_specimen(student, rng):
    for case in range(3):
        groups, n_groups = _specimen_labels(rng)
        n_test = int(rng.integers(1, n_groups))
        train, test = student.group_split(groups, n_test, int(rng.integers(0, 10**6)))
        _check_partition(groups, train, test, n_test, f"split {case + 1}")
    names = np.array(["S-%02d" % i for i in rng.integers(0, 30, size=25)])
    n_test = int(rng.integers(1, len(set(names))))
    train, test = student.group_split(names.tolist(), n_test, 7)
    _check_partition(names, train, test, n_test, "split with string labels")


@graded("group_split", points=1)
def test_group_split_matches_reference(student, reference, rng):
    for case in range(3):
        groups, n_groups = _specimen_labels(rng)
        n_test = int(rng.integers(1, n_groups))
        seed = int(rng.integers(0, 10**6))
        expected = reference.group_split(groups, n_test, seed)
        result = student.group_split(groups, n_test, seed)
        assert isinstance(result, (tuple, list)) and len(result) == 2, "expected a pair (train_idx, test_idx)"
        assert_equal(np.asarray(result[0]), expected[0], what=f"split {case + 1}: train_idx")
        assert_equal(np.asarray(result[1]), expected[1], what=f"split {case + 1}: test_idx")


@graded("group_split", points=1)
def test_group_split_rejects_impossible_splits(student, rng):
    groups, n_groups = _specimen_labels(rng)
    assert_raises("ValueError", student.group_split, groups, 0)
    assert_raises("ValueError", student.group_split, groups, n_groups)
    assert_raises("ValueError", student.group_split, np.full(6, 3), 1)
