"""Hidden tests of ``vae_sample_and_kl``: random batches against the reference, and the KL's properties."""

import numpy as np

from autograder.testing import assert_close, assert_raises, graded


def _encoder_output(rng, shape):
    return rng.normal(0.0, 1.5, size=shape), rng.uniform(-3.0, 2.0, size=shape), rng.normal(size=shape)


@graded("vae_sample_and_kl", points=2)
def test_vae_sample_and_kl_matches_reference(student, reference, rng):
    shapes = [(int(rng.integers(3, 9)), int(rng.integers(2, 6))), (int(rng.integers(2, 6)),),
              (2, 3, int(rng.integers(2, 5))), (int(rng.integers(3, 6)), 1)]
    for index, shape in enumerate(shapes):
        mu, log_var, eps = _encoder_output(rng, shape)
        assert_close(student.vae_sample_and_kl(mu, log_var, eps), reference.vae_sample_and_kl(mu, log_var, eps),
                     rtol=1e-8, atol=1e-10, what=f"(z, kl) of batch {index + 1}")
    mu, log_var, eps = _encoder_output(rng, (4, 3))
    assert_raises("ValueError", student.vae_sample_and_kl, mu, log_var[:, :2], eps)


@graded("vae_sample_and_kl", points=1)
def test_vae_sample_and_kl_properties(student, rng):
    n, d = int(rng.integers(4, 9)), int(rng.integers(2, 6))
    zero = np.zeros((n, d))
    # the encoder that equals the prior: KL = 0, and eps passes through unchanged
    eps = rng.normal(size=(n, d))
    z, kl = student.vae_sample_and_kl(zero, zero, eps)
    assert_close(np.asarray(kl, dtype=float), np.zeros(n), atol=1e-12, what="kl where q(z|x) is the prior")
    assert_close(np.asarray(z, dtype=float), eps, rtol=1e-12, what="z where q(z|x) is the prior")
    # eps = 1 gives z - mu = sigma (the standard deviation, not the variance)
    mu, log_var = rng.normal(size=(n, d)), rng.uniform(-2.0, 2.0, size=(n, d))
    z, _ = student.vae_sample_and_kl(mu, log_var, np.ones((n, d)))
    assert_close(np.asarray(z, dtype=float) - mu, np.exp(0.5 * log_var), rtol=1e-8, atol=1e-10,
                 what="z - mu for eps = 1")
    # one latent dimension: the closed form ln(1/s) + (s^2 + m^2)/2 - 1/2
    m, s = rng.normal(size=n), rng.uniform(0.2, 3.0, size=n)
    _, kl = student.vae_sample_and_kl(m[:, None], 2.0 * np.log(s)[:, None], np.zeros((n, 1)))
    assert_close(np.asarray(kl, dtype=float), np.log(1.0 / s) + (s ** 2 + m ** 2) / 2.0 - 0.5, rtol=1e-8,
                 atol=1e-10, what="kl of a one-dimensional latent space")
    # independent latent dimensions: the KL of the whole code is the sum of the KLs of its parts
    mu_a, log_var_a, _ = _encoder_output(rng, (n, d))
    mu_b, log_var_b, _ = _encoder_output(rng, (n, 3))
    _, kl_a = student.vae_sample_and_kl(mu_a, log_var_a, zero)
    _, kl_b = student.vae_sample_and_kl(mu_b, log_var_b, np.zeros((n, 3)))
    _, kl_ab = student.vae_sample_and_kl(np.hstack([mu_a, mu_b]), np.hstack([log_var_a, log_var_b]),
                                         np.zeros((n, d + 3)))
    assert_close(np.asarray(kl_ab, dtype=float), np.asarray(kl_a, dtype=float) + np.asarray(kl_b, dtype=float),
                 rtol=1e-8, atol=1e-10, what="kl of a code split into two independent groups of dimensions")
    assert np.all(np.asarray(kl_ab, dtype=float) >= 0.0), "a KL divergence is never negative"
