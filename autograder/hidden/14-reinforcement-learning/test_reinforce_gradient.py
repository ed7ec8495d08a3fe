"""Hidden tests of ``reinforce_gradient``: reward-to-go, baseline, score function, stable softmax."""

import numpy as np

from autograder.testing import assert_close, assert_raises, graded


def _episode(rng, d, n_actions, n_steps):
    theta = rng.normal(size=(d, n_actions))
    phi = rng.normal(size=(n_steps, d))
    actions = rng.integers(n_actions, size=n_steps)
    rewards = rng.normal(size=n_steps) + rng.uniform(-1.0, 1.0)
    return theta, phi, actions, rewards


def _surrogate(theta, phi, actions, psi):
    logits = phi @ theta
    logits = logits - logits.max(axis=1, keepdims=True)
    log_pi = logits - np.log(np.sum(np.exp(logits), axis=1, keepdims=True))
    return float(np.sum(psi * log_pi[np.arange(len(actions)), actions]))


@graded("reinforce_gradient", points=2)
def test_reinforce_gradient_matches_reference(student, reference, rng):
    for case in range(4):
        d, n_actions, n_steps = int(rng.integers(1, 5)), int(rng.integers(2, 6)), int(rng.integers(1, 15))
        theta, phi, actions, rewards = _episode(rng, d, n_actions, n_steps)
        gamma = float(rng.choice([1.0, rng.uniform(0.5, 0.99)]))
        baseline = rng.normal(size=n_steps) if case % 2 else None
        expected = reference.reinforce_gradient(theta, phi, actions, rewards, gamma, baseline)
        if baseline is None:
            result = student.reinforce_gradient(theta, phi, actions, rewards, gamma)
        else:
            result = student.reinforce_gradient(theta, phi, actions, rewards, gamma, baseline)
        assert_close(result, expected, rtol=1e-8, atol=1e-10,
                     what=f"gradient of episode {case + 1}" + (" with a baseline" if case % 2 else ""))


@graded("reinforce_gradient", points=1)
def test_reinforce_gradient_is_the_gradient_of_the_surrogate(student, rng):
    theta, phi, actions, rewards = _episode(rng, 3, 4, 10)
    gamma = float(rng.uniform(0.7, 0.95))
    baseline = rng.normal(size=10)
    psi = np.array([np.sum(gamma ** np.arange(10 - t) * rewards[t:]) for t in range(10)]) - baseline
    g = np.asarray(student.reinforce_gradient(theta, phi, actions, rewards, gamma, baseline), dtype=float)
    assert g.shape == theta.shape, "the gradient must have the shape of theta"
    h, fd = 1e-6, np.zeros_like(theta)
    for i in range(theta.shape[0]):
        for j in range(theta.shape[1]):
            step = np.zeros_like(theta)
            step[i, j] = h
            fd[i, j] = (_surrogate(theta + step, phi, actions, psi)
                        - _surrogate(theta - step, phi, actions, psi)) / (2 * h)
    assert_close(g, fd, rtol=1e-5, atol=1e-6, what="the gradient compared with finite differences of "
                                                   "sum_t (G_t - b_t) log pi(a_t | s_t)")


@graded("reinforce_gradient", points=1)
def test_reinforce_gradient_large_logits_and_edges(student, reference, rng):
    # a bias feature with a huge weight shifts every logit beyond 800 (exp overflows), and the other
    # feature separates the actions strongly (probabilities near 0 and 1)
    theta, phi, actions, rewards = _episode(rng, 2, 3, 6)
    theta[0] = rng.uniform(900.0, 1000.0) + rng.uniform(-20.0, 20.0, size=3)
    theta[1] *= 20.0
    phi[:, 0] = 1.0
    phi[:, 1] = np.clip(phi[:, 1], -2.0, 2.0)
    expected = reference.reinforce_gradient(theta, phi, actions, rewards, 0.9)
    result = student.reinforce_gradient(theta, phi, actions, rewards, 0.9)
    assert np.all(np.isfinite(np.asarray(result, dtype=float))), "the gradient is not finite for large logits"
    assert_close(result, expected, rtol=1e-8, atol=1e-10, what="gradient with large logits")
    # an empty episode contributes nothing
    assert_close(student.reinforce_gradient(theta, np.zeros((0, 2)), np.zeros(0, dtype=int), np.zeros(0), 0.9),
                 np.zeros((2, 3)), what="gradient of an empty episode")
    assert_raises("ValueError", student.reinforce_gradient, theta, phi, actions[:-1], rewards, 0.9)
    assert_raises("ValueError", student.reinforce_gradient, theta, phi[:, :1], actions, rewards, 0.9)
