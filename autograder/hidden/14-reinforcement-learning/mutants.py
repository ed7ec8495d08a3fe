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


# --- q_learning ---------------------------------------------------------------------------------

@mutant("bootstraps from the next state also at terminal transitions")
def q_learning__bootstraps_terminal(next_state, reward, done, starts, n_episodes, alpha, gamma, epsilon, rng,
                                    max_steps=100):
    next_state, reward, done, starts = (np.asarray(x) for x in (next_state, reward, done, starts))
    if next_state.ndim != 2 or reward.shape != next_state.shape or done.shape != next_state.shape \
            or np.any(next_state < 0) or np.any(next_state >= next_state.shape[0]) or starts.size == 0:
        raise ValueError("bad tables")
    if not (0 < alpha <= 1 and 0 <= gamma <= 1 and 0 <= epsilon <= 1 and n_episodes >= 0 and max_steps >= 1):
        raise ValueError("bad parameters")
    Q = np.zeros(next_state.shape)
    returns = np.zeros(n_episodes)
    for episode in range(n_episodes):
        s = int(starts[rng.integers(len(starts))])
        for _ in range(max_steps):
            a = int(rng.integers(Q.shape[1])) if rng.random() < epsilon else int(np.argmax(Q[s]))
            s2, r = int(next_state[s, a]), float(reward[s, a])
            Q[s, a] += alpha * (r + gamma * np.max(Q[s2]) - Q[s, a])
            returns[episode] += r
            ends = done[s, a]
            s = s2
            if ends:
                break
    return Q, returns


@mutant("draws the random action on every step, so the sequence of random numbers shifts")
def q_learning__always_draws_action(next_state, reward, done, starts, n_episodes, alpha, gamma, epsilon, rng,
                                    max_steps=100):
    next_state, reward, done, starts = (np.asarray(x) for x in (next_state, reward, done, starts))
    if next_state.ndim != 2 or reward.shape != next_state.shape or done.shape != next_state.shape \
            or np.any(next_state < 0) or np.any(next_state >= next_state.shape[0]) or starts.size == 0:
        raise ValueError("bad tables")
    if not (0 < alpha <= 1 and 0 <= gamma <= 1 and 0 <= epsilon <= 1 and n_episodes >= 0 and max_steps >= 1):
        raise ValueError("bad parameters")
    Q = np.zeros(next_state.shape)
    returns = np.zeros(n_episodes)
    for episode in range(n_episodes):
        s = int(starts[rng.integers(len(starts))])
        for _ in range(max_steps):
            u = rng.random()
            random_action = int(rng.integers(Q.shape[1]))
            a = random_action if u < epsilon else int(np.argmax(Q[s]))
            s2, r, ends = int(next_state[s, a]), float(reward[s, a]), bool(done[s, a])
            target = r if ends else r + gamma * np.max(Q[s2])
            Q[s, a] += alpha * (target - Q[s, a])
            returns[episode] += r
            s = s2
            if ends:
                break
    return Q, returns


@mutant("explores when u > epsilon instead of u < epsilon")
def q_learning__inverted_epsilon(next_state, reward, done, starts, n_episodes, alpha, gamma, epsilon, rng,
                                 max_steps=100):
    next_state, reward, done, starts = (np.asarray(x) for x in (next_state, reward, done, starts))
    if next_state.ndim != 2 or reward.shape != next_state.shape or done.shape != next_state.shape \
            or np.any(next_state < 0) or np.any(next_state >= next_state.shape[0]) or starts.size == 0:
        raise ValueError("bad tables")
    if not (0 < alpha <= 1 and 0 <= gamma <= 1 and 0 <= epsilon <= 1 and n_episodes >= 0 and max_steps >= 1):
        raise ValueError("bad parameters")
    Q = np.zeros(next_state.shape)
    returns = np.zeros(n_episodes)
    for episode in range(n_episodes):
        s = int(starts[rng.integers(len(starts))])
        for _ in range(max_steps):
            a = int(rng.integers(Q.shape[1])) if rng.random() > epsilon else int(np.argmax(Q[s]))
            s2, r, ends = int(next_state[s, a]), float(reward[s, a]), bool(done[s, a])
            target = r if ends else r + gamma * np.max(Q[s2])
            Q[s, a] += alpha * (target - Q[s, a])
            returns[episode] += r
            s = s2
            if ends:
                break
    return Q, returns


@mutant("does not stop the episode at done: it runs on from the terminal state until max_steps")
def q_learning__no_break_at_done(next_state, reward, done, starts, n_episodes, alpha, gamma, epsilon, rng,
                                 max_steps=100):
    next_state, reward, done, starts = (np.asarray(x) for x in (next_state, reward, done, starts))
    if next_state.ndim != 2 or reward.shape != next_state.shape or done.shape != next_state.shape \
            or np.any(next_state < 0) or np.any(next_state >= next_state.shape[0]) or starts.size == 0:
        raise ValueError("bad tables")
    if not (0 < alpha <= 1 and 0 <= gamma <= 1 and 0 <= epsilon <= 1 and n_episodes >= 0 and max_steps >= 1):
        raise ValueError("bad parameters")
    Q = np.zeros(next_state.shape)
    returns = np.zeros(n_episodes)
    for episode in range(n_episodes):
        s = int(starts[rng.integers(len(starts))])
        for _ in range(max_steps):
            a = int(rng.integers(Q.shape[1])) if rng.random() < epsilon else int(np.argmax(Q[s]))
            s2, r, ends = int(next_state[s, a]), float(reward[s, a]), bool(done[s, a])
            target = r if ends else r + gamma * np.max(Q[s2])
            Q[s, a] += alpha * (target - Q[s, a])
            returns[episode] += r
            s = s2
    return Q, returns


# --- dqn_targets --------------------------------------------------------------------------------

@mutant("no terminal mask: bootstraps from Q_target(s', .) also when done")
def dqn_targets__no_terminal_mask(rewards, dones, q_next_target, gamma, q_next_online=None):
    rewards, q_next_target = np.asarray(rewards, dtype=float), np.asarray(q_next_target, dtype=float)
    if rewards.ndim != 1 or np.shape(dones) != rewards.shape or q_next_target.ndim != 2 \
            or q_next_target.shape[0] != rewards.size or not 0 <= gamma <= 1:
        raise ValueError("bad input")
    if q_next_online is None:
        return rewards + gamma * np.max(q_next_target, axis=1)
    q_next_online = np.asarray(q_next_online, dtype=float)
    if q_next_online.shape != q_next_target.shape:
        raise ValueError("bad online values")
    best = np.argmax(q_next_online, axis=1)
    return rewards + gamma * q_next_target[np.arange(rewards.size), best]


@mutant("double DQN takes the max over the online network instead of evaluating with the target one")
def dqn_targets__max_over_online(rewards, dones, q_next_target, gamma, q_next_online=None):
    rewards, q_next_target = np.asarray(rewards, dtype=float), np.asarray(q_next_target, dtype=float)
    dones = np.asarray(dones, dtype=bool)
    if rewards.ndim != 1 or dones.shape != rewards.shape or q_next_target.ndim != 2 \
            or q_next_target.shape[0] != rewards.size or not 0 <= gamma <= 1:
        raise ValueError("bad input")
    values = q_next_target if q_next_online is None else np.asarray(q_next_online, dtype=float)
    if values.shape != q_next_target.shape:
        raise ValueError("bad online values")
    return rewards + gamma * (1.0 - dones) * np.max(values, axis=1)


@mutant("double DQN with the roles swapped: the target network picks, the online network evaluates")
def dqn_targets__swapped_roles(rewards, dones, q_next_target, gamma, q_next_online=None):
    rewards, q_next_target = np.asarray(rewards, dtype=float), np.asarray(q_next_target, dtype=float)
    dones = np.asarray(dones, dtype=bool)
    if rewards.ndim != 1 or dones.shape != rewards.shape or q_next_target.ndim != 2 \
            or q_next_target.shape[0] != rewards.size or not 0 <= gamma <= 1:
        raise ValueError("bad input")
    if q_next_online is None:
        bootstrap = np.max(q_next_target, axis=1)
    else:
        q_next_online = np.asarray(q_next_online, dtype=float)
        if q_next_online.shape != q_next_target.shape:
            raise ValueError("bad online values")
        bootstrap = q_next_online[np.arange(rewards.size), np.argmax(q_next_target, axis=1)]
    return rewards + gamma * (1.0 - dones) * bootstrap


# --- ReplayBuffer -------------------------------------------------------------------------------

@mutant("never evicts: a list that grows past the capacity")
class ReplayBuffer__no_eviction:
    def __init__(self, capacity, state_dim):
        if capacity < 1 or state_dim < 1:
            raise ValueError("bad size")
        self.state_dim = state_dim
        self.memory = []

    def __len__(self):
        return len(self.memory)

    def push(self, state, action, reward, next_state, done):
        if np.shape(state) != (self.state_dim,) or np.shape(next_state) != (self.state_dim,):
            raise ValueError("bad state")
        self.memory.append((np.asarray(state, dtype=float), int(action), float(reward),
                            np.asarray(next_state, dtype=float), bool(done)))

    def sample(self, batch_size, rng):
        if not 1 <= batch_size <= len(self):
            raise ValueError("bad batch size")
        idx = rng.choice(len(self), size=batch_size, replace=False)
        batch = [self.memory[i] for i in idx]
        return tuple(np.array([t[k] for t in batch]) for k in range(5))


@mutant("samples with replacement (rng.integers), so a minibatch may repeat a transition")
class ReplayBuffer__with_replacement:
    def __init__(self, capacity, state_dim):
        if capacity < 1 or state_dim < 1:
            raise ValueError("bad size")
        self.capacity, self.state_dim, self.pushed = capacity, state_dim, 0
        self.states, self.next_states = np.zeros((capacity, state_dim)), np.zeros((capacity, state_dim))
        self.actions, self.rewards = np.zeros(capacity, dtype=int), np.zeros(capacity)
        self.dones = np.zeros(capacity, dtype=bool)

    def __len__(self):
        return min(self.pushed, self.capacity)

    def push(self, state, action, reward, next_state, done):
        if np.shape(state) != (self.state_dim,) or np.shape(next_state) != (self.state_dim,):
            raise ValueError("bad state")
        slot = self.pushed % self.capacity
        self.states[slot], self.actions[slot], self.rewards[slot] = state, action, reward
        self.next_states[slot], self.dones[slot] = next_state, done
        self.pushed += 1

    def sample(self, batch_size, rng):
        if not 1 <= batch_size <= len(self):
            raise ValueError("bad batch size")
        idx = rng.integers(len(self), size=batch_size)
        return self.states[idx], self.actions[idx], self.rewards[idx], self.next_states[idx], self.dones[idx]


@mutant("samples among all capacity slots, the empty ones included, before the buffer is full")
class ReplayBuffer__samples_empty_slots:
    def __init__(self, capacity, state_dim):
        if capacity < 1 or state_dim < 1:
            raise ValueError("bad size")
        self.capacity, self.state_dim, self.pushed = capacity, state_dim, 0
        self.states, self.next_states = np.zeros((capacity, state_dim)), np.zeros((capacity, state_dim))
        self.actions, self.rewards = np.zeros(capacity, dtype=int), np.zeros(capacity)
        self.dones = np.zeros(capacity, dtype=bool)

    def __len__(self):
        return min(self.pushed, self.capacity)

    def push(self, state, action, reward, next_state, done):
        if np.shape(state) != (self.state_dim,) or np.shape(next_state) != (self.state_dim,):
            raise ValueError("bad state")
        slot = self.pushed % self.capacity
        self.states[slot], self.actions[slot], self.rewards[slot] = state, action, reward
        self.next_states[slot], self.dones[slot] = next_state, done
        self.pushed += 1

    def sample(self, batch_size, rng):
        if not 1 <= batch_size <= len(self):
            raise ValueError("bad batch size")
        idx = rng.choice(self.capacity, size=batch_size, replace=False)
        return self.states[idx], self.actions[idx], self.rewards[idx], self.next_states[idx], self.dones[idx]


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


# --- actor_critic_update ------------------------------------------------------------------------

@mutant("the critic ASCENDS its loss (the course script's sign): w - lr_critic sum delta phi")
def actor_critic_update__critic_ascends(theta, w, phi, actions, rewards, phi_next, dones, gamma, lr_actor,
                                        lr_critic):
    theta, w, phi, phi_next = (np.asarray(x, dtype=float) for x in (theta, w, phi, phi_next))
    actions, rewards, dones = np.asarray(actions, dtype=int), np.asarray(rewards, dtype=float), np.asarray(dones)
    T = phi.shape[0] if phi.ndim == 2 else -1
    if theta.ndim != 2 or w.shape != (theta.shape[0],) or phi.ndim != 2 or phi.shape[1] != theta.shape[0] \
            or phi_next.shape != phi.shape or actions.shape != (T,) or rewards.shape != (T,) or dones.shape != (T,) \
            or not 0 <= gamma <= 1 or lr_actor < 0 or lr_critic < 0:
        raise ValueError("bad input")
    delta = rewards + gamma * (1.0 - dones) * (phi_next @ w) - phi @ w
    z = phi @ theta
    p = np.exp(z - z.max(axis=1, keepdims=True))
    p /= p.sum(axis=1, keepdims=True)
    score = -p
    score[np.arange(T), actions] += 1.0
    return theta + lr_actor * phi.T @ (delta[:, None] * score), w - lr_critic * phi.T @ delta, delta


@mutant("no terminal mask: the TD error bootstraps from V(s') also when done")
def actor_critic_update__no_terminal_mask(theta, w, phi, actions, rewards, phi_next, dones, gamma, lr_actor,
                                          lr_critic):
    theta, w, phi, phi_next = (np.asarray(x, dtype=float) for x in (theta, w, phi, phi_next))
    actions, rewards, dones = np.asarray(actions, dtype=int), np.asarray(rewards, dtype=float), np.asarray(dones)
    T = phi.shape[0] if phi.ndim == 2 else -1
    if theta.ndim != 2 or w.shape != (theta.shape[0],) or phi.ndim != 2 or phi.shape[1] != theta.shape[0] \
            or phi_next.shape != phi.shape or actions.shape != (T,) or rewards.shape != (T,) or dones.shape != (T,) \
            or not 0 <= gamma <= 1 or lr_actor < 0 or lr_critic < 0:
        raise ValueError("bad input")
    delta = rewards + gamma * (phi_next @ w) - phi @ w
    z = phi @ theta
    p = np.exp(z - z.max(axis=1, keepdims=True))
    p /= p.sum(axis=1, keepdims=True)
    score = -p
    score[np.arange(T), actions] += 1.0
    return theta + lr_actor * phi.T @ (delta[:, None] * score), w + lr_critic * phi.T @ delta, delta


@mutant("updates the critic first and computes the actor's TD error with the new critic")
def actor_critic_update__actor_uses_new_critic(theta, w, phi, actions, rewards, phi_next, dones, gamma, lr_actor,
                                               lr_critic):
    theta, w, phi, phi_next = (np.asarray(x, dtype=float) for x in (theta, w, phi, phi_next))
    actions, rewards, dones = np.asarray(actions, dtype=int), np.asarray(rewards, dtype=float), np.asarray(dones)
    T = phi.shape[0] if phi.ndim == 2 else -1
    if theta.ndim != 2 or w.shape != (theta.shape[0],) or phi.ndim != 2 or phi.shape[1] != theta.shape[0] \
            or phi_next.shape != phi.shape or actions.shape != (T,) or rewards.shape != (T,) or dones.shape != (T,) \
            or not 0 <= gamma <= 1 or lr_actor < 0 or lr_critic < 0:
        raise ValueError("bad input")
    delta = rewards + gamma * (1.0 - dones) * (phi_next @ w) - phi @ w
    w_new = w + lr_critic * phi.T @ delta
    delta_new = rewards + gamma * (1.0 - dones) * (phi_next @ w_new) - phi @ w_new
    z = phi @ theta
    p = np.exp(z - z.max(axis=1, keepdims=True))
    p /= p.sum(axis=1, keepdims=True)
    score = -p
    score[np.arange(T), actions] += 1.0
    return theta + lr_actor * phi.T @ (delta_new[:, None] * score), w_new, delta
