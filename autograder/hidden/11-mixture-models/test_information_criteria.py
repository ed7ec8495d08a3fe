"""Hidden tests of ``information_criteria``: BIC and AIC of a full-covariance Gaussian mixture."""

import numpy as np

from autograder.testing import assert_close, assert_raises, graded


def _pair(result, what):
    assert isinstance(result, (tuple, list)) and len(result) == 2, f"{what}: expected a pair (bic, aic)"
    return float(result[0]), float(result[1])


@graded("information_criteria", points=1)
def test_information_criteria_match_reference(student, reference, rng):
    for case in range(5):
        log_lik = float(rng.normal(scale=2000.0))
        k, d, n = int(rng.integers(1, 8)), int(rng.integers(1, 6)), int(rng.integers(10, 5000))
        assert_close(_pair(student.information_criteria(log_lik, k, d, n), f"case {case + 1}"),
                     reference.information_criteria(log_lik, k, d, n), rtol=1e-12, atol=1e-9,
                     what=f"case {case + 1}: (bic, aic)")


@graded("information_criteria", points=1)
def test_information_criteria_count_parameters_and_choose_k(student, rng):
    log_lik, n = float(rng.normal(scale=100.0)), int(rng.integers(50, 500))
    # one Gaussian in 1-D: a mean and a variance, p = 2
    bic, aic = _pair(student.information_criteria(log_lik, 1, 1, n), "one 1-D Gaussian")
    assert np.isclose(aic, -2 * log_lik + 4, rtol=1e-12), "one 1-D Gaussian: wrong AIC"
    assert np.isclose(bic, -2 * log_lik + 2 * np.log(n), rtol=1e-12), "one 1-D Gaussian: wrong BIC"
    # adding a component in D dimensions adds 1 + D + D (D + 1) / 2 parameters
    d, k = int(rng.integers(2, 5)), int(rng.integers(1, 5))
    _, aic_k = _pair(student.information_criteria(log_lik, k, d, n), "K components")
    _, aic_k1 = _pair(student.information_criteria(log_lik, k + 1, d, n), "K + 1 components")
    assert np.isclose(aic_k1 - aic_k, 2 * (1 + d + d * (d + 1) / 2), rtol=1e-12), \
        "one more component must add 1 + D + D(D+1)/2 parameters"
    # log-likelihoods of fits with K = 1..5 components: BIC's stronger penalty must pick a smaller K
    n, d = 400, 2
    log_liks = [-1180.0, -1071.0, -1030.4, -1020.5, -1017.0]
    bics, aics = zip(*[_pair(student.information_criteria(ll, k, d, n), f"K = {k}")
                       for k, ll in enumerate(log_liks, start=1)])
    assert int(np.argmin(bics)) + 1 == 3, "BIC does not choose the expected number of components"
    assert int(np.argmin(aics)) + 1 == 4, "AIC does not choose the expected number of components"
    assert_raises("ValueError", student.information_criteria, -10.0, 0, 2, 100)
    assert_raises("ValueError", student.information_criteria, -10.0, 2, 2, 0)
