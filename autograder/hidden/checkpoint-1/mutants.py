"""Plausible wrong answers and implementations for the quiz checkpoint-1; each must lose points."""

import numpy as np

from autograder.mutants import mutant

# ---------------------------------------------------------------- multiple_choice


@mutant("puts the logistic decision boundary where w.x + b = 0.5 (confuses z with sigma(z))")
def multiple_choice__boundary_at_half():
    return {1: "c", 2: "b", 3: "d", 4: "b", 5: "d", 6: "c", 7: "b", 8: "a"}


@mutant("swaps equivariance and invariance: calls the convolution invariant and the pooling equivariant")
def multiple_choice__swaps_equivariance_and_invariance():
    return {1: "c", 2: "a", 3: "d", 4: "b", 5: "b", 6: "c", 7: "b", 8: "a"}


@mutant("tunes on the test set and reports the best run (and takes L2 weight decay for MLE)")
def multiple_choice__tunes_on_the_test_set():
    return {1: "c", 2: "a", 3: "b", 4: "b", 5: "d", 6: "c", 7: "c", 8: "a"}


# ---------------------------------------------------------------- numeric_answers


@mutant("adds the stiffnesses of bars in series as if they were in parallel (70 MN/m)")
def numeric_answers__bars_in_parallel():
    return {1: 70.0, 2: 0.326460, 3: 0.552786, 4: 402.0075, 5: 0.259496, 6: 63.0}


@mutant("neglects the base rate: takes P(alarm | crack) = 0.95 for P(crack | alarm), and 1/lambda_max for the step")
def numeric_answers__base_rate_neglect():
    return {1: 16.8, 2: 0.95, 3: 0.276393, 4: 402.0075, 5: 0.259496, 6: 63.0}


@mutant("rounds every answer to 2 significant digits (outside the 0.1 % tolerance) and rounds the size up")
def numeric_answers__two_significant_digits():
    return {1: 17.0, 2: 0.33, 3: 0.55, 4: 400.0, 5: 0.26, 6: 64.0}


# ---------------------------------------------------------------- multivar_gauss


@mutant("uses Sigma instead of its inverse in the quadratic form")
def multivar_gauss__sigma_not_inverted(vals, mu, Sigma):
    vals = np.asarray(vals, dtype=float)
    mu = np.asarray(mu, dtype=float)
    Sigma = np.asarray(Sigma, dtype=float)
    diff = vals - mu
    quadratic = np.einsum("...k,kl,...l->...", diff, Sigma, diff)
    return np.exp(-0.5 * quadratic) / np.sqrt((2.0 * np.pi) ** mu.shape[0] * np.linalg.det(Sigma))


@mutant("normalises with (2 pi)^dim det(Sigma) and forgets the square root")
def multivar_gauss__no_square_root(vals, mu, Sigma):
    vals = np.asarray(vals, dtype=float)
    mu = np.asarray(mu, dtype=float)
    Sigma = np.asarray(Sigma, dtype=float)
    diff = vals - mu
    quadratic = np.einsum("...k,kl,...l->...", diff, np.linalg.inv(Sigma), diff)
    return np.exp(-0.5 * quadratic) / ((2.0 * np.pi) ** mu.shape[0] * np.linalg.det(Sigma))


@mutant("writes 2 pi^dim for (2 pi)^dim in the normalisation (right only in 1-D)")
def multivar_gauss__two_pi_to_the_dim(vals, mu, Sigma):
    vals = np.asarray(vals, dtype=float)
    mu = np.asarray(mu, dtype=float)
    Sigma = np.asarray(Sigma, dtype=float)
    diff = vals - mu
    quadratic = np.einsum("...k,kl,...l->...", diff, np.linalg.inv(Sigma), diff)
    return np.exp(-0.5 * quadratic) / np.sqrt(2.0 * np.pi ** mu.shape[0] * np.linalg.det(Sigma))


# ---------------------------------------------------------------- fit_least_squares


@mutant("forgets the bias column: the fit is forced through the origin (w0 = 0)")
def fit_least_squares__no_bias_column(X, y):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    if X.ndim == 1:
        X = X[:, None]
    if X.shape[0] != y.shape[0]:
        raise ValueError("X and y must hold the same number of samples")
    slopes, *_ = np.linalg.lstsq(X, y, rcond=None)
    return np.concatenate([[0.0], slopes])


@mutant("appends the column of ones last, so the bias ends up in w[-1]")
def fit_least_squares__bias_last(X, y):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    if X.ndim == 1:
        X = X[:, None]
    if X.shape[0] != y.shape[0]:
        raise ValueError("X and y must hold the same number of samples")
    A = np.column_stack([X, np.ones(X.shape[0])])
    w, *_ = np.linalg.lstsq(A, y, rcond=None)
    return w


@mutant("solves the normal equations with the explicit inverse of A^T A: inaccurate for collinear columns")
def fit_least_squares__normal_equations(X, y):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    if X.ndim == 1:
        X = X[:, None]
    if X.shape[0] != y.shape[0]:
        raise ValueError("X and y must hold the same number of samples")
    A = np.column_stack([np.ones(X.shape[0]), X])
    return np.linalg.inv(A.T @ A) @ A.T @ y


# ---------------------------------------------------------------- conv2d


@mutant("flips the kernel (a true convolution, not the cross-correlation of deep learning)")
def conv2d__flipped_kernel(image, kernel, stride=1, padding=0):
    image = np.asarray(image, dtype=float)
    kernel = np.asarray(kernel, dtype=float)[::-1, ::-1]
    if stride < 1 or padding < 0:
        raise ValueError("stride must be >= 1 and padding >= 0")
    xp = np.pad(image, padding)
    f, g = kernel.shape
    if f > xp.shape[0] or g > xp.shape[1]:
        raise ValueError("the kernel is larger than the padded image")
    rows = (xp.shape[0] - f) // stride + 1
    cols = (xp.shape[1] - g) // stride + 1
    out = np.zeros((rows, cols))
    for i in range(rows):
        for j in range(cols):
            out[i, j] = np.sum(xp[i * stride:i * stride + f, j * stride:j * stride + g] * kernel)
    return out


@mutant("computes the output size as (n + 2p - f + 1) // s: drops the last window for some sizes")
def conv2d__wrong_output_size(image, kernel, stride=1, padding=0):
    image = np.asarray(image, dtype=float)
    kernel = np.asarray(kernel, dtype=float)
    if stride < 1 or padding < 0:
        raise ValueError("stride must be >= 1 and padding >= 0")
    xp = np.pad(image, padding)
    f, g = kernel.shape
    if f > xp.shape[0] or g > xp.shape[1]:
        raise ValueError("the kernel is larger than the padded image")
    rows = (xp.shape[0] - f + 1) // stride
    cols = (xp.shape[1] - g + 1) // stride
    out = np.zeros((rows, cols))
    for i in range(rows):
        for j in range(cols):
            out[i, j] = np.sum(xp[i * stride:i * stride + f, j * stride:j * stride + g] * kernel)
    return out


@mutant("puts all 2p zero rows and columns on one side (bottom and right) instead of p on each side")
def conv2d__padding_on_one_side(image, kernel, stride=1, padding=0):
    image = np.asarray(image, dtype=float)
    kernel = np.asarray(kernel, dtype=float)
    if stride < 1 or padding < 0:
        raise ValueError("stride must be >= 1 and padding >= 0")
    xp = np.pad(image, ((0, 2 * padding), (0, 2 * padding)))
    f, g = kernel.shape
    if f > xp.shape[0] or g > xp.shape[1]:
        raise ValueError("the kernel is larger than the padded image")
    rows = (xp.shape[0] - f) // stride + 1
    cols = (xp.shape[1] - g) // stride + 1
    out = np.zeros((rows, cols))
    for i in range(rows):
        for j in range(cols):
            out[i, j] = np.sum(xp[i * stride:i * stride + f, j * stride:j * stride + g] * kernel)
    return out
