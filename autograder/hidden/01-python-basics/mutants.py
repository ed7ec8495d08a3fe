"""Plausible wrong implementations of the tasks of 01-python-basics; each must lose points."""

import math

import numpy as np

from autograder.mutants import mutant

# --- fibonacci_list ---------------------------------------------------------------------------


@mutant("uses <= instead of <, so a bound that is a Fibonacci number is listed")
def fibonacci_list__includes_bound(n):
    result = []
    a, b = 0, 1
    while a <= n:
        result.append(a)
        a, b = b, a + b
    return result


@mutant("starts the sequence at 1, 1 and so misses the 0")
def fibonacci_list__starts_at_one(n):
    result = []
    a, b = 1, 1
    while a < n:
        result.append(a)
        a, b = b, a + b
    return result


@mutant("uses Binet's formula in floating point, so large numbers lose their last digits")
def fibonacci_list__binet_floats(n):
    phi = (1 + math.sqrt(5)) / 2
    result = []
    k = 0
    while True:
        value = int(round(phi**k / math.sqrt(5)))
        if value >= n:
            return result
        result.append(value)
        k += 1


# --- convert_stress ---------------------------------------------------------------------------


@mutant("inverts the conversion: multiplies by the target unit's factor and divides by the source's")
def convert_stress__inverted(quantity, to_unit):
    factors = {"Pa": 1.0, "kPa": 1e3, "MPa": 1e6, "GPa": 1e9, "bar": 1e5,
               "psi": 6894.757293168361, "ksi": 6894757.293168361}
    parts = quantity.split()
    if len(parts) != 2:
        raise ValueError("expected '<number> <unit>'")
    if parts[1] not in factors or to_unit not in factors:
        raise ValueError("unknown unit")
    return float(parts[0]) * factors[to_unit] / factors[parts[1]]


@mutant("looks units up with dict[...] so an unknown unit raises KeyError, not ValueError")
def convert_stress__key_error(quantity, to_unit):
    factors = {"Pa": 1.0, "kPa": 1e3, "MPa": 1e6, "GPa": 1e9, "bar": 1e5,
               "psi": 6894.757293168361, "ksi": 6894757.293168361}
    parts = quantity.split()
    if len(parts) != 2:
        raise ValueError("expected '<number> <unit>'")
    return float(parts[0]) * factors[parts[1]] / factors[to_unit]


@mutant("compares units case-insensitively, so 'mpa' (millipascal?) is taken for MPa")
def convert_stress__ignores_case(quantity, to_unit):
    factors = {"pa": 1.0, "kpa": 1e3, "mpa": 1e6, "gpa": 1e9, "bar": 1e5,
               "psi": 6894.757293168361, "ksi": 6894757.293168361}
    parts = quantity.split()
    if len(parts) != 2:
        raise ValueError("expected '<number> <unit>'")
    from_unit, to_unit = parts[1].lower(), to_unit.lower()
    if from_unit not in factors or to_unit not in factors:
        raise ValueError("unknown unit")
    return float(parts[0]) * factors[from_unit] / factors[to_unit]


@mutant("splits on a single space, so tabs or repeated spaces break the parsing")
def convert_stress__split_on_one_space(quantity, to_unit):
    factors = {"Pa": 1.0, "kPa": 1e3, "MPa": 1e6, "GPa": 1e9, "bar": 1e5,
               "psi": 6894.757293168361, "ksi": 6894757.293168361}
    parts = quantity.strip().split(" ")
    if len(parts) != 2:
        raise ValueError("expected '<number> <unit>'")
    if parts[1] not in factors or to_unit not in factors:
        raise ValueError("unknown unit")
    return float(parts[0]) * factors[parts[1]] / factors[to_unit]


# --- stable_quadratic_roots -------------------------------------------------------------------


@mutant("uses the school formula (-b +- sqrt(D)) / 2a, which cancels for b^2 >> 4ac")
def stable_quadratic_roots__naive(a, b, c):
    if a == 0:
        raise ValueError("a must not be zero")
    discriminant = b * b - 4 * a * c
    if discriminant < 0:
        raise ValueError("complex roots")
    x1 = (-b - math.sqrt(discriminant)) / (2 * a)
    x2 = (-b + math.sqrt(discriminant)) / (2 * a)
    return (min(x1, x2), max(x1, x2))


@mutant("returns (q/a, c/q) without sorting the roots")
def stable_quadratic_roots__unsorted(a, b, c):
    if a == 0:
        raise ValueError("a must not be zero")
    discriminant = b * b - 4 * a * c
    if discriminant < 0:
        raise ValueError("complex roots")
    sign = 1.0 if b >= 0 else -1.0
    q = -0.5 * (b + sign * math.sqrt(discriminant))
    if q == 0:
        return (0.0, 0.0)
    return (q / a, c / q)


@mutant("uses np.sign(b), which is 0 for b = 0, so q = 0 and c/q blows up")
def stable_quadratic_roots__np_sign(a, b, c):
    if a == 0:
        raise ValueError("a must not be zero")
    discriminant = b * b - 4 * a * c
    if discriminant < 0:
        raise ValueError("complex roots")
    q = -0.5 * (b + np.sign(b) * np.sqrt(discriminant))
    x1, x2 = q / a, c / q
    return (float(min(x1, x2)), float(max(x1, x2)))


@mutant("takes D ** 0.5 without checking D < 0, which gives complex numbers instead of a ValueError")
def stable_quadratic_roots__no_discriminant_check(a, b, c):
    if a == 0:
        raise ValueError("a must not be zero")
    discriminant = b * b - 4 * a * c
    sign = 1.0 if b >= 0 else -1.0
    q = -0.5 * (b + sign * discriminant ** 0.5)
    if q == 0:
        return (0.0, 0.0)
    x1, x2 = q / a, c / q
    return (min(x1, x2), max(x1, x2))


# --- Material ---------------------------------------------------------------------------------


@mutant("computes the shear modulus with (1 - nu) instead of (1 + nu)")
class Material__shear_one_minus_nu:
    def __init__(self, name, E, nu, density):
        if not (E > 0 and density > 0 and -1 < nu < 0.5):
            raise ValueError("invalid material constants")
        self.name, self.E, self.nu, self.density = name, E, nu, density

    def shear_modulus(self):
        return self.E / (2 * (1 - self.nu))

    def bulk_modulus(self):
        return self.E / (3 * (1 - 2 * self.nu))

    def wave_speed(self):
        return math.sqrt(self.E / self.density)


@mutant("forgets the square root in the wave speed")
class Material__wave_speed_no_sqrt:
    def __init__(self, name, E, nu, density):
        if not (E > 0 and density > 0 and -1 < nu < 0.5):
            raise ValueError("invalid material constants")
        self.name, self.E, self.nu, self.density = name, E, nu, density

    def shear_modulus(self):
        return self.E / (2 * (1 + self.nu))

    def bulk_modulus(self):
        return self.E / (3 * (1 - 2 * self.nu))

    def wave_speed(self):
        return self.E / self.density


@mutant("accepts nu = 0.5, where the bulk modulus is infinite")
class Material__accepts_incompressible:
    def __init__(self, name, E, nu, density):
        if not (E > 0 and density > 0 and -1 < nu <= 0.5):
            raise ValueError("invalid material constants")
        self.name, self.E, self.nu, self.density = name, E, nu, density

    def shear_modulus(self):
        return self.E / (2 * (1 + self.nu))

    def bulk_modulus(self):
        return self.E / (3 * (1 - 2 * self.nu))

    def wave_speed(self):
        return math.sqrt(self.E / self.density)


# --- Spring -----------------------------------------------------------------------------------


@mutant("swaps the series and parallel stiffness formulas")
class Spring__series_parallel_swapped:
    def __init__(self, k, x0=0.0):
        if k <= 0:
            raise ValueError("k must be positive")
        self.k, self.x0 = k, x0

    def force(self, x):
        return self.k * (x - self.x0)

    def energy(self, x):
        return 0.5 * self.k * (x - self.x0) ** 2

    def series(self, other):
        return Spring__series_parallel_swapped(self.k + other.k, self.x0 + other.x0)

    def parallel(self, other):
        k = self.k * other.k / (self.k + other.k)
        return Spring__series_parallel_swapped(k, (self.k * self.x0 + other.k * other.x0) / (self.k + other.k))


@mutant("updates self in place and returns it instead of a new Spring")
class Spring__mutates_self:
    def __init__(self, k, x0=0.0):
        if k <= 0:
            raise ValueError("k must be positive")
        self.k, self.x0 = k, x0

    def force(self, x):
        return self.k * (x - self.x0)

    def energy(self, x):
        return 0.5 * self.k * (x - self.x0) ** 2

    def series(self, other):
        self.k, self.x0 = self.k * other.k / (self.k + other.k), self.x0 + other.x0
        return self

    def parallel(self, other):
        k = self.k + other.k
        self.k, self.x0 = k, (self.k * self.x0 + other.k * other.x0) / k
        return self


@mutant("forgets the factor 1/2 in the elastic energy")
class Spring__energy_without_half:
    def __init__(self, k, x0=0.0):
        if k <= 0:
            raise ValueError("k must be positive")
        self.k, self.x0 = k, x0

    def force(self, x):
        return self.k * (x - self.x0)

    def energy(self, x):
        return self.k * (x - self.x0) ** 2

    def series(self, other):
        return Spring__energy_without_half(self.k * other.k / (self.k + other.k), self.x0 + other.x0)

    def parallel(self, other):
        k = self.k + other.k
        return Spring__energy_without_half(k, (self.k * self.x0 + other.k * other.x0) / k)


# --- read_members -----------------------------------------------------------------------------


@mutant("keeps the area in mm^2 instead of converting it to m^2")
def read_members__area_in_mm2(path):
    members, header = {}, None
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
                raise ValueError("wrong number of fields")
            row = dict(zip(header, fields))
            member_id = int(row["id"])
            if member_id in members:
                raise ValueError("duplicate member id")
            members[member_id] = {"nodes": (int(row["node_i"]), int(row["node_j"])),
                                  "area": float(row["area_mm2"]), "material": row["material"]}
    return members


@mutant("assumes the columns come in the order id, node_i, node_j, area_mm2, material")
def read_members__fixed_column_order(path):
    members, header = {}, None
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
                raise ValueError("wrong number of fields")
            member_id = int(fields[0])
            if member_id in members:
                raise ValueError("duplicate member id")
            members[member_id] = {"nodes": (int(fields[1]), int(fields[2])),
                                  "area": float(fields[3]) * 1e-6, "material": fields[4]}
    return members


@mutant("lets a repeated member id silently overwrite the first one")
def read_members__no_duplicate_check(path):
    members, header = {}, None
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
                raise ValueError("wrong number of fields")
            row = dict(zip(header, fields))
            members[int(row["id"])] = {"nodes": (int(row["node_i"]), int(row["node_j"])),
                                       "area": float(row["area_mm2"]) * 1e-6, "material": row["material"]}
    return members
