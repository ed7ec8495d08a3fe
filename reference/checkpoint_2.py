"""Reference solution of the quiz checkpoint-2 (Chapter 16: review of chapters 12-15).

Five tasks: ten multiple-choice questions (generative modelling, ML hardware, reinforcement
learning, physics-informed ML), four numeric answers (the KL divergence of two 1-D Gaussians, the
memory of a float32 batch and feature map, a discounted return, the midspan deflection of a simply
supported beam), and three short computations: the reparametrised sample and the KL term of a
diagonal-Gaussian VAE encoder, one Bellman optimality backup of a tabular Q with terminal states,
and a trial function with hard boundary conditions on [0, 1] with its first two derivatives.

Every task function is self-contained apart from ``import numpy as np`` (the notebook's first code
cell), because ``autograder solution`` pastes each function's source into the student notebook.
"""

import numpy as np


def multiple_choice():
    """Your answers to the multiple-choice questions 1-10.

    Returns
    -------
    dict
        ``{question number: letter}`` with the int keys 1, 2, ..., 10 and one lower-case letter
        "a", "b", "c" or "d" per question, e.g. ``{1: "a", 2: "d", ..., 10: "b"}``.
    """
    return {
        1: "b",   # generative p(x, y) can sample new x; discriminative p(y|x) cannot
        2: "c",   # the KL term pulls q(z|x) to the prior N(0, I): a regular latent space to sample
        3: "a",   # mode collapse (posterior collapse is the VAE's decoder ignoring z)
        4: "d",   # log(1 - D) saturates where D(G(z)) ~ 0; same fixed point, stronger gradient
        5: "c",   # batch 1: matrix-vector products, memory-bound; a batch reuses every weight
        6: "a",   # bfloat16: float32's 8 exponent bits, 7 mantissa bits; float16: 5 and 10
        7: "b",   # Q-learning is off-policy (greedy target), SARSA on-policy
        8: "d",   # gamma^k weights, finite return, horizon ~ 1/(1 - gamma), gamma = 0 myopic
        9: "c",   # spectral bias; Fourier features
        10: "a",  # (i) soft, (ii) hard boundary conditions
    }


def numeric_answers():
    """Your answers to the numeric questions 11-14.

    Returns
    -------
    dict
        ``{question number: value}`` with the int keys 11, 12, 13, 14 and one finite float per
        question, in the unit that the question asks for.
    """
    answers = {}
    # 11: KL(q || p) of q = N(1, 0.5^2) from p = N(0, 2^2)
    mu_q, sigma_q, mu_p, sigma_p = 1.0, 0.5, 0.0, 2.0
    answers[11] = (np.log(sigma_p / sigma_q)
                   + (sigma_q ** 2 + (mu_q - mu_p) ** 2) / (2.0 * sigma_p ** 2) - 0.5)
    # 12: input batch and output feature maps of a 'same' convolution, float32, in MB (1e6 bytes)
    batch, height, width, channels_in, filters = 32, 128, 128, 3, 32
    answers[12] = batch * height * width * (channels_in + filters) * 4 / 1e6
    # 13: discounted return G_0 of the rewards -1, -1, -1, +10 with gamma = 0.9
    gamma = 0.9
    answers[13] = sum(gamma ** t * r for t, r in enumerate([-1.0, -1.0, -1.0, 10.0]))
    # 14: midspan deflection 5 q L^4 / (384 E I) of a simply supported beam, in mm
    q, length, young, inertia = 2.0e3, 4.0, 210e9, 8.0e-6
    answers[14] = 5.0 * q * length ** 4 / (384.0 * young * inertia) * 1e3
    return {number: float(value) for number, value in answers.items()}


def vae_sample_and_kl(mu, log_var, eps):
    """Reparametrised sample and KL term of a diagonal-Gaussian VAE encoder.

    The encoder gives, for every input, the mean ``mu`` and the log-variance
    ``log_var = log(sigma**2)`` of q(z|x) = N(mu, diag(sigma**2)) over a latent space of
    dimension d (the last axis). With a standard-normal draw ``eps`` the reparametrised sample is

        z = mu + sigma * eps,        sigma = exp(log_var / 2),

    and the KL divergence of q(z|x) from the prior N(0, I) is, for every sample,

        KL = -1/2 * sum_j (1 + log_var_j - mu_j**2 - exp(log_var_j))    (sum over the d latent axes).

    Parameters
    ----------
    mu, log_var, eps : array_like of float, all of the same shape (..., d), d >= 1
        Means, log-variances and standard-normal draws; the leading axes (if any) index the samples
        of a batch, the last axis the latent dimensions.

    Returns
    -------
    z : numpy.ndarray of float, shape (..., d)
        The reparametrised samples.
    kl : numpy.ndarray of float, shape (...)
        The KL divergence of every sample (>= 0); a 0-d value (a float) for 1-D inputs.

    Raises
    ------
    ValueError
        If the three shapes differ, or the inputs are 0-d.
    """
    mu = np.asarray(mu, dtype=float)
    log_var = np.asarray(log_var, dtype=float)
    eps = np.asarray(eps, dtype=float)
    if mu.ndim == 0 or mu.shape != log_var.shape or mu.shape != eps.shape:
        raise ValueError("mu, log_var and eps must have the same shape (..., d)")
    z = mu + np.exp(0.5 * log_var) * eps
    kl = -0.5 * np.sum(1.0 + log_var - mu ** 2 - np.exp(log_var), axis=-1)
    return z, kl


def bellman_backup(Q, P, R, gamma, terminal=None):
    """One synchronous Bellman optimality backup of a tabular action-value function.

        (T Q)[s, a] = R[s, a] + gamma * sum_{s'} P[s, a, s'] * V(s'),

        V(s') = max_{a'} Q[s', a']   for a non-terminal state s',
        V(s') = 0                    for a terminal state s' (nothing follows the end of an episode).

    Every entry (s, a) is backed up from the *old* table Q (synchronous, not in place); the rows of
    terminal states are computed by the same formula.

    Parameters
    ----------
    Q : array_like of float, shape (S, A)
        The current estimate of the action values.
    P : array_like of float, shape (S, A, S)
        ``P[s, a, s2]``: probability of moving from state s to state s2 under action a (every
        ``P[s, a]`` sums to 1).
    R : array_like of float, shape (S, A)
        Expected immediate reward of action a in state s.
    gamma : float
        Discount factor, 0 <= gamma <= 1.
    terminal : array_like of bool, shape (S,), optional
        True for the states in which an episode ends; ``None`` means that no state is terminal.

    Returns
    -------
    numpy.ndarray of float, shape (S, A)
        The backed-up table T Q (a new array; the input Q is not modified).

    Raises
    ------
    ValueError
        If the shapes of Q, P, R and terminal do not fit together as stated above.
    """
    Q = np.asarray(Q, dtype=float)
    P = np.asarray(P, dtype=float)
    R = np.asarray(R, dtype=float)
    if Q.ndim != 2 or R.shape != Q.shape or P.shape != Q.shape + (Q.shape[0],):
        raise ValueError("Q and R must have the shape (S, A) and P the shape (S, A, S)")
    V = Q.max(axis=1)
    if terminal is not None:
        terminal = np.asarray(terminal, dtype=bool)
        if terminal.shape != (Q.shape[0],):
            raise ValueError("terminal must have the shape (S,)")
        V = np.where(terminal, 0.0, V)
    return R + gamma * (P @ V)


def bvp_trial(x, c, u0, u1):
    """Trial function with hard boundary conditions on [0, 1] and its first two derivatives.

        u(x) = u0 (1 - x) + u1 x + x (1 - x) p(x),        p(x) = sum_{k=0}^{K-1} c[k] x**k .

    The polynomial p stands in for the network N(x; theta) of a physics-informed model (its
    coefficients c play the role of the weights). Whatever c is, u(0) = u0 and u(1) = u1.

    Parameters
    ----------
    x : array_like of float, shape (m,)
        Points at which to evaluate (usually collocation points in [0, 1], but any real x works).
    c : array_like of float, shape (K,), K >= 0
        ``c[k]`` multiplies ``x**k`` (increasing powers, unlike ``np.polyval``); K = 0 means p = 0.
    u0, u1 : float
        The prescribed values u(0) and u(1).

    Returns
    -------
    tuple (u, du, d2u) of three numpy.ndarray of float, each of shape (m,)
        u(x), du/dx and d^2u/dx^2 at the points x.
    """
    x = np.asarray(x, dtype=float)
    c = np.asarray(c, dtype=float)
    p = np.zeros_like(x)
    dp = np.zeros_like(x)
    d2p = np.zeros_like(x)
    for k in range(c.size):                      # p, p', p'' term by term
        p += c[k] * x ** k
        if k >= 1:
            dp += k * c[k] * x ** (k - 1)
        if k >= 2:
            d2p += k * (k - 1) * c[k] * x ** (k - 2)
    g, dg, d2g = x * (1.0 - x), 1.0 - 2.0 * x, -2.0   # the factor x (1 - x) that vanishes at 0 and 1
    u = u0 * (1.0 - x) + u1 * x + g * p
    du = (u1 - u0) + dg * p + g * dp
    d2u = d2g * p + 2.0 * dg * dp + g * d2p
    return u, du, d2u
