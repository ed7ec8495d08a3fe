"""Hidden tests of ``invariant_conv_features``: invariants of C = F^T F, rotation invariance, and
equivariance of the circular convolution under cyclic shifts."""

import numpy as np

from autograder.testing import assert_close, assert_raises, graded


def _rotations(rng, n):
    Q, R = np.linalg.qr(rng.normal(size=(n, 3, 3)))
    Q = Q * np.sign(np.diagonal(R, axis1=1, axis2=2))[:, None, :]
    Q[np.linalg.det(Q) < 0, :, 0] *= -1
    return Q


def _deformations(rng, n):
    return np.eye(3) + 0.3 * rng.normal(size=(n, 3, 3))


@graded("invariant_conv_features", points=1)
def test_invariants_of_stretches_and_of_random_deformations(student, reference, rng):
    lam = rng.uniform(0.5, 2.0, (4, 3))
    F = np.array([np.diag(row) for row in lam])
    s = lam**2
    expected = np.column_stack([s.sum(1), s[:, 0] * s[:, 1] + s[:, 1] * s[:, 2] + s[:, 0] * s[:, 2], s.prod(1)])
    assert_close(student.invariant_conv_features(F, [1.0]), expected, rtol=1e-10,
                 what="the invariants (kernel [1]) of pure stretches diag(l1, l2, l3)")
    F = _deformations(rng, 6)
    assert_close(student.invariant_conv_features(F, [1.0]), reference.invariant_conv_features(F, [1.0]),
                 rtol=1e-10, atol=1e-12, what="the invariants (kernel [1]) of random deformations")


@graded("invariant_conv_features", points=1)
def test_rotation_invariance_and_shift_equivariance(student, rng):
    n = int(rng.integers(6, 12))
    F, kernel = _deformations(rng, n), rng.normal(size=3)
    out = np.asarray(student.invariant_conv_features(F, kernel), dtype=float)
    assert out.shape == (n, 3), "the result must have the shape (n, 3)"
    rotated = np.einsum("nij,njk->nik", _rotations(rng, n), F)
    assert_close(student.invariant_conv_features(rotated, kernel), out, rtol=1e-9, atol=1e-12,
                 what="the features after rotating every cell (they must be invariant)")
    shift = int(rng.integers(1, n))
    assert_close(student.invariant_conv_features(np.roll(F, shift, axis=0), kernel), np.roll(out, shift, axis=0),
                 rtol=1e-9, atol=1e-12, what="the features of cyclically shifted cells (they must shift alike)")


@graded("invariant_conv_features", points=1)
def test_circular_convolution_matches_the_reference(student, reference, rng):
    for case in range(2):
        n = int(rng.integers(3, 10))
        F, kernel = _deformations(rng, n), rng.normal(size=int(rng.integers(2, n + 1)))
        assert_close(student.invariant_conv_features(F, kernel), reference.invariant_conv_features(F, kernel),
                     rtol=1e-9, atol=1e-12, what=f"case {case + 1}: the convolved invariants")
    assert_raises("ValueError", student.invariant_conv_features, _deformations(rng, 3), np.ones(4))
