"""Reference solution of assignment 16-the-right-problem (the lecture "Solving the right problem").

Seven autograded tasks: the dimensionless groups of a problem from its dimension matrix (Buckingham
pi), a power law fitted as a linear model in logarithms, a train/test split by specimen (no leakage
between repeated measurements), the serendipity (lift) score of co-occurring items, the billboard
lottery probability and its best number of letters, and the cheapest diet (or material mix) as a
linear program with its shadow prices. The eighth task, a written reflection, is graded by hand and
has no reference.

Every task function is self-contained apart from the imports of the notebook's first code cell
(``import math``, ``import numpy as np``, ``from scipy.optimize import linprog``), because
``autograder solution`` pastes each function's source into the student notebook.
"""

import math

import numpy as np
from scipy.optimize import linprog


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


def optimal_letters(t, c=3):
    """The number of your letters s (0 <= s <= t) that maximises p_picked_once(s, t, c).

    t is the total number of letters *including yours*. Search all s = 0, 1, ..., t (brute force; t is
    at most 10**5, so this is fast). The probability is proportional to the integer

        f(s) = s * C(t - s, c - 1)        (math.comb(t - s, c - 1)),

    so compare f exactly (Python or int64 integers) or the probabilities in float64 (their neighbours
    differ far more than rounding errors, except at exact ties). Ties occur: for c = 3 and t = 3k + 2,
    s = k and s = k + 1 are equally good; then either is accepted. For c = 3 the answer is the floor or
    the ceiling of the closed-form maximiser s* = (2t - 1 - sqrt(t**2 - t + 1)) / 3 (the *minus* root
    of f'(s) = 0; the plus root lies in (t - 1, t) and is a minimum).

    Parameters
    ----------
    t : int
        Total number of letters, c <= t <= 10**5.
    c : int, optional
        Number of winners drawn, c >= 1.

    Returns
    -------
    int
        A number of letters s with the largest probability of being picked exactly once.

    Raises
    ------
    ValueError
        If c < 1 or t < c.
    """
    if c < 1 or t < c:
        raise ValueError("need 1 <= c <= t")
    weights = [s * math.comb(t - s, c - 1) for s in range(t + 1)]
    return weights.index(max(weights))


def cheapest_diet(costs, nutrients, requirements, upper=None):
    """The cheapest diet (or material mix) that meets minimum requirements: a linear program.

    Choose amounts x_j >= 0 of n foods so as to

        minimise    costs @ x
        subject to  nutrients @ x >= requirements      (m requirements, one per nutrient)
                    x <= upper                          (only if upper is given)

    with ``scipy.optimize.linprog`` (its default method, HiGHS, or "highs-ds" / "highs-ipm").
    linprog only accepts "<=" rows, ``A_ub @ x <= b_ub``: multiply the requirements by -1. Its default
    bounds are already x >= 0.

    Also return the **shadow prices** y_i = d(minimum cost) / d(requirements[i]) >= 0: what one more
    unit of nutrient i would add to the cost of the cheapest diet (0 for a requirement that is
    over-fulfilled). linprog reports ``res.ineqlin.marginals``, the derivatives of the minimum with
    respect to b_ub; mind the sign, since b_ub = -requirements.

    Parameters
    ----------
    costs : array_like, shape (n,)
        Cost of one unit of each food.
    nutrients : array_like, shape (m, n)
        nutrients[i, j] is the amount of nutrient i in one unit of food j.
    requirements : array_like, shape (m,)
        Minimum amount of every nutrient.
    upper : None or array_like, shape (n,), optional
        Maximum amount of every food (np.inf: no limit); None means no upper limits at all.

    Returns
    -------
    (numpy.ndarray of float with shape (n,), float, numpy.ndarray of float with shape (m,))
        ``(x, cost, prices)``: the optimal amounts, the minimum cost ``costs @ x`` and the shadow
        prices of the m requirements.

    Raises
    ------
    ValueError
        If the shapes do not fit together (costs 1-D with n entries, nutrients (m, n), requirements
        (m,), upper (n,)), or if linprog finds no optimum (``res.status != 0``), for example because
        no diet meets the requirements within the upper limits.
    """
    costs = np.asarray(costs, dtype=float)
    nutrients = np.asarray(nutrients, dtype=float)
    requirements = np.asarray(requirements, dtype=float)
    if costs.ndim != 1 or nutrients.ndim != 2 or nutrients.shape[1] != costs.size:
        raise ValueError("costs must have shape (n,) and nutrients shape (m, n)")
    if requirements.shape != (nutrients.shape[0],):
        raise ValueError("requirements must have shape (m,)")
    if upper is None:
        bounds = (0, None)
    else:
        upper = np.asarray(upper, dtype=float)
        if upper.shape != costs.shape:
            raise ValueError("upper must have shape (n,)")
        bounds = [(0, None if np.isinf(u) else u) for u in upper]
    res = linprog(costs, A_ub=-nutrients, b_ub=-requirements, bounds=bounds, method="highs")
    if res.status != 0:
        raise ValueError(f"no optimal diet: {res.message}")
    return res.x, float(res.fun), -res.ineqlin.marginals
