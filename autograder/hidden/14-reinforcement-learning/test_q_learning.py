"""Hidden tests of ``q_learning``: seeded runs, the order of random draws, BootSnake, terminal transitions.

The student's function receives a generator that lives in the sandbox (made by the notebook's own
numpy: a trusted generator cannot be sent there); the reference receives an equally seeded generator
here, so both runs must agree draw for draw. Seeded runs use continuous random rewards, so that no
two action values tie by coincidence and every correct way of writing the update gives the same run.
"""

from collections import deque

import numpy as np

from autograder.testing import assert_close, assert_raises, graded

MOVES = ((0, -1), (0, 1), (-1, 0), (1, 0))          # left, right, up, down


def _generators(student, rng):
    seed = int(rng.integers(2 ** 32))
    return student.np.random.default_rng(seed), np.random.default_rng(seed)


def _in_step(remote, local, what):
    assert float(remote.random()) == float(local.random()), \
        f"{what}: the generator was not advanced as the docstring prescribes (one rng.integers per " \
        "episode start, one rng.random() per step, one rng.integers(A) only when exploring)"


def _unpack(result, n_states, n_actions, n_episodes, what):
    assert isinstance(result, (tuple, list)) and len(result) == 2, f"{what}: expected (Q, returns)"
    Q, returns = np.asarray(result[0], dtype=float), np.asarray(result[1], dtype=float)
    assert Q.shape == (n_states, n_actions), f"{what}: Q must have shape (S, A)"
    assert returns.shape == (n_episodes,), f"{what}: returns must have shape (n_episodes,)"
    return Q, returns


def _random_environment(rng):
    n_states, n_actions = int(rng.integers(3, 9)), int(rng.integers(2, 5))
    next_state = rng.integers(n_states, size=(n_states, n_actions))
    reward = rng.normal(size=(n_states, n_actions))
    done = rng.random((n_states, n_actions)) < 0.2
    starts = rng.choice(n_states, size=int(rng.integers(1, n_states + 1)), replace=False)
    return next_state, reward, done, starts


def _course_board(rng):
    """The course's 4 x 4 board (apple in a corner, two traps beside the diagonal), turned at random."""
    cells = [(3, 3), (1, 2), (2, 1)]
    flip, turns = bool(rng.integers(2)), int(rng.integers(4))
    moved = []
    for row, col in cells:
        if flip:
            row, col = col, row
        for _ in range(turns):
            row, col = col, 3 - row
        moved.append(row * 4 + col)
    apple, traps = moved[0], set(moved[1:])
    next_state = np.zeros((16, 4), dtype=int)
    reward, done = np.zeros((16, 4)), np.zeros((16, 4), dtype=bool)
    for s in range(16):
        for a in range(4):
            if s == apple or s in traps:
                next_state[s, a], done[s, a] = s, True
                continue
            row, col = divmod(s, 4)
            s_next = min(max(row + MOVES[a][0], 0), 3) * 4 + min(max(col + MOVES[a][1], 0), 3)
            next_state[s, a] = s_next
            reward[s, a] = 10.0 if s_next == apple else -10.0 if s_next in traps else -1.0
            done[s, a] = s_next == apple or s_next in traps
    free = np.array([s for s in range(16) if s != apple and s not in traps])
    return next_state, reward, done, free, apple, traps


@graded("q_learning", points=2)
def test_q_learning_seeded_runs_match_reference(student, reference, rng):
    remote, local = _generators(student, rng)
    settings = [(0.2, 0.7, 0.9, 60, 40), (0.05, 1.0, 1.0, 40, 25), (0.0, 0.4, 0.8, 30, 20),
                (1.0, 0.3, 0.95, 30, 20), (0.3, 0.5, 0.9, 25, 3)]             # the last one cuts episodes off
    for case, (epsilon, alpha, gamma, n_episodes, max_steps) in enumerate(settings):
        next_state, reward, done, starts = _random_environment(rng)
        what = f"seeded run {case + 1}"
        result = student.q_learning(next_state, reward, done, starts, n_episodes, alpha, gamma, epsilon, remote,
                                    max_steps=max_steps)
        Q, returns = _unpack(result, *next_state.shape, n_episodes, what)
        Q_ref, returns_ref = reference.q_learning(next_state, reward, done, starts, n_episodes, alpha, gamma,
                                                  epsilon, local, max_steps=max_steps)
        assert_close(Q, Q_ref, rtol=1e-9, atol=1e-12, what=f"{what}: Q")
        assert_close(returns, returns_ref, rtol=1e-9, atol=1e-12, what=f"{what}: the episode returns")
        _in_step(remote, local, what)


@graded("q_learning", points=2)
def test_q_learning_learns_bootsnake_with_traps(student, reference, rng):
    next_state, reward, done, free, apple, traps = _course_board(rng)
    remote, _ = _generators(student, rng)
    Q, _ = _unpack(student.q_learning(next_state, reward, done, free, 2000, 0.5, 0.9, 0.3, remote),
                   16, 4, 2000, "BootSnake")
    # planning with the model: V* from value iteration, fewest steps to the apple around the traps
    P = np.zeros((16, 4, 16))
    P[np.arange(16)[:, None], np.arange(4)[None, :], next_state] = 1.0
    V_star, _, _ = reference.value_iteration(P, reward, 0.9)        # terminal cells: absorbing, reward 0
    distance, queue = {apple: 0}, deque([apple])
    while queue:
        cell = queue.popleft()
        for s in free:
            if int(s) not in distance and np.any(next_state[s] == cell):
                distance[int(s)] = distance[cell] + 1
                queue.append(int(s))
    greedy = np.argmax(Q, axis=1)
    for start in free:
        s, steps = int(start), 0
        while s != apple and s not in traps and steps < 16:
            s = int(next_state[s, greedy[s]])
            steps += 1
        assert s == apple and steps == distance[int(start)], \
            "BootSnake: after learning, the greedy path from some free cell does not reach the apple in the " \
            "fewest steps (or runs into a trap)"
    assert np.max(np.abs(Q.max(axis=1) - V_star)[free]) < 0.05, \
        "BootSnake: max_a Q(s, a) has not converged to the optimal value V*(s) of value iteration"


@graded("q_learning", points=1)
def test_q_learning_terminal_transitions_and_errors(student, reference, rng):
    # a two-state conveyor, one action: s0 -> s1 (reward a), then s1 -> s0 (reward b) ends the episode.
    # The end must not bootstrap from s0: Q -> (a + gamma b, b), every episode returns a + b.
    a, b = float(rng.uniform(0.5, 2.0)), float(rng.uniform(-3.0, -1.0))
    gamma, alpha, n = float(rng.uniform(0.6, 0.9)), float(rng.uniform(0.4, 0.7)), 60
    table = (np.array([[1], [0]]), np.array([[a], [b]]), np.array([[False], [True]]), np.array([0]))
    remote, local = _generators(student, rng)
    Q, returns = _unpack(student.q_learning(*table, n, alpha, gamma, 0.5, remote), 2, 1, n, "conveyor")
    assert_close(Q[:, 0], [a + gamma * b, b], rtol=1e-6, what="the converged values of a two-state episode")
    assert_close(returns, np.full(n, a + b), rtol=1e-12, what="the returns of a two-state episode")
    reference.q_learning(*table, n, alpha, gamma, 0.5, local)
    _in_step(remote, local, "two-state episodes")
    # cut off after one step: s1 is never reached, Q(s0) = a (1 - (1 - alpha)^n)
    Q, returns = _unpack(student.q_learning(*table, n, alpha, gamma, 0.0, remote, max_steps=1), 2, 1, n,
                         "one-step episodes")
    assert_close(Q[:, 0], [a * (1.0 - (1.0 - alpha) ** n), 0.0], rtol=1e-9, atol=1e-12,
                 what="values after episodes cut off by max_steps")
    reference.q_learning(*table, n, alpha, gamma, 0.0, local, max_steps=1)
    for bad in [dict(alpha=0.0), dict(epsilon=1.5), dict(gamma=-0.1)]:
        args = dict(n_episodes=5, alpha=0.5, gamma=0.9, epsilon=0.1)
        args.update(bad)
        assert_raises("ValueError", student.q_learning, *table, rng=remote, **args)
    assert_raises("ValueError", student.q_learning, table[0], table[1][:1], table[2], table[3], 5, 0.5, 0.9,
                  0.1, remote)
    assert_raises("ValueError", student.q_learning, np.array([[1], [2]]), *table[1:], 5, 0.5, 0.9, 0.1, remote)
    assert_raises("ValueError", student.q_learning, *table[:3], np.zeros(0, dtype=int), 5, 0.5, 0.9, 0.1, remote)
    _in_step(remote, local, "after invalid arguments")
