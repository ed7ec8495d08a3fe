"""Hidden tests of ``dice_sum_pmf``: the exact PMF of a sum of dice by convolution."""

import numpy as np

from autograder.testing import assert_close, assert_raises, graded


@graded("dice_sum_pmf", points=1)
def test_dice_sum_pmf_matches_reference(student, reference, rng):
    cases = [(1, 6), (int(rng.integers(2, 6)), int(rng.integers(2, 13))),
             (int(rng.integers(6, 12)), int(rng.integers(3, 9))), (3, int(rng.integers(2, 20)))]
    for case, (n, f) in enumerate(cases):
        assert_close(student.dice_sum_pmf(n, f), reference.dice_sum_pmf(n, f), rtol=1e-9, atol=1e-15,
                     what=f"case {case + 1}: the PMF")


@graded("dice_sum_pmf", points=1)
def test_dice_sum_pmf_moments_and_symmetry(student, rng):
    two = np.asarray(student.dice_sum_pmf(2), dtype=float)
    assert two.shape == (13,), "two six-sided dice: expected 13 entries, for the sums 0 to 12"
    assert_close(two[7], 6 / 36, rtol=1e-12, what="two six-sided dice: P(sum == 7)")
    n, f = int(rng.integers(20, 51)), int(rng.choice([4, 6, 8, 10, 12, 20]))
    pmf = np.asarray(student.dice_sum_pmf(n, f), dtype=float)
    assert pmf.shape == (n * f + 1,), "many dice: wrong length"
    s = np.arange(n * f + 1)
    assert_close(pmf.sum(), 1.0, rtol=1e-10, what="many dice: the total probability")
    assert np.all(pmf >= -1e-15), "many dice: a probability is negative"
    assert_close(pmf[:n], np.zeros(n), atol=1e-15, what="many dice: the sums below n_dice")
    mean = float(pmf @ s)
    assert_close(mean, n * (f + 1) / 2, rtol=1e-10, what="many dice: the mean")
    assert_close(float(pmf @ (s - mean) ** 2), n * (f * f - 1) / 12, rtol=1e-8, what="many dice: the variance")
    assert_close(pmf[n:], pmf[n:][::-1], rtol=1e-8, atol=1e-15, what="many dice: the symmetry of the PMF")


@graded("dice_sum_pmf", points=1)
def test_dice_sum_pmf_edge_cases(student, rng):
    assert_close(student.dice_sum_pmf(0, int(rng.integers(2, 9))), np.array([1.0]), what="no dice")
    n = int(rng.integers(1, 6))
    expected = np.zeros(n + 1)
    expected[n] = 1.0
    assert_close(student.dice_sum_pmf(n, 1), expected, rtol=1e-12, what="dice with one face")
    assert_raises("ValueError", student.dice_sum_pmf, -1)
    assert_raises("ValueError", student.dice_sum_pmf, 2, 0)
