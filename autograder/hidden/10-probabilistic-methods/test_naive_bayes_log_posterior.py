"""Hidden tests of ``naive_bayes_log_posterior``: categorical naive Bayes, Laplace smoothing, log space."""

import math

import numpy as np

from autograder.testing import assert_close, assert_raises, graded


def _data(rng, n, n_classes, n_categories):
    """Random categorical data in which every class occurs and features depend on the class."""
    y = np.concatenate([np.arange(n_classes), rng.integers(0, n_classes, size=n - n_classes)])
    columns = []
    for K in n_categories:
        cumulative = np.cumsum(rng.dirichlet(np.full(K, 0.6), size=n_classes), axis=1)[y]
        columns.append(np.minimum(np.sum(rng.random((n, 1)) > cumulative, axis=1), K - 1))
    return np.column_stack(columns).astype(int), y


def _row_logsumexp(A):
    top = A.max(axis=1, keepdims=True)
    return (top + np.log(np.exp(A - top).sum(axis=1, keepdims=True)))[:, 0]


@graded("naive_bayes_log_posterior", points=2)
def test_naive_bayes_matches_reference(student, reference, rng):
    for case in range(3):
        n_classes = int(rng.integers(2, 5))
        n_categories = [int(k) for k in rng.integers(2, 6, size=int(rng.integers(2, 6)))]
        X, y = _data(rng, int(rng.integers(20, 50)), n_classes, n_categories)
        X_new = np.column_stack([rng.integers(0, K, size=8) for K in n_categories])
        alpha = float(rng.uniform(0.2, 2.0))
        got = student.naive_bayes_log_posterior(X, y, X_new, n_classes, n_categories, alpha)
        assert_close(got, reference.naive_bayes_log_posterior(X, y, X_new, n_classes, n_categories, alpha),
                     rtol=1e-9, atol=1e-9, what=f"data set {case + 1}: the log-posteriors")


@graded("naive_bayes_log_posterior", points=1)
def test_naive_bayes_many_features_do_not_underflow(student, reference, rng):
    n_categories = [int(k) for k in rng.integers(2, 4, size=1500)]
    X, y = _data(rng, 40, 3, n_categories)
    X_new = X[:5]
    got = np.asarray(student.naive_bayes_log_posterior(X, y, X_new, 3, n_categories, 1.0), dtype=float)
    assert got.shape == (5, 3), "1500 features: expected log-posteriors of shape (M, C)"
    assert np.all(np.isfinite(got) | (got == -np.inf)) and not np.any(np.isnan(got)), \
        "1500 features: the log-posteriors must not be nan (does a product of probabilities underflow?)"
    assert_close(_row_logsumexp(got), np.zeros(5), atol=1e-9, what="1500 features: the normalisation of each row")
    assert_close(got, reference.naive_bayes_log_posterior(X, y, X_new, 3, n_categories, 1.0),
                 rtol=1e-9, atol=1e-7, what="1500 features: the log-posteriors")


@graded("naive_bayes_log_posterior", points=1)
def test_naive_bayes_hand_example_and_errors(student, rng):
    # failure of bolted joints: class 0 fatigue, class 1 overload; feature: load cyclic (0) or static (1).
    # No overload case was cyclic, so only smoothing keeps p(cyclic | overload) above zero.
    X = np.array([[0], [0], [0], [1], [1]])
    y = np.array([0, 0, 0, 1, 1])
    got = np.asarray(student.naive_bayes_log_posterior(X, y, [[0], [1]], 2, [2], 1.0), dtype=float)
    expected = np.log([[24 / 29, 5 / 29], [2 / 7, 5 / 7]])
    assert_close(got, expected, rtol=1e-10, atol=1e-12, what="a one-feature example with alpha = 1")
    alpha = float(rng.uniform(0.2, 3.0))
    p0 = 0.6 * (3 + alpha) / (3 + 2 * alpha)
    p1 = 0.4 * alpha / (2 + 2 * alpha)
    got = np.asarray(student.naive_bayes_log_posterior(X, y, [[0]], 2, [2], alpha), dtype=float)
    assert_close(got, np.log([[p0 / (p0 + p1), p1 / (p0 + p1)]]), rtol=1e-10, atol=1e-12,
                 what="a one-feature example with another alpha")
    assert math.isclose(float(np.exp(got).sum()), 1.0, rel_tol=1e-12), "the posteriors must sum to one"
    assert_raises("ValueError", student.naive_bayes_log_posterior, X, y, [[0]], 2, [2], 0.0)
    assert_raises("ValueError", student.naive_bayes_log_posterior, X, y, [[0]], 3, [2], 1.0)
