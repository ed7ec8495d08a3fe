"""Hidden tests of ``policy_evaluation``: direct and iterative solutions of the Bellman expectation equation."""

import numpy as np

from autograder.testing import assert_close, assert_raises, graded


def _random_mdp(rng, n_states, n_actions, n_next=2):
    """Sparse random transitions P (S, A, S) and rewards R (S, A)."""
    P = np.zeros((n_states, n_actions, n_states))
    for s in range(n_states):
        for a in range(n_actions):
            targets = rng.choice(n_states, size=min(n_next, n_states), replace=False)
            P[s, a, targets] = rng.dirichlet(np.ones(targets.size))
    return P, rng.normal(size=(n_states, n_actions))


def _chain(P, R, probabilities):
    return np.einsum("sa,sat->st", probabilities, P), np.sum(probabilities * R, axis=1)


@graded("policy_evaluation", points=1)
def test_policy_evaluation_direct_matches_reference(student, reference, rng):
    for case in range(3):
        n_states, n_actions = int(rng.integers(3, 8)), int(rng.integers(2, 4))
        P, R = _random_mdp(rng, n_states, n_actions)
        gamma = float(rng.uniform(0.5, 0.95))
        stochastic = rng.dirichlet(np.ones(n_actions), size=n_states)
        deterministic = rng.integers(n_actions, size=n_states)
        for name, policy in (("stochastic", stochastic), ("deterministic", deterministic)):
            V = student.policy_evaluation(P, R, policy, gamma)
            assert_close(V, reference.policy_evaluation(P, R, policy, gamma), rtol=1e-8, atol=1e-10,
                         what=f"V of a {name} policy (MDP {case + 1})")


@graded("policy_evaluation", points=1)
def test_policy_evaluation_iterative_converges_to_the_solution(student, reference, rng):
    for case in range(2):
        n_states, n_actions = int(rng.integers(4, 9)), int(rng.integers(2, 4))
        P, R = _random_mdp(rng, n_states, n_actions, n_next=3)
        gamma = float(rng.uniform(0.9, 0.97))
        policy = rng.dirichlet(np.ones(n_actions), size=n_states)
        V = student.policy_evaluation(P, R, policy, gamma, method="iterative", tol=1e-11)
        exact = reference.policy_evaluation(P, R, policy, gamma)
        assert_close(V, exact, rtol=1e-8, atol=1e-7, what=f"iterative V (MDP {case + 1})")
        P_pi, R_pi = _chain(P, R, policy)
        V = np.asarray(V, dtype=float)
        assert np.max(np.abs(R_pi + gamma * P_pi @ V - V)) < 1e-8, \
            "the iterative result does not satisfy the Bellman expectation equation"
    # the direct method with explicit keyword, a deterministic policy
    policy = rng.integers(n_actions, size=n_states)
    assert_close(student.policy_evaluation(P, R, policy, 0.8, method="direct"),
                 reference.policy_evaluation(P, R, policy, 0.8), rtol=1e-8, atol=1e-10,
                 what="direct V with method='direct'")


@graded("policy_evaluation", points=1)
def test_policy_evaluation_analytic_cases_and_errors(student, rng):
    # two states that swap each step under action 0, rewards a and b: V0 = (a + gamma b) / (1 - gamma^2)
    a, b, gamma = float(rng.normal()), float(rng.normal()), float(rng.uniform(0.3, 0.9))
    P = np.zeros((2, 2, 2))
    P[0, 0, 1] = P[1, 0, 0] = 1.0
    P[0, 1, 0] = P[1, 1, 1] = 1.0
    R = np.array([[a, 100.0], [b, 100.0]])
    expected = np.array([a + gamma * b, b + gamma * a]) / (1.0 - gamma ** 2)
    assert_close(student.policy_evaluation(P, R, np.array([0, 0]), gamma), expected, rtol=1e-9,
                 what="V of a two-state cycle")
    # half of the time the self-loop with reward 100
    half = np.full((2, 2), 0.5)
    P_pi, R_pi = _chain(P, R, half)
    expected = np.linalg.solve(np.eye(2) - gamma * P_pi, R_pi)
    assert_close(student.policy_evaluation(P, R, half, gamma), expected, rtol=1e-9,
                 what="V of a stochastic policy in a two-state MDP")
    assert_raises("ValueError", student.policy_evaluation, P, R, np.array([0, 0]), 1.0)
    assert_raises("ValueError", student.policy_evaluation, P, R, np.array([0, 0]), 0.9, "monte-carlo")
    assert_raises("ValueError", student.policy_evaluation, P, R[:, :1], np.array([0, 0]), 0.9)
