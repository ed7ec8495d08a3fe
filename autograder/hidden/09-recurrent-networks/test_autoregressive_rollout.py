"""Hidden tests of ``autoregressive_rollout``: feedback of the predictions, the windows the predictor sees."""

import numpy as np

from autograder.testing import assert_close, assert_equal, graded


def _recorder(step):
    calls = []

    def predict(window):
        window = np.array(window, dtype=float)
        calls.append(window)
        return step(window)
    return predict, calls


@graded("autoregressive_rollout", points=1)
def test_autoregressive_rollout_continues_a_damped_oscillator_exactly(student, rng):
    # samples x_k = exp(-zeta omega k dt) cos(omega_d k dt + phi) obey the exact two-step recurrence
    # x_{k+1} = 2 r cos(omega_d dt) x_k - r^2 x_{k-1} with r = exp(-zeta omega dt)
    omega, zeta, dt = rng.uniform(3.0, 8.0), rng.uniform(0.02, 0.1), rng.uniform(0.02, 0.06)
    phi, n_steps, n_future = rng.uniform(0.0, 2 * np.pi), int(rng.integers(2, 5)), int(rng.integers(30, 60))
    omega_d, r = omega * np.sqrt(1 - zeta ** 2), np.exp(-zeta * omega * dt)
    k = np.arange(n_steps + n_future)
    x = np.exp(-zeta * omega * dt * k) * np.cos(omega_d * dt * k + phi)
    a1, a2 = 2 * r * np.cos(omega_d * dt), -r ** 2
    predict, calls = _recorder(lambda w: np.array([a1 * w[-1, 0] + a2 * w[-2, 0]]))
    future = student.autoregressive_rollout(predict, x[:n_steps, None], n_future)
    assert np.shape(future) == (n_future, 1), "the predictions must have the shape (n_future, F)"
    assert_close(np.asarray(future)[:, 0], x[n_steps:], rtol=1e-8, atol=1e-12,
                 what="the rollout of the exact recurrence vs the oscillator's displacement")
    assert len(calls) == n_future, "predict must be called exactly once per predicted step"


@graded("autoregressive_rollout", points=1)
def test_autoregressive_rollout_of_the_oscillator_state(student, rng):
    # the state s = (x, v) of the oscillator x'' + 2 zeta omega x' + omega^2 x = 0 advances exactly by
    # s_{k+1} = expm(A dt) s_k: a window of one step with two features
    omega, zeta, dt = rng.uniform(2.0, 6.0), rng.uniform(0.02, 0.2), rng.uniform(0.02, 0.08)
    x0, v0, n_future = rng.normal(), rng.normal(), int(rng.integers(40, 80))
    A = np.array([[0.0, 1.0], [-omega ** 2, -2 * zeta * omega]])
    lam, V = np.linalg.eig(A)
    Phi = np.real(V @ np.diag(np.exp(lam * dt)) @ np.linalg.inv(V))
    predict, calls = _recorder(lambda w: Phi @ w[-1])
    future = student.autoregressive_rollout(predict, np.array([[x0, v0]]), n_future)
    assert np.shape(future) == (n_future, 2), "the predictions must have the shape (n_future, F)"
    t = dt * np.arange(1, n_future + 1)
    omega_d = omega * np.sqrt(1 - zeta ** 2)
    decay, c, s = np.exp(-zeta * omega * t), np.cos(omega_d * t), np.sin(omega_d * t)
    x = decay * (x0 * c + (v0 + zeta * omega * x0) / omega_d * s)
    v = decay * (v0 * c - (omega ** 2 * x0 + zeta * omega * v0) / omega_d * s)
    assert_close(future, np.column_stack([x, v]), rtol=1e-8, atol=1e-10,
                 what="the rollout of the exact one-step map vs the oscillator's displacement and velocity")
    assert len(calls) == n_future, "predict must be called exactly once per predicted step"


@graded("autoregressive_rollout", points=1)
def test_autoregressive_rollout_feeds_back_its_predictions(student, reference, rng):
    n_steps, F, n_future = int(rng.integers(3, 6)), 2, int(rng.integers(6, 12))
    A = rng.normal(scale=0.5, size=(n_steps * F, F))

    def step(window):
        assert window.shape == (n_steps, F), "predict received a window of the wrong shape"
        return np.tanh(window.ravel() @ A) + 0.1
    predict, calls = _recorder(step)
    ref_predict, ref_calls = _recorder(step)
    window = rng.normal(size=(n_steps, F))
    future = student.autoregressive_rollout(predict, window, n_future)
    expected = reference.autoregressive_rollout(ref_predict, window, n_future)
    assert len(calls) == n_future, "predict must be called exactly once per predicted step"
    assert_close(np.array(calls), np.array(ref_calls), rtol=1e-12, atol=1e-14,
                 what="the windows passed to predict (n_steps rows, oldest first)")
    assert_close(future, expected, rtol=1e-12, atol=1e-14, what="the predictions")
    predict, calls = _recorder(step)
    future = student.autoregressive_rollout(predict, window, 0)
    assert np.shape(future) == (0, F) and not calls, "n_future = 0 gives an empty (0, F) array and no call"
    assert_equal(len(calls), 0, what="the number of calls for n_future = 0")
