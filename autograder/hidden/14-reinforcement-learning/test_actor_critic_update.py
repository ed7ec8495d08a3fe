"""Hidden tests of ``actor_critic_update``: TD errors, the critic descending, the actor ascending."""

import numpy as np

from autograder.testing import assert_close, assert_raises, graded


def _batch(rng, d, n_actions, n_steps, p_done=0.3):
    theta = rng.normal(size=(d, n_actions))
    w = rng.normal(size=d)
    phi, phi_next = rng.normal(size=(n_steps, d)), rng.normal(size=(n_steps, d))
    actions = rng.integers(n_actions, size=n_steps)
    rewards = rng.normal(size=n_steps) + rng.uniform(-1.0, 1.0)
    dones = rng.random(n_steps) < p_done
    return theta, w, phi, actions, rewards, phi_next, dones


def _unpack(result, d, n_actions, n_steps, what):
    assert isinstance(result, (tuple, list)) and len(result) == 3, f"{what}: expected (theta_new, w_new, delta)"
    theta_new, w_new, delta = (np.asarray(x, dtype=float) for x in result)
    assert theta_new.shape == (d, n_actions) and w_new.shape == (d,) and delta.shape == (n_steps,), \
        f"{what}: theta_new, w_new and delta need shapes (d, A), (d,) and (T,)"
    return theta_new, w_new, delta


@graded("actor_critic_update", points=2)
def test_actor_critic_update_matches_reference(student, reference, rng):
    for case in range(4):
        d, n_actions, n_steps = int(rng.integers(1, 5)), int(rng.integers(2, 5)), int(rng.integers(1, 12))
        batch = _batch(rng, d, n_actions, n_steps, p_done=(0.0, 0.3, 0.6, 1.0)[case])
        gamma = float(rng.choice([1.0, rng.uniform(0.8, 0.99)]))
        lr_actor, lr_critic = float(rng.uniform(0.01, 0.5)), float(rng.uniform(0.01, 0.5))
        what = f"batch {case + 1}"
        result = _unpack(student.actor_critic_update(*batch, gamma, lr_actor, lr_critic), d, n_actions, n_steps, what)
        expected = reference.actor_critic_update(*batch, gamma, lr_actor, lr_critic)
        for name, got, want in zip(("theta_new", "w_new", "delta"), result, expected):
            assert_close(got, want, rtol=1e-9, atol=1e-11, what=f"{what}: {name}")


def _central_difference(f, x, h=1e-6):
    gradient = np.zeros_like(x)
    for index in np.ndindex(x.shape):
        step = np.zeros_like(x)
        step[index] = h
        gradient[index] = (f(x + step) - f(x - step)) / (2 * h)
    return gradient


@graded("actor_critic_update", points=2)
def test_actor_critic_update_descends_the_critic_loss_and_ascends_the_actor(student, rng):
    d, n_actions, n_steps, gamma = 3, 3, 8, float(rng.uniform(0.8, 0.95))
    theta, w, phi, actions, rewards, phi_next, dones = _batch(rng, d, n_actions, n_steps)
    dones[:2] = [True, False]
    phi_next[0] = 1e3                                   # terminal: the next state's value must not count
    lr_actor, lr_critic = float(rng.uniform(0.05, 0.2)), float(rng.uniform(0.05, 0.2))
    theta_new, w_new, delta = _unpack(student.actor_critic_update(theta, w, phi, actions, rewards, phi_next, dones,
                                                                  gamma, lr_actor, lr_critic),
                                      d, n_actions, n_steps, "a batch")
    targets = rewards + gamma * np.where(dones, 0.0, phi_next @ w)
    assert_close(delta, targets - phi @ w, rtol=1e-9, atol=1e-11,
                 what="delta = r + gamma (1 - done) V(s') - V(s)")
    # the critic: one gradient-DESCENT step on 1/2 sum (y - V_w(s))^2 with the targets y held fixed
    critic_gradient = _central_difference(lambda v: 0.5 * np.sum((targets - phi @ v) ** 2), w)
    assert_close((w_new - w) / lr_critic, -critic_gradient, rtol=1e-5, atol=1e-6,
                 what="the critic's step compared with minus the finite-difference gradient of its loss")

    # the actor: one gradient-ASCENT step on sum_t delta_t log pi(a_t | s_t) with delta held fixed
    def surrogate(parameters):
        logits = phi @ parameters
        logits = logits - logits.max(axis=1, keepdims=True)
        log_pi = logits - np.log(np.sum(np.exp(logits), axis=1, keepdims=True))
        return float(np.sum(delta * log_pi[np.arange(n_steps), actions]))

    assert_close((theta_new - theta) / lr_actor, _central_difference(surrogate, theta), rtol=1e-5, atol=1e-6,
                 what="the actor's step compared with the finite-difference gradient of sum_t delta_t log pi")
    # zero step sizes change nothing
    theta_same, w_same, _ = _unpack(student.actor_critic_update(theta, w, phi, actions, rewards, phi_next, dones,
                                                                gamma, 0.0, 0.0), d, n_actions, n_steps, "lr = 0")
    assert_close(theta_same, theta, rtol=1e-12, what="theta with lr_actor = 0")
    assert_close(w_same, w, rtol=1e-12, what="w with lr_critic = 0")
    batch = (theta, w, phi, actions, rewards, phi_next, dones)
    assert_raises("ValueError", student.actor_critic_update, *batch, 1.5, 0.1, 0.1)
    assert_raises("ValueError", student.actor_critic_update, *batch, 0.9, 0.1, -0.1)
    assert_raises("ValueError", student.actor_critic_update, theta, w[:-1], *batch[2:], 0.9, 0.1, 0.1)
    assert_raises("ValueError", student.actor_critic_update, theta, w, phi, actions[:-1], *batch[4:], 0.9, 0.1, 0.1)
