"""Hidden tests of ``r2_score``: R^2 = 1 - SSE / SST."""

import numpy as np

from autograder.testing import assert_close, assert_raises, graded


@graded("r2_score", points=1)
def test_r2_score_matches_reference_for_arbitrary_predictions(student, reference, rng):
    # predictions that are not a least-squares fit (e.g. a model judged on test data)
    for case in range(4):
        n = int(rng.integers(5, 40))
        y = rng.normal(loc=rng.uniform(-5, 5), size=n)
        y_hat = rng.uniform(0.3, 1.5) * y + rng.normal(scale=rng.uniform(0.1, 2.0), size=n) + rng.normal()
        assert_close(student.r2_score(y, y_hat), reference.r2_score(y, y_hat), rtol=1e-9, atol=1e-12,
                     what=f"case {case + 1}: R^2")


@graded("r2_score", points=1)
def test_r2_score_special_values_and_invalid_input(student, rng):
    n = int(rng.integers(10, 30))
    strain = np.sort(rng.uniform(0.0, 2e-3, size=n))
    stress = 210e9 * strain + rng.normal(scale=20e6, size=n)
    assert np.isclose(student.r2_score(stress, stress.copy()), 1.0, rtol=0, atol=1e-12), \
        "perfect predictions must give R^2 = 1"
    assert np.isclose(student.r2_score(stress, np.full(n, stress.mean())), 0.0, rtol=0, atol=1e-12), \
        "predicting the mean everywhere must give R^2 = 0"
    assert student.r2_score(stress, -stress) < 0, "a model worse than the mean must give a negative R^2"
    # a least-squares line with intercept on its own training data: R^2 = squared correlation
    X = np.column_stack([np.ones(n), strain])
    fitted = X @ np.linalg.lstsq(X, stress, rcond=None)[0]
    assert np.isclose(student.r2_score(stress, fitted), np.corrcoef(stress, fitted)[0, 1] ** 2, rtol=1e-9), \
        "R^2 of a least-squares line with intercept is wrong"
    assert_raises("ValueError", student.r2_score, np.full(n, 2.5), rng.normal(size=n))
    assert_raises("ValueError", student.r2_score, rng.normal(size=n), rng.normal(size=n + 1))
