"""Reference solution of assignment 13-generative-models (Chapter 12: generative modelling).

Five tasks: a linear autoencoder trained by gradient descent, whose decoder spans the principal
subspace of PCA; one forward pass of a variational autoencoder and its loss (codes sampled by the
reparametrisation trick z = mu + exp(log_var / 2) * eps, and the negative ELBO: a BCE-from-logits or
squared-error reconstruction term plus the closed-form KL divergence of a diagonal Gaussian from the
standard normal prior); the discriminator and generator losses of a GAN from the discriminator's
logits (saturating and non-saturating generator, one-sided label smoothing); the shapes and parameter
count of a DCGAN generator built from Keras's Conv2DTranspose layers; and a small dense Keras
autoencoder trained on images of periodic fibre microstructures.

Every task function is self-contained apart from the imports of the notebook's first code cell
(``numpy as np`` and ``keras``), because ``autograder solution`` pastes each function's source into the
student notebook. Keras is imported inside ``train_autoencoder`` only, so that the trusted grading
process, which imports this module but never trains a model, does not pay for importing TensorFlow.
"""

import numpy as np


def linear_autoencoder(X, k, lr=0.05, n_steps=1000, seed=0):
    """Train a linear autoencoder with a k-dimensional code by full-batch gradient descent.

    The samples are the rows of X (N, D). The mean m of the rows is subtracted once and is not
    trained (it plays the role of the biases), Xc = X - m. The autoencoder is

        Z     = Xc @ W_enc                encoder: the codes, shape (N, k);   W_enc has shape (D, k)
        X_hat = Z @ W_dec + m             decoder: the reconstructions (N, D); W_dec has shape (k, D)

    and its loss is the mean over the samples of the squared reconstruction error,

        L = (1/N) * sum_i || x_hat_i - x_i ||^2 = (1/N) * || Xc W_enc W_dec - Xc ||_F^2 .

    With the residual R = Z @ W_dec - Xc (N, D) the gradients are

        dL/dW_dec = (2/N) * Z^T @ R                  (k, D)
        dL/dW_enc = (2/N) * Xc^T @ R @ W_dec^T       (D, k)

    Algorithm (follow it exactly: the grader compares the first steps with its own):

    1. rng = np.random.default_rng(seed); W_enc = 0.1 * rng.standard_normal((D, k)), then
       W_dec = 0.1 * rng.standard_normal((k, D)) (in this order).
    2. n_steps times: compute BOTH gradients at the current weights, then update both,
       W <- W - lr * dL/dW (a simultaneous update; the encoder's new value is not used for the
       decoder's gradient of the same step).

    At the minimum the decoder's rows span the same subspace as the top k principal directions of
    PCA, and L equals the sum of the discarded PCA variances (Eckart-Young), but W_dec is neither
    orthonormal nor equal to the principal directions: any invertible k x k matrix A gives the same
    map, W_enc A and A^-1 W_dec.

    Parameters
    ----------
    X : array_like, shape (N, D)
        The data, N >= 2 samples of D >= 2 features.
    k : int
        The code size, 1 <= k < D.
    lr : float, optional
        The learning rate (> 0).
    n_steps : int, optional
        The number of gradient steps (>= 0).
    seed : int, optional
        The seed of the initial weights.

    Returns
    -------
    dict
        {"W_enc": (D, k), "W_dec": (k, D), "mean": m (D,), "losses": (n_steps + 1,)} with losses[t]
        the loss L after t updates (losses[0] at the initial weights), all float arrays.

    Raises
    ------
    ValueError
        If X is not 2-D with N >= 2 and D >= 2, k is not an integer with 1 <= k < D, lr <= 0, or
        n_steps < 0.
    """
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.shape[0] < 2 or X.shape[1] < 2:
        raise ValueError("X must be a 2-D array with at least 2 samples and 2 features")
    n, d = X.shape
    if int(k) != k or not 1 <= k < d:
        raise ValueError("k must be an integer with 1 <= k < D")
    if not lr > 0 or n_steps < 0:
        raise ValueError("lr must be positive and n_steps non-negative")
    k, n_steps = int(k), int(n_steps)
    mean = X.mean(axis=0)
    Xc = X - mean
    rng = np.random.default_rng(seed)
    W_enc = 0.1 * rng.standard_normal((d, k))
    W_dec = 0.1 * rng.standard_normal((k, d))
    losses = np.empty(n_steps + 1)
    for step in range(n_steps + 1):
        Z = Xc @ W_enc
        R = Z @ W_dec - Xc
        losses[step] = np.sum(R ** 2) / n
        if step == n_steps:
            break
        grad_dec = 2.0 / n * Z.T @ R
        grad_enc = 2.0 / n * Xc.T @ R @ W_dec.T
        W_enc = W_enc - lr * grad_enc
        W_dec = W_dec - lr * grad_dec
    return {"W_enc": W_enc, "W_dec": W_dec, "mean": mean, "losses": losses}


def vae_loss(x, mu, log_var, eps, decoder, reconstruction="bce"):
    """One forward pass of a variational autoencoder from the encoder's outputs, and its loss.

    The encoder has mapped each sample x_i (a row of x) to a diagonal Gaussian q(z | x_i) =
    N(mu_i, diag(sigma_i^2)), given by its means mu and its LOG-VARIANCES log_var = ln(sigma^2).

    1. Sample the codes by the reparametrisation trick, with the given standard normal noise eps
       (do not draw random numbers here):

         sigma = exp(log_var / 2)           (the standard deviation; exp(log_var) is the variance)
         z     = mu + sigma * eps           (elementwise, shape (N, d))

    2. Decode them: call ``decoder(z)`` exactly once; it returns an array of the shape of x.
    3. The negative evidence lower bound of each sample i is -ELBO_i = rec_i + KL_i:

       * the reconstruction term rec_i = -ln p(x_i | z_i), SUMMED over the D features (pixels):

         - reconstruction="bce" (Bernoulli decoder, data in [0, 1]): the decoder returns LOGITS l
           (p = sigmoid(l) is the pixel probability) and rec_i = sum_j [ -x_ij ln p_ij
           - (1 - x_ij) ln(1 - p_ij) ]. Compute it from the logits as sum_j [ ln(1 + exp(l_ij))
           - x_ij * l_ij ] with ``np.logaddexp(0, l)``: exact for every logit, also |l| = 1000
           where p rounds to 0 or 1 (no clipping, no inf, no nan).
         - reconstruction="mse" (Gaussian decoder): the decoder returns the means x_hat and
           rec_i = sum_j (x_ij - x_hat_ij)^2, the squared error summed over the features (the
           Gaussian negative log-likelihood for the variance 1/2, without its constant).

       * the KL term, the closed-form divergence of q(z | x_i) from the prior N(0, I), SUMMED over
         the d latent dimensions:

           KL_i = -1/2 * sum_k ( 1 + log_var_ik - mu_ik^2 - exp(log_var_ik) )   (>= 0; 0 iff mu = 0, log_var = 0)

    The returned terms are the MEANS over the N samples of rec_i, KL_i and rec_i + KL_i. Do not
    average over the pixels or the latent dimensions (that silently reweights the two terms), and
    return the loss to MINIMISE (the negative ELBO), not the ELBO.

    Parameters
    ----------
    x : array_like, shape (N, D)
        The data (for "bce" with values in [0, 1]), N >= 1.
    mu, log_var, eps : array_like, shape (N, d)
        The encoder's means and log-variances, and standard normal noise, d >= 1.
    decoder : callable
        ``decoder(z)`` with z of shape (N, d) returns the logits ("bce") or means ("mse"), shape (N, D).
    reconstruction : {"bce", "mse"}, optional
        The reconstruction term.

    Returns
    -------
    dict
        {"z": the codes (N, d), "reconstruction": mean of rec_i, "kl": mean of KL_i,
        "loss": mean of rec_i + KL_i}; z a float array, the others floats.

    Raises
    ------
    ValueError
        If reconstruction is not "bce" or "mse", x is not a 2-D array with N >= 1 rows, mu, log_var
        and eps are not 2-D arrays of the same shape with N rows, or the decoder's output does not
        have the shape of x.
    """
    x = np.asarray(x, dtype=float)
    mu = np.asarray(mu, dtype=float)
    log_var = np.asarray(log_var, dtype=float)
    eps = np.asarray(eps, dtype=float)
    if reconstruction not in ("bce", "mse"):
        raise ValueError('reconstruction must be "bce" or "mse"')
    if x.ndim != 2 or x.shape[0] < 1:
        raise ValueError("x must be a 2-D array with at least one row")
    if mu.ndim != 2 or log_var.shape != mu.shape or eps.shape != mu.shape or mu.shape[0] != x.shape[0]:
        raise ValueError("mu, log_var and eps must be 2-D arrays of the same shape with one row per sample")
    z = mu + np.exp(0.5 * log_var) * eps
    out = np.asarray(decoder(z), dtype=float)
    if out.shape != x.shape:
        raise ValueError("the decoder's output must have the shape of x")
    if reconstruction == "bce":
        rec = np.sum(np.logaddexp(0.0, out) - x * out, axis=1)
    else:
        rec = np.sum((x - out) ** 2, axis=1)
    kl = 0.5 * np.sum(mu ** 2 + np.expm1(log_var) - log_var, axis=1)
    return {"z": z, "reconstruction": float(np.mean(rec)), "kl": float(np.mean(kl)),
            "loss": float(np.mean(rec + kl))}


def gan_losses(real_logits, fake_logits, saturating=False, real_label=1.0):
    """The discriminator and generator losses of a GAN, from the discriminator's logits.

    The discriminator outputs a logit a; D = sigmoid(a) is its probability that the input is real.
    ``real_logits`` are its outputs on a batch of real samples x, ``fake_logits`` on a batch of
    generated samples G(z). Use ln D = -ln(1 + exp(-a)) and ln(1 - D) = -ln(1 + exp(a)), evaluated
    with ``np.logaddexp(0, .)``, so that the losses are exact and finite for every logit (|a| up to
    1000).

    * Discriminator (binary cross-entropy, real label s = ``real_label``, fake label 0; each batch
      averaged separately and the two means added):

        L_D = mean_real[ -s ln D(x) - (1 - s) ln(1 - D(x)) ] + mean_fake[ -ln(1 - D(G(z))) ]

      With s = 1 this is -V(D, G) of the minimax game V = E[ln D(x)] + E[ln(1 - D(G(z)))], so
      L_D = ln 4 when D = 1/2 everywhere. One-sided label smoothing uses s = 0.9 for the REAL
      samples only; the fake label stays 0.

    * Generator (the label smoothing does not enter):

        saturating=True:   L_G = mean_fake[ ln(1 - D(G(z))) ]      (the minimax loss, minimised by G)
        saturating=False:  L_G = mean_fake[ -ln D(G(z)) ]          (the non-saturating loss)

      Both push D(G(z)) up; when the discriminator rejects the fakes (D(G(z)) -> 0) the derivative
      of the saturating loss with respect to a fake logit vanishes (it is -D / n_fake), that of the
      non-saturating loss does not (it is (D - 1) / n_fake).

    Parameters
    ----------
    real_logits, fake_logits : array_like, 1-D
        The discriminator's logits on the real and the generated batch (each at least one entry;
        the batch sizes may differ).
    saturating : bool, optional
        Which generator loss to return.
    real_label : float, optional
        The target label s of the real samples, 0 < s <= 1 (1.0: no smoothing).

    Returns
    -------
    (float, float)
        L_D and L_G.

    Raises
    ------
    ValueError
        If a batch is not 1-D or empty, or real_label is not in (0, 1].
    """
    real = np.asarray(real_logits, dtype=float)
    fake = np.asarray(fake_logits, dtype=float)
    if real.ndim != 1 or fake.ndim != 1 or real.size == 0 or fake.size == 0:
        raise ValueError("the logits must be non-empty 1-D arrays")
    if not 0.0 < real_label <= 1.0:
        raise ValueError("real_label must lie in (0, 1]")
    s = float(real_label)
    log_d_real, log_1md_real = -np.logaddexp(0.0, -real), -np.logaddexp(0.0, real)
    log_d_fake, log_1md_fake = -np.logaddexp(0.0, -fake), -np.logaddexp(0.0, fake)
    loss_d = float(np.mean(-s * log_d_real - (1.0 - s) * log_1md_real) + np.mean(-log_1md_fake))
    loss_g = float(np.mean(log_1md_fake) if saturating else np.mean(-log_d_fake))
    return loss_d, loss_g


def dcgan_generator_shapes(latent_dim, start_shape, layers):
    """Shapes and parameter count of a DCGAN generator made of Keras layers.

    The generator maps a code z of ``latent_dim`` numbers to an image:

    1. ``keras.layers.Dense(H0 * W0 * C0)`` followed by ``keras.layers.Reshape((H0, W0, C0))``,
       with (H0, W0, C0) = ``start_shape``;
    2. for each (filters, kernel_size, strides, padding) in ``layers``, a
       ``keras.layers.Conv2DTranspose(filters, kernel_size, strides=strides, padding=padding)``
       (square kernel and equal strides in both directions, with bias, dilation 1, no output_padding).

    A transposed convolution of an input of length n (height or width) has the output length

        padding="same":   n * s
        padding="valid":  n * s + max(k - s, 0)        (= (n - 1) * s + k when k >= s)

    as Keras computes it (NOT the formula of a forward convolution, which shrinks the image). The
    number of channels becomes ``filters``. Parameters: the Dense layer has
    latent_dim * H0 * W0 * C0 weights plus H0 * W0 * C0 biases; a Conv2DTranspose layer has
    k * k * C_in * C_out weights plus C_out biases. (The Reshape has none.)

    Parameters
    ----------
    latent_dim : int
        The size of the code z (>= 1).
    start_shape : sequence of 3 ints
        (H0, W0, C0), all >= 1.
    layers : sequence of (int, int, int, str)
        (filters, kernel_size, strides, padding) for each Conv2DTranspose layer, in order; the
        integers >= 1 and padding "same" or "valid". May be empty.

    Returns
    -------
    (list of tuple of int, int)
        The shapes [(latent_dim,), (H0, W0, C0), (H1, W1, C1), ...] (the code, the reshaped Dense
        output and the output of every transposed convolution, batch dimension left out), and the
        total number of parameters.

    Raises
    ------
    ValueError
        If an integer is < 1, start_shape does not have 3 entries, or a padding is neither "same"
        nor "valid".
    """
    if int(latent_dim) < 1 or len(start_shape) != 3 or any(int(v) < 1 for v in start_shape):
        raise ValueError("latent_dim and the start shape must be positive integers")
    height, width, channels = (int(v) for v in start_shape)
    shapes = [(int(latent_dim),), (height, width, channels)]
    n_params = int(latent_dim) * height * width * channels + height * width * channels

    def length(n, k, s, padding):
        return n * s if padding == "same" else n * s + max(k - s, 0)

    for filters, kernel, stride, padding in layers:
        filters, kernel, stride = int(filters), int(kernel), int(stride)
        if min(filters, kernel, stride) < 1:
            raise ValueError("filters, kernel size and strides must be positive integers")
        if padding not in ("same", "valid"):
            raise ValueError('padding must be "same" or "valid"')
        n_params += kernel * kernel * channels * filters + filters
        height, width = length(height, kernel, stride, padding), length(width, kernel, stride, padding)
        channels = filters
        shapes.append((height, width, channels))
    return shapes, n_params


def train_autoencoder(x, latent_dim, epochs, seed=0, n_hidden=64):
    """Build and train a small dense autoencoder for images with pixel values in [0, 1].

    Steps (follow them exactly; they make the result reproducible):

    1. ``keras.utils.set_random_seed(seed)`` (seeds Python, NumPy and TensorFlow).
    2. The model, a ``keras.Sequential`` of exactly these layers (D = x.shape[1]):

       * ``keras.Input(shape=(D,))``
       * ``keras.layers.Dense(n_hidden, activation="relu")``        encoder
       * ``keras.layers.Dense(latent_dim, name="code")``            the bottleneck (linear): the code
       * ``keras.layers.Dense(n_hidden, activation="relu")``        decoder
       * ``keras.layers.Dense(D, activation="sigmoid")``            pixel probabilities

    3. ``model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), loss="binary_crossentropy")``
       (Keras's binary cross-entropy of probabilities, averaged over the pixels and the batch).
    4. ``model.fit(x, x, epochs=epochs, batch_size=32, shuffle=True, verbose=0)``: the input is
       its own target.

    The encoder is then ``keras.Model(model.inputs, model.get_layer("code").output)``.

    Parameters
    ----------
    x : array_like, shape (N, D)
        The flattened images, one per row, values in [0, 1] (N >= 1, D >= 2).
    latent_dim : int
        The size of the code, 1 <= latent_dim < D.
    epochs : int
        The number of epochs (>= 1).
    seed : int, optional
        The random seed.
    n_hidden : int, optional
        The number of neurons of the two hidden layers (>= 1).

    Returns
    -------
    (keras.Sequential, list of float)
        The trained model and the training loss of every epoch (``history.history["loss"]``, as
        Python floats; ``epochs`` entries).

    Raises
    ------
    ValueError
        If x is not a 2-D array with N >= 1 and D >= 2, a value of x lies outside [0, 1], latent_dim
        is not in [1, D), epochs < 1 or n_hidden < 1.
    """
    import keras  # already imported in the notebook; here so that this module loads without TensorFlow

    x = np.asarray(x, dtype="float32")
    if x.ndim != 2 or x.shape[0] < 1 or x.shape[1] < 2:
        raise ValueError("x must be a 2-D array of flattened images")
    if np.any((x < 0.0) | (x > 1.0)) or np.any(np.isnan(x)):
        raise ValueError("the pixel values must lie in [0, 1]")
    n_features = x.shape[1]
    if not 1 <= latent_dim < n_features or epochs < 1 or n_hidden < 1:
        raise ValueError("need 1 <= latent_dim < D, epochs >= 1 and n_hidden >= 1")
    keras.utils.set_random_seed(seed)
    model = keras.Sequential([
        keras.Input(shape=(n_features,)),
        keras.layers.Dense(n_hidden, activation="relu"),
        keras.layers.Dense(latent_dim, name="code"),
        keras.layers.Dense(n_hidden, activation="relu"),
        keras.layers.Dense(n_features, activation="sigmoid"),
    ])
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), loss="binary_crossentropy")
    history = model.fit(x, x, epochs=epochs, batch_size=32, shuffle=True, verbose=0)
    return model, [float(value) for value in history.history["loss"]]
