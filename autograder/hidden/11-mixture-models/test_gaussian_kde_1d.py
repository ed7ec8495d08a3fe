"""Hidden tests of ``gaussian_kde_1d``: a Gaussian kernel density estimate with Silverman's bandwidth."""

import numpy as np

from autograder.testing import assert_close, assert_raises, graded


def _grey_levels(rng, n):
    # grey levels of a two-phase micrograph: a darker matrix and brighter fibres
    fibre = rng.random(n) < rng.uniform(0.3, 0.6)
    return np.where(fibre, rng.normal(170.0, 10.0, size=n), rng.normal(90.0, 14.0, size=n))


@graded("gaussian_kde_1d", points=2)
def test_gaussian_kde_1d_matches_reference_and_scipy(student, reference, rng):
    from scipy.stats import gaussian_kde

    samples = _grey_levels(rng, int(rng.integers(80, 400)))
    x = np.sort(rng.uniform(0.0, 255.0, size=int(rng.integers(50, 200))))
    # scipy's bandwidth factor multiplies the sample standard deviation (ddof = 1)
    h = float(rng.uniform(2.0, 12.0))
    for label, bandwidth, method in (("a given bandwidth", h, h / np.std(samples, ddof=1)),
                                     ("Silverman's bandwidth", None, "silverman")):
        got = np.asarray(student.gaussian_kde_1d(samples, x, bandwidth), dtype=float)
        expected = reference.gaussian_kde_1d(samples, x, bandwidth)
        peak = float(np.max(expected))
        assert_close(got, expected, rtol=1e-8, atol=1e-12 * peak, what=f"{label}: the density")
        assert_close(got, gaussian_kde(samples, bw_method=method)(x), rtol=1e-6, atol=1e-10 * peak,
                     what=f"{label}: the density compared with scipy.stats.gaussian_kde")


@graded("gaussian_kde_1d", points=1)
def test_gaussian_kde_1d_is_a_density_and_scales(student, rng):
    samples = _grey_levels(rng, 60)
    grid = np.linspace(samples.min() - 100.0, samples.max() + 100.0, 4001)
    for bandwidth in (float(rng.uniform(1.0, 4.0)), None):
        f = np.asarray(student.gaussian_kde_1d(samples, grid, bandwidth), dtype=float)
        assert f.shape == grid.shape, "the density must have the shape of x"
        assert np.all(f >= 0), "a density estimate must not be negative"
        assert abs(np.trapezoid(f, grid) - 1.0) < 1e-6, "the density estimate does not integrate to 1"
    # one sample: the kernel itself, a normal density of standard deviation h
    centre, h = float(rng.normal(100.0, 20.0)), float(rng.uniform(2.0, 8.0))
    x = centre + h * np.linspace(-4.0, 4.0, 9)
    assert_close(student.gaussian_kde_1d([centre], x, h),
                 np.exp(-0.5 * ((x - centre) / h) ** 2) / (np.sqrt(2 * np.pi) * h), rtol=1e-10, atol=1e-14,
                 what="a single sample: the density")
    # Silverman's bandwidth is proportional to the spread: changing the units (grey levels scaled by c)
    # scales the estimate as f_c(c x) = f(x) / c
    c = float(rng.uniform(0.01, 0.1))
    x = np.linspace(50.0, 200.0, 31)
    assert_close(np.asarray(student.gaussian_kde_1d(c * samples, c * x), dtype=float) * c,
                 student.gaussian_kde_1d(samples, x), rtol=1e-9, atol=1e-14,
                 what="Silverman's bandwidth after a change of units: the density")
    assert_raises("ValueError", student.gaussian_kde_1d, samples, x, 0.0)
    assert_raises("ValueError", student.gaussian_kde_1d, samples, x, -2.0)
    assert_raises("ValueError", student.gaussian_kde_1d, samples.reshape(-1, 2), x, 2.0)
    assert_raises("ValueError", student.gaussian_kde_1d, samples[:1], x)
