"""Hidden tests of group_split: a train/test split by specimen, so that repeated measurements of one
specimen never leak from the training set into the test set."""

import numpy as np

from autograder.testing import assert_equal, assert_raises, graded


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
