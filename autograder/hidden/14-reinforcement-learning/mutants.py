"""Plausible wrong implementations of the tasks of 14-reinforcement-learning; each must lose points."""

import numpy as np

from autograder.mutants import mutant


# --- discounted_returns -------------------------------------------------------------------------

@mutant("accumulates forwards: a discounted sum of the past rewards")
def discounted_returns__forwards(rewards, gamma, dones=None):
    rewards = np.asarray(rewards, dtype=float)
    if rewards.ndim != 1 or not 0.0 <= gamma <= 1.0:
        raise ValueError("bad input")
    dones = np.zeros(rewards.size, dtype=bool) if dones is None else np.asarray(dones, dtype=bool)
    if dones.shape != rewards.shape:
        raise ValueError("bad dones")
    out = np.empty_like(rewards)
    running = 0.0
    for t in range(rewards.size):
        running = gamma * running + rewards[t]
        out[t] = running
        if dones[t]:
            running = 0.0
    return out


@mutant("ignores the episode ends: returns leak across episodes")
def discounted_returns__ignores_dones(rewards, gamma, dones=None):
    rewards = np.asarray(rewards, dtype=float)
    if rewards.ndim != 1 or not 0.0 <= gamma <= 1.0:
        raise ValueError("bad input")
    if dones is not None and np.shape(dones) != rewards.shape:
        raise ValueError("bad dones")
    out = np.empty_like(rewards)
    running = 0.0
    for t in range(rewards.size - 1, -1, -1):
        running = rewards[t] + gamma * running
        out[t] = running
    return out


@mutant("discounts the current reward too: G_t = gamma (r_t + G_{t+1})")
def discounted_returns__discounts_first_reward(rewards, gamma, dones=None):
    rewards = np.asarray(rewards, dtype=float)
    if rewards.ndim != 1 or not 0.0 <= gamma <= 1.0:
        raise ValueError("bad input")
    dones = np.zeros(rewards.size, dtype=bool) if dones is None else np.asarray(dones, dtype=bool)
    if dones.shape != rewards.shape:
        raise ValueError("bad dones")
    out = np.empty_like(rewards)
    running = 0.0
    for t in range(rewards.size - 1, -1, -1):
        if dones[t]:
            running = 0.0
        running = gamma * (rewards[t] + running)
        out[t] = running
    return out


# --- stationary_distribution --------------------------------------------------------------------

@mutant("row convention: checks the rows and solves pi^T P = pi^T")
def stationary_distribution__row_convention(P):
    P = np.asarray(P, dtype=float)
    if P.ndim != 2 or P.shape[0] != P.shape[1] or np.any(P < 0):
        raise ValueError("bad matrix")
    if not np.allclose(P.sum(axis=1), 1.0):
        raise ValueError("rows must sum to 1")
    n = P.shape[0]
    system = np.vstack([P.T - np.eye(n), np.ones((1, n))])
    right = np.zeros(n + 1)
    right[-1] = 1.0
    return np.linalg.lstsq(system, right, rcond=None)[0]


@mutant("power iteration with a fixed number of steps: fails for periodic and slow chains")
def stationary_distribution__power_iteration(P):
    P = np.asarray(P, dtype=float)
    if P.ndim != 2 or P.shape[0] != P.shape[1] or np.any(P < 0) or not np.allclose(P.sum(axis=0), 1.0):
        raise ValueError("bad matrix")
    x = np.zeros(P.shape[0])
    x[0] = 1.0
    for _ in range(300):
        x = P @ x
    return x


@mutant("normalises the eigenvector to unit length instead of unit sum")
def stationary_distribution__unit_length(P):
    P = np.asarray(P, dtype=float)
    if P.ndim != 2 or P.shape[0] != P.shape[1] or np.any(P < 0) or not np.allclose(P.sum(axis=0), 1.0):
        raise ValueError("bad matrix")
    values, vectors = np.linalg.eig(P)
    v = np.real(vectors[:, np.argmin(np.abs(values - 1.0))])
    return np.abs(v) / np.linalg.norm(v)


# --- policy_evaluation --------------------------------------------------------------------------

@mutant("multiplies by the transpose of P_pi (mixes up the two conventions)")
def policy_evaluation__transposed_chain(P, R, policy, gamma, method="direct", tol=1e-10, max_iter=10000):
    P = np.asarray(P, dtype=float)
    R = np.asarray(R, dtype=float)
    if P.ndim != 3 or R.shape != P.shape[:2] or not 0 <= gamma < 1 or method not in ("direct", "iterative"):
        raise ValueError("bad input")
    S, A = R.shape
    pi = np.eye(A)[np.asarray(policy).astype(int)] if np.ndim(policy) == 1 else np.asarray(policy, dtype=float)
    if pi.shape != (S, A):
        raise ValueError("bad policy")
    P_pi = np.einsum("sa,sat->st", pi, P).T
    R_pi = np.sum(pi * R, axis=1)
    if method == "direct":
        return np.linalg.solve(np.eye(S) - gamma * P_pi, R_pi)
    V = np.zeros(S)
    for _ in range(max_iter):
        V_new = R_pi + gamma * P_pi @ V
        if np.max(np.abs(V_new - V)) < tol:
            return V_new
        V = V_new
    return V


@mutant("takes the maximum over actions: computes V* instead of the policy's value")
def policy_evaluation__maximises(P, R, policy, gamma, method="direct", tol=1e-10, max_iter=10000):
    P = np.asarray(P, dtype=float)
    R = np.asarray(R, dtype=float)
    if P.ndim != 3 or R.shape != P.shape[:2] or not 0 <= gamma < 1 or method not in ("direct", "iterative"):
        raise ValueError("bad input")
    S, A = R.shape
    if np.shape(policy) not in ((S,), (S, A)):
        raise ValueError("bad policy")
    V = np.zeros(S)
    for _ in range(max_iter):
        V_new = np.max(R + gamma * P @ V, axis=1)
        if np.max(np.abs(V_new - V)) < tol:
            return V_new
        V = V_new
    return V


@mutant("the iterative method makes a fixed 100 sweeps and ignores tol")
def policy_evaluation__fixed_sweeps(P, R, policy, gamma, method="direct", tol=1e-10, max_iter=10000):
    P = np.asarray(P, dtype=float)
    R = np.asarray(R, dtype=float)
    if P.ndim != 3 or R.shape != P.shape[:2] or not 0 <= gamma < 1 or method not in ("direct", "iterative"):
        raise ValueError("bad input")
    S, A = R.shape
    pi = np.eye(A)[np.asarray(policy).astype(int)] if np.ndim(policy) == 1 else np.asarray(policy, dtype=float)
    if pi.shape != (S, A):
        raise ValueError("bad policy")
    P_pi = np.einsum("sa,sat->st", pi, P)
    R_pi = np.sum(pi * R, axis=1)
    if method == "direct":
        return np.linalg.solve(np.eye(S) - gamma * P_pi, R_pi)
    V = np.zeros(S)
    for _ in range(100):
        V = R_pi + gamma * P_pi @ V
    return V


# --- value_iteration ----------------------------------------------------------------------------

@mutant("sums over the wrong axis of P: sum_s P[s, a, s'] V[s]")
def value_iteration__wrong_axis(P, R, gamma, tol=1e-10, max_iter=10000):
    P = np.asarray(P, dtype=float)
    R = np.asarray(R, dtype=float)
    if P.ndim != 3 or R.shape != P.shape[:2] or not 0 <= gamma < 1:
        raise ValueError("bad input")
    V = np.zeros(R.shape[0])
    n = 0
    while n < max_iter:
        V_new = np.max(R + gamma * np.einsum("sat,s->ta", P, V), axis=1)
        n += 1
        change = np.max(np.abs(V_new - V))
        V = V_new
        if change < tol:
            break
    return V, np.argmax(R + gamma * np.einsum("sat,s->ta", P, V), axis=1), n


@mutant("counts the sweeps off by one (does not count the last one)")
def value_iteration__off_by_one(P, R, gamma, tol=1e-10, max_iter=10000):
    P = np.asarray(P, dtype=float)
    R = np.asarray(R, dtype=float)
    if P.ndim != 3 or R.shape != P.shape[:2] or not 0 <= gamma < 1:
        raise ValueError("bad input")
    V = np.zeros(R.shape[0])
    n = 0
    while n < max_iter:
        V_new = np.max(R + gamma * P @ V, axis=1)
        change = np.max(np.abs(V_new - V))
        V = V_new
        if change < tol:
            break
        n += 1
    return V, np.argmax(R + gamma * P @ V, axis=1), n


@mutant("myopic policy: the greedy action maximises the immediate reward only")
def value_iteration__myopic_policy(P, R, gamma, tol=1e-10, max_iter=10000):
    P = np.asarray(P, dtype=float)
    R = np.asarray(R, dtype=float)
    if P.ndim != 3 or R.shape != P.shape[:2] or not 0 <= gamma < 1:
        raise ValueError("bad input")
    V = np.zeros(R.shape[0])
    n = 0
    while n < max_iter:
        V_new = np.max(R + gamma * P @ V, axis=1)
        n += 1
        change = np.max(np.abs(V_new - V))
        V = V_new
        if change < tol:
            break
    return V, np.argmax(R, axis=1), n


# --- epsilon_greedy -----------------------------------------------------------------------------

@mutant("explores when u > epsilon instead of u < epsilon")
def epsilon_greedy__inverted(q, epsilon, rng):
    q = np.asarray(q, dtype=float)
    if q.ndim != 1 or q.size == 0 or not 0 <= epsilon <= 1:
        raise ValueError("bad input")
    if rng.random() > epsilon:
        return int(rng.integers(q.size))
    return int(np.argmax(q))


@mutant("explores among the non-greedy actions only")
def epsilon_greedy__excludes_greedy(q, epsilon, rng):
    q = np.asarray(q, dtype=float)
    if q.ndim != 1 or q.size == 0 or not 0 <= epsilon <= 1:
        raise ValueError("bad input")
    best = int(np.argmax(q))
    if q.size > 1 and rng.random() < epsilon:
        a = int(rng.integers(q.size - 1))
        return a if a < best else a + 1
    return best


@mutant("draws the random action on every call, so the random sequence shifts")
def epsilon_greedy__always_draws_action(q, epsilon, rng):
    q = np.asarray(q, dtype=float)
    if q.ndim != 1 or q.size == 0 or not 0 <= epsilon <= 1:
        raise ValueError("bad input")
    u = rng.random()
    random_action = int(rng.integers(q.size))
    return random_action if u < epsilon else int(np.argmax(q))


# --- td_update ----------------------------------------------------------------------------------

@mutant("bootstraps from the next state also at terminal transitions")
def td_update__bootstraps_terminal(Q, s, a, r, s_next, done, alpha, gamma, a_next=None):
    Q = np.array(Q, dtype=float)
    if Q.ndim != 2 or not 0 < alpha <= 1 or not 0 <= gamma <= 1:
        raise ValueError("bad input")
    future = np.max(Q[s_next]) if a_next is None else Q[s_next, a_next]
    Q[s, a] += alpha * (r + gamma * future - Q[s, a])
    return Q


@mutant("ignores a_next: SARSA silently becomes Q-learning")
def td_update__ignores_next_action(Q, s, a, r, s_next, done, alpha, gamma, a_next=None):
    Q = np.array(Q, dtype=float)
    if Q.ndim != 2 or not 0 < alpha <= 1 or not 0 <= gamma <= 1:
        raise ValueError("bad input")
    target = r if done else r + gamma * np.max(Q[s_next])
    Q[s, a] += alpha * (target - Q[s, a])
    return Q


@mutant("overwrites Q[s, a] with the target, ignoring the learning rate")
def td_update__ignores_alpha(Q, s, a, r, s_next, done, alpha, gamma, a_next=None):
    Q = np.array(Q, dtype=float)
    if Q.ndim != 2 or not 0 < alpha <= 1 or not 0 <= gamma <= 1:
        raise ValueError("bad input")
    if done:
        Q[s, a] = r
    elif a_next is None:
        Q[s, a] = r + gamma * np.max(Q[s_next])
    else:
        Q[s, a] = r + gamma * Q[s_next, a_next]
    return Q


# --- reinforce_gradient -------------------------------------------------------------------------

@mutant("weights every step with the total return r(tau) instead of the reward-to-go")
def reinforce_gradient__total_return(theta, phi, actions, rewards, gamma, baseline=None):
    theta = np.asarray(theta, dtype=float)
    phi = np.asarray(phi, dtype=float)
    actions = np.asarray(actions, dtype=int)
    rewards = np.asarray(rewards, dtype=float)
    if theta.ndim != 2 or phi.ndim != 2 or phi.shape[1] != theta.shape[0] or not 0 <= gamma <= 1:
        raise ValueError("bad input")
    T = phi.shape[0]
    if actions.shape != (T,) or rewards.shape != (T,):
        raise ValueError("bad episode")
    psi = np.full(T, np.sum(gamma ** np.arange(T) * rewards))
    if baseline is not None:
        psi = psi - np.asarray(baseline, dtype=float)
    z = phi @ theta
    z = z - z.max(axis=1, keepdims=True)
    p = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
    score = -p
    score[np.arange(T), actions] += 1.0
    return phi.T @ (psi[:, None] * score)


@mutant("forgets the -pi term of the score function: grad log pi = phi e_a^T")
def reinforce_gradient__no_normaliser(theta, phi, actions, rewards, gamma, baseline=None):
    theta = np.asarray(theta, dtype=float)
    phi = np.asarray(phi, dtype=float)
    actions = np.asarray(actions, dtype=int)
    rewards = np.asarray(rewards, dtype=float)
    if theta.ndim != 2 or phi.ndim != 2 or phi.shape[1] != theta.shape[0] or not 0 <= gamma <= 1:
        raise ValueError("bad input")
    T = phi.shape[0]
    if actions.shape != (T,) or rewards.shape != (T,):
        raise ValueError("bad episode")
    psi = np.zeros(T)
    running = 0.0
    for t in range(T - 1, -1, -1):
        running = rewards[t] + gamma * running
        psi[t] = running
    if baseline is not None:
        psi = psi - np.asarray(baseline, dtype=float)
    score = np.zeros((T, theta.shape[1]))
    score[np.arange(T), actions] = 1.0
    return phi.T @ (psi[:, None] * score)


@mutant("naive softmax without subtracting the largest logit: overflows")
def reinforce_gradient__naive_softmax(theta, phi, actions, rewards, gamma, baseline=None):
    theta = np.asarray(theta, dtype=float)
    phi = np.asarray(phi, dtype=float)
    actions = np.asarray(actions, dtype=int)
    rewards = np.asarray(rewards, dtype=float)
    if theta.ndim != 2 or phi.ndim != 2 or phi.shape[1] != theta.shape[0] or not 0 <= gamma <= 1:
        raise ValueError("bad input")
    T = phi.shape[0]
    if actions.shape != (T,) or rewards.shape != (T,):
        raise ValueError("bad episode")
    psi = np.zeros(T)
    running = 0.0
    for t in range(T - 1, -1, -1):
        running = rewards[t] + gamma * running
        psi[t] = running
    if baseline is not None:
        psi = psi - np.asarray(baseline, dtype=float)
    with np.errstate(all="ignore"):
        e = np.exp(phi @ theta)
        p = e / e.sum(axis=1, keepdims=True)
    score = -p
    score[np.arange(T), actions] += 1.0
    return phi.T @ (psi[:, None] * score)


@mutant("returns the gradient of the loss -J: the wrong sign for gradient ascent")
def reinforce_gradient__wrong_sign(theta, phi, actions, rewards, gamma, baseline=None):
    theta = np.asarray(theta, dtype=float)
    phi = np.asarray(phi, dtype=float)
    actions = np.asarray(actions, dtype=int)
    rewards = np.asarray(rewards, dtype=float)
    if theta.ndim != 2 or phi.ndim != 2 or phi.shape[1] != theta.shape[0] or not 0 <= gamma <= 1:
        raise ValueError("bad input")
    T = phi.shape[0]
    if actions.shape != (T,) or rewards.shape != (T,):
        raise ValueError("bad episode")
    psi = np.zeros(T)
    running = 0.0
    for t in range(T - 1, -1, -1):
        running = rewards[t] + gamma * running
        psi[t] = running
    if baseline is not None:
        psi = psi - np.asarray(baseline, dtype=float)
    z = phi @ theta
    z = z - z.max(axis=1, keepdims=True)
    p = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
    score = p.copy()
    score[np.arange(T), actions] -= 1.0
    return phi.T @ (psi[:, None] * score)
