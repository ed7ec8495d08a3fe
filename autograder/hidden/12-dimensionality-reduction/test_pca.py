"""Hidden tests of pca_svd, pod_rank and pca_reconstruct: random data, beam snapshots, Eckart-Young."""

import numpy as np

from autograder.testing import assert_close, assert_equal, assert_raises, graded


def _data(rng, n, f, offset=100.0):
    """Correlated data with well-separated variances, far from the origin (centring matters)."""
    q, _ = np.linalg.qr(rng.normal(size=(f, f)))
    scales = rng.uniform(0.5, 2.0) * 2.0 ** -np.arange(f) * rng.uniform(0.9, 1.1, size=f)
    return rng.normal(size=(n, f)) * scales @ q.T + offset * rng.uniform(0.5, 1.5, size=f)


def _beam_snapshots(rng, n_snapshots=64, n_intervals=40):
    """Free vibration of a simply supported beam: a static sag plus three modes sin(m pi x / L).

    The snapshots are sampled over one period of the fundamental, so the modal amplitudes are
    exactly uncorrelated and the principal directions are the normalised mode shapes, with variances
    A_m^2 / 2 * (n_intervals / 2).
    """
    x = np.linspace(0.0, 1.0, n_intervals + 1)
    t = np.arange(n_snapshots) / n_snapshots
    amplitudes = np.sort(rng.uniform(0.2, 1.0, size=3))[::-1] * np.array([1.0, 0.6, 0.3])
    phases = rng.uniform(0.0, 2 * np.pi, size=3)
    modes = np.array([np.sin(m * np.pi * x) for m in (1, 2, 3)])          # (3, F)
    coefficients = np.array([a * np.cos(2 * np.pi * m**2 * t + ph)      # omega_m ~ m^2
                             for m, a, ph in zip((1, 2, 3), amplitudes, phases)]).T
    sag = -rng.uniform(1.0, 5.0) * x * (1 - x) * (1 + x - x**2)
    X = sag + coefficients @ modes
    exact_modes = (modes / np.linalg.norm(modes, axis=1, keepdims=True)).T  # (F, 3)
    exact_variances = amplitudes**2 / 2 * (n_intervals / 2)
    return X, sag, exact_modes, exact_variances


def _unpack_pca(result, n, f, k, what):
    assert isinstance(result, (tuple, list)) and len(result) == 4, \
        f"{what}: expected a tuple (Z, components, variances, mean)"
    Z, components, variances, mean = (np.asarray(v, dtype=float) for v in result)
    for name, got, shape in (("Z", Z, (n, k)), ("components", components, (f, k)),
                             ("variances", variances, (k,)), ("mean", mean, (f,))):
        assert got.shape == shape, f"{what}: {name} should have shape {shape}, got {got.shape}"
    return Z, components, variances, mean


def _signs(components, expected):
    signs = np.sign(np.sum(components * expected, axis=0))
    signs[signs == 0] = 1.0
    return signs


@graded("pca_svd", points=2)
def test_pca_svd_matches_reference_up_to_sign(student, reference, rng):
    cases = [("tall data", int(rng.integers(30, 60)), int(rng.integers(3, 6)), None),
             ("tall data, all components", int(rng.integers(20, 40)), int(rng.integers(2, 5)), "all"),
             ("wide data (fewer samples than features)", int(rng.integers(6, 10)), int(rng.integers(12, 20)), None)]
    for what, n, f, which in cases:
        X = _data(rng, n, f)
        k = min(n, f) if which == "all" else int(rng.integers(1, min(n - 1, f) + 1))
        Z_ref, C_ref, v_ref, m_ref = reference.pca_svd(X, k)
        Z, C, v, m = _unpack_pca(student.pca_svd(X, k), n, f, k, f"pca_svd on {what}")
        assert_close(m, m_ref, rtol=1e-10, atol=1e-10, what=f"pca_svd on {what}: the mean")
        assert_close(v, v_ref, rtol=1e-6, atol=1e-10 * v_ref[0], what=f"pca_svd on {what}: the variances")
        signs = _signs(C, C_ref)
        assert_close(C * signs, C_ref, rtol=0.0, atol=1e-6,
                     what=f"pca_svd on {what}: the components (compared up to the sign of each column)")
        assert_close(Z * signs, Z_ref, rtol=0.0, atol=1e-6 * np.abs(Z_ref).max(),
                     what=f"pca_svd on {what}: the scores Z (each column with the sign of its component)")


@graded("pca_svd", points=1)
def test_pca_svd_finds_the_mode_shapes_of_a_vibrating_beam(student, rng):
    X, sag, modes, variances = _beam_snapshots(rng)
    n, f = X.shape
    Z, C, v, m = _unpack_pca(student.pca_svd(X, 3), n, f, 3, "pca_svd of beam snapshots")
    assert_close(m, sag, rtol=0.0, atol=1e-10, what="pca_svd of beam snapshots: the mean (the static sag)")
    assert_close(v, variances, rtol=1e-8, atol=0.0,
                 what="pca_svd of beam snapshots: the variances (lambda_i = s_i^2 / N)")
    assert np.allclose(C.T @ C, np.eye(3), atol=1e-10), "pca_svd: the components are not orthonormal"
    assert_close(C * _signs(C, modes), modes, rtol=0.0, atol=1e-8,
                 what="pca_svd of beam snapshots: the components (the mode shapes, up to sign)")
    assert_close(Z, (X - sag) @ C, rtol=0.0, atol=1e-8,
                 what="pca_svd of beam snapshots: the scores Z = (X - mean) @ components")
    # the symmetric eigendecomposition of the covariance matrix: C r_i = lambda_i r_i, and the
    # variances are its largest eigenvalues (eigh sorts them in ascending order)
    covariance = (X - sag).T @ (X - sag) / n
    assert_close(covariance @ C, C * v, rtol=0.0, atol=1e-9 * variances[0],
                 what="pca_svd of beam snapshots: covariance @ components = components * variances")
    assert_close(v, np.linalg.eigh(covariance)[0][::-1][:3], rtol=1e-8, atol=0.0,
                 what="pca_svd of beam snapshots: the variances (the largest eigenvalues of the covariance)")


@graded("pca_svd", points=1)
def test_pca_svd_rejects_invalid_numbers_of_components(student, rng):
    tall = _data(rng, 12, 3)
    assert_raises("ValueError", student.pca_svd, tall, 4)     # k <= N but k > F
    assert_raises("ValueError", student.pca_svd, tall, 0)
    wide = _data(rng, 3, 8)
    assert_raises("ValueError", student.pca_svd, wide, 4)     # k <= F but k > N
    assert_raises("ValueError", student.pca_svd, tall[:, 0], 1)
    Z, C, v, m = _unpack_pca(student.pca_svd(tall, 3), 12, 3, 3, "pca_svd with k = F")
    assert_close(np.sum(v), np.sum(np.var(tall, axis=0)), rtol=1e-8, atol=0.0,
                 what="pca_svd with k = F: the sum of the variances (the total variance)")


@graded("pod_rank", points=2)
def test_pod_rank_matches_reference(student, reference, rng):
    for what, n, f in (("tall data", int(rng.integers(30, 60)), int(rng.integers(4, 7))),
                       ("wide data", int(rng.integers(6, 10)), int(rng.integers(12, 20)))):
        X = _data(rng, n, f)
        ratio_ref, _ = reference.pod_rank(X, 0.5)
        cumulative = np.cumsum(ratio_ref)
        for K in sorted({1, 2, int(rng.integers(2, min(n, f)))}):
            energy = 0.5 * (cumulative[K - 1] + (cumulative[K - 2] if K > 1 else 0.0))
            result = student.pod_rank(X, energy)
            assert isinstance(result, (tuple, list)) and len(result) == 2, \
                f"pod_rank on {what}: expected a pair (ratio, K)"
            assert_close(result[0], ratio_ref, rtol=1e-6, atol=1e-12, what=f"pod_rank on {what}: the ratios")
            assert_equal(result[1], reference.pod_rank(X, energy)[1], what=f"pod_rank on {what}: K")


@graded("pod_rank", points=1)
def test_pod_rank_of_beam_snapshots_and_invalid_arguments(student, rng):
    X, _, _, variances = _beam_snapshots(rng)
    expected = variances / variances.sum()
    ratio, K = student.pod_rank(X, 1.0 - 1e-9)
    ratio = np.asarray(ratio, dtype=float)
    assert ratio.shape == (min(X.shape),), "pod_rank: the ratios have the wrong shape"
    assert_close(ratio[:3], expected, rtol=1e-8, atol=0.0,
                 what="pod_rank of beam snapshots: the ratios of the three modes")
    assert_close(ratio[3:], np.zeros(min(X.shape) - 3), atol=1e-12,
                 what="pod_rank of beam snapshots: the ratios beyond the three excited modes")
    assert_equal(K, 3, what="pod_rank of beam snapshots with energy close to 1: K")
    for k_expected, energy in ((1, 0.5 * expected[0]), (2, expected[0] + 0.5 * expected[1])):
        assert_equal(student.pod_rank(X, energy)[1], k_expected, what="pod_rank of beam snapshots: K")
    for energy in (0.0, 1.0, 1.5, -0.2):
        assert_raises("ValueError", student.pod_rank, X, energy)
    assert_raises("ValueError", student.pod_rank, np.tile([2.0, -3.0, 0.5], (5, 1)), 0.9)
    assert_raises("ValueError", student.pod_rank, X[0], 0.9)


@graded("pca_reconstruct", points=1)
def test_pca_reconstruct_matches_reference(student, reference, rng):
    for k in (0, 1, int(rng.integers(2, 5)), 6):
        f, n = 6, int(rng.integers(3, 12))
        R, _ = np.linalg.qr(rng.normal(size=(f, f)))
        R = R[:, :k]
        mean = rng.uniform(-50.0, 50.0, size=f)
        X = mean + rng.normal(size=(n, f)) * rng.uniform(0.5, 5.0)
        assert_close(student.pca_reconstruct(X, mean, R), reference.pca_reconstruct(X, mean, R),
                     rtol=1e-9, atol=1e-9, what=f"pca_reconstruct with {k} components")


@graded("pca_reconstruct", points=1)
def test_pca_reconstruct_error_obeys_eckart_young(student, reference, rng):
    n, f = int(rng.integers(20, 40)), 5
    X = _data(rng, n, f)
    U, s, Vt = np.linalg.svd(X - X.mean(axis=0), full_matrices=False)
    for k in range(1, f + 1):
        _, R, _, mean = reference.pca_svd(X, k)
        X_tilde = np.asarray(student.pca_reconstruct(X, mean, R), dtype=float)
        assert X_tilde.shape == X.shape, "pca_reconstruct returns an array of the wrong shape"
        assert_close(np.sum((X - X_tilde) ** 2), np.sum(s[k:] ** 2), rtol=1e-6, atol=1e-9 * s[0] ** 2,
                     what=f"the squared reconstruction error with {k} components (Eckart-Young)")
        # X_tilde - mean is the truncated SVD U_k S_k V_k^T of the centred data (rank k)
        truncated = (U[:, :k] * s[:k]) @ Vt[:k]
        assert_close(X_tilde - mean, truncated, rtol=0.0, atol=1e-8 * s[0],
                     what=f"pca_reconstruct with {k} components minus the mean (the truncated SVD)")
        assert_close(student.pca_reconstruct(X_tilde, mean, R), X_tilde, rtol=1e-9, atol=1e-9,
                     what="reconstructing a reconstruction (a projection must not change it)")
    assert_raises("ValueError", student.pca_reconstruct, X, np.zeros(f + 1), R)
