"""Reference solution of the quiz checkpoint-1 (Chapter 11: Checkpoint I, a review of chapters 1-10).

Tasks: the answers to eight multiple-choice questions and six numeric questions, the density of a
multivariate Gaussian on a grid of points, a least-squares fit with a bias column, and a strided,
zero-padded 2-D convolution (a cross-correlation, as in deep learning).

Every task function is self-contained apart from ``import numpy as np`` (the notebook's first code
cell imports it), because the solution notebook is built from each function's source.
"""

import numpy as np


def multiple_choice():
    """Return your answers to the multiple-choice questions A1-A8 of Part A.

    Exactly one option of each question is right.

    Returns
    -------
    dict[int, str]
        ``{question number: letter}`` with the keys 1, 2, ..., 8 (ints) and each value one of
        ``'a'``, ``'b'``, ``'c'``, ``'d'`` (a one-letter string), for example
        ``{1: 'a', 2: 'd', ...}``. A question left out of the dict scores no points.
    """
    return {
        1: "c",   # the column of ones carries the intercept w0; without it the fit passes through 0
        2: "a",   # sigma(z) = 0.5 exactly where z = w.x + b = 0: a hyperplane
        3: "d",   # squared error = Gaussian noise (MLE), + L2 penalty = Gaussian prior (MAP)
        4: "b",   # standardising lowers the condition number of the Hessian X^T X / N
        5: "d",   # convolution: equivariant (weight sharing); global pooling: invariant
        6: "c",   # f = 1, i = 0 carries the cell state unchanged; i writes, o exposes
        7: "b",   # validation set for tuning, >= 10 trainings, an untouched test set
        8: "a",   # perplexity fixes each bandwidth sigma_i: the effective number of neighbours
    }


def numeric_answers():
    """Return your answers to the numeric questions B1-B6 of Part B.

    Give each answer as a number in the unit the question asks for, with at least 4 significant
    digits: answers within a relative tolerance of 0.1 % count as right. Questions whose answer is
    an integer (B6) must be exact.

    Returns
    -------
    dict[int, float]
        ``{question number: value}`` with the keys 1, 2, ..., 6 (ints) and finite real numbers as
        values (int or float), for example ``{1: 12.34, 2: 0.5678, ...}``. A question left out of
        the dict scores no points.
    """
    # B1: two bars in series, k = EA/L each, 1/k = 1/k1 + 1/k2, in MN/m
    k_steel = 210e9 * 4e-4 / 2.0
    k_alu = 70e9 * 6e-4 / 1.5
    k_series = 1.0 / (1.0 / k_steel + 1.0 / k_alu) / 1e6
    # B2: Bayes, P(crack | alarm) = P(alarm | crack) P(crack) / P(alarm)
    prior, sensitivity, false_alarm = 0.02, 0.95, 0.04
    posterior = sensitivity * prior / (sensitivity * prior + false_alarm * (1.0 - prior))
    # B3: gradient descent on 1/2 w^T H w - b^T w converges for 0 < lr < 2 / lambda_max
    H = np.array([[3.0, 1.0], [1.0, 2.0]])
    lr_max = 2.0 / np.max(np.linalg.eigvalsh(H))
    # B4: condition number of the stiffness matrix of a soft and a stiff spring in a chain (kN/m)
    k1, k2 = 1.0, 100.0
    K = np.array([[k1 + k2, -k2], [-k2, k2]])
    eigenvalues = np.linalg.eigvalsh(K)
    kappa = eigenvalues.max() / eigenvalues.min()
    # B5: softmax probability of the second class
    z = np.array([2.0, 1.0, -1.0])
    p = np.exp(z - z.max()) / np.sum(np.exp(z - z.max()))
    # B6: output height of a convolution, floor((n + 2p - f) / s) + 1
    n, f, pad, stride = 128, 5, 1, 2
    height = (n + 2 * pad - f) // stride + 1
    return {1: float(k_series), 2: float(posterior), 3: float(lr_max), 4: float(kappa),
            5: float(p[1]), 6: float(height)}


def multivar_gauss(vals, mu, Sigma):
    """Evaluate the density of the multivariate normal distribution N(mu, Sigma) at many points.

        p(x) = exp(-1/2 (x - mu)^T Sigma^{-1} (x - mu)) / sqrt((2 pi)^dim det(Sigma))

    The points are stored along the last axis of ``vals``, so a grid of points of shape
    (n1, n2, dim) gives densities of shape (n1, n2), and a list of n points of shape (n, dim) gives
    n densities. ``np.einsum('...k,kl,...l->...', d, Sinv, d)`` evaluates the quadratic form for every
    point at once.

    Parameters
    ----------
    vals : array_like, shape (..., dim)
        The points x, one per entry of the leading axes; dim >= 1 (use shape (n, 1) in 1-D).
    mu : array_like, shape (dim,)
        The mean.
    Sigma : array_like, shape (dim, dim)
        The covariance matrix, symmetric positive definite.

    Returns
    -------
    numpy.ndarray, shape vals.shape[:-1], dtype float64
        The density p(x) at every point (a 0-d array for a single point of shape (dim,)).
    """
    vals = np.asarray(vals, dtype=float)
    mu = np.asarray(mu, dtype=float)
    Sigma = np.asarray(Sigma, dtype=float)
    dim = mu.shape[0]
    diff = vals - mu
    Sigma_inv = np.linalg.inv(Sigma)
    quadratic = np.einsum("...k,kl,...l->...", diff, Sigma_inv, diff)
    normalisation = np.sqrt((2.0 * np.pi) ** dim * np.linalg.det(Sigma))
    return np.exp(-0.5 * quadratic) / normalisation


def fit_least_squares(X, y):
    """Fit the affine model y ~ w0 + w1 x1 + ... + wF xF by linear least squares.

    Build the design matrix A = [1, X] of shape (N, F + 1), whose first column is the bias
    feature x0 = 1, and return the w that minimises ||A w - y||_2. Solve it with an orthogonal
    method (``np.linalg.lstsq`` or ``np.linalg.pinv``, which use the SVD, or a QR factorisation),
    not with the normal equations (A^T A) w = A^T y: they square the condition number and lose
    all accuracy for nearly collinear columns, e.g. a feature that varies little about a large
    offset, such as a temperature of 1000 K +- 0.01 K.

    Parameters
    ----------
    X : array_like, shape (N, F) or (N,)
        The features of N samples; a 1-D array is one feature (F = 1). A = [1, X] has full column
        rank (N >= F + 1).
    y : array_like, shape (N,)
        The targets.

    Returns
    -------
    numpy.ndarray, shape (F + 1,)
        The weights: ``w[0]`` is the bias (intercept) w0, ``w[1:]`` are the slopes w1 ... wF in
        the order of the columns of X.

    Raises
    ------
    ValueError
        If X and y do not have the same number of samples N.
    """
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    if X.ndim == 1:
        X = X[:, None]
    if X.shape[0] != y.shape[0]:
        raise ValueError("X and y must hold the same number of samples")
    A = np.column_stack([np.ones(X.shape[0]), X])
    w, *_ = np.linalg.lstsq(A, y, rcond=None)
    return w


def conv2d(image, kernel, stride=1, padding=0):
    """Convolve a 2-D image with a 2-D kernel as a convolutional layer does (a cross-correlation).

    The image is first zero-padded with ``padding`` rows and columns on every side (top, bottom,
    left and right), giving xp of shape (H + 2p, W + 2p). The kernel is NOT flipped:

        out[i, j] = sum_m sum_n xp[i * s + m, j * s + n] * kernel[m, n],

    with m = 0 ... f - 1, n = 0 ... g - 1, and only the windows that lie wholly inside xp
    ("valid"), so the output has the shape

        ((H + 2p - f) // s + 1,  (W + 2p - g) // s + 1).

    Parameters
    ----------
    image : array_like, shape (H, W)
        A single-channel image.
    kernel : array_like, shape (f, g)
        The filter; f and g need not be equal.
    stride : int, optional
        The step s >= 1 between neighbouring windows, in both directions.
    padding : int, optional
        The number p >= 0 of zero rows and columns added on each side.

    Returns
    -------
    numpy.ndarray, shape ((H + 2p - f) // s + 1, (W + 2p - g) // s + 1), dtype float64

    Raises
    ------
    ValueError
        If the kernel is larger than the padded image in either direction, if stride < 1 or if
        padding < 0.
    """
    image = np.asarray(image, dtype=float)
    kernel = np.asarray(kernel, dtype=float)
    if stride < 1 or padding < 0:
        raise ValueError("stride must be >= 1 and padding >= 0")
    xp = np.pad(image, padding)
    f, g = kernel.shape
    if f > xp.shape[0] or g > xp.shape[1]:
        raise ValueError("the kernel is larger than the padded image")
    rows = (xp.shape[0] - f) // stride + 1
    cols = (xp.shape[1] - g) // stride + 1
    out = np.zeros((rows, cols))
    for m in range(f):
        for n in range(g):
            out += kernel[m, n] * xp[m:m + stride * (rows - 1) + 1:stride, n:n + stride * (cols - 1) + 1:stride]
    return out
