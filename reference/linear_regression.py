"""Reference solution of assignment 05-linear-regression (Chapter 5: linear regression).

Eight tasks: least squares with an orthogonal factorization, the coefficient of determination R^2,
ridge regression with an unpenalised intercept, (mini-batch) gradient descent for least squares, and
one update step of each member of the gradient-descent family -- momentum and Nesterov momentum,
AdaGrad, RMSProp and Adam with bias correction. The optimizer steps follow the conventions of
``keras.optimizers`` (Keras 3) exactly, so that a sequence of steps reproduces Keras's iterates.

Every task function is self-contained apart from ``import numpy as np`` (the notebook's first code
cell), because ``autograder solution`` pastes each function's source into the student notebook.
"""

import numpy as np


def fit_least_squares(X, y):
    """Least-squares weights: the w that minimises J(w) = 1/(2N) * ||y - X w||^2.

    The minimiser solves the normal equations X^T X w = X^T y, but do NOT solve them by forming
    X^T X (or its inverse): the condition number of X^T X is cond(X)^2, so half of the significant
    digits are lost for an ill-conditioned design matrix. Use an orthogonal factorization of X
    itself, e.g. ``np.linalg.lstsq(X, y, rcond=None)`` (SVD based). The result must be accurate to
    a relative error of about cond(X) * 1e-16.

    Parameters
    ----------
    X : array_like, shape (N, p)
        The design matrix: one row per sample, one column per feature. For a model with an
        intercept the caller includes a column of ones; this function adds nothing.
    y : array_like, shape (N,)
        The measured responses.

    Returns
    -------
    numpy.ndarray of float, shape (p,)
        The least-squares weights. If X has rank < p (e.g. two identical columns, or N < p), many
        weight vectors reach the same minimum: return the one of smallest Euclidean norm (this is
        what ``np.linalg.lstsq`` returns).

    Raises
    ------
    ValueError
        If X is not 2-D, y is not 1-D, N == 0, or the numbers of rows differ.
    """
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    if X.ndim != 2 or y.ndim != 1:
        raise ValueError("X must be 2-D and y 1-D")
    if X.shape[0] == 0 or X.shape[0] != y.shape[0]:
        raise ValueError("X and y must have the same, positive number of rows")
    w, *_ = np.linalg.lstsq(X, y, rcond=None)
    return w


def r2_score(y, y_hat):
    """Coefficient of determination R^2 = 1 - SSE / SST of the predictions y_hat of the data y.

        SSE = sum_i (y_i - y_hat_i)^2          (the squared errors left by the model)
        SST = sum_i (y_i - mean(y))^2          (the total variation of the data about its mean)

    R^2 = 1 for perfect predictions, 0 for predicting the mean of y everywhere, and negative for a
    model that is worse than the mean. Do not use SSR / SST with SSR = sum_i (y_hat_i - mean(y))^2,
    nor the squared correlation of y and y_hat: both equal R^2 only for a least-squares fit with an
    intercept, evaluated on its own training data.

    Parameters
    ----------
    y : array_like, shape (N,)
        The measured values.
    y_hat : array_like, shape (N,)
        The model's predictions of the same samples.

    Returns
    -------
    float
        R^2 (at most 1, no lower bound).

    Raises
    ------
    ValueError
        If y or y_hat is not 1-D, the shapes differ, or SST == 0 (all y equal: R^2 is undefined).
    """
    y = np.asarray(y, dtype=float)
    y_hat = np.asarray(y_hat, dtype=float)
    if y.ndim != 1 or y_hat.shape != y.shape:
        raise ValueError("y and y_hat must be 1-D arrays of the same length")
    sst = float(np.sum((y - y.mean()) ** 2)) if y.size else 0.0
    if sst == 0.0:
        raise ValueError("R^2 is undefined when all y are equal")
    sse = float(np.sum((y - y_hat) ** 2))
    return 1.0 - sse / sst


def ridge_fit(X, y, lam):
    """Ridge regression with an intercept that is NOT penalised.

    Minimise over the intercept w0 and the weights w = (w_1, ..., w_p)

        J(w0, w) = sum_i (y_i - w0 - x_i . w)^2 + lam * ||w||^2          (note: a sum, no 1/N),

    which is the cost of ``sklearn.linear_model.Ridge(alpha=lam)``. Only w is shrunk; w0 is free,
    so shifting all y by a constant c shifts w0 by c and leaves w unchanged. Setting the derivative
    with respect to w0 to zero gives w0 = mean(y) - mean(X, axis=0) . w; with the centred data
    Xc = X - mean(X, axis=0) and yc = y - mean(y) the weights solve

        (Xc^T Xc + lam * I) w = Xc^T yc.

    Parameters
    ----------
    X : array_like, shape (N, p)
        The features, WITHOUT a column of ones (the intercept is handled here), N >= 1, p >= 1.
    y : array_like, shape (N,)
        The responses.
    lam : float
        The regularization parameter lam >= 0. lam = 0 gives ordinary least squares with an
        intercept (for lam = 0 the centred X is assumed to have full column rank).

    Returns
    -------
    (float, numpy.ndarray of float, shape (p,))
        The intercept w0 and the weights w.

    Raises
    ------
    ValueError
        If lam < 0, X is not 2-D, y is not 1-D, N == 0, or the numbers of rows differ.
    """
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    if not lam >= 0:
        raise ValueError("lam must be >= 0")
    if X.ndim != 2 or y.ndim != 1:
        raise ValueError("X must be 2-D and y 1-D")
    if X.shape[0] == 0 or X.shape[0] != y.shape[0]:
        raise ValueError("X and y must have the same, positive number of rows")
    x_mean = X.mean(axis=0)
    y_mean = y.mean()
    Xc = X - x_mean
    yc = y - y_mean
    p = X.shape[1]
    # the normal equations (Xc^T Xc + lam I) w = Xc^T yc are those of the stacked least-squares
    # problem [Xc; sqrt(lam) I] w ~ [yc; 0], which lstsq solves without squaring the condition number
    A = np.vstack([Xc, np.sqrt(lam) * np.eye(p)])
    b = np.concatenate([yc, np.zeros(p)])
    w, *_ = np.linalg.lstsq(A, b, rcond=None)
    return float(y_mean - x_mean @ w), w


def gd_linear_regression(X, y, lr, n_epochs, batch_size=None, seed=0):
    """Least squares by (mini-batch) gradient descent on J(w) = 1/(2N) * ||y - X w||^2.

    Follow this algorithm exactly (the grader replays it):

    1. ``rng = np.random.default_rng(seed)``; w = zeros(p); B = N if batch_size is None else
       batch_size.
    2. In every epoch draw ``order = rng.permutation(N)`` (also when B >= N) and walk through it in
       consecutive batches ``idx = order[start:start + B]`` for start = 0, B, 2B, ... < N. The last
       batch is smaller when N is not a multiple of B; it is used, not dropped.
    3. For each batch update w <- w - lr * g with the gradient of the batch's mean cost
       1/(2 n_b) * sum_{i in idx} (y_i - x_i . w)^2, i.e. g = -(1/n_b) * X_b^T (y_b - X_b w), where
       n_b = len(idx) is the actual size of this batch.
    4. After each epoch record the full cost J(w) = 1/(2N) * ||y - X w||^2.

    batch_size = None (or B >= N) is full-batch gradient descent, batch_size = 1 is stochastic
    gradient descent.

    Parameters
    ----------
    X : array_like, shape (N, p)
        The design matrix (include a column of ones for an intercept).
    y : array_like, shape (N,)
        The responses.
    lr : float
        The learning rate, lr > 0.
    n_epochs : int
        The number of passes through the data, n_epochs >= 0.
    batch_size : int or None, optional
        The mini-batch size B >= 1; None means the full batch.
    seed : int, optional
        Seed of the generator that shuffles the samples.

    Returns
    -------
    (numpy.ndarray of float, shape (p,), numpy.ndarray of float, shape (n_epochs,))
        The final weights and the cost J after each epoch.

    Raises
    ------
    ValueError
        If lr <= 0, n_epochs < 0, batch_size < 1, X is not 2-D, y is not 1-D, N == 0, or the
        numbers of rows differ.
    """
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    if not lr > 0:
        raise ValueError("the learning rate must be positive")
    if n_epochs < 0:
        raise ValueError("n_epochs must be >= 0")
    if batch_size is not None and batch_size < 1:
        raise ValueError("batch_size must be >= 1")
    if X.ndim != 2 or y.ndim != 1:
        raise ValueError("X must be 2-D and y 1-D")
    n_samples = X.shape[0]
    if n_samples == 0 or n_samples != y.shape[0]:
        raise ValueError("X and y must have the same, positive number of rows")
    rng = np.random.default_rng(seed)
    size = n_samples if batch_size is None else int(batch_size)
    w = np.zeros(X.shape[1])
    costs = []
    for _ in range(n_epochs):
        order = rng.permutation(n_samples)
        for start in range(0, n_samples, size):
            idx = order[start:start + size]
            Xb, yb = X[idx], y[idx]
            gradient = -(Xb.T @ (yb - Xb @ w)) / len(idx)
            w = w - lr * gradient
        residual = y - X @ w
        costs.append(0.5 * float(residual @ residual) / n_samples)
    return w, np.array(costs)


def momentum_step(w, grad_fn, velocity, lr, momentum=0.9, nesterov=False):
    """One step of gradient descent with momentum (heavy ball) or Nesterov momentum.

    Convention (that of ``keras.optimizers.SGD``): the velocity v points in the direction of motion,

        g     = grad_fn(w)                 (momentum)
        g     = grad_fn(w + momentum * v)  (Nesterov: the gradient at the look-ahead point, i.e.
                                            where the velocity alone would carry w)
        v_new = momentum * v - lr * g
        w_new = w + v_new

    In the course's notation Delta w = -v (Delta w^{k+1} = gamma Delta w^k + alpha grad J,
    w^{k+1} = w^k - Delta w^{k+1}); the look-ahead point is then w - gamma * Delta w. ``grad_fn``
    is called exactly once per step.

    Parameters
    ----------
    w : array_like of float, any shape
        The current weights.
    grad_fn : callable
        grad_fn(point) takes a float array of the shape of w and returns the gradient there.
    velocity : array_like of float, the shape of w
        The current velocity (zeros before the first step).
    lr : float
        The learning rate alpha > 0.
    momentum : float, optional
        The momentum coefficient gamma, 0 <= gamma < 1 (0 gives plain gradient descent).
    nesterov : bool, optional
        Whether to take the gradient at the look-ahead point.

    Returns
    -------
    (numpy.ndarray of float, numpy.ndarray of float)
        The new weights and the new velocity, both of the shape of w.
    """
    w = np.asarray(w, dtype=float)
    v = np.asarray(velocity, dtype=float)
    point = w + momentum * v if nesterov else w.copy()
    g = np.asarray(grad_fn(point), dtype=float)
    v_new = momentum * v - lr * g
    return w + v_new, v_new


def adagrad_step(w, g, accumulator, lr=0.001, eps=1e-7):
    """One AdaGrad step with the conventions of ``keras.optimizers.Adagrad``.

        G_new = G + g^2                              (elementwise; the CURRENT gradient is included)
        w_new = w - lr * g / sqrt(G_new + eps)       (eps INSIDE the square root)

    Every weight gets its own step size, which shrinks as its squared gradients accumulate. The
    caller chooses the initial accumulator: the course starts from G = 0, Keras from
    ``initial_accumulator_value`` = 0.1.

    Parameters
    ----------
    w, g : array_like of float, same shape
        The weights and the gradient of the cost at w.
    accumulator : array_like of float, the shape of w
        The sum G of the squared past gradients (plus the initial value).
    lr : float, optional
        The learning rate.
    eps : float, optional
        The small constant under the square root.

    Returns
    -------
    (numpy.ndarray of float, numpy.ndarray of float)
        The new weights and the new accumulator G_new, both of the shape of w.
    """
    w = np.asarray(w, dtype=float)
    g = np.asarray(g, dtype=float)
    G_new = np.asarray(accumulator, dtype=float) + g * g
    return w - lr * g / np.sqrt(G_new + eps), G_new


def rmsprop_step(w, g, avg_sq, lr=0.001, rho=0.9, eps=1e-7):
    """One RMSProp step with the conventions of ``keras.optimizers.RMSprop`` (no momentum, not centred).

        s_new = rho * s + (1 - rho) * g^2            (running average of the squared gradient)
        w_new = w - lr * g / sqrt(s_new + eps)       (eps INSIDE the square root)

    Parameters
    ----------
    w, g : array_like of float, same shape
        The weights and the gradient of the cost at w.
    avg_sq : array_like of float, the shape of w
        The running average s of the squared gradients (zeros before the first step).
    lr : float, optional
        The learning rate.
    rho : float, optional
        The decay rate of the average, 0 <= rho < 1.
    eps : float, optional
        The small constant under the square root.

    Returns
    -------
    (numpy.ndarray of float, numpy.ndarray of float)
        The new weights and the new average s_new, both of the shape of w.
    """
    w = np.asarray(w, dtype=float)
    g = np.asarray(g, dtype=float)
    s_new = rho * np.asarray(avg_sq, dtype=float) + (1.0 - rho) * g * g
    return w - lr * g / np.sqrt(s_new + eps), s_new


def adam_step(w, g, m, v, t, lr=0.001, beta_1=0.9, beta_2=0.999, eps=1e-7):
    """One Adam step with bias correction, in the form of ``keras.optimizers.Adam``.

        m_new   = beta_1 * m + (1 - beta_1) * g          (first moment: running mean of g)
        v_new   = beta_2 * v + (1 - beta_2) * g^2        (second moment: running mean of g^2)
        alpha_t = lr * sqrt(1 - beta_2**t) / (1 - beta_1**t)
        w_new   = w - alpha_t * m_new / (sqrt(v_new) + eps)

    t is the number of this step, counted from 1 (the first call has t = 1). This is the textbook
    update w - lr * m_hat / (sqrt(v_hat) + eps_hat) with the bias-corrected moments
    m_hat = m_new / (1 - beta_1**t), v_hat = v_new / (1 - beta_2**t) and eps_hat = eps / sqrt(1 - beta_2**t):
    Keras (and this task) adds eps to sqrt(v_new), not to sqrt(v_hat).

    Parameters
    ----------
    w, g : array_like of float, same shape
        The weights and the gradient of the cost at w.
    m, v : array_like of float, the shape of w
        The first and second moments after step t - 1 (zeros before the first step).
    t : int
        The step number, t >= 1.
    lr : float, optional
        The learning rate.
    beta_1, beta_2 : float, optional
        The decay rates of the moments, in [0, 1).
    eps : float, optional
        The small constant added to sqrt(v_new).

    Returns
    -------
    (numpy.ndarray of float, numpy.ndarray of float, numpy.ndarray of float)
        The new weights, m_new and v_new, each of the shape of w.

    Raises
    ------
    ValueError
        If t < 1.
    """
    if t < 1:
        raise ValueError("the step number t starts at 1")
    w = np.asarray(w, dtype=float)
    g = np.asarray(g, dtype=float)
    m_new = beta_1 * np.asarray(m, dtype=float) + (1.0 - beta_1) * g
    v_new = beta_2 * np.asarray(v, dtype=float) + (1.0 - beta_2) * g * g
    alpha = lr * np.sqrt(1.0 - beta_2 ** t) / (1.0 - beta_1 ** t)
    return w - alpha * m_new / (np.sqrt(v_new) + eps), m_new, v_new
