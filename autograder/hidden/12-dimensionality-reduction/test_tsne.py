"""Hidden tests of tsne_affinities and tsne_kl: the reference, perplexities, units, KL and its gradient."""

import numpy as np

from autograder.testing import assert_close, assert_raises, graded


def _clustered_points(rng):
    n, f = int(rng.integers(25, 45)), int(rng.integers(2, 6))
    centres = rng.normal(scale=4.0, size=(3, f))
    return centres[rng.integers(0, 3, size=n)] + rng.normal(size=(n, f)) * rng.uniform(0.5, 2.0, size=n)[:, None]


def _unpack(result, n, what):
    assert isinstance(result, (tuple, list)) and len(result) == 2, f"{what}: expected a pair (P, sigmas)"
    P, sigmas = (np.asarray(v, dtype=float) for v in result)
    assert P.shape == (n, n), f"{what}: P should have shape {(n, n)}, got {P.shape}"
    assert sigmas.shape == (n,), f"{what}: sigmas should have shape {(n,)}, got {sigmas.shape}"
    return P, sigmas


@graded("tsne_affinities", points=1)
def test_tsne_affinities_match_reference(student, reference, rng):
    for _ in range(2):
        X = _clustered_points(rng)
        perplexity = float(rng.uniform(3.0, 12.0))
        P_ref, sigmas_ref = reference.tsne_affinities(X, perplexity)
        P, sigmas = _unpack(student.tsne_affinities(X, perplexity), len(X), "tsne_affinities")
        assert_close(sigmas, sigmas_ref, rtol=1e-4, atol=0.0, what="tsne_affinities: the bandwidths sigma_i")
        assert_close(P, P_ref, rtol=1e-3, atol=1e-8, what="tsne_affinities: the affinities P_{j|i}")


@graded("tsne_affinities", points=1)
def test_tsne_affinities_have_the_perplexity_and_ignore_the_units(student, rng):
    X = _clustered_points(rng)
    n = len(X)
    perplexity = float(rng.uniform(4.0, 10.0))
    P, sigmas = _unpack(student.tsne_affinities(X, perplexity), n, "tsne_affinities")
    assert np.all(P >= 0.0), "tsne_affinities: the affinities must not be negative"
    assert np.allclose(np.diag(P), 0.0, atol=0.0), "tsne_affinities: P_{i|i} must be 0"
    assert_close(P.sum(axis=1), np.ones(n), rtol=1e-10, atol=0.0, what="tsne_affinities: the row sums")
    logs = np.log2(np.where(P > 0.0, P, 1.0))
    assert_close(2.0 ** -np.sum(P * logs, axis=1), np.full(n, perplexity), rtol=1e-6, atol=0.0,
                 what="tsne_affinities: the perplexity 2^H of each row (entropy in bits)")
    for scale in (1e-4, 1e3):
        P_scaled, sigmas_scaled = _unpack(student.tsne_affinities(scale * X, perplexity), n, "tsne_affinities")
        assert_close(P_scaled, P, rtol=1e-3, atol=1e-8,
                     what="tsne_affinities of rescaled points (other units): the affinities")
        assert_close(sigmas_scaled, scale * sigmas, rtol=1e-4, atol=0.0,
                     what="tsne_affinities of rescaled points (other units): the bandwidths")


@graded("tsne_affinities", points=1)
def test_tsne_affinities_of_three_points_and_invalid_perplexities(student, rng):
    # three points on a line: each row has two entries, a near share p and 1 - p, and the perplexity
    # 2^h(p) of the binary entropy fixes p; then sigma_i^2 = (d_far^2 - d_near^2) / (2 ln(p / (1 - p)))
    p = float(rng.uniform(0.6, 0.95))
    perplexity = 2.0 ** -(p * np.log2(p) + (1 - p) * np.log2(1 - p))
    gap = float(rng.uniform(1.5, 3.0))
    X = np.array([[0.0], [1.0], [1.0 + gap]]) * rng.uniform(0.1, 10.0)
    d2 = (X - X.T) ** 2
    near = [1, 0, 1]
    far = [2, 2, 0]
    expected_P = np.zeros((3, 3))
    expected_sigmas = np.zeros(3)
    for i in range(3):
        expected_P[i, near[i]], expected_P[i, far[i]] = p, 1 - p
        expected_sigmas[i] = np.sqrt((d2[i, far[i]] - d2[i, near[i]]) / (2 * np.log(p / (1 - p))))
    P, sigmas = _unpack(student.tsne_affinities(X, perplexity), 3, "tsne_affinities of three points")
    assert_close(P, expected_P, rtol=1e-6, atol=1e-9, what="tsne_affinities of three points on a line: P")
    assert_close(sigmas, expected_sigmas, rtol=1e-6, atol=0.0,
                 what="tsne_affinities of three points on a line: the bandwidths")
    X = _clustered_points(rng)
    for bad in (1.0, 0.5, len(X) - 1.0, float(len(X))):
        assert_raises("ValueError", student.tsne_affinities, X, bad)
    assert_raises("ValueError", student.tsne_affinities, X[:, 0], 5.0)


def _random_conditional(rng, n):
    """Row-stochastic, non-symmetric, zero diagonal, with some exact zeros."""
    P = rng.uniform(0.0, 1.0, size=(n, n)) ** 3
    P[rng.random((n, n)) < 0.2] = 0.0
    np.fill_diagonal(P, 0.0)
    P[:, 0] += np.arange(n) > 0            # no empty row
    return P / P.sum(axis=1, keepdims=True)


def _unpack_kl(result, n, d, what):
    assert isinstance(result, (tuple, list)) and len(result) == 2, f"{what}: expected a pair (kl, grad)"
    kl, grad = result
    grad = np.asarray(grad, dtype=float)
    assert np.ndim(kl) == 0, f"{what}: kl should be a number"
    assert grad.shape == (n, d), f"{what}: grad should have shape {(n, d)}, got {grad.shape}"
    return float(kl), grad


@graded("tsne_kl", points=2)
def test_tsne_kl_matches_reference(student, reference, rng):
    X = _clustered_points(rng)
    cases = [("affinities of clustered points, 2-D map", reference.tsne_affinities(X, 6.0)[0], 2),
             ("random conditional affinities, 3-D map", _random_conditional(rng, int(rng.integers(8, 16))), 3)]
    for what, P, d in cases:
        n = len(P)
        Y = rng.normal(scale=rng.uniform(0.5, 5.0), size=(n, d))
        kl_ref, grad_ref = reference.tsne_kl(P, Y)
        kl, grad = _unpack_kl(student.tsne_kl(P, Y), n, d, f"tsne_kl on {what}")
        assert_close(kl, kl_ref, rtol=1e-8, atol=1e-12, what=f"tsne_kl on {what}: KL(P || Q)")
        assert_close(grad, grad_ref, rtol=1e-7, atol=1e-10 * np.abs(grad_ref).max(),
                     what=f"tsne_kl on {what}: the gradient")
    assert_raises("ValueError", student.tsne_kl, P[:-1, :-1], Y)
    assert_raises("ValueError", student.tsne_kl, P, Y[:, 0])


@graded("tsne_kl", points=1)
def test_tsne_kl_gradient_invariances_and_a_perfect_map(student, rng):
    n, d = int(rng.integers(6, 10)), 2
    P = _random_conditional(rng, n)
    Y = rng.normal(scale=2.0, size=(n, d))
    kl, grad = _unpack_kl(student.tsne_kl(P, Y), n, d, "tsne_kl")
    assert kl > 0.0, "tsne_kl: KL(P || Q) must be positive when Q differs from P"
    # central differences of the student's own KL
    h = 1e-6
    numeric = np.zeros_like(Y)
    for i in range(n):
        for a in range(d):
            step = np.zeros_like(Y)
            step[i, a] = h
            numeric[i, a] = (float(student.tsne_kl(P, Y + step)[0]) - float(student.tsne_kl(P, Y - step)[0])) / (2 * h)
    assert_close(grad, numeric, rtol=1e-4, atol=1e-6 * np.abs(numeric).max(),
                 what="tsne_kl: the gradient against central differences of KL")
    # a rigid motion of the map changes nothing but turns the gradient with it
    angle = rng.uniform(0.0, 2 * np.pi)
    rotation = np.array([[np.cos(angle), -np.sin(angle)], [np.sin(angle), np.cos(angle)]])
    kl_moved, grad_moved = _unpack_kl(student.tsne_kl(P, Y @ rotation.T + rng.normal(size=d)), n, d, "tsne_kl")
    assert_close(kl_moved, kl, rtol=1e-9, atol=1e-12, what="tsne_kl of a rotated and shifted map: KL")
    assert_close(grad_moved, grad @ rotation.T, rtol=1e-7, atol=1e-10 * np.abs(grad).max(),
                 what="tsne_kl of a rotated and shifted map: the gradient")
    # the vertices of a regular polygon: all rows of Q are alike, so P_cond = N Q is row-stochastic
    # and its joint affinities are Q itself: KL = 0 and the gradient vanishes
    m = int(rng.integers(5, 9))
    phi = 2 * np.pi * np.arange(m) / m + rng.uniform(0.0, 2 * np.pi)
    polygon = rng.uniform(0.3, 3.0) * np.column_stack([np.cos(phi), np.sin(phi)])
    kernel = 1.0 / (1.0 + np.sum((polygon[:, None, :] - polygon[None, :, :]) ** 2, axis=2))
    np.fill_diagonal(kernel, 0.0)
    kl, grad = _unpack_kl(student.tsne_kl(m * kernel / kernel.sum(), polygon), m, 2, "tsne_kl")
    assert_close(kl, 0.0, rtol=0.0, atol=1e-12, what="tsne_kl of a map that matches P exactly: KL")
    assert_close(grad, np.zeros((m, 2)), rtol=0.0, atol=1e-12,
                 what="tsne_kl of a map that matches P exactly: the gradient")
