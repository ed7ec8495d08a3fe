"""Hidden tests of ``build_keras_mlp``: the architecture, and the forward pass with given weights.

Keras is not imported here: the model lives in the student's sandbox and is reached through remote
calls that return plain data (its config, its parameter count, weights, predictions).
"""

import numpy as np

from autograder.testing import RemoteObject, assert_close, assert_equal, graded


def _dense_layers(model):
    config = model.get_config()
    assert isinstance(config, dict) and isinstance(config.get("layers"), list), \
        "build_keras_mlp must return a keras.Sequential model"
    return [(layer["config"]["units"], layer["config"]["activation"])
            for layer in config["layers"] if layer.get("class_name") == "Dense"]


@graded("build_keras_mlp", points=1)
def test_build_keras_mlp_has_the_architecture(student, rng):
    d, h, k = int(rng.integers(2, 6)), int(rng.integers(3, 12)), int(rng.integers(2, 5))
    model = student.build_keras_mlp(d, h, k)
    assert isinstance(model, RemoteObject) and model.type_name == "Sequential", \
        "build_keras_mlp must return a keras.Sequential model"
    assert_equal(_dense_layers(model), [(h, "tanh"), (k, "softmax")], what="the Dense layers (units, activation)")
    assert_equal(int(model.count_params()), d * h + h + h * k + k, what="the number of parameters")
    shapes = [tuple(np.shape(w)) for w in model.get_weights()]
    assert_equal(shapes, [(d, h), (h,), (h, k), (k,)], what="the shapes of the weights")


@graded("build_keras_mlp", points=2)
def test_build_keras_mlp_predicts_like_the_numpy_network(student, reference, rng):
    for case in range(2):
        d, h, k, n = int(rng.integers(1, 5)), int(rng.integers(2, 9)), int(rng.integers(2, 5)), int(rng.integers(3, 20))
        params = {"W1": rng.normal(size=(d, h)), "b1": rng.normal(size=h),
                  "W2": 2.0 * rng.normal(size=(h, k)), "b2": rng.normal(size=k)}
        X = rng.normal(size=(n, d))
        model = student.build_keras_mlp(d, h, k)
        model.set_weights([params[name].astype(np.float32) for name in ("W1", "b1", "W2", "b2")])
        P = np.asarray(model.predict(X.astype(np.float32), verbose=0), dtype=float)
        _, expected = reference.TwoLayerNet(params).forward(X)
        assert_close(P, expected, rtol=1e-4, atol=1e-6, what=f"network {case + 1}: the predictions with given weights")
