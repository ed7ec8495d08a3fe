"""Hidden tests of ``convert_stress``: random conversions, whitespace and round trips, errors."""

from autograder.testing import assert_close, assert_raises, graded

UNITS = ["Pa", "kPa", "MPa", "GPa", "bar", "psi", "ksi"]


def _random_value(rng):
    return float(rng.uniform(-1000.0, 1000.0) * 10.0 ** rng.integers(-3, 4))


@graded("convert_stress", points=1)
def test_convert_stress_matches_reference_for_random_quantities(student, reference, rng):
    pairs = [(unit, UNITS[rng.integers(len(UNITS))]) for unit in UNITS]
    pairs += [(UNITS[rng.integers(len(UNITS))], unit) for unit in UNITS]
    for from_unit, to_unit in pairs:
        quantity = f"{_random_value(rng)!r} {from_unit}"
        assert_close(student.convert_stress(quantity, to_unit),
                     reference.convert_stress(quantity, to_unit), rtol=1e-9, atol=0.0,
                     what="convert_stress for a random quantity")


@graded("convert_stress", points=1)
def test_convert_stress_accepts_any_whitespace_and_round_trips(student, reference, rng):
    separators = [" ", "   ", "\t", " \t "]
    for _ in range(6):
        value = _random_value(rng)
        from_unit, to_unit = (UNITS[i] for i in rng.choice(len(UNITS), size=2, replace=False))
        separator = separators[rng.integers(len(separators))]
        quantity = f"{' ' * int(rng.integers(0, 3))}{value!r}{separator}{from_unit}{' ' * int(rng.integers(0, 3))}\n"
        converted = student.convert_stress(quantity, to_unit)
        assert_close(converted, reference.convert_stress(quantity, to_unit), rtol=1e-9, atol=0.0,
                     what="convert_stress for a quantity with extra whitespace")
        back = student.convert_stress(f"{converted!r} {to_unit}", from_unit)
        assert_close(back, value, rtol=1e-12, atol=0.0,
                     what="converting there and back again")
    assert_close(student.convert_stress("2.5 ksi", "psi"), 2500.0, rtol=1e-12,
                 what="ksi to psi")


@graded("convert_stress", points=1)
def test_convert_stress_rejects_unknown_units_and_malformed_text(student):
    bad = [
        ("17 mpa", "Pa"),        # SI prefixes are case-sensitive
        ("17 MPA", "kPa"),
        ("17 MPa", "Mpa"),
        ("17 MPa", "N"),
        ("17 N/m", "Pa"),
        ("GPa", "MPa"),          # no number
        ("17 MPa 3", "Pa"),      # too many parts
        ("seventeen MPa", "Pa"),
        ("", "Pa"),
    ]
    for quantity, to_unit in bad:
        assert_raises("ValueError", student.convert_stress, quantity, to_unit)
