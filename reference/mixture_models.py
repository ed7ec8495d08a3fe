"""Reference solution of assignment 11-mixture-models (Gaussian mixtures and the EM algorithm).

Eight tasks: the log-density of a multivariate Gaussian through a Cholesky factor, the E-step
(responsibilities and log-likelihood by log-sum-exp), the M-step with a regularising jitter, the full
EM loop with its log-likelihood history (checked against scikit-learn's GaussianMixture in the hidden
tests), matching the components of two mixtures (label switching), classification by responsibilities
with a rejection threshold, the information criteria BIC/AIC for choosing the number of components,
and a 1-D Gaussian kernel density estimate with Silverman's bandwidth.

Every task function is self-contained apart from ``import numpy as np`` and ``import itertools`` (the
notebook's first code cell), because ``autograder solution`` pastes each function's source into the
student notebook. That is why ``e_step``, ``fit_gmm`` and ``classify`` repeat the log-density computation.
"""

import itertools

import numpy as np


def gaussian_logpdf(X, mean, cov):
    """Log-density log N(x_i | mean, cov) of a multivariate Gaussian at every row x_i of X.

    log N(x | mu, Sigma) = -1/2 [ D log(2 pi) + log det Sigma + (x - mu)^T Sigma^{-1} (x - mu) ]

    Compute it through the Cholesky factor Sigma = L L^T (``np.linalg.cholesky``):
    log det Sigma = 2 sum_j log L_jj, and the Mahalanobis term is ||z||^2 with L z = x - mu. Never
    form det(Sigma) or inv(Sigma): the determinant under- or overflows already for moderate D.

    Parameters
    ----------
    X : array_like, shape (N, D)
        N points (rows) in D dimensions, N >= 1. A single point is passed as shape (1, D).
    mean : array_like, shape (D,)
        The mean vector mu.
    cov : array_like, shape (D, D)
        The covariance matrix Sigma, symmetric positive definite.

    Returns
    -------
    numpy.ndarray of float, shape (N,)
        log N(x_i | mean, cov) for every row (natural logarithm).

    Raises
    ------
    ValueError
        If X is not 2-D, or mean / cov do not have the shapes (D,) / (D, D), or cov is not positive
        definite (``numpy.linalg.LinAlgError``, which np.linalg.cholesky raises, is a ValueError).
    """
    X = np.asarray(X, dtype=float)
    mean = np.asarray(mean, dtype=float)
    cov = np.asarray(cov, dtype=float)
    if X.ndim != 2:
        raise ValueError("X must be a 2-D array of shape (N, D)")
    D = X.shape[1]
    if mean.shape != (D,) or cov.shape != (D, D):
        raise ValueError("mean must have shape (D,) and cov shape (D, D)")
    L = np.linalg.cholesky(cov)
    diff = X - mean
    # solve L z_i = x_i - mu for all points at once (columns of diff.T)
    Z = np.linalg.solve(L, diff.T)
    maha = np.sum(Z * Z, axis=0)
    log_det = 2.0 * np.sum(np.log(np.diag(L)))
    return -0.5 * (D * np.log(2.0 * np.pi) + log_det + maha)


def e_step(X, weights, means, covs):
    """E-step of EM for a Gaussian mixture: the responsibilities and the log-likelihood.

    With a_ik = log w_k + log N(x_i | mu_k, Sigma_k), the responsibility of component k for point i is

        r_ik = exp(a_ik) / sum_j exp(a_ij)          (every row of r sums to 1)

    and the log-likelihood of the data is  log L = sum_i log sum_k exp(a_ik).
    Evaluate both with the log-sum-exp trick (subtract the row maximum of a before exponentiating),
    so that points far from every component give finite responsibilities and a finite log L.
    A component with weight 0 has a_ik = -inf and gets responsibility 0.

    Parameters
    ----------
    X : array_like, shape (N, D)
        The data, one point per row.
    weights : array_like, shape (K,)
        Mixture weights w_k >= 0 with sum 1 (not checked).
    means : array_like, shape (K, D)
        Component means, one per row.
    covs : array_like, shape (K, D, D)
        Component covariance matrices, each symmetric positive definite.

    Returns
    -------
    (numpy.ndarray of float, shape (N, K), float)
        The responsibilities r and the total (not the mean) log-likelihood log L.
    """
    X = np.asarray(X, dtype=float)
    weights = np.asarray(weights, dtype=float)
    means = np.asarray(means, dtype=float)
    covs = np.asarray(covs, dtype=float)
    N, D = X.shape
    K = weights.shape[0]
    log_joint = np.empty((N, K))
    for k in range(K):
        L = np.linalg.cholesky(covs[k])
        Z = np.linalg.solve(L, (X - means[k]).T)
        log_det = 2.0 * np.sum(np.log(np.diag(L)))
        log_pdf = -0.5 * (D * np.log(2.0 * np.pi) + log_det + np.sum(Z * Z, axis=0))
        with np.errstate(divide="ignore"):
            log_joint[:, k] = np.log(weights[k]) + log_pdf
    row_max = np.max(log_joint, axis=1, keepdims=True)
    log_norm = row_max + np.log(np.sum(np.exp(log_joint - row_max), axis=1, keepdims=True))
    resp = np.exp(log_joint - log_norm)
    return resp, float(np.sum(log_norm))


def m_step(X, resp, reg=1e-6):
    """M-step of EM for a Gaussian mixture: new weights, means and covariances from responsibilities.

    With N_k = sum_i r_ik (the effective number of points of component k):

        w_k     = N_k / N
        mu_k    = (1 / N_k) sum_i r_ik x_i
        Sigma_k = (1 / N_k) sum_i r_ik (x_i - mu_k)(x_i - mu_k)^T  +  reg * I

    The covariance is the maximum-likelihood one (divide by N_k, not by N_k - 1); the jitter reg * I
    keeps it positive definite when a component collapses onto a single point or a line.

    Parameters
    ----------
    X : array_like, shape (N, D)
        The data, one point per row.
    resp : array_like, shape (N, K)
        Responsibilities r_ik >= 0; every column has a positive sum N_k (not checked).
    reg : float, optional
        The jitter added to the diagonal of every covariance, reg >= 0.

    Returns
    -------
    (numpy.ndarray shape (K,), numpy.ndarray shape (K, D), numpy.ndarray shape (K, D, D))
        The weights, means and covariances.

    Raises
    ------
    ValueError
        If X is not 2-D, resp is not 2-D with as many rows as X, or reg < 0.
    """
    X = np.asarray(X, dtype=float)
    resp = np.asarray(resp, dtype=float)
    if X.ndim != 2 or resp.ndim != 2 or resp.shape[0] != X.shape[0]:
        raise ValueError("X must have shape (N, D) and resp shape (N, K)")
    if reg < 0:
        raise ValueError("the jitter reg must be non-negative")
    N, D = X.shape
    K = resp.shape[1]
    counts = resp.sum(axis=0)
    weights = counts / N
    means = (resp.T @ X) / counts[:, np.newaxis]
    covs = np.empty((K, D, D))
    for k in range(K):
        diff = X - means[k]
        covs[k] = (resp[:, k] * diff.T) @ diff / counts[k] + reg * np.eye(D)
    return weights, means, covs


def fit_gmm(X, weights, means, covs, max_iter=200, tol=1e-6, reg=1e-6):
    """Fit a Gaussian mixture to X by the EM algorithm, starting from the given parameters.

    The loop, exactly:

    1. history = [log L(initial parameters)]
    2. repeat at most ``max_iter`` times:
         E-step with the current parameters -> responsibilities r;
         M-step (with the jitter ``reg``) -> new parameters;
         append log L(new parameters) to history;
         stop if history[-1] - history[-2] <= tol.

    log L is the total log-likelihood of the data (as returned by ``e_step``). With reg = 0, EM never
    decreases log L (up to rounding), so the history is non-decreasing; the jitter changes the
    objective only slightly. ``tol = -np.inf`` makes the loop run all ``max_iter`` iterations.
    You may call your functions ``e_step`` and ``m_step``.

    Parameters
    ----------
    X : array_like, shape (N, D)
        The data.
    weights, means, covs : array_like, shapes (K,), (K, D), (K, D, D)
        The initial parameters (they must not be modified).
    max_iter : int, optional
        Maximum number of EM iterations (E-step plus M-step), >= 0.
    tol : float, optional
        Absolute tolerance on the increase of log L.
    reg : float, optional
        Jitter of the M-step, reg >= 0.

    Returns
    -------
    (weights, means, covs, history)
        The final parameters (numpy arrays of shapes (K,), (K, D), (K, D, D)) and the log-likelihoods
        as a 1-D numpy array of length (number of iterations performed) + 1; history[-1] is the
        log-likelihood of the returned parameters.
    """
    X = np.asarray(X, dtype=float)
    N, D = X.shape

    def expectation(w, mu, sigma):
        log_joint = np.empty((N, w.shape[0]))
        for k in range(w.shape[0]):
            L = np.linalg.cholesky(sigma[k])
            Z = np.linalg.solve(L, (X - mu[k]).T)
            log_det = 2.0 * np.sum(np.log(np.diag(L)))
            with np.errstate(divide="ignore"):
                log_joint[:, k] = np.log(w[k]) - 0.5 * (D * np.log(2.0 * np.pi) + log_det
                                                         + np.sum(Z * Z, axis=0))
        row_max = np.max(log_joint, axis=1, keepdims=True)
        log_norm = row_max + np.log(np.sum(np.exp(log_joint - row_max), axis=1, keepdims=True))
        return np.exp(log_joint - log_norm), float(np.sum(log_norm))

    def maximisation(r):
        counts = r.sum(axis=0)
        mu = (r.T @ X) / counts[:, np.newaxis]
        sigma = np.empty((r.shape[1], D, D))
        for k in range(r.shape[1]):
            diff = X - mu[k]
            sigma[k] = (r[:, k] * diff.T) @ diff / counts[k] + reg * np.eye(D)
        return counts / N, mu, sigma

    w = np.array(weights, dtype=float)
    mu = np.array(means, dtype=float)
    sigma = np.array(covs, dtype=float)
    resp, log_lik = expectation(w, mu, sigma)
    history = [log_lik]
    for _ in range(max_iter):
        w, mu, sigma = maximisation(resp)
        resp, log_lik = expectation(w, mu, sigma)
        history.append(log_lik)
        if history[-1] - history[-2] <= tol:
            break
    return w, mu, sigma, np.array(history)


def align_components(means_ref, means):
    """The permutation that matches the components of a fitted mixture to those of a reference one.

    A mixture does not change when its components are relabelled (label switching), so two fits, or a
    fit and the truth, can only be compared after matching the components. Return the permutation
    ``perm`` (perm[k] = the index in ``means`` of the component matched to reference component k)
    that minimises the total squared distance

        sum_k || means_ref[k] - means[perm[k]] ||^2

    over all K! permutations (K <= 8, so trying every permutation, e.g. with itertools.permutations,
    is fine). Then ``means[perm]`` lines up with ``means_ref``; the weights and covariances are
    reordered the same way, ``weights[perm]`` and ``covs[perm]``.

    Parameters
    ----------
    means_ref, means : array_like, shape (K, D)
        The two sets of component means.

    Returns
    -------
    numpy.ndarray of int, shape (K,)
        The permutation perm (each of 0, ..., K-1 exactly once).

    Raises
    ------
    ValueError
        If the arrays are not 2-D or their shapes differ.
    """
    means_ref = np.asarray(means_ref, dtype=float)
    means = np.asarray(means, dtype=float)
    if means_ref.ndim != 2 or means.shape != means_ref.shape:
        raise ValueError("means_ref and means must be 2-D arrays of the same shape")
    K = means.shape[0]
    cost = np.sum((means_ref[:, np.newaxis, :] - means[np.newaxis, :, :]) ** 2, axis=2)
    best, best_cost = None, np.inf
    for perm in itertools.permutations(range(K)):
        total = cost[np.arange(K), list(perm)].sum()
        if total < best_cost:
            best, best_cost = perm, total
    return np.array(best, dtype=int)


def information_criteria(log_likelihood, n_components, n_features, n_samples):
    """BIC and AIC of a Gaussian mixture with full covariance matrices.

    The number of free parameters of K components in D dimensions is

        p = (K - 1)            weights (they sum to 1)
          + K D                means
          + K D (D + 1) / 2    covariances (symmetric)

    and, with the maximised log-likelihood log L and N samples (natural logarithms),

        BIC = -2 log L + p ln N,        AIC = -2 log L + 2 p.

    The smaller value is better.

    Parameters
    ----------
    log_likelihood : float
        The total log-likelihood log L of the fitted mixture.
    n_components, n_features, n_samples : int
        K >= 1, D >= 1, N >= 1.

    Returns
    -------
    (float, float)
        (BIC, AIC).

    Raises
    ------
    ValueError
        If K, D or N is smaller than 1.
    """
    if n_components < 1 or n_features < 1 or n_samples < 1:
        raise ValueError("the numbers of components, features and samples must be at least 1")
    K, D = n_components, n_features
    p = (K - 1) + K * D + K * D * (D + 1) // 2
    bic = -2.0 * log_likelihood + p * np.log(n_samples)
    aic = -2.0 * log_likelihood + 2.0 * p
    return float(bic), float(aic)


def classify(X, weights, means, covs, threshold=0.0):
    """Assign points to the components of a fitted mixture by their largest responsibility.

    A fitted mixture is a (generative) classifier: point x_i goes to the component with the largest
    posterior probability, the responsibility r_ik of the E-step,

        label_i = argmax_k r_ik,        confidence_i = max_k r_ik        (1/K <= confidence_i <= 1).

    A point whose confidence is below ``threshold`` is not classified: its label is -1. (An indent
    that straddles two phases, or a pixel on a fibre/matrix interface, lies between the components
    and gets a low confidence.) Ties go to the smallest index k, as with ``np.argmax``. Evaluate the
    responsibilities with the log-sum-exp trick, so that points far from every component (a pore,
    an aggregate grain) still get a label and a finite confidence.

    Parameters
    ----------
    X : array_like, shape (N, D)
        The points to classify, one per row.
    weights : array_like, shape (K,)
        Mixture weights w_k >= 0 with sum 1 (not checked).
    means : array_like, shape (K, D)
        Component means.
    covs : array_like, shape (K, D, D)
        Component covariance matrices, each symmetric positive definite.
    threshold : float, optional
        The smallest confidence that is accepted, 0 <= threshold <= 1; 0 accepts every point.

    Returns
    -------
    (numpy.ndarray of int, shape (N,), numpy.ndarray of float, shape (N,))
        The labels (in 0, ..., K-1, or -1 where confidence < threshold) and the confidences.

    Raises
    ------
    ValueError
        If threshold is not in [0, 1].
    """
    if not 0.0 <= threshold <= 1.0:
        raise ValueError("the threshold must lie in [0, 1]")
    X = np.asarray(X, dtype=float)
    weights = np.asarray(weights, dtype=float)
    means = np.asarray(means, dtype=float)
    covs = np.asarray(covs, dtype=float)
    N, D = X.shape
    K = weights.shape[0]
    log_joint = np.empty((N, K))
    for k in range(K):
        L = np.linalg.cholesky(covs[k])
        Z = np.linalg.solve(L, (X - means[k]).T)
        log_det = 2.0 * np.sum(np.log(np.diag(L)))
        with np.errstate(divide="ignore"):
            log_joint[:, k] = np.log(weights[k]) - 0.5 * (D * np.log(2.0 * np.pi) + log_det
                                                          + np.sum(Z * Z, axis=0))
    row_max = np.max(log_joint, axis=1, keepdims=True)
    log_norm = row_max + np.log(np.sum(np.exp(log_joint - row_max), axis=1, keepdims=True))
    resp = np.exp(log_joint - log_norm)
    labels = np.argmax(resp, axis=1)
    confidence = resp[np.arange(N), labels]
    labels[confidence < threshold] = -1
    return labels, confidence


def gaussian_kde_1d(samples, x, bandwidth=None):
    """Kernel density estimate of a 1-D sample with a Gaussian kernel.

    With the N samples x_1, ..., x_N and the bandwidth h > 0,

        f(x) = 1 / (N h) sum_i phi((x - x_i) / h),        phi(u) = exp(-u^2 / 2) / sqrt(2 pi),

    i.e. a mixture of N Gaussians of equal weight 1/N, one centred on every sample, all with the
    standard deviation h. It is a density: f >= 0 and its integral is 1.

    If ``bandwidth`` is None, use Silverman's rule of thumb (the bandwidth that would be optimal if the
    data were normal),

        h = sigma_hat * (4 / (3 N))^(1/5)        (about 1.06 sigma_hat N^(-1/5); use the exact form),

    where sigma_hat is the sample standard deviation with the 1/(N - 1) normalisation,
    ``np.std(samples, ddof=1)``. This is the bandwidth of ``scipy.stats.gaussian_kde`` with
    ``bw_method="silverman"``.

    Parameters
    ----------
    samples : array_like, shape (N,)
        The data, N >= 1 (N >= 2 and not all equal if bandwidth is None).
    x : array_like, shape (M,)
        The points at which to evaluate the estimate.
    bandwidth : float or None, optional
        The kernel's standard deviation h > 0 (in the units of the data), or None for Silverman's rule.

    Returns
    -------
    numpy.ndarray of float, shape (M,)
        f(x_j) for every evaluation point.

    Raises
    ------
    ValueError
        If samples or x is not 1-D, samples is empty, bandwidth <= 0, or bandwidth is None and there
        are fewer than 2 samples or they are all equal.
    """
    samples = np.asarray(samples, dtype=float)
    x = np.asarray(x, dtype=float)
    if samples.ndim != 1 or samples.size == 0 or x.ndim != 1:
        raise ValueError("samples must be a non-empty 1-D array and x a 1-D array")
    n = samples.size
    if bandwidth is None:
        if n < 2:
            raise ValueError("Silverman's rule needs at least two samples")
        sigma = np.std(samples, ddof=1)
        if sigma == 0.0:
            raise ValueError("Silverman's rule needs samples that are not all equal")
        bandwidth = sigma * (4.0 / (3.0 * n)) ** 0.2
    if not bandwidth > 0:
        raise ValueError("the bandwidth must be positive")
    u = (x[:, np.newaxis] - samples[np.newaxis, :]) / bandwidth
    return np.exp(-0.5 * u * u).sum(axis=1) / (n * bandwidth * np.sqrt(2.0 * np.pi))
