"""Plausible wrong implementations of the tasks of 06-neural-networks; each must lose points."""

import numpy as np

from autograder.mutants import mutant


# --- logistic_loss_grad -------------------------------------------------------------------------

@mutant("gradient with the wrong sign, X^T (y - p) / N: gradient descent then climbs")
def logistic_loss_grad__sign(w, X, y):
    w, X, y = np.asarray(w, dtype=float), np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    if X.ndim != 2 or w.ndim != 1 or y.ndim != 1 or w.size != X.shape[1] or y.size != X.shape[0]:
        raise ValueError("shapes")
    if np.any((y < 0) | (y > 1)):
        raise ValueError("labels")
    z = X @ w
    p = np.exp(-np.logaddexp(0.0, -z))
    return float(np.mean(np.logaddexp(0.0, z) - y * z)), X.T @ (y - p) / len(y)


@mutant("clips p to [1e-7, 1 - 1e-7] before the logarithm, as Keras does with probabilities")
def logistic_loss_grad__clipped(w, X, y):
    w, X, y = np.asarray(w, dtype=float), np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    if X.ndim != 2 or w.ndim != 1 or y.ndim != 1 or w.size != X.shape[1] or y.size != X.shape[0]:
        raise ValueError("shapes")
    if np.any((y < 0) | (y > 1)):
        raise ValueError("labels")
    p = np.exp(-np.logaddexp(0.0, -(X @ w)))
    q = np.clip(p, 1e-7, 1 - 1e-7)
    loss = -np.mean(y * np.log(q) + (1 - y) * np.log(1 - q))
    return float(loss), X.T @ (p - y) / len(y)


@mutant("multiplies by sigma'(z) = p (1 - p) once more, as for a squared error")
def logistic_loss_grad__extra_sigma_prime(w, X, y):
    w, X, y = np.asarray(w, dtype=float), np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    if X.ndim != 2 or w.ndim != 1 or y.ndim != 1 or w.size != X.shape[1] or y.size != X.shape[0]:
        raise ValueError("shapes")
    if np.any((y < 0) | (y > 1)):
        raise ValueError("labels")
    z = X @ w
    p = np.exp(-np.logaddexp(0.0, -z))
    return float(np.mean(np.logaddexp(0.0, z) - y * z)), X.T @ ((p - y) * p * (1 - p)) / len(y)


# --- xor_network --------------------------------------------------------------------------------

@mutant("the right logic (OR, NAND, then AND) with unit-size weights: soft thresholds, outputs near 1/2")
def xor_network__small_weights():
    return {"W1": np.array([[1.0, -1.0], [1.0, -1.0]]), "b1": np.array([-0.5, 1.5]),
            "W2": np.array([[1.0], [1.0]]), "b2": np.array([-1.5])}


@mutant("hidden AND and NOR combined by OR: that is XNOR")
def xor_network__xnor():
    return {"W1": np.array([[20.0, -20.0], [20.0, -20.0]]), "b1": np.array([-30.0, 10.0]),
            "W2": np.array([[20.0], [20.0]]), "b2": np.array([-10.0])}


@mutant("the weights of each hidden neuron in a row of W1 instead of a column")
def xor_network__transposed_w1():
    return {"W1": np.array([[20.0, 20.0], [-20.0, -20.0]]), "b1": np.array([-10.0, 30.0]),
            "W2": np.array([[20.0], [20.0]]), "b2": np.array([-30.0])}


# --- softmax_cross_entropy ----------------------------------------------------------------------

@mutant("no shift before exp: overflow and nan for logits of size 1000")
def softmax_cross_entropy__no_shift(Y, Z):
    Y, Z = np.asarray(Y, dtype=float), np.asarray(Z, dtype=float)
    if Y.ndim != 2 or Y.shape != Z.shape or Z.size == 0:
        raise ValueError("shapes")
    e = np.exp(Z)
    P = e / e.sum(axis=1, keepdims=True)
    return P, float(-np.sum(Y * np.log(P)) / len(Z)), (P - Y) / len(Z)


@mutant("the script's eq. 93: a binary cross-entropy per class, summed over the classes")
def softmax_cross_entropy__per_class_bce(Y, Z):
    Y, Z = np.asarray(Y, dtype=float), np.asarray(Z, dtype=float)
    if Y.ndim != 2 or Y.shape != Z.shape or Z.size == 0:
        raise ValueError("shapes")
    e = np.exp(Z - Z.max(axis=1, keepdims=True))
    P = e / e.sum(axis=1, keepdims=True)
    Q = np.clip(P, 1e-15, 1 - 1e-15)
    loss = -np.sum(Y * np.log(Q) + (1 - Y) * np.log(1 - Q)) / len(Z)
    return P, float(loss), (P - Y) / len(Z)


@mutant("clips P to [1e-7, 1] before the logarithm instead of using log-sum-exp")
def softmax_cross_entropy__clipped(Y, Z):
    Y, Z = np.asarray(Y, dtype=float), np.asarray(Z, dtype=float)
    if Y.ndim != 2 or Y.shape != Z.shape or Z.size == 0:
        raise ValueError("shapes")
    e = np.exp(Z - Z.max(axis=1, keepdims=True))
    P = e / e.sum(axis=1, keepdims=True)
    return P, float(-np.sum(Y * np.log(np.clip(P, 1e-7, 1.0))) / len(Z)), (P - Y) / len(Z)


# --- TwoLayerNet --------------------------------------------------------------------------------

@mutant("tanh' evaluated at the pre-activation: 1 - Z1^2 instead of 1 - A1^2")
class TwoLayerNet__derivative_of_z:
    def __init__(self, params):
        if not all(name in params for name in ("W1", "b1", "W2", "b2")):
            raise ValueError("missing")
        self.params = {name: np.array(params[name], dtype=float) for name in ("W1", "b1", "W2", "b2")}
        if self.params["b1"].shape != (self.params["W1"].shape[1],) or \
                self.params["W2"].shape[0] != self.params["W1"].shape[1] or \
                self.params["b2"].shape != (self.params["W2"].shape[1],):
            raise ValueError("shapes")

    def forward(self, X):
        A1 = np.tanh(np.asarray(X, dtype=float) @ self.params["W1"] + self.params["b1"])
        Z2 = A1 @ self.params["W2"] + self.params["b2"]
        e = np.exp(Z2 - Z2.max(axis=1, keepdims=True))
        return A1, e / e.sum(axis=1, keepdims=True)

    def backward(self, X, Y):
        X, Y = np.asarray(X, dtype=float), np.asarray(Y, dtype=float)
        Z1 = X @ self.params["W1"] + self.params["b1"]
        A1, P = self.forward(X)
        d2 = (P - Y) / len(X)
        d1 = (d2 @ self.params["W2"].T) * (1 - Z1 ** 2)
        loss = float(-np.sum(Y * np.log(P)) / len(X))
        return loss, {"W1": X.T @ d1, "b1": d1.sum(0), "W2": A1.T @ d2, "b2": d2.sum(0)}


@mutant("forgets the activation derivative: Delta1 = Delta2 W2^T")
class TwoLayerNet__no_activation_derivative:
    def __init__(self, params):
        if not all(name in params for name in ("W1", "b1", "W2", "b2")):
            raise ValueError("missing")
        self.params = {name: np.array(params[name], dtype=float) for name in ("W1", "b1", "W2", "b2")}
        if self.params["b1"].shape != (self.params["W1"].shape[1],) or \
                self.params["W2"].shape[0] != self.params["W1"].shape[1] or \
                self.params["b2"].shape != (self.params["W2"].shape[1],):
            raise ValueError("shapes")

    def forward(self, X):
        A1 = np.tanh(np.asarray(X, dtype=float) @ self.params["W1"] + self.params["b1"])
        Z2 = A1 @ self.params["W2"] + self.params["b2"]
        e = np.exp(Z2 - Z2.max(axis=1, keepdims=True))
        return A1, e / e.sum(axis=1, keepdims=True)

    def backward(self, X, Y):
        X, Y = np.asarray(X, dtype=float), np.asarray(Y, dtype=float)
        A1, P = self.forward(X)
        d2 = (P - Y) / len(X)
        d1 = d2 @ self.params["W2"].T
        loss = float(-np.sum(Y * np.log(P)) / len(X))
        return loss, {"W1": X.T @ d1, "b1": d1.sum(0), "W2": A1.T @ d2, "b2": d2.sum(0)}


@mutant("the summed instead of the mean cross-entropy (loss and gradients consistent, but N times too large)")
class TwoLayerNet__sum_not_mean:
    def __init__(self, params):
        if not all(name in params for name in ("W1", "b1", "W2", "b2")):
            raise ValueError("missing")
        self.params = {name: np.array(params[name], dtype=float) for name in ("W1", "b1", "W2", "b2")}
        if self.params["b1"].shape != (self.params["W1"].shape[1],) or \
                self.params["W2"].shape[0] != self.params["W1"].shape[1] or \
                self.params["b2"].shape != (self.params["W2"].shape[1],):
            raise ValueError("shapes")

    def forward(self, X):
        A1 = np.tanh(np.asarray(X, dtype=float) @ self.params["W1"] + self.params["b1"])
        Z2 = A1 @ self.params["W2"] + self.params["b2"]
        e = np.exp(Z2 - Z2.max(axis=1, keepdims=True))
        return A1, e / e.sum(axis=1, keepdims=True)

    def backward(self, X, Y):
        X, Y = np.asarray(X, dtype=float), np.asarray(Y, dtype=float)
        A1, P = self.forward(X)
        d2 = P - Y
        d1 = (d2 @ self.params["W2"].T) * (1 - A1 ** 2)
        loss = float(-np.sum(Y * np.log(P)))
        return loss, {"W1": X.T @ d1, "b1": d1.sum(0), "W2": A1.T @ d2, "b2": d2.sum(0)}


# --- build_keras_mlp ----------------------------------------------------------------------------

@mutant("ReLU hidden layer instead of tanh")
def build_keras_mlp__relu(n_inputs, n_hidden, n_classes):
    import keras
    return keras.Sequential([keras.Input(shape=(n_inputs,)), keras.layers.Dense(n_hidden, activation="relu"),
                             keras.layers.Dense(n_classes, activation="softmax")])


@mutant("linear output layer: returns the logits, not probabilities")
def build_keras_mlp__no_softmax(n_inputs, n_hidden, n_classes):
    import keras
    return keras.Sequential([keras.Input(shape=(n_inputs,)), keras.layers.Dense(n_hidden, activation="tanh"),
                             keras.layers.Dense(n_classes)])


@mutant("independent sigmoid outputs instead of a softmax over the classes")
def build_keras_mlp__sigmoid_output(n_inputs, n_hidden, n_classes):
    import keras
    return keras.Sequential([keras.Input(shape=(n_inputs,)), keras.layers.Dense(n_hidden, activation="tanh"),
                             keras.layers.Dense(n_classes, activation="sigmoid")])
