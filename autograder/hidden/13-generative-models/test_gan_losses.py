"""Hidden tests of ``gan_losses``: the undecided discriminator, the reference, saturation and large logits."""

import numpy as np

from autograder.testing import assert_close, graded


def _pair(result, what):
    assert isinstance(result, (tuple, list)) and len(result) == 2, f"{what}: expected a tuple (L_D, L_G)"
    return float(result[0]), float(result[1])


@graded("gan_losses", points=1)
def test_gan_losses_of_an_undecided_discriminator(student, rng):
    n_real, n_fake = int(rng.integers(2, 9)), int(rng.integers(2, 9))
    zeros_real, zeros_fake = np.zeros(n_real), np.zeros(n_fake)     # D = 1/2 everywhere
    for label in (1.0, 0.9):
        for saturating in (False, True):
            loss_d, loss_g = _pair(student.gan_losses(zeros_real, zeros_fake, saturating, label), "D = 1/2")
            assert_close(loss_d, np.log(4.0), rtol=1e-12, what=f"L_D at D = 1/2 with real_label={label}")
            assert_close(loss_g, -np.log(2.0) if saturating else np.log(2.0), rtol=1e-12,
                         what=f"L_G at D = 1/2 with saturating={saturating}")
    # one-sided smoothing: over the real logit, L_D is smallest where D(x) = real_label; over the
    # fake logit it keeps decreasing as D(G(z)) -> 0 (the fake label stays 0)
    s = float(rng.uniform(0.8, 0.95))
    best = np.log(s / (1.0 - s))
    at = [_pair(student.gan_losses([best + h], [0.0], False, s), "smoothing")[0] for h in (-0.1, 0.0, 0.1)]
    assert at[1] < at[0] and at[1] < at[2], "with label smoothing, L_D should be smallest where D(x) = real_label"
    fake = [_pair(student.gan_losses([0.0], [b], False, s), "smoothing")[0] for b in (-3.0, -4.0, -5.0)]
    assert fake[0] > fake[1] > fake[2], "L_D should keep decreasing as the discriminator rejects the fakes"


@graded("gan_losses", points=1)
def test_gan_losses_match_the_reference(student, reference, rng):
    for case in range(4):
        real = rng.normal(loc=1.0, scale=3.0, size=int(rng.integers(1, 12)))
        fake = rng.normal(loc=-1.0, scale=3.0, size=int(rng.integers(1, 12)))
        saturating = bool(case % 2)
        label = 1.0 if case < 2 else float(rng.uniform(0.7, 0.95))
        got = _pair(student.gan_losses(real, fake, saturating, label), f"case {case + 1}")
        want = reference.gan_losses(real, fake, saturating, label)
        assert_close(got[0], want[0], rtol=1e-10, atol=1e-12,
                     what=f"L_D (saturating={saturating}, real_label={label:.2f})")
        assert_close(got[1], want[1], rtol=1e-10, atol=1e-12,
                     what=f"L_G (saturating={saturating}, real_label={label:.2f})")
    default = _pair(student.gan_losses(real, fake), "defaults")
    assert_close(default, list(reference.gan_losses(real, fake)), rtol=1e-10, atol=1e-12,
                 what="(L_D, L_G) with the default arguments (non-saturating, no smoothing)")


@graded("gan_losses", points=1)
def test_gan_generator_gradient_saturates_only_for_the_minimax_loss(student, rng):
    n = int(rng.integers(2, 6))
    d_fake = float(rng.uniform(5e-5, 2e-4))                       # the discriminator rejects the fakes
    fake = np.full(n, np.log(d_fake / (1.0 - d_fake)))
    real = rng.normal(loc=5.0, size=3)
    h = 1e-4
    for saturating, expected in ((True, -d_fake / n), (False, (d_fake - 1.0) / n)):
        step = np.zeros(n)
        step[0] = h
        up = _pair(student.gan_losses(real, fake + step, saturating), "gradient")[1]
        down = _pair(student.gan_losses(real, fake - step, saturating), "gradient")[1]
        assert_close((up - down) / (2 * h), expected, rtol=1e-3, atol=0.0,
                     what=f"dL_G/d(fake logit) for saturating={saturating} (central differences)")


@graded("gan_losses", points=1)
def test_gan_losses_are_exact_for_large_logits(student, rng):
    a = float(rng.uniform(700.0, 1000.0))
    cases = [  # (real, fake, saturating, label, L_D, L_G)
        ([a], [-a], False, 1.0, 0.0, a),          # perfect discriminator: nothing to learn for D, G pays a
        ([-a], [a], True, 1.0, 2 * a, -a),        # fooled discriminator
        ([a], [-a], True, 0.9, 0.1 * a, 0.0),     # smoothing: a confident real logit costs (1 - s) a
    ]
    for real, fake, saturating, label, loss_d, loss_g in cases:
        got = _pair(student.gan_losses(real, fake, saturating, label), "large logits")
        assert np.all(np.isfinite(got)), "the losses must be finite for logits of size 1000 (use np.logaddexp)"
        assert_close(got[0], loss_d, rtol=1e-12, atol=1e-9, what=f"L_D for logits of size {a:.0f}")
        assert_close(got[1], loss_g, rtol=1e-12, atol=1e-9, what=f"L_G for logits of size {a:.0f}")
