"""Reference solution of assignment 14-reinforcement-learning (Chapter 14: reinforcement learning).

Eight tasks: discounted returns computed backwards (with episode ends), the stationary distribution
of a column-stochastic Markov chain, value iteration with greedy policy extraction, tabular
Q-learning with epsilon-greedy exploration in a fixed order of random draws on a deterministic
environment given as tables (the course's BootSnake gridworld with traps), the targets of a deep
Q-network (with the double-DQN variant), a replay buffer with a fixed capacity and ring overwrite,
the REINFORCE gradient of a linear-softmax policy with reward-to-go and a baseline, and one
actor-critic update with a linear critic (TD-error advantages, the critic descending).

Conventions shared by the MDP tasks: ``P[s, a, s']`` is the probability of moving from state s to
state s' under action a (so ``P[s, a].sum() == 1``), ``R[s, a]`` the expected immediate reward, and
``P @ V`` (shape (S, A)) the expected value of the next state.

Every task function is self-contained apart from ``import numpy as np`` (the notebook's first code
cell), because ``autograder solution`` pastes each function's source into the student notebook.
"""

import numpy as np


def discounted_returns(rewards, gamma, dones=None):
    """Discounted return G_t = r_t + gamma r_{t+1} + gamma^2 r_{t+2} + ... for every step t.

    Compute it backwards with the recursion G_t = r_t + gamma * G_{t+1}, starting from 0 after the
    last step. ``dones[t] = True`` means that the episode ended with step t (the next state is
    terminal): then G_t = r_t, and nothing after step t flows into G_t. A batch of several episodes
    stored one after the other is handled this way. The rewards after the last ``done`` (an episode
    cut off by the end of the array) are summed up to the end of the array, without any estimate of
    what would have come after it.

    Parameters
    ----------
    rewards : array_like, shape (T,)
        The rewards r_0, ..., r_{T-1} (T may be 0).
    gamma : float
        Discount factor, 0 <= gamma <= 1.
    dones : array_like of bool, shape (T,), optional
        Episode ends; ``None`` means no episode ends inside the array.

    Returns
    -------
    numpy.ndarray of float, shape (T,)
        The returns G_0, ..., G_{T-1}.

    Raises
    ------
    ValueError
        If rewards is not 1-D, gamma is outside [0, 1], or dones does not have the shape of rewards.
    """
    rewards = np.asarray(rewards, dtype=float)
    if rewards.ndim != 1:
        raise ValueError("rewards must be a 1-D array")
    if not 0.0 <= gamma <= 1.0:
        raise ValueError("gamma must lie in [0, 1]")
    if dones is None:
        dones = np.zeros(rewards.shape, dtype=bool)
    else:
        dones = np.asarray(dones, dtype=bool)
        if dones.shape != rewards.shape:
            raise ValueError("dones must have the shape of rewards")
    returns = np.empty_like(rewards)
    running = 0.0
    for t in range(rewards.size - 1, -1, -1):
        if dones[t]:
            running = 0.0
        running = rewards[t] + gamma * running
        returns[t] = running
    return returns


def stationary_distribution(P):
    """Stationary distribution of a Markov chain with a column-stochastic transition matrix.

    Convention (the course's): ``P[i, j]`` is the probability of moving to state i from state j, so
    every column sums to 1 and a distribution (a column vector) evolves as x_{t+1} = P x_t. The
    stationary distribution pi satisfies P pi = pi, pi >= 0 and sum(pi) = 1. Assume that it is
    unique (e.g. the chain is irreducible). The chain may be periodic, in which case x_t need not
    converge and repeated multiplication by P does not find pi.

    Parameters
    ----------
    P : array_like, shape (n, n)
        Column-stochastic matrix: entries >= 0, every column sums to 1 (to within 1e-8).

    Returns
    -------
    numpy.ndarray of float, shape (n,)
        pi, accurate to 1e-10, with entries >= 0 that sum to 1.

    Raises
    ------
    ValueError
        If P is not a non-empty square 2-D array, has a negative entry, or a column does not sum to 1.
    """
    P = np.asarray(P, dtype=float)
    if P.ndim != 2 or P.shape[0] != P.shape[1] or P.shape[0] == 0:
        raise ValueError("P must be a non-empty square matrix")
    if np.any(P < 0.0):
        raise ValueError("transition probabilities cannot be negative")
    if not np.allclose(P.sum(axis=0), 1.0, rtol=0.0, atol=1e-8):
        raise ValueError("every column of P must sum to 1 (column-stochastic convention)")
    n = P.shape[0]
    # (P - I) pi = 0 together with sum(pi) = 1: an overdetermined but consistent system
    system = np.vstack([P - np.eye(n), np.ones((1, n))])
    right = np.zeros(n + 1)
    right[-1] = 1.0
    pi = np.linalg.lstsq(system, right, rcond=None)[0]
    pi = np.clip(pi, 0.0, None)
    return pi / pi.sum()


def value_iteration(P, R, gamma, tol=1e-10, max_iter=10000):
    """Optimal value function and a greedy optimal policy of a finite MDP by value iteration.

    Start from V_0 = 0 and sweep synchronously (every state from V_k):

        Q_k[s, a] = R[s, a] + gamma * sum_s' P[s, a, s'] V_k[s'],     V_{k+1}[s] = max_a Q_k[s, a].

    Stop after the first sweep with max_s |V_{k+1}(s) - V_k(s)| < tol, or after ``max_iter`` sweeps.
    The greedy policy is extracted from the returned V: policy[s] = argmax_a (R[s, a] +
    gamma * sum_s' P[s, a, s'] V[s']), the smallest action index among exact ties (``np.argmax``).

    Parameters
    ----------
    P : array_like, shape (S, A, S)
        Transition probabilities, P[s, a, s'] = p(s' | s, a).
    R : array_like, shape (S, A)
        Expected immediate rewards.
    gamma : float
        Discount factor, 0 <= gamma < 1.
    tol : float, optional
        Tolerance on the sup-norm change of V between two sweeps.
    max_iter : int, optional
        Maximum number of sweeps.

    Returns
    -------
    (numpy.ndarray of float, shape (S,), numpy.ndarray of int, shape (S,), int)
        The last iterate V, the greedy policy, and the number of sweeps performed (the sweep that met
        the tolerance included).

    Raises
    ------
    ValueError
        If the shapes are inconsistent or gamma is outside [0, 1).
    """
    P = np.asarray(P, dtype=float)
    R = np.asarray(R, dtype=float)
    if P.ndim != 3 or P.shape[0] != P.shape[2] or R.shape != P.shape[:2]:
        raise ValueError("P must have shape (S, A, S) and R shape (S, A)")
    if not 0.0 <= gamma < 1.0:
        raise ValueError("gamma must lie in [0, 1)")
    V = np.zeros(R.shape[0])
    sweeps = 0
    while sweeps < max_iter:
        V_new = np.max(R + gamma * P @ V, axis=1)
        sweeps += 1
        change = np.max(np.abs(V_new - V))
        V = V_new
        if change < tol:
            break
    policy = np.argmax(R + gamma * P @ V, axis=1)
    return V, policy, sweeps


def q_learning(next_state, reward, done, starts, n_episodes, alpha, gamma, epsilon, rng, max_steps=100):
    """Tabular Q-learning with epsilon-greedy exploration on a deterministic environment.

    The environment is given as three tables of shape (S, A): action a in state s leads to state
    ``next_state[s, a]``, pays ``reward[s, a]`` and ends the episode if ``done[s, a]``. Q starts at
    zero. Every episode runs as follows, drawing the random numbers in exactly this order:

    1. the start state: s = starts[rng.integers(len(starts))];
    2. then at most ``max_steps`` steps, each of them:

       a. epsilon-greedy: draw u = rng.random() (one call per step); if u < epsilon, explore with
          a = rng.integers(A), uniform over ALL actions; otherwise exploit with a = argmax_a Q[s, a],
          the smallest index among ties (``np.argmax``), without drawing anything else;
       b. s2, r, d = next_state[s, a], reward[s, a], done[s, a];
       c. the target is r if d (nothing is bootstrapped from s2, whatever its values), otherwise
          r + gamma * max_a' Q[s2, a']; update Q[s, a] += alpha * (target - Q[s, a]);
       d. add r to the episode's return; continue from s = s2; stop the episode if d.

    An episode that reaches ``max_steps`` without ``done`` is cut off (its last update bootstraps as
    usual). Updates take effect immediately (the table is changed in place, step by step).

    Parameters
    ----------
    next_state : array_like of int, shape (S, A)
        Next states, 0 <= next_state[s, a] < S.
    reward : array_like of float, shape (S, A)
        Rewards.
    done : array_like of bool, shape (S, A)
        Whether the transition ends the episode.
    starts : array_like of int, shape (n_starts,)
        The states an episode may start in (n_starts >= 1), drawn uniformly.
    n_episodes : int
        Number of episodes, >= 0.
    alpha : float
        Learning rate, 0 < alpha <= 1.
    gamma : float
        Discount factor, 0 <= gamma <= 1.
    epsilon : float
        Exploration probability, 0 <= epsilon <= 1.
    rng : numpy.random.Generator
        The only source of randomness.
    max_steps : int, optional
        The longest episode, >= 1.

    Returns
    -------
    (numpy.ndarray of float, shape (S, A), numpy.ndarray of float, shape (n_episodes,))
        The learned table Q and the return of every episode (the plain, undiscounted sum of its
        rewards).

    Raises
    ------
    ValueError
        If the tables do not share one 2-D shape, a next state or start state lies outside
        [0, S), starts is empty, alpha, gamma or epsilon is out of range, n_episodes < 0 or
        max_steps < 1 (all checked before any random draw).
    """
    next_state = np.asarray(next_state)
    reward = np.asarray(reward, dtype=float)
    done = np.asarray(done, dtype=bool)
    starts = np.asarray(starts)
    if next_state.ndim != 2 or next_state.size == 0 or reward.shape != next_state.shape \
            or done.shape != next_state.shape:
        raise ValueError("next_state, reward and done must be non-empty tables of one shape (S, A)")
    n_states, n_actions = next_state.shape
    next_state = next_state.astype(int)
    if np.any(next_state < 0) or np.any(next_state >= n_states):
        raise ValueError("next states must lie in [0, S)")
    if starts.ndim != 1 or starts.size == 0 or np.any(starts < 0) or np.any(starts >= n_states):
        raise ValueError("starts must be a non-empty 1-D array of states")
    starts = starts.astype(int)
    if not 0.0 < alpha <= 1.0:
        raise ValueError("alpha must lie in (0, 1]")
    if not 0.0 <= gamma <= 1.0:
        raise ValueError("gamma must lie in [0, 1]")
    if not 0.0 <= epsilon <= 1.0:
        raise ValueError("epsilon must lie in [0, 1]")
    if n_episodes < 0 or max_steps < 1:
        raise ValueError("n_episodes must be >= 0 and max_steps >= 1")
    Q = np.zeros((n_states, n_actions))
    returns = np.zeros(int(n_episodes))
    for episode in range(int(n_episodes)):
        s = int(starts[rng.integers(starts.size)])
        total = 0.0
        for _ in range(int(max_steps)):
            if rng.random() < epsilon:
                a = int(rng.integers(n_actions))
            else:
                a = int(np.argmax(Q[s]))
            s_next, r, ends = int(next_state[s, a]), reward[s, a], bool(done[s, a])
            target = r if ends else r + gamma * np.max(Q[s_next])
            Q[s, a] += alpha * (target - Q[s, a])
            total += r
            s = s_next
            if ends:
                break
        returns[episode] = total
    return Q, returns


def dqn_targets(rewards, dones, q_next_target, gamma, q_next_online=None):
    """Regression targets y of a deep Q-network for a minibatch of transitions (s, a, r, s', done).

    * DQN (``q_next_online is None``): y = r + gamma * max_a' Q_target(s', a');
    * double DQN: the online network chooses the next action, the target network evaluates it,
      a* = argmax_a' Q_online(s', a') (smallest index among ties) and y = r + gamma * Q_target(s', a*).

    At a terminal transition (``done``) nothing is bootstrapped: y = r, whatever the network
    outputs for s'. In one formula, y = r + gamma * (1 - done) * (bootstrapped value).

    Parameters
    ----------
    rewards : array_like, shape (B,)
        Rewards r_j of the batch.
    dones : array_like of bool, shape (B,)
        Whether s'_j is terminal.
    q_next_target : array_like, shape (B, A)
        Q_target(s'_j, a') of the target network (the copy refreshed every C steps) for every action.
    gamma : float
        Discount factor, 0 <= gamma <= 1.
    q_next_online : array_like, shape (B, A), optional
        Q_online(s'_j, a') of the online network; selects double DQN.

    Returns
    -------
    numpy.ndarray of float, shape (B,)
        The targets y_j.

    Raises
    ------
    ValueError
        If the shapes are inconsistent (A >= 1) or gamma is outside [0, 1].
    """
    rewards = np.asarray(rewards, dtype=float)
    dones = np.asarray(dones, dtype=bool)
    q_next_target = np.asarray(q_next_target, dtype=float)
    if rewards.ndim != 1 or dones.shape != rewards.shape:
        raise ValueError("rewards and dones must be 1-D arrays of one length B")
    if q_next_target.ndim != 2 or q_next_target.shape[0] != rewards.size or q_next_target.shape[1] == 0:
        raise ValueError("q_next_target must have shape (B, A) with A >= 1")
    if not 0.0 <= gamma <= 1.0:
        raise ValueError("gamma must lie in [0, 1]")
    rows = np.arange(rewards.size)
    if q_next_online is None:
        bootstrap = np.max(q_next_target, axis=1) if rewards.size else np.zeros(0)
    else:
        q_next_online = np.asarray(q_next_online, dtype=float)
        if q_next_online.shape != q_next_target.shape:
            raise ValueError("q_next_online must have the shape of q_next_target")
        bootstrap = q_next_target[rows, np.argmax(q_next_online, axis=1)] if rewards.size else np.zeros(0)
    return rewards + gamma * np.where(dones, 0.0, bootstrap)


class ReplayBuffer:
    """Experience replay: the last ``capacity`` transitions (s, a, r, s', done), sampled uniformly.

    Storage is a ring of ``capacity`` slots, preallocated as numpy arrays: the k-th transition
    pushed (k = 0, 1, 2, ...) goes into slot k % capacity, so once the buffer is full every push
    overwrites the OLDEST transition. ``len(buffer)`` is the number of transitions stored,
    min(number pushed, capacity).

    ``sample(batch_size, rng)`` draws the slots idx = rng.choice(len(self), size=batch_size,
    replace=False) (exactly this one call: uniform, without replacement, among the filled slots)
    and returns the transitions in these slots, in this order, as a tuple of five new arrays
    (states (B, state_dim), actions (B,) int, rewards (B,) float, next_states (B, state_dim),
    dones (B,) bool). Different buffers share no storage.

    Parameters
    ----------
    capacity : int
        Number of slots, >= 1.
    state_dim : int
        Length of a state vector, >= 1.

    Raises
    ------
    ValueError
        From the constructor if capacity < 1 or state_dim < 1; from ``push`` if a state does not have
        shape (state_dim,); from ``sample`` if batch_size < 1 or batch_size > len(self) (before any
        draw).
    """

    def __init__(self, capacity, state_dim):
        if capacity < 1 or state_dim < 1:
            raise ValueError("capacity and state_dim must be at least 1")
        self.capacity, self.state_dim = int(capacity), int(state_dim)
        self.states = np.zeros((self.capacity, self.state_dim))
        self.actions = np.zeros(self.capacity, dtype=int)
        self.rewards = np.zeros(self.capacity)
        self.next_states = np.zeros((self.capacity, self.state_dim))
        self.dones = np.zeros(self.capacity, dtype=bool)
        self.pushed = 0

    def __len__(self):
        return min(self.pushed, self.capacity)

    def push(self, state, action, reward, next_state, done):
        """Store one transition, overwriting the oldest one when the buffer is full."""
        state = np.asarray(state, dtype=float)
        next_state = np.asarray(next_state, dtype=float)
        if state.shape != (self.state_dim,) or next_state.shape != (self.state_dim,):
            raise ValueError("states must have shape (state_dim,)")
        slot = self.pushed % self.capacity
        self.states[slot] = state
        self.actions[slot] = action
        self.rewards[slot] = reward
        self.next_states[slot] = next_state
        self.dones[slot] = done
        self.pushed += 1

    def sample(self, batch_size, rng):
        """A minibatch (states, actions, rewards, next_states, dones) of distinct stored transitions."""
        if not 1 <= batch_size <= len(self):
            raise ValueError("batch_size must lie between 1 and the number of stored transitions")
        idx = rng.choice(len(self), size=batch_size, replace=False)
        return (self.states[idx], self.actions[idx], self.rewards[idx], self.next_states[idx],
                self.dones[idx])


def reinforce_gradient(theta, phi, actions, rewards, gamma, baseline=None):
    """REINFORCE estimate of the policy gradient of a linear-softmax policy from one episode.

    The policy: logits z_t = phi[t] @ theta (shape (A,)) and pi_theta(a | s_t) = softmax(z_t)[a].
    Its score function is grad_theta log pi_theta(a_t | s_t) = outer(phi[t], e_{a_t} - pi_t), with the
    one-hot vector e_{a_t} and the probability vector pi_t. The estimate is

        g = sum_t (G_t - b_t) * outer(phi[t], e_{a_t} - pi_t),

    with the discounted reward-to-go G_t = sum_{t' >= t} gamma^(t' - t) r_{t'} and the baseline b_t
    (0 if ``baseline is None``). g is the direction of steepest ASCENT of the expected return:
    a learning step is theta <- theta + lr * g. The softmax must stay finite for large logits
    (|z| up to 1e3): subtract the largest logit before exponentiating.

    Parameters
    ----------
    theta : array_like, shape (d, A)
        Policy parameters.
    phi : array_like, shape (T, d)
        Feature vectors phi(s_t) of the visited states, one row per step.
    actions : array_like of int, shape (T,)
        Actions taken, 0 <= a_t < A.
    rewards : array_like, shape (T,)
        Rewards received.
    gamma : float
        Discount factor, 0 <= gamma <= 1.
    baseline : array_like, shape (T,), optional
        Baseline values b_t = b(s_t).

    Returns
    -------
    numpy.ndarray of float, shape (d, A)
        The gradient estimate g (zeros for an empty episode, T = 0).

    Raises
    ------
    ValueError
        If the shapes are inconsistent or gamma is outside [0, 1].
    """
    theta = np.asarray(theta, dtype=float)
    phi = np.asarray(phi, dtype=float)
    actions = np.asarray(actions, dtype=int)
    rewards = np.asarray(rewards, dtype=float)
    if theta.ndim != 2 or phi.ndim != 2 or phi.shape[1] != theta.shape[0]:
        raise ValueError("theta must have shape (d, A) and phi shape (T, d)")
    n_steps = phi.shape[0]
    if actions.shape != (n_steps,) or rewards.shape != (n_steps,):
        raise ValueError("actions and rewards need one entry per step")
    if not 0.0 <= gamma <= 1.0:
        raise ValueError("gamma must lie in [0, 1]")
    returns = np.empty(n_steps)
    running = 0.0
    for t in range(n_steps - 1, -1, -1):
        running = rewards[t] + gamma * running
        returns[t] = running
    if baseline is not None:
        baseline = np.asarray(baseline, dtype=float)
        if baseline.shape != (n_steps,):
            raise ValueError("baseline needs one entry per step")
        returns = returns - baseline
    logits = phi @ theta
    logits = logits - np.max(logits, axis=1, keepdims=True)
    probabilities = np.exp(logits)
    probabilities /= np.sum(probabilities, axis=1, keepdims=True)
    score = -probabilities
    score[np.arange(n_steps), actions] += 1.0
    return phi.T @ (returns[:, np.newaxis] * score)


def actor_critic_update(theta, w, phi, actions, rewards, phi_next, dones, gamma, lr_actor, lr_critic):
    """One actor-critic update from a batch of transitions (s_t, a_t, r_t, s'_t, done_t).

    Actor: the linear-softmax policy of ``reinforce_gradient``, pi_theta(. | s) = softmax(phi(s) @ theta)
    (subtract the largest logit before exponentiating). Critic: the linear value estimate
    V_w(s) = phi(s) @ w. With the CURRENT parameters (before either update), every transition gives
    the TD error, the one-step estimate of the advantage,

        delta_t = r_t + gamma * (1 - done_t) * V_w(s'_t) - V_w(s_t)

    (at a terminal transition delta_t = r_t - V_w(s_t), whatever phi_next holds). Then both
    parameters move, each from the same delta:

    * the critic DESCENDS the squared TD error L(w) = 1/2 sum_t (y_t - V_w(s_t))^2 with the targets
      y_t = r_t + gamma (1 - done_t) V_w(s'_t) held fixed (semi-gradient): grad_w L = -sum_t delta_t
      phi(s_t), so w_new = w - lr_critic * grad_w L = w + lr_critic * sum_t delta_t phi(s_t);
    * the actor ASCENDS along delta_t grad log pi: theta_new = theta + lr_actor * sum_t delta_t *
      outer(phi(s_t), e_{a_t} - pi_theta(. | s_t)).

    Parameters
    ----------
    theta : array_like, shape (d, A)
        Actor parameters.
    w : array_like, shape (d,)
        Critic parameters.
    phi : array_like, shape (T, d)
        Features of the states s_t.
    actions : array_like of int, shape (T,)
        Actions a_t taken, 0 <= a_t < A.
    rewards : array_like, shape (T,)
        Rewards r_t.
    phi_next : array_like, shape (T, d)
        Features of the next states s'_t.
    dones : array_like of bool, shape (T,)
        Whether s'_t is terminal.
    gamma : float
        Discount factor, 0 <= gamma <= 1.
    lr_actor, lr_critic : float
        Step sizes, >= 0.

    Returns
    -------
    (numpy.ndarray, shape (d, A), numpy.ndarray, shape (d,), numpy.ndarray, shape (T,))
        theta_new, w_new and the TD errors delta.

    Raises
    ------
    ValueError
        If the shapes are inconsistent, gamma is outside [0, 1] or a step size is negative.
    """
    theta = np.asarray(theta, dtype=float)
    w = np.asarray(w, dtype=float)
    phi = np.asarray(phi, dtype=float)
    phi_next = np.asarray(phi_next, dtype=float)
    actions = np.asarray(actions, dtype=int)
    rewards = np.asarray(rewards, dtype=float)
    dones = np.asarray(dones, dtype=bool)
    if theta.ndim != 2 or w.shape != (theta.shape[0],):
        raise ValueError("theta must have shape (d, A) and w shape (d,)")
    if phi.ndim != 2 or phi.shape[1] != theta.shape[0] or phi_next.shape != phi.shape:
        raise ValueError("phi and phi_next must have shape (T, d)")
    n_steps = phi.shape[0]
    if actions.shape != (n_steps,) or rewards.shape != (n_steps,) or dones.shape != (n_steps,):
        raise ValueError("actions, rewards and dones need one entry per transition")
    if not 0.0 <= gamma <= 1.0:
        raise ValueError("gamma must lie in [0, 1]")
    if lr_actor < 0.0 or lr_critic < 0.0:
        raise ValueError("the step sizes cannot be negative")
    delta = rewards + gamma * np.where(dones, 0.0, phi_next @ w) - phi @ w
    logits = phi @ theta
    logits = logits - np.max(logits, axis=1, keepdims=True)
    probabilities = np.exp(logits)
    probabilities /= np.sum(probabilities, axis=1, keepdims=True)
    score = -probabilities
    score[np.arange(n_steps), actions] += 1.0
    theta_new = theta + lr_actor * (phi.T @ (delta[:, np.newaxis] * score))
    w_new = w + lr_critic * (phi.T @ delta)
    return theta_new, w_new, delta
