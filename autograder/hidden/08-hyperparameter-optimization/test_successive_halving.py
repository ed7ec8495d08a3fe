"""Hidden tests of ``successive_halving``: the schedule, the calls of evaluate, ties, Hyperband rungs, errors."""

import numpy as np

from autograder.testing import assert_close, assert_equal, assert_raises, graded


def _recorder(table):
    """evaluate(config, budget) = a + b / budget from a table keyed by the config; remembers every call."""
    calls = []

    def evaluate(config, budget):
        a, b = table[float(config)]
        calls.append((float(config), float(budget)))
        return a + b / float(budget)
    return evaluate, calls


def _random_problem(rng, n):
    configs = [float(c) for c in np.round(rng.uniform(0.0, 1.0, size=n), 6)]
    while len(set(configs)) < n:
        configs = [float(c) for c in np.round(rng.uniform(0.0, 1.0, size=n), 6)]
    table = {c: (float(rng.uniform(0.0, 1.0)), float(rng.uniform(0.0, 3.0))) for c in configs}
    return configs, table


def _check(student, reference, configs, table, r_min, eta, n_rungs, what):
    evaluate, calls = _recorder(table)
    ref_evaluate, ref_calls = _recorder(table)
    expected = reference.successive_halving(configs, ref_evaluate, r_min, eta, n_rungs)
    result = student.successive_halving(configs, evaluate, r_min, eta, n_rungs)
    assert isinstance(result, (tuple, list)) and len(result) == 2, f"{what}: expected a pair (best, rungs)"
    assert len(calls) == len(ref_calls), f"{what}: evaluate was called a wrong number of times"
    assert [c for c, _ in calls] == [c for c, _ in ref_calls], (
        f"{what}: wrong configurations evaluated (or not in increasing index order within a rung)")
    assert_close([b for _, b in calls], [b for _, b in ref_calls], rtol=1e-12, what=f"{what}: the budgets of the calls")
    assert_equal(result[0], expected[0], what=f"{what}: the index of the best configuration")
    assert_close(result[1], expected[1], rtol=1e-12, atol=1e-14, what=f"{what}: the rungs (budget, indices, losses)")


@graded("successive_halving", points=2)
def test_successive_halving_matches_reference(student, reference, rng):
    cases = [(int(rng.integers(19, 26)), 3, None), (int(rng.integers(28, 40)), 2, 3),
             (int(rng.integers(45, 60)), 4, None), (int(rng.integers(10, 14)), 3, 4)]
    for case, (n, eta, n_rungs) in enumerate(cases):
        configs, table = _random_problem(rng, n)
        r_min = float(rng.choice([0.5, 1.0, 1.5, 2.0]))
        _check(student, reference, configs, table, r_min, eta, n_rungs, f"case {case + 1}")


@graded("successive_halving", points=1)
def test_successive_halving_schedule_with_ties(student, rng):
    n_rungs_full = int(rng.integers(3, 5))
    n = 3 ** n_rungs_full * 1
    calls = []
    constant = float(rng.uniform(0.5, 2.0))

    def flat(config, budget):
        calls.append(float(budget))
        return constant
    configs = [float(c) for c in range(n)]
    result = student.successive_halving(configs, flat, 1.0, 3)
    assert isinstance(result, (tuple, list)) and len(result) == 2, "expected a pair (best, rungs)"
    best, rungs = result
    sizes = [3 ** (n_rungs_full - i) for i in range(n_rungs_full + 1)]
    assert [len(r[1]) for r in rungs] == sizes, "wrong number of configurations per rung (n_i = floor(n / eta^i))"
    assert np.allclose([float(r[0]) for r in rungs], [3.0 ** i for i in range(n_rungs_full + 1)]), (
        "wrong budgets per rung (r_i = r_min * eta^i)")
    for size, (_, indices, _) in zip(sizes, rungs):
        assert np.array_equal(np.asarray(indices), np.arange(size)), (
            "equal losses must be ranked by the smaller index (stable sort)")
    assert_equal(best, 0, what="the best configuration among equal losses")
    assert len(calls) == sum(sizes), "evaluate must be called once per configuration and rung"


@graded("successive_halving", points=1)
def test_successive_halving_runs_hyperband_brackets_and_rejects_bad_input(student, reference, rng):
    R, eta = int(rng.integers(30, 90)), int(rng.choice([2, 3]))
    brackets = reference.hyperband_brackets(R, eta)
    bracket = brackets[int(rng.integers(0, len(brackets) - 1))]
    n, r = bracket[0]
    configs, table = _random_problem(rng, n)
    evaluate, _ = _recorder(table)
    best, rungs = student.successive_halving(configs, evaluate, r, eta, len(bracket))
    assert [len(rung[1]) for rung in rungs] == [n_i for n_i, _ in bracket], (
        "a Hyperband bracket run by successive halving has the wrong number of configurations per rung")
    assert np.allclose([float(rung[0]) for rung in rungs], [r_i for _, r_i in bracket], rtol=1e-12), (
        "a Hyperband bracket run by successive halving has the wrong budgets")
    single, _ = _random_problem(rng, 1)
    evaluate, calls = _recorder({single[0]: (0.5, 0.5)})
    best, rungs = student.successive_halving(single, evaluate, 2.0, 3)
    assert best == 0 and len(rungs) == 1 and len(calls) == 1, "a single configuration is evaluated once, in one rung"
    assert_raises("ValueError", student.successive_halving, [], evaluate, 1.0, 3)
    assert_raises("ValueError", student.successive_halving, single, evaluate, 0.0, 3)
    assert_raises("ValueError", student.successive_halving, single, evaluate, 1.0, 1)
    assert_raises("ValueError", student.successive_halving, single, evaluate, 1.0, 3, 0)
