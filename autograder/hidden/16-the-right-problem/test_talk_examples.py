"""Hidden tests of serendipity, p_picked_once and recover_seed: the examples of the talk."""

import itertools

import numpy as np

from autograder.testing import assert_close, assert_equal, assert_raises, graded


# --- serendipity ----------------------------------------------------------------------------------

@graded("serendipity", points=1)
def test_serendipity_of_a_small_inspection_table(student):
    # 5 inspected bridges, 3 damage types; counts are numbers of findings
    M = np.array([[2, 1, 0],
                  [1, 0, 0],
                  [0, 3, 1],
                  [0, 1, 1],
                  [4, 0, 0]])
    # p = (3/5, 3/5, 2/5); both(0,1) = 1, both(1,2) = 2, both(0,2) = 0
    expected = np.array([[5 / 3, 5 / 9, 0.0],
                         [5 / 9, 5 / 3, 5 / 3],
                         [0.0, 5 / 3, 5 / 2]])
    assert_close(student.serendipity(M), expected, rtol=1e-12, what="serendipity of a small table")


@graded("serendipity", points=1)
def test_serendipity_matches_reference_on_random_records(student, reference, rng):
    for case in range(3):
        N, n = int(rng.integers(20, 60)), int(rng.integers(3, 8))
        M = rng.poisson(rng.uniform(0.1, 1.5, n), size=(N, n)).astype(float)
        M[:, rng.integers(0, n)] = 0.0           # one item never occurs
        assert_close(student.serendipity(M), reference.serendipity(M), rtol=1e-10,
                     what=f"serendipity of record table {case + 1}")


@graded("serendipity", points=1)
def test_serendipity_properties_and_errors(student, rng):
    N, n = int(rng.integers(30, 60)), int(rng.integers(3, 7))
    B = (rng.random((N, n)) < rng.uniform(0.2, 0.7, n)).astype(float)
    B[0] = 1.0                                    # every item occurs at least once
    R = np.asarray(student.serendipity(B), dtype=float)
    assert R.shape == (n, n), "serendipity returns a matrix of the wrong shape"
    counts = B * rng.integers(1, 5, size=(N, n))
    assert_close(student.serendipity(counts), R, rtol=1e-12,
                 what="serendipity must depend only on whether an item occurs, not how often")
    p = B.mean(axis=0)
    assert_close(np.diag(R) * p, np.ones(n), rtol=1e-12, what="the diagonal times p(s_i)")
    conditional = R * p[None, :]
    assert np.all(conditional <= 1 + 1e-12) and np.all(conditional >= 0), \
        "R[j, i] * p(s_i) must be a conditional probability p(s_i | s_j)"
    assert_raises("ValueError", student.serendipity, -B)
    assert_raises("ValueError", student.serendipity, np.ones(4))


# --- p_picked_once ------------------------------------------------------------------------------

def _enumerate(s, t, c):
    """Exact probability by listing every set of c winners among t letters (letters 0..s-1 are yours)."""
    hits = [sum(letter < s for letter in draw) == 1 for draw in itertools.combinations(range(t), c)]
    return sum(hits) / len(hits)


@graded("p_picked_once", points=1)
def test_p_picked_once_by_enumeration_and_closed_form(student, rng):
    t = int(rng.integers(6, 10))
    for c in (1, 2, 3, 4):
        s = np.arange(t + 1)
        expected = np.array([_enumerate(int(k), t, c) for k in s])
        assert_close(student.p_picked_once(s, t, c), expected, rtol=1e-10, atol=1e-14,
                     what=f"p_picked_once for {c} winner(s)")
    t = int(rng.integers(50, 5000))
    s = rng.integers(0, t + 1, size=5)
    closed = 3 * s * (t - s) * (t - s - 1) / (t * (t - 1) * (t - 2))
    assert_close(student.p_picked_once(s, t), closed, rtol=1e-10, atol=1e-14,
                 what="p_picked_once with the default of three winners")


@graded("p_picked_once", points=1)
def test_p_picked_once_matches_reference_and_rejects_bad_input(student, reference, rng):
    for case in range(3):
        c = int(rng.integers(1, 8))
        t = int(rng.integers(c, 10**5))
        s = int(rng.integers(0, t + 1))
        assert_close(student.p_picked_once(s, t, c), reference.p_picked_once(s, t, c), rtol=1e-10,
                     atol=1e-14, what=f"p_picked_once, case {case + 1}")
    assert_raises("ValueError", student.p_picked_once, 3, 2, 3)
    assert_raises("ValueError", student.p_picked_once, [1, 11], 10, 3)
    assert_raises("ValueError", student.p_picked_once, -1, 10, 3)


# --- recover_seed --------------------------------------------------------------------------------

def _seeds(result):
    """The student's list of seeds; a 1-D integer array is accepted too."""
    if isinstance(result, np.ndarray) and result.ndim == 1:
        return [int(seed) for seed in result]
    return result


def _observe(seed, k, low, high, decimals):
    return np.round(np.random.default_rng(seed).uniform(low, high, size=k), decimals)


@graded("recover_seed", points=1)
def test_recover_seed_finds_the_secret_seed(student, rng):
    for case in range(2):
        n_candidates = int(rng.integers(500, 1500))
        seed = int(rng.integers(1, n_candidates - 1))
        observed = _observe(seed, 4, 50.0, 150.0, 2)
        assert_equal(_seeds(student.recover_seed(observed, n_candidates, 50.0, 150.0, 2)), [seed],
                     what=f"recover_seed, case {case + 1}")


@graded("recover_seed", points=1)
def test_recover_seed_lists_every_consistent_seed(student, reference, rng):
    for case in range(2):
        n_candidates = int(rng.integers(800, 1500))
        low = float(rng.uniform(-10.0, 10.0))
        high = low + float(rng.uniform(5.0, 20.0))
        observed = _observe(int(rng.integers(0, n_candidates)), 2, low, high, 0)
        expected = reference.recover_seed(observed, n_candidates, low, high, 0)
        assert_equal(_seeds(student.recover_seed(observed, n_candidates, low, high, 0)), expected,
                     what=f"recover_seed with coarse observations, case {case + 1}")


@graded("recover_seed", points=1)
def test_recover_seed_at_the_ends_of_the_range(student, rng):
    n_candidates = int(rng.integers(200, 600))
    assert_equal(_seeds(student.recover_seed(_observe(0, 3, 50.0, 150.0, 1), n_candidates)), [0],
                 what="recover_seed when the seed is the first candidate")
    assert_equal(_seeds(student.recover_seed(_observe(n_candidates - 1, 3, 50.0, 150.0, 1), n_candidates)),
                 [n_candidates - 1], what="recover_seed when the seed is the last candidate")
    assert_equal(_seeds(student.recover_seed(_observe(n_candidates + 5, 3, 50.0, 150.0, 1), n_candidates)), [],
                 what="recover_seed when the seed is outside the candidates")
    assert_raises("ValueError", student.recover_seed, [], 10)
