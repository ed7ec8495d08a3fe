"""Reference solution of assignment 16-the-right-problem (the lecture "Solving the right problem").

Seven tasks: the dimensionless groups of a problem from its dimension matrix (Buckingham pi), a power
law fitted as a linear model in logarithms, the exact period of a pendulum as a closed-form baseline,
a train/test split by specimen (no leakage between repeated measurements), the serendipity (lift)
score of co-occurring items, the billboard lottery probability, and the recovery of a guessable seed.

Every task function is self-contained apart from ``import numpy as np`` (the notebook's first code
cell), because ``autograder solution`` pastes each function's source into the student notebook.
"""

import numpy as np


def pi_groups(D):
    """Dimensionless groups of a physical problem from its dimension matrix (Buckingham pi theorem).

    ``D[a, j]`` is the exponent of base dimension a (for example M, L, T) in the unit of variable j, so
    a product of powers ``prod_j x_j ** p_j`` is dimensionless exactly when ``D @ p = 0``. With
    r = rank(D) there are n - r independent groups. To make the answer unique, build them like this:

    1. Repeating variables: scan the columns j = 0, 1, ..., n-1 from left to right; column j is a
       repeating variable if it is linearly independent of the repeating columns chosen before it
       (that is, adding it raises the rank). This gives exactly r repeating variables. A column of
       zeros (an already dimensionless variable such as an angle) is never repeating.
    2. Every other column j, in increasing order of j, gives one group: exponent 1 for x_j, exponent 0
       for the other non-repeating variables, and exponents p_rep of the repeating variables that
       solve ``D[:, repeating] @ p_rep = -D[:, j]`` (this system has exactly one solution).

    Parameters
    ----------
    D : array_like, shape (k, n)
        The dimension matrix: k base dimensions (rows), n variables (columns); integer or fractional
        exponents.

    Returns
    -------
    numpy.ndarray of float, shape (n - r, n)
        Row q holds the exponents of group q. If r = n there is no group: an array of shape (0, n).

    Raises
    ------
    ValueError
        If D is not a 2-D array with at least one row and one column.
    """
    D = np.asarray(D, dtype=float)
    if D.ndim != 2 or D.shape[0] == 0 or D.shape[1] == 0:
        raise ValueError("D must be a 2-D array with at least one row and one column")
    n = D.shape[1]
    repeating = []
    for j in range(n):
        if np.linalg.matrix_rank(D[:, repeating + [j]]) > len(repeating):
            repeating.append(j)
    others = [j for j in range(n) if j not in repeating]
    groups = np.zeros((len(others), n))
    for q, j in enumerate(others):
        groups[q, j] = 1.0
        if repeating:
            solution, *_ = np.linalg.lstsq(D[:, repeating], -D[:, j], rcond=None)
            groups[q, repeating] = solution
    return groups


def fit_power_law(X, y):
    """Fit the power law y = C * prod_k X[:, k] ** a_k as a linear model in logarithms.

    Taking natural logarithms turns the power law into a linear model,
    ``ln y = ln C + sum_k a_k ln X[:, k]``, whose parameters (ln C, a) minimise the sum of squared
    residuals of the *logarithms* (ordinary least squares with an intercept column), i.e. roughly the
    squared *relative* errors of y. Return C = exp(intercept).

    Parameters
    ----------
    X : array_like, shape (m, p) or (m,)
        Positive inputs (for example dimensionless groups), one row per sample; a 1-D array is one
        input (p = 1).
    y : array_like, shape (m,)
        Positive outputs.

    Returns
    -------
    (float, numpy.ndarray of float with shape (p,))
        The prefactor C > 0 and the exponents a.

    Raises
    ------
    ValueError
        If an entry of X or y is not positive, if X and y have different numbers of samples, or if
        there are fewer than p + 1 samples.
    """
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    if X.ndim == 1:
        X = X[:, None]
    if X.ndim != 2 or y.ndim != 1 or X.shape[0] != y.shape[0]:
        raise ValueError("X must have shape (m, p) or (m,) and y shape (m,)")
    m, p = X.shape
    if m < p + 1:
        raise ValueError("at least p + 1 samples are needed")
    if np.any(X <= 0) or np.any(y <= 0):
        raise ValueError("a power law needs positive inputs and outputs")
    A = np.column_stack([np.ones(m), np.log(X)])
    coefficients, *_ = np.linalg.lstsq(A, np.log(y), rcond=None)
    return float(np.exp(coefficients[0])), coefficients[1:]


def pendulum_period(L, theta0, g=9.81):
    """Exact period of an undamped simple pendulum released from rest at the angle theta0.

    T = 2 pi sqrt(L / g) / AGM(1, cos(theta0 / 2)), where AGM is the arithmetic-geometric mean:
    a_0 = 1, b_0 = cos(theta0 / 2), a_{k+1} = (a_k + b_k) / 2, b_{k+1} = sqrt(a_k b_k), iterated
    until a_k and b_k agree to machine precision. (Equivalently T = 4 sqrt(L/g) K(sin(theta0/2)) with
    the complete elliptic integral of the first kind K.) The result must be accurate to a relative
    error of 1e-10; the small-angle formula 2 pi sqrt(L/g) is the limit theta0 -> 0.

    Parameters
    ----------
    L : float or array_like
        Length of the pendulum in m, L > 0.
    theta0 : float or array_like
        Release angle (amplitude) in radians, |theta0| < pi; the sign does not matter. L and theta0
        are broadcast against each other.
    g : float, optional
        Gravitational acceleration in m/s^2, g > 0.

    Returns
    -------
    float or numpy.ndarray of float
        The period in s, with the broadcast shape of L and theta0 (a float when both are scalars).

    Raises
    ------
    ValueError
        If any L <= 0, g <= 0 or |theta0| >= pi.
    """
    L = np.asarray(L, dtype=float)
    theta0 = np.asarray(theta0, dtype=float)
    if np.any(L <= 0) or not g > 0:
        raise ValueError("L and g must be positive")
    if np.any(np.abs(theta0) >= np.pi):
        raise ValueError("the amplitude must satisfy |theta0| < pi")
    a = np.ones_like(theta0)
    b = np.cos(theta0 / 2.0)
    for _ in range(100):
        a, b = 0.5 * (a + b), np.sqrt(a * b)
        if np.all(np.abs(a - b) <= 1e-15 * a):
            break
    period = 2.0 * np.pi * np.sqrt(L / g) / a
    return float(period) if period.ndim == 0 else period


def group_split(groups, n_test_groups, seed=0):
    """Split samples into a training and a test set so that no group (specimen) is on both sides.

    Repeated measurements of one specimen are not independent: with a random split over samples a
    model can "recognise" a specimen it has already seen, and the test error is too optimistic. Split
    by group instead, exactly like this:

    1. ``labels = np.unique(groups)`` (sorted unique group labels, n_g of them);
    2. ``order = np.random.default_rng(seed).permutation(n_g)``;
    3. the test groups are ``labels[order[:n_test_groups]]``; all other groups are training groups;
    4. return the indices of the samples of the training groups and of the test groups.

    Parameters
    ----------
    groups : array_like, shape (m,)
        The group label (specimen id, an int or a string) of every sample.
    n_test_groups : int
        How many groups go into the test set, 1 <= n_test_groups <= n_g - 1.
    seed : int, optional
        Seed of the permutation.

    Returns
    -------
    (numpy.ndarray of int, numpy.ndarray of int)
        ``(train_idx, test_idx)``: sample indices into ``groups``, each sorted ascending; together
        they hold every index 0, ..., m-1 exactly once.

    Raises
    ------
    ValueError
        If ``groups`` is not 1-D, has fewer than two distinct groups, or n_test_groups is outside
        [1, n_g - 1].
    """
    groups = np.asarray(groups)
    if groups.ndim != 1:
        raise ValueError("groups must be a 1-D array")
    labels = np.unique(groups)
    n_groups = len(labels)
    if n_groups < 2:
        raise ValueError("at least two groups are needed")
    if not 1 <= n_test_groups <= n_groups - 1:
        raise ValueError("n_test_groups must lie between 1 and the number of groups minus 1")
    order = np.random.default_rng(seed).permutation(n_groups)
    in_test = np.isin(groups, labels[order[:n_test_groups]])
    return np.flatnonzero(~in_test), np.flatnonzero(in_test)


def serendipity(M):
    """Serendipity scores R[j, i] = p(s_i | s_j) / p(s_i) of items that occur together in records.

    A record (a row of M: a viewer, an inspected bridge) *contains* item i when ``M[u, i] > 0``; the
    size of a positive entry (how often) does not matter. With N records,

    * p(s_i) = (number of records containing i) / N,
    * p(s_i | s_j) = (number of records containing both i and j) / (number of records containing j),

    and the score of the recommendation "j -> i" (having seen j, look at i) is their ratio. A score
    above 1 means i occurs with j more often than on average; popular items no longer win just by
    being popular. The diagonal follows the same formula (R[i, i] = 1 / p(s_i)). Where item i or item
    j occurs in no record the score is undefined: return nan there.

    Parameters
    ----------
    M : array_like, shape (N, n)
        Non-negative counts: N records, n items.

    Returns
    -------
    numpy.ndarray of float, shape (n, n)
        R with R[j, i] the score of j -> i.

    Raises
    ------
    ValueError
        If M is not 2-D, has no row, or has a negative entry.
    """
    M = np.asarray(M, dtype=float)
    if M.ndim != 2 or M.shape[0] == 0:
        raise ValueError("M must be a 2-D array with at least one record")
    if np.any(M < 0):
        raise ValueError("the counts must be non-negative")
    B = (M > 0).astype(float)
    n_records = B.shape[0]
    both = B.T @ B                       # both[j, i]: records holding j and i
    count = np.diag(both).copy()         # records holding each item
    with np.errstate(divide="ignore", invalid="ignore"):
        R = n_records * both / np.outer(count, count)
    R[(count[:, None] == 0) | (count[None, :] == 0)] = np.nan
    return R


def p_picked_once(s, t, c=3):
    """Probability that exactly one of c winning letters is yours (a draw without replacement).

    t letters are in the drum, s of them are yours; c distinct letters are drawn at random (each set
    of c letters equally likely). Exactly one of them is yours with the hypergeometric probability

        p = s * C(t - s, c - 1) / C(t, c)
          = c * s * (t - s)(t - s - 1) ... (t - s - c + 2) / (t (t - 1) ... (t - c + 1)),

    e.g. 3 s (t - s)(t - s - 1) / (t (t - 1)(t - 2)) for c = 3.

    Parameters
    ----------
    s : int or array_like of int
        Number of your letters, 0 <= s <= t (an array gives one probability per entry).
    t : int
        Total number of letters, t >= c.
    c : int, optional
        Number of winners drawn, c >= 1.

    Returns
    -------
    float or numpy.ndarray of float
        The probability, with the shape of s (a float for a scalar s).

    Raises
    ------
    ValueError
        If c < 1, t < c, or any s is outside [0, t].
    """
    s_array = np.asarray(s, dtype=float)
    if c < 1 or t < c:
        raise ValueError("need 1 <= c <= t")
    if np.any(s_array < 0) or np.any(s_array > t):
        raise ValueError("s must lie in [0, t]")
    p = c * s_array / t
    for k in range(1, c):
        p = p * (t - s_array - k + 1) / (t - k)
    return float(p) if p.ndim == 0 else p


def recover_seed(observed, n_candidates, low=50.0, high=150.0, decimals=1):
    """All seeds that could have produced the observed start of a "random" sequence.

    The hidden sequence (say, the stress amplitudes of a fatigue load spectrum, in MPa) was generated
    with one call ``np.random.default_rng(seed).uniform(low, high, size=n)`` for a secret integer
    ``seed`` in ``range(n_candidates)``. You see its first k values, rounded to ``decimals`` decimals
    (``observed``). A candidate seed is consistent when its first k draws, rounded the same way,
    equal the observations: ``np.allclose(np.round(draws, decimals), observed, rtol=0, atol=1e-9)``.
    (The first k values of a draw of size n equal a draw of size k from the same seed.)

    Parameters
    ----------
    observed : array_like, shape (k,)
        The observed start of the sequence, k >= 1.
    n_candidates : int
        The seed is one of 0, 1, ..., n_candidates - 1.
    low, high : float, optional
        Bounds of the uniform distribution.
    decimals : int, optional
        Number of decimals the observations were rounded to.

    Returns
    -------
    list of int
        Every consistent seed, in increasing order (empty if there is none).

    Raises
    ------
    ValueError
        If ``observed`` is not a non-empty 1-D array or n_candidates < 1.
    """
    observed = np.asarray(observed, dtype=float)
    if observed.ndim != 1 or observed.size == 0:
        raise ValueError("observed must be a non-empty 1-D array")
    if n_candidates < 1:
        raise ValueError("there must be at least one candidate seed")
    matches = []
    for seed in range(n_candidates):
        draws = np.random.default_rng(seed).uniform(low, high, size=observed.size)
        if np.allclose(np.round(draws, decimals), observed, rtol=0, atol=1e-9):
            matches.append(seed)
    return matches
