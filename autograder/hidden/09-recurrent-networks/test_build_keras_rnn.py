"""Hidden tests of ``build_keras_rnn``: the architecture, and the forward pass with given weights.

Keras is not imported here: the model lives in the student's sandbox and is reached through remote
calls that return plain data (its config, its parameter count, weights, predictions).
"""

import numpy as np

from autograder.testing import RemoteObject, assert_close, assert_equal, graded


def _layers(model):
    config = model.get_config()
    assert isinstance(config, dict) and isinstance(config.get("layers"), list), \
        "build_keras_rnn must return a keras.Sequential model"
    return [layer for layer in config["layers"] if layer.get("class_name") != "InputLayer"]


@graded("build_keras_rnn", points=1)
def test_build_keras_rnn_has_the_architecture(student, rng):
    d, h, o = int(rng.integers(2, 6)), int(rng.integers(3, 12)), int(rng.integers(1, 4))
    model = student.build_keras_rnn(d, h, o)
    assert isinstance(model, RemoteObject) and model.type_name == "Sequential", \
        "build_keras_rnn must return a keras.Sequential model"
    layers = _layers(model)
    assert_equal([layer.get("class_name") for layer in layers], ["SimpleRNN", "Dense"], what="the layers")
    rnn, dense = layers[0]["config"], layers[1]["config"]
    assert_equal((rnn["units"], rnn["activation"], bool(rnn["return_sequences"]), bool(rnn["use_bias"])),
                 (h, "tanh", False, True), what="the SimpleRNN layer (units, activation, return_sequences, use_bias)")
    assert_equal((dense["units"], dense["activation"], bool(dense["use_bias"])), (o, "linear", False),
                 what="the Dense layer (units, activation, use_bias)")
    assert_equal(int(model.count_params()), h * (d + h + 1) + o * h, what="the number of parameters")
    shapes = [tuple(np.shape(w)) for w in model.get_weights()]
    assert_equal(shapes, [(d, h), (h, h), (h,), (h, o)], what="the shapes of the weights")


@graded("build_keras_rnn", points=2)
def test_build_keras_rnn_predicts_like_rnn_forward(student, reference, rng):
    for case in range(2):
        d, h, o = int(rng.integers(1, 4)), int(rng.integers(2, 7)), int(rng.integers(1, 3))
        n, T = int(rng.integers(2, 6)), int(rng.integers(3, 12))
        Wx, Wh = rng.normal(size=(h, d)), rng.normal(scale=0.5, size=(h, h))
        b, Wy = rng.normal(scale=0.3, size=h), rng.normal(size=(o, h))
        X = rng.normal(size=(n, T, d))
        model = student.build_keras_rnn(d, h, o)
        model.set_weights([w.astype(np.float32) for w in (Wx.T, Wh.T, b, Wy.T)])
        P = np.asarray(model.predict(X.astype(np.float32), verbose=0), dtype=float)
        expected = np.array([reference.rnn_forward(X[i], np.zeros(h), Wx, Wh, b, Wy)[1][-1] for i in range(n)])
        assert_close(P, expected, rtol=1e-4, atol=1e-5, what=f"model {case + 1}: the predictions with given weights")
