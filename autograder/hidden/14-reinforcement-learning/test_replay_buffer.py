"""Hidden tests of ``ReplayBuffer`` (through remote objects): ring overwrite, seeded sampling, errors.

Samples are drawn from a generator that lives in the sandbox; the reference buffer samples from an
equally seeded generator here, so both minibatches must agree.
"""

import numpy as np

from autograder.testing import assert_close, assert_equal, assert_raises, graded


def _generators(student, rng):
    seed = int(rng.integers(2 ** 32))
    return student.np.random.default_rng(seed), np.random.default_rng(seed)


def _transition(rng, state_dim, index):
    return (rng.normal(size=state_dim), int(rng.integers(4)), float(index) + float(rng.uniform(0.0, 0.5)),
            rng.normal(size=state_dim), bool(rng.random() < 0.3))


def _check_batch(batch, expected, what):
    assert isinstance(batch, (tuple, list)) and len(batch) == 5, \
        f"{what}: sample must return (states, actions, rewards, next_states, dones)"
    names = ("states", "actions", "rewards", "next_states", "dones")
    for name, got, want in zip(names, batch, expected):
        if name in ("actions", "dones"):
            assert_equal(np.asarray(got), np.asarray(want), what=f"{what}: {name}")
        else:
            assert_close(got, want, rtol=1e-12, atol=1e-12, what=f"{what}: {name}")


@graded("ReplayBuffer", points=2)
def test_replay_buffer_matches_reference(student, reference, rng):
    remote, local = _generators(student, rng)
    for case in range(2):
        capacity, state_dim = int(rng.integers(4, 9)), int(rng.integers(1, 4))
        mine, theirs = student.ReplayBuffer(capacity, state_dim), reference.ReplayBuffer(capacity, state_dim)
        n_pushes = int(2.5 * capacity)
        for index in range(n_pushes):
            transition = _transition(rng, state_dim, index)
            mine.push(*transition)
            theirs.push(*transition)
            if index in (1, capacity // 2, capacity - 1, capacity + 1, n_pushes - 1):
                batch_size = int(rng.integers(1, len(theirs) + 1))
                _check_batch(mine.sample(batch_size, remote), theirs.sample(batch_size, local),
                             f"buffer {case + 1}: a minibatch after {index + 1} pushes")
        assert float(remote.random()) == float(local.random()), \
            "the generator was not advanced as the docstring prescribes (one rng.choice per sample)"


@graded("ReplayBuffer", points=1)
def test_replay_buffer_keeps_the_newest_transitions(student, rng):
    remote, _ = _generators(student, rng)
    capacity, state_dim = int(rng.integers(3, 7)), 2
    buffer, other = student.ReplayBuffer(capacity, state_dim), student.ReplayBuffer(capacity + 2, state_dim)
    rewards_pushed = []
    for index in range(3 * capacity + 1):
        reward = float(index)
        state = np.array([reward, -reward])
        buffer.push(state, index % 3, reward, state + 0.5, index % 2 == 0)
        rewards_pushed.append(reward)
        stored = min(index + 1, capacity)
        states, actions, rewards, next_states, dones = buffer.sample(stored, remote)
        rewards = np.asarray(rewards, dtype=float)
        assert sorted(rewards.tolist()) == rewards_pushed[-stored:], \
            "sampling every stored transition does not return exactly the newest ones (FIFO eviction)"
        states, next_states = np.asarray(states, dtype=float), np.asarray(next_states, dtype=float)
        consistent = (np.allclose(states[:, 0], rewards) and np.allclose(next_states, states + 0.5)
                      and np.array_equal(np.asarray(actions), rewards.astype(int) % 3)
                      and np.array_equal(np.asarray(dones, dtype=bool), rewards.astype(int) % 2 == 0))
        assert consistent, "the fields of one transition come back from different transitions"
    # a second buffer shares nothing with the first
    other.push(np.zeros(state_dim), 0, 100.0, np.zeros(state_dim), False)
    assert_close(other.sample(1, remote)[2], [100.0], what="a second buffer's only reward")
    assert sorted(np.asarray(buffer.sample(capacity, remote)[2]).tolist()) == rewards_pushed[-capacity:], \
        "pushing into one buffer changed another one"


@graded("ReplayBuffer", points=1)
def test_replay_buffer_errors_and_sampling_without_replacement(student, rng):
    remote, _ = _generators(student, rng)
    assert_raises("ValueError", student.ReplayBuffer, 0, 3)
    assert_raises("ValueError", student.ReplayBuffer, 5, 0)
    buffer = student.ReplayBuffer(50, 3)
    assert_raises("ValueError", buffer.sample, 1, remote)                 # empty
    for index in range(30):
        buffer.push(rng.normal(size=3), 1, float(index + 1), rng.normal(size=3), False)
    assert_raises("ValueError", buffer.push, np.zeros(2), 0, 0.0, np.zeros(3), False)
    assert_raises("ValueError", buffer.sample, 31, remote)
    assert_raises("ValueError", buffer.sample, 0, remote)
    for _ in range(5):
        rewards = np.asarray(buffer.sample(25, remote)[2], dtype=float)
        assert rewards.shape == (25,), "a minibatch of 25 must hold 25 rewards"
        assert np.unique(rewards).size == 25, "a minibatch holds the same transition twice (sample without replacement)"
        assert np.all(rewards >= 1.0), "a minibatch holds an empty slot"
