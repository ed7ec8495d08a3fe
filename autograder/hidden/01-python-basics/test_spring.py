"""Hidden tests of the ``Spring`` class: force and energy, series and parallel, no side effects."""

from autograder.testing import RemoteObject, assert_close, assert_raises, graded


def _random_spring_args(rng):
    return float(10.0 ** rng.uniform(1, 6)), float(rng.uniform(0.0, 2.0))


@graded("Spring", points=1)
def test_spring_force_and_energy_match_reference(student, reference, rng):
    for _ in range(4):
        k, x0 = _random_spring_args(rng)
        got, want = student.Spring(k, x0), reference.Spring(k, x0)
        assert_close(got.k, k, rtol=0.0, atol=0.0, what="the attribute k")
        assert_close(got.x0, x0, rtol=0.0, atol=0.0, what="the attribute x0")
        for x in x0 + rng.uniform(-1.0, 1.0, size=3):
            x = float(x)
            scale = k * (abs(x) + abs(x0))
            assert_close(got.force(x), want.force(x), rtol=1e-9, atol=1e-12 * scale, what="force(x)")
            assert_close(got.energy(x), want.energy(x), rtol=1e-9, atol=1e-12 * scale * (abs(x) + abs(x0)),
                         what="energy(x)")
    k = float(10.0 ** rng.uniform(1, 6))
    spring = student.Spring(k)
    assert_close(spring.x0, 0.0, what="the default rest length")
    x = float(rng.uniform(0.1, 1.0))
    assert_close(spring.force(x), k * x, rtol=1e-12, what="force(x) with the default rest length")


@graded("Spring", points=1)
def test_spring_series_and_parallel_match_reference(student, reference, rng):
    for _ in range(4):
        args1, args2 = _random_spring_args(rng), _random_spring_args(rng)
        s1, s2 = student.Spring(*args1), student.Spring(*args2)
        r1, r2 = reference.Spring(*args1), reference.Spring(*args2)
        for combine in ("series", "parallel"):
            got, want = getattr(s1, combine)(s2), getattr(r1, combine)(r2)
            assert isinstance(got, RemoteObject), f"{combine}() must return a Spring"
            assert_close(got.k, want.k, rtol=1e-9, atol=0.0, what=f"k of the {combine} spring")
            assert_close(got.x0, want.x0, rtol=1e-9, atol=1e-12, what=f"x0 of the {combine} spring")


@graded("Spring", points=1)
def test_spring_combinations_share_force_and_energy(student, rng):
    for _ in range(4):
        (k1, a1), (k2, a2) = _random_spring_args(rng), _random_spring_args(rng)
        s1, s2 = student.Spring(k1, a1), student.Spring(k2, a2)
        # parallel: both springs have the same length, their forces add up
        x = float(rng.uniform(0.0, 3.0))
        assert_close(s1.parallel(s2).force(x), s1.force(x) + s2.force(x), rtol=1e-9,
                     atol=1e-9 * (k1 + k2), what="the force of the parallel spring")
        # series: the same tension in both springs, their lengths add up
        series = s1.series(s2)
        length = float(rng.uniform(a1 + a2 - 1.0, a1 + a2 + 1.0))
        tension = series.force(length)
        length1 = a1 + tension / k1
        assert_close(s2.force(length - length1), tension, rtol=1e-9, atol=1e-9 * (k1 + k2),
                     what="the tension in the second spring of a series pair")
        assert_close(series.energy(length), s1.energy(length1) + s2.energy(length - length1),
                     rtol=1e-9, atol=1e-9 * (k1 + k2), what="the energy stored in a series pair")


@graded("Spring", points=1)
def test_spring_combinations_leave_operands_alone_and_k_is_validated(student, rng):
    (k1, a1), (k2, a2) = _random_spring_args(rng), _random_spring_args(rng)
    s1, s2 = student.Spring(k1, a1), student.Spring(k2, a2)
    s1.series(s2)
    s1.parallel(s2)
    s2.series(s1)
    s2.parallel(s1)
    for spring, k, x0 in ((s1, k1, a1), (s2, k2, a2)):
        assert spring.k == k and spring.x0 == x0, "series() or parallel() changed one of the springs"
    for k in (0.0, -1.0, -float(10.0 ** rng.uniform(1, 6))):
        assert_raises("ValueError", student.Spring, k)
        assert_raises("ValueError", student.Spring, k, 0.5)
