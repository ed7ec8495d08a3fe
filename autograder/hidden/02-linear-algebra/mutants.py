"""Plausible wrong implementations of the tasks of 02-linear-algebra; each must lose points."""

import numpy as np

from autograder.mutants import mutant

# ---------------------------------------------------------------- p_norm


@mutant("forgets the absolute value: negative entries give nan or a wrong sum for odd and non-integer p")
def p_norm__no_abs(v, p):
    if not p >= 1:
        raise ValueError("p >= 1")
    v = np.asarray(v, dtype=float)
    m = np.max(np.abs(v))
    if m == 0:
        return 0.0
    if np.isinf(p):
        return float(m)
    return float(m * np.sum((v / m) ** p) ** (1.0 / p))


@mutant("does not factor out max |v_i|: overflows to inf for 1e200 entries, underflows to 0 for 1e-200")
def p_norm__no_scaling(v, p):
    if not p >= 1:
        raise ValueError("p >= 1")
    a = np.abs(np.asarray(v, dtype=float))
    if np.isinf(p):
        return float(a.max())
    return float(np.sum(a**p) ** (1.0 / p))


@mutant("divides by max |v_i| without a guard: nan for the zero vector")
def p_norm__zero_vector_nan(v, p):
    if not p >= 1:
        raise ValueError("p >= 1")
    a = np.abs(np.asarray(v, dtype=float))
    m = a.max()
    if np.isinf(p):
        return float(m)
    return float(m * np.sum((a / m) ** p) ** (1.0 / p))


# ---------------------------------------------------------------- bar_stiffness


@mutant("assigns the element matrix with = instead of adding it with +=: shared nodes lose stiffness")
def bar_stiffness__assign_instead_of_add(n_el, EA, L):
    if n_el < 1 or EA <= 0 or L <= 0:
        raise ValueError("bad input")
    k = EA * n_el / L
    K = np.zeros((n_el + 1, n_el + 1))
    for e in range(n_el):
        K[e:e + 2, e:e + 2] = k * np.array([[1.0, -1.0], [-1.0, 1.0]])
    return K


@mutant("uses the length L of the whole bar as the element length")
def bar_stiffness__element_length_is_L(n_el, EA, L):
    if n_el < 1 or EA <= 0 or L <= 0:
        raise ValueError("bad input")
    k = EA / L
    K = np.zeros((n_el + 1, n_el + 1))
    for e in range(n_el):
        K[e:e + 2, e:e + 2] += k * np.array([[1.0, -1.0], [-1.0, 1.0]])
    return K


@mutant("off by one: a matrix with one row per element instead of one per node")
def bar_stiffness__one_dof_per_element(n_el, EA, L):
    if n_el < 1 or EA <= 0 or L <= 0:
        raise ValueError("bad input")
    k = EA * n_el / L
    K = np.zeros((n_el, n_el))
    for e in range(n_el - 1):
        K[e:e + 2, e:e + 2] += k * np.array([[1.0, -1.0], [-1.0, 1.0]])
    if n_el == 1:
        K[0, 0] = k
    return K


# ---------------------------------------------------------------- zero_modes


@mutant("uses an absolute threshold s <= rtol: a stiff bar (EA = 1e9) has no zero mode any more")
def zero_modes__absolute_threshold(K, rtol=1e-10):
    K = np.atleast_2d(np.asarray(K, dtype=float))
    _, s, vt = np.linalg.svd(K)
    rank = int(np.sum(s > rtol))
    return vt[rank:].T.copy()


@mutant("returns the basis vectors as rows instead of columns")
def zero_modes__rows_instead_of_columns(K, rtol=1e-10):
    K = np.atleast_2d(np.asarray(K, dtype=float))
    _, s, vt = np.linalg.svd(K)
    rank = int(np.sum(s > rtol * s.max()))
    return vt[rank:].copy()


@mutant("takes the left singular vectors: the null space of K^T, not of K")
def zero_modes__left_null_space(K, rtol=1e-10):
    K = np.atleast_2d(np.asarray(K, dtype=float))
    u, s, _ = np.linalg.svd(K)
    rank = int(np.sum(s > rtol * s.max()))
    return u[:, rank:].copy()


# ---------------------------------------------------------------- definiteness


@mutant("uses the eigenvalues of A instead of its symmetric part")
def definiteness__eigenvalues_of_A(A, tol=1e-10):
    A = np.asarray(A, dtype=float)
    if A.ndim != 2 or A.shape[0] != A.shape[1]:
        raise ValueError("square")
    lam = np.linalg.eigvals(A).real
    cut = tol * np.max(np.abs(lam))
    if np.all(lam > cut):
        return "positive definite"
    if np.all(lam < -cut):
        return "negative definite"
    if np.all(lam >= -cut):
        return "positive semi-definite"
    if np.all(lam <= cut):
        return "negative semi-definite"
    return "indefinite"


@mutant("uses an absolute threshold |lambda| <= tol: wrong for very soft and very stiff matrices")
def definiteness__absolute_threshold(A, tol=1e-10):
    A = np.asarray(A, dtype=float)
    if A.ndim != 2 or A.shape[0] != A.shape[1]:
        raise ValueError("square")
    lam = np.linalg.eigvalsh(0.5 * (A + A.T))
    if np.all(lam > tol):
        return "positive definite"
    if np.all(lam < -tol):
        return "negative definite"
    if np.all(lam >= -tol):
        return "positive semi-definite"
    if np.all(lam <= tol):
        return "negative semi-definite"
    return "indefinite"


@mutant("compares the eigenvalues with exactly zero: rounding turns semi-definite into definite or indefinite")
def definiteness__no_tolerance(A, tol=1e-10):
    A = np.asarray(A, dtype=float)
    if A.ndim != 2 or A.shape[0] != A.shape[1]:
        raise ValueError("square")
    lam = np.linalg.eigvalsh(0.5 * (A + A.T))
    if np.all(lam > 0):
        return "positive definite"
    if np.all(lam < 0):
        return "negative definite"
    if np.all(lam >= 0):
        return "positive semi-definite"
    if np.all(lam <= 0):
        return "negative semi-definite"
    return "indefinite"


# ---------------------------------------------------------------- jacobian_fd


@mutant("returns the transpose, shape (n, m)")
def jacobian_fd__transposed(f, x, h=1e-5):
    x = np.asarray(x, dtype=float)
    rows = []
    for j in range(x.size):
        e = np.zeros_like(x)
        e[j] = h
        rows.append((np.asarray(f(x + e), dtype=float) - np.asarray(f(x - e), dtype=float)) / (2 * h))
    return np.array(rows)


@mutant("uses forward differences, accurate only to O(h)")
def jacobian_fd__forward_difference(f, x, h=1e-5):
    x = np.asarray(x, dtype=float)
    f0 = np.asarray(f(x), dtype=float)
    columns = []
    for j in range(x.size):
        e = np.zeros_like(x)
        e[j] = h
        columns.append((np.asarray(f(x + e), dtype=float) - f0) / h)
    return np.column_stack(columns)


@mutant("divides the central difference by h instead of 2h")
def jacobian_fd__divides_by_h(f, x, h=1e-5):
    x = np.asarray(x, dtype=float)
    columns = []
    for j in range(x.size):
        e = np.zeros_like(x)
        e[j] = h
        columns.append((np.asarray(f(x + e), dtype=float) - np.asarray(f(x - e), dtype=float)) / h)
    return np.column_stack(columns)


# ---------------------------------------------------------------- hessian_fd


@mutant("forgets the factor 1/4 in the mixed differences")
def hessian_fd__mixed_without_quarter(f, x, h=1e-4):
    x = np.asarray(x, dtype=float)
    n = x.size
    E = np.eye(n) * h
    f0 = f(x)
    H = np.zeros((n, n))
    for i in range(n):
        H[i, i] = (f(x + E[i]) - 2 * f0 + f(x - E[i])) / h**2
        for j in range(i + 1, n):
            H[i, j] = H[j, i] = (f(x + E[i] + E[j]) - f(x + E[i] - E[j])
                                 - f(x - E[i] + E[j]) + f(x - E[i] - E[j])) / h**2
    return H


@mutant("fills only the upper triangle")
def hessian_fd__upper_triangle_only(f, x, h=1e-4):
    x = np.asarray(x, dtype=float)
    n = x.size
    E = np.eye(n) * h
    f0 = f(x)
    H = np.zeros((n, n))
    for i in range(n):
        H[i, i] = (f(x + E[i]) - 2 * f0 + f(x - E[i])) / h**2
        for j in range(i + 1, n):
            H[i, j] = (f(x + E[i] + E[j]) - f(x + E[i] - E[j])
                       - f(x - E[i] + E[j]) + f(x - E[i] - E[j])) / (4 * h**2)
    return H


@mutant("uses forward differences, accurate only to O(h)")
def hessian_fd__forward_difference(f, x, h=1e-4):
    x = np.asarray(x, dtype=float)
    n = x.size
    E = np.eye(n) * h
    f0 = f(x)
    H = np.zeros((n, n))
    for i in range(n):
        for j in range(n):
            H[i, j] = (f(x + E[i] + E[j]) - f(x + E[i]) - f(x + E[j]) + f0) / h**2
    return H


# ---------------------------------------------------------------- taylor


@mutant("treats order as the number of terms (as sympy's n does): order 0 gives 0, order 1 gives f(x0)")
def taylor__order_counts_terms(f, grad, hess, x0, x, order):
    if order not in (0, 1, 2):
        raise ValueError("order")
    x0 = np.asarray(x0, dtype=float)
    d = np.asarray(x, dtype=float) - x0
    value = 0.0
    if order >= 1:
        value += f(x0)
    if order >= 2:
        value += np.dot(grad(x0), d)
    return float(value)


@mutant("forgets the 1/2 in the quadratic term")
def taylor__no_half(f, grad, hess, x0, x, order):
    if order not in (0, 1, 2):
        raise ValueError("order")
    x0 = np.asarray(x0, dtype=float)
    d = np.asarray(x, dtype=float) - x0
    value = f(x0)
    if order >= 1:
        value += np.dot(grad(x0), d)
    if order >= 2:
        value += d @ np.asarray(hess(x0)) @ d
    return float(value)


@mutant("evaluates the gradient and the Hessian at x instead of the expansion point x0")
def taylor__derivatives_at_x(f, grad, hess, x0, x, order):
    if order not in (0, 1, 2):
        raise ValueError("order")
    x0 = np.asarray(x0, dtype=float)
    x = np.asarray(x, dtype=float)
    d = x - x0
    value = f(x0)
    if order >= 1:
        value += np.dot(grad(x), d)
    if order >= 2:
        value += 0.5 * d @ np.asarray(hess(x)) @ d
    return float(value)
