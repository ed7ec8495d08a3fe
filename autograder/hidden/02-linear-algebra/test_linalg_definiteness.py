"""Hidden tests of definiteness: matrices of known spectrum at many scales, the symmetric part, a bar."""

import numpy as np

from autograder.testing import assert_equal, assert_raises, graded

LABELS = ("positive definite", "negative definite", "positive semi-definite", "negative semi-definite",
          "indefinite")


def _spectrum(label, n, rng):
    magnitudes = rng.uniform(0.2, 2.0, n)
    if label == "positive definite":
        return magnitudes
    if label == "negative definite":
        return -magnitudes
    zeros = int(rng.integers(1, n))
    if label == "positive semi-definite":
        return np.concatenate([magnitudes[zeros:], np.zeros(zeros)])
    if label == "negative semi-definite":
        return np.concatenate([-magnitudes[zeros:], np.zeros(zeros)])
    values = magnitudes * rng.choice([-1.0, 0.0, 1.0], n)
    values[:2] = magnitudes[0], -magnitudes[1]
    return values


def _matrix_with_symmetric_part(eigenvalues, rng):
    n = eigenvalues.size
    Q, _ = np.linalg.qr(rng.normal(size=(n, n)))
    S = Q @ np.diag(eigenvalues) @ Q.T
    S = 0.5 * (S + S.T)
    B = rng.normal(size=(n, n))
    return S + rng.uniform(0.5, 2.0) * (B - B.T)


@graded("definiteness", points=2)
def test_definiteness_of_matrices_with_known_spectrum(student, rng):
    for scale in (1.0, 1e-12, 1e9):
        for label in LABELS:
            eigenvalues = _spectrum(label, int(rng.integers(2, 7)), rng)
            A = scale * _matrix_with_symmetric_part(eigenvalues, rng)
            assert_equal(student.definiteness(A), label,
                         what=f"definiteness of a random (non-symmetric) matrix whose symmetric part is {label}")


@graded("definiteness", points=1)
def test_definiteness_uses_the_symmetric_part_and_classifies_a_bar(student, reference, rng):
    assert_equal(student.definiteness(np.array([[1.0, 10.0], [0.0, 1.0]])), "indefinite",
                 what="definiteness of a triangular matrix with a large off-diagonal entry")
    assert_equal(student.definiteness(np.array([[2.0, -3.0], [3.0, 2.0]])), "positive definite",
                 what="definiteness of identity-times-2 plus a skew-symmetric part")
    K = reference.bar_stiffness(int(rng.integers(3, 10)), float(rng.uniform(1.0, 5.0)) * 1e9,
                                float(rng.uniform(0.5, 2.0)))
    assert_equal(student.definiteness(K), "positive semi-definite",
                 what="definiteness of the stiffness matrix of a free steel bar")
    assert_equal(student.definiteness(K[1:, 1:]), "positive definite",
                 what="definiteness of the stiffness matrix of a clamped steel bar")
    assert_equal(student.definiteness(-K), "negative semi-definite",
                 what="definiteness of minus the stiffness matrix of a free steel bar")
    assert_raises("ValueError", student.definiteness, np.ones((2, 3)))
    assert_raises("ValueError", student.definiteness, np.ones(3))
