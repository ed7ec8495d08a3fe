"""Hidden tests of ``mc_tip_deflection``: statistical checks against the lognormal theory, and seeding.

The random draws of a correct solution may differ from the reference's, so the estimates are compared
with the exact expectations within five standard errors (a correct solution fails with a probability
below 1e-5), never with the reference's numbers.
"""

import math

from autograder.testing import assert_close, assert_raises, graded


def _cantilever(rng):
    F, L, I_z = rng.uniform(2e3, 2e4), rng.uniform(1.0, 4.0), rng.uniform(2e-6, 5e-5)
    E_median, s = rng.uniform(150e9, 220e9), rng.uniform(0.15, 0.25)
    return F, L, I_z, E_median, s


def _theory(F, L, I_z, E_median, s):
    """Exact mean and standard deviation of delta = c / E for ln E ~ N(ln E_median, s^2)."""
    c = F * L**3 / (3.0 * I_z)
    mean = c / E_median * math.exp(0.5 * s * s)
    std = c / E_median * math.exp(0.5 * s * s) * math.sqrt(math.expm1(s * s))
    return mean, std


def _normal_cdf(z):
    return 0.5 * (1.0 + math.erf(z / math.sqrt(2.0)))


def _triple(result, what):
    assert isinstance(result, (tuple, list)) and len(result) == 3, \
        f"{what}: expected a triple (mean, std_error, p_exceed)"
    return tuple(float(v) for v in result)


@graded("mc_tip_deflection", points=1)
def test_mc_mean_and_exceedance_agree_with_theory(student, rng):
    for case in range(2):
        F, L, I_z, E_median, s = _cantilever(rng)
        z = rng.uniform(-0.5, 1.5)
        delta_allow = F * L**3 / (3.0 * E_median * I_z) * math.exp(z * s)   # P(delta > allow) = Phi(-z)
        n = 40000
        mean, _, p = _triple(student.mc_tip_deflection(F, L, I_z, E_median, s, delta_allow, n,
                                                       int(rng.integers(2**31))), f"beam {case + 1}")
        exact_mean, exact_std = _theory(F, L, I_z, E_median, s)
        assert abs(mean - exact_mean) <= 5.0 * exact_std / math.sqrt(n), \
            f"beam {case + 1}: the mean deflection is off by more than five standard errors"
        p_exact = _normal_cdf(-z)
        assert abs(p - p_exact) <= 5.0 * math.sqrt(p_exact * (1 - p_exact) / n) + 1.0 / n, \
            f"beam {case + 1}: the exceedance probability is off by more than five standard errors"


@graded("mc_tip_deflection", points=1)
def test_mc_standard_error_and_certain_modulus(student, rng):
    F, L, I_z, E_median, s = _cantilever(rng)
    n = 20000
    _, std_error, _ = _triple(student.mc_tip_deflection(F, L, I_z, E_median, s, 1.0, n, int(rng.integers(2**31))),
                              "the standard error")
    _, exact_std = _theory(F, L, I_z, E_median, s)
    assert abs(std_error / (exact_std / math.sqrt(n)) - 1.0) < 0.05, \
        "the standard error does not match std(delta) / sqrt(n)"
    # s = 0: Young's modulus is certain, every sample gives the textbook deflection
    delta = F * L**3 / (3.0 * E_median * I_z)
    mean, std_error, p = _triple(student.mc_tip_deflection(F, L, I_z, E_median, 0.0, 2.0 * delta, 100, 7),
                                 "a certain modulus")
    assert_close(mean, delta, rtol=1e-12, what="a certain modulus: the mean")
    assert_close(std_error, 0.0, atol=1e-12 * delta, what="a certain modulus: the standard error")
    assert_close(p, 0.0, atol=1e-12, what="a certain modulus: the exceedance probability")
    assert_raises("ValueError", student.mc_tip_deflection, F, L, I_z, E_median, s, delta, 1, 0)


@graded("mc_tip_deflection", points=1)
def test_mc_is_reproducible_and_converges(student, rng):
    F, L, I_z, E_median, s = _cantilever(rng)
    delta_allow = F * L**3 / (3.0 * E_median * I_z)
    seed = int(rng.integers(2**31))
    first = _triple(student.mc_tip_deflection(F, L, I_z, E_median, s, delta_allow, 5000, seed), "seeded run")
    again = _triple(student.mc_tip_deflection(F, L, I_z, E_median, s, delta_allow, 5000, seed), "seeded run")
    assert first == again, "the same seed must reproduce the same result"
    other = _triple(student.mc_tip_deflection(F, L, I_z, E_median, s, delta_allow, 5000, seed + 1), "seeded run")
    assert other[0] != first[0], "another seed must give other samples"
    larger = _triple(student.mc_tip_deflection(F, L, I_z, E_median, s, delta_allow, 20000, seed), "seeded run")
    assert 0.45 < larger[1] / first[1] < 0.55, "four times the samples must halve the standard error"
