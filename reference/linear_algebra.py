"""Reference solution of assignment 02-linear-algebra (Chapter 2: linear algebra and derivatives).

Tasks: the p-norm of a vector that neither overflows nor underflows, the stiffness matrix of a bar
of linear finite elements, the zero modes (null space) of a matrix, the definiteness of a quadratic
form, the Jacobian and the Hessian by central differences, and the Taylor polynomial up to order 2.

Every task function is self-contained apart from ``import numpy as np`` (the notebook's first code
cell imports it), because the solution notebook is built from each function's source.
"""

import numpy as np


def p_norm(v, p):
    """Return the p-norm of the vector ``v``.

        ||v||_p = (sum_i |v_i|^p)^(1/p)   for 1 <= p < inf,      ||v||_inf = max_i |v_i|.

    The result must stay finite and accurate when the entries are huge or tiny (1e200 or 1e-200),
    where |v_i|^p alone would overflow to inf or underflow to 0: factor out m = max_i |v_i| and use
    ||v||_p = m * ||v / m||_p.

    Parameters
    ----------
    v : array_like, shape (n,)
        A real vector with n >= 1 entries, e.g. nodal displacements in m.
    p : float
        The order of the norm: p >= 1, or ``np.inf`` for the maximum norm.

    Returns
    -------
    float
        The norm, in the units of ``v``; 0.0 for the zero vector.

    Raises
    ------
    ValueError
        If p < 1.
    """
    if not p >= 1:
        raise ValueError("the p-norm needs p >= 1 (or np.inf)")
    a = np.abs(np.asarray(v, dtype=float)).ravel()
    if a.size == 0:
        return 0.0
    m = a.max()
    if m == 0.0:
        return 0.0
    if np.isinf(p):
        return float(m)
    return float(m * np.sum((a / m) ** p) ** (1.0 / p))


def bar_stiffness(n_el, EA, L):
    """Assemble the stiffness matrix of a bar made of ``n_el`` equal linear finite elements.

    The bar of length L lies on the x axis with the nodes x_i = i * L / n_el, i = 0, ..., n_el; node i
    carries one degree of freedom, its axial displacement u_i. Element e (e = 0, ..., n_el - 1) joins
    the nodes e and e + 1, has the length l_e = L / n_el and the element stiffness matrix

        k_e = (EA / l_e) * [[1, -1],
                            [-1, 1]],

    which is *added* to the rows and columns (e, e + 1) of the global matrix (neighbouring elements
    share a node). No supports are applied.

    Parameters
    ----------
    n_el : int
        The number of elements, n_el >= 1.
    EA : float
        The axial stiffness (Young's modulus times cross-section area) in N, EA > 0.
    L : float
        The length of the bar in m, L > 0.

    Returns
    -------
    numpy.ndarray of float, shape (n_el + 1, n_el + 1)
        The symmetric stiffness matrix K in N/m: the nodal forces are f = K @ u.

    Raises
    ------
    ValueError
        If n_el < 1, EA <= 0 or L <= 0.
    """
    if n_el < 1:
        raise ValueError("a bar needs at least one element")
    if not (EA > 0 and L > 0):
        raise ValueError("EA and L must be positive")
    n_el = int(n_el)
    k = EA / (L / n_el)
    k_e = k * np.array([[1.0, -1.0], [-1.0, 1.0]])
    K = np.zeros((n_el + 1, n_el + 1))
    for e in range(n_el):
        dofs = [e, e + 1]
        K[np.ix_(dofs, dofs)] += k_e
    return K


def zero_modes(K, rtol=1e-10):
    """Return an orthonormal basis of the null space of ``K``, the zero modes, as columns.

    A zero mode z satisfies K @ z = 0: the structure moves by z without any restoring force (a
    rigid-body motion or a mechanism). Numerically, take the singular value decomposition
    K = U @ diag(s) @ Vt with the full (n, n) matrix Vt and count a singular value as zero when
    s_i <= rtol * max(s). The rows of Vt that belong to the zero singular values, and the rows beyond
    the first min(m, n) when K has fewer rows than columns, span the null space.

    Parameters
    ----------
    K : array_like, shape (m, n)
        A matrix: a stiffness matrix, or any rectangular matrix.
    rtol : float
        The relative threshold, 0 < rtol < 1. It is relative so that the answer does not change when
        K is multiplied by a positive number (a stiffer material, other units).

    Returns
    -------
    numpy.ndarray of float, shape (n, k)
        k = n - rank(K) orthonormal columns Z (Z.T @ Z = identity) spanning the null space; shape
        (n, 0) when the null space is trivial. Signs and the choice of basis are free. Every vector
        is a zero mode of the zero matrix, so it gives k = n.
    """
    K = np.atleast_2d(np.asarray(K, dtype=float))
    _, s, vt = np.linalg.svd(K, full_matrices=True)
    largest = s.max() if s.size else 0.0
    rank = int(np.sum(s > rtol * largest))
    return vt[rank:].T.copy()


def definiteness(A, tol=1e-10):
    """Classify the quadratic form q(x) = x^T A x of the square matrix ``A``.

    Only the symmetric part S = (A + A^T) / 2 matters, since x^T A x = x^T S x for every x. With the
    eigenvalues lambda_i of S, an eigenvalue counts as zero when |lambda_i| <= tol * max_j |lambda_j|
    (a relative threshold), and the answer is

        'positive definite'        all lambda_i > 0
        'negative definite'        all lambda_i < 0
        'positive semi-definite'   all lambda_i >= 0 and at least one is zero
        'negative semi-definite'   all lambda_i <= 0 and at least one is zero
        'indefinite'               at least one lambda_i > 0 and one lambda_i < 0

    The zero matrix, all of whose eigenvalues are zero, counts as 'positive semi-definite'.

    Parameters
    ----------
    A : array_like, shape (n, n)
        A real square matrix, not necessarily symmetric (e.g. a stiffness matrix).
    tol : float
        The relative threshold for zero eigenvalues, 0 <= tol < 1.

    Returns
    -------
    str
        One of the five strings above, spelt exactly like that.

    Raises
    ------
    ValueError
        If A is not a square two-dimensional array.
    """
    A = np.asarray(A, dtype=float)
    if A.ndim != 2 or A.shape[0] != A.shape[1]:
        raise ValueError("A must be a square matrix")
    lam = np.linalg.eigvalsh(0.5 * (A + A.T))
    cut = tol * (np.max(np.abs(lam)) if lam.size else 0.0)
    positive = lam > cut
    negative = lam < -cut
    if np.all(positive):
        return "positive definite"
    if np.all(negative):
        return "negative definite"
    if not np.any(negative):
        return "positive semi-definite"
    if not np.any(positive):
        return "negative semi-definite"
    return "indefinite"


def jacobian_fd(f, x, h=1e-5):
    """Approximate the Jacobian J[i, j] = d f_i / d x_j of f: R^n -> R^m by central differences.

    Column j is

        J[:, j] = (f(x + h e_j) - f(x - h e_j)) / (2 h),

    where e_j is the j-th unit vector, so f is evaluated 2n times; the error is O(h^2).

    Parameters
    ----------
    f : callable
        f(y) takes a float array y of shape (n,) and returns an array_like of shape (m,).
    x : array_like, shape (n,)
        The point. It may hold integers (compute with a float copy) and must not be modified.
    h : float
        The absolute step, h > 0.

    Returns
    -------
    numpy.ndarray of float, shape (m, n)
        The Jacobian: row i belongs to the output f_i, column j to the input x_j.
    """
    x = np.asarray(x, dtype=float).ravel()
    columns = []
    for j in range(x.size):
        step = np.zeros_like(x)
        step[j] = h
        f_plus = np.atleast_1d(np.asarray(f(x + step), dtype=float)).ravel()
        f_minus = np.atleast_1d(np.asarray(f(x - step), dtype=float)).ravel()
        columns.append((f_plus - f_minus) / (2.0 * h))
    return np.column_stack(columns) if columns else np.zeros((0, 0))


def hessian_fd(f, x, h=1e-4):
    """Approximate the Hessian H[i, j] = d^2 f / (dx_i dx_j) of a scalar f: R^n -> R.

    Use central differences with the absolute step h (e_i is the i-th unit vector):

        H[i, i] = (f(x + h e_i) - 2 f(x) + f(x - h e_i)) / h^2
        H[i, j] = (f(x + h e_i + h e_j) - f(x + h e_i - h e_j)
                   - f(x - h e_i + h e_j) + f(x - h e_i - h e_j)) / (4 h^2)      for i != j

    Both are accurate to O(h^2). The Hessian is symmetric (Schwarz's theorem), so compute each pair
    i < j once and store it in H[i, j] and H[j, i].

    Parameters
    ----------
    f : callable
        f(y) takes a float array y of shape (n,) and returns a float, e.g. a potential energy in J.
    x : array_like, shape (n,)
        The point. It may hold integers (compute with a float copy) and must not be modified.
    h : float
        The absolute step, h > 0.

    Returns
    -------
    numpy.ndarray of float, shape (n, n)
        The symmetric Hessian. For the potential energy of a structure it is the (tangent)
        stiffness matrix.
    """
    x = np.asarray(x, dtype=float).ravel()
    n = x.size
    H = np.zeros((n, n))
    f0 = float(f(x))
    unit = np.eye(n) * h
    for i in range(n):
        H[i, i] = (float(f(x + unit[i])) - 2.0 * f0 + float(f(x - unit[i]))) / h**2
        for j in range(i + 1, n):
            mixed = (float(f(x + unit[i] + unit[j])) - float(f(x + unit[i] - unit[j]))
                     - float(f(x - unit[i] + unit[j])) + float(f(x - unit[i] - unit[j]))) / (4.0 * h**2)
            H[i, j] = H[j, i] = mixed
    return H


def taylor(f, grad, hess, x0, x, order):
    """Evaluate the Taylor polynomial of order 0, 1 or 2 of f about ``x0`` at the point ``x``.

    With d = x - x0 and the derivatives taken at the expansion point x0:

        order 0:   T_0(x) = f(x0)
        order 1:   T_1(x) = f(x0) + grad(x0) . d
        order 2:   T_2(x) = f(x0) + grad(x0) . d + 1/2 d^T hess(x0) d

    The order is the highest power of d; the polynomial of order k has k + 1 terms.

    Parameters
    ----------
    f : callable
        f(y) takes a float array y of shape (n,) and returns a float.
    grad : callable
        grad(y) returns the gradient of f at y, an array_like of shape (n,).
    hess : callable
        hess(y) returns the Hessian of f at y, an array_like of shape (n, n).
    x0 : array_like, shape (n,)
        The expansion point.
    x : array_like, shape (n,)
        The point at which the polynomial is evaluated.
    order : int
        0, 1 or 2.

    Returns
    -------
    float
        T_order(x).

    Raises
    ------
    ValueError
        If order is not 0, 1 or 2.
    """
    if order not in (0, 1, 2):
        raise ValueError("order must be 0, 1 or 2")
    x0 = np.asarray(x0, dtype=float).ravel()
    d = np.asarray(x, dtype=float).ravel() - x0
    value = float(f(x0))
    if order >= 1:
        value += float(np.dot(np.asarray(grad(x0), dtype=float).ravel(), d))
    if order >= 2:
        value += 0.5 * float(d @ np.asarray(hess(x0), dtype=float) @ d)
    return value
