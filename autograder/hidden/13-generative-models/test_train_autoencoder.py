"""Hidden tests of ``train_autoencoder``: invalid arguments, the architecture, and the learning curve.

Keras is not imported here: the model lives in the student's sandbox and is reached through remote
calls that return plain data (its config, parameter count, predictions). Training costs a few
seconds of CPU, so the two tests of the trained model share ONE training run per grading (the cache
below holds the result for the ``student`` object of the current grading only).
"""

import numpy as np
import pytest

from autograder.testing import RemoteObject, assert_equal, assert_raises, graded

N_IMAGES, SIZE, LATENT, EPOCHS = 240, 12, 4, 12
FACTOR = 0.4            # the last epoch's loss must be at most FACTOR times the first epoch's (the notebook says so)
_TRAINED = {}


def _microstructures(rng, n, size):
    """Periodic unit cells of a fibre composite: one round fibre (1) of random centre and radius in a matrix (0)."""
    grid = np.arange(size) + 0.5
    centres = rng.uniform(0.0, size, size=(n, 2))
    radii = rng.uniform(1.5, 4.0, size=n)
    dy = np.abs(grid[None, :] - centres[:, :1])
    dx = np.abs(grid[None, :] - centres[:, 1:])
    dy, dx = np.minimum(dy, size - dy), np.minimum(dx, size - dx)          # periodic distances
    return (dy[:, :, None] ** 2 + dx[:, None, :] ** 2 <= radii[:, None, None] ** 2).astype(float)


@pytest.fixture(autouse=True, scope="module")
def _forget_the_training():
    """Drop the cached training run (and the grading's student object) once this module's tests are done."""
    yield
    _TRAINED.clear()


def _trained(student, rng):
    """(x, n_hidden, model, losses) of one training run, shared by the tests of the same grading."""
    if _TRAINED.get("student") is not student:
        _TRAINED.clear()
        _TRAINED["student"] = student
        x = _microstructures(rng, N_IMAGES, SIZE).reshape(N_IMAGES, SIZE * SIZE)
        n_hidden = int(rng.choice([32, 48, 64]))
        try:
            result = student.train_autoencoder(x, LATENT, EPOCHS, int(rng.integers(0, 10_000)), n_hidden)
        except Exception as error:  # noqa: BLE001  (the second test reports the same failure)
            _TRAINED["error"] = error
        else:
            assert isinstance(result, (tuple, list)) and len(result) == 2, \
                "train_autoencoder must return a tuple (model, losses)"
            _TRAINED["result"] = (x, n_hidden, *result)
    if "error" in _TRAINED:
        raise _TRAINED["error"]
    return _TRAINED["result"]


@graded("train_autoencoder", points=1)
def test_train_autoencoder_rejects_invalid_arguments(student, rng):
    x = _microstructures(rng, 8, 6).reshape(8, 36)
    assert_raises("ValueError", student.train_autoencoder, x, 36, 1)               # no bottleneck
    assert_raises("ValueError", student.train_autoencoder, 255.0 * x, 4, 1)       # pixel values not in [0, 1]
    assert_raises("ValueError", student.train_autoencoder, x[0], 4, 1)            # not a 2-D array


@graded("train_autoencoder", points=1)
def test_train_autoencoder_has_the_architecture(student, rng):
    x, n_hidden, model, losses = _trained(student, rng)
    d = SIZE * SIZE
    assert isinstance(model, RemoteObject) and model.type_name == "Sequential", \
        "train_autoencoder must return a keras.Sequential model"
    config = model.get_config()
    assert isinstance(config, dict) and isinstance(config.get("layers"), list), "the model's config is unreadable"
    layers = [layer for layer in config["layers"] if layer.get("class_name") != "InputLayer"]
    assert_equal([layer.get("class_name") for layer in layers], ["Dense"] * 4, what="the layer types")
    assert_equal([(layer["config"]["units"], layer["config"]["activation"]) for layer in layers],
                 [(n_hidden, "relu"), (LATENT, "linear"), (n_hidden, "relu"), (d, "sigmoid")],
                 what="the Dense layers (units, activation)")
    assert_equal(layers[1]["config"]["name"], "code", what="the name of the bottleneck layer")
    assert_equal(int(model.count_params()), 2 * d * n_hidden + 2 * n_hidden * LATENT + 2 * n_hidden + LATENT + d,
                 what="the number of parameters")
    assert_equal(tuple(model.output_shape), (None, d), what="the output shape")


@graded("train_autoencoder", points=2)
def test_train_autoencoder_learns_the_microstructures(student, rng):
    x, _, model, losses = _trained(student, rng)
    assert isinstance(losses, (list, tuple)) and len(losses) == EPOCHS, \
        "the losses must be a list with one entry per epoch"
    losses = np.asarray(losses, dtype=float)
    assert np.all(np.isfinite(losses)), "the training losses must be finite"
    assert losses[-1] <= FACTOR * losses[0], \
        f"the loss of the last epoch is not below {FACTOR} times that of the first epoch"
    output = model(x.astype(np.float32))                          # a direct call: no tracing, unlike predict
    predicted = np.asarray(output.numpy() if isinstance(output, RemoteObject) else output, dtype=float)
    predicted = np.clip(predicted, 1e-7, 1 - 1e-7)
    assert predicted.shape == x.shape, "the model must return one reconstructed image per row"
    bce = -np.mean(x * np.log(predicted) + (1 - x) * np.log(1 - predicted))
    assert bce <= FACTOR * losses[0], "the returned model does not reconstruct the images as a trained model should"
    assert 0.5 <= losses[-1] / bce <= 2.0, \
        "the returned losses are not the binary cross-entropy of the returned model"
