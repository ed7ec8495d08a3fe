"""Hidden tests of ``td_update``: Q-learning and SARSA targets, terminal transitions, the update rule."""

import numpy as np

from autograder.testing import assert_close, assert_raises, graded


@graded("td_update", points=1)
def test_td_update_matches_reference(student, reference, rng):
    for index in range(24):
        n_states, n_actions = int(rng.integers(2, 7)), int(rng.integers(2, 5))
        Q = rng.normal(size=(n_states, n_actions))
        s, s_next = int(rng.integers(n_states)), int(rng.integers(n_states))
        a = int(rng.integers(n_actions))
        r = float(rng.normal())
        done = bool(index % 4 == 3)
        alpha, gamma = float(rng.uniform(0.05, 1.0)), float(rng.uniform(0.5, 1.0))
        a_next = None if index % 2 == 0 else int(rng.integers(n_actions))
        mode = "Q-learning" if a_next is None else "SARSA"
        expected = reference.td_update(Q, s, a, r, s_next, done, alpha, gamma, a_next)
        if a_next is None:
            result = student.td_update(Q, s, a, r, s_next, done, alpha, gamma)
        else:
            result = student.td_update(Q, s, a, r, s_next, done, alpha, gamma, a_next=a_next)
        assert_close(result, expected, rtol=1e-12, atol=1e-12,
                     what=f"{mode} update {index + 1}" + (" (terminal)" if done else ""))


@graded("td_update", points=1)
def test_td_update_does_not_bootstrap_at_terminal_transitions(student, rng):
    Q = rng.normal(size=(4, 3))
    Q[2] = rng.uniform(50.0, 100.0, size=3)                    # the next state's values must not matter
    r, alpha = float(rng.normal()), float(rng.uniform(0.2, 0.9))
    for a_next in (None, 1):
        result = np.asarray(student.td_update(Q, 0, 1, r, 2, True, alpha, 0.9, a_next), dtype=float)
        assert result.shape == Q.shape, "the updated table must have the shape of Q"
        expected = Q.copy()
        expected[0, 1] += alpha * (r - Q[0, 1])
        assert_close(result, expected, rtol=1e-12, atol=1e-12, what="a terminal transition")
    # alpha = 1: the entry becomes the target
    result = student.td_update(Q, 0, 1, r, 2, True, 1.0, 0.9)
    assert np.isclose(np.asarray(result)[0, 1], r, rtol=1e-12), "with alpha = 1 the entry must equal the target"


@graded("td_update", points=1)
def test_td_update_sarsa_target_and_fixed_point(student, rng):
    gamma, alpha = float(rng.uniform(0.6, 0.99)), float(rng.uniform(0.1, 0.9))
    Q = rng.normal(size=(5, 3))
    Q[3] = [1.0, 4.0, -2.0]                                    # max at action 1, SARSA uses action 2
    r = float(rng.normal())
    result = np.asarray(student.td_update(Q, 1, 0, r, 3, False, alpha, gamma, a_next=2), dtype=float)
    expected = Q.copy()
    expected[1, 0] += alpha * (r + gamma * Q[3, 2] - Q[1, 0])
    assert_close(result, expected, rtol=1e-12, atol=1e-12, what="a SARSA update")
    # Q(s, a) already equal to its Q-learning target: nothing changes
    Q[1, 0] = r + gamma * Q[3].max()
    assert_close(student.td_update(Q, 1, 0, r, 3, False, alpha, gamma), Q, rtol=1e-12, atol=1e-12,
                 what="an update at the Bellman fixed point")
    assert_raises("ValueError", student.td_update, Q, 1, 0, r, 3, False, 0.0, gamma)
    assert_raises("ValueError", student.td_update, Q, 1, 0, r, 3, False, 1.5, gamma)
