"""Plausible wrong implementations of the tasks of 03-optimization; each must lose points."""

import numpy as np

from autograder.mutants import mutant


# --- grad_quadratic_form ------------------------------------------------------------------------

@mutant("uses 2 A x, which holds only for symmetric A")
def grad_quadratic_form__two_a_x(A, x):
    A = np.asarray(A, dtype=float)
    x = np.asarray(x, dtype=float)
    if A.ndim != 2 or A.shape[0] != A.shape[1] or x.ndim != 1 or x.shape[0] != A.shape[0]:
        raise ValueError("shapes")
    return 2 * A @ x


@mutant("forgets the transpose term: returns A x")
def grad_quadratic_form__a_x_only(A, x):
    A = np.asarray(A, dtype=float)
    x = np.asarray(x, dtype=float)
    if A.ndim != 2 or A.shape[0] != A.shape[1] or x.ndim != 1 or x.shape[0] != A.shape[0]:
        raise ValueError("shapes")
    return A @ x


@mutant("takes the symmetric part 1/2 (A + A^T) x and loses the factor 2")
def grad_quadratic_form__half(A, x):
    A = np.asarray(A, dtype=float)
    x = np.asarray(x, dtype=float)
    if A.ndim != 2 or A.shape[0] != A.shape[1] or x.ndim != 1 or x.shape[0] != A.shape[0]:
        raise ValueError("shapes")
    return 0.5 * (A + A.T) @ x


# --- critical_points_1d -------------------------------------------------------------------------

@mutant("swaps the labels: f'' > 0 is called a maximum")
def critical_points_1d__swapped_labels(df, d2f, a, b, n_grid=1001, tol=1e-8):
    if not a < b or n_grid < 2:
        raise ValueError("bad arguments")
    xs = np.linspace(a, b, n_grid)
    g = [df(x) for x in xs]
    roots = []
    for i in range(n_grid):
        if g[i] == 0:
            roots.append(xs[i])
        if i + 1 < n_grid and g[i] * g[i + 1] < 0:
            lo, hi = xs[i], xs[i + 1]
            while hi - lo > 1e-13:
                mid = 0.5 * (lo + hi)
                if (df(mid) < 0) == (df(lo) < 0):
                    lo = mid
                else:
                    hi = mid
            roots.append(0.5 * (lo + hi))
    out = []
    for r in roots:
        c = d2f(r)
        out.append((float(r), "max" if c > tol else "min" if c < -tol else "saddle"))
    return out


@mutant("does not refine: returns the midpoint of the bracketing grid interval")
def critical_points_1d__no_refinement(df, d2f, a, b, n_grid=1001, tol=1e-8):
    if not a < b or n_grid < 2:
        raise ValueError("bad arguments")
    xs = np.linspace(a, b, n_grid)
    g = [df(x) for x in xs]
    roots = []
    for i in range(n_grid):
        if g[i] == 0:
            roots.append(xs[i])
        if i + 1 < n_grid and g[i] * g[i + 1] < 0:
            roots.append(0.5 * (xs[i] + xs[i + 1]))
    out = []
    for r in roots:
        c = d2f(r)
        out.append((float(r), "min" if c > tol else "max" if c < -tol else "saddle"))
    return out


@mutant("off by one: never looks at the last grid interval")
def critical_points_1d__misses_last_interval(df, d2f, a, b, n_grid=1001, tol=1e-8):
    if not a < b or n_grid < 2:
        raise ValueError("bad arguments")
    xs = np.linspace(a, b, n_grid)
    g = [df(x) for x in xs]
    roots = []
    for i in range(n_grid - 2):
        if g[i] == 0:
            roots.append(xs[i])
        if g[i] * g[i + 1] < 0:
            lo, hi = xs[i], xs[i + 1]
            while hi - lo > 1e-13:
                mid = 0.5 * (lo + hi)
                if (df(mid) < 0) == (df(lo) < 0):
                    lo = mid
                else:
                    hi = mid
            roots.append(0.5 * (lo + hi))
    out = []
    for r in roots:
        c = d2f(r)
        out.append((float(r), "min" if c > tol else "max" if c < -tol else "saddle"))
    return out


@mutant("tests g_i * g_{i+1} <= 0, so a root on a grid node is listed twice")
def critical_points_1d__duplicates(df, d2f, a, b, n_grid=1001, tol=1e-8):
    if not a < b or n_grid < 2:
        raise ValueError("bad arguments")
    xs = np.linspace(a, b, n_grid)
    g = [df(x) for x in xs]
    roots = []
    for i in range(n_grid - 1):
        if g[i] * g[i + 1] <= 0:
            lo, hi = xs[i], xs[i + 1]
            if g[i] == 0:
                roots.append(lo)
                continue
            if g[i + 1] == 0:
                roots.append(hi)
                continue
            while hi - lo > 1e-13:
                mid = 0.5 * (lo + hi)
                if (df(mid) < 0) == (df(lo) < 0):
                    lo = mid
                else:
                    hi = mid
            roots.append(0.5 * (lo + hi))
    out = []
    for r in roots:
        c = d2f(r)
        out.append((float(r), "min" if c > tol else "max" if c < -tol else "saddle"))
    return out


# --- gradient_descent ---------------------------------------------------------------------------

@mutant("gradient ascent: x + lr * grad")
def gradient_descent__ascent(grad, x0, lr, eps=1e-6, max_iter=10000, criterion="step"):
    if not lr > 0 or criterion not in ("step", "gradient"):
        raise ValueError("bad arguments")
    x = np.array(x0, dtype=float)
    for k in range(max_iter):
        g = np.asarray(grad(x), dtype=float)
        if criterion == "gradient" and np.linalg.norm(g) <= eps:
            return x, k
        x_new = x + lr * g
        if criterion == "step" and np.linalg.norm(x_new - x) <= eps:
            return x_new, k + 1
        x = x_new
    return x, max_iter


@mutant("off by one: does not count the final update")
def gradient_descent__off_by_one(grad, x0, lr, eps=1e-6, max_iter=10000, criterion="step"):
    if not lr > 0 or criterion not in ("step", "gradient"):
        raise ValueError("bad arguments")
    x = np.array(x0, dtype=float)
    for k in range(max_iter):
        g = np.asarray(grad(x), dtype=float)
        if criterion == "gradient" and np.linalg.norm(g) <= eps:
            return x, k
        x_new = x - lr * g
        if criterion == "step" and np.linalg.norm(x_new - x) <= eps:
            return x_new, k
        x = x_new
    return x, max_iter


@mutant("always stops on the gradient norm, whatever the criterion")
def gradient_descent__gradient_norm_criterion(grad, x0, lr, eps=1e-6, max_iter=10000, criterion="step"):
    if not lr > 0 or criterion not in ("step", "gradient"):
        raise ValueError("bad arguments")
    x = np.array(x0, dtype=float)
    for k in range(max_iter):
        g = np.asarray(grad(x), dtype=float)
        if np.linalg.norm(g) <= eps:
            return x, k
        x = x - lr * g
    return x, max_iter


@mutant("updates in place, so x_old aliases x and the step is always zero")
def gradient_descent__aliased_update(grad, x0, lr, eps=1e-6, max_iter=10000, criterion="step"):
    if not lr > 0 or criterion not in ("step", "gradient"):
        raise ValueError("bad arguments")
    x = np.array(x0, dtype=float)
    for k in range(max_iter):
        g = np.asarray(grad(x), dtype=float)
        if criterion == "gradient" and np.linalg.norm(g) <= eps:
            return x, k
        x_old = x
        x -= lr * g
        if criterion == "step" and np.linalg.norm(x - x_old) <= eps:
            return x, k + 1
    return x, max_iter


@mutant("in gradient mode, updates once more after the gradient became small")
def gradient_descent__gradient_mode_extra_update(grad, x0, lr, eps=1e-6, max_iter=10000, criterion="step"):
    if not lr > 0 or criterion not in ("step", "gradient"):
        raise ValueError("bad arguments")
    x = np.array(x0, dtype=float)
    for k in range(max_iter):
        g = np.asarray(grad(x), dtype=float)
        x_new = x - lr * g
        if criterion == "gradient" and np.linalg.norm(g) <= eps:
            return x_new, k + 1
        if criterion == "step" and np.linalg.norm(x_new - x) <= eps:
            return x_new, k + 1
        x = x_new
    return x, max_iter


# --- lagrange_multiplier ------------------------------------------------------------------------

@mutant("wrong sign: lambda = +(grad f . grad g) / |grad g|^2")
def lagrange_multiplier__sign(grad_f, grad_g):
    gf = np.asarray(grad_f, dtype=float)
    G = np.asarray(grad_g, dtype=float)
    rows = np.atleast_2d(G)
    if gf.ndim != 1 or rows.shape[1] != gf.shape[0] or np.linalg.matrix_rank(rows) < rows.shape[0]:
        raise ValueError("bad gradients")
    lam = np.linalg.solve(rows @ rows.T, rows @ gf)
    return float(lam[0]) if G.ndim == 1 else lam


@mutant("divides by |grad g| instead of |grad g|^2")
def lagrange_multiplier__norm_not_squared(grad_f, grad_g):
    gf = np.asarray(grad_f, dtype=float)
    G = np.asarray(grad_g, dtype=float)
    rows = np.atleast_2d(G)
    if gf.ndim != 1 or rows.shape[1] != gf.shape[0] or np.linalg.matrix_rank(rows) < rows.shape[0]:
        raise ValueError("bad gradients")
    lam = -(rows @ gf) / np.linalg.norm(rows, axis=1)
    return float(lam[0]) if G.ndim == 1 else lam


@mutant("projects on each constraint gradient separately, ignoring their coupling")
def lagrange_multiplier__separate_projections(grad_f, grad_g):
    gf = np.asarray(grad_f, dtype=float)
    G = np.asarray(grad_g, dtype=float)
    rows = np.atleast_2d(G)
    if gf.ndim != 1 or rows.shape[1] != gf.shape[0] or np.linalg.matrix_rank(rows) < rows.shape[0]:
        raise ValueError("bad gradients")
    lam = -(rows @ gf) / np.sum(rows ** 2, axis=1)
    return float(lam[0]) if G.ndim == 1 else lam


@mutant("no check for a vanishing constraint gradient: returns nan")
def lagrange_multiplier__no_degeneracy_check(grad_f, grad_g):
    gf = np.asarray(grad_f, dtype=float)
    G = np.asarray(grad_g, dtype=float)
    rows = np.atleast_2d(G)
    if gf.ndim != 1 or rows.shape[1] != gf.shape[0]:
        raise ValueError("bad gradients")
    if G.ndim == 1:
        with np.errstate(all="ignore"):
            return float(-(G @ gf) / (G @ G))
    return -np.linalg.solve(rows @ rows.T, rows @ gf)


# --- kkt_solve ----------------------------------------------------------------------------------

@mutant("wrong sign of the multiplier: [[A, -C^T], [C, 0]]")
def kkt_solve__multiplier_sign(A, b, C, d):
    A, b, C, d = (np.asarray(v, dtype=float) for v in (A, b, C, d))
    n, m = A.shape[0], C.shape[0]
    if A.shape != (n, n) or b.shape != (n,) or C.ndim != 2 or C.shape[1] != n or d.shape != (m,):
        raise ValueError("inconsistent shapes")
    sol = np.linalg.solve(np.block([[A, -C.T], [C, np.zeros((m, m))]]), np.concatenate([b, d]))
    return sol[:n], sol[n:]


@mutant("forgets the right-hand side d of the constraints")
def kkt_solve__ignores_d(A, b, C, d):
    A, b, C, d = (np.asarray(v, dtype=float) for v in (A, b, C, d))
    n, m = A.shape[0], C.shape[0]
    if A.shape != (n, n) or b.shape != (n,) or C.ndim != 2 or C.shape[1] != n or d.shape != (m,):
        raise ValueError("inconsistent shapes")
    sol = np.linalg.solve(np.block([[A, C.T], [C, np.zeros((m, m))]]), np.concatenate([b, np.zeros(m)]))
    return sol[:n], sol[n:]


@mutant("penalty method instead of the exact KKT solution")
def kkt_solve__penalty(A, b, C, d):
    A, b, C, d = (np.asarray(v, dtype=float) for v in (A, b, C, d))
    n, m = A.shape[0], C.shape[0]
    if A.shape != (n, n) or b.shape != (n,) or C.ndim != 2 or C.shape[1] != n or d.shape != (m,):
        raise ValueError("inconsistent shapes")
    penalty = 1e6
    x = np.linalg.solve(A + penalty * C.T @ C, b + penalty * C.T @ d)
    return x, penalty * (C @ x - d)


# --- spring_chain_equilibrium -------------------------------------------------------------------

@mutant("wrong sign of the reaction: returns the sum of the loads")
def spring_chain_equilibrium__reaction_sign(k, f, support=0):
    k = np.asarray(k, dtype=float)
    f = np.asarray(f, dtype=float)
    if k.ndim != 1 or k.size == 0 or np.any(k <= 0) or f.shape != (k.size + 1,) or not 0 <= support <= k.size:
        raise ValueError("bad input")
    n = k.size + 1
    K = np.zeros((n, n))
    for i in range(k.size):
        K[i:i + 2, i:i + 2] += k[i] * np.array([[1.0, -1.0], [-1.0, 1.0]])
    free = [j for j in range(n) if j != support]
    u = np.zeros(n)
    u[free] = np.linalg.solve(K[np.ix_(free, free)], f[free])
    return u, float(f[support] - K[support] @ u)


@mutant("assembles with = instead of +=, so shared nodes keep one spring only")
def spring_chain_equilibrium__assignment_not_addition(k, f, support=0):
    k = np.asarray(k, dtype=float)
    f = np.asarray(f, dtype=float)
    if k.ndim != 1 or k.size == 0 or np.any(k <= 0) or f.shape != (k.size + 1,) or not 0 <= support <= k.size:
        raise ValueError("bad input")
    n = k.size + 1
    K = np.zeros((n, n))
    for i in range(k.size):
        K[i:i + 2, i:i + 2] = k[i] * np.array([[1.0, -1.0], [-1.0, 1.0]])
    free = [j for j in range(n) if j != support]
    u = np.zeros(n)
    u[free] = np.linalg.solve(K[np.ix_(free, free)], f[free])
    return u, float(K[support] @ u - f[support])


@mutant("always holds node 0, whatever the support")
def spring_chain_equilibrium__always_node_zero(k, f, support=0):
    k = np.asarray(k, dtype=float)
    f = np.asarray(f, dtype=float)
    if k.ndim != 1 or k.size == 0 or np.any(k <= 0) or f.shape != (k.size + 1,) or not 0 <= support <= k.size:
        raise ValueError("bad input")
    n = k.size + 1
    K = np.zeros((n, n))
    for i in range(k.size):
        K[i:i + 2, i:i + 2] += k[i] * np.array([[1.0, -1.0], [-1.0, 1.0]])
    u = np.zeros(n)
    u[1:] = np.linalg.solve(K[1:, 1:], f[1:])
    return u, float(K[0] @ u - f[0])


@mutant("the reaction ignores the load applied at the supported node")
def spring_chain_equilibrium__reaction_ignores_support_load(k, f, support=0):
    k = np.asarray(k, dtype=float)
    f = np.asarray(f, dtype=float)
    if k.ndim != 1 or k.size == 0 or np.any(k <= 0) or f.shape != (k.size + 1,) or not 0 <= support <= k.size:
        raise ValueError("bad input")
    n = k.size + 1
    K = np.zeros((n, n))
    for i in range(k.size):
        K[i:i + 2, i:i + 2] += k[i] * np.array([[1.0, -1.0], [-1.0, 1.0]])
    free = [j for j in range(n) if j != support]
    u = np.zeros(n)
    u[free] = np.linalg.solve(K[np.ix_(free, free)], f[free])
    return u, float(K[support] @ u)
