"""Hidden tests of ``value_iteration``: values, greedy policy, sweeps, BootSnake with traps, optimality."""

from collections import deque

import numpy as np

from autograder.testing import assert_close, assert_equal, assert_raises, graded

MOVES = ((0, -1), (0, 1), (-1, 0), (1, 0))          # left, right, up, down


def _random_mdp(rng, n_states, n_actions, n_next=2):
    """Sparse random transitions P (S, A, S) and rewards R (S, A)."""
    P = np.zeros((n_states, n_actions, n_states))
    for s in range(n_states):
        for a in range(n_actions):
            targets = rng.choice(n_states, size=min(n_next, n_states), replace=False)
            P[s, a, targets] = rng.dirichlet(np.ones(targets.size))
    return P, rng.normal(size=(n_states, n_actions))


def _maintenance_mdp(rng, n_levels):
    """Damage levels 0..n-1; actions: wait (wear), repair (two levels back), replace (as new)."""
    wear = np.sort(rng.uniform(0.1, 0.5, size=n_levels - 1))
    damage_cost = np.concatenate([[0.0], np.sort(rng.uniform(0.2, 8.0, size=n_levels - 2)),
                                  [rng.uniform(20.0, 60.0)]])
    repair_cost, replace_cost = rng.uniform(2.0, 8.0), rng.uniform(12.0, 30.0)
    P = np.zeros((n_levels, 3, n_levels))
    R = np.zeros((n_levels, 3))
    for k in range(n_levels):
        if k < n_levels - 1:
            P[k, 0, k + 1], P[k, 0, k] = wear[k], 1.0 - wear[k]
            P[k, 1, max(k - 2, 0)] = 1.0
        else:
            P[k, 0, k] = P[k, 1, k] = 1.0
        P[k, 2, 0] = 1.0
        R[k] = -damage_cost[k] - np.array([0.0, repair_cost, replace_cost])
    return P, R


def _move(s, a, size):
    row, col = divmod(s, size)
    row = min(max(row + MOVES[a][0], 0), size - 1)
    col = min(max(col + MOVES[a][1], 0), size - 1)
    return row * size + col


def _bootsnake(rng):
    """A random BootSnake board whose free cells all reach the apple: (P, R, apple, traps, size, distance)."""
    while True:
        size = int(rng.integers(4, 7))
        cells = rng.choice(size * size, size=1 + int(rng.integers(2, 5)), replace=False)
        apple, traps = int(cells[0]), {int(c) for c in cells[1:]}
        terminal = traps | {apple}

        distance, queue = {apple: 0}, deque([apple])            # fewest steps to the apple, around traps
        while queue:
            cell = queue.popleft()
            for s in range(size * size):
                if s not in terminal and s not in distance and any(_move(s, a, size) == cell for a in range(4)):
                    distance[s] = distance[cell] + 1
                    queue.append(s)
        if len(distance) == size * size - len(traps):
            break
    n_states = size * size
    P, R = np.zeros((n_states, 4, n_states)), np.zeros((n_states, 4))
    for s in range(n_states):
        for a in range(4):
            if s in terminal:
                P[s, a, s] = 1.0                                  # absorbing, reward 0
            else:
                s_next = _move(s, a, size)
                P[s, a, s_next] = 1.0
                R[s, a] = 10.0 if s_next == apple else -10.0 if s_next in traps else -1.0
    return P, R, apple, traps, size, distance


def _unpack(result, n_states, what):
    assert isinstance(result, (tuple, list)) and len(result) == 3, f"{what}: expected (V, policy, n_sweeps)"
    V, policy, sweeps = result
    V = np.asarray(V, dtype=float)
    policy = np.asarray(policy)
    assert V.shape == (n_states,) and policy.shape == (n_states,), f"{what}: V and policy need shape (S,)"
    assert np.issubdtype(policy.dtype, np.integer), f"{what}: the policy must hold integer actions"
    return V, policy, sweeps


@graded("value_iteration", points=2)
def test_value_iteration_matches_reference(student, reference, rng):
    for case in range(3):
        n_states, n_actions = int(rng.integers(4, 10)), int(rng.integers(2, 5))
        P, R = _random_mdp(rng, n_states, n_actions)
        gamma = float(rng.uniform(0.6, 0.95))
        tol = float(10.0 ** rng.uniform(-10, -6))
        what = f"MDP {case + 1}"
        V, policy, sweeps = _unpack(student.value_iteration(P, R, gamma, tol), n_states, what)
        V_ref, policy_ref, sweeps_ref = reference.value_iteration(P, R, gamma, tol)
        assert_close(V, V_ref, rtol=1e-9, atol=1e-9, what=f"{what}: V")
        assert_equal(policy, policy_ref, what=f"{what}: the greedy policy")
        assert_equal(sweeps, sweeps_ref, what=f"{what}: the number of sweeps")
    # max_iter caps the number of sweeps
    V, policy, sweeps = _unpack(student.value_iteration(P, R, gamma, 1e-12, 7), n_states, "with max_iter=7")
    V_ref, _, _ = reference.value_iteration(P, R, gamma, 1e-12, 7)
    assert_equal(sweeps, 7, what="with max_iter=7: the number of sweeps")
    assert_close(V, V_ref, rtol=1e-9, atol=1e-9, what="with max_iter=7: V")


@graded("value_iteration", points=1)
def test_value_iteration_solves_bootsnake_and_maintenance(student, reference, rng):
    # BootSnake with traps: V*(s) = -(1 - gamma^(k-1)) / (1 - gamma) + 10 gamma^(k-1) for a free cell
    # k steps from the apple, and the greedy policy walks a shortest path around the traps
    gamma = 0.9
    for board in range(2):
        P, R, apple, traps, size, distance = _bootsnake(rng)
        what = f"BootSnake board {board + 1}"
        V, policy, _ = _unpack(student.value_iteration(P, R, gamma), size * size, what)
        expected = np.zeros(size * size)
        for s, k in distance.items():
            if k > 0:
                expected[s] = -(1.0 - gamma ** (k - 1)) / (1.0 - gamma) + 10.0 * gamma ** (k - 1)
        assert_close(V, expected, rtol=1e-8, atol=1e-8, what=f"{what}: V*")
        for start, k in distance.items():
            s, steps = start, 0
            while s != apple and s not in traps and steps < size * size:
                s = int(np.argmax(P[s, policy[s]]))
                steps += 1
            assert s == apple and steps == k, f"{what}: the greedy path from some cell does not reach the " \
                                              "apple in the fewest steps (or runs into a trap)"
    # the bridge-maintenance MDP: the exact value of the returned policy must be optimal
    P, R = _maintenance_mdp(rng, int(rng.integers(4, 7)))
    n_states = R.shape[0]
    gamma = float(rng.uniform(0.85, 0.97))
    V, policy, _ = _unpack(student.value_iteration(P, R, gamma), n_states, "maintenance MDP")
    assert np.all((policy >= 0) & (policy < 3)), "maintenance MDP: the policy holds invalid actions"
    V_star, _, _ = reference.value_iteration(P, R, gamma)
    P_pi, R_pi = P[np.arange(n_states), policy], R[np.arange(n_states), policy]
    V_pi = np.linalg.solve(np.eye(n_states) - gamma * P_pi, R_pi)
    assert np.allclose(V_pi, V_star, rtol=1e-8, atol=1e-7), "maintenance MDP: the returned policy is not optimal"
    residual = np.max(np.abs(np.max(R + gamma * P @ V, axis=1) - V))
    assert residual < 1e-7 * max(1.0, np.max(np.abs(V))), \
        "maintenance MDP: V does not satisfy the Bellman optimality equation"


@graded("value_iteration", points=1)
def test_value_iteration_myopic_case_and_errors(student, reference, rng):
    # gamma = 0: V = max_a R, the policy takes the largest immediate reward (lowest index on ties)
    P, R = _random_mdp(rng, 5, 3)
    R[2, 2] = R[2, 0] = R[2].max() + 1.0
    V, policy, sweeps = _unpack(student.value_iteration(P, R, 0.0), 5, "gamma = 0")
    assert_close(V, R.max(axis=1), rtol=1e-12, what="gamma = 0: V")
    assert_equal(policy, np.argmax(R, axis=1), what="gamma = 0: the policy")
    assert_equal(sweeps, reference.value_iteration(P, R, 0.0)[2], what="gamma = 0: the number of sweeps")
    assert_raises("ValueError", student.value_iteration, P, R, 1.0)
    assert_raises("ValueError", student.value_iteration, P, R.T, 0.9)
