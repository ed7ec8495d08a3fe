"""Hidden tests of generate_shapes: a PCA model of NACA 4-digit airfoils, held-out shapes, covariance."""

import numpy as np

from autograder.testing import assert_close, assert_raises, graded


def _naca4(m, p, t, n_stations=51):
    """A NACA 4-digit contour (max camber m, its position p, thickness t; fractions of the chord).

    Cosine-spaced stations; the thickness is laid off perpendicular to the camber line. Returns the
    contour from the trailing edge over the upper surface and the leading edge back along the lower
    surface (2 n_stations - 1 points) as one vector: all x coordinates, then all y coordinates.
    """
    x = 0.5 * (1.0 - np.cos(np.linspace(0.0, np.pi, n_stations)))
    yt = 5.0 * t * (0.2969 * np.sqrt(x) - 0.1260 * x - 0.3516 * x**2 + 0.2843 * x**3 - 0.1015 * x**4)
    front = x < p
    yc = np.where(front, m / p**2 * (2 * p * x - x**2), m / (1 - p) ** 2 * (1 - 2 * p + 2 * p * x - x**2))
    theta = np.arctan(np.where(front, 2 * m / p**2 * (p - x), 2 * m / (1 - p) ** 2 * (p - x)))
    xu, yu = x - yt * np.sin(theta), yc + yt * np.cos(theta)
    xl, yl = x + yt * np.sin(theta), yc - yt * np.cos(theta)
    return np.concatenate([xu[::-1], xl[1:], yu[::-1], yl[1:]])


def _family(rng, n):
    m = rng.uniform(0.0, 0.06, n)
    p = rng.uniform(0.25, 0.6, n)
    t = rng.uniform(0.08, 0.2, n)
    return np.array([_naca4(*q) for q in zip(m, p, t)])


def _model(reference, rng, k):
    shapes = _family(rng, int(rng.integers(60, 100)))
    _, R, variances, mean = reference.pca_svd(shapes, k)
    return mean, R, variances


@graded("generate_shapes", points=2)
def test_generate_shapes_of_an_airfoil_model_match_reference(student, reference, rng):
    for k in (3, int(rng.integers(4, 9))):
        mean, R, variances = _model(reference, rng, k)
        c = rng.normal(size=(int(rng.integers(2, 7)), k)) * rng.uniform(0.5, 3.0)
        expected = reference.generate_shapes(mean, R, variances, c)
        shapes = student.generate_shapes(mean, R, variances, c)
        assert_close(shapes, expected, rtol=1e-9, atol=1e-12,
                     what=f"generate_shapes with {k} components and {len(c)} coefficient sets")
        assert_close(student.generate_shapes(mean, R, variances, c[0]), expected[0], rtol=1e-9, atol=1e-12,
                     what="generate_shapes with one coefficient vector of shape (k,)")
        assert_close(student.generate_shapes(mean, R, variances, np.zeros((2, k))), np.tile(mean, (2, 1)),
                     rtol=0.0, atol=1e-14, what="generate_shapes with zero coefficients (the mean shape)")
    assert_raises("ValueError", student.generate_shapes, mean, R, variances, np.zeros((2, k + 1)))
    assert_raises("ValueError", student.generate_shapes, mean, R, variances[:-1], np.zeros((2, k)))
    assert_raises("ValueError", student.generate_shapes, mean[:-1], R, variances, np.zeros((2, k)))
    assert_raises("ValueError", student.generate_shapes, mean, R, -variances, np.zeros((2, k)))


@graded("generate_shapes", points=1)
def test_generate_shapes_reconstructs_held_out_airfoils_and_has_the_model_covariance(student, reference, rng):
    k = 6
    mean, R, variances = _model(reference, rng, k)
    # held-out airfoils: their coefficients in standard deviations decode to their projections
    held_out = _family(rng, 3)
    c = (held_out - mean) @ R / np.sqrt(variances)
    shapes = np.asarray(student.generate_shapes(mean, R, variances, c), dtype=float)
    assert_close(shapes, reference.pca_reconstruct(held_out, mean, R), rtol=0.0, atol=1e-10,
                 what="generate_shapes with the coefficients of held-out airfoils (their projections)")
    assert np.max(np.abs(shapes - held_out)) < 1e-2, \
        "generate_shapes with the coefficients of held-out airfoils: the shapes are far from the airfoils"
    # whitened coefficients (zero mean, identity covariance, exactly): the generated shapes have the
    # model's mean and covariance R diag(variances) R^T
    M = 40
    q, _ = np.linalg.qr(np.column_stack([np.ones(M), rng.normal(size=(M, k))]))
    c = np.sqrt(M) * q[:, 1:]
    shapes = np.asarray(student.generate_shapes(mean, R, variances, c), dtype=float)
    assert shapes.shape == (M, len(mean)), "generate_shapes returns an array of the wrong shape"
    assert_close(shapes.mean(axis=0), mean, rtol=0.0, atol=1e-12,
                 what="the mean of shapes generated from coefficients with zero mean")
    centred = shapes - mean
    assert_close(centred.T @ centred / M, (R * variances) @ R.T, rtol=0.0, atol=1e-9 * variances[0],
                 what="the covariance of shapes generated from coefficients with unit covariance")
    assert_close(centred @ R, c * np.sqrt(variances), rtol=1e-9, atol=1e-12,
                 what="the components of generated shapes (c_i standard deviations along r_i)")
