"""Hidden tests of knn_predict: random classes, hand-built distance and vote ties, limiting cases."""

import numpy as np

from autograder.testing import assert_equal, assert_raises, graded


def _blobs(rng, n, f, n_classes):
    centres = rng.normal(scale=2.0, size=(n_classes, f))
    y = rng.integers(0, n_classes, size=n) * 3 - 2          # labels need not be 0..C-1
    X = centres[(y + 2) // 3] + rng.normal(size=(n, f))
    return X, y


@graded("knn_predict", points=1)
def test_knn_predict_matches_reference_on_random_classes(student, reference, rng):
    f = int(rng.integers(2, 5))
    X, y = _blobs(rng, int(rng.integers(30, 60)), f, 3)
    queries = rng.normal(scale=2.5, size=(25, f))
    for k in (1, 2, 4, 5, 8):
        assert_equal(student.knn_predict(X, y, queries, k), reference.knn_predict(X, y, queries, k),
                     what=f"knn_predict with k = {k}")


@graded("knn_predict", points=2)
def test_knn_predict_follows_the_tie_rules(student, reference, rng):
    # training points on an integer grid, so that many distances are exactly equal
    X = rng.integers(0, 5, size=(30, 2)).astype(float)
    X = np.unique(X, axis=0)
    X = X[rng.permutation(len(X))]
    y = rng.integers(0, 4, size=len(X)) * 2 + 1
    queries = np.array([[i / 2, j / 2] for i in range(-1, 10) for j in range(-1, 10)])
    for k in (1, 2, 3, 4, 6):
        assert_equal(student.knn_predict(X, y, queries, k), reference.knn_predict(X, y, queries, k),
                     what=f"knn_predict on grid points (ties in distance and in votes) with k = {k}")
    # a vote tie between two labels: the nearer neighbour decides, not the smaller label
    other = int(rng.integers(10, 20))                         # a label larger than 4
    scale = float(rng.uniform(0.5, 20.0))
    line = np.array([[0.0], [2.0], [3.5], [6.0]]) * scale
    labels = np.array([4, other, 1, 1])
    assert_equal(student.knn_predict(line, labels, np.array([[1.8 * scale]]), 2), np.array([other]),
                 what="knn_predict with a tie in the vote (k = 2)")
    assert_equal(student.knn_predict(line, labels, np.array([[-0.3 * scale]]), 2), np.array([4]),
                 what="knn_predict with a tie in the vote (k = 2)")
    # equal distances: the smaller training index comes first
    twins = np.array([[1.0, 0.0], [-1.0, 0.0], [0.0, 1.0], [0.0, -1.0]])
    order = rng.permutation(4)
    twin_labels = np.array([5, 6, 8, 9])[order]
    assert_equal(student.knn_predict(twins, twin_labels, np.zeros((1, 2)), 1), twin_labels[:1],
                 what="knn_predict with equally distant neighbours (k = 1)")
    assert_equal(student.knn_predict(twins, twin_labels, np.zeros((1, 2)), 3), twin_labels[:1],
                 what="knn_predict with equally distant neighbours (k = 3)")


@graded("knn_predict", points=1)
def test_knn_predict_limiting_cases_and_invalid_arguments(student, rng):
    f = int(rng.integers(2, 4))
    X, y = _blobs(rng, 21, f, 2)
    # k = 1 on the training points themselves reproduces the training labels
    assert_equal(student.knn_predict(X, y, X, 1), y, what="knn_predict(X_train, y_train, X_train, 1)")
    # k = n: every query gets the majority label of the whole training set (n odd, two classes)
    values, counts = np.unique(y, return_counts=True)
    majority = values[np.argmax(counts)]
    assert_equal(student.knn_predict(X, y, rng.normal(size=(5, f)), len(y)), np.full(5, majority),
                 what="knn_predict with k = n")
    assert_raises("ValueError", student.knn_predict, X, y, X[:3], 0)
    assert_raises("ValueError", student.knn_predict, X, y, X[:3], len(y) + 1)
    assert_raises("ValueError", student.knn_predict, X, y[:-1], X[:3], 1)
    assert_raises("ValueError", student.knn_predict, X, y, X[:3, :-1], 1)
