"""Hidden tests of ``align_components``: matching mixture components up to relabelling."""

import numpy as np

from autograder.testing import assert_equal, assert_raises, graded


@graded("align_components", points=1)
def test_align_components_undoes_a_relabelling(student, reference, rng):
    for case in range(4):
        k, d = int(rng.integers(3, 7)), int(rng.integers(1, 4))
        means_ref = rng.normal(scale=5.0, size=(k, d))
        perm = rng.permutation(k)
        if case == 0:
            perm = np.roll(np.arange(k), 1)  # a cycle: its inverse is a different permutation
        means = np.empty_like(means_ref)
        means[perm] = means_ref + rng.normal(scale=0.3, size=(k, d))
        got = np.asarray(student.align_components(means_ref, means))
        assert_equal(got.astype(int), reference.align_components(means_ref, means),
                     what=f"case {case + 1}: the permutation")
        assert np.issubdtype(got.dtype, np.integer), "the permutation must be an integer array"


@graded("align_components", points=1)
def test_align_components_finds_the_global_optimum(student, reference, rng):
    # matching component by component (greedily) fails here: the first reference component takes the
    # fitted one that the second needs far more
    scale, shift = rng.uniform(0.5, 3.0), rng.normal(scale=10.0)
    means_ref = shift + scale * np.array([[0.0], [1.0], [10.0]])
    means = shift + scale * np.array([[-5.0], [0.9], [10.2]])
    order = rng.permutation(3)
    means_ref = means_ref[order]
    got = np.asarray(student.align_components(means_ref, means)).astype(int)
    assert_equal(np.sort(got), np.arange(3), what="the result is not a permutation of 0..K-1;")
    assert_equal(got, reference.align_components(means_ref, means), what="the optimal permutation")
    # two dimensions, several components: the result matches the reference's exhaustive search
    means_ref = rng.normal(size=(5, 2))
    means = rng.normal(size=(5, 2))
    assert_equal(np.asarray(student.align_components(means_ref, means)).astype(int),
                 reference.align_components(means_ref, means), what="unrelated means: the optimal permutation")
    assert_raises("ValueError", student.align_components, np.zeros((3, 2)), np.zeros((4, 2)))
    assert_raises("ValueError", student.align_components, np.zeros(3), np.zeros(3))
