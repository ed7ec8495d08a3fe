"""Plausible wrong implementations of the tasks of 05-linear-regression; each must lose points."""

import numpy as np

from autograder.mutants import mutant


# --- fit_least_squares --------------------------------------------------------------------------

@mutant("normal equations with the explicit inverse of X^T X")
def fit_least_squares__inverse_normal_equations(X, y):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    if X.ndim != 2 or y.ndim != 1 or X.shape[0] != y.shape[0]:
        raise ValueError("shapes")
    return np.linalg.inv(X.T @ X) @ X.T @ y


@mutant("normal equations solved with np.linalg.solve: the condition number is squared")
def fit_least_squares__solve_normal_equations(X, y):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    if X.ndim != 2 or y.ndim != 1 or X.shape[0] != y.shape[0]:
        raise ValueError("shapes")
    return np.linalg.solve(X.T @ X, X.T @ y)


@mutant("QR without pivoting: accurate, but no minimum-norm solution for a rank-deficient X")
def fit_least_squares__plain_qr(X, y):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    if X.ndim != 2 or y.ndim != 1 or X.shape[0] != y.shape[0]:
        raise ValueError("shapes")
    Q, R = np.linalg.qr(X)
    return np.linalg.solve(R, Q.T @ y)


# --- r2_score -----------------------------------------------------------------------------------

@mutant("SSR / SST with SSR = sum (y_hat - mean y)^2, true only for a least-squares fit with intercept")
def r2_score__ssr_over_sst(y, y_hat):
    y = np.asarray(y, dtype=float)
    y_hat = np.asarray(y_hat, dtype=float)
    if y.ndim != 1 or y.shape != y_hat.shape or np.all(y == y[0]):
        raise ValueError("bad input")
    return float(np.sum((y_hat - y.mean()) ** 2) / np.sum((y - y.mean()) ** 2))


@mutant("squared correlation coefficient of y and y_hat")
def r2_score__correlation_squared(y, y_hat):
    y = np.asarray(y, dtype=float)
    y_hat = np.asarray(y_hat, dtype=float)
    if y.ndim != 1 or y.shape != y_hat.shape or np.all(y == y[0]):
        raise ValueError("bad input")
    return float(np.corrcoef(y, y_hat)[0, 1] ** 2)


@mutant("SST about the mean of the predictions instead of the mean of the data")
def r2_score__sst_about_prediction_mean(y, y_hat):
    y = np.asarray(y, dtype=float)
    y_hat = np.asarray(y_hat, dtype=float)
    if y.ndim != 1 or y.shape != y_hat.shape or np.all(y == y[0]):
        raise ValueError("bad input")
    return float(1.0 - np.sum((y - y_hat) ** 2) / np.sum((y - y_hat.mean()) ** 2))


# --- ridge_fit ----------------------------------------------------------------------------------

@mutant("penalises the intercept too: a column of ones and lam * I on all weights")
def ridge_fit__penalised_intercept(X, y, lam):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    if lam < 0 or X.ndim != 2 or y.ndim != 1 or X.shape[0] != y.shape[0]:
        raise ValueError("bad input")
    A = np.column_stack([np.ones(len(y)), X])
    w = np.linalg.solve(A.T @ A + lam * np.eye(A.shape[1]), A.T @ y)
    return float(w[0]), w[1:]


@mutant("no intercept: solves (X^T X + lam I) w = X^T y and returns w0 = 0")
def ridge_fit__no_intercept(X, y, lam):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    if lam < 0 or X.ndim != 2 or y.ndim != 1 or X.shape[0] != y.shape[0]:
        raise ValueError("bad input")
    return 0.0, np.linalg.solve(X.T @ X + lam * np.eye(X.shape[1]), X.T @ y)


@mutant("mean instead of sum of the squared errors: lam is effectively multiplied by N")
def ridge_fit__mean_cost(X, y, lam):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    if lam < 0 or X.ndim != 2 or y.ndim != 1 or X.shape[0] != y.shape[0]:
        raise ValueError("bad input")
    n = len(y)
    Xc, yc = X - X.mean(axis=0), y - y.mean()
    w = np.linalg.solve(Xc.T @ Xc / n + lam * np.eye(X.shape[1]), Xc.T @ yc / n)
    return float(y.mean() - X.mean(axis=0) @ w), w


# --- gd_linear_regression -----------------------------------------------------------------------

@mutant("drops the last, partial mini-batch of every epoch")
def gd_linear_regression__drops_last_batch(X, y, lr, n_epochs, batch_size=None, seed=0):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    if not lr > 0 or n_epochs < 0 or (batch_size is not None and batch_size < 1):
        raise ValueError("bad arguments")
    if X.ndim != 2 or y.ndim != 1 or X.shape[0] != y.shape[0] or X.shape[0] == 0:
        raise ValueError("bad shapes")
    rng = np.random.default_rng(seed)
    n = len(y)
    size = n if batch_size is None else min(batch_size, n)
    w = np.zeros(X.shape[1])
    costs = []
    for _ in range(n_epochs):
        order = rng.permutation(n)
        for start in range(0, n - size + 1, size):
            idx = order[start:start + size]
            w = w + lr * X[idx].T @ (y[idx] - X[idx] @ w) / len(idx)
        costs.append(0.5 * np.mean((y - X @ w) ** 2))
    return w, np.array(costs)


@mutant("never shuffles: the batches are taken in the order of the data")
def gd_linear_regression__no_shuffle(X, y, lr, n_epochs, batch_size=None, seed=0):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    if not lr > 0 or n_epochs < 0 or (batch_size is not None and batch_size < 1):
        raise ValueError("bad arguments")
    if X.ndim != 2 or y.ndim != 1 or X.shape[0] != y.shape[0] or X.shape[0] == 0:
        raise ValueError("bad shapes")
    n = len(y)
    size = n if batch_size is None else batch_size
    w = np.zeros(X.shape[1])
    costs = []
    for _ in range(n_epochs):
        for start in range(0, n, size):
            idx = np.arange(start, min(start + size, n))
            w = w + lr * X[idx].T @ (y[idx] - X[idx] @ w) / len(idx)
        costs.append(0.5 * np.mean((y - X @ w) ** 2))
    return w, np.array(costs)


@mutant("sums the batch gradient instead of averaging it (no 1/n_b)")
def gd_linear_regression__sum_not_mean(X, y, lr, n_epochs, batch_size=None, seed=0):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    if not lr > 0 or n_epochs < 0 or (batch_size is not None and batch_size < 1):
        raise ValueError("bad arguments")
    if X.ndim != 2 or y.ndim != 1 or X.shape[0] != y.shape[0] or X.shape[0] == 0:
        raise ValueError("bad shapes")
    rng = np.random.default_rng(seed)
    n = len(y)
    size = n if batch_size is None else batch_size
    w = np.zeros(X.shape[1])
    costs = []
    for _ in range(n_epochs):
        order = rng.permutation(n)
        for start in range(0, n, size):
            idx = order[start:start + size]
            w = w + lr * X[idx].T @ (y[idx] - X[idx] @ w)
        costs.append(0.5 * np.mean((y - X @ w) ** 2))
    return w, np.array(costs)


# --- momentum_step ------------------------------------------------------------------------------

@mutant("the script's sign error: the Nesterov look-ahead point is w - momentum * v")
def momentum_step__lookahead_sign(w, grad_fn, velocity, lr, momentum=0.9, nesterov=False):
    w = np.asarray(w, dtype=float)
    v = np.asarray(velocity, dtype=float)
    g = np.asarray(grad_fn(w - momentum * v if nesterov else w.copy()), dtype=float)
    v_new = momentum * v - lr * g
    return w + v_new, v_new


@mutant("ignores nesterov: always the gradient at w")
def momentum_step__no_lookahead(w, grad_fn, velocity, lr, momentum=0.9, nesterov=False):
    w = np.asarray(w, dtype=float)
    v = np.asarray(velocity, dtype=float)
    v_new = momentum * v - lr * np.asarray(grad_fn(w.copy()), dtype=float)
    return w + v_new, v_new


@mutant("mixes the conventions: v_new = momentum * v - lr * g but w_new = w - v_new")
def momentum_step__mixed_sign_convention(w, grad_fn, velocity, lr, momentum=0.9, nesterov=False):
    w = np.asarray(w, dtype=float)
    v = np.asarray(velocity, dtype=float)
    g = np.asarray(grad_fn(w + momentum * v if nesterov else w.copy()), dtype=float)
    v_new = momentum * v - lr * g
    return w - v_new, v_new


# --- adagrad_step -------------------------------------------------------------------------------

@mutant("divides by the accumulator BEFORE adding the current squared gradient")
def adagrad_step__old_accumulator(w, g, accumulator, lr=0.001, eps=1e-7):
    w = np.asarray(w, dtype=float)
    g = np.asarray(g, dtype=float)
    G = np.asarray(accumulator, dtype=float)
    with np.errstate(all="ignore"):
        return w - lr * g / np.sqrt(G + eps), G + g * g


@mutant("eps outside the square root: g / (sqrt(G) + eps)")
def adagrad_step__eps_outside_sqrt(w, g, accumulator, lr=0.001, eps=1e-7):
    w = np.asarray(w, dtype=float)
    g = np.asarray(g, dtype=float)
    G = np.asarray(accumulator, dtype=float) + g * g
    return w - lr * g / (np.sqrt(G) + eps), G


@mutant("the script's printed sign: w + lr * g / sqrt(G + eps) ascends")
def adagrad_step__ascent(w, g, accumulator, lr=0.001, eps=1e-7):
    w = np.asarray(w, dtype=float)
    g = np.asarray(g, dtype=float)
    G = np.asarray(accumulator, dtype=float) + g * g
    return w + lr * g / np.sqrt(G + eps), G


# --- rmsprop_step -------------------------------------------------------------------------------

@mutant("eps outside the square root: g / (sqrt(s) + eps)")
def rmsprop_step__eps_outside_sqrt(w, g, avg_sq, lr=0.001, rho=0.9, eps=1e-7):
    w = np.asarray(w, dtype=float)
    g = np.asarray(g, dtype=float)
    s = rho * np.asarray(avg_sq, dtype=float) + (1 - rho) * g * g
    return w - lr * g / (np.sqrt(s) + eps), s


@mutant("swaps the weights of the running average: (1 - rho) * s + rho * g^2")
def rmsprop_step__swapped_weights(w, g, avg_sq, lr=0.001, rho=0.9, eps=1e-7):
    w = np.asarray(w, dtype=float)
    g = np.asarray(g, dtype=float)
    s = (1 - rho) * np.asarray(avg_sq, dtype=float) + rho * g * g
    return w - lr * g / np.sqrt(s + eps), s


@mutant("forgets the factor (1 - rho): s = rho * s + g^2")
def rmsprop_step__no_one_minus_rho(w, g, avg_sq, lr=0.001, rho=0.9, eps=1e-7):
    w = np.asarray(w, dtype=float)
    g = np.asarray(g, dtype=float)
    s = rho * np.asarray(avg_sq, dtype=float) + g * g
    return w - lr * g / np.sqrt(s + eps), s


# --- adam_step ----------------------------------------------------------------------------------

@mutant("no bias correction: w - lr * m / (sqrt(v) + eps)")
def adam_step__no_bias_correction(w, g, m, v, t, lr=0.001, beta_1=0.9, beta_2=0.999, eps=1e-7):
    if t < 1:
        raise ValueError("t")
    g = np.asarray(g, dtype=float)
    m = beta_1 * np.asarray(m, dtype=float) + (1 - beta_1) * g
    v = beta_2 * np.asarray(v, dtype=float) + (1 - beta_2) * g * g
    return np.asarray(w, dtype=float) - lr * m / (np.sqrt(v) + eps), m, v


@mutant("the slide's bias correction without the power t: m / (1 - beta_1), v / (1 - beta_2)")
def adam_step__bias_correction_without_power(w, g, m, v, t, lr=0.001, beta_1=0.9, beta_2=0.999, eps=1e-7):
    if t < 1:
        raise ValueError("t")
    g = np.asarray(g, dtype=float)
    m = beta_1 * np.asarray(m, dtype=float) + (1 - beta_1) * g
    v = beta_2 * np.asarray(v, dtype=float) + (1 - beta_2) * g * g
    alpha = lr * np.sqrt(1 - beta_2) / (1 - beta_1)
    return np.asarray(w, dtype=float) - alpha * m / (np.sqrt(v) + eps), m, v


@mutant("textbook epsilon: m_hat / (sqrt(v_hat) + eps) instead of Keras's eps on sqrt(v)")
def adam_step__textbook_epsilon(w, g, m, v, t, lr=0.001, beta_1=0.9, beta_2=0.999, eps=1e-7):
    if t < 1:
        raise ValueError("t")
    g = np.asarray(g, dtype=float)
    m = beta_1 * np.asarray(m, dtype=float) + (1 - beta_1) * g
    v = beta_2 * np.asarray(v, dtype=float) + (1 - beta_2) * g * g
    m_hat = m / (1 - beta_1 ** t)
    v_hat = v / (1 - beta_2 ** t)
    return np.asarray(w, dtype=float) - lr * m_hat / (np.sqrt(v_hat) + eps), m, v
