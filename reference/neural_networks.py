"""Reference solution of assignment 06-neural-networks (Chapter 6: logistic regression and neural networks).

Five tasks: the mean binary cross-entropy of logistic regression and its gradient (computed from the
logits, so that it stays exact where the sigmoid rounds to 0 or 1), hand-made weights of a 2-2-1
network that computes XOR, a numerically stable softmax with the categorical cross-entropy of one-hot
labels and its gradient with respect to the logits, a one-hidden-layer network (tanh, softmax) with
its forward pass and backpropagation, and the same network built with Keras.

Every task function is self-contained apart from the imports of the notebook's first code cell
(``numpy as np`` and ``keras``), because ``autograder solution`` pastes each function's source into the
student notebook. Keras is imported inside ``build_keras_mlp`` only, so that the trusted grading process,
which imports this module but never builds a model, does not pay for importing TensorFlow.
"""

import numpy as np


def logistic_loss_grad(w, X, y):
    """Mean binary cross-entropy of logistic regression and its gradient with respect to the weights.

    The model predicts the probability of class 1 (e.g. "the bar yields") as

        z = X @ w                    (the logits, shape (N,))
        p = sigma(z) = 1 / (1 + exp(-z))

    and the cost is the mean binary cross-entropy, the negative log-likelihood of Bernoulli labels
    divided by N:

        J(w)    = -(1/N) * sum_i [ y_i * ln(p_i) + (1 - y_i) * ln(1 - p_i) ]
        grad(w) =  (1/N) * X^T (p - y)              (error times input)

    J must be accurate (to a relative error of about 1e-12) for EVERY logit, also where p rounds to
    exactly 0 or 1 in floating point (|z| up to 1000): a confidently wrong sample with z = -700 and
    y = 1 costs 700 / N, not infinity and not the -ln(1e-7) of a clipped p. Use
    ln(p) = -ln(1 + e^(-z)) and ln(1 - p) = -ln(1 + e^(z)), evaluated with ``np.logaddexp(0, .)``;
    do not clip. No warnings may be needed either (compute sigma without overflowing exp).

    Parameters
    ----------
    w : array_like, shape (n,)
        The weights. For a model with an intercept, X has a column of ones and w its weight.
    X : array_like, shape (N, n)
        The design matrix, one row per sample (N >= 1).
    y : array_like, shape (N,)
        The labels, 0 or 1 (any value in [0, 1] is allowed: a probability as a "soft" label).

    Returns
    -------
    (float, numpy.ndarray of float, shape (n,))
        J and its gradient dJ/dw.

    Raises
    ------
    ValueError
        If X is not 2-D with N >= 1 rows, w is not 1-D with X.shape[1] entries, y is not 1-D with N
        entries, or a label lies outside [0, 1].
    """
    w = np.asarray(w, dtype=float)
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    if X.ndim != 2 or X.shape[0] < 1:
        raise ValueError("X must be a 2-D array with at least one row")
    if w.ndim != 1 or w.shape[0] != X.shape[1]:
        raise ValueError("w must be 1-D with one entry per column of X")
    if y.ndim != 1 or y.shape[0] != X.shape[0]:
        raise ValueError("y must be 1-D with one entry per row of X")
    if np.any((y < 0.0) | (y > 1.0)) or np.any(np.isnan(y)):
        raise ValueError("labels must lie in [0, 1]")
    z = X @ w
    # y ln(1 + e^-z) + (1 - y) ln(1 + e^z) = ln(1 + e^z) - y z
    loss = float(np.mean(np.logaddexp(0.0, z) - y * z))
    p = np.exp(-np.logaddexp(0.0, -z))                 # sigma(z) without overflow
    grad = X.T @ (p - y) / X.shape[0]
    return loss, grad


def xor_network():
    """Weights of a 2-2-1 network of sigmoid neurons that computes XOR.

    The network, for an input row x = [x1, x2] (or a batch X of shape (N, 2)):

        h     = sigma(x @ W1 + b1)        hidden layer, 2 neurons, shape (2,)
        y_hat = sigma(h @ W2 + b2)[0]     output neuron

    with sigma(z) = 1 / (1 + exp(-z)). Column j of W1 holds the input weights of hidden neuron j
    (the convention of Keras's Dense layers: kernels of shape (inputs, outputs)).

    Requirements on the returned weights (finite floats):

    * on the four corners of the truth table, y_hat >= 0.95 for (0, 1) and (1, 0) and
      y_hat <= 0.05 for (0, 0) and (1, 1);
    * the network tolerates noisy inputs: every x whose coordinates each differ by at most 0.2 from
      those of a corner is classified like that corner (y_hat > 0.5 for XOR = 1, y_hat < 0.5 for
      XOR = 0).

    Hint: XOR(x1, x2) = AND(OR(x1, x2), NAND(x1, x2)), and a neuron with large weights is an almost
    sharp threshold.

    Returns
    -------
    dict
        {"W1": array of shape (2, 2), "b1": array of shape (2,),
         "W2": array of shape (2, 1), "b2": array of shape (1,)}
    """
    W1 = np.array([[20.0, -20.0],
                   [20.0, -20.0]])       # column 0: OR, column 1: NAND
    b1 = np.array([-10.0, 30.0])
    W2 = np.array([[20.0], [20.0]])     # AND of the two hidden neurons
    b2 = np.array([-30.0])
    return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}


def softmax_cross_entropy(Y, Z):
    """Softmax of the logits, the mean categorical cross-entropy of the labels, and its gradient.

    For N samples (rows) and K classes, with one-hot labels Y (Y[i, k] = 1 if sample i belongs to
    class k) and logits Z:

        P[i, k] = exp(Z[i, k]) / sum_j exp(Z[i, j])                 (softmax of each row)
        L       = -(1/N) * sum_i sum_k Y[i, k] * ln(P[i, k])         (= -(1/N) sum_i ln P[i, class of i])
        dL/dZ   = (P - Y) / N

    L is the negative log-likelihood of categorical labels, divided by N. It is NOT the sum of K
    binary cross-entropies, -sum_k [y_k ln p_k + (1 - y_k) ln(1 - p_k)]: the softmax outputs are
    coupled (they sum to 1), and that loss is neither the likelihood of one class label nor
    consistent with the gradient (P - Y) / N.

    Numerics (required): the softmax does not change if a constant is added to all logits of one
    row, so subtract the largest logit of EACH ROW, m_i, before exponentiating (the largest of the
    whole batch is not enough: a row of small logits would underflow to 0 / 0). Compute the logarithm
    with the log-sum-exp form ln P[i, k] = Z[i, k] - m_i - ln sum_j exp(Z[i, j] - m_i), never as the
    logarithm of a rounded or clipped P. P, L and dL/dZ must be finite and accurate for logits as
    large as +-1000; a sample whose true class trails the best logit by 1000 costs 1000 / N.
    The gradient formula holds for any rows of Y that sum to 1 (soft labels), which are allowed.

    Parameters
    ----------
    Y : array_like, shape (N, K)
        One-hot labels (or rows of class probabilities that sum to 1), N >= 1, K >= 1.
    Z : array_like, shape (N, K)
        The logits (the output layer before the softmax).

    Returns
    -------
    (numpy.ndarray, float, numpy.ndarray)
        P of shape (N, K) (every row sums to 1), L, and dL/dZ of shape (N, K).

    Raises
    ------
    ValueError
        If Y or Z is not 2-D, N == 0 or K == 0, or their shapes differ.
    """
    Y = np.asarray(Y, dtype=float)
    Z = np.asarray(Z, dtype=float)
    if Y.ndim != 2 or Z.ndim != 2 or Y.shape != Z.shape or Z.shape[0] == 0 or Z.shape[1] == 0:
        raise ValueError("Y and Z must be 2-D arrays of the same, non-empty shape")
    n = Z.shape[0]
    shifted = Z - np.max(Z, axis=1, keepdims=True)
    log_p = shifted - np.log(np.sum(np.exp(shifted), axis=1, keepdims=True))
    P = np.exp(log_p)
    loss = float(-np.sum(Y * log_p) / n)
    return P, loss, (P - Y) / n


class TwoLayerNet:
    """A feed-forward network with one hidden layer: tanh hidden neurons, a softmax output.

    ``TwoLayerNet(params)`` stores float copies of the weights in the attribute ``params``, a dict

        {"W1": (D, H), "b1": (H,), "W2": (H, K), "b2": (K,)}

    (D inputs, H hidden neurons, K classes; kernels have the shape (inputs, outputs), as in
    ``keras.layers.Dense``). The copies are what the methods use, so a training loop may update
    ``net.params[name]`` in place; the caller's arrays are never modified. It raises ``ValueError``
    if a key is missing or the shapes do not fit together.

    Forward pass, with the N samples as the rows of X (N, D):

        Z1 = X @ W1 + b1        (N, H)    b1 is added to every row
        A1 = tanh(Z1)           (N, H)    the hidden activations
        Z2 = A1 @ W2 + b2       (N, K)    the logits
        P  = softmax(Z2)        (N, K)    row-wise, numerically stable (as in Task 3)

    and the loss for one-hot labels Y (N, K) is the mean categorical cross-entropy
    L = -(1/N) sum_i sum_k Y[i, k] ln P[i, k]. Backpropagation (row-wise samples):

        Delta2 = dL/dZ2 = (P - Y) / N                           (N, K)
        dL/dW2 = A1^T Delta2,    dL/db2 = sum of the rows of Delta2
        Delta1 = dL/dZ1 = (Delta2 @ W2^T) * (1 - A1**2)        (N, H)   tanh'(z) = 1 - tanh(z)^2
        dL/dW1 = X^T Delta1,     dL/db1 = sum of the rows of Delta1

    (In the course's column notation: delta^(l) = [W^(l) delta^(l+1)] * a'(z^(l)) and
    dJ/dW_ij^(l) = n_i^(l) delta_j^(l+1).) The gradients must agree with central finite differences
    of L. You may call your ``softmax_cross_entropy`` of Task 3 inside the methods.

    * ``forward(X)``: returns (A1, P), float arrays of shapes (N, H) and (N, K); P must be finite,
      with rows summing to 1, also for logits of size 1000.
    * ``backward(X, Y)``: runs the forward pass itself and returns (L, grads) with L a float and
      grads = {"W1": dL/dW1, "b1": dL/db1, "W2": dL/dW2, "b2": dL/db2}, each a float array of the
      shape of its parameter. Y may also hold rows of class probabilities (soft labels).
    """

    def __init__(self, params):
        """Store float copies of the weights in ``self.params``; ValueError for a missing key or unfit shapes."""
        try:
            self.params = {name: np.array(params[name], dtype=float) for name in ("W1", "b1", "W2", "b2")}
        except KeyError as missing:
            raise ValueError(f"the parameter {missing} is missing") from None
        W1, b1, W2, b2 = (self.params[name] for name in ("W1", "b1", "W2", "b2"))
        if (W1.ndim != 2 or W2.ndim != 2 or b1.shape != (W1.shape[1],) or W2.shape[0] != W1.shape[1]
                or b2.shape != (W2.shape[1],)):
            raise ValueError("the shapes of W1, b1, W2 and b2 do not fit together")

    def forward(self, X):
        """The hidden activations A1 (N, H) and the class probabilities P (N, K) of the inputs X (N, D)."""
        X = np.asarray(X, dtype=float)
        p = self.params
        A1 = np.tanh(X @ p["W1"] + p["b1"])
        Z2 = A1 @ p["W2"] + p["b2"]
        e = np.exp(Z2 - np.max(Z2, axis=1, keepdims=True))
        return A1, e / np.sum(e, axis=1, keepdims=True)

    def backward(self, X, Y):
        """The mean cross-entropy L of the labels Y (N, K) and its gradients, a dict keyed like ``params``."""
        X = np.asarray(X, dtype=float)
        Y = np.asarray(Y, dtype=float)
        p = self.params
        n = X.shape[0]
        A1 = np.tanh(X @ p["W1"] + p["b1"])
        Z2 = A1 @ p["W2"] + p["b2"]
        shifted = Z2 - np.max(Z2, axis=1, keepdims=True)
        log_p = shifted - np.log(np.sum(np.exp(shifted), axis=1, keepdims=True))
        loss = float(-np.sum(Y * log_p) / n)
        delta2 = (np.exp(log_p) - Y) / n
        delta1 = (delta2 @ p["W2"].T) * (1.0 - A1 ** 2)
        grads = {"W1": X.T @ delta1, "b1": delta1.sum(axis=0),
                 "W2": A1.T @ delta2, "b2": delta2.sum(axis=0)}
        return loss, grads


def build_keras_mlp(n_inputs, n_hidden, n_classes):
    """The network of ``TwoLayerNet`` as an (uncompiled) ``keras.Sequential`` model.

    The model must consist of exactly these layers, in this order:

    * ``keras.Input(shape=(n_inputs,))`` (so that the model is built and has weights at once),
    * ``keras.layers.Dense(n_hidden, activation="tanh")``,
    * ``keras.layers.Dense(n_classes, activation="softmax")``.

    Its weights, ``model.get_weights()``, are then [W1 (n_inputs, n_hidden), b1 (n_hidden,),
    W2 (n_hidden, n_classes), b2 (n_classes,)], the arrays of ``TwoLayerNet.params``: after
    ``model.set_weights([W1, b1, W2, b2])``, ``model.predict(X)`` returns the P of
    ``TwoLayerNet(params).forward(X)`` (in float32). Do not compile or train the model here.

    Parameters
    ----------
    n_inputs, n_hidden, n_classes : int
        The numbers of inputs, hidden neurons and classes (all >= 1).

    Returns
    -------
    keras.Sequential
    """
    import keras  # already imported in the notebook; here so that this module loads without TensorFlow

    return keras.Sequential([
        keras.Input(shape=(n_inputs,)),
        keras.layers.Dense(n_hidden, activation="tanh"),
        keras.layers.Dense(n_classes, activation="softmax"),
    ])
