"""Hidden tests of ``softmax_cross_entropy``: stable row-wise softmax, categorical cross-entropy, (P - Y) / N."""

import numpy as np

from autograder.testing import assert_close, assert_raises, graded


def _one_hot(rng, n, k):
    return np.eye(k)[rng.integers(0, k, size=n)]


def _result(student, Y, Z, what):
    result = student.softmax_cross_entropy(Y, Z)
    assert isinstance(result, (tuple, list)) and len(result) == 3, f"{what}: expected a triple (P, L, dL/dZ)"
    return result


def _check(student, reference, Y, Z, what, rtol=1e-9, atol=1e-13):
    P, L, dZ = _result(student, Y, Z, what)
    expected_P, expected_L, expected_dZ = reference.softmax_cross_entropy(Y, Z)
    assert_close(P, expected_P, rtol=rtol, atol=atol, what=f"{what}: P")
    assert_close(L, expected_L, rtol=rtol, atol=atol, what=f"{what}: L")
    assert_close(dZ, expected_dZ, rtol=rtol, atol=atol, what=f"{what}: dL/dZ")
    return P, L, dZ


@graded("softmax_cross_entropy", points=1)
def test_softmax_cross_entropy_matches_reference(student, reference, rng):
    for case in range(3):
        n, k = int(rng.integers(1, 10)), int(rng.integers(2, 6))
        _check(student, reference, _one_hot(rng, n, k), rng.normal(scale=2.0, size=(n, k)), f"case {case + 1}")


@graded("softmax_cross_entropy", points=1)
def test_softmax_cross_entropy_is_stable_for_huge_logits(student, reference, rng):
    n, k = 6, int(rng.integers(3, 6))
    Y = _one_hot(rng, n, k)
    Z = rng.normal(size=(n, k))
    Z[0] += 1000.0                                  # rows of very different magnitude in one batch
    Z[1] -= 1000.0
    Z[2, 0] = 900.0
    Z[3, rng.integers(0, k)] = 1000.0               # a true class may trail by 1000
    Z[4, np.argmax(Y[4])] = -1000.0
    P, L, dZ = _check(student, reference, Y, Z, "huge logits", rtol=1e-9, atol=1e-12)
    assert np.all(np.isfinite(P)) and np.isfinite(L), "P and L must be finite for logits of size 1000"
    assert_close(np.sum(P, axis=1), np.ones(n), rtol=1e-12, what="the row sums of P")


@graded("softmax_cross_entropy", points=1)
def test_softmax_cross_entropy_is_the_likelihood_and_its_derivative(student, rng):
    n, k = int(rng.integers(3, 8)), int(rng.integers(3, 5))
    labels = rng.integers(0, k, size=n)
    Z = rng.normal(scale=2.0, size=(n, k))
    _, L, _ = _result(student, np.eye(k)[labels], Z, "one-hot labels")
    P = np.exp(Z - Z.max(axis=1, keepdims=True))
    P /= P.sum(axis=1, keepdims=True)
    assert np.isclose(L, -np.mean(np.log(P[np.arange(n), labels])), rtol=1e-9), \
        "L is not the mean negative log-probability of the true classes"
    Y = rng.dirichlet(np.ones(k), size=n)            # soft labels: rows of probabilities
    _, _, dZ = _result(student, Y, Z, "soft labels")
    h = 1e-6
    numeric = np.zeros_like(Z)
    for index in np.ndindex(Z.shape):
        step = np.zeros_like(Z)
        step[index] = h
        numeric[index] = (student.softmax_cross_entropy(Y, Z + step)[1]
                          - student.softmax_cross_entropy(Y, Z - step)[1]) / (2 * h)
    assert_close(dZ, numeric, rtol=1e-5, atol=1e-8, what="dL/dZ compared with central differences of your L")


@graded("softmax_cross_entropy", points=1)
def test_softmax_cross_entropy_is_shift_invariant_and_checks_shapes(student, reference, rng):
    n, k = int(rng.integers(2, 6)), int(rng.integers(2, 5))
    Y = _one_hot(rng, n, k)
    Z = rng.normal(size=(n, k))
    expected_P, expected_L, expected_dZ = reference.softmax_cross_entropy(Y, Z)
    P, L, dZ = _result(student, Y, Z + rng.uniform(-800.0, 800.0, size=(n, 1)), "logits shifted per row")
    assert_close(P, expected_P, rtol=1e-8, atol=1e-14, what="P of logits shifted by a constant per row")
    assert_close(L, expected_L, rtol=1e-8, what="L of logits shifted by a constant per row")
    assert_close(dZ, expected_dZ, rtol=1e-8, atol=1e-14, what="dL/dZ of logits shifted by a constant per row")
    assert_raises("ValueError", student.softmax_cross_entropy, Y, rng.normal(size=(n, k + 1)))
    assert_raises("ValueError", student.softmax_cross_entropy, Y[0], rng.normal(size=k))
