"""Hidden tests of serendipity, p_picked_once and optimal_letters: the examples of the talk."""

import itertools
import math

import numpy as np

from autograder.testing import assert_close, assert_raises, graded


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


# --- optimal_letters ------------------------------------------------------------------------------

def _maximisers(t, c):
    """Every number of letters s with the largest probability, by exact integer arithmetic."""
    weights = [s * math.comb(t - s, c - 1) for s in range(t + 1)]
    best = max(weights)
    return {s for s, weight in enumerate(weights) if weight == best}


def _as_count(value, what):
    assert isinstance(value, (int, float, np.integer, np.floating)) and float(value).is_integer(), \
        f"{what}: expected an integer number of letters"
    return int(value)


@graded("optimal_letters", points=1)
def test_optimal_letters_agrees_with_the_closed_form(student, rng):
    totals = list(range(3, 21)) + [int(t) for t in rng.integers(21, 20000, size=3)]
    totals.append(3 * int(rng.integers(7, 6000)) + 2)          # a tie between two neighbours
    for case, t in enumerate(totals):
        s = _as_count(student.optimal_letters(t), f"optimal_letters, case {case + 1}")
        s_star = (2 * t - 1 - math.sqrt(t * t - t + 1)) / 3
        assert s in (math.floor(s_star), math.ceil(s_star)), \
            f"optimal_letters with three winners, case {case + 1}: not next to the closed-form maximiser"
        assert s in _maximisers(t, 3), \
            f"optimal_letters with three winners, case {case + 1}: a neighbour is more likely to be picked once"


@graded("optimal_letters", points=1)
def test_optimal_letters_by_brute_force_for_any_number_of_winners(student, rng):
    cases = [(1, int(rng.integers(2, 50))), (2, 2 * int(rng.integers(2, 30)) + 1)]
    for _ in range(4):
        c = int(rng.integers(2, 8))
        cases.append((c, int(rng.integers(c, 400))))
    for case, (c, t) in enumerate(cases):
        s = _as_count(student.optimal_letters(t, c), f"optimal_letters, case {case + 1}")
        assert s in _maximisers(t, c), \
            f"optimal_letters, case {case + 1}: another number of letters is more likely to be picked once"
    assert_raises("ValueError", student.optimal_letters, 2, 3)
    assert_raises("ValueError", student.optimal_letters, 10, 0)
