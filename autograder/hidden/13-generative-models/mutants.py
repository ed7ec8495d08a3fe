"""Plausible wrong implementations of the tasks of 13-generative-models; each must lose points."""

import numpy as np

from autograder.mutants import mutant


# --- linear_autoencoder -------------------------------------------------------------------------

@mutant("does not centre the data: the decoder's subspace is pulled towards the mean")
def linear_autoencoder__no_centring(X, k, lr=0.05, n_steps=1000, seed=0):
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.shape[0] < 2 or X.shape[1] < 2 or not 1 <= k < X.shape[1]:
        raise ValueError("arguments")
    n, d = X.shape
    rng = np.random.default_rng(seed)
    W_enc, W_dec = 0.1 * rng.standard_normal((d, k)), 0.1 * rng.standard_normal((k, d))
    losses = []
    for step in range(n_steps + 1):
        Z = X @ W_enc
        R = Z @ W_dec - X
        losses.append(np.sum(R ** 2) / n)
        if step < n_steps:
            W_enc, W_dec = W_enc - lr * 2 / n * X.T @ R @ W_dec.T, W_dec - lr * 2 / n * Z.T @ R
    return {"W_enc": W_enc, "W_dec": W_dec, "mean": X.mean(axis=0), "losses": np.array(losses)}


@mutant("trains only the decoder: the random encoder stays, and the codes miss the principal subspace")
def linear_autoencoder__frozen_encoder(X, k, lr=0.05, n_steps=1000, seed=0):
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.shape[0] < 2 or X.shape[1] < 2 or not 1 <= k < X.shape[1]:
        raise ValueError("arguments")
    n, d = X.shape
    mean = X.mean(axis=0)
    Xc = X - mean
    rng = np.random.default_rng(seed)
    W_enc, W_dec = 0.1 * rng.standard_normal((d, k)), 0.1 * rng.standard_normal((k, d))
    losses = []
    for step in range(n_steps + 1):
        Z = Xc @ W_enc
        R = Z @ W_dec - Xc
        losses.append(np.sum(R ** 2) / n)
        if step < n_steps:
            W_dec = W_dec - lr * 2 / n * Z.T @ R
    return {"W_enc": W_enc, "W_dec": W_dec, "mean": mean, "losses": np.array(losses)}


@mutant("uses the gradient of the summed loss (no 1/N) with the learning rate meant for the mean")
def linear_autoencoder__summed_gradient(X, k, lr=0.05, n_steps=1000, seed=0):
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.shape[0] < 2 or X.shape[1] < 2 or not 1 <= k < X.shape[1]:
        raise ValueError("arguments")
    n, d = X.shape
    mean = X.mean(axis=0)
    Xc = X - mean
    rng = np.random.default_rng(seed)
    W_enc, W_dec = 0.1 * rng.standard_normal((d, k)), 0.1 * rng.standard_normal((k, d))
    losses = []
    with np.errstate(all="ignore"):
        for step in range(n_steps + 1):
            Z = Xc @ W_enc
            R = Z @ W_dec - Xc
            losses.append(np.sum(R ** 2) / n)
            if step < n_steps:
                W_enc, W_dec = W_enc - lr * 2 * Xc.T @ R @ W_dec.T, W_dec - lr * 2 * Z.T @ R
    return {"W_enc": W_enc, "W_dec": W_dec, "mean": mean, "losses": np.array(losses)}


# --- vae_loss -----------------------------------------------------------------------------------

@mutant("scales the noise by the variance exp(log_var) instead of the standard deviation exp(log_var / 2)")
def vae_loss__variance_for_std(x, mu, log_var, eps, decoder, reconstruction="bce"):
    x, mu, log_var, eps = (np.asarray(a, dtype=float) for a in (x, mu, log_var, eps))
    if reconstruction not in ("bce", "mse") or mu.shape != log_var.shape or mu.shape != eps.shape:
        raise ValueError("arguments")
    z = mu + np.exp(log_var) * eps
    out = np.asarray(decoder(z), dtype=float)
    if reconstruction == "bce":
        rec = np.sum(np.logaddexp(0.0, out) - x * out, axis=1)
    else:
        rec = np.sum((x - out) ** 2, axis=1)
    kl = -0.5 * np.sum(1 + log_var - mu ** 2 - np.exp(log_var), axis=1)
    return {"z": z, "reconstruction": float(np.mean(rec)), "kl": float(np.mean(kl)), "loss": float(np.mean(rec + kl))}


@mutant("averages the KL divergence over the latent dimensions instead of summing")
def vae_loss__kl_mean_over_latent(x, mu, log_var, eps, decoder, reconstruction="bce"):
    x, mu, log_var, eps = (np.asarray(a, dtype=float) for a in (x, mu, log_var, eps))
    if reconstruction not in ("bce", "mse") or mu.shape != log_var.shape or mu.shape != eps.shape:
        raise ValueError("arguments")
    z = mu + np.exp(0.5 * log_var) * eps
    out = np.asarray(decoder(z), dtype=float)
    if reconstruction == "bce":
        rec = np.sum(np.logaddexp(0.0, out) - x * out, axis=1)
    else:
        rec = np.sum((x - out) ** 2, axis=1)
    kl = -0.5 * np.mean(1 + log_var - mu ** 2 - np.exp(log_var), axis=1)
    return {"z": z, "reconstruction": float(np.mean(rec)), "kl": float(np.mean(kl)), "loss": float(np.mean(rec + kl))}


@mutant("returns the ELBO (to maximise) instead of the loss, the negative ELBO")
def vae_loss__elbo(x, mu, log_var, eps, decoder, reconstruction="bce"):
    x, mu, log_var, eps = (np.asarray(a, dtype=float) for a in (x, mu, log_var, eps))
    if reconstruction not in ("bce", "mse") or mu.shape != log_var.shape or mu.shape != eps.shape:
        raise ValueError("arguments")
    z = mu + np.exp(0.5 * log_var) * eps
    out = np.asarray(decoder(z), dtype=float)
    if reconstruction == "bce":
        log_lik = np.sum(x * out - np.logaddexp(0.0, out), axis=1)
    else:
        log_lik = -np.sum((x - out) ** 2, axis=1)
    kl = -0.5 * np.sum(1 + log_var - mu ** 2 - np.exp(log_var), axis=1)
    return {"z": z, "reconstruction": float(np.mean(log_lik)), "kl": float(np.mean(kl)),
            "loss": float(np.mean(log_lik - kl))}


# --- gan_losses ---------------------------------------------------------------------------------

@mutant("swaps the generator losses: saturating=True returns the non-saturating loss and vice versa")
def gan_losses__swapped_generator_losses(real_logits, fake_logits, saturating=False, real_label=1.0):
    real, fake = np.asarray(real_logits, dtype=float), np.asarray(fake_logits, dtype=float)
    if real.ndim != 1 or fake.ndim != 1 or real.size == 0 or fake.size == 0 or not 0 < real_label <= 1:
        raise ValueError("arguments")
    s = real_label
    loss_d = np.mean(s * np.logaddexp(0, -real) + (1 - s) * np.logaddexp(0, real)) + np.mean(np.logaddexp(0, fake))
    loss_g = np.mean(np.logaddexp(0, -fake)) if saturating else -np.mean(np.logaddexp(0, fake))
    return float(loss_d), float(loss_g)


@mutant("smooths both labels: the fakes get the label 1 - real_label instead of 0")
def gan_losses__two_sided_smoothing(real_logits, fake_logits, saturating=False, real_label=1.0):
    real, fake = np.asarray(real_logits, dtype=float), np.asarray(fake_logits, dtype=float)
    if real.ndim != 1 or fake.ndim != 1 or real.size == 0 or fake.size == 0 or not 0 < real_label <= 1:
        raise ValueError("arguments")
    s, f = real_label, 1.0 - real_label
    loss_d = (np.mean(s * np.logaddexp(0, -real) + (1 - s) * np.logaddexp(0, real))
              + np.mean(f * np.logaddexp(0, -fake) + (1 - f) * np.logaddexp(0, fake)))
    loss_g = -np.mean(np.logaddexp(0, fake)) if saturating else np.mean(np.logaddexp(0, -fake))
    return float(loss_d), float(loss_g)


@mutant("takes the logarithm of sigmoid probabilities: -inf and nan for large logits")
def gan_losses__log_of_probabilities(real_logits, fake_logits, saturating=False, real_label=1.0):
    real, fake = np.asarray(real_logits, dtype=float), np.asarray(fake_logits, dtype=float)
    if real.ndim != 1 or fake.ndim != 1 or real.size == 0 or fake.size == 0 or not 0 < real_label <= 1:
        raise ValueError("arguments")
    s = real_label
    with np.errstate(all="ignore"):
        d_real, d_fake = 1 / (1 + np.exp(-real)), 1 / (1 + np.exp(-fake))
        loss_d = (np.mean(-s * np.log(d_real) - (1 - s) * np.log(1 - d_real)) + np.mean(-np.log(1 - d_fake)))
        loss_g = np.mean(np.log(1 - d_fake)) if saturating else np.mean(-np.log(d_fake))
    return float(loss_d), float(loss_g)


# --- dcgan_generator_shapes ---------------------------------------------------------------------

@mutant("uses the output length of a forward convolution, (n - k) // s + 1 or ceil(n / s), which shrinks")
def dcgan_generator_shapes__forward_convolution(latent_dim, start_shape, layers):
    if latent_dim < 1 or len(start_shape) != 3 or min(start_shape) < 1:
        raise ValueError("arguments")
    h, w, c = (int(v) for v in start_shape)
    shapes, n_params = [(int(latent_dim),), (h, w, c)], (latent_dim + 1) * h * w * c
    for filters, k, s, padding in layers:
        if min(filters, k, s) < 1 or padding not in ("same", "valid"):
            raise ValueError("arguments")
        if padding == "same":
            h, w = -(-h // s), -(-w // s)
        else:
            h, w = (h - k) // s + 1, (w - k) // s + 1
        n_params += k * k * c * filters + filters
        c = filters
        shapes.append((h, w, c))
    return shapes, n_params


@mutant("uses PyTorch's (n - 1) * s + k for valid padding, wrong when the kernel is smaller than the stride")
def dcgan_generator_shapes__torch_formula(latent_dim, start_shape, layers):
    if latent_dim < 1 or len(start_shape) != 3 or min(start_shape) < 1:
        raise ValueError("arguments")
    h, w, c = (int(v) for v in start_shape)
    shapes, n_params = [(int(latent_dim),), (h, w, c)], (latent_dim + 1) * h * w * c
    for filters, k, s, padding in layers:
        if min(filters, k, s) < 1 or padding not in ("same", "valid"):
            raise ValueError("arguments")
        if padding == "same":
            h, w = h * s, w * s
        else:
            h, w = (h - 1) * s + k, (w - 1) * s + k
        n_params += k * k * c * filters + filters
        c = filters
        shapes.append((h, w, c))
    return shapes, n_params


@mutant("counts k * k * C_out weights per transposed convolution, forgetting the input channels")
def dcgan_generator_shapes__weights_without_input_channels(latent_dim, start_shape, layers):
    if latent_dim < 1 or len(start_shape) != 3 or min(start_shape) < 1:
        raise ValueError("arguments")
    h, w, c = (int(v) for v in start_shape)
    shapes, n_params = [(int(latent_dim),), (h, w, c)], (latent_dim + 1) * h * w * c
    for filters, k, s, padding in layers:
        if min(filters, k, s) < 1 or padding not in ("same", "valid"):
            raise ValueError("arguments")
        if padding == "same":
            h, w = h * s, w * s
        else:
            h, w = h * s + max(k - s, 0), w * s + max(k - s, 0)
        n_params += k * k * filters + filters
        c = filters
        shapes.append((h, w, c))
    return shapes, n_params


# --- train_autoencoder --------------------------------------------------------------------------

@mutant("forgets the bottleneck: the code layer has n_hidden units instead of latent_dim")
def train_autoencoder__no_bottleneck(x, latent_dim, epochs, seed=0, n_hidden=64):
    x = np.asarray(x, dtype="float32")
    if x.ndim != 2 or np.any((x < 0) | (x > 1)) or not 1 <= latent_dim < x.shape[1] or epochs < 1:
        raise ValueError("arguments")
    import keras

    keras.utils.set_random_seed(seed)
    model = keras.Sequential([
        keras.Input(shape=(x.shape[1],)),
        keras.layers.Dense(n_hidden, activation="relu"),
        keras.layers.Dense(n_hidden, name="code"),
        keras.layers.Dense(n_hidden, activation="relu"),
        keras.layers.Dense(x.shape[1], activation="sigmoid"),
    ])
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), loss="binary_crossentropy")
    history = model.fit(x, x, epochs=epochs, batch_size=32, shuffle=True, verbose=0)
    return model, [float(v) for v in history.history["loss"]]


@mutant("a linear output layer: the outputs are not probabilities in [0, 1]")
def train_autoencoder__linear_output(x, latent_dim, epochs, seed=0, n_hidden=64):
    x = np.asarray(x, dtype="float32")
    if x.ndim != 2 or np.any((x < 0) | (x > 1)) or not 1 <= latent_dim < x.shape[1] or epochs < 1:
        raise ValueError("arguments")
    import keras

    keras.utils.set_random_seed(seed)
    model = keras.Sequential([
        keras.Input(shape=(x.shape[1],)),
        keras.layers.Dense(n_hidden, activation="relu"),
        keras.layers.Dense(latent_dim, name="code"),
        keras.layers.Dense(n_hidden, activation="relu"),
        keras.layers.Dense(x.shape[1]),
    ])
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), loss="binary_crossentropy")
    history = model.fit(x, x, epochs=epochs, batch_size=32, shuffle=True, verbose=0)
    return model, [float(v) for v in history.history["loss"]]


@mutant("trains with the mean squared error instead of the binary cross-entropy of the spec")
def train_autoencoder__mse_loss(x, latent_dim, epochs, seed=0, n_hidden=64):
    x = np.asarray(x, dtype="float32")
    if x.ndim != 2 or np.any((x < 0) | (x > 1)) or not 1 <= latent_dim < x.shape[1] or epochs < 1:
        raise ValueError("arguments")
    import keras

    keras.utils.set_random_seed(seed)
    model = keras.Sequential([
        keras.Input(shape=(x.shape[1],)),
        keras.layers.Dense(n_hidden, activation="relu"),
        keras.layers.Dense(latent_dim, name="code"),
        keras.layers.Dense(n_hidden, activation="relu"),
        keras.layers.Dense(x.shape[1], activation="sigmoid"),
    ])
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), loss="mse")
    history = model.fit(x, x, epochs=epochs, batch_size=32, shuffle=True, verbose=0)
    return model, [float(v) for v in history.history["loss"]]
