"""Hidden tests of ``epsilon_greedy``: decisions and random draws in the docstring's order.

The student's function receives a generator that lives in the sandbox (made by the notebook's own
numpy); the reference receives an equally seeded generator here, so both sequences must agree.
"""

import numpy as np

from autograder.testing import assert_equal, assert_raises, graded


def _generators(student, rng):
    seed = int(rng.integers(2 ** 32))
    return student.np.random.default_rng(seed), np.random.default_rng(seed)


def _in_step(remote, local, what):
    assert float(remote.random()) == float(local.random()), \
        f"{what}: the generator was not advanced as the docstring prescribes (one rng.random() per " \
        "decision, one rng.integers(n_actions) only when exploring)"


@graded("epsilon_greedy", points=1)
def test_epsilon_greedy_sequence_matches_reference(student, reference, rng):
    remote, local = _generators(student, rng)
    choose = student.epsilon_greedy
    for block in range(4):
        n_actions = int(rng.integers(2, 7))
        epsilon = float(rng.uniform(0.2, 0.8))
        for step in range(30):
            if step % 3 == 0:
                q = rng.integers(0, 3, size=n_actions).astype(float)      # ties are likely
            else:
                q = rng.normal(size=n_actions)
            action = choose(q, epsilon, remote)
            assert_equal(action, reference.epsilon_greedy(q, epsilon, local),
                         what=f"decision {30 * block + step + 1} of a seeded run")
    _in_step(remote, local, "after a seeded run")


@graded("epsilon_greedy", points=1)
def test_epsilon_greedy_limits_and_errors(student, reference, rng):
    remote, local = _generators(student, rng)
    choose = student.epsilon_greedy
    q = rng.normal(size=5)
    q[3] = q[1] = q.max() + 1.0                                           # tied greedy actions 1 and 3
    for _ in range(20):
        assert_equal(choose(q, 0.0, remote), 1, what="epsilon = 0: the action")
        reference.epsilon_greedy(q, 0.0, local)
    _in_step(remote, local, "epsilon = 0")
    actions = []
    for _ in range(60):
        actions.append(choose(q, 1.0, remote))
        assert_equal(actions[-1], reference.epsilon_greedy(q, 1.0, local), what="epsilon = 1: the action")
    _in_step(remote, local, "epsilon = 1")
    assert isinstance(actions[0], (int, np.integer)), "the action must be an int"
    assert_raises("ValueError", student.epsilon_greedy, q, 1.5, remote)
    assert_raises("ValueError", student.epsilon_greedy, q, -0.1, remote)
    assert_raises("ValueError", student.epsilon_greedy, np.ones((2, 3)), 0.1, remote)
    _in_step(remote, local, "after invalid arguments")
