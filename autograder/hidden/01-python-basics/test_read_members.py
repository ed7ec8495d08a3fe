"""Hidden tests of ``read_members``: the shipped table, random tables, malformed tables."""

import tempfile
from pathlib import Path

from autograder.testing import assert_close, assert_equal, assert_raises, graded

COLUMNS = ["id", "node_i", "node_j", "area_mm2", "material"]
MATERIALS = ["steel", "aluminium", "timber", "stainless steel", "GFRP"]


def _reference_members(reference, text):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "members.csv"
        path.write_text(text)
        return reference.read_members(str(path))


def _assert_same_members(got, want, what):
    assert isinstance(got, dict), f"{what}: read_members must return a dict"
    assert_equal(sorted(got, key=repr), sorted(want, key=repr), what=f"{what}: the member ids")
    for member_id, expected in want.items():
        member = got[member_id]
        assert isinstance(member, dict), f"{what}: each member must be described by a dict"
        assert_equal(sorted(member), sorted(expected), what=f"{what}: the keys of a member")
        assert_equal(member["nodes"], expected["nodes"], what=f"{what}: the nodes of a member")
        assert_equal(member["material"], expected["material"], what=f"{what}: the material of a member")
        assert_close(member["area"], expected["area"], rtol=1e-12, atol=0.0,
                     what=f"{what}: the area of a member")


def _pad(rng, text):
    return " " * int(rng.integers(0, 3)) + text + " " * int(rng.integers(0, 3))


def _random_table(rng, n_members):
    order = list(COLUMNS)
    while order == COLUMNS:
        order = [COLUMNS[i] for i in rng.permutation(len(COLUMNS))]
    ids = [int(i) + 1 for i in rng.permutation(999)[:n_members]]
    lines = ["# truss members, areas in mm^2", "   # an indented comment", ""]
    lines.append(",".join(_pad(rng, name) for name in order))
    for member_id in ids:
        node_i, node_j = (int(n) for n in rng.choice(60, size=2, replace=False) + 1)
        row = {
            "id": str(member_id),
            "node_i": str(node_i),
            "node_j": str(node_j),
            "area_mm2": repr(round(float(rng.uniform(20.0, 8000.0)), int(rng.integers(0, 3)))),
            "material": MATERIALS[rng.integers(len(MATERIALS))],
        }
        lines.append(",".join(_pad(rng, row[name]) for name in order))
        if rng.random() < 0.25:
            lines.append(["", "   ", "# a comment between members", "\t# another one"][rng.integers(4)])
    return "\n".join(lines) + "\n"


@graded("read_members", points=1)
def test_read_members_reads_the_shipped_table(student, reference, data_dir):
    got = student.read_members("data/truss_members.csv")
    _assert_same_members(got, reference.read_members(data_dir / "truss_members.csv"), "the shipped truss table")


@graded("read_members", points=2)
def test_read_members_matches_reference_for_random_tables(student, reference, rng):
    for index in range(3):
        text = _random_table(rng, int(rng.integers(3, 12)))
        name = f"random_members_{index}.csv"
        student.put_file(name, text)
        _assert_same_members(student.read_members(name), _reference_members(reference, text),
                             "a random member table")


@graded("read_members", points=1)
def test_read_members_rejects_malformed_tables(student, rng):
    header = "id, node_i, node_j, area_mm2, material"
    rows = [f"{i}, {i}, {i + 1}, {int(rng.integers(100, 3000))}, steel" for i in range(1, 6)]
    duplicate = int(rng.integers(1, 5))
    tables = {
        "duplicate.csv": [header, *rows, rows[duplicate - 1]],
        "missing_field.csv": [header, *rows[:3], "9, 4, 7, 1200", *rows[3:]],
        "extra_field.csv": [header, *rows[:2], "9, 4, 7, 1200, steel, S355", *rows[2:]],
    }
    for name, lines in tables.items():
        student.put_file(name, "\n".join(lines) + "\n")
        assert_raises("ValueError", student.read_members, name)
