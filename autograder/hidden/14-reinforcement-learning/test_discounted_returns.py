"""Hidden tests of ``discounted_returns``: the backward recursion, episode ends, edge cases."""

import numpy as np

from autograder.testing import assert_close, assert_raises, graded


@graded("discounted_returns", points=1)
def test_discounted_returns_matches_reference(student, reference, rng):
    cases = [(rng.normal(size=int(rng.integers(5, 40))), float(rng.uniform(0.5, 0.99)), None),
             (rng.normal(size=int(rng.integers(5, 40))), 1.0, None),
             (rng.normal(size=int(rng.integers(5, 40))), 0.0, None),
             (np.array([float(rng.normal())]), float(rng.uniform(0.1, 0.9)), None),
             (np.zeros(0), 0.9, None)]
    for _ in range(3):
        n_steps = int(rng.integers(10, 60))
        dones = rng.random(n_steps) < 0.15
        cases.append((rng.normal(size=n_steps), float(rng.uniform(0.5, 0.99)), dones))
    cases.append((rng.normal(size=8), float(rng.uniform(0.5, 0.99)), np.ones(8, dtype=bool)))
    for index, (rewards, gamma, dones) in enumerate(cases):
        expected = reference.discounted_returns(rewards, gamma, dones)
        if dones is None:
            result = student.discounted_returns(rewards, gamma)
        else:
            result = student.discounted_returns(rewards, gamma, dones)
        assert_close(result, expected, rtol=1e-10, atol=1e-12, what=f"returns of episode batch {index + 1}")


@graded("discounted_returns", points=1)
def test_discounted_returns_obeys_the_recursion(student, rng):
    # constant reward c for T steps: G_t = c (1 - gamma^(T - t)) / (1 - gamma)
    n_steps, gamma, c = int(rng.integers(20, 50)), float(rng.uniform(0.6, 0.95)), float(rng.uniform(0.5, 2.0))
    result = np.asarray(student.discounted_returns(np.full(n_steps, c), gamma), dtype=float)
    remaining = n_steps - np.arange(n_steps)
    assert_close(result, c * (1.0 - gamma ** remaining) / (1.0 - gamma), rtol=1e-10,
                 what="returns of a constant reward")
    # G_t - gamma G_{t+1} = r_t inside an episode, G_t = r_t where an episode ends
    rewards = rng.normal(size=50)
    dones = rng.random(50) < 0.2
    dones[-1] = False
    result = np.asarray(student.discounted_returns(rewards, gamma, dones), dtype=float)
    assert result.shape == (50,), "the returns must have the shape of the rewards"
    residual = np.where(dones, result, result - gamma * np.append(result[1:], 0.0)) - rewards
    assert np.max(np.abs(residual)) < 1e-10, "the returns do not satisfy G_t = r_t + gamma G_(t+1) " \
                                             "with a restart at every episode end"
    assert_raises("ValueError", student.discounted_returns, [1.0, 2.0], 1.2)
    assert_raises("ValueError", student.discounted_returns, [1.0, 2.0], -0.1)
    assert_raises("ValueError", student.discounted_returns, [1.0, 2.0, 3.0], 0.9, [False, True])
