"""Reference solution of assignment 15-physics-informed-ml (Chapter 15: physics-informed machine learning).

Seven tasks: the course ODE u'' + a u' - b = 0 solved by collocation with a Lagaris trial function that
satisfies the boundary or initial conditions by construction; the PINN residual with nested
``tf.GradientTape`` in float64 and the PINN loss (residual plus boundary terms); a small PINN trained to
a stated error; Fourier features against spectral bias; the simply supported Euler-Bernoulli beam by
finite differences; the energy of an undamped oscillator under explicit and symplectic Euler (Noether);
and a feature layer that is invariant under rotations (invariants of C = F^T F) and equivariant under
cyclic shifts (a circular convolution).

Every task function is self-contained apart from the imports of the notebook's first code cell
(``numpy as np``, ``matplotlib.pyplot as plt``, ``tensorflow as tf`` and ``keras``), because
``autograder solution`` pastes each function's source into the student notebook. TensorFlow and Keras are
imported inside the two functions that need them, so that the trusted grading process, which imports this
module but never calls them, does not pay for importing TensorFlow. ``train_pinn`` calls ``pinn_loss``
(Task 2), as the student's notebook does.
"""

import numpy as np


def solve_ode_collocation(a, b, conditions, x_eval, n_basis=8, n_colloc=50):
    """Solve the course ODE  u'' + a u' - b = 0  on [0, 1] by collocation with a Lagaris trial function.

    The trial function satisfies the two side conditions *by construction* (Lagaris), whatever the
    coefficients c_0, ..., c_{K-1} (K = n_basis) of its free part N(x) = sum_k c_k x^k are:

    * boundary value problem, ``conditions = {"u0": u0, "u1": u1}`` (u(0) = u0, u(1) = u1):

          u_hat(x) = u0 (1 - x) + u1 x + x (1 - x) N(x)

    * initial value problem, ``conditions = {"u0": u0, "v0": v0}`` (u(0) = u0, u'(0) = v0):

          u_hat(x) = u0 + v0 x + x^2 N(x)

    The residual r(x) = u_hat''(x) + a u_hat'(x) - b is linear in c, r(x_j) = (M c - f)_j, at the
    ``n_colloc`` equally spaced collocation points x_j = np.linspace(0, 1, n_colloc) (both ends
    included). Choose c as the least-squares solution of M c = f (``np.linalg.lstsq``; do not form the
    normal equations, the monomial basis is ill-conditioned) and return u_hat at ``x_eval``.
    Differentiate the products A(x) + B(x) N(x) with the product rule:
    (B N)' = B' N + B N',  (B N)'' = B'' N + 2 B' N' + B N''.

    Parameters
    ----------
    a, b : float
        The coefficients of the ODE (a = 0 is allowed).
    conditions : dict
        Either {"u0": float, "u1": float} (boundary values) or {"u0": float, "v0": float} (initial
        value and slope); no other keys.
    x_eval : array_like, shape (m,)
        Where to evaluate the solution (points outside [0, 1] are allowed: u_hat is a polynomial).
    n_basis : int
        K >= 1, the number of monomials x^0, ..., x^{K-1} in N(x).
    n_colloc : int
        The number of collocation points, n_colloc >= n_basis.

    Returns
    -------
    numpy.ndarray of float, shape (m,)
        u_hat(x_eval).

    Raises
    ------
    ValueError
        If the keys of ``conditions`` are not one of the two sets, n_basis < 1 or n_colloc < n_basis.
    """
    keys = set(conditions)
    if keys not in ({"u0", "u1"}, {"u0", "v0"}):
        raise ValueError('conditions must be {"u0", "u1"} (boundary) or {"u0", "v0"} (initial)')
    if n_basis < 1 or n_colloc < n_basis:
        raise ValueError("need n_basis >= 1 and n_colloc >= n_basis")
    u0 = float(conditions["u0"])

    def parts(x):
        """A, A', A'', B, B', B'' of the trial u_hat = A + B N at the points x."""
        zero, one = np.zeros_like(x), np.ones_like(x)
        if "u1" in conditions:
            u1 = float(conditions["u1"])
            return (u0 * (1 - x) + u1 * x, (u1 - u0) * one, zero,
                    x * (1 - x), 1 - 2 * x, -2 * one)
        v0 = float(conditions["v0"])
        return u0 + v0 * x, v0 * one, zero, x**2, 2 * x, 2 * one

    def monomials(x):
        """x^k and its first two derivatives, each of shape (len(x), K)."""
        k = np.arange(n_basis)
        P = x[:, None] ** k
        dP = k * x[:, None] ** np.maximum(k - 1, 0)
        d2P = k * (k - 1) * x[:, None] ** np.maximum(k - 2, 0)
        return P, dP, d2P

    xc = np.linspace(0.0, 1.0, n_colloc)
    A, dA, d2A, B, dB, d2B = parts(xc)
    P, dP, d2P = monomials(xc)
    d1 = dB[:, None] * P + B[:, None] * dP                               # (B x^k)'
    d2 = d2B[:, None] * P + 2 * dB[:, None] * dP + B[:, None] * d2P      # (B x^k)''
    M = d2 + a * d1
    f = b - d2A - a * dA
    c = np.linalg.lstsq(M, f, rcond=None)[0]

    x = np.asarray(x_eval, dtype=float)
    A, _, _, B, _, _ = parts(x)
    return A + B * (monomials(x)[0] @ c)


def pinn_loss(u_fn, x, a, b, u0, u1):
    """The PINN loss of the course ODE  u'' + a u' - b = 0,  u(0) = u0, u(1) = u1, and its residual.

    ``u_fn`` maps a float64 tensor of shape (n, 1) to a float64 tensor of shape (n, 1), pointwise (row i
    of the output depends on row i of the input only): a Keras model in float64, or a function made of
    TensorFlow operations such as ``tf.sin``. Compute, in float64 throughout (do not cast to float32):

        u = u_fn(x),   u' = du/dx,   u'' = d2u/dx2     with two nested ``tf.GradientTape``s
                                                       (the outer tape records the inner gradient)
        r = u'' + a u' - b                              the residual at the collocation points x
        loss = mean(r^2) + (u_fn(0) - u0)^2 + (u_fn(1) - u1)^2

    Both tapes must ``watch`` x (it is a constant, not a variable). The loss must stay differentiable
    with respect to the weights of ``u_fn`` (a training loop differentiates it with a third tape), so
    use TensorFlow operations only, no ``.numpy()``.

    Parameters
    ----------
    u_fn : callable
        The trial solution, tf.Tensor (n, 1) float64 -> tf.Tensor (n, 1) float64.
    x : array_like or tf.Tensor, shape (n, 1)
        The collocation points in [0, 1]; convert with ``tf.convert_to_tensor(x, dtype=tf.float64)``.
    a, b, u0, u1 : float
        The coefficients of the ODE and the boundary values.

    Returns
    -------
    (tf.Tensor, tf.Tensor)
        The loss, a float64 scalar (shape ()), and the residual r, float64 of shape (n, 1).
    """
    import tensorflow as tf  # already imported in the notebook; here so that this module loads without it

    x = tf.convert_to_tensor(x, dtype=tf.float64)
    with tf.GradientTape() as outer:
        outer.watch(x)
        with tf.GradientTape() as inner:
            inner.watch(x)
            u = u_fn(x)
        du = inner.gradient(u, x)
    d2u = outer.gradient(du, x)
    residual = d2u + a * du - b
    ends = u_fn(tf.constant([[0.0], [1.0]], dtype=tf.float64))
    loss = tf.reduce_mean(residual**2) + (ends[0, 0] - u0) ** 2 + (ends[1, 0] - u1) ** 2
    return loss, residual


def train_pinn(a, b, u0, u1, n_hidden=20, n_steps=1000, learning_rate=0.01, seed=0):
    """Train a small PINN for the course ODE  u'' + a u' - b = 0,  u(0) = u0,  u(1) = u1  on [0, 1].

    The network: ``keras.Sequential`` with ``keras.Input(shape=(1,), dtype="float64")``, two
    ``Dense(n_hidden, activation="tanh", dtype="float64")`` layers and a linear ``Dense(1,
    dtype="float64")`` output (1-20-20-1 by default), its weights initialised after
    ``keras.utils.set_random_seed(seed)``. Train it with ``keras.optimizers.Adam(learning_rate)`` for
    ``n_steps`` steps on ``pinn_loss`` (Task 2) at the 64 equally spaced collocation points
    ``np.linspace(0, 1, 64)`` (as a float64 column). (Fresh random points at every step, as Lagaris
    does, work too, but their noise needs a decaying learning rate to reach the same accuracy.) Put
    the training step into a ``tf.function``: an eager step with three nested tapes costs tens of
    milliseconds, a compiled one about one.

    With the defaults, for 1 <= a <= 3, |b| <= 1, |u0| <= 1 and |u1| <= 1, the trained network must
    match the analytic solution to a maximum error below 1e-2 on [0, 1] (the hidden test checks this
    at points that are not your collocation points; the recipe above typically reaches 1e-4 to 1e-3),
    in a few seconds on a CPU.

    Parameters
    ----------
    a, b, u0, u1 : float
        The ODE and its boundary values.
    n_hidden : int
        Neurons per hidden layer, >= 1.
    n_steps : int
        Adam steps, >= 0 (0 returns the untrained network).
    learning_rate : float
        Adam's step size.
    seed : int
        The seed of the weight initialisation (and of random collocation points, if you draw any).

    Returns
    -------
    keras.Model
        The trained network: ``model(x)`` for x of shape (n, 1), float64, returns u_hat(x), float64,
        shape (n, 1).

    Raises
    ------
    ValueError
        If n_hidden < 1 or n_steps < 0.
    """
    import keras  # already imported in the notebook; here so that this module loads without TensorFlow
    import tensorflow as tf

    if n_hidden < 1 or n_steps < 0:
        raise ValueError("need n_hidden >= 1 and n_steps >= 0")
    keras.utils.set_random_seed(seed)
    model = keras.Sequential([
        keras.Input(shape=(1,), dtype="float64"),
        keras.layers.Dense(n_hidden, activation="tanh", dtype="float64"),
        keras.layers.Dense(n_hidden, activation="tanh", dtype="float64"),
        keras.layers.Dense(1, dtype="float64"),
    ])
    optimizer = keras.optimizers.Adam(learning_rate)
    x = tf.constant(np.linspace(0.0, 1.0, 64)[:, None], dtype=tf.float64)

    @tf.function
    def step():
        with tf.GradientTape() as tape:
            loss, _ = pinn_loss(model, x, a, b, u0, u1)
        grads = tape.gradient(loss, model.trainable_variables)
        optimizer.apply_gradients(zip(grads, model.trainable_variables))
        return loss

    for _ in range(n_steps):
        step()
    return model


def fourier_features(x, B):
    """Random Fourier features  gamma(x) = [sin(2 pi x B), cos(2 pi x B)]  (Tancik et al. 2020).

    Row i of the result is [sin(2 pi z_i1), ..., sin(2 pi z_im), cos(2 pi z_i1), ..., cos(2 pi z_im)]
    with z = x @ B: first the m sines, then the m cosines. The columns of B are frequencies in cycles per
    unit of x (a column with entry 8 for a 1-D x gives sin(16 pi x) and cos(16 pi x)). Fed to a network
    instead of x, these features let it represent fine scales that it would otherwise learn only very
    slowly (spectral bias).

    Parameters
    ----------
    x : array_like, shape (n, d)
        n points in d dimensions.
    B : array_like, shape (d, m)
        The frequency matrix (often drawn as sigma * standard normal).

    Returns
    -------
    numpy.ndarray of float, shape (n, 2 m)

    Raises
    ------
    ValueError
        If x or B is not 2-D or x.shape[1] != B.shape[0].
    """
    x, B = np.asarray(x, dtype=float), np.asarray(B, dtype=float)
    if x.ndim != 2 or B.ndim != 2 or x.shape[1] != B.shape[0]:
        raise ValueError("x must be (n, d) and B (d, m)")
    z = 2.0 * np.pi * (x @ B)
    return np.concatenate([np.sin(z), np.cos(z)], axis=1)


def beam_deflection_fd(L, EI, q, n):
    """Deflection of a simply supported Euler-Bernoulli beam under a uniform load, by finite differences.

    The beam  EI w''''(x) = q  on 0 <= x <= L  rests on two supports: w = 0 and zero bending moment,
    w'' = 0, at both ends. w is positive in the direction of the load q (q > 0 pushes the beam down,
    w > 0 downwards). Use the n + 1 nodes x_i = i h, h = L / n, and at the interior nodes
    i = 1, ..., n - 1 the five-point stencil

        EI (w_{i-2} - 4 w_{i-1} + 6 w_i - 4 w_{i+1} + w_{i+2}) / h^4 = q,

    with w_0 = w_n = 0 and the ghost nodes outside the beam eliminated by w'' = 0 at the supports:
    (w_{-1} - 2 w_0 + w_1) / h^2 = 0, i.e. w_{-1} = -w_1, and likewise w_{n+1} = -w_{n-1}.
    Solve the (n - 1) x (n - 1) linear system. (Equivalently: M'' = -q with M = 0 at the ends, then
    EI w'' = -M with w = 0 at the ends, both by the three-point stencil: the same equations.)
    The exact midspan deflection is 5 q L^4 / (384 EI).

    Parameters
    ----------
    L : float
        Span, L > 0 (e.g. in m).
    EI : float
        Bending stiffness, EI > 0 (e.g. in N m^2).
    q : float
        Distributed load (e.g. in N/m), any sign.
    n : int
        Number of intervals, n >= 2.

    Returns
    -------
    (numpy.ndarray, numpy.ndarray)
        x of shape (n + 1,) and w of shape (n + 1,) (w[0] = w[n] = 0), in the units of L.

    Raises
    ------
    ValueError
        If n < 2, L <= 0 or EI <= 0.
    """
    if n < 2 or L <= 0 or EI <= 0:
        raise ValueError("need n >= 2, L > 0 and EI > 0")
    h = L / n
    m = n - 1
    K = np.zeros((m, m))
    for i in range(m):
        for offset, weight in ((-2, 1.0), (-1, -4.0), (0, 6.0), (1, -4.0), (2, 1.0)):
            j = i + offset
            if 0 <= j < m:
                K[i, j] += weight
    K[0, 0] -= 1.0          # ghost node w_{-1} = -w_1
    K[-1, -1] -= 1.0        # ghost node w_{n+1} = -w_{n-1}
    w_inner = np.linalg.solve(K, np.full(m, q * h**4 / EI))
    x = np.linspace(0.0, L, n + 1)
    return x, np.concatenate([[0.0], w_inner, [0.0]])


def oscillator_energy(m, k, x0, v0, dt, n_steps, method):
    """Integrate the undamped oscillator  m x'' + k x = 0  and record its energy.

    Starting from x_0 = x0, v_0 = v0, take ``n_steps`` steps of size dt with

    * ``method="explicit"`` (forward Euler, both updates from the old state):
          x_{n+1} = x_n + dt v_n,            v_{n+1} = v_n - dt (k/m) x_n
    * ``method="symplectic"`` (symplectic Euler, kick then drift):
          v_{n+1} = v_n - dt (k/m) x_n,      x_{n+1} = x_n + dt v_{n+1}

    and return the energy E_n = m v_n^2 / 2 + k x_n^2 / 2 at every step. The exact motion conserves E
    (Noether: the Lagrangian does not depend on time). Forward Euler multiplies E by (1 + omega^2 dt^2)
    per step (omega^2 = k/m), so the energy grows without bound; symplectic Euler keeps it within
    O(omega dt) of E_0 forever (it conserves a nearby energy exactly).

    Parameters
    ----------
    m, k : float
        Mass and spring stiffness, both > 0.
    x0, v0 : float
        Initial displacement and velocity.
    dt : float
        Time step, > 0.
    n_steps : int
        Number of steps, >= 0.
    method : str
        "explicit" or "symplectic".

    Returns
    -------
    (numpy.ndarray, numpy.ndarray, numpy.ndarray)
        x, v and E, each of shape (n_steps + 1,), index 0 holding the initial state.

    Raises
    ------
    ValueError
        If method is not one of the two names, m <= 0, k <= 0, dt <= 0 or n_steps < 0.
    """
    if method not in ("explicit", "symplectic"):
        raise ValueError('method must be "explicit" or "symplectic"')
    if m <= 0 or k <= 0 or dt <= 0 or n_steps < 0:
        raise ValueError("need m > 0, k > 0, dt > 0 and n_steps >= 0")
    w2 = k / m
    x, v = np.empty(n_steps + 1), np.empty(n_steps + 1)
    x[0], v[0] = x0, v0
    for i in range(n_steps):
        if method == "explicit":
            x[i + 1] = x[i] + dt * v[i]
            v[i + 1] = v[i] - dt * w2 * x[i]
        else:
            v[i + 1] = v[i] - dt * w2 * x[i]
            x[i + 1] = x[i] + dt * v[i + 1]
    return x, v, 0.5 * m * v**2 + 0.5 * k * x**2


def invariant_conv_features(F, kernel):
    """Rotation-invariant, shift-equivariant features of a periodic row of cells.

    Cell i (i = 0, ..., n - 1) of a periodic structure (a ring, or a representative volume element
    repeated along one axis) has the deformation gradient F_i. For every cell compute the invariants of
    the right Cauchy-Green tensor C_i = F_i^T F_i,

        I1 = tr C,    I2 = ((tr C)^2 - tr(C^2)) / 2,    I3 = det C  (= (det F)^2),

    which do not change under a rigid rotation F_i -> R F_i (objectivity), and then mix neighbouring
    cells with the circular convolution of each invariant with ``kernel`` (length p):

        out[i, c] = sum_{j=0}^{p-1} kernel[j] * I_c[(i - j) mod n],     c = 0, 1, 2 for I1, I2, I3.

    The indices wrap around (the row is periodic; no zero padding), so shifting the cells,
    ``np.roll(F, s, axis=0)``, shifts the result in the same way, ``np.roll(out, s, axis=0)``:
    the layer is equivariant under cyclic shifts and invariant under rotations.

    Parameters
    ----------
    F : array_like, shape (n, 3, 3)
        The deformation gradients of the n >= 1 cells.
    kernel : array_like, shape (p,)
        The convolution weights, 1 <= p <= n. kernel = [1.0] returns the invariants themselves.

    Returns
    -------
    numpy.ndarray of float, shape (n, 3)
        Column 0: convolved I1, column 1: convolved I2, column 2: convolved I3.

    Raises
    ------
    ValueError
        If F is not of shape (n, 3, 3) with n >= 1, or kernel is not 1-D with 1 <= p <= n.
    """
    F = np.asarray(F, dtype=float)
    kernel = np.asarray(kernel, dtype=float)
    if F.ndim != 3 or F.shape[1:] != (3, 3) or F.shape[0] < 1:
        raise ValueError("F must have the shape (n, 3, 3)")
    n = F.shape[0]
    if kernel.ndim != 1 or not 1 <= kernel.size <= n:
        raise ValueError("kernel must be 1-D with 1 <= len(kernel) <= n")
    C = np.einsum("nki,nkj->nij", F, F)
    trace = np.trace(C, axis1=1, axis2=2)
    inv = np.column_stack([trace,
                           0.5 * (trace**2 - np.einsum("nij,nji->n", C, C)),
                           np.linalg.det(C)])
    out = np.zeros_like(inv)
    for j, weight in enumerate(kernel):
        out += weight * np.roll(inv, j, axis=0)
    return out
