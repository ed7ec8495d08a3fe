"""Hidden tests of ``xor_network``: a 2-2-1 sigmoid network that computes XOR, also for noisy inputs."""

import numpy as np

from autograder.testing import graded

CORNERS = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
XOR = np.array([0, 1, 1, 0])


def _network(student):
    net = student.xor_network()
    assert isinstance(net, dict), "xor_network must return a dict"
    assert set(net) == {"W1", "b1", "W2", "b2"}, "the dict must have the keys W1, b1, W2, b2"
    shapes = {"W1": (2, 2), "b1": (2,), "W2": (2, 1), "b2": (1,)}
    arrays = {}
    for name, shape in shapes.items():
        value = np.asarray(net[name], dtype=float)
        assert value.shape == shape, f"{name} must have the shape {shape}"
        assert np.all(np.isfinite(value)), f"{name} must be finite"
        arrays[name] = value
    return arrays


def _forward(net, X):
    def sigma(z):
        return 0.5 * (1.0 + np.tanh(0.5 * z))
    return sigma(sigma(X @ net["W1"] + net["b1"]) @ net["W2"] + net["b2"])[:, 0]


@graded("xor_network", points=1)
def test_xor_network_computes_xor_on_the_corners(student):
    out = _forward(_network(student), CORNERS)
    assert np.all(out[XOR == 1] >= 0.95), "(0, 1) and (1, 0) must give an output of at least 0.95"
    assert np.all(out[XOR == 0] <= 0.05), "(0, 0) and (1, 1) must give an output of at most 0.05"


@graded("xor_network", points=1)
def test_xor_network_tolerates_noisy_inputs(student, rng):
    net = _network(student)
    corner = rng.integers(0, 4, size=400)
    X = CORNERS[corner] + rng.uniform(-0.2, 0.2, size=(400, 2))
    X[:16] = CORNERS[np.repeat(np.arange(4), 4)] + 0.2 * np.array([[1, 1], [1, -1], [-1, 1], [-1, -1]] * 4)
    corner[:16] = np.repeat(np.arange(4), 4)
    out = _forward(net, X)
    wrong = (out > 0.5) != (XOR[corner] == 1)
    assert not np.any(wrong), f"{int(wrong.sum())} of {len(X)} noisy inputs (within 0.2 of a corner) are misclassified"
