"""Hidden tests of ``vae_loss``: reparametrised codes, the KL term (zero at the prior, Monte Carlo), BCE from
logits, the squared error and the total."""

import numpy as np

from autograder.testing import assert_close, assert_raises, graded

KEYS = {"z", "reconstruction", "kl", "loss"}


class _Decoder:
    """A trusted decoder z -> z @ W + b (or a fixed output) that remembers the codes it was called with."""

    def __init__(self, W=None, b=None, fixed=None):
        self.W, self.b, self.fixed, self.calls = W, b, fixed, []

    def __call__(self, z):
        z = np.asarray(z, dtype=float)
        self.calls.append(z)
        return self.fixed if self.fixed is not None else z @ self.W + self.b


def _call(student, what, *args):
    result = student.vae_loss(*args)
    assert isinstance(result, dict) and set(result) == KEYS, \
        f"{what}: expected a dict with the keys 'z', 'reconstruction', 'kl' and 'loss'"
    return result


def _case(rng, n, D, d, binary=False, scale=3.0):
    """x, mu, log_var, eps and a random linear decoder."""
    x = (rng.random(size=(n, D)) < 0.4).astype(float) if binary else rng.random(size=(n, D))
    mu, log_var, eps = rng.normal(size=(n, d)), rng.uniform(-3.0, 2.0, size=(n, d)), rng.normal(size=(n, d))
    return x, mu, log_var, eps, _Decoder(rng.normal(scale=scale, size=(d, D)), rng.normal(size=D))


@graded("vae_loss", points=2)
def test_vae_loss_samples_the_codes_by_reparametrisation(student, rng):
    n, D, d = int(rng.integers(2, 8)), int(rng.integers(3, 10)), int(rng.integers(2, 5))
    x, mu, log_var, eps, decoder = _case(rng, n, D, d)
    result = _call(student, "a batch", x, mu, log_var, eps, decoder, "mse")
    expected = mu + np.exp(0.5 * log_var) * eps
    assert_close(result["z"], expected, rtol=1e-10, atol=1e-12, what="the codes z")
    assert len(decoder.calls) == 1, "the decoder must be called exactly once"
    assert_close(decoder.calls[0], expected, rtol=1e-10, atol=1e-12, what="the codes passed to the decoder")
    at_mean = _call(student, "eps = 0", x, mu, log_var, np.zeros((n, d)), _Decoder(fixed=x), "mse")
    assert_close(at_mean["z"], mu, rtol=1e-12, atol=1e-12, what="the codes z for eps = 0 (z must be mu)")
    # many samples of one Gaussian: the spread of z is exp(log_var / 2) times that of eps
    m = 2000
    mu_1, log_var_1 = rng.normal(size=d), rng.uniform(-3.0, 2.0, size=d)
    eps = rng.normal(size=(m, d))
    z = np.asarray(_call(student, "many samples", np.zeros((m, 1)), np.tile(mu_1, (m, 1)), np.tile(log_var_1, (m, 1)),
                         eps, _Decoder(fixed=np.zeros((m, 1))), "mse")["z"], dtype=float)
    assert z.shape == (m, d), "z must have the shape of mu"
    assert_close(z.var(axis=0), np.exp(log_var_1) * eps.var(axis=0), rtol=1e-8, atol=1e-12,
                 what="the variance of the samples z (it must be exp(log_var) times that of eps)")


@graded("vae_loss", points=1)
def test_vae_loss_kl_term_is_the_closed_form_of_a_diagonal_gaussian(student, rng):
    x = rng.random(size=(1, 5))
    fixed = _Decoder(fixed=rng.normal(size=(1, 5)))
    zero = _call(student, "at the prior", x, np.zeros((1, 3)), np.zeros((1, 3)), rng.normal(size=(1, 3)), fixed)
    assert_close(zero["kl"], 0.0, atol=1e-12, what="the KL term of q = N(0, I) (the prior itself)")
    # one sample with d latent dimensions: the KL divergence against a Monte Carlo estimate
    d = int(rng.integers(2, 5))
    mu, log_var = rng.normal(scale=0.7, size=(1, d)), rng.uniform(-1.0, 1.0, size=(1, d))
    kl = _call(student, "one sample", x, mu, log_var, np.zeros((1, d)), fixed)["kl"]
    eps = rng.normal(size=(1_000_000, d))
    z = mu + np.exp(0.5 * log_var) * eps
    log_ratio = np.sum(-0.5 * log_var - 0.5 * eps ** 2 + 0.5 * z ** 2, axis=1)      # ln q(z) - ln p(z)
    assert_close(kl, float(np.mean(log_ratio)), rtol=0.02, atol=0.02,
                 what="the KL term compared with a Monte Carlo estimate of E_q[ln q(z) - ln p(z)]")
    # a batch: the KL term is the batch mean of per-sample sums over the latent dimensions
    n = int(rng.integers(3, 8))
    x, mu, log_var, eps, decoder = _case(rng, n, 4, d)
    per_dim = 0.5 * (mu ** 2 + np.exp(log_var) - 1.0 - log_var)                       # 1-D closed form, >= 0
    assert_close(_call(student, "a batch", x, mu, log_var, eps, decoder)["kl"], float(per_dim.sum(axis=1).mean()),
                 rtol=1e-9, atol=1e-12, what="the KL term of a batch")


@graded("vae_loss", points=1)
def test_vae_loss_bce_matches_the_reference(student, reference, rng):
    for case, binary in enumerate((False, True)):
        n, D, d = int(rng.integers(2, 7)), int(rng.integers(5, 30)), int(rng.integers(2, 5))
        x, mu, log_var, eps, decoder = _case(rng, n, D, d, binary)
        got = _call(student, f"batch {case + 1}", x, mu, log_var, eps, decoder, "bce")
        want = reference.vae_loss(x, mu, log_var, eps, decoder, "bce")
        for key in ("reconstruction", "loss"):
            assert_close(got[key], want[key], rtol=1e-9, atol=1e-12, what=f"batch {case + 1} (bce): {key}")
    default = _call(student, "default", x, mu, log_var, eps, decoder)
    assert_close(default["reconstruction"], want["reconstruction"], rtol=1e-9, atol=1e-12,
                 what='the reconstruction term with the default reconstruction="bce"')


@graded("vae_loss", points=1)
def test_vae_loss_bce_is_exact_for_saturated_logits(student, rng):
    n, D, d = 3, int(rng.integers(6, 12)), 2
    x = (rng.random(size=(n, D)) < 0.5).astype(float)
    logits = np.where(x > 0.5, 1000.0, -1000.0)                  # confidently right everywhere
    mu, log_var, eps = np.zeros((n, d)), np.zeros((n, d)), rng.normal(size=(n, d))
    right = _call(student, "saturated logits", x, mu, log_var, eps, _Decoder(fixed=logits), "bce")
    assert np.isfinite(right["reconstruction"]) and abs(right["reconstruction"]) < 1e-9, \
        "the BCE of logits of size 1000 on the right side must be 0 (finite, no clipping)"
    wrong_pixels = rng.integers(1, D, size=n)
    flipped = logits.copy()
    for i, j in enumerate(wrong_pixels):
        flipped[i, :j] *= -1.0                                     # j pixels confidently wrong in sample i
    wrong = _call(student, "saturated logits", x, mu, log_var, eps, _Decoder(fixed=flipped), "bce")
    assert_close(wrong["reconstruction"], 1000.0 * wrong_pixels.mean(), rtol=1e-12, atol=1e-9,
                 what="the BCE of confidently wrong pixels (each costs |logit|)")


@graded("vae_loss", points=1)
def test_vae_loss_mse_and_the_total_match_the_reference(student, reference, rng):
    n, D, d = int(rng.integers(2, 7)), int(rng.integers(5, 30)), int(rng.integers(2, 5))
    x, mu, log_var, eps, decoder = _case(rng, n, D, d, scale=0.3)
    got = _call(student, "mse", x, mu, log_var, eps, decoder, "mse")
    want = reference.vae_loss(x, mu, log_var, eps, decoder, "mse")
    for key in ("reconstruction", "kl", "loss"):
        assert_close(got[key], want[key], rtol=1e-9, atol=1e-12, what=f"mse: {key}")
    assert got["loss"] > 0, "the loss to minimise is the negative ELBO, a positive number here"
    assert_raises("ValueError", student.vae_loss, x, mu, log_var, eps, decoder, "l1")
