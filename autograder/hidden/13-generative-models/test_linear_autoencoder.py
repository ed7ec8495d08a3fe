"""Hidden tests of ``linear_autoencoder``: the first gradient steps, and the principal subspace at convergence."""

import numpy as np

from autograder.testing import assert_close, assert_raises, graded

KEYS = {"W_enc", "W_dec", "mean", "losses"}


def _data(rng, n, d, k):
    """Samples with k strong and d - k weak directions (a clear spectral gap), far from the origin."""
    q, _ = np.linalg.qr(rng.normal(size=(d, d)))
    scales = np.concatenate([rng.uniform(1.2, 2.0, size=k), rng.uniform(0.1, 0.6, size=d - k)])
    return rng.normal(size=(n, d)) * scales @ q.T + rng.uniform(-5.0, 5.0, size=d)


def _unpack(result, d, k, n_steps, what):
    assert isinstance(result, dict) and set(result) == KEYS, \
        f"{what}: expected a dict with the keys 'W_enc', 'W_dec', 'mean' and 'losses'"
    values = {key: np.asarray(result[key], dtype=float) for key in KEYS}
    for key, shape in (("W_enc", (d, k)), ("W_dec", (k, d)), ("mean", (d,)), ("losses", (n_steps + 1,))):
        assert values[key].shape == shape, f"{what}: {key} should have shape {shape}, got {values[key].shape}"
    return values


@graded("linear_autoencoder", points=1)
def test_linear_autoencoder_first_steps_match_the_reference(student, reference, rng):
    n, d = int(rng.integers(20, 60)), int(rng.integers(3, 7))
    k = int(rng.integers(1, d))
    X = _data(rng, n, d, k)
    seed = int(rng.integers(0, 10_000))
    for n_steps in (0, 1, 4):
        got = _unpack(student.linear_autoencoder(X, k, 0.05, n_steps, seed), d, k, n_steps,
                      f"linear_autoencoder after {n_steps} steps")
        want = reference.linear_autoencoder(X, k, 0.05, n_steps, seed)
        for key in ("mean", "W_enc", "W_dec", "losses"):
            assert_close(got[key], want[key], rtol=1e-8, atol=1e-10,
                         what=f"linear_autoencoder after {n_steps} steps: {key}")
    assert_raises("ValueError", student.linear_autoencoder, X, d, 0.05, 3, seed)


@graded("linear_autoencoder", points=2)
def test_linear_autoencoder_decoder_spans_the_principal_subspace(student, rng):
    for case in range(2):
        n, d = 200, int(rng.integers(4, 9))
        k = int(rng.integers(1, min(4, d)))
        X = _data(rng, n, d, k)
        what = f"case {case + 1}"
        got = _unpack(student.linear_autoencoder(X, k, 0.05, 1000, int(rng.integers(0, 10_000))), d, k, 1000, what)
        Xc = X - X.mean(axis=0)
        _, s, Vt = np.linalg.svd(Xc, full_matrices=False)
        P_pca = Vt[:k].T @ Vt[:k]                              # projector onto the top-k principal subspace
        assert_close(got["mean"], X.mean(axis=0), rtol=1e-10, atol=1e-10, what=f"{what}: the mean")
        assert all(np.all(np.isfinite(got[key])) for key in ("W_enc", "W_dec", "losses")), \
            f"{what}: the weights or the losses are not finite (did gradient descent diverge?)"
        _, sv, Vt_dec = np.linalg.svd(got["W_dec"], full_matrices=False)
        assert sv[-1] > 1e-6 * sv[0], f"{what}: the decoder's rows are (nearly) linearly dependent"
        P_dec = Vt_dec.T @ Vt_dec                               # projector onto the span of the decoder's rows
        assert np.linalg.norm(P_dec - P_pca, 2) < 1e-2, \
            f"{what}: after training, the decoder's rows do not span the principal subspace of PCA"
        losses = got["losses"]
        assert np.all(np.diff(losses) <= 1e-9 * losses[0]), f"{what}: the loss does not decrease monotonically"
        eckart_young = np.sum(s[k:] ** 2) / n                   # the sum of the discarded PCA variances
        assert_close(losses[-1], eckart_young, rtol=2e-2, atol=0.0,
                     what=f"{what}: the final loss (it should reach the Eckart-Young minimum)")
