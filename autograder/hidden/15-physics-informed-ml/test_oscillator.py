"""Hidden tests of ``oscillator_energy``: explicit and symplectic Euler on the undamped oscillator.

Forward Euler multiplies the energy by exactly 1 + omega^2 dt^2 per step. Symplectic Euler (kick, then
drift) conserves the modified energy E - dt k x v / 2 exactly, so E stays bounded.
"""

import numpy as np

from autograder.testing import assert_close, assert_raises, graded


def _draw(rng):
    return (rng.uniform(0.5, 3.0), rng.uniform(0.5, 20.0), rng.uniform(-1.0, 1.0), rng.uniform(-1.0, 1.0),
            rng.uniform(0.01, 0.08))


@graded("oscillator_energy", points=1)
def test_trajectories_and_energies_match_the_reference(student, reference, rng):
    for method in ("explicit", "symplectic"):
        m, k, x0, v0, dt = _draw(rng)
        n = int(rng.integers(5, 40))
        assert_close(student.oscillator_energy(m, k, x0, v0, dt, n, method),
                     reference.oscillator_energy(m, k, x0, v0, dt, n, method),
                     rtol=1e-10, atol=1e-12, what=f"method {method!r}: (x, v, E)")


@graded("oscillator_energy", points=1)
def test_explicit_euler_energy_grows_geometrically(student, rng):
    m, k, x0, v0, dt = _draw(rng)
    n = 300
    _, _, E = student.oscillator_energy(m, k, x0, v0, dt, n, "explicit")
    E0 = 0.5 * m * v0**2 + 0.5 * k * x0**2
    assert_close(E, E0 * (1 + k / m * dt**2) ** np.arange(n + 1), rtol=1e-9,
                 what="forward Euler: the energies E_n")
    assert_raises("ValueError", student.oscillator_energy, m, k, x0, v0, dt, n, "implicit")


@graded("oscillator_energy", points=1)
def test_symplectic_euler_conserves_a_modified_energy(student, rng):
    m, k, x0, v0, dt = _draw(rng)
    n = 2000
    x, v, E = (np.asarray(a, dtype=float) for a in student.oscillator_energy(m, k, x0, v0, dt, n, "symplectic"))
    assert x.shape == v.shape == E.shape == (n + 1,), "x, v and E must have n_steps + 1 entries"
    modified = E - 0.5 * dt * k * x * v
    assert np.max(np.abs(modified / modified[0] - 1)) < 1e-9, \
        "symplectic Euler (kick, then drift) must conserve E - dt k x v / 2 exactly: its energy must not drift"
    assert np.max(np.abs(E / E[0] - 1)) < 2 * np.sqrt(k / m) * dt, \
        "symplectic Euler: the energy must stay within O(omega dt) of its initial value"
