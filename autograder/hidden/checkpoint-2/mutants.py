"""Plausible wrong answers and implementations for the quiz checkpoint-2; each must lose points."""

import numpy as np

from autograder.mutants import mutant


# --- multiple_choice ----------------------------------------------------------------------------

@mutant("generative-model confusions: the KL term read as the reconstruction, posterior for mode collapse")
def multiple_choice__generative_confusions():
    return {1: "a", 2: "a", 3: "b", 4: "a", 5: "c", 6: "a", 7: "b", 8: "d", 9: "c", 10: "a"}


@mutant("hardware confusions: a batch saves FLOPs, bfloat16 is the more precise format")
def multiple_choice__hardware_confusions():
    return {1: "b", 2: "c", 3: "a", 4: "d", 5: "a", 6: "b", 7: "b", 8: "d", 9: "c", 10: "a"}


@mutant("RL and PINN confusions: SARSA off-policy, gamma near 1 myopic, penalised boundary conditions exact")
def multiple_choice__rl_and_pinn_confusions():
    return {1: "b", 2: "c", 3: "a", 4: "d", 5: "c", 6: "a", 7: "a", 8: "c", 9: "c", 10: "c"}


# --- numeric_answers ----------------------------------------------------------------------------

@mutant("KL in the wrong direction, KL(p || q), and the first reward discounted by gamma")
def numeric_answers__kl_reversed_and_shifted_discount():
    kl_reversed = np.log(0.5 / 2.0) + (2.0 ** 2 + 1.0) / (2 * 0.5 ** 2) - 0.5
    shifted = sum(0.9 ** (t + 1) * r for t, r in enumerate([-1.0, -1.0, -1.0, 10.0]))
    return {11: float(kl_reversed), 12: 73.40032, 13: float(shifted), 14: 3.968254}


@mutant("memory in MiB (2**20 bytes) and only the output feature maps counted")
def numeric_answers__mebibytes_output_only():
    kl = np.log(2.0 / 0.5) + (0.5 ** 2 + 1.0) / (2 * 2.0 ** 2) - 0.5
    return {11: float(kl), 12: 32 * 128 * 128 * 32 * 4 / 2 ** 20, 13: 4.58, 14: 3.968254}


@mutant("deflection with the cantilever formula q L^4 / (8 E I), and in metres")
def numeric_answers__cantilever_in_metres():
    kl = np.log(2.0 / 0.5) + (0.5 ** 2 + 1.0) / (2 * 2.0 ** 2) - 0.5
    return {11: float(kl), 12: 73.40032, 13: 4.58, 14: 2.0e3 * 4.0 ** 4 / (8 * 210e9 * 8.0e-6)}


# --- vae_sample_and_kl --------------------------------------------------------------------------

@mutant("scales eps by the variance exp(log_var) instead of the standard deviation")
def vae_sample_and_kl__variance_for_std(mu, log_var, eps):
    mu, log_var, eps = (np.asarray(a, dtype=float) for a in (mu, log_var, eps))
    if mu.ndim == 0 or mu.shape != log_var.shape or mu.shape != eps.shape:
        raise ValueError("shapes differ")
    z = mu + np.exp(log_var) * eps
    kl = -0.5 * np.sum(1.0 + log_var - mu ** 2 - np.exp(log_var), axis=-1)
    return z, kl


@mutant("averages the KL over the latent dimensions instead of summing")
def vae_sample_and_kl__mean_over_latent(mu, log_var, eps):
    mu, log_var, eps = (np.asarray(a, dtype=float) for a in (mu, log_var, eps))
    if mu.ndim == 0 or mu.shape != log_var.shape or mu.shape != eps.shape:
        raise ValueError("shapes differ")
    z = mu + np.exp(0.5 * log_var) * eps
    kl = -0.5 * np.mean(1.0 + log_var - mu ** 2 - np.exp(log_var), axis=-1)
    return z, kl


@mutant("drops the minus sign: returns -KL (the ELBO's sign)")
def vae_sample_and_kl__sign(mu, log_var, eps):
    mu, log_var, eps = (np.asarray(a, dtype=float) for a in (mu, log_var, eps))
    if mu.ndim == 0 or mu.shape != log_var.shape or mu.shape != eps.shape:
        raise ValueError("shapes differ")
    z = mu + np.exp(0.5 * log_var) * eps
    kl = 0.5 * np.sum(1.0 + log_var - mu ** 2 - np.exp(log_var), axis=-1)
    return z, kl


# --- bellman_backup -----------------------------------------------------------------------------

@mutant("averages over the next actions instead of maximising (the uniform policy's value)")
def bellman_backup__mean_not_max(Q, P, R, gamma, terminal=None):
    Q, P, R = (np.asarray(a, dtype=float) for a in (Q, P, R))
    if Q.ndim != 2 or R.shape != Q.shape or P.shape != Q.shape + (Q.shape[0],):
        raise ValueError("shapes")
    V = Q.mean(axis=1)
    if terminal is not None:
        V = np.where(np.asarray(terminal, dtype=bool), 0.0, V)
    return R + gamma * (P @ V)


@mutant("bootstraps from terminal states (ignores the terminal mask)")
def bellman_backup__bootstraps_terminal(Q, P, R, gamma, terminal=None):
    Q, P, R = (np.asarray(a, dtype=float) for a in (Q, P, R))
    if Q.ndim != 2 or R.shape != Q.shape or P.shape != Q.shape + (Q.shape[0],):
        raise ValueError("shapes")
    return R + gamma * (P @ Q.max(axis=1))


@mutant("reads P as P[s', a, s] (the transition matrix transposed)")
def bellman_backup__transposed_transitions(Q, P, R, gamma, terminal=None):
    Q, P, R = (np.asarray(a, dtype=float) for a in (Q, P, R))
    if Q.ndim != 2 or R.shape != Q.shape or P.shape != Q.shape + (Q.shape[0],):
        raise ValueError("shapes")
    V = Q.max(axis=1)
    if terminal is not None:
        V = np.where(np.asarray(terminal, dtype=bool), 0.0, V)
    return R + gamma * np.einsum("tas,t->sa", P, V)


# --- bvp_trial ----------------------------------------------------------------------------------

@mutant("forgets the product rule: du = (u1 - u0) + g p', d2u = g p''")
def bvp_trial__no_product_rule(x, c, u0, u1):
    x, c = np.asarray(x, dtype=float), np.asarray(c, dtype=float)
    p, dp, d2p = np.zeros_like(x), np.zeros_like(x), np.zeros_like(x)
    for k in range(c.size):
        p += c[k] * x ** k
        if k >= 1:
            dp += k * c[k] * x ** (k - 1)
        if k >= 2:
            d2p += k * (k - 1) * c[k] * x ** (k - 2)
    g = x * (1.0 - x)
    return u0 * (1.0 - x) + u1 * x + g * p, (u1 - u0) + g * dp, g * d2p


@mutant("evaluates p with np.polyval, whose coefficients run from the highest power down")
def bvp_trial__polyval_order(x, c, u0, u1):
    x, c = np.asarray(x, dtype=float), np.asarray(c, dtype=float)
    if c.size == 0:
        p = dp = d2p = np.zeros_like(x)
    else:
        p = np.polyval(c, x)
        dp = np.polyval(np.polyder(c), x)
        d2p = np.polyval(np.polyder(c, 2), x)
    g, dg = x * (1.0 - x), 1.0 - 2.0 * x
    return (u0 * (1.0 - x) + u1 * x + g * p, (u1 - u0) + dg * p + g * dp,
            -2.0 * p + 2.0 * dg * dp + g * d2p)


@mutant("swaps the boundary values: u0 x + u1 (1 - x)")
def bvp_trial__swapped_boundary(x, c, u0, u1):
    x, c = np.asarray(x, dtype=float), np.asarray(c, dtype=float)
    p, dp, d2p = np.zeros_like(x), np.zeros_like(x), np.zeros_like(x)
    for k in range(c.size):
        p += c[k] * x ** k
        if k >= 1:
            dp += k * c[k] * x ** (k - 1)
        if k >= 2:
            d2p += k * (k - 1) * c[k] * x ** (k - 2)
    g, dg = x * (1.0 - x), 1.0 - 2.0 * x
    return u0 * x + u1 * (1.0 - x) + g * p, (u0 - u1) + dg * p + g * dp, -2.0 * p + 2.0 * dg * dp + g * d2p
