"""Hidden tests of ``classify``: labels by the largest responsibility, with a rejection threshold."""

import numpy as np

from autograder.testing import assert_close, assert_equal, assert_raises, graded


def _mixture(rng, k, d):
    weights = rng.dirichlet(np.full(k, 2.0))
    means = rng.normal(scale=3.0, size=(k, d))
    covs = np.empty((k, d, d))
    for j in range(k):
        M = rng.normal(size=(d, d))
        covs[j] = M @ M.T / d + np.diag(rng.uniform(0.2, 1.5, size=d))
    return weights, means, covs


def _pair(result, what):
    assert isinstance(result, (tuple, list)) and len(result) == 2, f"{what}: expected a pair (labels, confidence)"
    labels, confidence = np.asarray(result[0]), np.asarray(result[1], dtype=float)
    assert np.issubdtype(labels.dtype, np.integer), f"{what}: the labels must be an integer array"
    return labels, confidence


@graded("classify", points=2)
def test_classify_matches_reference(student, reference, rng):
    for case in range(3):
        k, d = int(rng.integers(2, 5)), int(rng.integers(1, 4))
        weights, means, covs = _mixture(rng, k, d)
        X = rng.normal(scale=3.0, size=(int(rng.integers(20, 60)), d))
        if case == 2:
            # narrow components and a few points far from all of them: their densities underflow to 0
            covs *= 1e-2
            X[:4] = rng.normal(scale=300.0, size=(4, d))
        threshold = 0.0 if case == 0 else float(rng.uniform(0.6, 0.95))
        labels, confidence = _pair(student.classify(X, weights, means, covs, threshold), f"case {case + 1}")
        expected_labels, expected_confidence = reference.classify(X, weights, means, covs, threshold)
        assert np.all(np.isfinite(confidence)), \
            f"case {case + 1}: the confidences are not finite (use log-sum-exp)"
        assert_close(confidence, expected_confidence, rtol=1e-8, atol=1e-12, what=f"case {case + 1}: the confidences")
        assert_equal(labels, expected_labels, what=f"case {case + 1}: the labels")


@graded("classify", points=1)
def test_classify_two_grades_and_relabelling(student, rng):
    # the lecture's two populations in 1-D: gamma_i = pi phi_2 / ((1 - pi) phi_1 + pi phi_2), so a bar is
    # of grade 2 where gamma_i > 1/2, and the confidence is max(gamma_i, 1 - gamma_i)
    pi = rng.uniform(0.2, 0.4)
    mu = np.array([rng.uniform(250.0, 290.0), rng.uniform(330.0, 370.0)])  # yield strengths in MPa
    sd = np.array([rng.uniform(10.0, 15.0), rng.uniform(25.0, 35.0)])
    y = rng.uniform(200.0, 450.0, size=40)
    phi = np.exp(-0.5 * ((y[:, None] - mu) / sd) ** 2) / (np.sqrt(2 * np.pi) * sd)
    gamma = pi * phi[:, 1] / ((1 - pi) * phi[:, 0] + pi * phi[:, 1])
    keep = np.abs(gamma - 0.5) > 1e-6
    y, gamma = y[keep], gamma[keep]
    threshold = float(rng.uniform(0.7, 0.9))
    labels, confidence = _pair(student.classify(y[:, None], [1 - pi, pi], mu[:, None], (sd**2)[:, None, None],
                                                threshold), "two grades")
    assert_close(confidence, np.maximum(gamma, 1 - gamma), rtol=1e-9, atol=1e-12, what="two grades: the confidences")
    expected = np.where(gamma > 0.5, 1, 0)
    expected[np.maximum(gamma, 1 - gamma) < threshold] = -1
    assert_equal(labels, expected, what="two grades: the labels")
    # renumbering the components renumbers the labels; rejected points stay -1
    k, d = 4, 2
    weights, means, covs = _mixture(rng, k, d)
    X = rng.normal(scale=3.0, size=(30, d))
    perm = rng.permutation(k)
    plain, conf = _pair(student.classify(X, weights, means, covs, 0.7), "relabelling")
    permuted, conf_p = _pair(student.classify(X, weights[perm], means[perm], covs[perm], 0.7), "relabelling")
    inverse = np.argsort(perm)
    assert_equal(permuted, np.where(plain >= 0, inverse[plain], -1), what="relabelled components: the labels")
    assert_close(conf_p, conf, rtol=1e-9, atol=1e-12, what="relabelled components: the confidences")
    assert_raises("ValueError", student.classify, X, weights, means, covs, 1.5)
    assert_raises("ValueError", student.classify, X, weights, means, covs, -0.1)
