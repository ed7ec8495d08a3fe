"""Hidden tests of ``joint_table``: the joint table P(urn, colour) of picking an urn and then a ball."""

import numpy as np

from autograder.testing import assert_close, assert_equal, assert_raises, graded

PALETTE = ["black", "blue", "golden", "green", "red", "white"]


def _random_urns(rng, k):
    """k urns, each with a random subset of the palette (in random order) and at least one ball."""
    urns = []
    for _ in range(k):
        chosen = rng.choice(PALETTE, size=int(rng.integers(1, len(PALETTE))), replace=False)
        counts = rng.integers(0, 10, size=chosen.size)
        counts[rng.integers(chosen.size)] += 1
        urns.append({str(colour): int(count) for colour, count in zip(chosen, counts)})
    return urns


def _pair(result, what):
    assert isinstance(result, (tuple, list)) and len(result) == 2, f"{what}: expected a pair (P, colours)"
    colours = result[1]
    assert isinstance(colours, (tuple, list, np.ndarray)), f"{what}: the colours must be a list of str"
    return np.asarray(result[0], dtype=float), [str(colour) for colour in colours]


@graded("joint_table", points=1)
def test_joint_table_matches_reference(student, reference, rng):
    for case in range(3):
        k = int(rng.integers(2, 5))
        urns = _random_urns(rng, k)
        p_urn = rng.dirichlet(np.ones(k))
        P, colours = _pair(student.joint_table(urns, p_urn), f"urn set {case + 1}")
        P_ref, colours_ref = reference.joint_table(urns, p_urn)
        assert_equal(colours, colours_ref, what=f"urn set {case + 1}: the colours")
        assert_close(P, P_ref, rtol=1e-10, atol=1e-14, what=f"urn set {case + 1}: P")


@graded("joint_table", points=1)
def test_joint_table_sum_and_product_rules(student, rng):
    # two urns that share only one colour, one colour listed with count 0 everywhere
    n = rng.integers(1, 9, size=3)
    urns = [{"red": int(n[0]), "black": int(n[1]), "white": 0}, {"black": int(n[2]), "golden": 2}]
    p_urn = np.array([0.35, 0.65])
    P, colours = _pair(student.joint_table(urns, p_urn), "two urns")
    assert_equal(colours, ["black", "golden", "red", "white"], what="two urns: the colours")
    assert P.shape == (2, 4), "two urns: P must have one row per urn and one column per colour"
    assert_close(P.sum(axis=1), p_urn, rtol=1e-12, what="two urns: the sum rule (row sums = P(urn))")
    assert_close(P[:, 3], np.zeros(2), what="two urns: a colour without balls")
    assert_close(P[1, 2], 0.0, what="two urns: a colour missing from an urn")
    total_1 = n[0] + n[1]
    conditional = P[0] / p_urn[0]
    assert_close(conditional, np.array([n[1], 0, n[0], 0]) / total_1, rtol=1e-12,
                 what="two urns: the product rule P(colour | urn) = P(urn, colour) / P(urn)")
    # the course's urns: the joint table sums to 1
    P, _ = _pair(student.joint_table([{"black": 4, "golden": 3}, {"golden": 1, "black": 4}], [0.4, 0.6]),
                 "the course's urns")
    assert_close(float(np.sum(P)), 1.0, rtol=1e-12, what="the course's urns: the sum of the joint table")


@graded("joint_table", points=1)
def test_joint_table_rejects_invalid_input(student, rng):
    urns = _random_urns(rng, 3)
    assert_raises("ValueError", student.joint_table, urns, [0.5, 0.3, 0.1])
    assert_raises("ValueError", student.joint_table, urns, [0.5, 0.5])
    assert_raises("ValueError", student.joint_table, urns + [{"red": 0}], [0.25, 0.25, 0.25, 0.25])
