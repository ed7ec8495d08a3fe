"""Hidden tests of p_norm: random vectors, huge and tiny entries, edge cases."""

import numpy as np

from autograder.testing import assert_close, assert_raises, graded


@graded("p_norm", points=1)
def test_p_norm_matches_reference_on_random_vectors(student, reference, rng):
    for _ in range(3):
        v = rng.normal(scale=rng.uniform(0.1, 10.0), size=int(rng.integers(1, 12)))
        for label, p in (("1", 1), ("2", 2), ("3", 3), ("a non-integer p", rng.uniform(1.1, 8.0)),
                         ("inf", np.inf)):
            assert_close(student.p_norm(v, p), reference.p_norm(v, p), rtol=1e-10, atol=0.0,
                         what=f"p_norm of a random vector with p = {label}")


@graded("p_norm", points=1)
def test_p_norm_stays_finite_for_huge_and_tiny_entries(student, rng):
    base = rng.normal(size=int(rng.integers(2, 6)))
    cases = [(np.array([1.0, 2.0]), 1e200, 3)]
    for scale in (1e200, 1e300, 1e-200, 1e-300):
        for p in (2, 3, rng.uniform(1.5, 6.0), np.inf):
            cases.append((base, scale, p))
    for direction, scale, p in cases:
        got = student.p_norm(scale * direction, p)
        want = scale * np.linalg.norm(direction, p)
        assert np.isfinite(got) and got > 0, \
            "p_norm overflows or underflows for a vector with huge or tiny entries (factor out max |v_i|)"
        assert_close(got, want, rtol=1e-12, atol=0.0, what="p_norm of a vector with huge or tiny entries")


@graded("p_norm", points=1)
def test_p_norm_edge_cases(student):
    for p in (1, 2, 3, np.inf):
        assert_close(student.p_norm(np.zeros(4), p), 0.0, atol=0.0, what="p_norm of the zero vector")
    negative = -np.array([3.0, 4.0, 12.0])
    for p, want in ((1, 19.0), (2, 13.0), (3, (27.0 + 64.0 + 1728.0) ** (1 / 3)), (np.inf, 12.0)):
        assert_close(student.p_norm(negative, p), want, rtol=1e-12,
                     what="p_norm of a vector with only negative entries")
    assert_close(student.p_norm([-2.5], 3.5), 2.5, rtol=1e-12, what="p_norm of a one-entry list")
    for p in (0.5, 0, -2):
        assert_raises("ValueError", student.p_norm, np.ones(3), p)
