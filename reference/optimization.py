"""Reference solution of assignment 03-optimization (Chapter 3: optimization).

Six tasks: the gradient of a quadratic form, critical points of a function of one variable, gradient
descent with the step (or gradient-norm) stopping criterion, the Lagrange multiplier of an optimum,
the KKT system of an equality-constrained quadratic problem, and the equilibrium of a supported spring
chain as the minimiser of its potential energy.

Every task function is self-contained apart from ``import numpy as np`` (the notebook's first code
cell), because ``autograder solution`` pastes each function's source into the student notebook.
"""

import numpy as np


def grad_quadratic_form(A, x):
    """Gradient of the quadratic form q(x) = x^T A x with respect to x.

    Parameters
    ----------
    A : array_like, shape (n, n)
        A square matrix. It need NOT be symmetric.
    x : array_like, shape (n,)
        The point at which the gradient is evaluated.

    Returns
    -------
    numpy.ndarray of float, shape (n,)
        The gradient dq/dx at x.

    Raises
    ------
    ValueError
        If A is not a square 2-D array, or x is not a 1-D array of length n.
    """
    A = np.asarray(A, dtype=float)
    x = np.asarray(x, dtype=float)
    if A.ndim != 2 or A.shape[0] != A.shape[1]:
        raise ValueError("A must be a square 2-D array")
    if x.ndim != 1 or x.shape[0] != A.shape[0]:
        raise ValueError("x must be a 1-D array whose length matches A")
    return A @ x + A.T @ x


def critical_points_1d(df, d2f, a, b, n_grid=1001, tol=1e-8):
    """Critical points of a function f of one variable on [a, b], found from f' and classified by f''.

    Algorithm (follow it exactly, the grid is part of the specification):

    1. Evaluate f' at the nodes ``x_i = np.linspace(a, b, n_grid)``.
    2. A node with f'(x_i) == 0 exactly is a critical point. Between two neighbouring nodes with
       f'(x_i) * f'(x_{i+1}) < 0 lies exactly one critical point: locate it by bisection (or any
       bracketing method) to an absolute accuracy of 1e-10 or better. Every critical point is listed
       once; points where f' touches zero without changing sign between nodes are not found.
    3. Classify each critical point x* by the second derivative:
       ``'min'`` if f''(x*) > tol, ``'max'`` if f''(x*) < -tol, otherwise ``'saddle'``
       (the second-derivative test is inconclusive: a flat point such as x = 0 for f = x^3).

    Parameters
    ----------
    df, d2f : callable
        f' and f''; each is called with one float and returns a float.
    a, b : float
        The interval, a < b.
    n_grid : int, optional
        Number of grid nodes, at least 2.
    tol : float, optional
        Threshold on |f''| below which a critical point is labelled ``'saddle'``.

    Returns
    -------
    list of (float, str)
        ``[(x*, label), ...]`` sorted by increasing x*; an empty list if there is none.

    Raises
    ------
    ValueError
        If a >= b or n_grid < 2.
    """
    if not a < b:
        raise ValueError("the interval needs a < b")
    if n_grid < 2:
        raise ValueError("the grid needs at least two nodes")
    nodes = np.linspace(a, b, n_grid)
    slopes = [float(df(x)) for x in nodes]
    roots = []
    for i in range(n_grid):
        if slopes[i] == 0.0:
            roots.append(float(nodes[i]))
        if i + 1 < n_grid and slopes[i] * slopes[i + 1] < 0.0:
            lo, hi, slope_lo = float(nodes[i]), float(nodes[i + 1]), slopes[i]
            while hi - lo > 1e-13 * max(1.0, abs(lo), abs(hi)):
                mid = 0.5 * (lo + hi)
                if mid <= lo or mid >= hi:
                    break
                slope_mid = float(df(mid))
                if slope_mid == 0.0:
                    lo = hi = mid
                    break
                if (slope_mid < 0.0) == (slope_lo < 0.0):
                    lo, slope_lo = mid, slope_mid
                else:
                    hi = mid
            roots.append(0.5 * (lo + hi))
    result = []
    for root in roots:
        curvature = float(d2f(root))
        if curvature > tol:
            label = "min"
        elif curvature < -tol:
            label = "max"
        else:
            label = "saddle"
        result.append((root, label))
    return result


def gradient_descent(grad, x0, lr, eps=1e-6, max_iter=10000, criterion="step"):
    """Minimise a function by gradient descent x^{k+1} = x^k - lr * grad(x^k).

    The loop, for k = 0, 1, ..., performs at most ``max_iter`` updates; ``grad`` is evaluated once per
    iteration, at the current iterate x^k:

    * ``criterion="step"``: compute x^{k+1}; stop as soon as ||x^{k+1} - x^k|| <= eps and return
      x^{k+1} (that last update is counted).
    * ``criterion="gradient"``: before updating, stop if ||grad(x^k)|| <= eps and return x^k
      (no update is made in that iteration).

    ||.|| is the Euclidean norm. If the criterion is never met, the iterate after ``max_iter`` updates
    is returned together with ``max_iter``.

    Parameters
    ----------
    grad : callable
        grad(x) takes a float array of shape (n,) and returns the gradient, shape (n,).
    x0 : array_like, shape (n,)
        Starting point (a list of ints is fine). It must not be modified.
    lr : float
        Learning rate (step size), lr > 0.
    eps : float, optional
        Tolerance of the stopping criterion.
    max_iter : int, optional
        Maximum number of updates.
    criterion : {"step", "gradient"}, optional
        Which stopping criterion to use.

    Returns
    -------
    (numpy.ndarray of float, shape (n,), int)
        The final iterate and the number of updates performed.

    Raises
    ------
    ValueError
        If lr <= 0 or criterion is not one of "step", "gradient".
    """
    if not lr > 0:
        raise ValueError("the learning rate must be positive")
    if criterion not in ("step", "gradient"):
        raise ValueError("criterion must be 'step' or 'gradient'")
    x = np.array(x0, dtype=float)
    for k in range(max_iter):
        g = np.asarray(grad(x.copy()), dtype=float)
        if criterion == "gradient" and np.linalg.norm(g) <= eps:
            return x, k
        x_new = x - lr * g
        if criterion == "step" and np.linalg.norm(x_new - x) <= eps:
            return x_new, k + 1
        x = x_new
    return x, max_iter


def lagrange_multiplier(grad_f, grad_g):
    """Lagrange multiplier(s) of an optimum from the gradients of the objective and the constraints.

    With the Lagrangian L = f + lambda * g (one constraint) or L = f + sum_i lambda_i g_i, an optimum
    satisfies grad_f + lambda * grad_g = 0, i.e. grad_f is parallel to grad_g. Return the lambda that
    satisfies this equation in the least-squares sense (exactly, if the gradients are parallel).

    Parameters
    ----------
    grad_f : array_like, shape (n,)
        Gradient of the objective at the point.
    grad_g : array_like, shape (n,) or (m, n)
        Gradient of one constraint, or the gradients of m constraints as the rows of a matrix.

    Returns
    -------
    float if grad_g is 1-D, numpy.ndarray of float with shape (m,) if grad_g is 2-D.

    Raises
    ------
    ValueError
        If grad_f is not 1-D, the lengths do not match, or the constraint gradients are linearly
        dependent (for one constraint: grad_g is the zero vector).
    """
    gf = np.asarray(grad_f, dtype=float)
    G = np.asarray(grad_g, dtype=float)
    if gf.ndim != 1:
        raise ValueError("grad_f must be a 1-D array")
    single = G.ndim == 1
    rows = G[np.newaxis, :] if single else G
    if rows.ndim != 2 or rows.shape[1] != gf.shape[0] or rows.shape[0] == 0:
        raise ValueError("the gradients' lengths do not match")
    if np.linalg.matrix_rank(rows) < rows.shape[0]:
        raise ValueError("the constraint gradients are linearly dependent")
    lam = -np.linalg.solve(rows @ rows.T, rows @ gf)
    return float(lam[0]) if single else lam


def kkt_solve(A, b, C, d):
    """Solve the equality-constrained quadratic problem  min 1/2 x^T A x - b^T x  subject to  C x = d.

    With the Lagrangian L = 1/2 x^T A x - b^T x + lam^T (C x - d), the optimum solves the KKT system

        [[A, C^T],     [[x  ],     [[b],
         [C, 0  ]]  @   [lam]]  =   [d]]

    Parameters
    ----------
    A : array_like, shape (n, n)
        Symmetric matrix (e.g. a stiffness matrix; it may be singular as long as the KKT matrix is not).
    b : array_like, shape (n,)
    C : array_like, shape (m, n), m >= 1
        One constraint per row.
    d : array_like, shape (m,)

    Returns
    -------
    (numpy.ndarray of float, shape (n,), numpy.ndarray of float, shape (m,))
        The minimiser x and the Lagrange multipliers lam.

    Raises
    ------
    ValueError
        If the shapes are inconsistent (including a 1-D C).
    numpy.linalg.LinAlgError
        If the KKT matrix is singular.
    """
    A = np.asarray(A, dtype=float)
    b = np.asarray(b, dtype=float)
    C = np.asarray(C, dtype=float)
    d = np.asarray(d, dtype=float)
    if A.ndim != 2 or A.shape[0] != A.shape[1]:
        raise ValueError("A must be a square 2-D array")
    n = A.shape[0]
    if b.shape != (n,):
        raise ValueError("b must have shape (n,)")
    if C.ndim != 2 or C.shape[1] != n or C.shape[0] == 0:
        raise ValueError("C must have shape (m, n)")
    m = C.shape[0]
    if d.shape != (m,):
        raise ValueError("d must have shape (m,)")
    kkt = np.block([[A, C.T], [C, np.zeros((m, m))]])
    solution = np.linalg.solve(kkt, np.concatenate([b, d]))
    return solution[:n], solution[n:]


def spring_chain_equilibrium(k, f, support=0):
    """Equilibrium of a chain of springs held at one node: the minimiser of its potential energy.

    Spring i (stiffness k[i]) connects node i and node i + 1, so n springs have n + 1 nodes; the nodes
    move along the chain's axis only. Node ``support`` is held at u = 0; the external force f[j] acts
    on node j. The equilibrium minimises Pi(u) = 1/2 u^T K u - f^T u over all u with u[support] = 0,
    where K is the assembled stiffness matrix of the free chain.

    Parameters
    ----------
    k : array_like, shape (n,), n >= 1
        Spring stiffnesses, all > 0 (N/m).
    f : array_like, shape (n + 1,)
        External nodal forces (N), positive along the axis.
    support : int, optional
        Index of the supported node, 0 <= support <= n.

    Returns
    -------
    (numpy.ndarray of float, shape (n + 1,), float)
        The nodal displacements u (m) with u[support] == 0, and the reaction force R (N) that the
        support exerts on the chain, positive along the axis (so that K u = f + R e_support).

    Raises
    ------
    ValueError
        If k is empty or has an entry <= 0, f does not have length len(k) + 1, or support is out of
        range.
    """
    k = np.asarray(k, dtype=float)
    f = np.asarray(f, dtype=float)
    if k.ndim != 1 or k.size == 0:
        raise ValueError("k must be a non-empty 1-D array")
    if np.any(k <= 0):
        raise ValueError("every stiffness must be positive")
    n_nodes = k.size + 1
    if f.shape != (n_nodes,):
        raise ValueError("f must have one entry per node")
    if not 0 <= support < n_nodes:
        raise ValueError("support is not a node of the chain")
    K = np.zeros((n_nodes, n_nodes))
    for i, stiffness in enumerate(k):
        K[i:i + 2, i:i + 2] += stiffness * np.array([[1.0, -1.0], [-1.0, 1.0]])
    free = [j for j in range(n_nodes) if j != support]
    u = np.zeros(n_nodes)
    u[free] = np.linalg.solve(K[np.ix_(free, free)], f[free])
    reaction = float(K[support] @ u - f[support])
    return u, reaction
