"""Plausible wrong implementations of the tasks of 09-recurrent-networks; each must lose points."""

import numpy as np

from autograder.mutants import mutant


# --- rnn_forward --------------------------------------------------------------------------------

@mutant("stores h0 as the first row of H: T + 1 states")
def rnn_forward__includes_h0(X, h0, Wx, Wh, b, Wy):
    X, h0, Wx, Wh, b, Wy = (np.asarray(a, dtype=float) for a in (X, h0, Wx, Wh, b, Wy))
    if X.ndim != 2 or Wx.shape != (len(h0), X.shape[1]) or Wh.shape != (len(h0), len(h0)) or Wy.shape[1] != len(h0):
        raise ValueError("shapes")
    states = [h0]
    for x in X:
        states.append(np.tanh(Wh @ states[-1] + Wx @ x + b))
    H = np.array(states)
    return H, H @ Wy.T


@mutant("never updates the state: every step starts from h0")
def rnn_forward__state_not_updated(X, h0, Wx, Wh, b, Wy):
    X, h0, Wx, Wh, b, Wy = (np.asarray(a, dtype=float) for a in (X, h0, Wx, Wh, b, Wy))
    if X.ndim != 2 or Wx.shape != (len(h0), X.shape[1]) or Wh.shape != (len(h0), len(h0)) or Wy.shape[1] != len(h0):
        raise ValueError("shapes")
    H = np.tanh(h0 @ Wh.T + X @ Wx.T + b)
    return H, H @ Wy.T


@mutant("the output of step t from the previous state: y_hat_t = Wy h_{t-1}")
def rnn_forward__output_from_previous_state(X, h0, Wx, Wh, b, Wy):
    X, h0, Wx, Wh, b, Wy = (np.asarray(a, dtype=float) for a in (X, h0, Wx, Wh, b, Wy))
    if X.ndim != 2 or Wx.shape != (len(h0), X.shape[1]) or Wh.shape != (len(h0), len(h0)) or Wy.shape[1] != len(h0):
        raise ValueError("shapes")
    H, Y, h = [], [], h0
    for x in X:
        Y.append(Wy @ h)
        h = np.tanh(Wh @ h + Wx @ x + b)
        H.append(h)
    return np.array(H), np.array(Y)


# --- rnn_bptt -----------------------------------------------------------------------------------

@mutant("truncates the recursion after one step: no Wh^T delta_{t+1} term")
def rnn_bptt__one_step_only(X, Y, h0, Wx, Wh, b, Wy):
    X, Y, h0, Wx, Wh, b, Wy = (np.asarray(a, dtype=float) for a in (X, Y, h0, Wx, Wh, b, Wy))
    H, h = [], h0
    for x in X:
        h = np.tanh(Wh @ h + Wx @ x + b)
        H.append(h)
    H = np.array(H)
    E = H @ Wy.T - Y
    H_prev = np.vstack([h0[None, :], H[:-1]])
    delta = (E @ Wy) * (1 - H ** 2)
    return 0.5 * float(np.sum(E ** 2)), {"Wx": delta.T @ X, "Wh": delta.T @ H_prev, "b": delta.sum(0), "Wy": E.T @ H}


@mutant("forgets the tanh derivative (1 - h_t^2)")
def rnn_bptt__no_tanh_derivative(X, Y, h0, Wx, Wh, b, Wy):
    X, Y, h0, Wx, Wh, b, Wy = (np.asarray(a, dtype=float) for a in (X, Y, h0, Wx, Wh, b, Wy))
    H, h = [], h0
    for x in X:
        h = np.tanh(Wh @ h + Wx @ x + b)
        H.append(h)
    H = np.array(H)
    E = H @ Wy.T - Y
    g = {"Wx": np.zeros_like(Wx), "Wh": np.zeros_like(Wh), "b": np.zeros_like(b), "Wy": E.T @ H}
    nxt = np.zeros_like(h0)
    for t in range(len(X) - 1, -1, -1):
        delta = Wy.T @ E[t] + Wh.T @ nxt
        g["Wx"] += np.outer(delta, X[t])
        g["Wh"] += np.outer(delta, H[t - 1] if t else h0)
        g["b"] += delta
        nxt = delta
    return 0.5 * float(np.sum(E ** 2)), g


@mutant("the error with the wrong sign, y - y_hat: gradient descent then climbs")
def rnn_bptt__sign(X, Y, h0, Wx, Wh, b, Wy):
    X, Y, h0, Wx, Wh, b, Wy = (np.asarray(a, dtype=float) for a in (X, Y, h0, Wx, Wh, b, Wy))
    H, h = [], h0
    for x in X:
        h = np.tanh(Wh @ h + Wx @ x + b)
        H.append(h)
    H = np.array(H)
    E = Y - H @ Wy.T
    g = {"Wx": np.zeros_like(Wx), "Wh": np.zeros_like(Wh), "b": np.zeros_like(b), "Wy": E.T @ H}
    nxt = np.zeros_like(h0)
    for t in range(len(X) - 1, -1, -1):
        delta = (Wy.T @ E[t] + Wh.T @ nxt) * (1 - H[t] ** 2)
        g["Wx"] += np.outer(delta, X[t])
        g["Wh"] += np.outer(delta, H[t - 1] if t else h0)
        g["b"] += delta
        nxt = delta
    return 0.5 * float(np.sum(E ** 2)), g


# --- gradient_flow ------------------------------------------------------------------------------

@mutant("powers of Wh only: forgets the tanh factors diag(1 - h_t^2)")
def gradient_flow__no_tanh_derivative(Wh, H):
    Wh, H = np.asarray(Wh, dtype=float), np.asarray(H, dtype=float)
    if Wh.ndim != 2 or Wh.shape[0] != Wh.shape[1] or H.ndim != 2 or H.shape[1] != Wh.shape[0]:
        raise ValueError("shapes")
    P, norms = np.eye(len(Wh)), []
    for _ in H:
        P = Wh @ P
        norms.append(np.linalg.norm(P, 2))
    return np.array(norms), float(np.max(np.abs(np.linalg.eigvals(Wh))))


@mutant("the Frobenius norm (np.linalg.norm's default) instead of the spectral norm")
def gradient_flow__frobenius(Wh, H):
    Wh, H = np.asarray(Wh, dtype=float), np.asarray(H, dtype=float)
    if Wh.ndim != 2 or Wh.shape[0] != Wh.shape[1] or H.ndim != 2 or H.shape[1] != Wh.shape[0]:
        raise ValueError("shapes")
    P, norms = np.eye(len(Wh)), []
    for h in H:
        P = np.diag(1 - h ** 2) @ Wh @ P
        norms.append(np.linalg.norm(P))
    return np.array(norms), float(np.max(np.abs(np.linalg.eigvals(Wh))))


@mutant("the spectral radius taken as the largest singular value of Wh")
def gradient_flow__rho_as_singular_value(Wh, H):
    Wh, H = np.asarray(Wh, dtype=float), np.asarray(H, dtype=float)
    if Wh.ndim != 2 or Wh.shape[0] != Wh.shape[1] or H.ndim != 2 or H.shape[1] != Wh.shape[0]:
        raise ValueError("shapes")
    P, norms = np.eye(len(Wh)), []
    for h in H:
        P = np.diag(1 - h ** 2) @ Wh @ P
        norms.append(np.linalg.norm(P, 2))
    return np.array(norms), float(np.linalg.norm(Wh, 2))


# --- lstm_step ----------------------------------------------------------------------------------

@mutant("tanh for every gate instead of the sigmoid for i, f and o")
def lstm_step__tanh_gates(x, h_prev, c_prev, W, U, b):
    x, h_prev, c_prev, W, U, b = (np.asarray(a, dtype=float) for a in (x, h_prev, c_prev, W, U, b))
    hd = h_prev.shape[-1]
    if U.shape != (hd, 4 * hd) or W.shape != (x.shape[-1], 4 * hd) or b.shape != (4 * hd,):
        raise ValueError("shapes")
    i, f, g, o = np.split(np.tanh(x @ W + h_prev @ U + b), 4, axis=-1)
    c = f * c_prev + i * g
    return o * np.tanh(c), c


@mutant("h = o * c, without the tanh of the cell state")
def lstm_step__no_tanh_of_c(x, h_prev, c_prev, W, U, b):
    x, h_prev, c_prev, W, U, b = (np.asarray(a, dtype=float) for a in (x, h_prev, c_prev, W, U, b))
    hd = h_prev.shape[-1]
    if U.shape != (hd, 4 * hd) or W.shape != (x.shape[-1], 4 * hd) or b.shape != (4 * hd,):
        raise ValueError("shapes")
    zi, zf, zg, zo = np.split(x @ W + h_prev @ U + b, 4, axis=-1)
    c = c_prev / (1 + np.exp(-zf)) + np.tanh(zg) / (1 + np.exp(-zi))
    return c / (1 + np.exp(-zo)), c


@mutant("the gate blocks in the order [i, g, f, o] (old TensorFlow) instead of Keras's [i, f, g, o]")
def lstm_step__block_order(x, h_prev, c_prev, W, U, b):
    x, h_prev, c_prev, W, U, b = (np.asarray(a, dtype=float) for a in (x, h_prev, c_prev, W, U, b))
    hd = h_prev.shape[-1]
    if U.shape != (hd, 4 * hd) or W.shape != (x.shape[-1], 4 * hd) or b.shape != (4 * hd,):
        raise ValueError("shapes")
    zi, zg, zf, zo = np.split(x @ W + h_prev @ U + b, 4, axis=-1)
    c = c_prev / (1 + np.exp(-zf)) + np.tanh(zg) / (1 + np.exp(-zi))
    return np.tanh(c) / (1 + np.exp(-zo)), c


# --- gru_step -----------------------------------------------------------------------------------

@mutant("the reset gate after the recurrent product, r * (h_prev @ U_h) (Keras's default reset_after=True)")
def gru_step__reset_after_product(x, h_prev, W, U, b):
    x, h_prev, W, U, b = (np.asarray(a, dtype=float) for a in (x, h_prev, W, U, b))
    hd = h_prev.shape[-1]
    if U.shape != (hd, 3 * hd) or W.shape != (x.shape[-1], 3 * hd) or b.shape != (3 * hd,):
        raise ValueError("shapes")
    a, m = x @ W + b, h_prev @ U
    z = 1 / (1 + np.exp(-(a[..., :hd] + m[..., :hd])))
    r = 1 / (1 + np.exp(-(a[..., hd:2 * hd] + m[..., hd:2 * hd])))
    h_til = np.tanh(a[..., 2 * hd:] + r * m[..., 2 * hd:])
    return z * h_prev + (1 - z) * h_til


@mutant("z and 1 - z swapped: h = (1 - z) * h_prev + z * h_til")
def gru_step__update_swapped(x, h_prev, W, U, b):
    x, h_prev, W, U, b = (np.asarray(a, dtype=float) for a in (x, h_prev, W, U, b))
    hd = h_prev.shape[-1]
    if U.shape != (hd, 3 * hd) or W.shape != (x.shape[-1], 3 * hd) or b.shape != (3 * hd,):
        raise ValueError("shapes")
    a, m = x @ W + b, h_prev @ U
    z = 1 / (1 + np.exp(-(a[..., :hd] + m[..., :hd])))
    r = 1 / (1 + np.exp(-(a[..., hd:2 * hd] + m[..., hd:2 * hd])))
    h_til = np.tanh(a[..., 2 * hd:] + (r * h_prev) @ U[:, 2 * hd:])
    return (1 - z) * h_prev + z * h_til


@mutant("the gate blocks in the order [r, z, h] instead of Keras's [z, r, h]")
def gru_step__gate_order(x, h_prev, W, U, b):
    x, h_prev, W, U, b = (np.asarray(a, dtype=float) for a in (x, h_prev, W, U, b))
    hd = h_prev.shape[-1]
    if U.shape != (hd, 3 * hd) or W.shape != (x.shape[-1], 3 * hd) or b.shape != (3 * hd,):
        raise ValueError("shapes")
    a, m = x @ W + b, h_prev @ U
    r = 1 / (1 + np.exp(-(a[..., :hd] + m[..., :hd])))
    z = 1 / (1 + np.exp(-(a[..., hd:2 * hd] + m[..., hd:2 * hd])))
    h_til = np.tanh(a[..., 2 * hd:] + (r * h_prev) @ U[:, 2 * hd:])
    return z * h_prev + (1 - z) * h_til


# --- autoregressive_rollout ---------------------------------------------------------------------

@mutant("no feedback: every prediction is made from the initial window")
def autoregressive_rollout__no_feedback(predict, window, n_future):
    w = np.array(window, dtype=float)
    if w.ndim != 2 or n_future < 0:
        raise ValueError("arguments")
    return np.array([np.asarray(predict(w.copy()), dtype=float).reshape(w.shape[1])
                     for _ in range(n_future)]).reshape(n_future, w.shape[1])


@mutant("puts the new prediction at the front of the window (newest first)")
def autoregressive_rollout__prepends(predict, window, n_future):
    w = np.array(window, dtype=float)
    if w.ndim != 2 or n_future < 0:
        raise ValueError("arguments")
    out = []
    for _ in range(n_future):
        y = np.asarray(predict(w.copy()), dtype=float).reshape(w.shape[1])
        out.append(y)
        w = np.vstack([y[None, :], w[:-1]])
    return np.array(out).reshape(n_future, w.shape[1])


@mutant("appends without dropping the oldest row: the window grows")
def autoregressive_rollout__growing_window(predict, window, n_future):
    w = np.array(window, dtype=float)
    if w.ndim != 2 or n_future < 0:
        raise ValueError("arguments")
    out = []
    for _ in range(n_future):
        y = np.asarray(predict(w.copy()), dtype=float).reshape(w.shape[1])
        out.append(y)
        w = np.vstack([w, y[None, :]])
    return np.array(out).reshape(n_future, w.shape[1])


# --- build_keras_rnn ----------------------------------------------------------------------------

@mutant("the Dense layer keeps its default bias: n_outputs parameters too many (10601)")
def build_keras_rnn__output_bias(n_features, n_hidden, n_outputs):
    import keras
    return keras.Sequential([keras.Input(shape=(None, n_features)), keras.layers.SimpleRNN(n_hidden),
                             keras.layers.Dense(n_outputs)])


@mutant("return_sequences=True: an output at every step, not sequence-to-one")
def build_keras_rnn__return_sequences(n_features, n_hidden, n_outputs):
    import keras
    return keras.Sequential([keras.Input(shape=(None, n_features)),
                             keras.layers.SimpleRNN(n_hidden, return_sequences=True),
                             keras.layers.Dense(n_outputs, use_bias=False)])


@mutant("a ReLU recurrent layer instead of tanh")
def build_keras_rnn__relu(n_features, n_hidden, n_outputs):
    import keras
    return keras.Sequential([keras.Input(shape=(None, n_features)),
                             keras.layers.SimpleRNN(n_hidden, activation="relu"),
                             keras.layers.Dense(n_outputs, use_bias=False)])
