"""Plausible wrong implementations of the tasks of 04-statistics; each must lose points."""

import math

import numpy as np

from autograder.mutants import mutant


# --- joint_table --------------------------------------------------------------------------------

@mutant("pools the balls of all urns into one and ignores P(urn)")
def joint_table__pooled_urns(urns, p_urn):
    p = np.asarray(p_urn, dtype=float)
    if p.shape != (len(urns),) or np.any(p < 0) or abs(p.sum() - 1) > 1e-8:
        raise ValueError("bad p_urn")
    colours = sorted({c for urn in urns for c in urn})
    counts = np.array([[urn.get(c, 0) for c in colours] for urn in urns], dtype=float)
    if np.any(counts.sum(axis=1) <= 0):
        raise ValueError("empty urn")
    return counts / counts.sum(), colours


@mutant("returns the conditional table P(colour | urn): forgets to multiply by P(urn)")
def joint_table__conditional(urns, p_urn):
    p = np.asarray(p_urn, dtype=float)
    if p.shape != (len(urns),) or np.any(p < 0) or abs(p.sum() - 1) > 1e-8:
        raise ValueError("bad p_urn")
    colours = sorted({c for urn in urns for c in urn})
    counts = np.array([[urn.get(c, 0) for c in colours] for urn in urns], dtype=float)
    if np.any(counts.sum(axis=1) <= 0):
        raise ValueError("empty urn")
    return counts / counts.sum(axis=1, keepdims=True), colours


@mutant("indexes urn[colour]: a colour missing from an urn raises KeyError instead of counting 0")
def joint_table__missing_colour(urns, p_urn):
    p = np.asarray(p_urn, dtype=float)
    if p.shape != (len(urns),) or np.any(p < 0) or abs(p.sum() - 1) > 1e-8:
        raise ValueError("bad p_urn")
    colours = sorted({c for urn in urns for c in urn})
    counts = np.array([[urn[c] for c in colours] for urn in urns], dtype=float)
    if np.any(counts.sum(axis=1) <= 0):
        raise ValueError("empty urn")
    return p[:, None] * counts / counts.sum(axis=1, keepdims=True), colours


# --- posterior ----------------------------------------------------------------------------------

@mutant("forgets the prior: normalises the likelihood's columns (base-rate fallacy)")
def posterior__ignores_prior(prior, likelihood):
    p = np.asarray(prior, dtype=float)
    L = np.asarray(likelihood, dtype=float)
    if p.ndim != 1 or L.ndim != 2 or L.shape[0] != p.size or np.any(p < 0) or np.any(L < 0) \
            or abs(p.sum() - 1) > 1e-8 or np.any(np.abs(L.sum(axis=1) - 1) > 1e-8):
        raise ValueError("bad input")
    evidence = L.sum(axis=0)
    out = np.tile(p[:, None], (1, L.shape[1]))
    ok = evidence > 0
    out[:, ok] = L[:, ok] / evidence[ok]
    return out


@mutant("normalises over the observations (rows) instead of over the classes (columns)")
def posterior__wrong_axis(prior, likelihood):
    p = np.asarray(prior, dtype=float)
    L = np.asarray(likelihood, dtype=float)
    if p.ndim != 1 or L.ndim != 2 or L.shape[0] != p.size or np.any(p < 0) or np.any(L < 0) \
            or abs(p.sum() - 1) > 1e-8 or np.any(np.abs(L.sum(axis=1) - 1) > 1e-8):
        raise ValueError("bad input")
    joint = p[:, None] * L
    with np.errstate(all="ignore"):
        return joint / joint.sum(axis=1, keepdims=True)


@mutant("divides by the evidence blindly: nan for an observation with zero evidence")
def posterior__nan_for_zero_evidence(prior, likelihood):
    p = np.asarray(prior, dtype=float)
    L = np.asarray(likelihood, dtype=float)
    if p.ndim != 1 or L.ndim != 2 or L.shape[0] != p.size or np.any(p < 0) or np.any(L < 0) \
            or abs(p.sum() - 1) > 1e-8 or np.any(np.abs(L.sum(axis=1) - 1) > 1e-8):
        raise ValueError("bad input")
    joint = p[:, None] * L
    with np.errstate(all="ignore"):
        return joint / joint.sum(axis=0)


# --- dice_sum_pmf -------------------------------------------------------------------------------

@mutant("numbers the faces 0, ..., faces - 1")
def dice_sum_pmf__zero_based_faces(n_dice, faces=6):
    if n_dice < 0 or faces < 1:
        raise ValueError("bad input")
    pmf = np.array([1.0])
    for _ in range(n_dice):
        pmf = np.convolve(pmf, np.full(faces, 1.0 / faces))
    return np.concatenate([pmf, np.zeros(n_dice)])


@mutant("estimates the PMF by Monte Carlo sampling instead of computing it exactly")
def dice_sum_pmf__monte_carlo(n_dice, faces=6):
    if n_dice < 0 or faces < 1:
        raise ValueError("bad input")
    rng = np.random.default_rng(0)
    sums = rng.integers(1, faces + 1, size=(200_000, n_dice)).sum(axis=1)
    return np.bincount(sums, minlength=n_dice * faces + 1) / 200_000


@mutant("off by one: starts from one die and convolves n_dice more times")
def dice_sum_pmf__one_die_too_many(n_dice, faces=6):
    if n_dice < 0 or faces < 1:
        raise ValueError("bad input")
    die = np.concatenate([[0.0], np.full(faces, 1.0 / faces)])
    pmf = die.copy()
    for _ in range(n_dice):
        pmf = np.convolve(pmf, die)
    return pmf


# --- covariance_correlation ---------------------------------------------------------------------

@mutant("np.cov(X) with its default rowvar=True: treats the rows as the variables")
def covariance_correlation__rows_as_variables(X):
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.shape[0] < 2:
        raise ValueError("bad X")
    C = np.atleast_2d(np.cov(X))
    s = np.sqrt(np.diag(C))
    if np.any(s == 0):
        raise ValueError("zero variance")
    return C, C / np.outer(s, s)


@mutant("divides by n instead of n - 1 (ddof = 0)")
def covariance_correlation__ddof_zero(X):
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.shape[0] < 2:
        raise ValueError("bad X")
    D = X - X.mean(axis=0)
    C = D.T @ D / X.shape[0]
    s = np.sqrt(np.diag(C))
    if np.any(s == 0):
        raise ValueError("zero variance")
    return C, C / np.outer(s, s)


@mutant("forgets to subtract the means: E[x x^T] instead of E[x x^T] - E[x] E[x]^T")
def covariance_correlation__not_centred(X):
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.shape[0] < 2:
        raise ValueError("bad X")
    C = X.T @ X / (X.shape[0] - 1)
    D = X - X.mean(axis=0)
    if np.any(np.sum(D * D, axis=0) == 0):
        raise ValueError("zero variance")
    s = np.sqrt(np.diag(C))
    return C, C / np.outer(s, s)


@mutant("correlation divides by the variances C_ii C_jj instead of the standard deviations")
def covariance_correlation__by_variances(X):
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.shape[0] < 2:
        raise ValueError("bad X")
    D = X - X.mean(axis=0)
    C = D.T @ D / (X.shape[0] - 1)
    v = np.diag(C)
    if np.any(v == 0):
        raise ValueError("zero variance")
    return C, C / np.outer(v, v)


# --- affine_gaussian ----------------------------------------------------------------------------

@mutant("covariance A^T Sigma A instead of A Sigma A^T")
def affine_gaussian__transpose_first(mu, Sigma, A, b=None):
    mu, Sigma, A = np.asarray(mu, dtype=float), np.asarray(Sigma, dtype=float), np.asarray(A, dtype=float)
    n = mu.shape[0]
    if mu.ndim != 1 or Sigma.shape != (n, n) or A.ndim != 2 or A.shape[1] != n:
        raise ValueError("shapes")
    mean = A @ mu
    if b is not None:
        b = np.asarray(b, dtype=float)
        if b.shape != mean.shape:
            raise ValueError("shapes")
        mean = mean + b
    return mean, A.T @ Sigma @ A


@mutant("forgets the shift b in the mean")
def affine_gaussian__no_shift(mu, Sigma, A, b=None):
    mu, Sigma, A = np.asarray(mu, dtype=float), np.asarray(Sigma, dtype=float), np.asarray(A, dtype=float)
    n = mu.shape[0]
    if mu.ndim != 1 or Sigma.shape != (n, n) or A.ndim != 2 or A.shape[1] != n:
        raise ValueError("shapes")
    if b is not None and np.shape(b) != (A.shape[0],):
        raise ValueError("shapes")
    return A @ mu, A @ Sigma @ A.T


@mutant("propagates the variances only (root-sum-square), ignoring every covariance")
def affine_gaussian__variances_only(mu, Sigma, A, b=None):
    mu, Sigma, A = np.asarray(mu, dtype=float), np.asarray(Sigma, dtype=float), np.asarray(A, dtype=float)
    n = mu.shape[0]
    if mu.ndim != 1 or Sigma.shape != (n, n) or A.ndim != 2 or A.shape[1] != n:
        raise ValueError("shapes")
    mean = A @ mu
    if b is not None:
        b = np.asarray(b, dtype=float)
        if b.shape != mean.shape:
            raise ValueError("shapes")
        mean = mean + b
    return mean, np.diag((A * A) @ np.diag(Sigma))


@mutant("the script's V[alpha x] = alpha V[x]: covariance A Sigma, one factor A short")
def affine_gaussian__one_factor(mu, Sigma, A, b=None):
    mu, Sigma, A = np.asarray(mu, dtype=float), np.asarray(Sigma, dtype=float), np.asarray(A, dtype=float)
    n = mu.shape[0]
    if mu.ndim != 1 or Sigma.shape != (n, n) or A.ndim != 2 or A.shape[1] != n:
        raise ValueError("shapes")
    mean = A @ mu
    if b is not None:
        b = np.asarray(b, dtype=float)
        if b.shape != mean.shape:
            raise ValueError("shapes")
        mean = mean + b
    return mean, A @ Sigma


# --- prob_in_interval ---------------------------------------------------------------------------

@mutant("takes sigma for the variance: standardises with sqrt(sigma)")
def prob_in_interval__sigma_as_variance(mu, sigma, lo, hi):
    if not sigma > 0 or lo > hi:
        raise ValueError("bad input")
    s = math.sqrt(sigma)
    return 0.5 * (math.erf((hi - mu) / (s * math.sqrt(2))) - math.erf((lo - mu) / (s * math.sqrt(2))))


@mutant("forgets the sqrt(2) in Phi(z) = (1 + erf(z / sqrt(2))) / 2")
def prob_in_interval__no_sqrt2(mu, sigma, lo, hi):
    if not sigma > 0 or lo > hi:
        raise ValueError("bad input")
    return 0.5 * (math.erf((hi - mu) / sigma) - math.erf((lo - mu) / sigma))


@mutant("forgets the factor 1/2: returns erf(b) - erf(a)")
def prob_in_interval__no_half(mu, sigma, lo, hi):
    if not sigma > 0 or lo > hi:
        raise ValueError("bad input")
    return math.erf((hi - mu) / (sigma * math.sqrt(2))) - math.erf((lo - mu) / (sigma * math.sqrt(2)))
