"""Hidden tests of ``build_crack_cnn``: the architecture, and the forward pass with given weights.

Keras is not imported here: the model lives in the student's sandbox and is reached through remote
calls that return plain data (its config, its parameter count, weights, predictions). The expected
predictions come from the reference's NumPy layers.
"""

import numpy as np

from autograder.testing import RemoteObject, assert_close, assert_equal, graded


def _layers(model):
    config = model.get_config()
    assert isinstance(config, dict) and isinstance(config.get("layers"), list), \
        "build_crack_cnn must return a keras.Sequential model"
    return [layer for layer in config["layers"] if layer.get("class_name") != "InputLayer"]


@graded("build_crack_cnn", points=1)
def test_build_crack_cnn_has_the_architecture(student, rng):
    H, W, F = int(rng.integers(6, 20)), int(rng.integers(6, 20)), int(rng.integers(2, 7))
    model = student.build_crack_cnn(H, W, F)
    assert isinstance(model, RemoteObject) and model.type_name == "Sequential", \
        "build_crack_cnn must return a keras.Sequential model"
    layers = _layers(model)
    assert_equal([layer["class_name"] for layer in layers],
                 ["Conv2D", "MaxPooling2D", "Conv2D", "GlobalAveragePooling2D", "Dense"], what="the layer types")
    convs = [(layer["config"]["filters"], tuple(layer["config"]["kernel_size"]), layer["config"]["padding"],
              layer["config"]["activation"]) for layer in layers if layer["class_name"] == "Conv2D"]
    assert_equal(convs, [(F, (3, 3), "same", "relu"), (2 * F, (3, 3), "valid", "relu")],
                 what="the convolutions (filters, kernel size, padding, activation)")
    assert_equal(int(model.count_params()), 10 * F + 18 * F * F + 2 * F + 2 * F + 1, what="the number of parameters")
    shapes = [tuple(np.shape(w)) for w in model.get_weights()]
    assert_equal(shapes, [(3, 3, 1, F), (F,), (3, 3, F, 2 * F), (2 * F,), (2 * F, 1), (1,)],
                 what="the shapes of the weights")
    assert_equal(tuple(model.output_shape), (None, 1), what="the output shape")


@graded("build_crack_cnn", points=2)
def test_build_crack_cnn_predicts_like_the_numpy_layers(student, reference, rng):
    for case in range(2):
        H, W, F, n = int(rng.integers(6, 15)), int(rng.integers(6, 15)), int(rng.integers(2, 5)), 3
        weights = [rng.normal(scale=0.5, size=(3, 3, 1, F)), rng.normal(scale=0.2, size=F),
                   rng.normal(scale=0.3, size=(3, 3, F, 2 * F)), rng.normal(scale=0.2, size=2 * F),
                   rng.normal(scale=1.5, size=(2 * F, 1)), rng.normal(scale=0.2, size=1)]
        images = rng.normal(size=(n, H, W, 1))
        model = student.build_crack_cnn(H, W, F)
        model.set_weights([w.astype(np.float32) for w in weights])
        output = model(images.astype(np.float32))                 # a direct call: no tracing, unlike predict
        predicted = np.asarray(output.numpy() if isinstance(output, RemoteObject) else output, dtype=float)
        expected = []
        for image in images:
            a1 = np.maximum(reference.conv2d(image, weights[0], padding=1) + weights[1], 0.0)
            a2 = np.maximum(reference.conv2d(reference.MaxPool2D(2).forward(a1), weights[2]) + weights[3], 0.0)
            expected.append(1.0 / (1.0 + np.exp(-(a2.mean(axis=(0, 1)) @ weights[4] + weights[5]))))
        assert_close(predicted, np.array(expected), rtol=1e-4, atol=1e-5,
                     what=f"network {case + 1}: the predicted crack probabilities with given weights")
