"""Hidden tests of ``segmentation_losses``: soft Dice, soft IoU and focal loss of a binary segmentation."""

import numpy as np

from autograder.testing import assert_close, assert_raises, graded


def _losses(student, mask, prob, what, **kwargs):
    result = student.segmentation_losses(mask, prob, **kwargs)
    assert isinstance(result, dict) and set(result) == {"dice", "iou", "focal"}, \
        f"{what}: expected a dict with the keys dice, iou, focal"
    return result


def _crack_masks(rng, shape):
    """Imbalanced masks (about 5 % foreground) and predictions that are good on most pixels."""
    mask = (rng.random(shape) < 0.05).astype(int)
    prob = np.clip(np.where(mask == 1, rng.beta(4, 2, shape), rng.beta(1, 6, shape)), 0.0, 1.0)
    return mask, prob


@graded("segmentation_losses", points=1)
def test_segmentation_losses_match_reference(student, reference, rng):
    for case in range(3):
        shape = (int(rng.integers(1, 4)), int(rng.integers(4, 12)), int(rng.integers(4, 12)))
        mask, prob = _crack_masks(rng, shape)
        kwargs = {} if case == 0 else {"alpha": float(rng.uniform(0.1, 0.9)), "gamma": float(rng.uniform(0.0, 4.0)),
                                       "smooth": float(rng.choice([0.0, 1e-6, 1.0]))}
        assert_close(_losses(student, mask, prob, f"case {case + 1}", **kwargs),
                     reference.segmentation_losses(mask, prob, **kwargs), rtol=1e-9, atol=1e-12,
                     what=f"case {case + 1}")


@graded("segmentation_losses", points=1)
def test_segmentation_losses_have_their_limits_and_relations(student, rng):
    mask = (rng.random((3, 10, 10)) < 0.1).astype(int)
    mask[0, 0, 0] = 1
    perfect = _losses(student, mask, mask.astype(float), "a perfect prediction", smooth=float(rng.uniform(0, 2)))
    assert abs(perfect["dice"]) < 1e-12 and abs(perfect["iou"]) < 1e-12, "a perfect prediction has Dice and IoU loss 0"
    assert 0.0 <= perfect["focal"] < 1e-9, "a perfect prediction has a focal loss of (almost) 0"
    wrong = _losses(student, mask, 1.0 - mask, "the complementary prediction", smooth=0.0)
    assert_close([wrong["dice"], wrong["iou"]], [1.0, 1.0], rtol=1e-12,
                 what="Dice and IoU loss of a disjoint prediction")
    guess = (rng.random(mask.shape) < 0.15).astype(float)
    result = _losses(student, mask, guess, "a binary prediction", smooth=0.0)
    D = 1.0 - result["dice"]
    assert np.isclose(1.0 - result["iou"], D / (2.0 - D), rtol=1e-10), \
        "for binary masks and smooth = 0 the Jaccard index J and the Dice coefficient D obey J = D / (2 - D)"
    mask, prob = _crack_masks(rng, (2, 8, 8))
    bce = -np.mean(mask * np.log(prob.clip(1e-7, 1 - 1e-7)) + (1 - mask) * np.log((1 - prob).clip(1e-7, 1 - 1e-7)))
    assert np.isclose(_losses(student, mask, prob, "gamma 0", alpha=0.5, gamma=0.0)["focal"], 0.5 * bce, rtol=1e-9), \
        "with gamma = 0 and alpha = 1/2 the focal loss is half the binary cross-entropy"


@graded("segmentation_losses", points=1)
def test_segmentation_focal_loss_down_weights_easy_pixels_and_checks_arguments(student, reference, rng):
    mask, prob = _crack_masks(rng, (2, 16, 16))
    prob[mask == 0] = rng.uniform(0.0, 0.02, size=int(np.sum(mask == 0)))   # many easy background pixels
    prob.flat[0], mask.flat[0] = 0.0, 1                                    # a missed crack pixel: p_t = 0
    for gamma in (0.0, 1.0, 2.0, 5.0):
        assert_close(_losses(student, mask, prob, f"gamma {gamma:g}", alpha=0.75, gamma=gamma),
                     reference.segmentation_losses(mask, prob, alpha=0.75, gamma=gamma), rtol=1e-9, atol=1e-12,
                     what=f"the losses with alpha = 0.75 and gamma = {gamma:g}")
    assert_raises("ValueError", student.segmentation_losses, mask, prob[:, :-1])
    bad = mask.copy()
    bad.flat[3] = 2
    assert_raises("ValueError", student.segmentation_losses, bad, prob)
    assert_raises("ValueError", student.segmentation_losses, mask, prob + 1.5)
