"""Hidden tests of ``bellman_backup``: random MDPs against the reference, and the operator's properties."""

import numpy as np

from autograder.testing import assert_close, assert_raises, graded


def _random_mdp(rng, n_states, n_actions):
    P = np.zeros((n_states, n_actions, n_states))
    for s in range(n_states):
        for a in range(n_actions):
            targets = rng.choice(n_states, size=min(3, n_states), replace=False)
            P[s, a, targets] = rng.dirichlet(np.ones(targets.size))
    return P, rng.normal(size=(n_states, n_actions))


@graded("bellman_backup", points=2)
def test_bellman_backup_matches_reference(student, reference, rng):
    cases = [(int(rng.integers(4, 9)), int(rng.integers(2, 4))), (4, 4), (3, 5)]
    for index, (n_states, n_actions) in enumerate(cases):
        P, R = _random_mdp(rng, n_states, n_actions)
        Q = rng.normal(0.0, 3.0, size=(n_states, n_actions))
        terminal = rng.random(n_states) < 0.4
        terminal[0], terminal[-1] = False, True
        gamma = float(rng.uniform(0.5, 0.99))
        assert_close(student.bellman_backup(Q, P, R, gamma), reference.bellman_backup(Q, P, R, gamma),
                     rtol=1e-10, atol=1e-12, what=f"T Q of MDP {index + 1} without terminal states")
        assert_close(student.bellman_backup(Q, P, R, gamma, terminal),
                     reference.bellman_backup(Q, P, R, gamma, terminal),
                     rtol=1e-10, atol=1e-12, what=f"T Q of MDP {index + 1} with terminal states")
    P, R = _random_mdp(rng, 5, 2)
    assert_raises("ValueError", student.bellman_backup, rng.normal(size=(5, 2)), P[:, :, :4], R, 0.9)


@graded("bellman_backup", points=1)
def test_bellman_backup_properties(student, reference, rng):
    n_states, n_actions = int(rng.integers(4, 8)), 3
    P, R = _random_mdp(rng, n_states, n_actions)
    gamma = float(rng.uniform(0.6, 0.9))
    terminal = np.zeros(n_states, dtype=bool)
    terminal[-1] = True
    # gamma = 0: only the immediate reward is left
    Q1 = rng.normal(size=(n_states, n_actions))
    assert_close(np.asarray(student.bellman_backup(Q1, P, R, 0.0), dtype=float), R, rtol=1e-12,
                 what="T Q for gamma = 0")
    # the backup is a contraction in the max norm: |T Q1 - T Q2| <= gamma |Q1 - Q2|
    Q2 = rng.normal(size=(n_states, n_actions))
    T1 = np.asarray(student.bellman_backup(Q1, P, R, gamma, terminal), dtype=float)
    T2 = np.asarray(student.bellman_backup(Q2, P, R, gamma, terminal), dtype=float)
    assert T1.shape == (n_states, n_actions), "T Q must have the shape (S, A)"
    assert np.max(np.abs(T1 - T2)) <= gamma * np.max(np.abs(Q1 - Q2)) + 1e-12, \
        "the backup is not a contraction with modulus gamma in the max norm"
    # the optimal Q* (from the reference's value iteration) is a fixed point: T Q* = Q*
    Q_star = np.zeros((n_states, n_actions))
    for _ in range(400):
        Q_star = reference.bellman_backup(Q_star, P, R, gamma, terminal)
    assert_close(np.asarray(student.bellman_backup(Q_star, P, R, gamma, terminal), dtype=float), Q_star,
                 rtol=1e-9, atol=1e-9, what="T Q* (Q* must be a fixed point of the backup)")
    # a terminal next state contributes no future value, whatever the table says there
    absorbing = np.zeros((2, 1, 2))
    absorbing[:, 0, 1] = 1.0                                       # every state moves to state 1
    result = student.bellman_backup([[0.0], [100.0]], absorbing, [[1.0], [2.0]], 0.9, [False, True])
    assert_close(np.asarray(result, dtype=float), np.array([[1.0], [2.0]]), rtol=1e-12,
                 what="T Q when the only next state is terminal")
