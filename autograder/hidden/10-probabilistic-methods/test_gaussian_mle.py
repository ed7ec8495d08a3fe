"""Hidden tests of ``gaussian_mle``: the maximum-likelihood mean and covariance (1/N, outer products)."""

import numpy as np

from autograder.testing import assert_close, assert_raises, graded


def _pair(result, what):
    assert isinstance(result, (tuple, list)) and len(result) == 2, f"{what}: expected a pair (mu, Sigma)"
    return np.asarray(result[0], dtype=float), np.asarray(result[1], dtype=float)


def _gauge_readings(rng, n, d):
    """Correlated readings (microstrain) of d strain gauges: an offset plus mixed noise sources."""
    mixing = rng.normal(size=(d, d)) * rng.uniform(0.5, 5.0)
    return rng.uniform(-200.0, 200.0, size=d) + rng.normal(size=(n, d)) @ mixing


@graded("gaussian_mle", points=2)
def test_gaussian_mle_matches_reference(student, reference, rng):
    for case, (n, d) in enumerate([(int(rng.integers(3, 9)), 3), (int(rng.integers(10, 40)), 2),
                                   (5, 4), (int(rng.integers(2, 6)), 1)]):
        X = _gauge_readings(rng, n, d)
        assert_close(student.gaussian_mle(X), reference.gaussian_mle(X), rtol=1e-9, atol=1e-9,
                     what=f"data set {case + 1}: (mu, Sigma)")


@graded("gaussian_mle", points=1)
def test_gaussian_mle_properties_and_edge_cases(student, rng):
    X = _gauge_readings(rng, 12, 3)
    mu, Sigma = _pair(student.gaussian_mle(X), "three gauges")
    assert mu.shape == (3,) and Sigma.shape == (3, 3), "three gauges: expected mu of shape (3,) and Sigma (3, 3)"
    assert_close(Sigma, Sigma.T, rtol=1e-12, atol=1e-9, what="three gauges: the symmetry of Sigma")
    assert np.all(np.linalg.eigvalsh(Sigma) > -1e-9), "three gauges: Sigma must be positive semi-definite"
    # a constant shift of every reading moves the mean only
    shift = rng.uniform(-50.0, 50.0, size=3)
    mu2, Sigma2 = _pair(student.gaussian_mle(X + shift), "shifted readings")
    assert_close(mu2, mu + shift, rtol=1e-10, atol=1e-9, what="shifted readings: mu")
    assert_close(Sigma2, Sigma, rtol=1e-8, atol=1e-8, what="shifted readings: Sigma")
    # a single sample: the covariance is zero
    x = rng.normal(size=(1, 2))
    mu1, Sigma1 = _pair(student.gaussian_mle(x), "one sample")
    assert_close(mu1, x[0], rtol=1e-12, what="one sample: mu")
    assert_close(Sigma1, np.zeros((2, 2)), atol=1e-12, what="one sample: Sigma")
    # one channel as a column: Sigma is the 1 x 1 variance with 1/N
    col = rng.normal(size=(7, 1))
    _, var = _pair(student.gaussian_mle(col), "one channel")
    assert_close(var, np.array([[np.mean((col - col.mean()) ** 2)]]), rtol=1e-10, what="one channel: Sigma")
    assert_raises("ValueError", student.gaussian_mle, rng.normal(size=5))
    assert_raises("ValueError", student.gaussian_mle, np.zeros((0, 3)))
