"""Plausible wrong implementations of the tasks of 08-hyperparameter-optimization; each must lose points."""

import numpy as np

from autograder.mutants import mutant


# --- k_fold_indices -----------------------------------------------------------------------------

@mutant("puts the whole remainder n % k into the last fold")
def k_fold_indices__remainder_in_last_fold(n, k, rng=None):
    if k < 2 or k > n:
        raise ValueError("bad k")
    order = np.arange(n) if rng is None else np.random.default_rng(rng).permutation(n)
    size = n // k
    folds = []
    for j in range(k):
        stop = n if j == k - 1 else (j + 1) * size
        val = np.sort(order[j * size:stop])
        folds.append((np.setdiff1d(np.arange(n), val), val))
    return folds


@mutant("blocks of ceil(n / k) samples, so the last fold is the short one")
def k_fold_indices__ceil_blocks(n, k, rng=None):
    if k < 2 or k > n:
        raise ValueError("bad k")
    order = np.arange(n) if rng is None else np.random.default_rng(rng).permutation(n)
    size = -(-n // k)
    folds = []
    for j in range(k):
        val = np.sort(order[j * size:(j + 1) * size])
        folds.append((np.setdiff1d(np.arange(n), val), val))
    return folds


@mutant("never shuffles: ignores rng")
def k_fold_indices__ignores_rng(n, k, rng=None):
    if k < 2 or k > n:
        raise ValueError("bad k")
    folds = []
    for val in np.array_split(np.arange(n), k):
        folds.append((np.setdiff1d(np.arange(n), val), val))
    return folds


# --- poly_ridge_cv_error ------------------------------------------------------------------------

@mutant("pools all validation residuals instead of averaging the fold errors")
def poly_ridge_cv_error__pooled(x, y, degree, lam, folds):
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    if x.ndim != 1 or y.shape != x.shape or degree < 0 or lam < 0 or len(folds) == 0:
        raise ValueError("bad input")
    p = np.arange(degree + 1)
    D = np.eye(degree + 1)
    D[0, 0] = 0.0
    squares = []
    for train, val in folds:
        A = x[train][:, None] ** p
        w = np.linalg.solve(A.T @ A + lam * D, A.T @ y[train])
        squares.extend(((x[val][:, None] ** p) @ w - y[val]) ** 2)
    return float(np.mean(squares))


@mutant("penalises the intercept as well")
def poly_ridge_cv_error__penalised_intercept(x, y, degree, lam, folds):
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    if x.ndim != 1 or y.shape != x.shape or degree < 0 or lam < 0 or len(folds) == 0:
        raise ValueError("bad input")
    p = np.arange(degree + 1)
    errors = []
    for train, val in folds:
        A = x[train][:, None] ** p
        w = np.linalg.solve(A.T @ A + lam * np.eye(degree + 1), A.T @ y[train])
        errors.append(np.mean(((x[val][:, None] ** p) @ w - y[val]) ** 2))
    return float(np.mean(errors))


@mutant("reports the training error of each fold")
def poly_ridge_cv_error__training_error(x, y, degree, lam, folds):
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    if x.ndim != 1 or y.shape != x.shape or degree < 0 or lam < 0 or len(folds) == 0:
        raise ValueError("bad input")
    p = np.arange(degree + 1)
    D = np.eye(degree + 1)
    D[0, 0] = 0.0
    errors = []
    for train, _val in folds:
        A = x[train][:, None] ** p
        w = np.linalg.solve(A.T @ A + lam * D, A.T @ y[train])
        errors.append(np.mean((A @ w - y[train]) ** 2))
    return float(np.mean(errors))


# --- grid_points --------------------------------------------------------------------------------


@mutant("np.logspace(low, high, n): the bounds taken as exponents")
def grid_points__logspace_of_bounds(bounds, n_per_dim, log=False):
    bounds = np.asarray(bounds, dtype=float)
    d = bounds.shape[0]
    counts = [int(n_per_dim)] * d if np.ndim(n_per_dim) == 0 else list(n_per_dim)
    logs = [bool(log)] * d if np.ndim(log) == 0 else list(log)
    if len(counts) != d or len(logs) != d or min(counts) < 2 or np.any(bounds[:, 0] >= bounds[:, 1]):
        raise ValueError("bad grid")
    if any(f and lo <= 0 for f, (lo, _) in zip(logs, bounds)):
        raise ValueError("log needs low > 0")
    axes = [np.logspace(lo, hi, c) if f else np.linspace(lo, hi, c)
            for (lo, hi), c, f in zip(bounds, counts, logs)]
    return np.stack([m.ravel() for m in np.meshgrid(*axes, indexing="ij")], axis=1)


@mutant("np.meshgrid with the default indexing='xy' swaps the order of the first two dimensions")
def grid_points__xy_indexing(bounds, n_per_dim, log=False):
    bounds = np.asarray(bounds, dtype=float)
    d = bounds.shape[0]
    counts = [int(n_per_dim)] * d if np.ndim(n_per_dim) == 0 else list(n_per_dim)
    logs = [bool(log)] * d if np.ndim(log) == 0 else list(log)
    if len(counts) != d or len(logs) != d or min(counts) < 2 or np.any(bounds[:, 0] >= bounds[:, 1]):
        raise ValueError("bad grid")
    if any(f and lo <= 0 for f, (lo, _) in zip(logs, bounds)):
        raise ValueError("log needs low > 0")
    axes = [np.geomspace(lo, hi, c) if f else np.linspace(lo, hi, c)
            for (lo, hi), c, f in zip(bounds, counts, logs)]
    return np.stack([m.ravel() for m in np.meshgrid(*axes)], axis=1)


@mutant("ignores log: a linear grid in every dimension")
def grid_points__ignores_log(bounds, n_per_dim, log=False):
    bounds = np.asarray(bounds, dtype=float)
    d = bounds.shape[0]
    counts = [int(n_per_dim)] * d if np.ndim(n_per_dim) == 0 else list(n_per_dim)
    logs = [bool(log)] * d if np.ndim(log) == 0 else list(log)
    if len(counts) != d or len(logs) != d or min(counts) < 2 or np.any(bounds[:, 0] >= bounds[:, 1]):
        raise ValueError("bad grid")
    if any(f and lo <= 0 for f, (lo, _) in zip(logs, bounds)):
        raise ValueError("log needs low > 0")
    axes = [np.linspace(lo, hi, c) for (lo, hi), c in zip(bounds, counts)]
    return np.stack([m.ravel() for m in np.meshgrid(*axes, indexing="ij")], axis=1)


# --- random_search_points -----------------------------------------------------------------------

@mutant("one call rng.random(n) per dimension: a different order of the draws")
def random_search_points__one_call_per_dimension(bounds, n, rng, log=False):
    bounds = np.asarray(bounds, dtype=float)
    d = bounds.shape[0]
    logs = [bool(log)] * d if np.ndim(log) == 0 else list(log)
    if len(logs) != d or n < 0 or np.any(bounds[:, 0] >= bounds[:, 1]):
        raise ValueError("bad input")
    if any(f and lo <= 0 for f, (lo, _) in zip(logs, bounds)):
        raise ValueError("log needs low > 0")
    gen = np.random.default_rng(rng)
    columns = []
    for (lo, hi), f in zip(bounds, logs):
        u = gen.random(n)
        columns.append(lo * (hi / lo) ** u if f else lo + (hi - lo) * u)
    return np.stack(columns, axis=1).reshape(n, d)


@mutant("10 ** uniform(low, high): the bounds taken as exponents")
def random_search_points__bounds_as_exponents(bounds, n, rng, log=False):
    bounds = np.asarray(bounds, dtype=float)
    d = bounds.shape[0]
    logs = np.array([bool(log)] * d if np.ndim(log) == 0 else list(log))
    if len(logs) != d or n < 0 or np.any(bounds[:, 0] >= bounds[:, 1]):
        raise ValueError("bad input")
    if np.any(logs & (bounds[:, 0] <= 0)):
        raise ValueError("log needs low > 0")
    u = np.random.default_rng(rng).random((n, d))
    linear = bounds[:, 0] + (bounds[:, 1] - bounds[:, 0]) * u
    return np.where(logs, 10.0 ** linear, linear)


@mutant("uniform in every dimension: ignores log")
def random_search_points__ignores_log(bounds, n, rng, log=False):
    bounds = np.asarray(bounds, dtype=float)
    d = bounds.shape[0]
    logs = np.array([bool(log)] * d if np.ndim(log) == 0 else list(log))
    if len(logs) != d or n < 0 or np.any(bounds[:, 0] >= bounds[:, 1]):
        raise ValueError("bad input")
    if np.any(logs & (bounds[:, 0] <= 0)):
        raise ValueError("log needs low > 0")
    u = np.random.default_rng(rng).random((n, d))
    return bounds[:, 0] + (bounds[:, 1] - bounds[:, 0]) * u


# --- successive_halving -------------------------------------------------------------------------

@mutant("keeps ceil(n_i / eta) configurations instead of floor(n_i / eta)")
def successive_halving__ceil_survivors(configs, evaluate, r_min, eta=3, n_rungs=None):
    if len(configs) == 0 or r_min <= 0 or eta < 2 or (n_rungs is not None and n_rungs < 1):
        raise ValueError("bad input")
    alive = np.arange(len(configs))
    rungs = []
    i = 0
    while True:
        budget = r_min * eta ** i
        losses = np.array([evaluate(configs[c], budget) for c in alive], dtype=float)
        rungs.append((budget, alive, losses))
        if (len(alive) == 1) if n_rungs is None else (i == n_rungs - 1):
            break
        keep = -(-len(alive) // eta)
        alive = np.sort(alive[np.argsort(losses, kind="stable")[:keep]])
        i += 1
    best = int(rungs[-1][1][np.argmin(rungs[-1][2])])
    return best, rungs


@mutant("never raises the budget: every rung is trained with r_min")
def successive_halving__constant_budget(configs, evaluate, r_min, eta=3, n_rungs=None):
    if len(configs) == 0 or r_min <= 0 or eta < 2 or (n_rungs is not None and n_rungs < 1):
        raise ValueError("bad input")
    alive = np.arange(len(configs))
    rungs = []
    i = 0
    while True:
        budget = r_min
        losses = np.array([evaluate(configs[c], budget) for c in alive], dtype=float)
        rungs.append((budget, alive, losses))
        if (len(alive) == 1) if n_rungs is None else (i == n_rungs - 1):
            break
        keep = max(1, len(alive) // eta)
        alive = np.sort(alive[np.argsort(losses, kind="stable")[:keep]])
        i += 1
    best = int(rungs[-1][1][np.argmin(rungs[-1][2])])
    return best, rungs


@mutant("ranks with sorted(..., reverse=True) and takes the tail: ties go to the larger index")
def successive_halving__ties_to_larger_index(configs, evaluate, r_min, eta=3, n_rungs=None):
    if len(configs) == 0 or r_min <= 0 or eta < 2 or (n_rungs is not None and n_rungs < 1):
        raise ValueError("bad input")
    alive = list(range(len(configs)))
    rungs = []
    i = 0
    while True:
        budget = r_min * eta ** i
        losses = [float(evaluate(configs[c], budget)) for c in alive]
        rungs.append((budget, np.array(alive), np.array(losses)))
        if (len(alive) == 1) if n_rungs is None else (i == n_rungs - 1):
            break
        keep = max(1, len(alive) // eta)
        ranked = sorted(range(len(alive)), key=lambda j: losses[j], reverse=True)[-keep:]
        alive = sorted(alive[j] for j in ranked)
        i += 1
    last = rungs[-1]
    best = sorted(range(len(last[1])), key=lambda j: last[2][j], reverse=True)[-1]
    return int(last[1][best]), rungs


# --- hyperband_brackets -------------------------------------------------------------------------

@mutant("s_max = int(np.log(R) / np.log(eta)), one bracket short for R = 243, eta = 3")
def hyperband_brackets__float_log(R, eta=3):
    if R < 1 or eta < 2:
        raise ValueError("bad R or eta")
    s_max = int(np.log(R) / np.log(eta))
    brackets = []
    for s in range(s_max, -1, -1):
        n = -(-(s_max + 1) * eta ** s // (s + 1))
        r = R / eta ** s
        brackets.append([(n // eta ** i, r * eta ** i) for i in range(s + 1)])
    return brackets


@mutant("floor instead of ceil for the number of configurations of a bracket")
def hyperband_brackets__floor_n(R, eta=3):
    if R < 1 or eta < 2:
        raise ValueError("bad R or eta")
    s_max = 0
    while eta ** (s_max + 1) <= R:
        s_max += 1
    brackets = []
    for s in range(s_max, -1, -1):
        n = (s_max + 1) * eta ** s // (s + 1)
        r = R / eta ** s
        brackets.append([(n // eta ** i, r * eta ** i) for i in range(s + 1)])
    return brackets


@mutant("brackets listed from s = 0 up to s_max")
def hyperband_brackets__ascending_order(R, eta=3):
    if R < 1 or eta < 2:
        raise ValueError("bad R or eta")
    s_max = 0
    while eta ** (s_max + 1) <= R:
        s_max += 1
    brackets = []
    for s in range(s_max + 1):
        n = -(-(s_max + 1) * eta ** s // (s + 1))
        r = R / eta ** s
        brackets.append([(n // eta ** i, r * eta ** i) for i in range(s + 1)])
    return brackets


@mutant("n = ceil((s_max + 1) / (s + 1) * eta**s) in floating point: one too many for some s")
def hyperband_brackets__float_ceil(R, eta=3):
    if R < 1 or eta < 2:
        raise ValueError("bad R or eta")
    s_max = 0
    while eta ** (s_max + 1) <= R:
        s_max += 1
    brackets = []
    for s in range(s_max, -1, -1):
        n = int(np.ceil((s_max + 1) / (s + 1) * eta ** s))
        r = R / eta ** s
        brackets.append([(int(np.floor(n / eta ** i)), r * eta ** i) for i in range(s + 1)])
    return brackets
