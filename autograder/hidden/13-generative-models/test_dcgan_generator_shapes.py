"""Hidden tests of ``dcgan_generator_shapes``: a DCGAN that doubles its size, random chains, bad arguments."""

import numpy as np

from autograder.testing import assert_equal, assert_raises, graded


def _normalised(result, what):
    assert isinstance(result, (tuple, list)) and len(result) == 2, f"{what}: expected a tuple (shapes, n_params)"
    shapes, n_params = result
    assert isinstance(shapes, (tuple, list)), f"{what}: the shapes must be a list of tuples"
    try:
        return [tuple(int(v) for v in shape) for shape in shapes], int(n_params)
    except (TypeError, ValueError):
        raise AssertionError(f"{what}: the shapes must be tuples of integers and n_params an integer") from None


@graded("dcgan_generator_shapes", points=1)
def test_dcgan_generator_doubles_the_image_with_same_padding(student, rng):
    latent, start, channels = int(rng.integers(16, 129)), int(rng.choice([3, 4])), int(rng.choice([256, 512]))
    kernel, n_layers, colours = int(rng.choice([4, 5])), int(rng.integers(2, 5)), int(rng.choice([1, 3]))
    filters = [channels // 2 ** (i + 1) for i in range(n_layers - 1)] + [colours]
    layers = [(f, kernel, 2, "same") for f in filters]
    shapes, n_params = _normalised(student.dcgan_generator_shapes(latent, (start, start, channels), layers), "DCGAN")
    expected = [(latent,), (start, start, channels)]
    expected += [(start * 2 ** (i + 1), start * 2 ** (i + 1), f) for i, f in enumerate(filters)]
    assert_equal(shapes, expected, what="the shapes of a DCGAN generator (stride 2, same padding)")
    count = (latent + 1) * start * start * channels
    for c_in, c_out in zip([channels] + filters[:-1], filters):
        count += kernel * kernel * c_in * c_out + c_out
    assert_equal(n_params, count, what="the number of parameters of a DCGAN generator")


@graded("dcgan_generator_shapes", points=1)
def test_dcgan_generator_shapes_match_the_reference(student, reference, rng):
    for case in range(3):
        start = (int(rng.integers(1, 6)), int(rng.integers(1, 6)), int(rng.integers(1, 9)))
        layers = []
        for _ in range(int(rng.integers(2, 5))):
            stride = int(rng.integers(1, 4))
            kernel = int(rng.integers(1, stride)) if stride > 1 and rng.random() < 0.4 else int(rng.integers(stride, 6))
            layers.append((int(rng.integers(1, 9)), kernel, stride, str(rng.choice(["same", "valid"]))))
        layers[0] = (layers[0][0], 1, 2, "valid")                 # a kernel smaller than the stride
        layers[1] = (layers[1][0], 3, 2, "valid")
        latent = int(rng.integers(1, 20))
        got = _normalised(student.dcgan_generator_shapes(latent, start, layers), f"chain {case + 1}")
        shapes, n_params = reference.dcgan_generator_shapes(latent, start, layers)
        assert_equal(got[0], [tuple(s) for s in shapes], what=f"chain {case + 1}: the shapes")
        assert_equal(got[1], int(n_params), what=f"chain {case + 1}: the number of parameters")


@graded("dcgan_generator_shapes", points=1)
def test_dcgan_generator_shapes_without_layers_and_bad_padding(student, rng):
    latent = int(rng.integers(2, 50))
    start = (int(rng.integers(2, 8)), int(rng.integers(2, 8)), int(rng.integers(1, 9)))
    got = _normalised(student.dcgan_generator_shapes(latent, start, []), "no transposed convolutions")
    assert_equal(got, ([(latent,), start], (latent + 1) * int(np.prod(start))),
                 what="the shapes and parameters of the Dense projection alone")
    assert_raises("ValueError", student.dcgan_generator_shapes, latent, start, [(4, 3, 2, "full")])
    assert_raises("ValueError", student.dcgan_generator_shapes, latent, start, [(4, 3, 0, "same")])
