"""Hidden tests of bar_stiffness and zero_modes: assembly, a loaded bar, rigid-body modes of trusses."""

import numpy as np

from autograder.testing import assert_close, assert_raises, graded


def _stiffness_values(rng):
    n_el = int(rng.integers(3, 15))
    EA = float(rng.uniform(0.5, 5.0) * 10.0 ** rng.integers(0, 9))
    L = float(rng.uniform(0.3, 4.0))
    return n_el, EA, L


@graded("bar_stiffness", points=2)
def test_bar_stiffness_matches_reference(student, reference, rng):
    cases = [("one element", (1, *_stiffness_values(rng)[1:])),
             ("two elements", (2, *_stiffness_values(rng)[1:])),
             ("more elements", _stiffness_values(rng))]
    for label, (n_el, EA, L) in cases:
        assert_close(student.bar_stiffness(n_el, EA, L), reference.bar_stiffness(n_el, EA, L),
                     rtol=1e-10, atol=0.0, what=f"bar_stiffness of a bar with {label}")


@graded("bar_stiffness", points=1)
def test_bar_stiffness_clamped_bar_under_tip_load(student, rng):
    n_el, EA, L = _stiffness_values(rng)
    K = np.asarray(student.bar_stiffness(n_el, EA, L), dtype=float)
    assert K.shape == (n_el + 1, n_el + 1), "bar_stiffness returns a matrix of the wrong shape"
    assert np.allclose(K, K.T, rtol=1e-12, atol=0.0), "the stiffness matrix must be symmetric"
    k = EA * n_el / L
    assert np.allclose(K @ np.ones(n_el + 1), 0.0, atol=1e-12 * k), \
        "a rigid translation u = (1, ..., 1) must need no force: every row of K must sum to zero"
    # clamp node 0, pull the free end with F: linear elements give the exact u(x) = F x / EA at the nodes
    F = float(rng.uniform(1.0, 100.0))
    load = np.zeros(n_el)
    load[-1] = F
    u = np.linalg.solve(K[1:, 1:], load)
    x = np.linspace(0.0, L, n_el + 1)[1:]
    assert_close(u, F * x / EA, rtol=1e-8, atol=0.0,
                 what="the displacements of a clamped bar under a tip load, solved with your K")
    assert_raises("ValueError", student.bar_stiffness, 0, EA, L)
    assert_raises("ValueError", student.bar_stiffness, n_el, -EA, L)
    assert_raises("ValueError", student.bar_stiffness, n_el, EA, 0.0)


def _orthonormal(rng, n, k):
    q, _ = np.linalg.qr(rng.normal(size=(n, k)))
    return q[:, :k]


def _check_basis(Z, n, k, projector, what):
    Z = np.asarray(Z, dtype=float)
    assert Z.shape == (n, k), f"{what}: expected an array of shape {(n, k)}, got shape {Z.shape}"
    assert np.allclose(Z.T @ Z, np.eye(k), atol=1e-8), f"{what}: the columns are not orthonormal"
    assert np.allclose(Z @ Z.T, projector, atol=1e-8), f"{what}: the columns span the wrong subspace"


@graded("zero_modes", points=1)
def test_zero_modes_of_random_rank_deficient_matrices(student, rng):
    # (rows, columns, rank): square, wide and tall matrices, none of them symmetric
    for m, n, r in ((5, 5, 3), (4, 7, 2), (8, 4, 3), (6, 6, 5), (3, 5, 3)):
        V = _orthonormal(rng, n, r)
        s = rng.uniform(0.5, 2.0, r) * 10.0 ** rng.uniform(-6, 6)
        A = _orthonormal(rng, m, r) @ np.diag(s) @ V.T
        _check_basis(student.zero_modes(A), n, n - r, np.eye(n) - V @ V.T,
                     what="zero_modes of a rank-deficient matrix")
    # the threshold is relative: with rtol = 1e-4, a singular value 1e-7 times the largest counts as zero
    V = _orthonormal(rng, 5, 5)
    s = np.array([2.0, 1.0, 0.5, 1e-7, 0.0]) * 10.0 ** rng.uniform(-3, 3)
    A = _orthonormal(rng, 5, 5) @ np.diag(s) @ V.T
    _check_basis(student.zero_modes(A, 1e-4), 5, 2, V[:, 3:] @ V[:, 3:].T,
                 what="zero_modes with a larger rtol")


@graded("zero_modes", points=1)
def test_zero_modes_of_free_and_supported_bars(student, reference, rng):
    for EA in (rng.uniform(1.0, 10.0), rng.uniform(1.0, 10.0) * 1e9, rng.uniform(1.0, 10.0) * 1e-12):
        n_el = int(rng.integers(2, 12))
        K = reference.bar_stiffness(n_el, float(EA), float(rng.uniform(0.5, 3.0)))
        n = n_el + 1
        _check_basis(student.zero_modes(K), n, 1, np.full((n, n), 1.0 / n),
                     what="the zero modes of a free bar (one rigid translation, whatever EA)")
        _check_basis(student.zero_modes(K[1:, 1:]), n - 1, 0, np.zeros((n - 1, n - 1)),
                     what="the zero modes of a bar clamped at one end (none)")


def _truss_stiffness(nodes, bars, EA):
    """The stiffness matrix of a plane pin-jointed truss, dofs (u_x, u_y) per node."""
    K = np.zeros((2 * len(nodes), 2 * len(nodes)))
    for a, b in bars:
        d = nodes[b] - nodes[a]
        length = np.linalg.norm(d)
        c = d / length
        k = EA / length * np.outer(c, c)
        dofs = [2 * a, 2 * a + 1, 2 * b, 2 * b + 1]
        K[np.ix_(dofs, dofs)] += np.block([[k, -k], [-k, k]])
    return K


def _rigid_body_modes(nodes):
    tx = np.tile([1.0, 0.0], len(nodes))
    ty = np.tile([0.0, 1.0], len(nodes))
    rot = np.column_stack([-nodes[:, 1], nodes[:, 0]]).ravel()
    return [tx, ty, rot]


@graded("zero_modes", points=1)
def test_zero_modes_of_plane_trusses_contain_the_rigid_body_motions(student, rng):
    EA = float(rng.uniform(1.0, 10.0) * 10.0 ** rng.integers(3, 10))
    square = np.array([[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0]])
    structures = [
        (square[:3] + rng.uniform(-0.2, 0.2, (3, 2)), [(0, 1), (1, 2), (2, 0)], 3, "a triangle"),
        (square + rng.uniform(-0.1, 0.1, (4, 2)), [(0, 1), (1, 2), (2, 3), (3, 0), (0, 2)], 3,
         "a braced square"),
        (square + rng.uniform(-0.1, 0.1, (4, 2)), [(0, 1), (1, 2), (2, 3), (3, 0)], 4,
         "a square without a diagonal (a mechanism)"),
    ]
    for nodes, bars, k, name in structures:
        K = _truss_stiffness(nodes, bars, EA)
        Z = np.asarray(student.zero_modes(K), dtype=float)
        what = f"zero_modes of {name}"
        assert Z.shape == (K.shape[0], k), f"{what}: wrong number of zero modes or wrong shape"
        assert np.allclose(Z.T @ Z, np.eye(k), atol=1e-8), f"{what}: the columns are not orthonormal"
        assert np.allclose(K @ Z, 0.0, atol=1e-8 * np.abs(K).max()), f"{what}: K @ Z is not zero"
        for mode in _rigid_body_modes(nodes):
            residual = mode - Z @ (Z.T @ mode)
            assert np.linalg.norm(residual) <= 1e-8 * np.linalg.norm(mode), \
                f"{what}: a rigid-body motion (translation or rotation) is not in the span of the modes"
