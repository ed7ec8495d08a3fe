"""Reference solution of assignment 04-statistics (Chapter 4: statistics).

Six tasks: the joint probability table of drawing a ball from one of several urns, the Bayes
posterior of a classifier or a test (the aircraft-engine test), the exact PMF of a sum of dice by
convolution, the sample covariance and correlation matrices, the mean and covariance of an affine
map of a random vector (member forces of a truss under uncertain loads), and the probability that a
normally distributed beam length lies within its tolerance.

The module is called ``statistics_methods`` (not ``statistics``) so that it does not shadow the
standard library. Every task function is self-contained apart from ``import math`` and
``import numpy as np`` (the notebook's first code cell), because the solution notebook is built from
each function's source.
"""

import math

import numpy as np


def joint_table(urns, p_urn):
    """Joint probability table P(U = i, colour = j) of picking an urn and then a ball from it.

    First urn i is chosen with probability p_urn[i], then one ball is drawn from it uniformly at
    random, so  P(U = i, colour = j) = p_urn[i] * n_ij / N_i,  where n_ij is the number of balls of
    colour j in urn i and N_i the number of balls in urn i.

    Parameters
    ----------
    urns : list of dict
        One dict per urn, mapping a colour (str) to the number of balls of that colour (int >= 0).
        A colour missing from an urn's dict has 0 balls in that urn.
    p_urn : array_like, shape (k,)
        Probabilities of choosing each urn, k = len(urns); non-negative and summing to 1.

    Returns
    -------
    (numpy.ndarray of float, shape (k, c), list of str)
        The joint table P, one row per urn and one column per colour, and the list ``colours`` of
        the c colours in alphabetical order (``sorted``): every colour that appears as a key in any
        urn's dict, even with count 0. Column j of P belongs to colours[j]; P sums to 1 and its row
        sums are p_urn.

    Raises
    ------
    ValueError
        If len(p_urn) != len(urns), an entry of p_urn is negative, |sum(p_urn) - 1| > 1e-8, a count
        is negative, or an urn holds no balls at all.
    """
    p = np.asarray(p_urn, dtype=float)
    if p.ndim != 1 or p.shape[0] != len(urns):
        raise ValueError("p_urn needs one probability per urn")
    if np.any(p < 0) or abs(p.sum() - 1.0) > 1e-8:
        raise ValueError("p_urn must be non-negative and sum to 1")
    colours = sorted({colour for urn in urns for colour in urn})
    counts = np.array([[urn.get(colour, 0) for colour in colours] for urn in urns], dtype=float)
    counts = counts.reshape(len(urns), len(colours))
    if np.any(counts < 0):
        raise ValueError("a number of balls cannot be negative")
    totals = counts.sum(axis=1)
    if np.any(totals <= 0):
        raise ValueError("every urn must hold at least one ball")
    return p[:, np.newaxis] * counts / totals[:, np.newaxis], colours


def posterior(prior, likelihood):
    """Bayes' rule for every possible observation: P(class i | obs j).

        P(class i | obs j) = P(obs j | class i) P(class i) / P(obs j),
        P(obs j) = sum_i P(obs j | class i) P(class i)        (the evidence, by the sum rule).

    Parameters
    ----------
    prior : array_like, shape (k,)
        P(class i), non-negative, summing to 1.
    likelihood : array_like, shape (k, m)
        likelihood[i, j] = P(obs j | class i); non-negative, every ROW sums to 1 (given the class,
        one of the m observations occurs).

    Returns
    -------
    numpy.ndarray of float, shape (k, m)
        post[i, j] = P(class i | obs j); every COLUMN sums to 1. If an observation has zero evidence,
        P(obs j) == 0 (it cannot occur under any class with a positive prior), nothing can be
        learned from it: its column is the prior (no division by zero, no nan).

    Raises
    ------
    ValueError
        If prior is not 1-D, likelihood is not 2-D with len(prior) rows, an entry of either is
        negative, or prior or a row of likelihood does not sum to 1 within 1e-8.
    """
    p = np.asarray(prior, dtype=float)
    L = np.asarray(likelihood, dtype=float)
    if p.ndim != 1 or L.ndim != 2 or L.shape[0] != p.shape[0]:
        raise ValueError("prior must have shape (k,) and likelihood shape (k, m)")
    if np.any(p < 0) or np.any(L < 0):
        raise ValueError("probabilities cannot be negative")
    if abs(p.sum() - 1.0) > 1e-8 or np.any(np.abs(L.sum(axis=1) - 1.0) > 1e-8):
        raise ValueError("the prior and every row of the likelihood must sum to 1")
    joint = p[:, np.newaxis] * L
    evidence = joint.sum(axis=0)
    post = np.empty_like(joint)
    possible = evidence > 0
    post[:, possible] = joint[:, possible] / evidence[possible]
    post[:, ~possible] = p[:, np.newaxis]
    return post


def dice_sum_pmf(n_dice, faces=6):
    """Exact PMF of the sum of ``n_dice`` fair dice with the faces 1, 2, ..., ``faces``.

    The PMF of a sum of independent random variables is the convolution of their PMFs, so start from
    the PMF of "no dice" (the sum is 0 with certainty) and convolve once per die. Enumerating all
    faces**n_dice outcomes is far too slow: n_dice = 50 must take well under a second.

    Parameters
    ----------
    n_dice : int
        Number of dice, n_dice >= 0.
    faces : int, optional
        Number of faces of each die, faces >= 1.

    Returns
    -------
    numpy.ndarray of float, shape (n_dice * faces + 1,)
        pmf[s] = P(sum == s) for s = 0, 1, ..., n_dice * faces (so the entries below s = n_dice are
        0). For n_dice = 0 this is [1.0].

    Raises
    ------
    ValueError
        If n_dice < 0 or faces < 1.
    """
    if n_dice < 0 or faces < 1:
        raise ValueError("need n_dice >= 0 and faces >= 1")
    die = np.full(faces + 1, 1.0 / faces)
    die[0] = 0.0
    pmf = np.array([1.0])
    for _ in range(int(n_dice)):
        pmf = np.convolve(pmf, die)
    return pmf


def covariance_correlation(X):
    """Sample covariance matrix (with the 1/(n - 1) normalisation) and correlation matrix.

        C = 1/(n - 1) * sum_k (x_k - xbar)(x_k - xbar)^T,      R_ij = C_ij / sqrt(C_ii C_jj).

    Parameters
    ----------
    X : array_like, shape (n, d)
        n samples (ROWS) of d variables (COLUMNS), n >= 2, d >= 1.

    Returns
    -------
    (numpy.ndarray of float, shape (d, d), numpy.ndarray of float, shape (d, d))
        C (the same as ``np.cov(X, rowvar=False)``) and R (the same as
        ``np.corrcoef(X, rowvar=False)``); both symmetric, R has ones on its diagonal. Both are
        2-D also for d = 1, shape (1, 1) (where np.cov and np.corrcoef return 0-d arrays).

    Raises
    ------
    ValueError
        If X is not 2-D, has fewer than 2 rows, or a variable has zero sample variance (then its
        correlations are undefined).
    """
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.shape[0] < 2:
        raise ValueError("X must be 2-D with at least two samples (rows)")
    D = X - X.mean(axis=0)
    C = D.T @ D / (X.shape[0] - 1)
    var = np.diag(C)
    if np.any(var <= 0):
        raise ValueError("a variable with zero variance has no correlation")
    s = np.sqrt(var)
    return C, C / np.outer(s, s)


def affine_gaussian(mu, Sigma, A, b=None):
    """Mean and covariance of y = A x + b for a random vector x with mean mu and covariance Sigma.

        E[y] = A mu + b,        Cov[y] = A Sigma A^T.

    (If x is Gaussian, y is Gaussian too, with exactly these parameters.)

    Parameters
    ----------
    mu : array_like, shape (n,)
        Mean of x.
    Sigma : array_like, shape (n, n)
        Covariance matrix of x (symmetric positive semi-definite).
    A : array_like, shape (m, n)
        The linear map, a 2-D array; m may differ from n.
    b : array_like, shape (m,), optional
        The shift; None means zero.

    Returns
    -------
    (numpy.ndarray of float, shape (m,), numpy.ndarray of float, shape (m, m))
        The mean and the covariance matrix of y.

    Raises
    ------
    ValueError
        If the shapes do not fit together (mu not 1-D, Sigma not (n, n), A not (m, n), b not (m,)).
    """
    mu = np.asarray(mu, dtype=float)
    Sigma = np.asarray(Sigma, dtype=float)
    A = np.asarray(A, dtype=float)
    if mu.ndim != 1:
        raise ValueError("mu must be 1-D")
    n = mu.shape[0]
    if Sigma.shape != (n, n):
        raise ValueError("Sigma must have shape (n, n)")
    if A.ndim != 2 or A.shape[1] != n:
        raise ValueError("A must have shape (m, n)")
    mean = A @ mu
    if b is not None:
        b = np.asarray(b, dtype=float)
        if b.shape != mean.shape:
            raise ValueError("b must have shape (m,)")
        mean = mean + b
    return mean, A @ Sigma @ A.T


def prob_in_interval(mu, sigma, lo, hi):
    """P(lo < X < hi) for a normally distributed X ~ N(mu, sigma^2), computed with ``math.erf``.

        P(lo < X < hi) = Phi((hi - mu) / sigma) - Phi((lo - mu) / sigma),
        Phi(z) = 1/2 * (1 + erf(z / sqrt(2)))        (the standard normal CDF).

    Parameters
    ----------
    mu : float
        Mean (e.g. the mean length of a beam in m).
    sigma : float
        STANDARD DEVIATION, sigma > 0, in the units of mu (not the variance sigma^2).
    lo, hi : float
        The interval, lo <= hi; either may be infinite (``-math.inf``, ``math.inf``).

    Returns
    -------
    float
        The probability, in [0, 1]; 0.0 for lo == hi.

    Raises
    ------
    ValueError
        If sigma <= 0 or lo > hi.
    """
    if not sigma > 0:
        raise ValueError("the standard deviation must be positive")
    if lo > hi:
        raise ValueError("the interval needs lo <= hi")

    def cdf(x):
        return 0.5 * (1.0 + math.erf((x - mu) / (sigma * math.sqrt(2.0))))

    return float(cdf(hi) - cdf(lo))
