"""Hidden tests of ``fit_gmm``: the EM loop, its history, monotonicity and recovery of a known mixture."""

import warnings

import numpy as np

from autograder.testing import assert_close, graded


def _sample(rng, weights, means, covs, n, with_labels=False):
    labels = rng.choice(len(weights), size=n, p=weights)
    X = np.empty((n, means.shape[1]))
    for k in range(len(weights)):
        idx = labels == k
        X[idx] = rng.multivariate_normal(means[k], covs[k], size=int(idx.sum()))
    return (X, labels) if with_labels else X


def _random_mixture(rng, k, d, spread):
    weights = rng.dirichlet(np.full(k, 5.0))
    means = rng.normal(scale=spread, size=(k, d))
    covs = np.empty((k, d, d))
    for j in range(k):
        M = rng.normal(size=(d, d))
        covs[j] = M @ M.T / d + np.diag(rng.uniform(0.3, 1.0, size=d))
    return weights, means, covs


def _initial(rng, X, k):
    means = X[rng.choice(X.shape[0], size=k, replace=False)]
    covs = np.repeat(np.cov(X.T, bias=True).reshape(1, X.shape[1], X.shape[1]), k, axis=0)
    return np.full(k, 1.0 / k), means, covs


def _quadruple(result, what):
    assert isinstance(result, (tuple, list)) and len(result) == 4, \
        f"{what}: expected (weights, means, covs, history)"
    return tuple(np.asarray(part, dtype=float) for part in result)


@graded("fit_gmm", points=1)
def test_fit_gmm_matches_reference_from_the_same_start(student, reference, rng):
    # overlapping components, so that the soft responsibilities matter
    k, d = 3, 2
    X = _sample(rng, *_random_mixture(rng, k, d, spread=1.5), n=150)
    start = _initial(rng, X, k)
    # a fixed number of iterations: the whole history must agree
    n_iter = int(rng.integers(4, 9))
    got = _quadruple(student.fit_gmm(X, *start, max_iter=n_iter, tol=-np.inf, reg=1e-3), "fixed iterations")
    expected = reference.fit_gmm(X, *start, max_iter=n_iter, tol=-np.inf, reg=1e-3)
    assert got[3].shape == expected[3].shape, \
        "fixed iterations: the history must hold the initial log-likelihood and one value per iteration"
    for name, g, e in zip(("weights", "means", "covariances", "history"), got, expected):
        assert_close(g, e, rtol=1e-8, atol=1e-10, what=f"fixed iterations: the {name}")
    # run to convergence: separated components and a start near them, so that EM converges in a few
    # dozen iterations and an implementation that stops one iteration earlier or later still agrees
    weights, _, covs = _random_mixture(rng, k, d, spread=1.0)
    means = np.array([[0.0, 0.0], [6.0, 0.0], [0.0, 6.0]]) + rng.normal(scale=0.3, size=(k, d))
    X = _sample(rng, weights, means, 0.25 * covs, n=150)
    start = (np.full(k, 1.0 / k), means + rng.normal(scale=0.5, size=(k, d)),
             np.repeat(np.cov(X.T, bias=True)[np.newaxis], k, axis=0))
    got = _quadruple(student.fit_gmm(X, *start, max_iter=300, tol=1e-7), "converged run")
    expected = reference.fit_gmm(X, *start, max_iter=300, tol=1e-7)
    assert abs(len(got[3]) - len(expected[3])) <= 1, "converged run: wrong number of iterations"
    for name, g, e in zip(("weights", "means", "covariances"), got[:3], expected[:3]):
        assert_close(g, e, rtol=1e-4, atol=1e-5, what=f"converged run: the {name}")
    assert_close(got[3][-1], expected[3][-1], rtol=1e-8, what="converged run: the final log-likelihood")


@graded("fit_gmm", points=1)
def test_fit_gmm_agrees_with_scikit_learn_from_the_same_start(student, rng):
    # scikit-learn's GaussianMixture runs the same EM: its M-step adds reg_covar to the diagonal of the
    # 1/N_k covariances, and started from weights_init, means_init and precisions_init = inv(covs) with
    # tol = 0 it runs exactly max_iter E- and M-steps. Its lower_bound_ is the mean log-likelihood
    # before the last M-step, score(X) the mean log-likelihood of the final parameters.
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.mixture import GaussianMixture

    for case, (k, d) in enumerate(((3, 2), (2, 3))):
        X = _sample(rng, *_random_mixture(rng, k, d, spread=1.5), n=int(rng.integers(150, 250)))
        n = X.shape[0]
        start = _initial(rng, X, k)
        n_iter, reg = int(rng.integers(10, 25)), float(rng.choice([1e-6, 1e-3]))
        got = _quadruple(student.fit_gmm(X, *start, max_iter=n_iter, tol=-np.inf, reg=reg), f"case {case + 1}")
        model = GaussianMixture(n_components=k, covariance_type="full", weights_init=start[0],
                                means_init=start[1], precisions_init=np.linalg.inv(start[2]), reg_covar=reg,
                                tol=0.0, max_iter=n_iter, n_init=1, init_params="random_from_data")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            model.fit(X)
        assert got[3].shape == (n_iter + 1,), \
            f"case {case + 1}: the history must hold the initial log-likelihood and one value per iteration"
        for name, g, e in zip(("weights", "means", "covariances"), got[:3],
                              (model.weights_, model.means_, model.covariances_)):
            assert_close(g, e, rtol=1e-7, atol=1e-9, what=f"case {case + 1}: the {name} compared with scikit-learn")
        assert_close(got[3][-1], n * model.score(X), rtol=1e-9,
                     what=f"case {case + 1}: the final log-likelihood compared with scikit-learn")
        assert_close(got[3][-2], n * model.lower_bound_, rtol=1e-9,
                     what=f"case {case + 1}: the last but one log-likelihood compared with scikit-learn")


@graded("fit_gmm", points=1)
def test_fit_gmm_never_decreases_the_log_likelihood(student, reference, rng):
    # overlapping components and no jitter; the start (means near the true ones, the covariance of all
    # data) keeps every component away from collapsing onto a few points
    k, d = int(rng.integers(2, 4)), 2
    weights, means, covs = _random_mixture(rng, k, d, spread=2.0)
    X = _sample(rng, weights, means, covs, n=200)
    start = (np.full(k, 1.0 / k), means + rng.normal(scale=1.0, size=(k, d)),
             np.repeat(np.cov(X.T, bias=True)[np.newaxis], k, axis=0))
    weights, means, covs, history = _quadruple(student.fit_gmm(X, *start, max_iter=40, tol=-np.inf, reg=0.0),
                                               "without jitter")
    assert history.shape == (41,), "without jitter: the history must have max_iter + 1 entries"
    assert np.all(np.diff(history) >= -1e-9 * np.abs(history[1:])), \
        "without jitter: the log-likelihood decreased during EM"
    assert history[-1] > history[0], "without jitter: EM did not improve the initial log-likelihood"
    assert_close(history[0], reference.e_step(X, *start)[1], rtol=1e-10,
                 what="history[0], the log-likelihood of the initial parameters,")
    assert_close(history[-1], reference.e_step(X, weights, means, covs)[1], rtol=1e-10,
                 what="history[-1], the log-likelihood of the returned parameters,")


@graded("fit_gmm", points=1)
def test_fit_gmm_recovers_separated_phases_up_to_relabelling(student, reference, rng):
    # three well separated phases (indentation modulus and hardness in GPa), started from shuffled,
    # perturbed means: the fit must reproduce each phase's own statistics, whatever order it ends in
    weights = rng.dirichlet(np.full(3, 8.0))
    means = np.array([[20.0, 0.5], [60.0, 2.5], [110.0, 5.0]]) + rng.normal(scale=[2.0, 0.1], size=(3, 2))
    covs = np.array([np.diag([s**2, (s / 20) ** 2]) for s in rng.uniform(2.0, 3.0, size=3)])
    X, labels = _sample(rng, weights, means, covs, n=600, with_labels=True)
    order = rng.permutation(3)
    start_means = means[order] + rng.normal(scale=[5.0, 0.3], size=(3, 2))
    start_covs = np.repeat(np.diag([100.0, 1.0])[np.newaxis], 3, axis=0)
    fitted = _quadruple(student.fit_gmm(X, np.full(3, 1 / 3), start_means, start_covs), "separated phases")
    assert fitted[1].shape == (3, 2), "separated phases: the means must have shape (K, D)"
    perm = reference.align_components(means, fitted[1])
    phase_means = np.array([X[labels == k].mean(axis=0) for k in range(3)])
    phase_covs = np.array([np.cov(X[labels == k].T, bias=True) for k in range(3)])
    assert_close(fitted[0][perm], np.bincount(labels, minlength=3) / len(labels), rtol=0, atol=1e-3,
                 what="separated phases: the weights")
    assert_close(fitted[1][perm], phase_means, rtol=1e-3, atol=1e-4, what="separated phases: the means")
    assert_close(fitted[2][perm], phase_covs, rtol=1e-2, atol=1e-4, what="separated phases: the covariances")
