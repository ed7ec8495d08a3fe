"""Hidden tests of ``dqn_targets``: DQN and double-DQN targets, terminal masking, shapes and errors."""

import numpy as np

from autograder.testing import assert_close, assert_raises, graded


def _batch(rng, size, n_actions, p_done=0.3):
    rewards = rng.normal(size=size)
    dones = rng.random(size) < p_done
    q_target = rng.normal(scale=3.0, size=(size, n_actions))
    q_online = q_target + rng.normal(scale=2.0, size=(size, n_actions))   # the two networks disagree
    return rewards, dones, q_target, q_online


@graded("dqn_targets", points=2)
def test_dqn_targets_match_reference(student, reference, rng):
    cases = [(int(rng.integers(5, 40)), int(rng.integers(2, 7)), 0.3), (1, 3, 0.0), (12, 1, 0.5),
             (int(rng.integers(5, 20)), 4, 1.0), (int(rng.integers(5, 20)), 5, 0.0)]
    for index, (size, n_actions, p_done) in enumerate(cases):
        rewards, dones, q_target, q_online = _batch(rng, size, n_actions, p_done)
        gamma = float(rng.choice([0.0, 1.0, rng.uniform(0.8, 0.999)]))
        what = f"batch {index + 1}"
        assert_close(student.dqn_targets(rewards, dones, q_target, gamma),
                     reference.dqn_targets(rewards, dones, q_target, gamma), rtol=1e-12, atol=1e-12,
                     what=f"{what}: DQN targets")
        assert_close(student.dqn_targets(rewards, dones, q_target, gamma, q_online),
                     reference.dqn_targets(rewards, dones, q_target, gamma, q_online), rtol=1e-12, atol=1e-12,
                     what=f"{what}: double-DQN targets")


@graded("dqn_targets", points=1)
def test_dqn_targets_terminal_mask_double_dqn_and_errors(student, rng):
    # terminal transitions: y = r, however large the network's outputs for s'
    rewards, dones, q_target, q_online = _batch(rng, 10, 3)
    dones[:] = True
    q_target *= 1e6
    for online in (None, q_online):
        y = student.dqn_targets(rewards, dones, q_target, 0.99, online)
        assert_close(y, rewards, rtol=1e-12, atol=1e-12, what="targets of terminal transitions")
    # double DQN: the online network picks the action, the target network evaluates it
    q_target = np.array([[1.0, 5.0, 2.0], [4.0, 0.0, -1.0]])
    q_online = np.array([[3.0, -2.0, 7.0], [0.5, 9.0, 0.5]])
    r, gamma = rng.normal(size=2), float(rng.uniform(0.5, 0.95))
    y = student.dqn_targets(r, np.array([False, False]), q_target, gamma, q_online)
    assert_close(y, r + gamma * np.array([2.0, 0.0]), rtol=1e-12, what="double-DQN targets of a small batch")
    y = student.dqn_targets(r, [False, True], q_target, gamma)
    assert_close(y, r + gamma * np.array([5.0, 0.0]), rtol=1e-12, what="DQN targets of a small batch")
    # identical networks: double DQN is plain DQN
    rewards, dones, q_target, _ = _batch(rng, 15, 4)
    assert_close(student.dqn_targets(rewards, dones, q_target, 0.9, q_target.copy()),
                 student.dqn_targets(rewards, dones, q_target, 0.9), rtol=1e-12,
                 what="double DQN with identical networks")
    assert_raises("ValueError", student.dqn_targets, rewards, dones, q_target, 1.5)
    assert_raises("ValueError", student.dqn_targets, rewards[:-1], dones, q_target, 0.9)
    assert_raises("ValueError", student.dqn_targets, rewards, dones, q_target[:-1], 0.9)
    assert_raises("ValueError", student.dqn_targets, rewards, dones, q_target, 0.9, q_target[:, :2])
