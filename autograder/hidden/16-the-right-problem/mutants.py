"""Plausible wrong implementations of the tasks of 16-the-right-problem; each must lose points."""

import math

import numpy as np
from scipy.optimize import linprog

from autograder.mutants import mutant


# --- pi_groups ------------------------------------------------------------------------------------

@mutant("takes n - k groups (k = number of base dimensions) and the first k columns as repeating")
def pi_groups__rows_not_rank(D):
    D = np.asarray(D, dtype=float)
    if D.ndim != 2 or D.shape[0] == 0 or D.shape[1] == 0:
        raise ValueError("bad D")
    k, n = D.shape
    k = min(k, n)
    groups = np.zeros((n - k, n))
    for q, j in enumerate(range(k, n)):
        groups[q, j] = 1.0
        groups[q, :k] = np.linalg.lstsq(D[:, :k], -D[:, j], rcond=None)[0]
    return groups


@mutant("sign error: solves D_rep p = +D[:, j]")
def pi_groups__sign(D):
    D = np.asarray(D, dtype=float)
    if D.ndim != 2 or D.shape[0] == 0 or D.shape[1] == 0:
        raise ValueError("bad D")
    n = D.shape[1]
    rep = []
    for j in range(n):
        if np.linalg.matrix_rank(D[:, rep + [j]]) > len(rep):
            rep.append(j)
    others = [j for j in range(n) if j not in rep]
    groups = np.zeros((len(others), n))
    for q, j in enumerate(others):
        groups[q, j] = 1.0
        if rep:
            groups[q, rep] = np.linalg.lstsq(D[:, rep], D[:, j], rcond=None)[0]
    return groups


@mutant("returns an orthonormal null-space basis from the SVD: dimensionless, but not the convention")
def pi_groups__svd_basis(D):
    D = np.asarray(D, dtype=float)
    if D.ndim != 2 or D.shape[0] == 0 or D.shape[1] == 0:
        raise ValueError("bad D")
    r = np.linalg.matrix_rank(D)
    return np.linalg.svd(D)[2][r:]


# --- fit_power_law --------------------------------------------------------------------------------

@mutant("returns the intercept ln C instead of C")
def fit_power_law__log_prefactor(X, y):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    if X.ndim == 1:
        X = X[:, None]
    if X.shape[0] != y.shape[0] or X.shape[0] < X.shape[1] + 1 or np.any(X <= 0) or np.any(y <= 0):
        raise ValueError("bad data")
    A = np.column_stack([np.ones(len(y)), np.log(X)])
    coef = np.linalg.lstsq(A, np.log(y), rcond=None)[0]
    return float(coef[0]), coef[1:]


@mutant("no intercept column: forces C = 1")
def fit_power_law__no_intercept(X, y):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    if X.ndim == 1:
        X = X[:, None]
    if X.shape[0] != y.shape[0] or X.shape[0] < X.shape[1] + 1 or np.any(X <= 0) or np.any(y <= 0):
        raise ValueError("bad data")
    coef = np.linalg.lstsq(np.log(X), np.log(y), rcond=None)[0]
    return 1.0, coef


@mutant("fits ln y against X instead of ln X (an exponential, not a power law)")
def fit_power_law__exponential(X, y):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    if X.ndim == 1:
        X = X[:, None]
    if X.shape[0] != y.shape[0] or X.shape[0] < X.shape[1] + 1 or np.any(X <= 0) or np.any(y <= 0):
        raise ValueError("bad data")
    A = np.column_stack([np.ones(len(y)), X])
    coef = np.linalg.lstsq(A, np.log(y), rcond=None)[0]
    return float(np.exp(coef[0])), coef[1:]


# --- group_split ----------------------------------------------------------------------------------

@mutant("splits the samples at random, not the specimens (leakage)")
def group_split__random_samples(groups, n_test_groups, seed=0):
    groups = np.asarray(groups)
    labels = np.unique(groups)
    if groups.ndim != 1 or len(labels) < 2 or not 1 <= n_test_groups <= len(labels) - 1:
        raise ValueError("bad split")
    order = np.random.default_rng(seed).permutation(len(groups))
    n_test = int(round(len(groups) * n_test_groups / len(labels)))
    return np.sort(order[n_test:]), np.sort(order[:n_test])


@mutant("orders the groups by first appearance instead of sorting them")
def group_split__first_appearance(groups, n_test_groups, seed=0):
    groups = np.asarray(groups)
    labels, first = np.unique(groups, return_index=True)
    labels = labels[np.argsort(first)]
    if groups.ndim != 1 or len(labels) < 2 or not 1 <= n_test_groups <= len(labels) - 1:
        raise ValueError("bad split")
    order = np.random.default_rng(seed).permutation(len(labels))
    test = np.isin(groups, labels[order[:n_test_groups]])
    return np.flatnonzero(~test), np.flatnonzero(test)


@mutant("uses the legacy global generator np.random.seed / np.random.permutation")
def group_split__legacy_generator(groups, n_test_groups, seed=0):
    groups = np.asarray(groups)
    labels = np.unique(groups)
    if groups.ndim != 1 or len(labels) < 2 or not 1 <= n_test_groups <= len(labels) - 1:
        raise ValueError("bad split")
    np.random.seed(seed)
    order = np.random.permutation(len(labels))
    test = np.isin(groups, labels[order[:n_test_groups]])
    return np.flatnonzero(~test), np.flatnonzero(test)


# --- serendipity ----------------------------------------------------------------------------------

@mutant("returns the plain conditional p(s_i | s_j): popular items win")
def serendipity__conditional_only(M):
    M = np.asarray(M, dtype=float)
    if M.ndim != 2 or M.shape[0] == 0 or np.any(M < 0):
        raise ValueError("bad M")
    B = (M > 0).astype(float)
    both = B.T @ B
    count = np.diag(both).copy()
    with np.errstate(divide="ignore", invalid="ignore"):
        R = both / count[:, None]
    R[(count[:, None] == 0) | (count[None, :] == 0)] = np.nan
    return R


@mutant("does not binarise: multiplies the raw counts")
def serendipity__raw_counts(M):
    M = np.asarray(M, dtype=float)
    if M.ndim != 2 or M.shape[0] == 0 or np.any(M < 0):
        raise ValueError("bad M")
    both = M.T @ M
    count = M.sum(axis=0)
    with np.errstate(divide="ignore", invalid="ignore"):
        R = M.shape[0] * both / np.outer(count, count)
    R[(count[:, None] == 0) | (count[None, :] == 0)] = np.nan
    return R


@mutant("forgets the factor N (divides counts by counts, not probabilities by probabilities)")
def serendipity__missing_n(M):
    M = np.asarray(M, dtype=float)
    if M.ndim != 2 or M.shape[0] == 0 or np.any(M < 0):
        raise ValueError("bad M")
    B = (M > 0).astype(float)
    both = B.T @ B
    count = np.diag(both).copy()
    with np.errstate(divide="ignore", invalid="ignore"):
        R = both / np.outer(count, count)
    R[(count[:, None] == 0) | (count[None, :] == 0)] = np.nan
    return R


# --- p_picked_once --------------------------------------------------------------------------------

@mutant("draws with replacement: binomial c q (1 - q)^(c - 1)")
def p_picked_once__with_replacement(s, t, c=3):
    s = np.asarray(s, dtype=float)
    if c < 1 or t < c or np.any(s < 0) or np.any(s > t):
        raise ValueError("bad arguments")
    q = s / t
    p = c * q * (1 - q) ** (c - 1)
    return float(p) if p.ndim == 0 else p


@mutant("at least once instead of exactly once")
def p_picked_once__at_least_once(s, t, c=3):
    s = np.asarray(s, dtype=float)
    if c < 1 or t < c or np.any(s < 0) or np.any(s > t):
        raise ValueError("bad arguments")
    none = np.ones_like(s)
    for k in range(c):
        none = none * np.clip(t - s - k, 0, None) / (t - k)
    p = 1 - none
    return float(p) if p.ndim == 0 else p


@mutant("forgets the factor c (the position of your letter among the winners)")
def p_picked_once__missing_c(s, t, c=3):
    s = np.asarray(s, dtype=float)
    if c < 1 or t < c or np.any(s < 0) or np.any(s > t):
        raise ValueError("bad arguments")
    p = s / t
    for k in range(1, c):
        p = p * (t - s - k + 1) / (t - k)
    return float(p) if p.ndim == 0 else p


# --- optimal_letters ------------------------------------------------------------------------------

@mutant("closed form for three winners with the plus root (a minimum near t), brute force otherwise")
def optimal_letters__plus_root(t, c=3):
    if c < 1 or t < c:
        raise ValueError("bad arguments")
    weights = [s * math.comb(t - s, c - 1) for s in range(t + 1)]
    if c == 3:
        s_plus = (2 * t - 1 + math.sqrt(t * t - t + 1)) / 3
        low, high = math.floor(s_plus), min(math.ceil(s_plus), t)
        return low if weights[low] >= weights[high] else high
    return weights.index(max(weights))


@mutant("closed form for three winners truncated with int() instead of comparing floor and ceiling")
def optimal_letters__truncated(t, c=3):
    if c < 1 or t < c:
        raise ValueError("bad arguments")
    if c == 3:
        return int((2 * t - 1 - math.sqrt(t * t - t + 1)) / 3)
    weights = [s * math.comb(t - s, c - 1) for s in range(t + 1)]
    return weights.index(max(weights))


@mutant("brute force over range(t): never tries sending all t letters (the best choice for one winner)")
def optimal_letters__misses_all_letters(t, c=3):
    if c < 1 or t < c:
        raise ValueError("bad arguments")
    weights = [s * math.comb(t - s, c - 1) for s in range(t)]
    return weights.index(max(weights))


# --- cheapest_diet --------------------------------------------------------------------------------

@mutant("passes the requirements to linprog without the minus sign: A x <= b, so nothing is bought")
def cheapest_diet__no_sign_flip(costs, nutrients, requirements, upper=None):
    costs = np.asarray(costs, dtype=float)
    nutrients = np.asarray(nutrients, dtype=float)
    requirements = np.asarray(requirements, dtype=float)
    if costs.ndim != 1 or nutrients.shape != (requirements.size, costs.size):
        raise ValueError("bad shapes")
    bounds = (0, None) if upper is None else [(0, None if np.isinf(u) else u) for u in np.asarray(upper, float)]
    res = linprog(costs, A_ub=nutrients, b_ub=requirements, bounds=bounds)
    if res.status != 0:
        raise ValueError(res.message)
    return res.x, float(res.fun), res.ineqlin.marginals


@mutant("ignores the upper limits")
def cheapest_diet__ignores_upper(costs, nutrients, requirements, upper=None):
    costs = np.asarray(costs, dtype=float)
    nutrients = np.asarray(nutrients, dtype=float)
    requirements = np.asarray(requirements, dtype=float)
    if costs.ndim != 1 or nutrients.shape != (requirements.size, costs.size):
        raise ValueError("bad shapes")
    res = linprog(costs, A_ub=-nutrients, b_ub=-requirements)
    if res.status != 0:
        raise ValueError(res.message)
    return res.x, float(res.fun), -res.ineqlin.marginals


@mutant("returns linprog's marginals as the shadow prices: the wrong sign")
def cheapest_diet__marginal_sign(costs, nutrients, requirements, upper=None):
    costs = np.asarray(costs, dtype=float)
    nutrients = np.asarray(nutrients, dtype=float)
    requirements = np.asarray(requirements, dtype=float)
    if costs.ndim != 1 or nutrients.shape != (requirements.size, costs.size):
        raise ValueError("bad shapes")
    bounds = (0, None) if upper is None else [(0, None if np.isinf(u) else u) for u in np.asarray(upper, float)]
    res = linprog(costs, A_ub=-nutrients, b_ub=-requirements, bounds=bounds)
    if res.status != 0:
        raise ValueError(res.message)
    return res.x, float(res.fun), res.ineqlin.marginals


@mutant("never checks res.status: an infeasible table returns nan instead of raising")
def cheapest_diet__no_status_check(costs, nutrients, requirements, upper=None):
    costs = np.asarray(costs, dtype=float)
    nutrients = np.asarray(nutrients, dtype=float)
    requirements = np.asarray(requirements, dtype=float)
    if costs.ndim != 1 or nutrients.shape != (requirements.size, costs.size):
        raise ValueError("bad shapes")
    bounds = (0, None) if upper is None else [(0, None if np.isinf(u) else u) for u in np.asarray(upper, float)]
    res = linprog(costs, A_ub=-nutrients, b_ub=-requirements, bounds=bounds)
    if res.status != 0:
        return np.full(costs.size, np.nan), np.nan, np.full(requirements.size, np.nan)
    return res.x, float(res.fun), -res.ineqlin.marginals
