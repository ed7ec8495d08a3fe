"""Plausible wrong implementations of the tasks of 12-dimensionality-reduction; each must lose points."""

import numpy as np

from autograder.mutants import mutant


# --- pca_svd ------------------------------------------------------------------------------------

@mutant("forgets to centre the data: the SVD of X instead of X - mean")
def pca_svd__no_centring(X, k):
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or not 1 <= k <= min(X.shape):
        raise ValueError("bad input")
    _, s, Vt = np.linalg.svd(X, full_matrices=False)
    R = Vt[:k].T
    return X @ R, R, s[:k] ** 2 / X.shape[0], X.mean(axis=0)


@mutant("divides by N - 1 (the unbiased sample variance) instead of N")
def pca_svd__n_minus_one(X, k):
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or not 1 <= k <= min(X.shape):
        raise ValueError("bad input")
    mean = X.mean(axis=0)
    _, s, Vt = np.linalg.svd(X - mean, full_matrices=False)
    R = Vt[:k].T
    return (X - mean) @ R, R, s[:k] ** 2 / (X.shape[0] - 1), mean


@mutant("takes the rows of V (the columns of Vt) as the principal directions")
def pca_svd__rows_of_v(X, k):
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or not 1 <= k <= min(X.shape):
        raise ValueError("bad input")
    mean = X.mean(axis=0)
    _, s, Vt = np.linalg.svd(X - mean, full_matrices=True)
    R = Vt[:, :k]
    return (X - mean) @ R, R, s[:k] ** 2 / X.shape[0], mean


@mutant("checks only k <= N, as the script says, so k > F is accepted")
def pca_svd__k_up_to_n(X, k):
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or not 1 <= k <= X.shape[0]:
        raise ValueError("bad input")
    mean = X.mean(axis=0)
    _, s, Vt = np.linalg.svd(X - mean, full_matrices=False)
    R = Vt[:k].T
    return (X - mean) @ R, R, s[:k] ** 2 / X.shape[0], mean


# --- pod_rank -----------------------------------------------------------------------------------

@mutant("uses the singular values s_i instead of the variances s_i^2 / N as energies")
def pod_rank__singular_values(X, energy):
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or not 0 < energy < 1:
        raise ValueError("bad input")
    s = np.linalg.svd(X - X.mean(axis=0), compute_uv=False)
    if s.sum() == 0:
        raise ValueError("no variance")
    ratio = s / s.sum()
    return ratio, int(np.argmax(np.cumsum(ratio) >= energy)) + 1


@mutant("off by one: returns the index of the first cumulative ratio >= energy")
def pod_rank__off_by_one(X, energy):
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or not 0 < energy < 1:
        raise ValueError("bad input")
    s = np.linalg.svd(X - X.mean(axis=0), compute_uv=False)
    if np.sum(s ** 2) == 0:
        raise ValueError("no variance")
    ratio = s ** 2 / np.sum(s ** 2)
    return ratio, int(np.argmax(np.cumsum(ratio) >= energy))


@mutant("does not centre the data, so the mean counts as the first mode")
def pod_rank__no_centring(X, energy):
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or not 0 < energy < 1:
        raise ValueError("bad input")
    s = np.linalg.svd(X, compute_uv=False)
    if np.sum(s ** 2) == 0:
        raise ValueError("no variance")
    ratio = s ** 2 / np.sum(s ** 2)
    return ratio, int(np.argmax(np.cumsum(ratio) >= energy)) + 1


# --- pca_reconstruct ----------------------------------------------------------------------------

@mutant("does not add the mean back: returns (X - mu) R R^T")
def pca_reconstruct__no_mean_back(X, mean, components):
    X, mean, R = (np.asarray(v, dtype=float) for v in (X, mean, components))
    return (X - mean) @ R @ R.T


@mutant("projects the uncentred samples and then adds the mean: mu + X R R^T")
def pca_reconstruct__uncentred_projection(X, mean, components):
    X, mean, R = (np.asarray(v, dtype=float) for v in (X, mean, components))
    return mean + X @ R @ R.T


@mutant("ignores the mean altogether: X R R^T")
def pca_reconstruct__no_mean(X, mean, components):
    X, mean, R = (np.asarray(v, dtype=float) for v in (X, mean, components))
    if mean.shape != (X.shape[1],):
        raise ValueError("shapes")
    return X @ R @ R.T


# --- generate_shapes ----------------------------------------------------------------------------

@mutant("scales the coefficients by the variances lambda_i instead of the standard deviations")
def generate_shapes__variances_not_std(mean, components, variances, coefficients):
    mean, R, lam, c = (np.asarray(v, dtype=float) for v in (mean, components, variances, coefficients))
    if R.shape != (mean.size, lam.size) or c.shape[-1] != lam.size or np.any(lam < 0):
        raise ValueError("bad input")
    return mean + (c * lam) @ R.T


@mutant("divides by the standard deviations, as when encoding, instead of multiplying")
def generate_shapes__divides_by_std(mean, components, variances, coefficients):
    mean, R, lam, c = (np.asarray(v, dtype=float) for v in (mean, components, variances, coefficients))
    if R.shape != (mean.size, lam.size) or c.shape[-1] != lam.size or np.any(lam < 0):
        raise ValueError("bad input")
    with np.errstate(divide="ignore", invalid="ignore"):
        return mean + (c / np.sqrt(lam)) @ R.T


@mutant("forgets to add the mean shape: returns R diag(sqrt(lambda)) c")
def generate_shapes__no_mean(mean, components, variances, coefficients):
    mean, R, lam, c = (np.asarray(v, dtype=float) for v in (mean, components, variances, coefficients))
    if R.shape != (mean.size, lam.size) or c.shape[-1] != lam.size or np.any(lam < 0):
        raise ValueError("bad input")
    return (c * np.sqrt(lam)) @ R.T


# --- knn_predict --------------------------------------------------------------------------------

@mutant("breaks vote ties towards the smallest label (scikit-learn's rule), not the nearest member")
def knn_predict__smallest_label_wins(X_train, y_train, X_query, k):
    X_train = np.asarray(X_train, dtype=float)
    X_query = np.asarray(X_query, dtype=float)
    y_train = np.asarray(y_train)
    if (X_train.ndim != 2 or X_query.ndim != 2 or X_train.shape[1] != X_query.shape[1]
            or y_train.shape != (len(X_train),) or not 1 <= k <= len(X_train)):
        raise ValueError("bad input")
    out = []
    for x in X_query:
        nearest = np.argsort(np.linalg.norm(X_train - x, axis=1), kind="stable")[:k]
        values, counts = np.unique(y_train[nearest], return_counts=True)
        out.append(values[np.argmax(counts)])
    return np.array(out, dtype=int)


@mutant("uses the Manhattan distance instead of the Euclidean one")
def knn_predict__manhattan(X_train, y_train, X_query, k):
    X_train = np.asarray(X_train, dtype=float)
    X_query = np.asarray(X_query, dtype=float)
    y_train = np.asarray(y_train)
    if (X_train.ndim != 2 or X_query.ndim != 2 or X_train.shape[1] != X_query.shape[1]
            or y_train.shape != (len(X_train),) or not 1 <= k <= len(X_train)):
        raise ValueError("bad input")
    out = []
    for x in X_query:
        nearest = np.argsort(np.sum(np.abs(X_train - x), axis=1), kind="stable")[:k]
        votes = {}
        for label in y_train[nearest]:
            votes[int(label)] = votes.get(int(label), 0) + 1
        best = max(votes.values())
        out.append(next(label for label, count in votes.items() if count == best))
    return np.array(out, dtype=int)


@mutant("skips the nearest neighbour, as if the query were always a training point")
def knn_predict__skips_nearest(X_train, y_train, X_query, k):
    X_train = np.asarray(X_train, dtype=float)
    X_query = np.asarray(X_query, dtype=float)
    y_train = np.asarray(y_train)
    if (X_train.ndim != 2 or X_query.ndim != 2 or X_train.shape[1] != X_query.shape[1]
            or y_train.shape != (len(X_train),) or not 1 <= k <= len(X_train)):
        raise ValueError("bad input")
    out = []
    for x in X_query:
        order = np.argsort(np.linalg.norm(X_train - x, axis=1), kind="stable")
        nearest = order[1:k + 1] if k < len(order) else order
        votes = {}
        for label in y_train[nearest]:
            votes[int(label)] = votes.get(int(label), 0) + 1
        best = max(votes.values())
        out.append(next(label for label, count in votes.items() if count == best))
    return np.array(out, dtype=int)


# --- kmeans -------------------------------------------------------------------------------------

@mutant("an empty cluster takes the mean of no samples (nan) instead of keeping its centre")
def kmeans__empty_cluster_nan(X, init_centers, max_iter=100, tol=1e-8):
    X = np.asarray(X, dtype=float)
    C = np.array(init_centers, dtype=float)
    if X.ndim != 2 or C.ndim != 2 or C.shape[1] != X.shape[1] or max_iter < 1:
        raise ValueError("bad input")
    n_iter = 0
    while n_iter < max_iter:
        n_iter += 1
        labels = np.argmin(((X[:, None] - C[None]) ** 2).sum(axis=2), axis=1)
        with np.errstate(all="ignore"):
            new = np.array([X[labels == j].sum(axis=0) / np.sum(labels == j) for j in range(len(C))])
        shift = np.max(np.linalg.norm(new - C, axis=1))
        C = new
        if shift <= tol:
            break
    labels = np.argmin(((X[:, None] - C[None]) ** 2).sum(axis=2), axis=1)
    return C, labels, float(((X - C[labels]) ** 2).sum()), n_iter


@mutant("returns the labels of the last assignment step, not those of the returned centres")
def kmeans__stale_labels(X, init_centers, max_iter=100, tol=1e-8):
    X = np.asarray(X, dtype=float)
    C = np.array(init_centers, dtype=float)
    if X.ndim != 2 or C.ndim != 2 or C.shape[1] != X.shape[1] or max_iter < 1:
        raise ValueError("bad input")
    n_iter = 0
    while n_iter < max_iter:
        n_iter += 1
        labels = np.argmin(((X[:, None] - C[None]) ** 2).sum(axis=2), axis=1)
        new = C.copy()
        for j in range(len(C)):
            if np.any(labels == j):
                new[j] = X[labels == j].mean(axis=0)
        shift = np.max(np.linalg.norm(new - C, axis=1))
        C = new
        if shift <= tol:
            break
    return C, labels, float(((X - C[labels]) ** 2).sum()), n_iter


@mutant("the inertia sums distances, not squared distances")
def kmeans__inertia_not_squared(X, init_centers, max_iter=100, tol=1e-8):
    X = np.asarray(X, dtype=float)
    C = np.array(init_centers, dtype=float)
    if X.ndim != 2 or C.ndim != 2 or C.shape[1] != X.shape[1] or max_iter < 1:
        raise ValueError("bad input")
    n_iter = 0
    while n_iter < max_iter:
        n_iter += 1
        labels = np.argmin(((X[:, None] - C[None]) ** 2).sum(axis=2), axis=1)
        new = C.copy()
        for j in range(len(C)):
            if np.any(labels == j):
                new[j] = X[labels == j].mean(axis=0)
        shift = np.max(np.linalg.norm(new - C, axis=1))
        C = new
        if shift <= tol:
            break
    labels = np.argmin(((X[:, None] - C[None]) ** 2).sum(axis=2), axis=1)
    return C, labels, float(np.linalg.norm(X - C[labels], axis=1).sum()), n_iter


# --- tsne_affinities ----------------------------------------------------------------------------

@mutant("measures the entropy in nats but compares it with log2(perplexity)")
def tsne_affinities__entropy_in_nats(X, perplexity, tol=1e-8):
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or not 1 < perplexity < len(X) - 1:
        raise ValueError("bad input")
    n = len(X)
    D = ((X[:, None] - X[None]) ** 2).sum(axis=2)
    P = np.zeros((n, n))
    sigmas = np.zeros(n)
    target = np.log2(perplexity)
    for i in range(n):
        mask = np.arange(n) != i
        d = D[i, mask] - D[i, np.arange(n) != i].min()
        scale = np.sqrt(np.median(D[i, np.arange(n) != i]))
        lo, hi = -60.0, 60.0                 # bisection on log(sigma / typical distance)
        for _ in range(200):
            mid = 0.5 * (lo + hi)
            sigma = scale * np.exp(mid)
            w = np.exp(-d / (2.0 * sigma ** 2))
            p = w / w.sum()
            q = p[p > 0]
            h = -np.sum(q * np.log(q))
            if abs(h - target) <= tol:
                break
            if h > target:
                hi = mid
            else:
                lo = mid
        row = np.zeros(n)
        row[mask] = p
        row[i] = 0.0
        P[i] = row
        sigmas[i] = sigma
    return P, sigmas


@mutant("keeps j = i in the normalising sum (exp(0) = 1), then zeroes the diagonal")
def tsne_affinities__self_term(X, perplexity, tol=1e-8):
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or not 1 < perplexity < len(X) - 1:
        raise ValueError("bad input")
    n = len(X)
    D = ((X[:, None] - X[None]) ** 2).sum(axis=2)
    P = np.zeros((n, n))
    sigmas = np.zeros(n)
    target = np.log2(perplexity)
    for i in range(n):
        mask = np.ones(n, dtype=bool)
        d = D[i, mask] - D[i, np.arange(n) != i].min()
        scale = np.sqrt(np.median(D[i, np.arange(n) != i]))
        lo, hi = -60.0, 60.0                 # bisection on log(sigma / typical distance)
        for _ in range(200):
            mid = 0.5 * (lo + hi)
            sigma = scale * np.exp(mid)
            w = np.exp(-d / (2.0 * sigma ** 2))
            p = w / w.sum()
            q = p[p > 0]
            h = -np.sum(q * np.log2(q))
            if abs(h - target) <= tol:
                break
            if h > target:
                hi = mid
            else:
                lo = mid
        row = np.zeros(n)
        row[mask] = p
        row[i] = 0.0
        P[i] = row
        sigmas[i] = sigma
    return P, sigmas


@mutant("uses exp(-d^2 / sigma^2), missing the factor 2: sigma is off by sqrt(2)")
def tsne_affinities__sigma_squared_not_doubled(X, perplexity, tol=1e-8):
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or not 1 < perplexity < len(X) - 1:
        raise ValueError("bad input")
    n = len(X)
    D = ((X[:, None] - X[None]) ** 2).sum(axis=2)
    P = np.zeros((n, n))
    sigmas = np.zeros(n)
    target = np.log2(perplexity)
    for i in range(n):
        mask = np.arange(n) != i
        d = D[i, mask] - D[i, np.arange(n) != i].min()
        scale = np.sqrt(np.median(D[i, np.arange(n) != i]))
        lo, hi = -60.0, 60.0                 # bisection on log(sigma / typical distance)
        for _ in range(200):
            mid = 0.5 * (lo + hi)
            sigma = scale * np.exp(mid)
            w = np.exp(-d / (1.0 * sigma ** 2))
            p = w / w.sum()
            q = p[p > 0]
            h = -np.sum(q * np.log2(q))
            if abs(h - target) <= tol:
                break
            if h > target:
                hi = mid
            else:
                lo = mid
        row = np.zeros(n)
        row[mask] = p
        row[i] = 0.0
        P[i] = row
        sigmas[i] = sigma
    return P, sigmas


# --- tsne_kl ------------------------------------------------------------------------------------

@mutant("does not symmetrise: uses p_ij = P_{j|i} / N instead of (P_{j|i} + P_{i|j}) / 2N")
def tsne_kl__no_symmetrisation(P_cond, Y):
    P_cond, Y = np.asarray(P_cond, dtype=float), np.asarray(Y, dtype=float)
    n = len(Y)
    if Y.ndim != 2 or P_cond.shape != (n, n):
        raise ValueError("bad input")
    P = P_cond / n
    D = Y[:, None, :] - Y[None, :, :]
    W = 1.0 / (1.0 + np.sum(D ** 2, axis=2))
    np.fill_diagonal(W, 0.0)
    Q = W / W.sum()
    mask = P > 0
    return float(np.sum(P[mask] * np.log(P[mask] / Q[mask]))), 4.0 * np.einsum("ij,ijk->ik", (P - Q) * W, D)


@mutant("normalises q over all pairs including k = l (each adds 1 to the sum)")
def tsne_kl__self_pairs_in_normaliser(P_cond, Y):
    P_cond, Y = np.asarray(P_cond, dtype=float), np.asarray(Y, dtype=float)
    n = len(Y)
    if Y.ndim != 2 or P_cond.shape != (n, n):
        raise ValueError("bad input")
    P = (P_cond + P_cond.T) / (2.0 * n)
    D = Y[:, None, :] - Y[None, :, :]
    W = 1.0 / (1.0 + np.sum(D ** 2, axis=2))
    Q = W / W.sum()
    np.fill_diagonal(W, 0.0)
    np.fill_diagonal(Q, 0.0)
    mask = P > 0
    return float(np.sum(P[mask] * np.log(P[mask] / Q[mask]))), 4.0 * np.einsum("ij,ijk->ik", (P - Q) * W, D)


@mutant("leaves the Student-t factor (1 + ||y_i - y_j||^2)^-1 out of the gradient")
def tsne_kl__gradient_without_kernel(P_cond, Y):
    P_cond, Y = np.asarray(P_cond, dtype=float), np.asarray(Y, dtype=float)
    n = len(Y)
    if Y.ndim != 2 or P_cond.shape != (n, n):
        raise ValueError("bad input")
    P = (P_cond + P_cond.T) / (2.0 * n)
    D = Y[:, None, :] - Y[None, :, :]
    W = 1.0 / (1.0 + np.sum(D ** 2, axis=2))
    np.fill_diagonal(W, 0.0)
    Q = W / W.sum()
    mask = P > 0
    return float(np.sum(P[mask] * np.log(P[mask] / Q[mask]))), 4.0 * np.einsum("ij,ijk->ik", P - Q, D)
