"""Hidden tests of multivar_gauss, fit_least_squares and conv2d: random inputs against the reference,
scipy, and properties (a density that integrates to 1, exact recovery of an affine law from nearly
collinear data, the sign of an edge detector)."""

import numpy as np
from scipy.signal import correlate2d
from scipy.stats import multivariate_normal

from autograder.testing import assert_close, assert_raises, graded


def _spd(rng, dim):
    q, _ = np.linalg.qr(rng.normal(size=(dim, dim)))
    return (q * rng.uniform(0.2, 3.0, dim)) @ q.T * 10.0 ** rng.uniform(-1, 1)


# ---------------------------------------------------------------- multivar_gauss


@graded("multivar_gauss", points=2)
def test_multivar_gauss_matches_reference(student, reference, rng):
    for dim, shape in ((1, (9,)), (2, (6,)), (2, (4, 5)), (3, (7,)), (5, (3, 4))):
        Sigma = _spd(rng, dim)
        mu = rng.normal(size=dim)
        vals = mu + rng.normal(size=(*shape, dim)) @ np.linalg.cholesky(Sigma).T * 1.5
        assert_close(student.multivar_gauss(vals, mu, Sigma), reference.multivar_gauss(vals, mu, Sigma),
                     rtol=1e-7, atol=0.0, what=f"multivar_gauss in {dim} dimensions at points of shape {vals.shape}")


@graded("multivar_gauss", points=1)
def test_multivar_gauss_on_a_grid_integrates_to_one(student, rng):
    course = (np.array([0.0, 1.0]), np.array([[1.0, -0.99], [-0.99, 2.2]]))
    s = rng.uniform(0.5, 2.0, 2)
    rho = rng.uniform(-0.8, 0.8)
    drawn = (rng.normal(size=2), np.array([[s[0] ** 2, rho * s[0] * s[1]], [rho * s[0] * s[1], s[1] ** 2]]))
    for label, (mu, Sigma) in (("the course's example", course), ("a correlated Gaussian", drawn)):
        sd = np.sqrt(np.diag(Sigma))
        x = np.linspace(mu[0] - 7 * sd[0], mu[0] + 7 * sd[0], 40)
        y = np.linspace(mu[1] - 7 * sd[1], mu[1] + 7 * sd[1], 40)
        grid = np.stack(np.meshgrid(x, y), axis=-1)
        p = student.multivar_gauss(grid, mu, Sigma)
        assert_close(p, multivariate_normal(mu, Sigma).pdf(grid), rtol=1e-7, atol=0.0,
                     what=f"multivar_gauss on a 40 x 40 grid ({label})")
        total = float(np.sum(p) * (x[1] - x[0]) * (y[1] - y[0]))
        assert abs(total - 1.0) < 1e-3, f"the density on the grid ({label}) does not integrate to 1"


# ---------------------------------------------------------------- fit_least_squares


@graded("fit_least_squares", points=2)
def test_fit_least_squares_matches_reference(student, reference, rng):
    cases = [rng.uniform(-2.0, 3.0, size=int(rng.integers(5, 30)))]               # one feature, 1-D
    cases += [rng.normal(size=(int(rng.integers(8, 40)), f)) * rng.uniform(0.5, 5.0, f) + rng.normal(size=f)
              for f in (1, 2, 4)]
    for X in cases:
        n = X.shape[0]
        A = np.column_stack([np.ones(n), X.reshape(n, -1)])
        y = A @ rng.normal(size=A.shape[1]) * 3.0 + rng.normal(size=n)
        assert_close(student.fit_least_squares(X, y), reference.fit_least_squares(X, y), rtol=1e-8, atol=1e-10,
                     what=f"fit_least_squares with X of shape {X.shape}")


@graded("fit_least_squares", points=1)
def test_fit_least_squares_nearly_collinear_columns_and_residuals(student, rng):
    # a feature that varies little about a large offset (a temperature 1000 K +- 0.01 K):
    # cond([1, X]) ~ 4e8: lstsq, pinv and QR keep w to ~1e-8, the normal equations (cond^2 ~ 1e17) lose it all
    n = 30
    X = 1000.0 + rng.uniform(-0.01, 0.01, size=(n, 2))
    w_true = rng.uniform(1.0, 3.0, 3) * rng.choice([-1.0, 1.0], 3)
    y = np.column_stack([np.ones(n), X]) @ w_true
    assert_close(student.fit_least_squares(X, y), w_true, rtol=1e-5, atol=0.0,
                 what="fit_least_squares on noise-free data with nearly collinear columns")
    # noisy stress-strain data: the residual is orthogonal to every column of A = [1, X]
    strain = rng.uniform(0.0, 2e-3, 25)
    stress = 5.0 + 210e3 * strain + rng.normal(0.0, 2.0, 25)                 # MPa
    w = np.asarray(student.fit_least_squares(strain, stress), dtype=float)
    assert w.shape == (2,), "fit_least_squares with one feature must return the bias and one slope"
    A = np.column_stack([np.ones(25), strain])
    r = stress - A @ w
    assert np.all(np.abs(A.T @ r) <= 1e-8 * np.linalg.norm(A, axis=0) * np.linalg.norm(stress)), \
        "the residual y - A w is not orthogonal to the columns of A = [1, X]: w does not minimise the squared error"
    assert_raises("ValueError", student.fit_least_squares, X, y[:-1])


# ---------------------------------------------------------------- conv2d


@graded("conv2d", points=2)
def test_conv2d_matches_reference(student, reference, rng):
    # (H, W, f, g, stride, padding): square and rectangular, strides that do and do not fit exactly
    for H, W, f, g, s, p in ((7, 9, 3, 2, 1, 0), (10, 12, 3, 4, 2, 0), (5, 7, 3, 3, 2, 1), (12, 13, 4, 3, 3, 2),
                             (11, 8, 2, 3, 2, 1), (6, 5, 6, 5, 1, 0)):
        image = rng.normal(size=(H, W))
        kernel = rng.normal(size=(f, g))
        assert_close(student.conv2d(image, kernel, s, p), reference.conv2d(image, kernel, s, p),
                     rtol=1e-9, atol=1e-12,
                     what=f"conv2d of a {H} x {W} image with a {f} x {g} kernel, stride {s}, padding {p}")


@graded("conv2d", points=1)
def test_conv2d_cross_correlation_edge_detector_and_errors(student, rng):
    image = rng.normal(size=(9, 8))
    kernel = rng.normal(size=(3, 3))
    assert_close(student.conv2d(image, kernel), correlate2d(image, kernel, mode="valid"), rtol=1e-9, atol=1e-12,
                 what="conv2d with stride 1 and no padding")
    # a bright region right of column c: the Sobel kernel [[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]]
    # gives +4 * height exactly in the windows that straddle the step, and 0 elsewhere
    c, height = int(rng.integers(3, 7)), float(rng.uniform(1.0, 5.0))
    step = np.zeros((8, 10))
    step[:, c:] = height
    sobel = np.array([[-1.0, 0.0, 1.0], [-2.0, 0.0, 2.0], [-1.0, 0.0, 1.0]])
    expected = np.zeros((6, 8))
    expected[:, c - 2:c] = 4.0 * height
    assert_close(student.conv2d(step, sobel), expected, rtol=1e-12, atol=1e-12,
                 what="conv2d of a step image with a Sobel edge detector")
    assert_raises("ValueError", student.conv2d, np.ones((3, 3)), np.ones((4, 2)))
    assert_raises("ValueError", student.conv2d, np.ones((5, 5)), np.ones((2, 2)), 0)
