"""Reference solution of assignment 09-recurrent-networks (Chapter 8: recurrent neural networks).

Seven tasks: the forward pass of a vanilla (Elman) RNN over a sequence, backpropagation through time
for the summed squared error, the norms of the products of recurrent Jacobians that make gradients
vanish or explode, one step of an LSTM cell in the Keras layout (gate blocks [i, f, g, o]), one step
of a GRU cell in the course convention (keras.layers.GRUCell with reset_after=False, gate blocks
[z, r, h]), the autoregressive rollout of a one-step predictor, and a Keras SimpleRNN model with the
script's parameter count. (Gradient clipping and the windowing of a time series are given code in the
notebook, not tasks: every grading imports TensorFlow, so the number of tasks and mutants is kept
small.)

Every task function is self-contained apart from the imports of the notebook's first code cell
(``numpy as np`` and ``keras``), because ``autograder solution`` pastes each function's source into the
student notebook. Keras is imported inside ``build_keras_rnn`` only, so that the trusted grading
process, which imports this module but never builds a model, does not pay for importing TensorFlow.
"""

import numpy as np


def rnn_forward(X, h0, Wx, Wh, b, Wy):
    """Forward pass of a vanilla RNN over one sequence, in the course's column-vector notation.

    For t = 1, ..., T (row t - 1 of X holds the input x_t):

        h_t     = tanh(Wh @ h_{t-1} + Wx @ x_t + b)      the hidden state, shape (Hd,)
        y_hat_t = Wy @ h_t                               a linear output (regression), shape (O,)

    The same weights are used at every time step (the unrolled network shares them). The initial
    state h0 = h_0 is given; it is NOT a row of the returned H.

    Parameters
    ----------
    X : array_like, shape (T, D)
        The input sequence, one time step per row, T >= 1.
    h0 : array_like, shape (Hd,)
        The initial hidden state.
    Wx : array_like, shape (Hd, D)
        Input-to-hidden weights.
    Wh : array_like, shape (Hd, Hd)
        Hidden-to-hidden (recurrent) weights.
    b : array_like, shape (Hd,)
        Hidden bias.
    Wy : array_like, shape (O, Hd)
        Hidden-to-output weights (no output bias, as in the script).

    Returns
    -------
    (numpy.ndarray, numpy.ndarray)
        H of shape (T, Hd) with H[t - 1] = h_t, and Y_hat of shape (T, O) with Y_hat[t - 1] = y_hat_t.

    Raises
    ------
    ValueError
        If X is not 2-D with at least one row, or the shapes of h0, Wx, Wh, b, Wy do not fit together
        and with D = X.shape[1].
    """
    X = np.asarray(X, dtype=float)
    h = np.asarray(h0, dtype=float)
    Wx, Wh = np.asarray(Wx, dtype=float), np.asarray(Wh, dtype=float)
    b, Wy = np.asarray(b, dtype=float), np.asarray(Wy, dtype=float)
    if X.ndim != 2 or X.shape[0] < 1 or h.ndim != 1:
        raise ValueError("X must be 2-D with at least one row and h0 1-D")
    hd, d = h.shape[0], X.shape[1]
    if Wx.shape != (hd, d) or Wh.shape != (hd, hd) or b.shape != (hd,) or Wy.ndim != 2 or Wy.shape[1] != hd:
        raise ValueError("the shapes of h0, Wx, Wh, b and Wy do not fit together")
    H = np.empty((X.shape[0], hd))
    for t, x in enumerate(X):
        h = np.tanh(Wh @ h + Wx @ x + b)
        H[t] = h
    return H, H @ Wy.T


def rnn_bptt(X, Y, h0, Wx, Wh, b, Wy):
    """Loss and gradients of the vanilla RNN of ``rnn_forward`` by backpropagation through time.

    The loss sums the squared errors over ALL time steps (a many-to-many regression):

        L = 1/2 * sum_t || y_t - y_hat_t ||^2          (a sum, not a mean)

    Backwards in time, for t = T, ..., 1, with a_t = Wh @ h_{t-1} + Wx @ x_t + b and h_t = tanh(a_t):

        e_t     = dL/dy_hat_t = y_hat_t - y_t                            (O,)
        dL/dh_t = Wy^T @ e_t + Wh^T @ delta_{t+1}                      (Hd,)   (no second term at t = T)
        delta_t = dL/da_t = dL/dh_t * (1 - h_t**2)                     (Hd,)   tanh' = 1 - tanh^2
        dL/dWy += outer(e_t, h_t)       dL/dWx += outer(delta_t, x_t)
        dL/dWh += outer(delta_t, h_{t-1})   (with h_{t-1} = h0 at t = 1)    dL/db += delta_t

    The recursion carries every later error back to step t through the shared recurrent weights, so
    dL/dWh collects contributions from all earlier steps. The gradients must agree with central finite
    differences of L. You may call your ``rnn_forward`` inside.

    Parameters
    ----------
    X : array_like, shape (T, D)
        The input sequence (T >= 1).
    Y : array_like, shape (T, O)
        The targets y_t, one row per time step.
    h0, Wx, Wh, b, Wy
        As in ``rnn_forward``: shapes (Hd,), (Hd, D), (Hd, Hd), (Hd,), (O, Hd). You may assume that
        all shapes fit together.

    Returns
    -------
    (float, dict)
        L, and {"Wx": dL/dWx, "Wh": dL/dWh, "b": dL/db, "Wy": dL/dWy}, each a float array of the shape
        of its parameter.
    """
    X, Y = np.asarray(X, dtype=float), np.asarray(Y, dtype=float)
    h0 = np.asarray(h0, dtype=float)
    Wx, Wh = np.asarray(Wx, dtype=float), np.asarray(Wh, dtype=float)
    b, Wy = np.asarray(b, dtype=float), np.asarray(Wy, dtype=float)
    T = X.shape[0]
    H = np.empty((T, h0.shape[0]))
    h = h0
    for t in range(T):
        h = np.tanh(Wh @ h + Wx @ X[t] + b)
        H[t] = h
    E = H @ Wy.T - Y
    loss = 0.5 * float(np.sum(E ** 2))
    grads = {"Wx": np.zeros_like(Wx), "Wh": np.zeros_like(Wh), "b": np.zeros_like(b), "Wy": E.T @ H}
    delta_next = np.zeros_like(h0)
    for t in range(T - 1, -1, -1):
        h_prev = H[t - 1] if t > 0 else h0
        delta = (Wy.T @ E[t] + Wh.T @ delta_next) * (1.0 - H[t] ** 2)
        grads["Wx"] += np.outer(delta, X[t])
        grads["Wh"] += np.outer(delta, h_prev)
        grads["b"] += delta
        delta_next = delta
    return loss, grads


def gradient_flow(Wh, H):
    """How a perturbation of h_0 reaches later steps: the norms of the products of recurrent Jacobians.

    For the tanh RNN h_t = tanh(Wh @ h_{t-1} + Wx @ x_t + b), the Jacobian of one step is

        J_t = dh_t/dh_{t-1} = diag(1 - h_t**2) @ Wh            (the tanh derivative on the LEFT)

    and by the chain rule dh_t/dh_0 = J_t @ J_{t-1} @ ... @ J_1 (the latest step on the left).
    Backpropagation through time multiplies gradients by the transposes of these products, so their
    norms shrink (vanishing gradients) or grow (exploding gradients) roughly like rho^t, where
    rho = max_k |lambda_k(Wh)| is the spectral radius of Wh; the tanh factors 0 < 1 - h^2 <= 1 only
    shrink them further.

    Parameters
    ----------
    Wh : array_like, shape (Hd, Hd)
        The recurrent weights.
    H : array_like, shape (T, Hd)
        The hidden states h_1, ..., h_T (row t - 1 holds h_t), e.g. the H of ``rnn_forward``; any
        values are accepted (H = 0 gives the Jacobians of a linear RNN). T may be 0.

    Returns
    -------
    (numpy.ndarray, float)
        norms of shape (T,) with norms[t - 1] = || dh_t/dh_0 ||_2, the spectral norm (largest
        singular value, ``np.linalg.norm(M, 2)``) of the product, and the spectral radius rho of Wh
        (largest absolute value of its possibly complex eigenvalues).

    Raises
    ------
    ValueError
        If Wh is not square or H is not 2-D with Hd columns.
    """
    Wh = np.asarray(Wh, dtype=float)
    H = np.asarray(H, dtype=float)
    if Wh.ndim != 2 or Wh.shape[0] != Wh.shape[1]:
        raise ValueError("Wh must be a square matrix")
    if H.ndim != 2 or H.shape[1] != Wh.shape[0]:
        raise ValueError("H must be 2-D with one column per hidden unit")
    product = np.eye(Wh.shape[0])
    norms = np.empty(H.shape[0])
    for t, h in enumerate(H):
        product = ((1.0 - h ** 2)[:, None] * Wh) @ product
        norms[t] = np.linalg.norm(product, 2)
    return norms, float(np.max(np.abs(np.linalg.eigvals(Wh))))


def lstm_step(x, h_prev, c_prev, W, U, b):
    """One time step of an LSTM cell, with the weights in the layout of ``keras.layers.LSTM``.

    With row vectors (Keras's convention) the pre-activations of the four gates are

        z = x @ W + h_prev @ U + b          shape (4 Hd,), the blocks [z_i, z_f, z_g, z_o] in this order

    (block k is z[k*Hd:(k+1)*Hd]; Keras's kernel, recurrent_kernel and bias have exactly this layout),
    and with the logistic sigmoid s(z) = 1 / (1 + exp(-z)):

        i = s(z_i)     input gate           f = s(z_f)     forget gate
        g = tanh(z_g)  candidate values     o = s(z_o)     output gate
        c = f * c_prev + i * g              the new cell state (elementwise products)
        h = o * tanh(c)                     the new hidden state

    The gates i, f, o use the sigmoid (values in (0, 1), they scale), only the candidate g uses tanh.
    A batch works the same way: x of shape (N, D) with h_prev and c_prev of shape (N, Hd) give h and c
    of shape (N, Hd).

    Parameters
    ----------
    x : array_like, shape (D,) or (N, D)
        The input at this step.
    h_prev, c_prev : array_like, shape (Hd,) or (N, Hd)
        The previous hidden state and cell state.
    W : array_like, shape (D, 4 Hd)
        Input weights (Keras: ``kernel``).
    U : array_like, shape (Hd, 4 Hd)
        Recurrent weights (Keras: ``recurrent_kernel``).
    b : array_like, shape (4 Hd,)
        Biases (Keras: ``bias``).

    Returns
    -------
    (numpy.ndarray, numpy.ndarray)
        h and c, float arrays of the shape of h_prev.

    Raises
    ------
    ValueError
        If U is not of shape (Hd, 4 Hd) with Hd = h_prev.shape[-1], W not of shape (D, 4 Hd) with
        D = x.shape[-1], b not of shape (4 Hd,), or c_prev not of the shape of h_prev.
    """
    x, h_prev, c_prev = (np.asarray(a, dtype=float) for a in (x, h_prev, c_prev))
    W, U, b = (np.asarray(a, dtype=float) for a in (W, U, b))
    hd = h_prev.shape[-1]
    if (U.shape != (hd, 4 * hd) or W.shape != (x.shape[-1], 4 * hd) or b.shape != (4 * hd,)
            or c_prev.shape != h_prev.shape):
        raise ValueError("the shapes of x, h_prev, c_prev, W, U and b do not fit together")
    z = x @ W + h_prev @ U + b
    z_i, z_f, z_g, z_o = (z[..., k * hd:(k + 1) * hd] for k in range(4))
    i, f, o = (1.0 / (1.0 + np.exp(-v)) for v in (z_i, z_f, z_o))
    c = f * c_prev + i * np.tanh(z_g)
    return o * np.tanh(c), c


def gru_step(x, h_prev, W, U, b):
    """One time step of a GRU cell in the course convention (Keras: ``GRUCell(reset_after=False)``).

    With row vectors (Keras's convention), a single bias and the column blocks of W, U and b in the
    order [z, r, h] (block k is v[..., k*Hd:(k+1)*Hd]) and the logistic sigmoid s(v) = 1 / (1 + exp(-v)):

        z     = s(x @ W_z + h_prev @ U_z + b_z)                 update gate
        r     = s(x @ W_r + h_prev @ U_r + b_r)                 reset gate
        h_til = tanh(x @ W_h + (r * h_prev) @ U_h + b_h)        candidate: the reset gate scales h_prev
                                                                BEFORE the recurrent matrix product
        h     = z * h_prev + (1 - z) * h_til

    So z = 1 keeps the old state, z = 0 replaces it by the candidate: z plays the role of the course's
    f in h_t = f * h_{t-1} + (1 - f) * g. (Keras's default, reset_after=True, applies r after the
    product, r * (h_prev @ U_h + b_rec_h), with a second bias row; that is not what is asked here.)
    A batch works the same way: x of shape (N, D) with h_prev of shape (N, Hd) gives h of shape (N, Hd).

    Parameters
    ----------
    x : array_like, shape (D,) or (N, D)
        The input at this step.
    h_prev : array_like, shape (Hd,) or (N, Hd)
        The previous hidden state.
    W : array_like, shape (D, 3 Hd)
        Input weights (Keras: ``kernel``), column blocks [z, r, h].
    U : array_like, shape (Hd, 3 Hd)
        Recurrent weights (Keras: ``recurrent_kernel``), column blocks [z, r, h].
    b : array_like, shape (3 Hd,)
        Bias (Keras: ``bias`` with reset_after=False), blocks [z, r, h].

    Returns
    -------
    numpy.ndarray
        h, a float array of the shape of h_prev.

    Raises
    ------
    ValueError
        If U is not of shape (Hd, 3 Hd) with Hd = h_prev.shape[-1], W not of shape (D, 3 Hd) with
        D = x.shape[-1], or b not of shape (3 Hd,).
    """
    x, h_prev = np.asarray(x, dtype=float), np.asarray(h_prev, dtype=float)
    W, U, b = (np.asarray(a, dtype=float) for a in (W, U, b))
    hd = h_prev.shape[-1]
    if U.shape != (hd, 3 * hd) or W.shape != (x.shape[-1], 3 * hd) or b.shape != (3 * hd,):
        raise ValueError("the shapes of x, h_prev, W, U and b do not fit together")
    a = x @ W + b
    z = 1.0 / (1.0 + np.exp(-(a[..., :hd] + h_prev @ U[:, :hd])))
    r = 1.0 / (1.0 + np.exp(-(a[..., hd:2 * hd] + h_prev @ U[:, hd:2 * hd])))
    h_til = np.tanh(a[..., 2 * hd:] + (r * h_prev) @ U[:, 2 * hd:])
    return z * h_prev + (1.0 - z) * h_til


def autoregressive_rollout(predict, window, n_future):
    """Predict n_future steps ahead by feeding a one-step predictor its own predictions.

    ``predict`` maps a window of the n_steps most recent values, an array of shape (n_steps, F), to
    the next value, F numbers. Starting from the given window (the last known values), repeat
    n_future times:

        y_next = predict(current)                          convert with np.asarray(..., dtype=float).reshape(F)
        current = [current[1:], y_next]                    drop the oldest row, append y_next as the newest

    so that ``predict`` always receives exactly n_steps rows, oldest first, and from step n_steps + 1
    on it sees only its own predictions (a free, autoregressive rollout; compare teacher forcing, where
    every window holds measured values). ``predict`` is called exactly n_future times.

    Parameters
    ----------
    predict : callable
        One-step predictor, called with a float array of shape (n_steps, F).
    window : array_like, shape (n_steps, F)
        The most recent known values, oldest first (n_steps >= 1, F >= 1).
    n_future : int
        The number of steps to predict, >= 0.

    Returns
    -------
    numpy.ndarray of float, shape (n_future, F)
        The predictions, row k = the value k + 1 steps after the window.

    Raises
    ------
    ValueError
        If window is not 2-D with at least one row, or n_future < 0.
    """
    current = np.array(window, dtype=float)
    if current.ndim != 2 or current.shape[0] < 1:
        raise ValueError("window must be 2-D with at least one row")
    if n_future < 0:
        raise ValueError("n_future must not be negative")
    f = current.shape[1]
    out = np.empty((n_future, f))
    for k in range(n_future):
        out[k] = np.asarray(predict(current.copy()), dtype=float).reshape(f)
        current = np.vstack([current[1:], out[k][None, :]])
    return out


def build_keras_rnn(n_features, n_hidden, n_outputs):
    """The vanilla RNN of ``rnn_forward`` as a sequence-to-one ``keras.Sequential`` model (uncompiled).

    The model must consist of exactly these layers, in this order:

    * ``keras.Input(shape=(None, n_features))`` (sequences of any length; built at once),
    * ``keras.layers.SimpleRNN(n_hidden)`` (tanh, with bias, returning only the last state h_T),
    * ``keras.layers.Dense(n_outputs, use_bias=False)`` (linear, WITHOUT bias, as in the script).

    Its parameter count is then the script's n_hidden * (n_features + n_hidden + 1) + n_outputs *
    n_hidden (10600 for 4 inputs, 100 hidden units and 1 output; a Dense layer with its default bias
    would add n_outputs). Its weights, ``model.get_weights()``, are [Wx^T (n_features, n_hidden),
    Wh^T (n_hidden, n_hidden), b (n_hidden,), Wy^T (n_hidden, n_outputs)]: Keras multiplies row vectors
    from the left, h_t = tanh(x_t @ Wx^T + h_{t-1} @ Wh^T + b), with h_0 = 0. So after
    ``model.set_weights([Wx.T, Wh.T, b, Wy.T])``, ``model.predict(Xb)`` for a batch Xb of shape
    (N, T, n_features) returns the last output row ``rnn_forward(Xb[n], zeros, Wx, Wh, b, Wy)[1][-1]``
    of every sequence n, as an array of shape (N, n_outputs) (in float32). Do not compile or train
    the model here.

    Parameters
    ----------
    n_features, n_hidden, n_outputs : int
        The numbers of input features, hidden units and outputs (all >= 1).

    Returns
    -------
    keras.Sequential
    """
    import keras  # already imported in the notebook; here so that this module loads without TensorFlow

    return keras.Sequential([
        keras.Input(shape=(None, n_features)),
        keras.layers.SimpleRNN(n_hidden),
        keras.layers.Dense(n_outputs, use_bias=False),
    ])
