"""Plausible wrong implementations of the tasks of 15-physics-informed-ml; each must lose points."""

import numpy as np

from autograder.mutants import mutant


# --- solve_ode_collocation ----------------------------------------------------------------------

@mutant("wrong sign of the a u' term: solves u'' - a u' - b = 0")
def solve_ode_collocation__sign_of_a(a, b, conditions, x_eval, n_basis=8, n_colloc=50):
    keys = set(conditions)
    if keys not in ({"u0", "u1"}, {"u0", "v0"}) or n_basis < 1 or n_colloc < n_basis:
        raise ValueError("bad input")
    u0, k = conditions["u0"], np.arange(n_basis)

    def basis(x):
        x = np.asarray(x, dtype=float)[:, None]
        P, dP, d2P = x**k, k * x ** np.maximum(k - 1, 0), k * (k - 1) * x ** np.maximum(k - 2, 0)
        if "u1" in conditions:
            A, dA = u0 * (1 - x[:, 0]) + conditions["u1"] * x[:, 0], conditions["u1"] - u0 + 0 * x[:, 0]
            B, dB, d2B = x * (1 - x), 1 - 2 * x, -2 + 0 * x
        else:
            A, dA = u0 + conditions["v0"] * x[:, 0], conditions["v0"] + 0 * x[:, 0]
            B, dB, d2B = x**2, 2 * x, 2 + 0 * x
        return A, dA, B * P, dB * P + B * dP, d2B * P + 2 * dB * dP + B * d2P

    A, dA, _, d1, d2 = basis(np.linspace(0, 1, n_colloc))
    c = np.linalg.lstsq(d2 - a * d1, b + a * dA, rcond=None)[0]
    A, _, BP, _, _ = basis(x_eval)
    return A + BP @ c


@mutant("differentiates B(x) N(x) without the product rule: (B N)'' taken as B N''")
def solve_ode_collocation__no_product_rule(a, b, conditions, x_eval, n_basis=8, n_colloc=50):
    keys = set(conditions)
    if keys not in ({"u0", "u1"}, {"u0", "v0"}) or n_basis < 1 or n_colloc < n_basis:
        raise ValueError("bad input")
    u0, k = conditions["u0"], np.arange(n_basis)

    def basis(x):
        x = np.asarray(x, dtype=float)[:, None]
        P, dP, d2P = x**k, k * x ** np.maximum(k - 1, 0), k * (k - 1) * x ** np.maximum(k - 2, 0)
        if "u1" in conditions:
            A, dA = u0 * (1 - x[:, 0]) + conditions["u1"] * x[:, 0], conditions["u1"] - u0 + 0 * x[:, 0]
            B = x * (1 - x)
        else:
            A, dA = u0 + conditions["v0"] * x[:, 0], conditions["v0"] + 0 * x[:, 0]
            B = x**2
        return A, dA, B * P, B * dP, B * d2P

    A, dA, _, d1, d2 = basis(np.linspace(0, 1, n_colloc))
    c = np.linalg.lstsq(d2 + a * d1, b - a * dA, rcond=None)[0]
    A, _, BP, _, _ = basis(x_eval)
    return A + BP @ c


@mutant("initial value problem with the first-order Lagaris trial u0 + x N(x): u'(0) = v0 is never imposed")
def solve_ode_collocation__ivp_trial_ignores_slope(a, b, conditions, x_eval, n_basis=8, n_colloc=50):
    keys = set(conditions)
    if keys not in ({"u0", "u1"}, {"u0", "v0"}) or n_basis < 1 or n_colloc < n_basis:
        raise ValueError("bad input")
    u0, k = conditions["u0"], np.arange(n_basis)

    def basis(x):
        x = np.asarray(x, dtype=float)[:, None]
        P, dP, d2P = x**k, k * x ** np.maximum(k - 1, 0), k * (k - 1) * x ** np.maximum(k - 2, 0)
        if "u1" in conditions:
            A, dA = u0 * (1 - x[:, 0]) + conditions["u1"] * x[:, 0], conditions["u1"] - u0 + 0 * x[:, 0]
            B, dB, d2B = x * (1 - x), 1 - 2 * x, -2 + 0 * x
        else:
            A, dA = u0 + 0 * x[:, 0], 0 * x[:, 0]
            B, dB, d2B = x, 1 + 0 * x, 0 * x
        return A, dA, B * P, dB * P + B * dP, d2B * P + 2 * dB * dP + B * d2P

    A, dA, _, d1, d2 = basis(np.linspace(0, 1, n_colloc))
    c = np.linalg.lstsq(d2 + a * d1, b - a * dA, rcond=None)[0]
    A, _, BP, _, _ = basis(x_eval)
    return A + BP @ c


# --- pinn_loss ----------------------------------------------------------------------------------

@mutant("wrong sign of the a u' term in the residual: u'' - a u' - b")
def pinn_loss__sign_of_a(u_fn, x, a, b, u0, u1):
    import tensorflow as tf
    x = tf.convert_to_tensor(x, dtype=tf.float64)
    with tf.GradientTape() as outer:
        outer.watch(x)
        with tf.GradientTape() as inner:
            inner.watch(x)
            u = u_fn(x)
        du = inner.gradient(u, x)
    d2u = outer.gradient(du, x)
    r = d2u - a * du - b
    ends = u_fn(tf.constant([[0.0], [1.0]], dtype=tf.float64))
    return tf.reduce_mean(r**2) + (ends[0, 0] - u0) ** 2 + (ends[1, 0] - u1) ** 2, r


@mutant("records the tapes in float32: x is cast to tf.float32")
def pinn_loss__float32(u_fn, x, a, b, u0, u1):
    import tensorflow as tf
    x = tf.cast(tf.convert_to_tensor(x), tf.float32)
    with tf.GradientTape() as outer:
        outer.watch(x)
        with tf.GradientTape() as inner:
            inner.watch(x)
            u = u_fn(x)
        du = inner.gradient(u, x)
    d2u = outer.gradient(du, x)
    r = d2u + a * du - b
    ends = u_fn(tf.constant([[0.0], [1.0]], dtype=tf.float32))
    return tf.reduce_mean(r**2) + (ends[0, 0] - u0) ** 2 + (ends[1, 0] - u1) ** 2, r


@mutant("a first-order tape only: u'' is taken after the tape has closed, comes back None, and is dropped")
def pinn_loss__first_order_tape_only(u_fn, x, a, b, u0, u1):
    import tensorflow as tf
    x = tf.convert_to_tensor(x, dtype=tf.float64)
    with tf.GradientTape(persistent=True) as tape:
        tape.watch(x)
        u = u_fn(x)
    du = tape.gradient(u, x)
    d2u = tape.gradient(du, x)
    if d2u is None:
        d2u = tf.zeros_like(du)
    r = d2u + a * du - b
    ends = u_fn(tf.constant([[0.0], [1.0]], dtype=tf.float64))
    return tf.reduce_mean(r**2) + (ends[0, 0] - u0) ** 2 + (ends[1, 0] - u1) ** 2, r


@mutant("forgets the boundary term at x = 1: only u(0) = u0 is penalised")
def pinn_loss__no_boundary_term_at_1(u_fn, x, a, b, u0, u1):
    import tensorflow as tf
    x = tf.convert_to_tensor(x, dtype=tf.float64)
    with tf.GradientTape() as outer:
        outer.watch(x)
        with tf.GradientTape() as inner:
            inner.watch(x)
            u = u_fn(x)
        du = inner.gradient(u, x)
    d2u = outer.gradient(du, x)
    r = d2u + a * du - b
    end = u_fn(tf.constant([[0.0]], dtype=tf.float64))
    return tf.reduce_mean(r**2) + (end[0, 0] - u0) ** 2, r


# --- train_pinn ---------------------------------------------------------------------------------

@mutant("trains on the residual alone: no boundary terms, so any C1 + C2 exp(-a x) + b x / a fits")
def train_pinn__no_boundary_terms(a, b, u0, u1, n_hidden=20, n_steps=1000, learning_rate=0.01, seed=0):
    import keras
    import tensorflow as tf

    if n_hidden < 1 or n_steps < 0:
        raise ValueError("bad input")
    keras.utils.set_random_seed(seed)
    model = keras.Sequential([keras.Input(shape=(1,), dtype="float64"),
                              keras.layers.Dense(n_hidden, activation="tanh", dtype="float64"),
                              keras.layers.Dense(n_hidden, activation="tanh", dtype="float64"),
                              keras.layers.Dense(1, dtype="float64")])
    optimizer = keras.optimizers.Adam(learning_rate)
    x = tf.constant(np.linspace(0.0, 1.0, 64)[:, None], dtype=tf.float64)

    @tf.function
    def step():
        with tf.GradientTape() as tape:
            with tf.GradientTape() as outer:
                outer.watch(x)
                with tf.GradientTape() as inner:
                    inner.watch(x)
                    u = model(x)
                du = inner.gradient(u, x)
            d2u = outer.gradient(du, x)
            loss = tf.reduce_mean((d2u + a * du - b) ** 2)
        grads = tape.gradient(loss, model.trainable_variables)
        optimizer.apply_gradients(zip(grads, model.trainable_variables))

    for _ in range(n_steps):
        step()
    return model


@mutant("wrong sign of the a u' term in its loss: learns the solution of u'' - a u' - b = 0")
def train_pinn__sign_of_a(a, b, u0, u1, n_hidden=20, n_steps=1000, learning_rate=0.01, seed=0):
    import keras
    import tensorflow as tf

    if n_hidden < 1 or n_steps < 0:
        raise ValueError("bad input")
    keras.utils.set_random_seed(seed)
    model = keras.Sequential([keras.Input(shape=(1,), dtype="float64"),
                              keras.layers.Dense(n_hidden, activation="tanh", dtype="float64"),
                              keras.layers.Dense(n_hidden, activation="tanh", dtype="float64"),
                              keras.layers.Dense(1, dtype="float64")])
    optimizer = keras.optimizers.Adam(learning_rate)
    x = tf.constant(np.linspace(0.0, 1.0, 64)[:, None], dtype=tf.float64)
    ends = tf.constant([[0.0], [1.0]], dtype=tf.float64)

    @tf.function
    def step():
        with tf.GradientTape() as tape:
            with tf.GradientTape() as outer:
                outer.watch(x)
                with tf.GradientTape() as inner:
                    inner.watch(x)
                    u = model(x)
                du = inner.gradient(u, x)
            d2u = outer.gradient(du, x)
            u_ends = model(ends)
            loss = tf.reduce_mean((d2u - a * du - b) ** 2) + (u_ends[0, 0] - u0) ** 2 + (u_ends[1, 0] - u1) ** 2
        grads = tape.gradient(loss, model.trainable_variables)
        optimizer.apply_gradients(zip(grads, model.trainable_variables))

    for _ in range(n_steps):
        step()
    return model


@mutant("a single tape: u'' is lost (None after the tape closed) and the loss fits a u' - b = 0 instead")
def train_pinn__first_order_residual(a, b, u0, u1, n_hidden=20, n_steps=1000, learning_rate=0.01, seed=0):
    import keras
    import tensorflow as tf

    if n_hidden < 1 or n_steps < 0:
        raise ValueError("bad input")
    keras.utils.set_random_seed(seed)
    model = keras.Sequential([keras.Input(shape=(1,), dtype="float64"),
                              keras.layers.Dense(n_hidden, activation="tanh", dtype="float64"),
                              keras.layers.Dense(n_hidden, activation="tanh", dtype="float64"),
                              keras.layers.Dense(1, dtype="float64")])
    optimizer = keras.optimizers.Adam(learning_rate)
    x = tf.constant(np.linspace(0.0, 1.0, 64)[:, None], dtype=tf.float64)
    ends = tf.constant([[0.0], [1.0]], dtype=tf.float64)

    @tf.function
    def step():
        with tf.GradientTape() as tape:
            with tf.GradientTape() as inner:
                inner.watch(x)
                u = model(x)
            du = inner.gradient(u, x)
            u_ends = model(ends)
            loss = tf.reduce_mean((a * du - b) ** 2) + (u_ends[0, 0] - u0) ** 2 + (u_ends[1, 0] - u1) ** 2
        grads = tape.gradient(loss, model.trainable_variables)
        optimizer.apply_gradients(zip(grads, model.trainable_variables))

    for _ in range(n_steps):
        step()
    return model


# --- fourier_features ---------------------------------------------------------------------------

@mutant("forgets the 2 pi: sin(x B) and cos(x B), frequencies in radians instead of cycles")
def fourier_features__no_two_pi(x, B):
    x, B = np.asarray(x, dtype=float), np.asarray(B, dtype=float)
    if x.ndim != 2 or B.ndim != 2 or x.shape[1] != B.shape[0]:
        raise ValueError("shapes")
    return np.concatenate([np.sin(x @ B), np.cos(x @ B)], axis=1)


@mutant("puts the cosines first: [cos, sin]")
def fourier_features__cos_first(x, B):
    x, B = np.asarray(x, dtype=float), np.asarray(B, dtype=float)
    if x.ndim != 2 or B.ndim != 2 or x.shape[1] != B.shape[0]:
        raise ValueError("shapes")
    z = 2 * np.pi * x @ B
    return np.concatenate([np.cos(z), np.sin(z)], axis=1)


@mutant("multiplies x by the first row of B, x * B[0], instead of x @ B: right only for 1-D points")
def fourier_features__elementwise_product(x, B):
    x, B = np.asarray(x, dtype=float), np.asarray(B, dtype=float)
    if x.ndim != 2 or B.ndim != 2 or x.shape[1] != B.shape[0]:
        raise ValueError("shapes")
    z = 2 * np.pi * x * B[0]
    return np.concatenate([np.sin(z), np.cos(z)], axis=1)


# --- beam_deflection_fd -------------------------------------------------------------------------

@mutant("mirrors the ghost nodes, w_{-1} = +w_1: that is a clamped end (w' = 0), not a simple support")
def beam_deflection_fd__clamped_ghost(L, EI, q, n):
    if n < 2 or L <= 0 or EI <= 0:
        raise ValueError("bad input")
    h, m = L / n, n - 1
    K = (np.diag(np.full(m, 6.0)) + np.diag(np.full(m - 1, -4.0), 1) + np.diag(np.full(m - 1, -4.0), -1)
         + np.diag(np.ones(max(m - 2, 0)), 2) + np.diag(np.ones(max(m - 2, 0)), -2))
    K[0, 0] += 1.0
    K[-1, -1] += 1.0
    w = np.linalg.solve(K, np.full(m, q * h**4 / EI))
    return np.linspace(0, L, n + 1), np.concatenate([[0.0], w, [0.0]])


@mutant("off by one in the grid spacing: h = L / (n + 1)")
def beam_deflection_fd__grid_spacing(L, EI, q, n):
    if n < 2 or L <= 0 or EI <= 0:
        raise ValueError("bad input")
    h, m = L / (n + 1), n - 1
    K = (np.diag(np.full(m, 6.0)) + np.diag(np.full(m - 1, -4.0), 1) + np.diag(np.full(m - 1, -4.0), -1)
         + np.diag(np.ones(max(m - 2, 0)), 2) + np.diag(np.ones(max(m - 2, 0)), -2))
    K[0, 0] -= 1.0
    K[-1, -1] -= 1.0
    w = np.linalg.solve(K, np.full(m, q * h**4 / EI))
    return np.linspace(0, L, n + 1), np.concatenate([[0.0], w, [0.0]])


@mutant("sign slip: solves EI w'''' = -q, so the beam bends against the load")
def beam_deflection_fd__sign(L, EI, q, n):
    if n < 2 or L <= 0 or EI <= 0:
        raise ValueError("bad input")
    h, m = L / n, n - 1
    K = (np.diag(np.full(m, 6.0)) + np.diag(np.full(m - 1, -4.0), 1) + np.diag(np.full(m - 1, -4.0), -1)
         + np.diag(np.ones(max(m - 2, 0)), 2) + np.diag(np.ones(max(m - 2, 0)), -2))
    K[0, 0] -= 1.0
    K[-1, -1] -= 1.0
    w = np.linalg.solve(K, np.full(m, -q * h**4 / EI))
    return np.linspace(0, L, n + 1), np.concatenate([[0.0], w, [0.0]])


# --- oscillator_energy --------------------------------------------------------------------------

@mutant("the symplectic branch drifts with the old velocity: it is forward Euler again")
def oscillator_energy__symplectic_uses_old_velocity(m, k, x0, v0, dt, n_steps, method):
    if method not in ("explicit", "symplectic") or m <= 0 or k <= 0 or dt <= 0 or n_steps < 0:
        raise ValueError("bad input")
    x, v = [float(x0)], [float(v0)]
    for _ in range(n_steps):
        x.append(x[-1] + dt * v[-1])
        v.append(v[-1] - dt * k / m * x[-2])
    x, v = np.array(x), np.array(v)
    return x, v, 0.5 * m * v**2 + 0.5 * k * x**2


@mutant("the explicit branch updates x first and then uses the new x for v: accidentally symplectic")
def oscillator_energy__explicit_uses_new_position(m, k, x0, v0, dt, n_steps, method):
    if method not in ("explicit", "symplectic") or m <= 0 or k <= 0 or dt <= 0 or n_steps < 0:
        raise ValueError("bad input")
    x, v = [float(x0)], [float(v0)]
    for _ in range(n_steps):
        if method == "explicit":
            x.append(x[-1] + dt * v[-1])
            v.append(v[-1] - dt * k / m * x[-1])
        else:
            v.append(v[-1] - dt * k / m * x[-1])
            x.append(x[-1] + dt * v[-1])
    x, v = np.array(x), np.array(v)
    return x, v, 0.5 * m * v**2 + 0.5 * k * x**2


@mutant("forgets the mass in the kinetic energy: E = v^2 / 2 + k x^2 / 2")
def oscillator_energy__kinetic_energy_without_mass(m, k, x0, v0, dt, n_steps, method):
    if method not in ("explicit", "symplectic") or m <= 0 or k <= 0 or dt <= 0 or n_steps < 0:
        raise ValueError("bad input")
    x, v = [float(x0)], [float(v0)]
    for _ in range(n_steps):
        if method == "explicit":
            x.append(x[-1] + dt * v[-1])
            v.append(v[-1] - dt * k / m * x[-2])
        else:
            v.append(v[-1] - dt * k / m * x[-1])
            x.append(x[-1] + dt * v[-1])
    x, v = np.array(x), np.array(v)
    return x, v, 0.5 * v**2 + 0.5 * k * x**2


# --- invariant_conv_features --------------------------------------------------------------------

@mutant("takes the invariants of F instead of C = F^T F: tr F changes when the body rotates")
def invariant_conv_features__invariants_of_F(F, kernel):
    F, kernel = np.asarray(F, dtype=float), np.asarray(kernel, dtype=float)
    if F.ndim != 3 or F.shape[1:] != (3, 3) or kernel.ndim != 1 or not 1 <= kernel.size <= F.shape[0]:
        raise ValueError("bad input")
    tr = np.trace(F, axis1=1, axis2=2)
    inv = np.column_stack([tr, 0.5 * (tr**2 - np.trace(F @ F, axis1=1, axis2=2)), np.linalg.det(F)])
    return sum(w * np.roll(inv, j, axis=0) for j, w in enumerate(kernel))


@mutant("zero padding instead of wrapping around: not equivariant under cyclic shifts")
def invariant_conv_features__zero_padding(F, kernel):
    F, kernel = np.asarray(F, dtype=float), np.asarray(kernel, dtype=float)
    if F.ndim != 3 or F.shape[1:] != (3, 3) or kernel.ndim != 1 or not 1 <= kernel.size <= F.shape[0]:
        raise ValueError("bad input")
    C = np.transpose(F, (0, 2, 1)) @ F
    tr = np.trace(C, axis1=1, axis2=2)
    inv = np.column_stack([tr, 0.5 * (tr**2 - np.trace(C @ C, axis1=1, axis2=2)), np.linalg.det(C)])
    n = len(inv)
    return np.column_stack([np.convolve(inv[:, c], kernel)[:n] for c in range(3)])


@mutant("second invariant without the 1/2: I2 = (tr C)^2 - tr(C^2)")
def invariant_conv_features__I2_without_half(F, kernel):
    F, kernel = np.asarray(F, dtype=float), np.asarray(kernel, dtype=float)
    if F.ndim != 3 or F.shape[1:] != (3, 3) or kernel.ndim != 1 or not 1 <= kernel.size <= F.shape[0]:
        raise ValueError("bad input")
    C = np.transpose(F, (0, 2, 1)) @ F
    tr = np.trace(C, axis1=1, axis2=2)
    inv = np.column_stack([tr, tr**2 - np.trace(C @ C, axis1=1, axis2=2), np.linalg.det(C)])
    return sum(w * np.roll(inv, j, axis=0) for j, w in enumerate(kernel))
