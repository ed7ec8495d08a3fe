"""Reference solution of assignment 12-dimensionality-reduction (Chapter 10).

Eight tasks: principal component analysis by the SVD of the centred data, the explained variance
ratios and the number of modes for a given energy (proper orthogonal decomposition), reconstruction
from a truncated PCA basis, generating new shapes (NACA airfoils) from a PCA model,
k-nearest-neighbour classification with stated tie rules, k-means by Lloyd's algorithm from given
initial centres, the conditional affinities of t-SNE with the bandwidth of every point found by
bisection on the perplexity, and the t-SNE cost KL(P || Q) of an embedding with its gradient.

Every task function is self-contained apart from ``import numpy as np`` (the notebook's first code
cell), because ``autograder solution`` pastes each function's source into the student notebook.
"""

import numpy as np


def pca_svd(X, k):
    """Principal component analysis of the data ``X`` by the SVD of the centred data.

    The rows of ``X`` are N samples (for example snapshots of a displacement field), the columns
    are F features. With the mean ``mu = (1/N) sum_n x_n`` and the thin SVD of the centred data
    ``Xc = X - mu = U S V^T`` (singular values s_1 >= s_2 >= ...):

    * the principal directions are the columns of V; ``components = V[:, :k]`` (shape (F, k));
    * the variance along direction i is ``lambda_i = s_i**2 / N`` (the eigenvalues of the
      covariance matrix ``C = (1/N) Xc^T Xc``: normalised by N, not N - 1);
    * the scores (coordinates of the samples in the new basis) are ``Z = Xc @ components``
      (equal to ``U[:, :k] * s[:k]``).

    The sign of each principal direction is arbitrary: a column of ``components`` may be flipped
    together with the same column of ``Z``. The grader accepts either sign.

    Parameters
    ----------
    X : array_like, shape (N, F)
        The data, one sample per row.
    k : int
        Number of components to keep, 1 <= k <= min(N, F).

    Returns
    -------
    (Z, components, variances, mean)
        Z : numpy.ndarray, shape (N, k) -- the scores.
        components : numpy.ndarray, shape (F, k) -- orthonormal columns, in order of decreasing
        variance.
        variances : numpy.ndarray, shape (k,) -- lambda_1 >= ... >= lambda_k.
        mean : numpy.ndarray, shape (F,) -- the mean sample mu.

    Raises
    ------
    ValueError
        If X is not a 2-D array, or k is not an integer with 1 <= k <= min(N, F).
    """
    X = np.asarray(X, dtype=float)
    if X.ndim != 2:
        raise ValueError("X must be a 2-D array (samples x features)")
    n_samples, n_features = X.shape
    if int(k) != k or not 1 <= k <= min(n_samples, n_features):
        raise ValueError("k must be an integer with 1 <= k <= min(N, F)")
    k = int(k)
    mean = X.mean(axis=0)
    centred = X - mean
    _, s, Vt = np.linalg.svd(centred, full_matrices=False)
    components = Vt[:k].T
    return centred @ components, components, s[:k] ** 2 / n_samples, mean


def pod_rank(X, energy):
    """Explained variance ratios of all principal components and the number of modes for an energy.

    With the variances lambda_1 >= lambda_2 >= ... >= lambda_r of the principal components of ``X``
    (r = min(N, F); lambda_i = s_i**2 / N from the SVD of the centred data, as in ``pca_svd``),
    the explained variance ratio of component i is

        ratio_i = lambda_i / (lambda_1 + ... + lambda_r),

    and K is the smallest number of components whose ratios add up to at least ``energy``:
    ``ratio_1 + ... + ratio_K >= energy``. (In proper orthogonal decomposition the variance is
    called the energy of a mode.)

    Parameters
    ----------
    X : array_like, shape (N, F)
        The data, one sample per row.
    energy : float
        The fraction of the total variance to capture, 0 < energy < 1.

    Returns
    -------
    (ratio, K)
        ratio : numpy.ndarray of float, shape (min(N, F),) -- in decreasing order, summing to 1.
        K : int -- 1 <= K <= min(N, F).

    Raises
    ------
    ValueError
        If X is not a 2-D array, energy is not in the open interval (0, 1), or the total variance
        is zero (all samples are equal).
    """
    X = np.asarray(X, dtype=float)
    if X.ndim != 2:
        raise ValueError("X must be a 2-D array (samples x features)")
    if not 0.0 < energy < 1.0:
        raise ValueError("energy must lie strictly between 0 and 1")
    s = np.linalg.svd(X - X.mean(axis=0), compute_uv=False)
    variances = s ** 2 / X.shape[0]
    total = variances.sum()
    if not total > 0.0:
        raise ValueError("the data has no variance")
    ratio = variances / total
    K = int(np.searchsorted(np.cumsum(ratio), energy, side="left")) + 1
    return ratio, min(K, ratio.size)


def pca_reconstruct(X, mean, components):
    """Project samples onto a PCA basis and map them back: the best approximation in that basis.

    For one sample x the reduced coordinates are ``z = R^T (x - mu)`` and the reconstruction is
    ``x_tilde = mu + R z``, with R = ``components`` (orthonormal columns) and mu = ``mean``. For
    all rows of X at once: ``X_tilde = mu + (X - mu) R R^T``.

    Parameters
    ----------
    X : array_like, shape (N, F)
        Samples to reconstruct (not necessarily the data the basis was computed from).
    mean : array_like, shape (F,)
        The mean sample mu of the PCA.
    components : array_like, shape (F, k), 0 <= k <= F
        Orthonormal principal directions as columns.

    Returns
    -------
    numpy.ndarray of float, shape (N, F)
        The reconstructions x_tilde, one per row.

    Raises
    ------
    ValueError
        If the shapes are inconsistent.
    """
    X = np.asarray(X, dtype=float)
    mean = np.asarray(mean, dtype=float)
    R = np.asarray(components, dtype=float)
    if X.ndim != 2 or mean.shape != (X.shape[1],) or R.ndim != 2 or R.shape[0] != X.shape[1]:
        raise ValueError("expected X (N, F), mean (F,) and components (F, k)")
    return mean + ((X - mean) @ R) @ R.T


def generate_shapes(mean, components, variances, coefficients):
    """Generate shapes from a PCA model, with coefficients in units of standard deviations.

    A PCA model (mean mu, orthonormal principal directions r_1, ..., r_k as the columns of R, and
    variances lambda_1, ..., lambda_k) generates the shape

        x = mu + sum_i c_i sqrt(lambda_i) r_i = mu + R diag(sqrt(lambda)) c

    from k coefficients c_i measured in standard deviations of their component: c_i = 2 means two
    standard deviations along r_i, c = 0 gives the mean shape. With c drawn from the standard
    normal distribution N(0, I), the shapes x are distributed as N(mu, R diag(lambda) R^T), the
    covariance of the model. For each row of ``coefficients`` one shape is generated.

    Parameters
    ----------
    mean : array_like, shape (F,)
        The mean shape mu.
    components : array_like, shape (F, k)
        The principal directions as orthonormal columns (as returned by ``pca_svd``).
    variances : array_like, shape (k,)
        The variances lambda_i >= 0 of the components (as returned by ``pca_svd``).
    coefficients : array_like, shape (M, k) or (k,)
        The coefficients c, one set per row, in standard deviations.

    Returns
    -------
    numpy.ndarray of float, shape (M, F) -- or shape (F,) if ``coefficients`` has shape (k,).
        The generated shapes, one per row.

    Raises
    ------
    ValueError
        If the shapes of the arguments are inconsistent, or a variance is negative.
    """
    mean = np.asarray(mean, dtype=float)
    R = np.asarray(components, dtype=float)
    variances = np.asarray(variances, dtype=float)
    c = np.asarray(coefficients, dtype=float)
    if mean.ndim != 1 or R.ndim != 2 or R.shape[0] != mean.size or variances.shape != (R.shape[1],):
        raise ValueError("expected mean (F,), components (F, k) and variances (k,)")
    if c.ndim not in (1, 2) or c.shape[-1] != R.shape[1]:
        raise ValueError("coefficients must have shape (M, k) or (k,)")
    if np.any(variances < 0.0):
        raise ValueError("variances must not be negative")
    return mean + (c * np.sqrt(variances)) @ R.T


def knn_predict(X_train, y_train, X_query, k):
    """Classify query points by the majority vote of their k nearest training points.

    Rules (follow them exactly, the grader builds ties on purpose):

    * Distances are Euclidean.
    * The neighbours of a query are ordered by increasing distance; equal distances are ordered by
      increasing training index (a stable sort). The first k in this order are the k nearest.
    * The prediction is the label with the most votes among the k nearest. If several labels share
      the highest count, the winner is the one whose nearest member comes first in the order above
      (so with k = 2 and two different labels, the nearer neighbour decides).

    Parameters
    ----------
    X_train : array_like, shape (n, F)
        Training points, one per row.
    y_train : array_like of int, shape (n,)
        Their class labels (any integers).
    X_query : array_like, shape (m, F)
        Points to classify.
    k : int
        Number of neighbours, 1 <= k <= n.

    Returns
    -------
    numpy.ndarray of int, shape (m,)
        The predicted labels.

    Raises
    ------
    ValueError
        If k is not in 1..n, len(y_train) != n, or X_train and X_query are not 2-D arrays with the
        same number of columns.
    """
    X_train = np.asarray(X_train, dtype=float)
    y_train = np.asarray(y_train)
    X_query = np.asarray(X_query, dtype=float)
    if X_train.ndim != 2 or X_query.ndim != 2 or X_train.shape[1] != X_query.shape[1]:
        raise ValueError("X_train and X_query must be 2-D with the same number of columns")
    n = X_train.shape[0]
    if y_train.shape != (n,):
        raise ValueError("y_train needs one label per training point")
    if int(k) != k or not 1 <= k <= n:
        raise ValueError("k must be an integer with 1 <= k <= n")
    k = int(k)
    predictions = np.empty(X_query.shape[0], dtype=int)
    for q, x in enumerate(X_query):
        distances = np.sqrt(np.sum((X_train - x) ** 2, axis=1))
        nearest = np.argsort(distances, kind="stable")[:k]
        counts = {}
        for label in y_train[nearest]:          # dicts keep insertion order: nearest first
            counts[int(label)] = counts.get(int(label), 0) + 1
        best = max(counts.values())
        predictions[q] = next(label for label, count in counts.items() if count == best)
    return predictions


def kmeans(X, init_centers, max_iter=100, tol=1e-8):
    """K-means clustering by Lloyd's algorithm, started from the given centres.

    Iterations t = 1, 2, ..., at most ``max_iter``:

    1. assignment: label every sample with the index of its nearest centre (Euclidean distance;
       a tie goes to the smallest centre index);
    2. update: move every centre to the mean of the samples labelled with it; a centre that has no
       samples stays where it is;
    3. stop if no centre moved by more than ``tol`` (the Euclidean norm of its move).

    ``n_iter`` is the number of iterations performed (1 <= n_iter <= max_iter). The returned labels
    and inertia belong to the returned centres: after the loop, assign every sample once more to its
    nearest returned centre, and ``inertia = sum_n ||x_n - c_{label_n}||^2`` (a sum of squared
    distances, not a mean).

    Parameters
    ----------
    X : array_like, shape (N, F)
        The samples, one per row.
    init_centers : array_like, shape (K, F), K >= 1
        The initial centres (not modified).
    max_iter : int, optional
        Maximum number of iterations, >= 1.
    tol : float, optional
        Tolerance on the move of the centres.

    Returns
    -------
    (centers, labels, inertia, n_iter)
        centers : numpy.ndarray of float, shape (K, F).
        labels : numpy.ndarray of int, shape (N,), values in 0..K-1.
        inertia : float.
        n_iter : int.

    Raises
    ------
    ValueError
        If X is not 2-D, init_centers is not a (K, F) array with K >= 1, or max_iter < 1.
    """
    X = np.asarray(X, dtype=float)
    centers = np.array(init_centers, dtype=float)
    if X.ndim != 2:
        raise ValueError("X must be a 2-D array (samples x features)")
    if centers.ndim != 2 or centers.shape[0] < 1 or centers.shape[1] != X.shape[1]:
        raise ValueError("init_centers must have shape (K, F) with K >= 1")
    if max_iter < 1:
        raise ValueError("max_iter must be at least 1")

    def assign(c):
        squared = np.sum((X[:, np.newaxis, :] - c[np.newaxis, :, :]) ** 2, axis=2)
        return np.argmin(squared, axis=1)

    n_iter = 0
    while n_iter < max_iter:
        n_iter += 1
        labels = assign(centers)
        moved = centers.copy()
        for j in range(centers.shape[0]):
            members = X[labels == j]
            if len(members):
                moved[j] = members.mean(axis=0)
        shift = np.max(np.linalg.norm(moved - centers, axis=1))
        centers = moved
        if shift <= tol:
            break
    labels = assign(centers)
    inertia = float(np.sum((X - centers[labels]) ** 2))
    return centers, labels, inertia, n_iter


def tsne_affinities(X, perplexity, tol=1e-8):
    """Conditional affinities P_{j|i} of t-SNE, each bandwidth sigma_i found from the perplexity.

    For every point i,

        P_{j|i} = exp(-||x_i - x_j||^2 / (2 sigma_i^2)) / sum_{k != i} exp(-||x_i - x_k||^2 / (2 sigma_i^2))

    for j != i, and P_{i|i} = 0, so every row sums to 1. The bandwidth sigma_i > 0 is chosen so that
    the perplexity of row i, ``Perp_i = 2**H_i`` with the Shannon entropy in bits
    ``H_i = -sum_j P_{j|i} log2 P_{j|i}`` (terms with P_{j|i} = 0 count as 0), equals ``perplexity``:
    find it by bisection (H_i grows monotonically with sigma_i) until
    ``|H_i - log2(perplexity)| <= tol``. The result must not depend on the units of X: scaling X by
    any factor c > 0 scales every sigma_i by c and leaves P unchanged (beware of exp underflowing to
    0 for small sigma_i: subtracting the smallest squared distance of the row in the exponent does not
    change P_{j|i}).

    Parameters
    ----------
    X : array_like, shape (N, F)
        The points, one per row (no two equal).
    perplexity : float
        The target perplexity, 1 < perplexity < N - 1 (roughly the effective number of neighbours).
    tol : float, optional
        Tolerance on the entropy, in bits.

    Returns
    -------
    (P, sigmas)
        P : numpy.ndarray of float, shape (N, N) -- P[i, j] = P_{j|i}, zero diagonal, rows sum to 1.
        sigmas : numpy.ndarray of float, shape (N,) -- the bandwidths sigma_i, in the units of X.

    Raises
    ------
    ValueError
        If X is not a 2-D array or perplexity is not in the open interval (1, N - 1).
    """
    X = np.asarray(X, dtype=float)
    if X.ndim != 2:
        raise ValueError("X must be a 2-D array (points x features)")
    n = X.shape[0]
    if not 1.0 < perplexity < n - 1:
        raise ValueError("the perplexity must lie strictly between 1 and N - 1")
    target = np.log2(perplexity)
    squared = np.sum((X[:, np.newaxis, :] - X[np.newaxis, :, :]) ** 2, axis=2)
    P = np.zeros((n, n))
    sigmas = np.empty(n)

    def row(d, beta):
        """Affinities and entropy (bits) for precision beta = 1 / (2 sigma^2); d shifted to min 0."""
        weights = np.exp(-beta * d)
        total = weights.sum()
        p = weights / total
        entropy = (np.log(total) + beta * np.dot(p, d)) / np.log(2.0)
        return p, entropy

    for i in range(n):
        others = np.arange(n) != i
        d = squared[i, others]
        d = d - d.min()
        positive = d[d > 0]
        beta = 1.0 / np.median(positive) if positive.size else 1.0
        p, h = row(d, beta)
        lo, hi = 0.0, np.inf          # brackets of beta: H(lo) >= target >= H(hi)
        for _ in range(500):
            if abs(h - target) <= tol:
                break
            if h > target:            # too flat: a larger precision (smaller sigma) is needed
                lo = beta
            else:
                hi = beta
            beta = 2.0 * beta if hi == np.inf else 0.5 * beta if lo == 0.0 else np.sqrt(lo * hi)
            p, h = row(d, beta)
        P[i, others] = p
        sigmas[i] = np.sqrt(0.5 / beta)
    return P, sigmas


def tsne_kl(P_cond, Y):
    """The t-SNE cost KL(P || Q) of an embedding ``Y`` and its gradient with respect to ``Y``.

    From the conditional affinities P_cond[i, j] = P_{j|i} of the data (zero diagonal, every row
    summing to 1, as returned by ``tsne_affinities``) form the symmetric joint affinities

        p_ij = (P_{j|i} + P_{i|j}) / (2 N),   p_ii = 0   (they sum to 1 over all i, j).

    The map points y_i (the rows of Y) have the Student-t joint affinities

        q_ij = (1 + ||y_i - y_j||^2)^(-1) / sum_{k != l} (1 + ||y_k - y_l||^2)^(-1),   q_ii = 0,

    normalised over all ordered pairs k != l (not row by row). The cost is

        KL(P || Q) = sum_{i != j} p_ij ln(p_ij / q_ij)

    with the natural logarithm (in nats); terms with p_ij = 0 count as 0. Its gradient is

        dKL/dy_i = 4 sum_j (p_ij - q_ij) (y_i - y_j) / (1 + ||y_i - y_j||^2).

    Parameters
    ----------
    P_cond : array_like, shape (N, N)
        The conditional affinities P_{j|i} in row i, N >= 2.
    Y : array_like, shape (N, d)
        The map points, one per row (d = 2 for a plot).

    Returns
    -------
    (kl, grad)
        kl : float -- KL(P || Q) >= 0.
        grad : numpy.ndarray of float, shape (N, d) -- row i is dKL/dy_i.

    Raises
    ------
    ValueError
        If Y is not a 2-D array with N >= 2 rows, or P_cond does not have the shape (N, N).
    """
    P_cond = np.asarray(P_cond, dtype=float)
    Y = np.asarray(Y, dtype=float)
    if Y.ndim != 2 or Y.shape[0] < 2:
        raise ValueError("Y must be a 2-D array with at least two rows")
    n = Y.shape[0]
    if P_cond.shape != (n, n):
        raise ValueError("P_cond must have the shape (N, N), N = len(Y)")
    P = (P_cond + P_cond.T) / (2.0 * n)
    np.fill_diagonal(P, 0.0)
    differences = Y[:, np.newaxis, :] - Y[np.newaxis, :, :]          # y_i - y_j, shape (N, N, d)
    kernel = 1.0 / (1.0 + np.sum(differences ** 2, axis=2))
    np.fill_diagonal(kernel, 0.0)
    Q = kernel / kernel.sum()
    positive = P > 0.0
    kl = float(np.sum(P[positive] * np.log(P[positive] / Q[positive])))
    grad = 4.0 * np.einsum("ij,ijk->ik", (P - Q) * kernel, differences)
    return kl, grad
