"""Hidden tests of ``fibonacci_list``: random bounds, edge cases, the recurrence."""

from autograder.testing import assert_equal, graded


@graded("fibonacci_list", points=1)
def test_fibonacci_list_matches_reference_for_random_bounds(student, reference, rng):
    fibonacci_numbers = reference.fibonacci_list(10**7)
    bounds = [
        int(rng.integers(5, 300)),
        int(rng.integers(300, 10**6)),
        # a bound that is itself a Fibonacci number: it must not be listed
        fibonacci_numbers[int(rng.integers(6, len(fibonacci_numbers)))],
        # far beyond 2**53: only exact integer arithmetic gets every digit right
        int(10 ** rng.uniform(25, 40)),
    ]
    for n in bounds:
        assert_equal(student.fibonacci_list(n), reference.fibonacci_list(n),
                     what="fibonacci_list(n) for a random bound n")


@graded("fibonacci_list", points=1)
def test_fibonacci_list_edge_cases_and_recurrence(student, reference, rng):
    for n in (-7, 1, 2, 3):
        assert_equal(student.fibonacci_list(n), reference.fibonacci_list(n),
                     what="fibonacci_list(n) for a small or non-positive bound n")
    n = int(10 ** rng.uniform(12, 30)) + int(rng.integers(1, 1000))
    numbers = student.fibonacci_list(n)
    assert isinstance(numbers, list), "fibonacci_list must return a list"
    assert len(numbers) >= 3 and numbers[:3] == [0, 1, 1], "the sequence must start 0, 1, 1"
    assert all(numbers[i] == numbers[i - 1] + numbers[i - 2] for i in range(2, len(numbers))), \
        "each number must be the sum of the two before it"
    assert numbers[-1] < n <= numbers[-1] + numbers[-2], \
        "the list must hold every Fibonacci number below the bound and none above it"
