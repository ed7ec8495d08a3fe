"""Hidden tests of cheapest_diet: a hand-solved table, random tables against the reference's minimum
cost, upper limits and impossible tables, and the shadow prices (strong duality)."""

import numpy as np

from autograder.testing import assert_close, assert_raises, graded


def _random_table(rng):
    """Costs (n,), nutrients (m, n) with some zeros, requirements (m,); every nutrient is in two foods
    at least, so that a limit on one food never makes the table infeasible."""
    m = int(rng.integers(2, 6))
    n = int(rng.integers(m + 2, 11))
    nutrients = rng.uniform(0.0, 10.0, size=(m, n)) * (rng.random((m, n)) < 0.7)
    for row in nutrients:
        row[rng.choice(n, size=2, replace=False)] = rng.uniform(1.0, 10.0, size=2)
    requirements = rng.uniform(5.0, 50.0, size=m)
    costs = rng.uniform(0.5, 5.0, size=n)
    return costs, nutrients, requirements


def _unpack(result, n, m, what):
    assert isinstance(result, (tuple, list)) and len(result) == 3, f"{what}: expected (x, cost, prices)"
    x, cost, prices = result
    x = np.asarray(x, dtype=float)
    prices = np.asarray(prices, dtype=float)
    assert x.shape == (n,), f"{what}: x must have one amount per food"
    assert prices.shape == (m,), f"{what}: there must be one shadow price per requirement"
    assert np.ndim(cost) == 0, f"{what}: the cost must be a number"
    return x, float(cost), prices


def _check_feasible(costs, nutrients, requirements, x, cost, what, upper=None):
    tolerance = 1e-6 * (1.0 + np.abs(requirements))
    assert np.all(x >= -1e-7), f"{what}: an amount is negative"
    assert np.all(nutrients @ x >= requirements - tolerance), f"{what}: a requirement is not met"
    if upper is not None:
        assert np.all(x <= upper + 1e-7 * (1.0 + np.abs(upper))), f"{what}: an amount exceeds its upper limit"
    assert_close(cost, float(costs @ x), rtol=1e-7, atol=1e-9, what=f"{what}: the cost of the returned amounts")


@graded("cheapest_diet", points=1)
def test_cheapest_diet_of_a_table_solved_by_hand(student, rng):
    # every food but one supplies exactly one nutrient; the last one supplies all of them but costs half
    # as much again as buying the same nutrients from the single-nutrient foods, so it stays unused
    n = int(rng.integers(3, 7))
    content = rng.uniform(1.0, 10.0, n)
    single_costs = rng.uniform(1.0, 5.0, n)
    requirements = rng.uniform(10.0, 100.0, n)
    mixed = rng.uniform(0.5, 2.0, n)
    nutrients = np.column_stack([np.diag(content), mixed])
    costs = np.append(single_costs, 1.5 * (single_costs / content) @ mixed)
    order = rng.permutation(n + 1)
    x, cost, prices = _unpack(student.cheapest_diet(costs[order], nutrients[:, order], requirements),
                              n + 1, n, "a table solved by hand")
    expected_x = np.append(requirements / content, 0.0)[order]
    assert_close(x, expected_x, rtol=1e-6, atol=1e-7, what="the amounts for a table solved by hand")
    assert_close(cost, single_costs @ (requirements / content), rtol=1e-7,
                 what="the minimum cost for a table solved by hand")
    assert_close(prices, single_costs / content, rtol=1e-6, atol=1e-9,
                 what="the shadow prices for a table solved by hand")


@graded("cheapest_diet", points=1)
def test_cheapest_diet_matches_reference_cost_on_random_tables(student, reference, rng):
    for case in range(3):
        costs, nutrients, requirements = _random_table(rng)
        what = f"random table {case + 1}"
        x, cost, _ = _unpack(student.cheapest_diet(costs, nutrients, requirements), *nutrients.shape[::-1], what)
        _check_feasible(costs, nutrients, requirements, x, cost, what)
        assert_close(cost, reference.cheapest_diet(costs, nutrients, requirements)[1], rtol=1e-6,
                     what=f"{what}: the minimum cost")


@graded("cheapest_diet", points=1)
def test_cheapest_diet_respects_upper_limits_and_rejects_impossible_tables(student, reference, rng):
    costs, nutrients, requirements = _random_table(rng)
    x_free = reference.cheapest_diet(costs, nutrients, requirements)[0]
    capped = int(np.argmax(costs * x_free))        # the food the free optimum spends most on
    upper = np.full(costs.size, np.inf)
    upper[capped] = 0.5 * x_free[capped]
    expected = reference.cheapest_diet(costs, nutrients, requirements, upper)[1]
    what = "a table with an upper limit"
    x, cost, _ = _unpack(student.cheapest_diet(costs, nutrients, requirements, upper), *nutrients.shape[::-1], what)
    _check_feasible(costs, nutrients, requirements, x, cost, what, upper)
    assert_close(cost, expected, rtol=1e-6, what=f"{what}: the minimum cost")
    # impossible: a nutrient that no food contains, then limits far too tight
    missing = nutrients.copy()
    missing[int(rng.integers(0, nutrients.shape[0]))] = 0.0
    assert_raises("ValueError", student.cheapest_diet, costs, missing, requirements)
    assert_raises("ValueError", student.cheapest_diet, costs, nutrients, requirements, 0.01 * x_free)
    assert_raises("ValueError", student.cheapest_diet, costs, nutrients, requirements[:-1])


@graded("cheapest_diet", points=1)
def test_cheapest_diet_shadow_prices(student, reference, rng):
    for case in range(3):
        costs, nutrients, requirements = _random_table(rng)
        what = f"random table {case + 1}"
        x, cost, prices = _unpack(student.cheapest_diet(costs, nutrients, requirements),
                                  *nutrients.shape[::-1], what)
        assert np.all(prices >= -1e-9), f"{what}: a shadow price is negative (mind the sign of the marginals)"
        assert_close(requirements @ prices, cost, rtol=1e-6,
                     what=f"{what}: requirements @ prices (strong duality: it equals the minimum cost)")
        assert_close(prices, reference.cheapest_diet(costs, nutrients, requirements)[2], rtol=1e-5, atol=1e-8,
                     what=f"{what}: the shadow prices")
