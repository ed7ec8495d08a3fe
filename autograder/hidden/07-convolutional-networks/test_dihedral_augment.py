"""Hidden tests of ``dihedral_augment``: the 8 symmetries of a square image and the rotated tensor labels."""

import numpy as np

from autograder.testing import assert_close, assert_equal, assert_raises, graded


def _fabric(phi):
    """Fabric tensor mean(grad phi (x) grad phi), periodic central differences, x = column, y = row."""
    phi = np.asarray(phi, dtype=float)
    gx = (np.roll(phi, -1, axis=1) - np.roll(phi, 1, axis=1)) / 2
    gy = (np.roll(phi, -1, axis=0) - np.roll(phi, 1, axis=0)) / 2
    return np.array([[np.mean(gx * gx), np.mean(gx * gy)], [np.mean(gx * gy), np.mean(gy * gy)]])


def _microstructure(rng, n):
    """A binary image (0: matrix, 1: inclusion) with a few tilted elliptic inclusions, so K_xy != 0."""
    rows, cols = np.mgrid[0:n, 0:n] + 0.5
    image = np.zeros((n, n), dtype=int)
    angle = rng.uniform(0.2, 1.3)
    for _ in range(3):
        cx, cy = rng.uniform(0, n, 2)
        u = (cols - cx) * np.cos(angle) + (rows - cy) * np.sin(angle)
        v = -(cols - cx) * np.sin(angle) + (rows - cy) * np.cos(angle)
        image[(u / (0.35 * n)) ** 2 + (v / (0.1 * n)) ** 2 <= 1.0] = 1
    return image


def _result(student, image, K, what):
    result = student.dihedral_augment(image, K)
    assert isinstance(result, (tuple, list)) and len(result) == 2, f"{what}: expected a pair (images, Ks)"
    return np.asarray(result[0]), np.asarray(result[1], dtype=float)


@graded("dihedral_augment", points=1)
def test_dihedral_augment_matches_reference(student, reference, rng):
    for case in range(3):
        n = int(rng.integers(2, 9))
        image = rng.normal(size=(n, n))
        K = rng.normal(size=(2, 2))
        K = K @ K.T + (0.0 if case < 2 else np.array([[0.0, 0.3], [-0.3, 0.0]]))  # the last one not symmetric
        images, Ks = _result(student, image, K, f"case {case + 1}")
        expected_images, expected_Ks = reference.dihedral_augment(image, K)
        assert_close(images, expected_images, rtol=0.0, atol=0.0, what=f"case {case + 1}: the images")
        assert_close(Ks, expected_Ks, rtol=1e-12, atol=1e-14, what=f"case {case + 1}: the labels")


@graded("dihedral_augment", points=1)
def test_dihedral_augment_labels_fit_the_augmented_microstructures(student, rng):
    n = int(rng.integers(12, 24))
    image = _microstructure(rng, n)
    images, Ks = _result(student, image, _fabric(image), "microstructure")
    assert images.shape == (8, n, n) and Ks.shape == (8, 2, 2), "expected shapes (8, H, H) and (8, 2, 2)"
    assert_equal(images[0], image, what="the first image (the original)")
    assert len({im.tobytes() for im in images.astype(int)}) == 8, "the 8 images must be different symmetries"
    for index in range(8):
        assert np.isclose(images[index].mean(), image.mean(), rtol=1e-12), "the volume fraction must not change"
        assert_close(Ks[index], _fabric(images[index]), rtol=1e-10, atol=1e-14,
                     what=f"label {index} compared with the fabric tensor of image {index}")


@graded("dihedral_augment", points=1)
def test_dihedral_augment_checks_its_arguments(student, rng):
    K = np.eye(2)
    assert_raises("ValueError", student.dihedral_augment, rng.normal(size=(4, 5)), K)
    assert_raises("ValueError", student.dihedral_augment, rng.normal(size=(4, 4, 1)), K)
    assert_raises("ValueError", student.dihedral_augment, rng.normal(size=(4, 4)), np.eye(3))
    images, Ks = _result(student, np.ones((1, 1)), K, "a 1 x 1 image")
    assert images.shape == (8, 1, 1) and np.allclose(Ks, np.eye(2)), "a 1 x 1 image with K = I"
