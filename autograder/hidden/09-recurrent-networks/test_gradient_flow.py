"""Hidden tests of ``gradient_flow``: norms of products of recurrent Jacobians, spectral radius."""

import numpy as np

from autograder.testing import assert_close, graded


def _flow(student, Wh, H, what):
    result = student.gradient_flow(Wh, H)
    assert isinstance(result, (tuple, list)) and len(result) == 2, f"{what}: expected a pair (norms, rho)"
    return result


@graded("gradient_flow", points=1)
def test_gradient_flow_matches_reference(student, reference, rng):
    for case in range(3):
        hd = int(rng.integers(2, 6))
        T = (1, int(rng.integers(5, 15)), int(rng.integers(15, 30)))[case]
        Wh = rng.normal(scale=1.2 / np.sqrt(hd), size=(hd, hd))
        H = np.tanh(rng.normal(scale=1.0, size=(T, hd)))
        norms, rho = _flow(student, Wh, H, f"case {case + 1}")
        expected_norms, expected_rho = reference.gradient_flow(Wh, H)
        assert_close(norms, expected_norms, rtol=1e-8, atol=1e-14, what=f"case {case + 1}: the norms")
        assert_close(rho, expected_rho, rtol=1e-8, what=f"case {case + 1}: the spectral radius")
    norms, _ = _flow(student, Wh, np.zeros((0, Wh.shape[0])), "no time steps")
    assert np.shape(norms) == (0,), "for T = 0 the norms must be an empty array of shape (0,)"


@graded("gradient_flow", points=1)
def test_gradient_flow_of_a_linear_rnn_grows_like_rho_to_the_t(student, rng):
    # H = 0: every tanh factor is 1 and dh_t/dh_0 = Wh^t; for a symmetric Wh its norm is rho^t exactly
    hd, T = int(rng.integers(3, 6)), int(rng.integers(10, 25))
    Q, _ = np.linalg.qr(rng.normal(size=(hd, hd)))
    for case, rho in enumerate((rng.uniform(0.6, 0.9), rng.uniform(1.05, 1.3))):
        eigenvalues = rng.uniform(-1.0, 1.0, size=hd) * rho
        eigenvalues[0] = -rho if case == 0 else rho
        Wh = Q @ np.diag(eigenvalues) @ Q.T
        norms, got_rho = _flow(student, Wh, np.zeros((T, hd)), f"symmetric Wh {case + 1}")
        assert_close(got_rho, rho, rtol=1e-9, what=f"symmetric Wh {case + 1}: the spectral radius")
        assert_close(norms, rho ** np.arange(1, T + 1), rtol=1e-8,
                     what=f"symmetric Wh {case + 1}: the norms ||dh_t/dh_0|| of a linear RNN")
    # a non-normal Wh: its largest singular value exceeds its spectral radius
    a = rng.uniform(0.5, 0.9)
    Wh = np.array([[a, rng.uniform(2.0, 4.0)], [0.0, -a]])
    _, got_rho = _flow(student, Wh, np.zeros((3, 2)), "a triangular Wh")
    assert_close(got_rho, a, rtol=1e-9, what="the spectral radius of a non-symmetric Wh (largest |eigenvalue|)")


@graded("gradient_flow", points=1)
def test_gradient_flow_includes_the_tanh_derivatives(student, rng):
    # a diagonal Wh decouples the units: dh_t/dh_0 is diagonal with entries prod_k w_j (1 - h_kj^2)
    hd, T = int(rng.integers(2, 5)), int(rng.integers(6, 15))
    w = rng.uniform(0.8, 1.5, size=hd) * rng.choice([-1.0, 1.0], size=hd)
    H = np.tanh(rng.normal(scale=0.8, size=(T, hd)))
    norms, _ = _flow(student, np.diag(w), H, "a diagonal Wh")
    expected = np.max(np.abs(np.cumprod(w * (1.0 - H ** 2), axis=0)), axis=1)
    assert_close(norms, expected, rtol=1e-8, atol=1e-14, what="the norms for a diagonal Wh and saturating states")
