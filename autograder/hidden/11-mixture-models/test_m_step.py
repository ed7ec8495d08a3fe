"""Hidden tests of ``m_step``: weights, means and (maximum-likelihood) covariances plus the jitter."""

import numpy as np

from autograder.testing import assert_close, assert_raises, graded


def _triple(result, what):
    assert isinstance(result, (tuple, list)) and len(result) == 3, \
        f"{what}: expected a triple (weights, means, covs)"
    return tuple(np.asarray(part, dtype=float) for part in result)


@graded("m_step", points=2)
def test_m_step_matches_reference(student, reference, rng):
    for case in range(3):
        n, k, d = int(rng.integers(8, 40)), int(rng.integers(2, 5)), int(rng.integers(1, 4))
        X = rng.normal(scale=2.0, size=(n, d)) + 5.0
        resp = rng.dirichlet(np.full(k, 0.7), size=n)
        reg = float(rng.choice([0.0, 1e-6, 0.05]))
        got = _triple(student.m_step(X, resp, reg), f"case {case + 1}")
        expected = reference.m_step(X, resp, reg)
        for name, g, e in zip(("weights", "means", "covariances"), got, expected):
            assert_close(g, e, rtol=1e-9, atol=1e-12, what=f"case {case + 1}: the {name}")


@graded("m_step", points=1)
def test_m_step_with_hard_assignments_gives_group_statistics(student, rng):
    # one-hot responsibilities: group fractions, group means and the 1/N_k (biased) group covariances
    n, k, d = 30, 3, 2
    labels = rng.permutation(np.arange(n) % k)
    X = rng.normal(size=(n, d)) * [30.0, 0.2] + [200.0, 1.0]
    resp = np.eye(k)[labels]
    reg = 1e-3
    weights, means, covs = _triple(student.m_step(X, resp, reg), "hard assignments")
    assert_close(weights, np.bincount(labels) / n, rtol=1e-12, what="hard assignments: the weights")
    assert_close(means, np.array([X[labels == j].mean(axis=0) for j in range(k)]), rtol=1e-10,
                 what="hard assignments: the means")
    expected = np.array([np.cov(X[labels == j].T, bias=True) + reg * np.eye(d) for j in range(k)])
    assert_close(covs, expected, rtol=1e-9, atol=1e-12, what="hard assignments: the covariances")
    # relabelling the components (permuting the columns of resp) relabels the result the same way
    soft = rng.dirichlet(np.ones(k), size=n)
    perm = rng.permutation(k)
    plain = _triple(student.m_step(X, soft, reg), "soft responsibilities")
    permuted = _triple(student.m_step(X, soft[:, perm], reg), "permuted responsibilities")
    for name, a, b in zip(("weights", "means", "covariances"), plain, permuted):
        assert_close(b, a[perm], rtol=1e-9, atol=1e-12, what=f"permuted responsibilities: the {name}")


@graded("m_step", points=1)
def test_m_step_jitter_keeps_collapsed_components_definite(student, rng):
    # component 0 owns a single point, component 1 a set of collinear points: without the jitter both
    # covariances would be singular
    d, reg = 2, float(rng.uniform(1e-4, 1e-2))
    line = rng.normal(size=(6, 1)) * np.array([[1.0, 2.0]]) + 3.0
    X = np.vstack([rng.normal(size=(1, d)), line])
    resp = np.zeros((7, 2))
    resp[0, 0] = 1.0
    resp[1:, 1] = 1.0
    weights, means, covs = _triple(student.m_step(X, resp, reg), "collapsed components")
    assert_close(covs[0], reg * np.eye(d), rtol=1e-9, atol=1e-14, what="a one-point component: the covariance")
    assert np.all(np.linalg.eigvalsh(covs[1]) > 0.5 * reg), \
        "collinear points: the covariance must be positive definite thanks to the jitter"
    assert_close(weights, [1 / 7, 6 / 7], rtol=1e-12, what="collapsed components: the weights")
    assert_raises("ValueError", student.m_step, X, resp[:-1], reg)
    assert_raises("ValueError", student.m_step, X, resp, -1e-3)
