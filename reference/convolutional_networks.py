"""Reference solution of assignment 07-convolutional-networks (Chapter 7: convolutional networks).

Six tasks: a 2-D cross-correlation ("convolution" in deep learning) with stride, zero padding,
dilation and channels; a max-pooling layer with its forward and backward pass; batch normalization in
training mode for dense and convolutional (channels-last) activations; the eight symmetries of a square
microstructure image with the matching transformation of a tensor-valued label; the soft Dice, soft
IoU and focal losses of a segmentation; and a small crack-detection CNN built with Keras.

Every task function or class is self-contained apart from the imports of the notebook's first code
cell (``numpy as np``, ``matplotlib.pyplot as plt``, ``keras`` and ``tensorflow as tf``), because
``autograder solution`` pastes its source into the student notebook. Keras is imported inside
``build_crack_cnn`` only, so that the trusted grading process, which imports this module but never
builds a model, does not pay for importing TensorFlow.
"""

import numpy as np


def conv2d(x, k, stride=1, padding=0, dilation=1):
    """2-D convolution as used in deep learning: a cross-correlation, without flipping the kernel.

    Single channel: ``x`` of shape (H, W) and ``k`` of shape (f, g) give an output of shape (H', W'),

        out[i, j] = sum_{m=0}^{f-1} sum_{n=0}^{g-1} xp[i*s + m*d, j*s + n*d] * k[m, n]

    Several channels (a "volume" convolution, as ``keras.layers.Conv2D`` without bias):
    ``x`` of shape (H, W, C_in) and ``k`` of shape (f, g, C_in, C_out) give (H', W', C_out),

        out[i, j, o] = sum_{m, n, c} xp[i*s + m*d, j*s + n*d, c] * k[m, n, c, o]

    Here s = ``stride``, d = ``dilation`` and xp is ``x`` with ``padding`` = p rows/columns of zeros
    added on EVERY side (top, bottom, left and right). The output size is

        H' = floor((H + 2p - d(f - 1) - 1) / s) + 1,     W' = floor((W + 2p - d(g - 1) - 1) / s) + 1

    (for d = 1: floor((H + 2p - f) / s) + 1). Windows that would reach beyond the padded input are
    dropped. The kernel is NOT flipped (that would be the convolution of signal processing).

    Parameters
    ----------
    x : array_like, shape (H, W) or (H, W, C_in)
        The input image (one image, channels last).
    k : array_like, shape (f, g) or (f, g, C_in, C_out)
        The kernel: 2-D for a 2-D ``x``, 4-D (the layout of Keras's Conv2D kernels) for a 3-D ``x``.
    stride, padding, dilation : int
        s >= 1, p >= 0 and d >= 1, the same in both directions.

    Returns
    -------
    numpy.ndarray of float, shape (H', W') or (H', W', C_out)

    Raises
    ------
    ValueError
        If the dimensions of ``x`` and ``k`` do not fit together (2-D with 2-D, 3-D with 4-D and
        k.shape[2] == C_in), if s < 1, d < 1 or p < 0, or if the (dilated) kernel is larger than the
        padded input (H' < 1 or W' < 1).
    """
    x = np.asarray(x, dtype=float)
    k = np.asarray(k, dtype=float)
    single = x.ndim == 2
    if single:
        if k.ndim != 2:
            raise ValueError("a 2-D image needs a 2-D kernel")
        x, k = x[:, :, None], k[:, :, None, None]
    elif x.ndim != 3 or k.ndim != 4 or k.shape[2] != x.shape[2]:
        raise ValueError("a (H, W, C_in) image needs a (f, g, C_in, C_out) kernel")
    if stride < 1 or dilation < 1 or padding < 0:
        raise ValueError("stride and dilation must be >= 1, padding >= 0")
    s, p, d = int(stride), int(padding), int(dilation)
    f, g = k.shape[:2]
    span_h, span_w = x.shape[0] + 2 * p - d * (f - 1), x.shape[1] + 2 * p - d * (g - 1)
    if f < 1 or g < 1 or span_h < 1 or span_w < 1:
        raise ValueError("the kernel is larger than the padded input")
    out_h, out_w = (span_h - 1) // s + 1, (span_w - 1) // s + 1
    xp = np.pad(x, ((p, p), (p, p), (0, 0)))
    out = np.zeros((out_h, out_w, k.shape[3]))
    for m in range(f):
        for n in range(g):
            # the input pixels that kernel entry (m, n) meets, for every output position at once
            patch = xp[m * d:m * d + s * (out_h - 1) + 1:s, n * d:n * d + s * (out_w - 1) + 1:s, :]
            out += patch @ k[m, n]
    return out[:, :, 0] if single else out


class MaxPool2D:
    """Max pooling over square windows, with the forward and the backward pass of a network layer.

    ``MaxPool2D(size=2, stride=None)`` pools ``size`` x ``size`` windows that start every ``stride``
    pixels (``stride=None`` means stride = size: windows that tile the image without overlap). Only
    whole windows are used (no padding, like Keras's ``MaxPooling2D(padding="valid")``), so an input
    of height H gives H' = floor((H - size) / stride) + 1 rows; the same for the width. It raises
    ``ValueError`` if size < 1 or stride < 1.

    ``forward(x)``: ``x`` of shape (H, W) or (H, W, C) (channels last, each channel pooled on its
    own) gives ``out`` of shape (H', W') or (H', W', C) with

        out[i, j, c] = max of x[i*stride : i*stride + size, j*stride : j*stride + size, c].

    It raises ``ValueError`` if ``x`` is not 2-D or 3-D or smaller than one window (H' < 1 or
    W' < 1). The layer keeps a copy of ``x`` for the backward pass.

    ``backward(dout)``: ``dout`` = dL/d(out), of the shape of the last forward's output, gives
    dx = dL/dx of the shape of the last forward's input. The maximum is the only entry of a window
    that influences ``out``, so each window's dout[i, j, c] goes to the position of its maximum and
    all other entries of the window get nothing. Two conventions make this unique:

    * ties: if several entries of a window share the maximum, the FIRST of them in row-major order
      within the window gets the whole gradient (the entry ``np.argmax`` of the flattened window
      picks);
    * overlapping windows (stride < size): an entry that is the maximum of several windows receives
      the SUM of their gradients.

    It raises ``RuntimeError`` if ``forward`` was never called and ``ValueError`` if ``dout`` has the
    wrong shape.
    """

    def __init__(self, size=2, stride=None):
        self.size = int(size)
        self.stride = self.size if stride is None else int(stride)
        if self.size < 1 or self.stride < 1:
            raise ValueError("size and stride must be >= 1")
        self._x = None
        self._single = False

    def _windows(self, x):
        """Windows of shape (H', W', C, size * size), each flattened in row-major order."""
        view = np.lib.stride_tricks.sliding_window_view(x, (self.size, self.size), axis=(0, 1))
        view = view[::self.stride, ::self.stride]
        return view.reshape(view.shape[:3] + (self.size * self.size,))

    def forward(self, x):
        x = np.array(x, dtype=float)
        self._single = x.ndim == 2
        if self._single:
            x = x[:, :, None]
        if x.ndim != 3:
            raise ValueError("x must have the shape (H, W) or (H, W, C)")
        if x.shape[0] < self.size or x.shape[1] < self.size:
            raise ValueError("the input is smaller than one pooling window")
        self._x = x
        out = self._windows(x).max(axis=-1)
        return out[:, :, 0] if self._single else out

    def backward(self, dout):
        if self._x is None:
            raise RuntimeError("call forward before backward")
        windows = self._windows(self._x)
        dout = np.asarray(dout, dtype=float)
        if self._single:
            if dout.ndim != 2:
                raise ValueError("dout must have the shape of the forward pass's output")
            dout = dout[:, :, None]
        if dout.shape != windows.shape[:3]:
            raise ValueError("dout must have the shape of the forward pass's output")
        first = windows.argmax(axis=-1)                       # first maximum in row-major order
        rows = np.arange(windows.shape[0])[:, None, None] * self.stride + first // self.size
        cols = np.arange(windows.shape[1])[None, :, None] * self.stride + first % self.size
        channels = np.broadcast_to(np.arange(windows.shape[2]), first.shape)
        dx = np.zeros_like(self._x)
        np.add.at(dx, (rows, cols, channels), dout)           # overlapping windows add up
        return dx[:, :, 0] if self._single else dx


def batch_norm_forward(x, gamma, beta, eps=1e-3):
    """Batch normalization in training mode (the statistics of the current mini-batch).

    For every channel c (the LAST axis) the mean and the variance are taken over all other axes: over
    the N samples of dense activations of shape (N, C), and over the N samples AND all H x W pixels of
    convolutional activations of shape (N, H, W, C) (one pair of statistics per feature map, as
    ``keras.layers.BatchNormalization`` does). With M the number of values per channel (N or N*H*W):

        mu_c      = (1/M) sum x[..., c]
        sigma2_c  = (1/M) sum (x[..., c] - mu_c)^2          (biased: divide by M, not M - 1)
        y[..., c] = gamma_c * (x[..., c] - mu_c) / sqrt(sigma2_c + eps) + beta_c

    Parameters
    ----------
    x : array_like, shape (N, C) or (N, H, W, C)
        The activations of a mini-batch.
    gamma, beta : array_like, shape (C,)
        The learned scale and shift of every channel.
    eps : float
        Added to the variance inside the square root (Keras's default is 1e-3).

    Returns
    -------
    (numpy.ndarray of float, numpy.ndarray of float, numpy.ndarray of float)
        y (the shape of x), mu (C,) and sigma2 (C,).

    Raises
    ------
    ValueError
        If x is not 2-D or 4-D, or gamma or beta does not have the shape (C,).
    """
    x = np.asarray(x, dtype=float)
    gamma = np.asarray(gamma, dtype=float)
    beta = np.asarray(beta, dtype=float)
    if x.ndim not in (2, 4):
        raise ValueError("x must have the shape (N, C) or (N, H, W, C)")
    if gamma.shape != (x.shape[-1],) or beta.shape != (x.shape[-1],):
        raise ValueError("gamma and beta must have one entry per channel")
    axes = tuple(range(x.ndim - 1))
    mu = x.mean(axis=axes)
    sigma2 = x.var(axis=axes)
    return gamma * (x - mu) / np.sqrt(sigma2 + eps) + beta, mu, sigma2


def dihedral_augment(image, K):
    """The 8 symmetries of a square image (rotations by 90 degrees and mirrors), with the matching labels.

    A microstructure image rotated or mirrored shows the same material, rotated or mirrored. A
    scalar label such as the volume fraction does not change, but a tensor-valued label, such as the
    2-D effective conductivity or a fabric tensor K (2 x 2, in the coordinates x = column index,
    y = row index), rotates with the material:

        K' = Q K Q^T,

    where Q is the orthogonal 2 x 2 matrix that maps the old to the new coordinates of a point of
    the material. ``np.rot90`` turns by 90 degrees, Q = R = [[0, -1], [1, 0]]; ``np.fliplr`` mirrors
    x -> -x, Q = M = [[-1, 0], [0, 1]]; doing first M and then R^k gives Q = R^k M. (Turning the
    other way, Q = R^T = -R, gives the same K', so the direction of the y axis does not matter.)

    Returns the images and labels in this order (k = 0, 1, 2, 3):

        images[k]     = np.rot90(image, k),              Ks[k]     = R^k K (R^k)^T
        images[4 + k] = np.rot90(np.fliplr(image), k),   Ks[4 + k] = (R^k M) K (R^k M)^T

    so that images[0] and Ks[0] are the originals.

    Parameters
    ----------
    image : array_like, shape (H, H)
        A square image (any dtype; the dtype is kept).
    K : array_like, shape (2, 2)
        The label tensor of the image.

    Returns
    -------
    (numpy.ndarray, shape (8, H, H); numpy.ndarray of float, shape (8, 2, 2))

    Raises
    ------
    ValueError
        If the image is not 2-D and square, or K does not have the shape (2, 2).
    """
    image = np.asarray(image)
    K = np.asarray(K, dtype=float)
    if image.ndim != 2 or image.shape[0] != image.shape[1]:
        raise ValueError("the image must be 2-D and square")
    if K.shape != (2, 2):
        raise ValueError("K must be a 2 x 2 tensor")
    R = np.array([[0.0, -1.0], [1.0, 0.0]])
    M = np.array([[-1.0, 0.0], [0.0, 1.0]])
    images, tensors = [], []
    for base, Q0 in ((image, np.eye(2)), (np.fliplr(image), M)):
        for k in range(4):
            Q = np.linalg.matrix_power(R, k) @ Q0
            images.append(np.rot90(base, k))
            tensors.append(Q @ K @ Q.T)
    return np.stack(images), np.stack(tensors)


def segmentation_losses(mask, prob, alpha=0.25, gamma=2.0, smooth=1.0):
    """Soft Dice loss, soft IoU (Jaccard) loss and focal loss of a binary segmentation.

    ``mask`` holds the ground truth of every pixel (1: foreground, e.g. crack; 0: background) and
    ``prob`` the predicted probability of the foreground. With sums over ALL entries (all pixels of
    all images):

        I    = sum mask * prob                      (soft intersection)
        dice = 1 - (2 I + smooth) / (sum mask + sum prob + smooth)
        iou  = 1 - (I + smooth) / (sum mask + sum prob - I + smooth)

    and, with p_t = prob where mask = 1 and 1 - prob where mask = 0, alpha_t = alpha where mask = 1
    and 1 - alpha where mask = 0, and p_t clipped to [1e-7, 1 - 1e-7] before the logarithm,

        focal = mean over all entries of  -alpha_t (1 - p_t)^gamma ln(p_t).

    Parameters
    ----------
    mask : array_like of 0/1 (or bool), any shape
    prob : array_like of float in [0, 1], the shape of mask
    alpha : float in [0, 1]
        The weight of the foreground class in the focal loss.
    gamma : float >= 0
        The focusing exponent (gamma = 0 gives the alpha-weighted binary cross-entropy).
    smooth : float >= 0
        Added to numerator and denominator of the Dice and IoU ratios (so that two empty masks agree).

    Returns
    -------
    dict
        {"dice": float, "iou": float, "focal": float}

    Raises
    ------
    ValueError
        If the shapes differ, the arrays are empty, mask holds a value other than 0 and 1, or prob
        a value outside [0, 1].
    """
    mask = np.asarray(mask, dtype=float)
    prob = np.asarray(prob, dtype=float)
    if mask.shape != prob.shape or mask.size == 0:
        raise ValueError("mask and prob must be non-empty arrays of the same shape")
    if not np.all((mask == 0.0) | (mask == 1.0)):
        raise ValueError("mask must hold 0 and 1 only")
    if not np.all((prob >= 0.0) & (prob <= 1.0)):
        raise ValueError("prob must lie in [0, 1]")
    intersection = np.sum(mask * prob)
    total = np.sum(mask) + np.sum(prob)
    dice = 1.0 - (2.0 * intersection + smooth) / (total + smooth)
    iou = 1.0 - (intersection + smooth) / (total - intersection + smooth)
    p_t = np.clip(np.where(mask == 1.0, prob, 1.0 - prob), 1e-7, 1.0 - 1e-7)
    alpha_t = np.where(mask == 1.0, alpha, 1.0 - alpha)
    focal = np.mean(-alpha_t * (1.0 - p_t) ** gamma * np.log(p_t))
    return {"dice": float(dice), "iou": float(iou), "focal": float(focal)}


def build_crack_cnn(height, width, n_filters=8):
    """A small CNN that classifies grey-scale surface images as "crack" (1) or "no crack" (0).

    An uncompiled ``keras.Sequential`` model with exactly these layers, in this order:

    * ``keras.Input(shape=(height, width, 1))``,
    * ``keras.layers.Conv2D(n_filters, 3, padding="same", activation="relu")``,
    * ``keras.layers.MaxPooling2D(2)`` (2 x 2 windows, stride 2, no padding),
    * ``keras.layers.Conv2D(2 * n_filters, 3, padding="valid", activation="relu")``,
    * ``keras.layers.GlobalAveragePooling2D()`` (the mean of every feature map),
    * ``keras.layers.Dense(1, activation="sigmoid")`` (the probability of a crack).

    It has (9 + 1) F + (9 F * 2F + 2F) + (2F + 1) parameters for F = n_filters, independent of the
    image size, and ``model.get_weights()`` lists [kernel (3, 3, 1, F), bias (F,), kernel
    (3, 3, F, 2F), bias (2F,), weights (2F, 1), bias (1,)]. The kernels have the layout of
    ``conv2d``'s k, so the forward pass equals conv2d(padding=1) + bias, ReLU, MaxPool2D(2),
    conv2d + bias, ReLU, the mean over the pixels, and a sigmoid neuron. Do not compile or train the
    model here.

    Parameters
    ----------
    height, width : int
        The image size in pixels (both >= 4).
    n_filters : int
        F, the number of feature maps of the first convolution (the second has 2F).

    Returns
    -------
    keras.Sequential
    """
    import keras  # already imported in the notebook; here so that this module loads without TensorFlow

    return keras.Sequential([
        keras.Input(shape=(height, width, 1)),
        keras.layers.Conv2D(n_filters, 3, padding="same", activation="relu"),
        keras.layers.MaxPooling2D(2),
        keras.layers.Conv2D(2 * n_filters, 3, padding="valid", activation="relu"),
        keras.layers.GlobalAveragePooling2D(),
        keras.layers.Dense(1, activation="sigmoid"),
    ])
