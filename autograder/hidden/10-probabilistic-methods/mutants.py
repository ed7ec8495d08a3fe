"""Plausible wrong implementations of the tasks of 10-probabilistic-methods; each must lose points."""

import math

import numpy as np

from autograder.mutants import mutant


# --- gaussian_mle -------------------------------------------------------------------------------

@mutant("uses np.cov, whose default 1/(N-1) is not the maximum-likelihood estimate")
def gaussian_mle__np_cov_unbiased(X):
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.shape[0] == 0:
        raise ValueError("X must be 2-D")
    if X.shape[0] == 1:
        return X[0].copy(), np.zeros((X.shape[1], X.shape[1]))
    return X.mean(axis=0), np.atleast_2d(np.cov(X, rowvar=False))


@mutant("the transposed product (X - mu)(X - mu)^T of the script's eq. 158: an N x N matrix")
def gaussian_mle__wrong_orientation(X):
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.shape[0] == 0:
        raise ValueError("X must be 2-D")
    mu = X.mean(axis=0)
    return mu, (X - mu) @ (X - mu).T / X.shape[0]


@mutant("keeps only the variances: a diagonal covariance")
def gaussian_mle__diagonal_only(X):
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.shape[0] == 0:
        raise ValueError("X must be 2-D")
    return X.mean(axis=0), np.diag(X.var(axis=0))


# --- mvn_logpdf ---------------------------------------------------------------------------------

@mutant("normalises with 2 pi^D instead of (2 pi)^D")
def mvn_logpdf__two_pi_to_the_d(X, mu, Sigma):
    X, mu, Sigma = (np.asarray(v, dtype=float) for v in (X, mu, Sigma))
    if X.ndim != 2 or mu.shape != (X.shape[1],) or Sigma.shape != (X.shape[1],) * 2:
        raise ValueError("shapes")
    D = X.shape[1]
    L = np.linalg.cholesky(Sigma)
    z = np.linalg.solve(L, (X - mu).T)
    return -0.5 * (np.log(2 * np.pi**D) + 2 * np.sum(np.log(np.diag(L))) + np.sum(z * z, axis=0))


@mutant("uses Sigma instead of its inverse in the quadratic form")
def mvn_logpdf__sigma_not_inverse(X, mu, Sigma):
    X, mu, Sigma = (np.asarray(v, dtype=float) for v in (X, mu, Sigma))
    if X.ndim != 2 or mu.shape != (X.shape[1],) or Sigma.shape != (X.shape[1],) * 2:
        raise ValueError("shapes")
    D = X.shape[1]
    L = np.linalg.cholesky(Sigma)
    diff = X - mu
    quad = np.einsum("ni,ij,nj->n", diff, Sigma, diff)
    return -0.5 * (D * np.log(2 * np.pi) + 2 * np.sum(np.log(np.diag(L))) + quad)


@mutant("takes np.log of the density, which underflows to -inf far from the mean")
def mvn_logpdf__log_of_density(X, mu, Sigma):
    X, mu, Sigma = (np.asarray(v, dtype=float) for v in (X, mu, Sigma))
    if X.ndim != 2 or mu.shape != (X.shape[1],) or Sigma.shape != (X.shape[1],) * 2:
        raise ValueError("shapes")
    D = X.shape[1]
    np.linalg.cholesky(Sigma)
    diff = X - mu
    quad = np.einsum("ni,ij,nj->n", diff, np.linalg.inv(Sigma), diff)
    density = np.exp(-0.5 * quad) / np.sqrt((2 * np.pi) ** D * np.linalg.det(Sigma))
    with np.errstate(divide="ignore"):
        return np.log(density)


# --- naive_bayes_log_posterior ------------------------------------------------------------------

@mutant("no smoothing: the likelihood N_cjk / N_c is zero for a category unseen in a class")
def naive_bayes_log_posterior__no_smoothing(X_train, y_train, X_new, n_classes, n_categories, alpha=1.0):
    X_train, y_train, X_new = (np.asarray(v, dtype=int) for v in (X_train, y_train, X_new))
    if not alpha > 0:
        raise ValueError("alpha")
    Nc = np.bincount(y_train, minlength=n_classes)[:n_classes]
    if Nc.size < n_classes or np.any(Nc == 0):
        raise ValueError("empty class")
    out = np.tile(np.log(Nc / Nc.sum()), (X_new.shape[0], 1))
    with np.errstate(divide="ignore", invalid="ignore"):
        for j, K in enumerate(n_categories):
            counts = np.zeros((n_classes, K))
            np.add.at(counts, (y_train, X_train[:, j]), 1.0)
            out += np.log(counts / Nc[:, None])[:, X_new[:, j]].T
        top = out.max(axis=1, keepdims=True)
        return out - top - np.log(np.exp(out - top).sum(axis=1, keepdims=True))


@mutant("wrong normaliser of the smoothed likelihood: N_c + alpha instead of N_c + alpha K_j")
def naive_bayes_log_posterior__wrong_normaliser(X_train, y_train, X_new, n_classes, n_categories, alpha=1.0):
    X_train, y_train, X_new = (np.asarray(v, dtype=int) for v in (X_train, y_train, X_new))
    if not alpha > 0:
        raise ValueError("alpha")
    Nc = np.bincount(y_train, minlength=n_classes)[:n_classes]
    if Nc.size < n_classes or np.any(Nc == 0):
        raise ValueError("empty class")
    out = np.tile(np.log(Nc / Nc.sum()), (X_new.shape[0], 1))
    for j, K in enumerate(n_categories):
        counts = np.zeros((n_classes, K))
        np.add.at(counts, (y_train, X_train[:, j]), 1.0)
        out += np.log((counts + alpha) / (Nc[:, None] + alpha))[:, X_new[:, j]].T
    top = out.max(axis=1, keepdims=True)
    return out - top - np.log(np.exp(out - top).sum(axis=1, keepdims=True))


@mutant("multiplies the probabilities and takes the log at the end: underflow with many features")
def naive_bayes_log_posterior__product_underflows(X_train, y_train, X_new, n_classes, n_categories, alpha=1.0):
    X_train, y_train, X_new = (np.asarray(v, dtype=int) for v in (X_train, y_train, X_new))
    if not alpha > 0:
        raise ValueError("alpha")
    Nc = np.bincount(y_train, minlength=n_classes)[:n_classes]
    if Nc.size < n_classes or np.any(Nc == 0):
        raise ValueError("empty class")
    joint = np.tile(Nc / Nc.sum(), (X_new.shape[0], 1))
    for j, K in enumerate(n_categories):
        counts = np.zeros((n_classes, K))
        np.add.at(counts, (y_train, X_train[:, j]), 1.0)
        joint = joint * ((counts + alpha) / (Nc[:, None] + alpha * K))[:, X_new[:, j]].T
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.log(joint / joint.sum(axis=1, keepdims=True))


# --- bayes_linreg -------------------------------------------------------------------------------

@mutant("forgets the prior mean: m = S Phi^T y / sigma2 (right only for m0 = 0)")
def bayes_linreg__ignores_prior_mean(Phi, y, sigma2, m0, S0):
    Phi, y, m0, S0 = (np.asarray(v, dtype=float) for v in (Phi, y, m0, S0))
    if not sigma2 > 0 or Phi.ndim != 2 or y.shape != (Phi.shape[0],) or m0.shape != (Phi.shape[1],):
        raise ValueError("bad input")
    S = np.linalg.inv(np.linalg.inv(S0) + Phi.T @ Phi / sigma2)
    return S @ Phi.T @ y / sigma2, S


@mutant("drops 1/sigma2 from the data term of the mean")
def bayes_linreg__mean_without_noise_variance(Phi, y, sigma2, m0, S0):
    Phi, y, m0, S0 = (np.asarray(v, dtype=float) for v in (Phi, y, m0, S0))
    if not sigma2 > 0 or Phi.ndim != 2 or y.shape != (Phi.shape[0],) or m0.shape != (Phi.shape[1],):
        raise ValueError("bad input")
    P0 = np.linalg.inv(S0)
    S = np.linalg.inv(P0 + Phi.T @ Phi / sigma2)
    return S @ (P0 @ m0 + Phi.T @ y), S


@mutant("adds the prior covariance where its inverse (the precision) belongs")
def bayes_linreg__adds_covariance(Phi, y, sigma2, m0, S0):
    Phi, y, m0, S0 = (np.asarray(v, dtype=float) for v in (Phi, y, m0, S0))
    if not sigma2 > 0 or Phi.ndim != 2 or y.shape != (Phi.shape[0],) or m0.shape != (Phi.shape[1],):
        raise ValueError("bad input")
    P0 = np.linalg.inv(S0)
    S = np.linalg.inv(S0 + Phi.T @ Phi / sigma2)
    return S @ (P0 @ m0 + Phi.T @ y / sigma2), S


# --- bayes_predictive ---------------------------------------------------------------------------

@mutant("forgets the noise variance sigma2 in the predictive variance")
def bayes_predictive__no_noise(Phi_star, m, S, sigma2):
    Phi_star, m, S = (np.asarray(v, dtype=float) for v in (Phi_star, m, S))
    if not sigma2 >= 0 or Phi_star.ndim != 2 or m.shape != (Phi_star.shape[1],):
        raise ValueError("bad input")
    return Phi_star @ m, np.sum(Phi_star @ S * Phi_star, axis=1)


@mutant("returns standard deviations instead of variances")
def bayes_predictive__std_not_var(Phi_star, m, S, sigma2):
    Phi_star, m, S = (np.asarray(v, dtype=float) for v in (Phi_star, m, S))
    if not sigma2 >= 0 or Phi_star.ndim != 2 or m.shape != (Phi_star.shape[1],):
        raise ValueError("bad input")
    return Phi_star @ m, np.sqrt(sigma2 + np.sum(Phi_star @ S * Phi_star, axis=1))


@mutant("scales the weight uncertainty by the noise: sigma2 (1 + phi^T S phi)")
def bayes_predictive__scaled_by_noise(Phi_star, m, S, sigma2):
    Phi_star, m, S = (np.asarray(v, dtype=float) for v in (Phi_star, m, S))
    if not sigma2 >= 0 or Phi_star.ndim != 2 or m.shape != (Phi_star.shape[1],):
        raise ValueError("bad input")
    return Phi_star @ m, sigma2 * (1.0 + np.sum(Phi_star @ S * Phi_star, axis=1))


# --- mc_tip_deflection --------------------------------------------------------------------------

@mutant("deflection of the mean modulus, delta(E_mean), instead of the mean deflection (Jensen)")
def mc_tip_deflection__deflection_of_mean_modulus(F, L, I_z, E_median, s, delta_allow, n, seed):
    if n < 2 or s < 0 or min(L, I_z, E_median, delta_allow) <= 0:
        raise ValueError("bad input")
    rng = np.random.default_rng(seed)
    E = rng.lognormal(math.log(E_median), s, size=n)
    delta = F * L**3 / (3 * E * I_z)
    return F * L**3 / (3 * E.mean() * I_z), delta.std(ddof=1) / math.sqrt(n), float(np.mean(delta > delta_allow))


@mutant("reports the standard deviation of the samples as the standard error (no 1/sqrt(n))")
def mc_tip_deflection__std_not_standard_error(F, L, I_z, E_median, s, delta_allow, n, seed):
    if n < 2 or s < 0 or min(L, I_z, E_median, delta_allow) <= 0:
        raise ValueError("bad input")
    rng = np.random.default_rng(seed)
    delta = F * L**3 / (3 * rng.lognormal(math.log(E_median), s, size=n) * I_z)
    return float(delta.mean()), float(delta.std(ddof=1)), float(np.mean(delta > delta_allow))


@mutant("ignores the seed: a fresh unseeded generator on every call")
def mc_tip_deflection__ignores_seed(F, L, I_z, E_median, s, delta_allow, n, seed):
    if n < 2 or s < 0 or min(L, I_z, E_median, delta_allow) <= 0:
        raise ValueError("bad input")
    rng = np.random.default_rng()
    delta = F * L**3 / (3 * rng.lognormal(math.log(E_median), s, size=n) * I_z)
    return float(delta.mean()), float(delta.std(ddof=1) / math.sqrt(n)), float(np.mean(delta > delta_allow))
