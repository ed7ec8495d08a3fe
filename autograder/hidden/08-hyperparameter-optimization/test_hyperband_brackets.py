"""Hidden tests of ``hyperband_brackets``: random R and eta, exact powers (integer arithmetic), properties."""

import numpy as np

from autograder.testing import assert_equal, assert_raises, graded


def _as_arrays(result, what):
    """The brackets as a list of float arrays of shape (rungs, 2)."""
    assert isinstance(result, (list, tuple)), f"{what}: expected a list of brackets"
    brackets = []
    for bracket in result:
        array = np.asarray(bracket, dtype=float)
        assert array.ndim == 2 and array.shape[1] == 2, f"{what}: every bracket must be a list of pairs (n_i, r_i)"
        brackets.append(array)
    return brackets


def _compare(student, reference, R, eta, what):
    got = _as_arrays(student.hyperband_brackets(R, eta), what)
    want = _as_arrays(reference.hyperband_brackets(R, eta), what)
    assert len(got) == len(want), f"{what}: wrong number of brackets (s_max + 1)"
    for s, (g, w) in enumerate(zip(got, want)):
        assert g.shape == w.shape, f"{what}, bracket {s + 1}: wrong number of rungs"
        assert_equal(g[:, 0], w[:, 0], what=f"{what}, bracket {s + 1}: the numbers of configurations n_i")
        assert np.allclose(g[:, 1], w[:, 1], rtol=1e-12), f"{what}, bracket {s + 1}: wrong budgets r_i"


@graded("hyperband_brackets", points=1)
def test_hyperband_matches_reference_for_random_budgets(student, reference, rng):
    for case in range(4):
        eta = int(rng.integers(2, 6))
        R = int(rng.integers(eta + 1, 3000))
        _compare(student, reference, R, eta, f"case {case + 1}")


@graded("hyperband_brackets", points=1)
def test_hyperband_exact_powers_need_integer_arithmetic(student, reference, rng):
    cases = [(243, 3), (1000, 10), (125, 5), (216, 6), (59049, 3), (242, 3), (823543, 7)]
    order = rng.permutation(len(cases))
    for number, index in enumerate(order):
        R, eta = cases[index]
        _compare(student, reference, R, eta, f"exact-power case {number + 1}")


@graded("hyperband_brackets", points=1)
def test_hyperband_properties_and_errors(student, rng):
    eta = int(rng.integers(2, 5))
    s_max = int(rng.integers(2, 5))
    R = eta ** s_max + int(rng.integers(0, eta ** s_max * (eta - 1)))
    brackets = _as_arrays(student.hyperband_brackets(R, eta), "properties")
    assert len(brackets) == s_max + 1, "the number of brackets must be s_max + 1 = floor(log_eta R) + 1"
    assert [len(b) for b in brackets] == list(range(s_max + 1, 0, -1)), (
        "bracket s must have s + 1 rungs, listed from s = s_max down to s = 0")
    for s, bracket in zip(range(s_max, -1, -1), brackets):
        assert np.isclose(bracket[-1, 1], R, rtol=1e-12), "every bracket must end with the maximal budget R"
        assert np.allclose(bracket[1:, 1] / bracket[:-1, 1], eta, rtol=1e-12), "budgets must grow by eta per rung"
        n = int(bracket[0, 0])
        assert n == -(-(s_max + 1) * eta ** s // (s + 1)), "wrong number n of configurations of a bracket"
        assert np.array_equal(bracket[:, 0], [n // eta ** i for i in range(s + 1)]), (
            "the rungs must keep floor(n / eta^i) configurations")
    assert len(_as_arrays(student.hyperband_brackets(1, 3), "R = 1")) == 1, "R = 1 has a single bracket"
    assert_raises("ValueError", student.hyperband_brackets, 0, 3)
    assert_raises("ValueError", student.hyperband_brackets, 81, 1)
