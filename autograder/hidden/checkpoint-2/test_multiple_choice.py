"""Hidden tests of ``multiple_choice``: one test per question, each with its own points.

The messages say only whether a question's choice is the expected one, never which letter is: the
quiz can be resubmitted until the deadline.
"""

from autograder.testing import graded

TOPICS = {1: "generative and discriminative models", 2: "the KL term of a VAE", 3: "a GAN's failure",
          4: "the non-saturating generator loss", 5: "GPU throughput and batch size",
          6: "float16 and bfloat16", 7: "on-policy and off-policy learning", 8: "the discount factor",
          9: "spectral bias", 10: "hard and soft boundary conditions"}


def _check(student, reference, number):
    answers = student.multiple_choice()
    assert isinstance(answers, dict), "multiple_choice() must return a dict {question number: letter}"
    given = answers.get(number, answers.get(str(number)))
    label = f"question {number} ({TOPICS[number]})"
    assert given is not None, f"{label}: no answer"
    assert isinstance(given, str) and len(given.strip()) == 1 and given.strip().lower() in "abcd", \
        f"{label}: the answer must be one of the letters a, b, c, d"
    assert given.strip().lower() == reference.multiple_choice()[number], f"{label}: not the expected choice"


@graded("multiple_choice", points=1)
def test_question_01(student, reference):
    _check(student, reference, 1)


@graded("multiple_choice", points=1)
def test_question_02(student, reference):
    _check(student, reference, 2)


@graded("multiple_choice", points=1)
def test_question_03(student, reference):
    _check(student, reference, 3)


@graded("multiple_choice", points=1)
def test_question_04(student, reference):
    _check(student, reference, 4)


@graded("multiple_choice", points=1)
def test_question_05(student, reference):
    _check(student, reference, 5)


@graded("multiple_choice", points=1)
def test_question_06(student, reference):
    _check(student, reference, 6)


@graded("multiple_choice", points=1)
def test_question_07(student, reference):
    _check(student, reference, 7)


@graded("multiple_choice", points=1)
def test_question_08(student, reference):
    _check(student, reference, 8)


@graded("multiple_choice", points=1)
def test_question_09(student, reference):
    _check(student, reference, 9)


@graded("multiple_choice", points=1)
def test_question_10(student, reference):
    _check(student, reference, 10)
