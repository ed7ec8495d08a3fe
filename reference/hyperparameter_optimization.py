"""Reference solution of assignment 08-hyperparameter-optimization (Chapter 7.12-7.13 and the lecture).

Six tasks: k-fold cross-validation indices, the cross-validated error of a ridge-regularised
polynomial material law, the points of a (log-scaled) search grid, reproducible (log-uniform) random
search points, successive halving with an exact schedule, and the brackets of Hyperband.

Every task function is self-contained apart from ``import numpy as np`` (the notebook's first code
cell), because ``autograder solution`` pastes each function's source into the student notebook.
"""

import numpy as np


def k_fold_indices(n, k, rng=None):
    """Split the sample indices 0, ..., n-1 into k folds for k-fold cross-validation.

    Fold assignment (follow it exactly, the grader compares index by index):

    1. The order of the samples is ``order = np.arange(n)`` if ``rng`` is None. Otherwise
       ``rng = np.random.default_rng(rng)`` (an int seed becomes a Generator, a Generator is used as
       it is) and ``order = rng.permutation(n)``: exactly one call, nothing else is drawn.
    2. ``order`` is cut into k contiguous blocks. With q, m = divmod(n, k) the first m blocks have
       q + 1 entries and the remaining k - m blocks have q entries (the remainder is spread over the
       first folds, as ``np.array_split`` does). Block j holds the validation samples of fold j.
    3. The training samples of fold j are all the other samples.

    Parameters
    ----------
    n : int
        Number of samples, n >= 2.
    k : int
        Number of folds, 2 <= k <= n.
    rng : None, int or numpy.random.Generator, optional
        None: no shuffling (contiguous folds of the original order); otherwise the source of the
        permutation as described above.

    Returns
    -------
    list of k tuples (train_idx, val_idx)
        For fold j = 0, ..., k-1: two 1-D integer arrays, each sorted in ascending order, disjoint,
        together holding every index 0, ..., n-1 once. The k validation sets partition 0, ..., n-1.

    Raises
    ------
    ValueError
        If k < 2 or k > n.
    """
    n = int(n)
    k = int(k)
    if k < 2 or k > n:
        raise ValueError("k-fold cross-validation needs 2 <= k <= n")
    order = np.arange(n) if rng is None else np.random.default_rng(rng).permutation(n)
    q, m = divmod(n, k)
    folds = []
    start = 0
    for j in range(k):
        stop = start + q + (1 if j < m else 0)
        in_val = np.zeros(n, dtype=bool)
        in_val[order[start:stop]] = True
        folds.append((np.flatnonzero(~in_val), np.flatnonzero(in_val)))
        start = stop
    return folds


def poly_ridge_cv_error(x, y, degree, lam, folds):
    """Cross-validated mean squared error of a ridge-regularised polynomial fit y ~ sum_j w_j x^j.

    For every fold (train_idx, val_idx) in ``folds``:

    1. Build the design matrix of the training samples, A[i, j] = x_i ** j for j = 0, ..., degree
       (column 0 is all ones: the intercept).
    2. Fit w = argmin_w ||A w - y_train||^2 + lam * sum_{j=1}^{degree} w_j^2. The intercept w_0 is
       NOT penalised; the penalty is on the plain sum of squared errors (not on their mean).
    3. The fold's validation error is the mean squared error over the fold's validation samples,
       MSE_j = mean((A_val w - y_val)^2).

    Return the plain average of the fold errors, (1/k) * sum_j MSE_j: every fold counts equally,
    also when the folds have different sizes.

    Parameters
    ----------
    x, y : array_like, shape (n,)
        Inputs (e.g. strains scaled to [0, 1]) and responses (e.g. stresses).
    degree : int
        Polynomial degree, degree >= 0.
    lam : float
        Regularisation strength, lam >= 0. With lam = 0 the fit is the least-squares fit (assume
        then that every training set has at least degree + 1 distinct x values).
    folds : list of (train_idx, val_idx)
        Index arrays into x and y, as returned by ``k_fold_indices``; at least one fold.

    Returns
    -------
    float
        The cross-validated mean squared error (units of y squared).

    Raises
    ------
    ValueError
        If x and y are not 1-D arrays of equal length, degree < 0, lam < 0 or folds is empty.
    """
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    if x.ndim != 1 or y.shape != x.shape:
        raise ValueError("x and y must be 1-D arrays of equal length")
    degree = int(degree)
    if degree < 0:
        raise ValueError("the degree must be >= 0")
    if not lam >= 0:
        raise ValueError("the regularisation strength must be >= 0")
    if len(folds) == 0:
        raise ValueError("at least one fold is needed")
    powers = np.arange(degree + 1)
    penalty = np.sqrt(lam) * np.eye(degree + 1)[1:]
    errors = []
    for train, val in folds:
        train = np.asarray(train, dtype=int)
        val = np.asarray(val, dtype=int)
        A = x[train, np.newaxis] ** powers
        A_aug = np.vstack([A, penalty])
        y_aug = np.concatenate([y[train], np.zeros(degree)])
        w = np.linalg.lstsq(A_aug, y_aug, rcond=None)[0]
        residual = (x[val, np.newaxis] ** powers) @ w - y[val]
        errors.append(np.mean(residual ** 2))
    return float(np.mean(errors))


def grid_points(bounds, n_per_dim, log=False):
    """All points of a full search grid over a box of hyperparameters.

    Along dimension j the grid has n_j values from low_j to high_j, both ends included:
    ``np.linspace(low_j, high_j, n_j)`` for a linear dimension and ``np.geomspace(low_j, high_j, n_j)``
    (equal steps in log x) for a log-scaled one. The grid is the Cartesian product of these values,
    listed with the FIRST dimension varying slowest and the last fastest (the order of
    ``itertools.product`` or of ``np.meshgrid(..., indexing="ij")`` flattened in C order).

    Parameters
    ----------
    bounds : array_like, shape (d, 2)
        One row (low_j, high_j) per hyperparameter, low_j < high_j.
    n_per_dim : int or sequence of d ints
        Number of values per dimension (the same for all if an int), each >= 2.
    log : bool or sequence of d bools, optional
        Whether each dimension is log-scaled (the same for all if a bool). A log-scaled dimension
        needs 0 < low_j.

    Returns
    -------
    numpy.ndarray of float, shape (n_1 * n_2 * ... * n_d, d)
        One grid point per row.

    Raises
    ------
    ValueError
        If bounds is not of shape (d, 2) with d >= 1, low_j >= high_j, a count is below 2, a sequence
        has the wrong length, or a log-scaled dimension has low_j <= 0.
    """
    bounds = np.asarray(bounds, dtype=float)
    if bounds.ndim != 2 or bounds.shape[1] != 2 or bounds.shape[0] < 1:
        raise ValueError("bounds must have shape (d, 2)")
    d = bounds.shape[0]
    counts = [int(n_per_dim)] * d if np.ndim(n_per_dim) == 0 else [int(c) for c in n_per_dim]
    logs = [bool(log)] * d if np.ndim(log) == 0 else [bool(flag) for flag in log]
    if len(counts) != d or len(logs) != d:
        raise ValueError("n_per_dim and log need one entry per dimension")
    axes = []
    for (low, high), count, is_log in zip(bounds, counts, logs):
        if not low < high:
            raise ValueError("every dimension needs low < high")
        if count < 2:
            raise ValueError("every dimension needs at least two grid values")
        if is_log:
            if not low > 0:
                raise ValueError("a log-scaled dimension needs low > 0")
            axes.append(np.geomspace(low, high, count))
        else:
            axes.append(np.linspace(low, high, count))
    mesh = np.meshgrid(*axes, indexing="ij")
    return np.stack([m.ravel() for m in mesh], axis=1)


def random_search_points(bounds, n, rng, log=False):
    """n random points in a box of hyperparameters, uniform or log-uniform per dimension.

    Random calls (follow them exactly, the grader replays them): ``rng = np.random.default_rng(rng)``
    (an int seed becomes a Generator, a Generator is used as it is), then ONE call
    ``u = rng.random((n, d))``; nothing else is drawn. Point i, dimension j is

    * linear dimension:     x_ij = low_j + (high_j - low_j) * u_ij            (uniform on [low, high))
    * log-scaled dimension: x_ij = low_j * (high_j / low_j) ** u_ij           (log-uniform: log x_ij is
      uniform on [log low_j, log high_j), i.e. equally many points per decade)

    Parameters
    ----------
    bounds : array_like, shape (d, 2)
        One row (low_j, high_j) per hyperparameter, low_j < high_j.
    n : int
        Number of points, n >= 0.
    rng : int or numpy.random.Generator
        Seed or generator, see above.
    log : bool or sequence of d bools, optional
        Whether each dimension is log-scaled (the same for all if a bool). A log-scaled dimension
        needs 0 < low_j.

    Returns
    -------
    numpy.ndarray of float, shape (n, d)
        One point per row.

    Raises
    ------
    ValueError
        If bounds is not of shape (d, 2) with d >= 1, low_j >= high_j, n < 0, log has the wrong
        length, or a log-scaled dimension has low_j <= 0.
    """
    bounds = np.asarray(bounds, dtype=float)
    if bounds.ndim != 2 or bounds.shape[1] != 2 or bounds.shape[0] < 1:
        raise ValueError("bounds must have shape (d, 2)")
    d = bounds.shape[0]
    logs = np.full(d, bool(log)) if np.ndim(log) == 0 else np.array([bool(flag) for flag in log])
    if logs.shape != (d,):
        raise ValueError("log needs one entry per dimension")
    low, high = bounds[:, 0], bounds[:, 1]
    if np.any(~(low < high)):
        raise ValueError("every dimension needs low < high")
    if np.any(logs & ~(low > 0)):
        raise ValueError("a log-scaled dimension needs low > 0")
    if int(n) < 0:
        raise ValueError("n must be >= 0")
    u = np.random.default_rng(rng).random((int(n), d))
    linear = low + (high - low) * u
    with np.errstate(divide="ignore", invalid="ignore"):
        logarithmic = low * (high / low) ** u
    return np.where(logs, logarithmic, linear)


def successive_halving(configs, evaluate, r_min, eta=3, n_rungs=None):
    """Successive halving: evaluate many configurations cheaply, promote the best 1/eta to a larger budget.

    Schedule (follow it exactly, the grader counts the calls of ``evaluate``):

    * Rung 0 holds all configurations, indices 0, ..., n-1.
    * In rung i the budget is r_i = r_min * eta**i. Every configuration of the rung is evaluated once,
      ``loss = evaluate(configs[c], r_i)``, in increasing order of its index c.
    * After rung i (unless it is the last one) the best k = max(1, floor(n_i / eta)) configurations of
      the rung are promoted to rung i + 1, where n_i is the number of configurations in rung i. "Best"
      means smallest loss; equal losses are ranked by the smaller index (a stable sort).
    * ``n_rungs`` rungs are run. With ``n_rungs=None`` the halving goes on until a rung holds a single
      configuration; that rung is still evaluated and is the last one.

    Parameters
    ----------
    configs : list
        The n >= 1 configurations (any objects ``evaluate`` understands, e.g. dicts or tuples).
    evaluate : callable
        ``evaluate(config, budget) -> float``, the validation loss of ``config`` trained with
        ``budget`` resources (epochs, samples, ...).
    r_min : float
        Budget of rung 0, r_min > 0.
    eta : int, optional
        Reduction factor, eta >= 2.
    n_rungs : int or None, optional
        Number of rungs, n_rungs >= 1, or None (see above).

    Returns
    -------
    (int, list of (float, numpy.ndarray of int, numpy.ndarray of float))
        The index of the best configuration of the last rung (smallest loss, ties to the smaller
        index), and one entry ``(r_i, indices, losses)`` per rung: the rung's budget, the indices of
        its configurations in increasing order, and their losses in the same order.

    Raises
    ------
    ValueError
        If configs is empty, r_min <= 0, eta < 2 or n_rungs < 1.
    """
    n = len(configs)
    if n == 0:
        raise ValueError("at least one configuration is needed")
    if not r_min > 0:
        raise ValueError("r_min must be positive")
    if eta < 2:
        raise ValueError("eta must be at least 2")
    if n_rungs is not None and n_rungs < 1:
        raise ValueError("at least one rung is needed")
    alive = np.arange(n)
    rungs = []
    i = 0
    while True:
        budget = r_min * eta ** i
        losses = np.array([float(evaluate(configs[c], budget)) for c in alive])
        rungs.append((budget, alive.copy(), losses))
        last = len(alive) == 1 if n_rungs is None else i == n_rungs - 1
        if last:
            break
        keep = max(1, int(len(alive) // eta))
        ranked = np.argsort(losses, kind="stable")[:keep]
        alive = np.sort(alive[ranked])
        i += 1
    _, indices, losses = rungs[-1]
    best = int(indices[np.argsort(losses, kind="stable")[0]])
    return best, rungs


def hyperband_brackets(R, eta=3):
    """The successive-halving schedules of Hyperband (Li et al.) for a maximal budget R.

    With s_max = floor(log_eta(R)) (the largest integer s with eta**s <= R) and B = (s_max + 1) R,
    bracket s = s_max, s_max - 1, ..., 0 starts

        n = ceil((s_max + 1) / (s + 1) * eta**s)  configurations with budget  r = R * eta**(-s)

    and runs s + 1 rungs i = 0, ..., s of successive halving with

        n_i = floor(n * eta**(-i)) configurations, each evaluated with budget r_i = r * eta**i,

    so its last rung uses the maximal budget r_s = R. Compute s_max and n with integer arithmetic:
    a floating-point logarithm or ratio is off by one for some exact powers (log(243)/log(3) < 5).

    Parameters
    ----------
    R : int
        Maximal budget of one configuration, R >= 1 (an integer).
    eta : int, optional
        Reduction factor, eta >= 2 (an integer).

    Returns
    -------
    list of s_max + 1 lists of (int, float)
        Bracket s = s_max first and s = 0 last; bracket s is the list of its s + 1 rungs (n_i, r_i).

    Raises
    ------
    ValueError
        If R < 1 or eta < 2.
    """
    if R < 1 or eta < 2:
        raise ValueError("Hyperband needs R >= 1 and eta >= 2")
    R = int(R)
    eta = int(eta)
    s_max = 0
    while eta ** (s_max + 1) <= R:
        s_max += 1
    brackets = []
    for s in range(s_max, -1, -1):
        n = -(-(s_max + 1) * eta ** s // (s + 1))
        r = R / eta ** s
        brackets.append([(n // eta ** i, r * eta ** i) for i in range(s + 1)])
    return brackets
