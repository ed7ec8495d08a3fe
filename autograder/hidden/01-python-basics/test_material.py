"""Hidden tests of the ``Material`` class: random materials, elasticity identities, validation."""

import math

from autograder.testing import assert_close, assert_equal, assert_raises, graded

NAMES = ["steel", "aluminium", "titanium", "copper", "PMMA", "concrete", "foam"]


def _random_material(rng):
    name = NAMES[rng.integers(len(NAMES))]
    E = float(10.0 ** rng.uniform(6, 12))
    nu = float(rng.uniform(-0.9, 0.49))
    density = float(rng.uniform(50.0, 20000.0))
    return name, E, nu, density


@graded("Material", points=1)
def test_material_matches_reference_for_random_properties(student, reference, rng):
    for _ in range(5):
        args = _random_material(rng)
        got, want = student.Material(*args), reference.Material(*args)
        assert_equal(got.name, want.name, what="the attribute name")
        for attribute in ("E", "nu", "density"):
            assert_close(getattr(got, attribute), getattr(want, attribute), rtol=0.0, atol=0.0,
                         what=f"the attribute {attribute}")
        for method in ("shear_modulus", "bulk_modulus", "wave_speed"):
            assert_close(getattr(got, method)(), getattr(want, method)(), rtol=1e-9, atol=0.0,
                         what=f"{method}() for a random material")


@graded("Material", points=1)
def test_material_satisfies_isotropic_elasticity_identities(student, rng):
    E = float(10.0 ** rng.uniform(8, 11))
    special = [(0.0, E / 2, E / 3), (0.25, 0.4 * E, 2 * E / 3), (-0.5, E, E / 6)]
    for nu, G, K in special:
        material = student.Material("test", E, nu, 1000.0)
        assert_close(material.shear_modulus(), G, rtol=1e-12, what="shear_modulus() at a special nu")
        assert_close(material.bulk_modulus(), K, rtol=1e-12, what="bulk_modulus() at a special nu")
    for _ in range(5):
        name, E, nu, density = _random_material(rng)
        material = student.Material(name, E, nu, density)
        G, K, c = material.shear_modulus(), material.bulk_modulus(), material.wave_speed()
        assert math.isclose(2 * G * (1 + nu), E, rel_tol=1e-9), "E = 2 G (1 + nu) does not hold"
        assert math.isclose(3 * K * (1 - 2 * nu), E, rel_tol=1e-9), "E = 3 K (1 - 2 nu) does not hold"
        assert math.isclose(9 * K * G / (3 * K + G), E, rel_tol=1e-9), "E = 9 K G / (3 K + G) does not hold"
        assert math.isclose(density * c**2, E, rel_tol=1e-9), "density * wave_speed()**2 differs from E"


@graded("Material", points=1)
def test_material_validates_its_arguments(student):
    student.Material("auxetic foam", 2.0e6, -0.7, 30.0)   # a negative Poisson's ratio is allowed
    bad = [
        (0.0, 0.3, 7850.0),
        (-70e9, 0.33, 2700.0),
        (210e9, 0.3, 0.0),
        (210e9, 0.3, -7850.0),
        (1e6, 0.5, 1100.0),       # incompressible: K would be infinite
        (1e6, 0.62, 1100.0),
        (1e6, -1.0, 1100.0),
        (1e6, -1.3, 1100.0),
    ]
    for E, nu, density in bad:
        assert_raises("ValueError", student.Material, "bad", E, nu, density)
