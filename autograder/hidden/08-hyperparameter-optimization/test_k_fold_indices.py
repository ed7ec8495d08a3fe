"""Hidden tests of ``k_fold_indices``: fold sizes, order, the seeded permutation, partition, errors."""

import numpy as np

from autograder.testing import assert_equal, assert_raises, graded


def _folds(result, what):
    """The student's folds as a list of (train, val) integer arrays, after checking the structure."""
    assert isinstance(result, (list, tuple)), f"{what}: expected a list of (train_idx, val_idx) pairs"
    folds = []
    for pair in result:
        assert isinstance(pair, (list, tuple)) and len(pair) == 2, (
            f"{what}: every fold must be a pair (train_idx, val_idx)")
        folds.append((np.asarray(pair[0]), np.asarray(pair[1])))
    return folds


def _compare(student_result, expected, what):
    folds = _folds(student_result, what)
    assert len(folds) == len(expected), f"{what}: expected one (train_idx, val_idx) pair per fold"
    for j, ((train, val), (want_train, want_val)) in enumerate(zip(folds, expected)):
        assert_equal(val, want_val, what=f"{what}, fold {j}: the validation indices")
        assert_equal(train, want_train, what=f"{what}, fold {j}: the training indices")


@graded("k_fold_indices", points=1)
def test_k_fold_contiguous_folds_match_reference(student, reference, rng):
    cases = [(int(rng.integers(11, 40)), int(rng.integers(3, 8))) for _ in range(3)]
    cases = [(n + 1 if n % k == 0 else n, k) for n, k in cases]   # a remainder to spread
    cases += [(int(rng.integers(2, 7)), None), (int(rng.integers(8, 20)), 2)]
    for case, (n, k) in enumerate(cases):
        k = n if k is None else k                                    # leave-one-out
        _compare(student.k_fold_indices(n, k), reference.k_fold_indices(n, k),
                 f"unshuffled case {case + 1}")


@graded("k_fold_indices", points=1)
def test_k_fold_seeded_permutation_matches_reference(student, reference, rng):
    for case in range(4):
        k = int(rng.integers(2, 7))
        n = int(rng.integers(k, 45))
        seed = int(rng.integers(0, 2**31))
        _compare(student.k_fold_indices(n, k, seed), reference.k_fold_indices(n, k, seed),
                 f"shuffled case {case + 1}")


@graded("k_fold_indices", points=1)
def test_k_fold_partition_sizes_and_errors(student, rng):
    for case in range(3):
        k = int(rng.integers(3, 7))
        n = k * int(rng.integers(2, 6)) + int(rng.integers(1, k))
        seed = None if case == 0 else int(rng.integers(0, 2**31))
        folds = _folds(student.k_fold_indices(n, k, seed), f"case {case + 1}")
        what = f"case {case + 1}"
        assert len(folds) == k, f"{what}: expected one (train_idx, val_idx) pair per fold"
        q, m = divmod(n, k)
        sizes = [len(val) for _, val in folds]
        assert sizes == [q + 1] * m + [q] * (k - m), (
            f"{what}: wrong fold sizes: the first n % k folds get one sample more than the others")
        everything = np.sort(np.concatenate([val for _, val in folds]))
        assert np.array_equal(everything, np.arange(n)), f"{what}: the validation folds must partition 0, ..., n-1"
        for j, (train, val) in enumerate(folds):
            assert np.all(np.diff(train) > 0) and np.all(np.diff(val) > 0), (
                f"{what}, fold {j}: indices must be sorted in ascending order without repeats")
            assert np.array_equal(np.sort(np.concatenate([train, val])), np.arange(n)), (
                f"{what}, fold {j}: training and validation indices must be disjoint and cover every sample")
    assert_raises("ValueError", student.k_fold_indices, 10, 1)
    assert_raises("ValueError", student.k_fold_indices, 5, 6)
