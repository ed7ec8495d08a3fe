"""Reference solution of assignment 10-probabilistic-methods (Chapter 9: probabilistic and statistical methods).

Six tasks: the maximum-likelihood mean and covariance of correlated strain-gauge noise (1/N and the
outer product), the log-density of a multivariate normal distribution by a Cholesky factor, a
categorical naive Bayes classifier with Laplace smoothing evaluated in log space (failure modes of
bolted joints), the Gaussian posterior of Bayesian linear regression (calibration of a hardening
spring), its posterior predictive mean and variance, and a seeded Monte Carlo estimate of the tip
deflection of a cantilever with an uncertain Young's modulus.

Every task function is self-contained apart from ``import math``, ``import numpy as np`` and
``import matplotlib.pyplot as plt`` (the notebook's first code cell), because the solution notebook
is built from each function's source.
"""

import math

import numpy as np


def gaussian_mle(X):
    """Maximum-likelihood estimates of the mean and covariance of a multivariate normal distribution.

    mu = (1/N) sum_n x_n,   Sigma = (1/N) sum_n (x_n - mu)(x_n - mu)^T   (an outer product, D x D).

    Note the factor 1/N of the maximum-likelihood estimate, not the 1/(N - 1) of the unbiased sample
    covariance that ``np.cov`` returns by default.

    Parameters
    ----------
    X : array_like, shape (N, D)
        N samples of a D-dimensional random vector, one sample per ROW (for one channel use shape
        (N, 1)).

    Returns
    -------
    (numpy.ndarray of float, shape (D,), numpy.ndarray of float, shape (D, D))
        The pair ``(mu, Sigma)``. Sigma is symmetric; for N = 1 it is the zero matrix.

    Raises
    ------
    ValueError
        If X is not a 2-D array or has no rows (N = 0).
    """
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.shape[0] == 0:
        raise ValueError("X must be a 2-D array with at least one row")
    mu = X.mean(axis=0)
    centred = X - mu
    Sigma = centred.T @ centred / X.shape[0]
    return mu, 0.5 * (Sigma + Sigma.T)


def mvn_logpdf(X, mu, Sigma):
    """Log-density of the multivariate normal distribution N(mu, Sigma) at every row of X.

    log p(x) = -1/2 [ D log(2 pi) + log det Sigma + (x - mu)^T Sigma^{-1} (x - mu) ].

    The result must be finite (not -inf) also for points far from the mean, where p(x) itself
    underflows to 0 in floating point: work with logarithms throughout, never take np.log of the
    density.

    Parameters
    ----------
    X : array_like, shape (N, D)
        N points, one per row.
    mu : array_like, shape (D,)
        The mean.
    Sigma : array_like, shape (D, D)
        The covariance matrix, symmetric positive definite.

    Returns
    -------
    numpy.ndarray of float, shape (N,)
        log p(x_n) for every row x_n of X.

    Raises
    ------
    ValueError
        If the shapes are inconsistent (X not 2-D, mu not of length D, Sigma not D x D), or Sigma is
        not positive definite (for example a symmetric matrix with a negative eigenvalue).
    """
    X = np.asarray(X, dtype=float)
    mu = np.asarray(mu, dtype=float)
    Sigma = np.asarray(Sigma, dtype=float)
    if X.ndim != 2 or mu.shape != (X.shape[1],) or Sigma.shape != (X.shape[1], X.shape[1]):
        raise ValueError("X must be (N, D), mu (D,) and Sigma (D, D)")
    D = X.shape[1]
    try:
        L = np.linalg.cholesky(Sigma)
    except np.linalg.LinAlgError:
        raise ValueError("Sigma is not positive definite") from None
    z = np.linalg.solve(L, (X - mu).T)              # L z = x - mu, so |z|^2 is the Mahalanobis distance
    mahalanobis = np.sum(z * z, axis=0)
    log_det = 2.0 * np.sum(np.log(np.diag(L)))
    return -0.5 * (D * math.log(2.0 * math.pi) + log_det + mahalanobis)


def naive_bayes_log_posterior(X_train, y_train, X_new, n_classes, n_categories, alpha=1.0):
    """Categorical naive Bayes with Laplace (additive) smoothing: log-posteriors log p(c | x).

    Training (counts on X_train, y_train):
        prior        p(c)           = N_c / N                                    (no smoothing)
        likelihood   p(x_j = k | c) = (N_{c,j,k} + alpha) / (N_c + alpha * K_j)
    where N_c is the number of training samples of class c, N_{c,j,k} the number of those whose
    feature j equals k, and K_j = n_categories[j] the number of categories of feature j.

    Prediction (for every row x of X_new), in log space:
        log p(c | x) = log p(c) + sum_j log p(x_j | c) - log sum_c' exp(log p(c') + sum_j log p(x_j | c'))
    The normalising term must be computed stably (log-sum-exp with the maximum subtracted): with
    hundreds of features the product of the probabilities underflows to 0.

    Parameters
    ----------
    X_train : array_like of int, shape (N, J)
        Training features; X_train[n, j] is in 0 .. n_categories[j] - 1.
    y_train : array_like of int, shape (N,)
        Training classes in 0 .. n_classes - 1.
    X_new : array_like of int, shape (M, J)
        The samples to classify; X_new[m, j] is in 0 .. n_categories[j] - 1 (values never seen in
        training included).
    n_classes : int
        The number of classes C.
    n_categories : sequence of int, length J
        K_j, the number of categories of feature j.
    alpha : float, optional
        The smoothing parameter, alpha > 0 (alpha = 1 is Laplace smoothing).

    Returns
    -------
    numpy.ndarray of float, shape (M, C)
        Row m holds log p(c | x_m) for c = 0 .. C - 1; every row satisfies
        log(sum(exp(row))) = 0.

    Raises
    ------
    ValueError
        If alpha <= 0, if some class 0 .. C - 1 has no training sample, or if the shapes are
        inconsistent.
    """
    X_train = np.asarray(X_train, dtype=int)
    y_train = np.asarray(y_train, dtype=int)
    X_new = np.asarray(X_new, dtype=int)
    n_categories = [int(k) for k in n_categories]
    J = len(n_categories)
    if not alpha > 0:
        raise ValueError("alpha must be positive")
    if (X_train.ndim != 2 or X_train.shape[1] != J or y_train.shape != (X_train.shape[0],)
            or X_new.ndim != 2 or X_new.shape[1] != J):
        raise ValueError("inconsistent shapes")
    class_counts = np.bincount(y_train, minlength=n_classes)[:n_classes]
    if class_counts.size < n_classes or np.any(class_counts == 0):
        raise ValueError("every class needs at least one training sample")
    log_joint = np.tile(np.log(class_counts / class_counts.sum()), (X_new.shape[0], 1))
    for j, K in enumerate(n_categories):
        counts = np.zeros((n_classes, K))
        np.add.at(counts, (y_train, X_train[:, j]), 1.0)
        log_lik = np.log(counts + alpha) - np.log(class_counts + alpha * K)[:, None]
        log_joint += log_lik[:, X_new[:, j]].T
    top = log_joint.max(axis=1, keepdims=True)
    log_evidence = top + np.log(np.sum(np.exp(log_joint - top), axis=1, keepdims=True))
    return log_joint - log_evidence


def bayes_linreg(Phi, y, sigma2, m0, S0):
    """Gaussian posterior N(m, S) of the weights w of the model y = Phi w + noise, noise ~ N(0, sigma2 I).

    With the prior w ~ N(m0, S0) the posterior is Gaussian with
        S^{-1} = S0^{-1} + Phi^T Phi / sigma2,
        m      = S (S0^{-1} m0 + Phi^T y / sigma2).
    For m0 = 0 and S0 = alpha2 * I this is the course's eq. (191)-(192), and m is the ridge (MAP)
    solution with the penalty lambda = sigma2 / alpha2. Without data (N = 0) the posterior is the prior.
    Processing the data in batches, each posterior serving as the next prior, gives the same result.

    Parameters
    ----------
    Phi : array_like, shape (N, D)
        The design matrix (features phi(x_n)^T as rows); N may be 0.
    y : array_like, shape (N,)
        The measured targets.
    sigma2 : float
        The noise variance, sigma2 > 0.
    m0 : array_like, shape (D,)
        The prior mean.
    S0 : array_like, shape (D, D)
        The prior covariance, symmetric positive definite.

    Returns
    -------
    (numpy.ndarray of float, shape (D,), numpy.ndarray of float, shape (D, D))
        The posterior mean m and the posterior covariance S (symmetric).

    Raises
    ------
    ValueError
        If sigma2 <= 0 or the shapes are inconsistent.
    """
    Phi = np.asarray(Phi, dtype=float)
    y = np.asarray(y, dtype=float)
    m0 = np.asarray(m0, dtype=float)
    S0 = np.asarray(S0, dtype=float)
    if not sigma2 > 0:
        raise ValueError("sigma2 must be positive")
    if Phi.ndim != 2 or y.shape != (Phi.shape[0],) or m0.shape != (Phi.shape[1],) \
            or S0.shape != (Phi.shape[1], Phi.shape[1]):
        raise ValueError("inconsistent shapes")
    prior_precision = np.linalg.inv(S0)
    precision = prior_precision + Phi.T @ Phi / sigma2
    S = np.linalg.inv(precision)
    S = 0.5 * (S + S.T)
    m = S @ (prior_precision @ m0 + Phi.T @ y / sigma2)
    return m, S


def bayes_predictive(Phi_star, m, S, sigma2):
    """Posterior predictive mean and variance of Bayesian linear regression at new inputs.

    For a new input with features phi* (one row of Phi_star):
        mean = phi*^T m,      var = sigma2 + phi*^T S phi*.
    The first term of the variance is the noise of a new measurement (aleatoric), the second the
    uncertainty of the weights (epistemic). Only the M variances are wanted, not the M x M
    covariance matrix of the predictions.

    Parameters
    ----------
    Phi_star : array_like, shape (M, D)
        Features of the M new inputs, one per row.
    m : array_like, shape (D,)
        Posterior mean of the weights.
    S : array_like, shape (D, D)
        Posterior covariance of the weights.
    sigma2 : float
        Noise variance, sigma2 >= 0 (sigma2 = 0 gives the variance of the mean function alone).

    Returns
    -------
    (numpy.ndarray of float, shape (M,), numpy.ndarray of float, shape (M,))
        The predictive means and the predictive VARIANCES (not standard deviations).

    Raises
    ------
    ValueError
        If sigma2 < 0 or the shapes are inconsistent.
    """
    Phi_star = np.asarray(Phi_star, dtype=float)
    m = np.asarray(m, dtype=float)
    S = np.asarray(S, dtype=float)
    if not sigma2 >= 0:
        raise ValueError("sigma2 must be non-negative")
    if Phi_star.ndim != 2 or m.shape != (Phi_star.shape[1],) or S.shape != (m.size, m.size):
        raise ValueError("inconsistent shapes")
    mean = Phi_star @ m
    var = sigma2 + np.einsum("md,de,me->m", Phi_star, S, Phi_star)
    return mean, var


def mc_tip_deflection(F, L, I_z, E_median, s, delta_allow, n, seed):
    """Monte Carlo estimate of the tip deflection of a cantilever whose Young's modulus is uncertain.

    A cantilever of length L (m) and second moment of area I_z (m^4) carries the tip load F (N). Its
    tip deflection is  delta = F L^3 / (3 E I_z)  (m). Young's modulus E (Pa) is lognormal:
    ln E ~ N(ln E_median, s^2), so E_median is the median of E and s about its coefficient of variation.

    1. Create the generator ``rng = np.random.default_rng(seed)`` and draw ALL random numbers from it
       (so that the same seed reproduces the result); draw n independent samples E_1 .. E_n.
    2. Compute delta_i for every sample.
    3. Return
       - mean       = (1/n) sum_i delta_i, the Monte Carlo estimate of E[delta];
       - std_error  = std(delta_i, ddof=1) / sqrt(n), its standard error (central limit theorem);
       - p_exceed   = the fraction of samples with delta_i > delta_allow, an estimate of the
                      probability that the serviceability limit delta_allow is exceeded.

    Parameters
    ----------
    F : float
        Tip load in N.
    L, I_z : float
        Length (m) and second moment of area (m^4), both > 0.
    E_median : float
        Median of Young's modulus in Pa, > 0.
    s : float
        Standard deviation of ln E, s >= 0 (s = 0: E is certain).
    delta_allow : float
        Allowed tip deflection in m, > 0.
    n : int
        Number of Monte Carlo samples, n >= 2.
    seed : int
        Seed of ``np.random.default_rng``.

    Returns
    -------
    (float, float, float)
        ``(mean, std_error, p_exceed)``; mean in m, std_error in m, p_exceed in [0, 1].

    Raises
    ------
    ValueError
        If n < 2, s < 0, or one of L, I_z, E_median, delta_allow is not positive.
    """
    if n < 2 or s < 0 or min(L, I_z, E_median, delta_allow) <= 0:
        raise ValueError("need n >= 2, s >= 0 and positive L, I_z, E_median, delta_allow")
    rng = np.random.default_rng(seed)
    E = E_median * np.exp(s * rng.standard_normal(int(n)))
    delta = F * L**3 / (3.0 * E * I_z)
    mean = float(np.mean(delta))
    std_error = float(np.std(delta, ddof=1) / math.sqrt(n))
    p_exceed = float(np.mean(delta > delta_allow))
    return mean, std_error, p_exceed
