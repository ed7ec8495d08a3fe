"""Hidden tests of kmeans: Lloyd's iterations against the reference, monotone inertia, empty clusters."""

import numpy as np

from autograder.testing import assert_close, assert_equal, assert_raises, graded


def _descriptors(rng, n_per_cluster=30, f=3, n_clusters=3):
    """Microstructure descriptors (e.g. porosity, grain size, aspect ratio, standardised) in clusters."""
    centres = rng.normal(scale=3.0, size=(n_clusters, f))
    X = np.concatenate([c + rng.normal(size=(n_per_cluster, f)) for c in centres])
    return X[rng.permutation(len(X))]


def _unpack(result, n, K, f, what):
    assert isinstance(result, (tuple, list)) and len(result) == 4, \
        f"{what}: expected a tuple (centers, labels, inertia, n_iter)"
    centers, labels, inertia, n_iter = result
    centers = np.asarray(centers, dtype=float)
    labels = np.asarray(labels)
    assert centers.shape == (K, f), f"{what}: centers should have shape {(K, f)}, got {centers.shape}"
    assert labels.shape == (n,), f"{what}: labels should have shape {(n,)}, got {labels.shape}"
    return centers, labels, inertia, n_iter


def _compare(student, reference, X, C0, what, **options):
    """Compare with the reference up to a renumbering of the clusters.

    Started from the given centres, cluster j is the one that began at init_centers[j], so a correct
    implementation returns the reference's numbering; any consistent relabelling is accepted all the
    same: the student's centre matched to each reference centre must be unique, and the labels must
    be renumbered the same way.
    """
    expected = reference.kmeans(X, C0, **options)
    centers, labels, inertia, n_iter = _unpack(student.kmeans(X, C0, **options), len(X), *C0.shape, what)
    distances = np.linalg.norm(centers[None, :, :] - expected[0][:, None, :], axis=2)   # (ref, student)
    match = np.argmin(distances, axis=1) if np.all(np.isfinite(distances)) else np.arange(len(C0))
    if len(set(match.tolist())) != len(match):
        match = np.arange(len(C0))
    assert_close(centers[match], expected[0], rtol=1e-9, atol=1e-9,
                 what=f"{what}: the centres (compared up to a renumbering of the clusters)")
    assert_equal(labels, match[expected[1]],
                 what=f"{what}: the labels (compared up to a renumbering of the clusters)")
    assert_close(inertia, expected[2], rtol=1e-9, atol=1e-9, what=f"{what}: the inertia")
    assert_equal(n_iter, expected[3], what=f"{what}: the number of iterations")


@graded("kmeans", points=2)
def test_kmeans_matches_reference(student, reference, rng):
    for K, f in ((3, 2), (4, 3), (2, 4)):
        X = _descriptors(rng, int(rng.integers(20, 40)), f, 3)
        C0 = X[rng.choice(len(X), size=K, replace=False)] + 0.1 * rng.normal(size=(K, f))
        _compare(student, reference, X, C0, f"kmeans with K = {K}")
        _compare(student, reference, X, C0, f"kmeans with K = {K} stopped after 2 iterations", max_iter=2)
    # started from the converged centres: one iteration, nothing moves
    converged = reference.kmeans(X, C0)[0]
    _compare(student, reference, X, converged, "kmeans started from converged centres")


@graded("kmeans", points=1)
def test_kmeans_inertia_never_increases_and_ends_in_a_fixed_point(student, rng):
    X = _descriptors(rng, 40, 2, 4)
    C0 = X[rng.choice(len(X), size=4, replace=False)]
    previous = np.inf
    for max_iter in range(1, 7):
        inertia = float(student.kmeans(X, C0, max_iter=max_iter)[2])
        assert inertia <= previous * (1 + 1e-12), "the inertia increased from one iteration to the next"
        previous = inertia
    centers, labels, inertia, n_iter = _unpack(student.kmeans(X, C0), len(X), 4, 2, "kmeans")
    assert 1 <= n_iter < 100, "kmeans did not stop although Lloyd's algorithm converged"
    squared = np.sum((X[:, None, :] - centers[None, :, :]) ** 2, axis=2)
    assert_equal(labels, np.argmin(squared, axis=1), what="kmeans: the labels (nearest returned centre)")
    for j in range(4):
        if np.any(labels == j):
            assert_close(centers[j], X[labels == j].mean(axis=0), rtol=1e-9, atol=1e-9,
                         what="kmeans: at convergence every centre is the mean of its cluster")
    assert_close(inertia, np.sum(np.min(squared, axis=1)), rtol=1e-9, atol=0.0,
                 what="kmeans: the inertia (sum of squared distances to the centres)")


@graded("kmeans", points=1)
def test_kmeans_keeps_an_empty_cluster_and_rejects_bad_input(student, reference, rng):
    X = _descriptors(rng, 25, 2, 2)
    C0 = np.vstack([X[rng.choice(len(X), size=2, replace=False)], [[500.0, -400.0]]])
    _compare(student, reference, X, C0, "kmeans with a centre that never gets a sample")
    centers = np.asarray(student.kmeans(X, C0)[0], dtype=float)
    assert any(np.array_equal(c, C0[2]) for c in centers), "kmeans: a centre without samples must stay where it is"
    assert_raises("ValueError", student.kmeans, X, C0[:, :1])
    assert_raises("ValueError", student.kmeans, X[:, 0], C0)
    assert_raises("ValueError", student.kmeans, X, C0, max_iter=0)
