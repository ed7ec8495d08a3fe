"""Plausible wrong implementations of the tasks of 11-mixture-models; each must lose points."""

import itertools

import numpy as np

from autograder.mutants import mutant


# --- gaussian_logpdf ----------------------------------------------------------------------------

@mutant("normalises with log(2 pi^D) instead of D log(2 pi)")
def gaussian_logpdf__two_pi_to_the_d(X, mean, cov):
    X, mean, cov = np.asarray(X, float), np.asarray(mean, float), np.asarray(cov, float)
    if X.ndim != 2 or mean.shape != (X.shape[1],) or cov.shape != (X.shape[1],) * 2:
        raise ValueError("shapes")
    D = X.shape[1]
    L = np.linalg.cholesky(cov)
    Z = np.linalg.solve(L, (X - mean).T)
    return -0.5 * (np.log(2 * np.pi**D) + 2 * np.sum(np.log(np.diag(L))) + np.sum(Z**2, axis=0))


@mutant("uses Sigma instead of its inverse in the Mahalanobis term")
def gaussian_logpdf__sigma_not_inverse(X, mean, cov):
    X, mean, cov = np.asarray(X, float), np.asarray(mean, float), np.asarray(cov, float)
    if X.ndim != 2 or mean.shape != (X.shape[1],) or cov.shape != (X.shape[1],) * 2:
        raise ValueError("shapes")
    D = X.shape[1]
    L = np.linalg.cholesky(cov)
    diff = X - mean
    return -0.5 * (D * np.log(2 * np.pi) + 2 * np.sum(np.log(np.diag(L))) + np.sum(diff @ cov * diff, axis=1))


@mutant("forms det(Sigma) and inv(Sigma): the determinant under- or overflows in many dimensions")
def gaussian_logpdf__naive_det(X, mean, cov):
    X, mean, cov = np.asarray(X, float), np.asarray(mean, float), np.asarray(cov, float)
    if X.ndim != 2 or mean.shape != (X.shape[1],) or cov.shape != (X.shape[1],) * 2:
        raise ValueError("shapes")
    np.linalg.cholesky(cov)  # the check for positive definiteness is right
    D = X.shape[1]
    diff = X - mean
    maha = np.sum(diff @ np.linalg.inv(cov) * diff, axis=1)
    return -0.5 * (D * np.log(2 * np.pi) + np.log(np.linalg.det(cov)) + maha)


# --- e_step -------------------------------------------------------------------------------------

@mutant("normalises the responsibilities over the points (columns sum to 1) instead of the components")
def e_step__wrong_axis(X, weights, means, covs):
    X = np.asarray(X, float)
    N, D = X.shape
    a = np.empty((N, len(weights)))
    for k in range(len(weights)):
        L = np.linalg.cholesky(np.asarray(covs[k], float))
        Z = np.linalg.solve(L, (X - np.asarray(means[k], float)).T)
        a[:, k] = np.log(weights[k]) - 0.5 * (D * np.log(2 * np.pi) + 2 * np.sum(np.log(np.diag(L)))
                                              + np.sum(Z**2, axis=0))
    row_max = a.max(axis=1, keepdims=True)
    log_lik = float(np.sum(row_max + np.log(np.exp(a - row_max).sum(axis=1, keepdims=True))))
    col_max = a.max(axis=0, keepdims=True)
    resp = np.exp(a - col_max)
    return resp / resp.sum(axis=0, keepdims=True), log_lik


@mutant("forgets the mixture weights: r_ik proportional to N(x_i | mu_k, Sigma_k)")
def e_step__no_weights(X, weights, means, covs):
    X = np.asarray(X, float)
    N, D = X.shape
    a = np.empty((N, len(weights)))
    for k in range(len(weights)):
        L = np.linalg.cholesky(np.asarray(covs[k], float))
        Z = np.linalg.solve(L, (X - np.asarray(means[k], float)).T)
        a[:, k] = -0.5 * (D * np.log(2 * np.pi) + 2 * np.sum(np.log(np.diag(L))) + np.sum(Z**2, axis=0))
    row_max = a.max(axis=1, keepdims=True)
    log_norm = row_max + np.log(np.exp(a - row_max).sum(axis=1, keepdims=True))
    return np.exp(a - log_norm), float(np.sum(log_norm))


@mutant("exponentiates without log-sum-exp: far points underflow to 0/0")
def e_step__no_log_sum_exp(X, weights, means, covs):
    X = np.asarray(X, float)
    N, D = X.shape
    p = np.empty((N, len(weights)))
    for k in range(len(weights)):
        L = np.linalg.cholesky(np.asarray(covs[k], float))
        Z = np.linalg.solve(L, (X - np.asarray(means[k], float)).T)
        p[:, k] = weights[k] * np.exp(-0.5 * (D * np.log(2 * np.pi) + 2 * np.sum(np.log(np.diag(L)))
                                              + np.sum(Z**2, axis=0)))
    total = p.sum(axis=1, keepdims=True)
    return p / total, float(np.sum(np.log(total)))


# --- m_step -------------------------------------------------------------------------------------

@mutant("uses np.cov with aweights and its default unbiased normalisation")
def m_step__unbiased_np_cov(X, resp, reg=1e-6):
    X, resp = np.asarray(X, float), np.asarray(resp, float)
    if X.ndim != 2 or resp.ndim != 2 or resp.shape[0] != X.shape[0] or reg < 0:
        raise ValueError("bad arguments")
    N, D = X.shape
    Nk = resp.sum(axis=0)
    means = resp.T @ X / Nk[:, None]
    covs = np.array([np.cov(X.T, aweights=resp[:, k]).reshape(D, D) + reg * np.eye(D)
                     for k in range(resp.shape[1])])
    return Nk / N, means, covs


@mutant("forgets the jitter reg * I")
def m_step__no_jitter(X, resp, reg=1e-6):
    X, resp = np.asarray(X, float), np.asarray(resp, float)
    if X.ndim != 2 or resp.ndim != 2 or resp.shape[0] != X.shape[0] or reg < 0:
        raise ValueError("bad arguments")
    N, D = X.shape
    Nk = resp.sum(axis=0)
    means = resp.T @ X / Nk[:, None]
    covs = np.array([(resp[:, k] * (X - means[k]).T) @ (X - means[k]) / Nk[k] for k in range(resp.shape[1])])
    return Nk / N, means, covs


@mutant("returns the effective counts N_k as the weights, not N_k / N")
def m_step__weights_not_normalised(X, resp, reg=1e-6):
    X, resp = np.asarray(X, float), np.asarray(resp, float)
    if X.ndim != 2 or resp.ndim != 2 or resp.shape[0] != X.shape[0] or reg < 0:
        raise ValueError("bad arguments")
    N, D = X.shape
    Nk = resp.sum(axis=0)
    means = resp.T @ X / Nk[:, None]
    covs = np.array([(resp[:, k] * (X - means[k]).T) @ (X - means[k]) / Nk[k] + reg * np.eye(D)
                     for k in range(resp.shape[1])])
    return Nk, means, covs


# --- fit_gmm ------------------------------------------------------------------------------------

@mutant("hard EM: assigns each point wholly to its most responsible component")
def fit_gmm__hard_assignments(X, weights, means, covs, max_iter=200, tol=1e-6, reg=1e-6):
    X = np.asarray(X, float)
    N, D = X.shape
    w, mu, sigma = np.array(weights, float), np.array(means, float), np.array(covs, float)
    K = len(w)

    def log_joint(w, mu, sigma):
        a = np.empty((N, K))
        for k in range(K):
            L = np.linalg.cholesky(sigma[k])
            Z = np.linalg.solve(L, (X - mu[k]).T)
            a[:, k] = np.log(w[k]) - 0.5 * (D * np.log(2 * np.pi) + 2 * np.sum(np.log(np.diag(L)))
                                            + np.sum(Z**2, axis=0))
        m = a.max(axis=1, keepdims=True)
        return a, float(np.sum(m + np.log(np.exp(a - m).sum(axis=1, keepdims=True))))

    a, ll = log_joint(w, mu, sigma)
    history = [ll]
    for _ in range(max_iter):
        r = np.eye(K)[np.argmax(a, axis=1)]
        Nk = r.sum(axis=0)
        w, mu = Nk / N, r.T @ X / Nk[:, None]
        sigma = np.array([(r[:, k] * (X - mu[k]).T) @ (X - mu[k]) / Nk[k] + reg * np.eye(D) for k in range(K)])
        a, ll = log_joint(w, mu, sigma)
        history.append(ll)
        if history[-1] - history[-2] <= tol:
            break
    return w, mu, sigma, np.array(history)


@mutant("leaves the initial log-likelihood out of the history")
def fit_gmm__history_without_start(X, weights, means, covs, max_iter=200, tol=1e-6, reg=1e-6):
    X = np.asarray(X, float)
    N, D = X.shape
    w, mu, sigma = np.array(weights, float), np.array(means, float), np.array(covs, float)
    K = len(w)

    def expectation(w, mu, sigma):
        a = np.empty((N, K))
        for k in range(K):
            L = np.linalg.cholesky(sigma[k])
            Z = np.linalg.solve(L, (X - mu[k]).T)
            a[:, k] = np.log(w[k]) - 0.5 * (D * np.log(2 * np.pi) + 2 * np.sum(np.log(np.diag(L)))
                                            + np.sum(Z**2, axis=0))
        m = a.max(axis=1, keepdims=True)
        norm = m + np.log(np.exp(a - m).sum(axis=1, keepdims=True))
        return np.exp(a - norm), float(np.sum(norm))

    r, previous = expectation(w, mu, sigma)
    history = []
    for _ in range(max_iter):
        Nk = r.sum(axis=0)
        w, mu = Nk / N, r.T @ X / Nk[:, None]
        sigma = np.array([(r[:, k] * (X - mu[k]).T) @ (X - mu[k]) / Nk[k] + reg * np.eye(D) for k in range(K)])
        r, ll = expectation(w, mu, sigma)
        history.append(ll)
        if ll - previous <= tol:
            break
        previous = ll
    return w, mu, sigma, np.array(history)


@mutant("computes the responsibilities once, before the loop, and never updates them")
def fit_gmm__stale_responsibilities(X, weights, means, covs, max_iter=200, tol=1e-6, reg=1e-6):
    X = np.asarray(X, float)
    N, D = X.shape
    w, mu, sigma = np.array(weights, float), np.array(means, float), np.array(covs, float)
    K = len(w)

    def expectation(w, mu, sigma):
        a = np.empty((N, K))
        for k in range(K):
            L = np.linalg.cholesky(sigma[k])
            Z = np.linalg.solve(L, (X - mu[k]).T)
            a[:, k] = np.log(w[k]) - 0.5 * (D * np.log(2 * np.pi) + 2 * np.sum(np.log(np.diag(L)))
                                            + np.sum(Z**2, axis=0))
        m = a.max(axis=1, keepdims=True)
        norm = m + np.log(np.exp(a - m).sum(axis=1, keepdims=True))
        return np.exp(a - norm), float(np.sum(norm))

    r, ll = expectation(w, mu, sigma)
    history = [ll]
    for _ in range(max_iter):
        Nk = r.sum(axis=0)
        w, mu = Nk / N, r.T @ X / Nk[:, None]
        sigma = np.array([(r[:, k] * (X - mu[k]).T) @ (X - mu[k]) / Nk[k] + reg * np.eye(D) for k in range(K)])
        history.append(expectation(w, mu, sigma)[1])
        if history[-1] - history[-2] <= tol:
            break
    return w, mu, sigma, np.array(history)


# --- align_components ---------------------------------------------------------------------------

@mutant("returns the inverse permutation (means_ref[perm] lines up with means)")
def align_components__inverse(means_ref, means):
    means_ref, means = np.asarray(means_ref, float), np.asarray(means, float)
    if means_ref.ndim != 2 or means.shape != means_ref.shape:
        raise ValueError("shapes")
    K = len(means)
    best = min(itertools.permutations(range(K)),
               key=lambda p: sum(np.sum((means_ref[k] - means[p[k]]) ** 2) for k in range(K)))
    return np.argsort(best)


@mutant("matches greedily: each reference component takes the nearest of the remaining ones")
def align_components__greedy(means_ref, means):
    means_ref, means = np.asarray(means_ref, float), np.asarray(means, float)
    if means_ref.ndim != 2 or means.shape != means_ref.shape:
        raise ValueError("shapes")
    free = list(range(len(means)))
    perm = []
    for k in range(len(means)):
        j = min(free, key=lambda i: np.sum((means_ref[k] - means[i]) ** 2))
        perm.append(j)
        free.remove(j)
    return np.array(perm)


@mutant("takes the nearest component for each reference component, which need not be a permutation")
def align_components__nearest_each(means_ref, means):
    means_ref, means = np.asarray(means_ref, float), np.asarray(means, float)
    if means_ref.ndim != 2 or means.shape != means_ref.shape:
        raise ValueError("shapes")
    distances = np.sum((means_ref[:, None, :] - means[None, :, :]) ** 2, axis=2)
    return np.argmin(distances, axis=1)


# --- classify -----------------------------------------------------------------------------------

@mutant("forgets the mixture weights: classifies by the largest likelihood N(x | mu_k, Sigma_k)")
def classify__no_weights(X, weights, means, covs, threshold=0.0):
    if not 0 <= threshold <= 1:
        raise ValueError("threshold")
    X = np.asarray(X, float)
    N, D = X.shape
    a = np.empty((N, len(means)))
    for k in range(len(means)):
        L = np.linalg.cholesky(np.asarray(covs[k], float))
        Z = np.linalg.solve(L, (X - np.asarray(means[k], float)).T)
        a[:, k] = -0.5 * (D * np.log(2 * np.pi) + 2 * np.sum(np.log(np.diag(L))) + np.sum(Z**2, axis=0))
    resp = np.exp(a - a.max(axis=1, keepdims=True))
    resp /= resp.sum(axis=1, keepdims=True)
    labels = np.argmax(resp, axis=1)
    confidence = resp.max(axis=1)
    labels[confidence < threshold] = -1
    return labels, confidence


@mutant("labels each point by the nearest mean (k-means style), ignoring the covariances and weights")
def classify__nearest_mean(X, weights, means, covs, threshold=0.0):
    if not 0 <= threshold <= 1:
        raise ValueError("threshold")
    X, means = np.asarray(X, float), np.asarray(means, float)
    N, D = X.shape
    a = np.empty((N, len(means)))
    for k in range(len(means)):
        L = np.linalg.cholesky(np.asarray(covs[k], float))
        Z = np.linalg.solve(L, (X - means[k]).T)
        a[:, k] = np.log(weights[k]) - 0.5 * (D * np.log(2 * np.pi) + 2 * np.sum(np.log(np.diag(L)))
                                              + np.sum(Z**2, axis=0))
    resp = np.exp(a - a.max(axis=1, keepdims=True))
    resp /= resp.sum(axis=1, keepdims=True)
    labels = np.argmin(np.sum((X[:, None, :] - means[None, :, :]) ** 2, axis=2), axis=1)
    confidence = resp[np.arange(N), labels]
    labels[confidence < threshold] = -1
    return labels, confidence


@mutant("exponentiates without log-sum-exp: far points get nan confidences")
def classify__no_log_sum_exp(X, weights, means, covs, threshold=0.0):
    if not 0 <= threshold <= 1:
        raise ValueError("threshold")
    X = np.asarray(X, float)
    N, D = X.shape
    p = np.empty((N, len(means)))
    for k in range(len(means)):
        L = np.linalg.cholesky(np.asarray(covs[k], float))
        Z = np.linalg.solve(L, (X - np.asarray(means[k], float)).T)
        p[:, k] = weights[k] * np.exp(-0.5 * (D * np.log(2 * np.pi) + 2 * np.sum(np.log(np.diag(L)))
                                              + np.sum(Z**2, axis=0)))
    with np.errstate(invalid="ignore"):
        resp = p / p.sum(axis=1, keepdims=True)
    labels = np.argmax(resp, axis=1)
    confidence = resp.max(axis=1)
    labels[confidence < threshold] = -1
    return labels, confidence


# --- information_criteria -----------------------------------------------------------------------

@mutant("counts K free weights instead of K - 1")
def information_criteria__k_weights(log_likelihood, n_components, n_features, n_samples):
    if n_components < 1 or n_features < 1 or n_samples < 1:
        raise ValueError("bad arguments")
    K, D = n_components, n_features
    p = K + K * D + K * D * (D + 1) // 2
    return -2 * log_likelihood + p * np.log(n_samples), -2 * log_likelihood + 2 * p


@mutant("counts D^2 covariance entries per component instead of D(D+1)/2")
def information_criteria__full_matrix_count(log_likelihood, n_components, n_features, n_samples):
    if n_components < 1 or n_features < 1 or n_samples < 1:
        raise ValueError("bad arguments")
    K, D = n_components, n_features
    p = (K - 1) + K * D + K * D * D
    return -2 * log_likelihood + p * np.log(n_samples), -2 * log_likelihood + 2 * p


@mutant("uses -log L instead of -2 log L")
def information_criteria__missing_factor_two(log_likelihood, n_components, n_features, n_samples):
    if n_components < 1 or n_features < 1 or n_samples < 1:
        raise ValueError("bad arguments")
    K, D = n_components, n_features
    p = (K - 1) + K * D + K * D * (D + 1) // 2
    return -log_likelihood + p * np.log(n_samples), -log_likelihood + 2 * p


# --- gaussian_kde_1d ----------------------------------------------------------------------------

@mutant("Silverman's rule with np.std's default 1/N normalisation (ddof = 0)")
def gaussian_kde_1d__std_ddof0(samples, x, bandwidth=None):
    samples, x = np.asarray(samples, float), np.asarray(x, float)
    if samples.ndim != 1 or samples.size < (2 if bandwidth is None else 1) or x.ndim != 1:
        raise ValueError("shapes")
    h = np.std(samples) * (4 / (3 * samples.size)) ** 0.2 if bandwidth is None else bandwidth
    if not h > 0:
        raise ValueError("bandwidth")
    u = (x[:, None] - samples[None, :]) / h
    return np.exp(-0.5 * u**2).sum(axis=1) / (samples.size * h * np.sqrt(2 * np.pi))


@mutant("divides by N but not by h: the estimate does not integrate to 1")
def gaussian_kde_1d__no_one_over_h(samples, x, bandwidth=None):
    samples, x = np.asarray(samples, float), np.asarray(x, float)
    if samples.ndim != 1 or samples.size < (2 if bandwidth is None else 1) or x.ndim != 1:
        raise ValueError("shapes")
    h = np.std(samples, ddof=1) * (4 / (3 * samples.size)) ** 0.2 if bandwidth is None else bandwidth
    if not h > 0:
        raise ValueError("bandwidth")
    u = (x[:, None] - samples[None, :]) / h
    return np.exp(-0.5 * u**2).sum(axis=1) / (samples.size * np.sqrt(2 * np.pi))


@mutant("uses the bandwidth as the kernel's variance instead of its standard deviation")
def gaussian_kde_1d__bandwidth_as_variance(samples, x, bandwidth=None):
    samples, x = np.asarray(samples, float), np.asarray(x, float)
    if samples.ndim != 1 or samples.size < (2 if bandwidth is None else 1) or x.ndim != 1:
        raise ValueError("shapes")
    h = np.std(samples, ddof=1) * (4 / (3 * samples.size)) ** 0.2 if bandwidth is None else bandwidth
    if not h > 0:
        raise ValueError("bandwidth")
    d2 = (x[:, None] - samples[None, :]) ** 2
    return np.exp(-0.5 * d2 / h).sum(axis=1) / (samples.size * np.sqrt(2 * np.pi * h))
