"""Reference solution of assignment 14-reinforcement-learning (Chapter 14: reinforcement learning).

Seven tasks: discounted returns computed backwards (with episode ends), the stationary distribution
of a column-stochastic Markov chain, policy evaluation of a finite MDP (the Bellman expectation
equation as a linear system and by iteration), value iteration with greedy policy extraction, the
epsilon-greedy choice driven by a passed-in random generator, the tabular temporal-difference update
(Q-learning and SARSA, no bootstrapping at terminal transitions), and the REINFORCE gradient of a
linear-softmax policy with reward-to-go and a baseline.

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


def policy_evaluation(P, R, policy, gamma, method="direct", tol=1e-10, max_iter=10000):
    """Value function V^pi of a policy in a finite MDP, from the Bellman expectation equation.

    With P_pi[s, s'] = sum_a pi(a|s) P[s, a, s'] and R_pi[s] = sum_a pi(a|s) R[s, a], the value
    function solves V = R_pi + gamma P_pi V.

    * ``method="direct"``: solve the linear system (I - gamma P_pi) V = R_pi.
    * ``method="iterative"``: start from V_0 = 0 and sweep V_{k+1} = R_pi + gamma P_pi V_k (all states
      from V_k); stop at the first k with max_s |V_{k+1}(s) - V_k(s)| < tol and return V_{k+1}, or
      return the last iterate after ``max_iter`` sweeps.

    Parameters
    ----------
    P : array_like, shape (S, A, S)
        Transition probabilities, P[s, a, s'] = p(s' | s, a); P[s, a] sums to 1.
    R : array_like, shape (S, A)
        Expected immediate reward for taking action a in state s.
    policy : array_like
        Either a deterministic policy, an integer array of shape (S,) holding the action taken in
        each state, or a stochastic policy, an array of shape (S, A) with pi(a|s) in row s.
    gamma : float
        Discount factor, 0 <= gamma < 1.
    method : {"direct", "iterative"}, optional
    tol : float, optional
        Stopping tolerance of the iterative method.
    max_iter : int, optional
        Maximum number of sweeps of the iterative method.

    Returns
    -------
    numpy.ndarray of float, shape (S,)
        V^pi.

    Raises
    ------
    ValueError
        If the shapes are inconsistent, gamma is outside [0, 1), or method is unknown.
    """
    P = np.asarray(P, dtype=float)
    R = np.asarray(R, dtype=float)
    if P.ndim != 3 or P.shape[0] != P.shape[2] or R.shape != P.shape[:2]:
        raise ValueError("P must have shape (S, A, S) and R shape (S, A)")
    if not 0.0 <= gamma < 1.0:
        raise ValueError("gamma must lie in [0, 1)")
    if method not in ("direct", "iterative"):
        raise ValueError("method must be 'direct' or 'iterative'")
    n_states, n_actions = R.shape
    policy = np.asarray(policy)
    if policy.shape == (n_states,):
        probabilities = np.zeros((n_states, n_actions))
        probabilities[np.arange(n_states), policy.astype(int)] = 1.0
    elif policy.shape == (n_states, n_actions):
        probabilities = policy.astype(float)
    else:
        raise ValueError("policy must have shape (S,) or (S, A)")
    P_pi = np.einsum("sa,sat->st", probabilities, P)
    R_pi = np.sum(probabilities * R, axis=1)
    if method == "direct":
        return np.linalg.solve(np.eye(n_states) - gamma * P_pi, R_pi)
    V = np.zeros(n_states)
    for _ in range(max_iter):
        V_new = R_pi + gamma * P_pi @ V
        if np.max(np.abs(V_new - V)) < tol:
            return V_new
        V = V_new
    return V


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


def epsilon_greedy(q, epsilon, rng):
    """Choose an action epsilon-greedily from the action values ``q``.

    The random numbers are drawn in a fixed order, so that runs with equally seeded generators agree:

    1. draw u = rng.random() (exactly one call per decision, also when epsilon is 0 or 1);
    2. if u < epsilon, explore: return rng.integers(n_actions), uniform over ALL actions (the greedy
       one included);
    3. otherwise exploit: return the greedy action argmax_a q[a], the smallest index among ties
       (``np.argmax``), without drawing anything else.

    Parameters
    ----------
    q : array_like, shape (n_actions,)
        Action values of the current state, n_actions >= 1.
    epsilon : float
        Exploration probability, 0 <= epsilon <= 1.
    rng : numpy.random.Generator
        The source of randomness (e.g. ``np.random.default_rng(seed)``); no other randomness is used.

    Returns
    -------
    int
        The chosen action.

    Raises
    ------
    ValueError
        If q is not a non-empty 1-D array or epsilon is outside [0, 1] (checked before any draw).
    """
    q = np.asarray(q, dtype=float)
    if q.ndim != 1 or q.size == 0:
        raise ValueError("q must be a non-empty 1-D array")
    if not 0.0 <= epsilon <= 1.0:
        raise ValueError("epsilon must lie in [0, 1]")
    if rng.random() < epsilon:
        return int(rng.integers(q.size))
    return int(np.argmax(q))


def td_update(Q, s, a, r, s_next, done, alpha, gamma, a_next=None):
    """One tabular temporal-difference update of the action-value table Q after a transition.

    The transition: in state s, action a gave the reward r and led to s_next. The target is

    * ``r`` if ``done`` (s_next is terminal: nothing is bootstrapped; s_next and a_next are ignored);
    * ``r + gamma * max_a' Q[s_next, a']`` if ``a_next is None`` (Q-learning, off-policy);
    * ``r + gamma * Q[s_next, a_next]`` otherwise (SARSA, on-policy: a_next is the action actually
      taken next),

    and Q[s, a] moves a fraction alpha towards it: Q[s, a] <- Q[s, a] + alpha * (target - Q[s, a]).
    No other entry changes.

    Parameters
    ----------
    Q : array_like, shape (S, A)
        The current table. It must not be modified.
    s, a : int
        State and action of the transition.
    r : float
        The reward received.
    s_next : int
        The next state.
    done : bool
        Whether s_next is terminal.
    alpha : float
        Learning rate, 0 < alpha <= 1.
    gamma : float
        Discount factor, 0 <= gamma <= 1.
    a_next : int or None, optional
        The next action for SARSA; ``None`` selects Q-learning.

    Returns
    -------
    numpy.ndarray of float, shape (S, A)
        The updated table (a new array).

    Raises
    ------
    ValueError
        If Q is not 2-D, alpha is outside (0, 1], or gamma is outside [0, 1].
    """
    Q = np.array(Q, dtype=float)
    if Q.ndim != 2:
        raise ValueError("Q must be a 2-D array of shape (S, A)")
    if not 0.0 < alpha <= 1.0:
        raise ValueError("alpha must lie in (0, 1]")
    if not 0.0 <= gamma <= 1.0:
        raise ValueError("gamma must lie in [0, 1]")
    if done:
        target = r
    elif a_next is None:
        target = r + gamma * np.max(Q[s_next])
    else:
        target = r + gamma * Q[s_next, a_next]
    Q[s, a] += alpha * (target - Q[s, a])
    return Q


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
