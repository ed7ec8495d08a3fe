"""Hidden tests of ``gd_linear_regression``: full-batch, mini-batch and stochastic gradient descent."""

import numpy as np

from autograder.testing import assert_close, assert_equal, assert_raises, graded


def _pair(result, what):
    assert isinstance(result, (tuple, list)) and len(result) == 2, f"{what}: expected a pair (w, costs)"
    return np.asarray(result[0], dtype=float), np.asarray(result[1], dtype=float)


def _tensile_test(rng, n):
    """Normalised strain (first column ones) and stress in GPa of a linear-elastic test with an offset."""
    strain = np.sort(rng.uniform(0.0, 1.0, size=n))
    X = np.column_stack([np.ones(n), strain])
    y = rng.uniform(-0.05, 0.05) + rng.uniform(0.3, 0.5) * strain + rng.normal(scale=0.01, size=n)
    return X, y


@graded("gd_linear_regression", points=1)
def test_gd_mini_batches_match_reference(student, reference, rng):
    for case in range(2):
        n = int(rng.integers(20, 40))
        p = int(rng.integers(2, 4))
        X = np.column_stack([np.ones(n), rng.normal(size=(n, p - 1))])
        y = X @ rng.normal(size=p) + 0.1 * rng.normal(size=n)
        batch = int(rng.integers(3, 8))
        if n % batch == 0:
            n += 1  # the last batch must be a partial one
            X = np.vstack([X, X[:1]])
            y = np.append(y, y[0])
        seed = int(rng.integers(0, 2**31))
        n_epochs = int(rng.integers(3, 6))
        assert_close(student.gd_linear_regression(X, y, 0.05, n_epochs, batch, seed),
                     reference.gd_linear_regression(X, y, 0.05, n_epochs, batch, seed),
                     rtol=1e-9, atol=1e-12, what=f"mini-batch run {case + 1}: (w, costs)")


@graded("gd_linear_regression", points=1)
def test_gd_full_batch_and_sgd_reach_the_least_squares_fit(student, reference, rng):
    X, y = _tensile_test(rng, int(rng.integers(30, 60)))
    w_ls = np.linalg.lstsq(X, y, rcond=None)[0]
    hessian = X.T @ X / len(y)
    lr = 1.0 / np.linalg.eigvalsh(hessian)[-1]
    w, costs = _pair(student.gd_linear_regression(X, y, lr, 400), "full batch")
    assert costs.shape == (400,), "full batch: one cost per epoch is expected"
    assert np.all(np.diff(costs) <= 1e-15), "full batch with lr <= 1/L: the cost must never increase"
    assert np.allclose(w, w_ls, rtol=0, atol=1e-6), "full batch: the weights do not approach the least-squares fit"
    seed = int(rng.integers(0, 2**31))
    assert_close(student.gd_linear_regression(X, y, 0.1, 3, 1, seed),
                 reference.gd_linear_regression(X, y, 0.1, 3, 1, seed), rtol=1e-9, atol=1e-12,
                 what="stochastic gradient descent (batch_size=1): (w, costs)")


@graded("gd_linear_regression", points=1)
def test_gd_edge_cases_and_invalid_input(student, rng):
    X, y = _tensile_test(rng, 10)
    w, costs = _pair(student.gd_linear_regression(X, y, 0.1, 0), "no epochs")
    assert_equal(w, np.zeros(2), what="no epochs: the weights")
    assert costs.shape == (0,), "no epochs: the cost history must be empty"
    # a batch larger than the data set is the full batch
    assert_close(student.gd_linear_regression(X, y, 0.2, 5, 50, 3),
                 student.gd_linear_regression(X, y, 0.2, 5, None, 3), rtol=1e-10, atol=1e-13,
                 what="batch_size > N: (w, costs)")
    assert_raises("ValueError", student.gd_linear_regression, X, y, 0.0, 5)
    assert_raises("ValueError", student.gd_linear_regression, X, y, 0.1, 5, 0)
    assert_raises("ValueError", student.gd_linear_regression, X, y[:-1], 0.1, 5)
