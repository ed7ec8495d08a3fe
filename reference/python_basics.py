"""Reference solution of assignment 01-python-basics (Chapter 1: Python and Jupyter).

Each task below is self-contained apart from the imports of the notebook's first code cell
(``csv``, ``math``, ``tempfile``, ``Path``, ``numpy as np``, ``matplotlib.pyplot as plt``), and has
the signature and docstring of the notebook's stub, because ``autograder solution`` copies its source
into the task cells.
"""

import math

__all__ = ["fibonacci_list", "convert_stress", "stable_quadratic_roots", "Material", "Spring",
           "read_members"]


def fibonacci_list(n):
    """Return all Fibonacci numbers strictly smaller than ``n``, in order.

    The sequence starts 0, 1, 1, 2, 3, 5, ... (each number is the sum of the two before it), and both
    ones are listed. ``n`` is an int; the result is a list of Python ints (exact, however large):

    >>> fibonacci_list(10)
    [0, 1, 1, 2, 3, 5, 8]

    ``fibonacci_list(1)`` is ``[0]`` and ``fibonacci_list(n)`` is ``[]`` for ``n <= 0``.
    """
    result = []
    a, b = 0, 1
    while a < n:
        result.append(a)
        a, b = b, a + b
    return result


def convert_stress(quantity, to_unit):
    """Convert a stress (or pressure) written as text, e.g. ``"36 ksi"``, into ``to_unit``.

    ``quantity`` is a string ``"<number> <unit>"``: a number that ``float()`` accepts, then the unit,
    separated by whitespace (any amount, spaces or tabs); whitespace before and after is ignored.
    Known units, in pascal (1 Pa = 1 N/m^2), case-sensitive (M is mega, m would be milli):

    ========  ===========================
    ``Pa``    1
    ``kPa``   1e3
    ``MPa``   1e6
    ``GPa``   1e9
    ``bar``   1e5
    ``psi``   6894.757293168361  (1 lbf/in^2: 1 lbf = 4.4482216152605 N, 1 in = 0.0254 m)
    ``ksi``   6894757.293168361  (1000 psi)
    ========  ===========================

    Returns the value in ``to_unit`` as a float: ``convert_stress("1 MPa", "kPa") == 1000.0``.
    Raises ``ValueError`` if ``quantity`` is not exactly a number and a unit, if the number cannot be
    read, or if either unit is not in the table (another spelling such as ``"mpa"`` included).
    """
    pascals_per_unit = {
        "Pa": 1.0,
        "kPa": 1e3,
        "MPa": 1e6,
        "GPa": 1e9,
        "bar": 1e5,
        "psi": 6894.757293168361,
        "ksi": 6894757.293168361,
    }
    parts = quantity.split()
    if len(parts) != 2:
        raise ValueError("expected '<number> <unit>'")
    number_text, from_unit = parts
    value = float(number_text)
    if from_unit not in pascals_per_unit:
        raise ValueError(f"unknown unit {from_unit!r}")
    if to_unit not in pascals_per_unit:
        raise ValueError(f"unknown unit {to_unit!r}")
    return value * pascals_per_unit[from_unit] / pascals_per_unit[to_unit]


def stable_quadratic_roots(a, b, c):
    """Return the two real roots ``(x1, x2)``, ``x1 <= x2``, of ``a x^2 + b x + c = 0``.

    ``a``, ``b``, ``c`` are real numbers (floats or ints) and the result is a tuple of two floats.
    Each root must be accurate to a few units in the last place even when ``b^2 >> |4 a c|``, where
    the school formula ``(-b +- sqrt(D)) / (2a)`` loses the small root to cancellation. Use

        D = b^2 - 4 a c,   q = -(b + sign(b) sqrt(D)) / 2,   roots q / a and c / q,

    with sign(b) = +1 for b >= 0 and -1 for b < 0. A double root (D = 0) is returned twice; if
    q = 0 (which happens only for b = c = 0) both roots are 0.

    Raises ``ValueError`` if ``a == 0`` (not a quadratic) or ``D < 0`` (no real roots).
    """
    if a == 0:
        raise ValueError("a must not be zero")
    discriminant = b * b - 4.0 * a * c
    if discriminant < 0:
        raise ValueError("the roots are complex (negative discriminant)")
    sign = 1.0 if b >= 0 else -1.0
    q = -0.5 * (b + sign * math.sqrt(discriminant))
    if q == 0:
        return (0.0, 0.0)
    x1 = q / a
    x2 = c / q
    return (float(min(x1, x2)), float(max(x1, x2)))


class Material:
    """A linear elastic, isotropic material.

    ``Material(name, E, nu, density)`` stores its arguments as the attributes ``name`` (str),
    ``E`` (Young's modulus, Pa), ``nu`` (Poisson's ratio, dimensionless) and ``density`` (kg/m^3).
    Raises ``ValueError`` unless ``E > 0``, ``density > 0`` and ``-1 < nu < 0.5`` (negative values
    are allowed: auxetic materials).

    Methods, each returning a float in SI units:

    * ``shear_modulus()``: G = E / (2 (1 + nu)) in Pa,
    * ``bulk_modulus()``: K = E / (3 (1 - 2 nu)) in Pa,
    * ``wave_speed()``: the speed of longitudinal waves in a thin bar, c = sqrt(E / density), in m/s.
    """

    def __init__(self, name, E, nu, density):
        if not E > 0:
            raise ValueError("Young's modulus E must be positive")
        if not density > 0:
            raise ValueError("the density must be positive")
        if not -1.0 < nu < 0.5:
            raise ValueError("Poisson's ratio must satisfy -1 < nu < 0.5")
        self.name = name
        self.E = E
        self.nu = nu
        self.density = density

    def shear_modulus(self):
        """G = E / (2 (1 + nu)) in Pa."""
        return self.E / (2.0 * (1.0 + self.nu))

    def bulk_modulus(self):
        """K = E / (3 (1 - 2 nu)) in Pa."""
        return self.E / (3.0 * (1.0 - 2.0 * self.nu))

    def wave_speed(self):
        """Bar wave speed c = sqrt(E / density) in m/s."""
        return math.sqrt(self.E / self.density)


class Spring:
    """A linear spring with stiffness ``k`` (N/m) and rest length ``x0`` (m).

    ``Spring(k, x0=0.0)`` stores the attributes ``k`` and ``x0``; it raises ``ValueError`` if
    ``k <= 0``. ``x`` below is the current length (with ``x0 = 0`` it is simply the elongation).

    * ``force(x)``: the tension k (x - x0) in N, positive when the spring is stretched;
    * ``energy(x)``: the stored elastic energy k (x - x0)^2 / 2 in J;
    * ``series(other)``: a **new** ``Spring`` equivalent to ``self`` and ``other`` joined end to end:
      k = k1 k2 / (k1 + k2), x0 = x0_1 + x0_2;
    * ``parallel(other)``: a **new** ``Spring`` equivalent to both springs spanning the same two
      points: k = k1 + k2, x0 = (k1 x0_1 + k2 x0_2) / (k1 + k2) (the length at which the total force
      vanishes).

    ``series`` and ``parallel`` leave both operands unchanged.
    """

    def __init__(self, k, x0=0.0):
        if not k > 0:
            raise ValueError("the stiffness k must be positive")
        self.k = k
        self.x0 = x0

    def force(self, x):
        """Tension k (x - x0) in N."""
        return self.k * (x - self.x0)

    def energy(self, x):
        """Elastic energy k (x - x0)^2 / 2 in J."""
        return 0.5 * self.k * (x - self.x0) ** 2

    def series(self, other):
        """The equivalent spring of ``self`` and ``other`` in series (a new object)."""
        k = self.k * other.k / (self.k + other.k)
        return Spring(k, self.x0 + other.x0)

    def parallel(self, other):
        """The equivalent spring of ``self`` and ``other`` in parallel (a new object)."""
        k = self.k + other.k
        return Spring(k, (self.k * self.x0 + other.k * other.x0) / k)


def read_members(path):
    """Read a truss member table from the CSV file at ``path`` (a str or ``Path``).

    File format, line by line:

    * blank lines, and lines whose first non-blank character is ``#``, are ignored;
    * the first other line is the header; it names the five columns ``id``, ``node_i``, ``node_j``,
      ``area_mm2`` and ``material``, in any order;
    * every further line is one member, its fields separated by commas; whitespace around a field is
      ignored.

    Returns a plain ``dict`` mapping each member id (int) to a plain ``dict`` with the keys

    * ``"nodes"``: the tuple ``(node_i, node_j)`` of two ints,
    * ``"area"``: the cross-section area as a float **in m^2** (the file gives mm^2),
    * ``"material"``: the material name (str, without surrounding whitespace).

    Raises ``ValueError`` if a data line does not have as many fields as the header, or if a member
    id appears twice. (A field that is not a number where one is expected raises ``ValueError`` as
    ``int()``/``float()`` do.)
    """
    members = {}
    header = None
    with open(path) as file:
        for line in file:
            text = line.strip()
            if not text or text.startswith("#"):
                continue
            fields = [field.strip() for field in text.split(",")]
            if header is None:
                header = fields
                continue
            if len(fields) != len(header):
                raise ValueError(f"expected {len(header)} fields, got {len(fields)}")
            row = dict(zip(header, fields))
            member_id = int(row["id"])
            if member_id in members:
                raise ValueError(f"member {member_id} appears twice")
            members[member_id] = {
                "nodes": (int(row["node_i"]), int(row["node_j"])),
                "area": float(row["area_mm2"]) * 1e-6,
                "material": row["material"],
            }
    return members
