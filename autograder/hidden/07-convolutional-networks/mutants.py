"""Plausible wrong implementations of the tasks of 07-convolutional-networks; each must lose points."""

import numpy as np

from autograder.mutants import mutant


# --- conv2d -------------------------------------------------------------------------------------

@mutant("the convolution of signal processing: the kernel is flipped (rotated by 180 degrees)")
def conv2d__flipped_kernel(x, k, stride=1, padding=0, dilation=1):
    x, k = np.asarray(x, dtype=float), np.asarray(k, dtype=float)
    single = x.ndim == 2
    if single:
        if k.ndim != 2:
            raise ValueError("kernel")
        x, k = x[:, :, None], k[:, :, None, None]
    elif x.ndim != 3 or k.ndim != 4 or k.shape[2] != x.shape[2]:
        raise ValueError("kernel")
    if stride < 1 or dilation < 1 or padding < 0:
        raise ValueError("arguments")
    k = k[::-1, ::-1]
    s, p, d = stride, padding, dilation
    f, g = k.shape[:2]
    span_h, span_w = x.shape[0] + 2 * p - d * (f - 1), x.shape[1] + 2 * p - d * (g - 1)
    if span_h < 1 or span_w < 1:
        raise ValueError("too large")
    out_h, out_w = (span_h - 1) // s + 1, (span_w - 1) // s + 1
    xp = np.pad(x, ((p, p), (p, p), (0, 0)))
    out = np.zeros((out_h, out_w, k.shape[3]))
    for m in range(f):
        for n in range(g):
            out += xp[m * d:m * d + s * (out_h - 1) + 1:s, n * d:n * d + s * (out_w - 1) + 1:s, :] @ k[m, n]
    return out[:, :, 0] if single else out


@mutant("pads 2p zeros at the bottom and the right only: the right shape, shifted values")
def conv2d__padding_one_side(x, k, stride=1, padding=0, dilation=1):
    x, k = np.asarray(x, dtype=float), np.asarray(k, dtype=float)
    single = x.ndim == 2
    if single:
        if k.ndim != 2:
            raise ValueError("kernel")
        x, k = x[:, :, None], k[:, :, None, None]
    elif x.ndim != 3 or k.ndim != 4 or k.shape[2] != x.shape[2]:
        raise ValueError("kernel")
    if stride < 1 or dilation < 1 or padding < 0:
        raise ValueError("arguments")
    s, p, d = stride, padding, dilation
    f, g = k.shape[:2]
    span_h, span_w = x.shape[0] + 2 * p - d * (f - 1), x.shape[1] + 2 * p - d * (g - 1)
    if span_h < 1 or span_w < 1:
        raise ValueError("too large")
    out_h, out_w = (span_h - 1) // s + 1, (span_w - 1) // s + 1
    xp = np.pad(x, ((0, 2 * p), (0, 2 * p), (0, 0)))
    out = np.zeros((out_h, out_w, k.shape[3]))
    for m in range(f):
        for n in range(g):
            out += xp[m * d:m * d + s * (out_h - 1) + 1:s, n * d:n * d + s * (out_w - 1) + 1:s, :] @ k[m, n]
    return out[:, :, 0] if single else out


@mutant("dilates the input instead of the kernel: correlates every d-th pixel with the compact kernel")
def conv2d__dilation_on_input(x, k, stride=1, padding=0, dilation=1):
    x, k = np.asarray(x, dtype=float), np.asarray(k, dtype=float)
    single = x.ndim == 2
    if single:
        if k.ndim != 2:
            raise ValueError("kernel")
        x, k = x[:, :, None], k[:, :, None, None]
    elif x.ndim != 3 or k.ndim != 4 or k.shape[2] != x.shape[2]:
        raise ValueError("kernel")
    if stride < 1 or dilation < 1 or padding < 0:
        raise ValueError("arguments")
    s, p = stride, padding
    xp = np.pad(x, ((p, p), (p, p), (0, 0)))[::dilation, ::dilation]
    f, g = k.shape[:2]
    if xp.shape[0] < f or xp.shape[1] < g:
        raise ValueError("too large")
    out_h, out_w = (xp.shape[0] - f) // s + 1, (xp.shape[1] - g) // s + 1
    out = np.zeros((out_h, out_w, k.shape[3]))
    for m in range(f):
        for n in range(g):
            out += xp[m:m + s * (out_h - 1) + 1:s, n:n + s * (out_w - 1) + 1:s, :] @ k[m, n]
    return out[:, :, 0] if single else out


# --- MaxPool2D ----------------------------------------------------------------------------------

@mutant("backward gives the gradient to every entry that equals the window's maximum (all ties)")
class MaxPool2D__gradient_to_all_ties:
    def __init__(self, size=2, stride=None):
        self.size, self.stride = int(size), int(size if stride is None else stride)
        if self.size < 1 or self.stride < 1:
            raise ValueError("size")
        self._x = None

    def forward(self, x):
        x = np.array(x, dtype=float)
        self._single = x.ndim == 2
        x = x[:, :, None] if self._single else x
        if x.ndim != 3 or x.shape[0] < self.size or x.shape[1] < self.size:
            raise ValueError("shape")
        self._x = x
        Ho, Wo = (x.shape[0] - self.size) // self.stride + 1, (x.shape[1] - self.size) // self.stride + 1
        out = np.array([[x[i * self.stride:i * self.stride + self.size, j * self.stride:j * self.stride + self.size]
                         .max(axis=(0, 1)) for j in range(Wo)] for i in range(Ho)])
        self._out = out
        return out[:, :, 0] if self._single else out

    def backward(self, dout):
        if self._x is None:
            raise RuntimeError("forward first")
        dout = np.asarray(dout, dtype=float)
        dout = dout[:, :, None] if self._single and dout.ndim == 2 else dout
        if dout.shape != self._out.shape:
            raise ValueError("shape")
        dx = np.zeros_like(self._x)
        for i in range(dout.shape[0]):
            for j in range(dout.shape[1]):
                r, c = i * self.stride, j * self.stride
                window = self._x[r:r + self.size, c:c + self.size]
                dx[r:r + self.size, c:c + self.size] += (window == self._out[i, j]) * dout[i, j]
        return dx[:, :, 0] if self._single else dx


@mutant("backward assigns instead of adding: of overlapping windows only the last one's gradient survives")
class MaxPool2D__overwrites_overlaps:
    def __init__(self, size=2, stride=None):
        self.size, self.stride = int(size), int(size if stride is None else stride)
        if self.size < 1 or self.stride < 1:
            raise ValueError("size")
        self._x = None

    def forward(self, x):
        x = np.array(x, dtype=float)
        self._single = x.ndim == 2
        x = x[:, :, None] if self._single else x
        if x.ndim != 3 or x.shape[0] < self.size or x.shape[1] < self.size:
            raise ValueError("shape")
        self._x = x
        Ho, Wo = (x.shape[0] - self.size) // self.stride + 1, (x.shape[1] - self.size) // self.stride + 1
        out = np.array([[x[i * self.stride:i * self.stride + self.size, j * self.stride:j * self.stride + self.size]
                         .max(axis=(0, 1)) for j in range(Wo)] for i in range(Ho)])
        self._out = out
        return out[:, :, 0] if self._single else out

    def backward(self, dout):
        if self._x is None:
            raise RuntimeError("forward first")
        dout = np.asarray(dout, dtype=float)
        dout = dout[:, :, None] if self._single and dout.ndim == 2 else dout
        if dout.shape != self._out.shape:
            raise ValueError("shape")
        dx = np.zeros_like(self._x)
        for i in range(dout.shape[0]):
            for j in range(dout.shape[1]):
                r, c = i * self.stride, j * self.stride
                for ch in range(dx.shape[2]):
                    flat = int(np.argmax(self._x[r:r + self.size, c:c + self.size, ch]))
                    dx[r + flat // self.size, c + flat % self.size, ch] = dout[i, j, ch]
        return dx[:, :, 0] if self._single else dx


@mutant("backward of average pooling: every entry of the window gets dout / size^2")
class MaxPool2D__average_gradient:
    def __init__(self, size=2, stride=None):
        self.size, self.stride = int(size), int(size if stride is None else stride)
        if self.size < 1 or self.stride < 1:
            raise ValueError("size")
        self._x = None

    def forward(self, x):
        x = np.array(x, dtype=float)
        self._single = x.ndim == 2
        x = x[:, :, None] if self._single else x
        if x.ndim != 3 or x.shape[0] < self.size or x.shape[1] < self.size:
            raise ValueError("shape")
        self._x = x
        Ho, Wo = (x.shape[0] - self.size) // self.stride + 1, (x.shape[1] - self.size) // self.stride + 1
        out = np.array([[x[i * self.stride:i * self.stride + self.size, j * self.stride:j * self.stride + self.size]
                         .max(axis=(0, 1)) for j in range(Wo)] for i in range(Ho)])
        self._out = out
        return out[:, :, 0] if self._single else out

    def backward(self, dout):
        if self._x is None:
            raise RuntimeError("forward first")
        dout = np.asarray(dout, dtype=float)
        dout = dout[:, :, None] if self._single and dout.ndim == 2 else dout
        if dout.shape != self._out.shape:
            raise ValueError("shape")
        dx = np.zeros_like(self._x)
        for i in range(dout.shape[0]):
            for j in range(dout.shape[1]):
                r, c = i * self.stride, j * self.stride
                dx[r:r + self.size, c:c + self.size] += dout[i, j] / self.size ** 2
        return dx[:, :, 0] if self._single else dx


# --- batch_norm_forward -------------------------------------------------------------------------

@mutant("statistics over the batch axis only: for feature maps one mean and variance per pixel and channel")
def batch_norm_forward__per_pixel(x, gamma, beta, eps=1e-3):
    x, gamma, beta = np.asarray(x, dtype=float), np.asarray(gamma, dtype=float), np.asarray(beta, dtype=float)
    if x.ndim not in (2, 4) or gamma.shape != (x.shape[-1],) or beta.shape != (x.shape[-1],):
        raise ValueError("shapes")
    mu, var = x.mean(axis=0), x.var(axis=0)
    y = gamma * (x - mu) / np.sqrt(var + eps) + beta
    return y, x.mean(axis=tuple(range(x.ndim - 1))), x.var(axis=tuple(range(x.ndim - 1)))


@mutant("the unbiased sample variance (divides by M - 1), as np.std(ddof=1) or pandas")
def batch_norm_forward__unbiased_variance(x, gamma, beta, eps=1e-3):
    x, gamma, beta = np.asarray(x, dtype=float), np.asarray(gamma, dtype=float), np.asarray(beta, dtype=float)
    if x.ndim not in (2, 4) or gamma.shape != (x.shape[-1],) or beta.shape != (x.shape[-1],):
        raise ValueError("shapes")
    axes = tuple(range(x.ndim - 1))
    mu, var = x.mean(axis=axes), x.var(axis=axes, ddof=1)
    return gamma * (x - mu) / np.sqrt(var + eps) + beta, mu, var


@mutant("eps added to the standard deviation instead of the variance: (x - mu) / (sigma + eps)")
def batch_norm_forward__eps_outside_root(x, gamma, beta, eps=1e-3):
    x, gamma, beta = np.asarray(x, dtype=float), np.asarray(gamma, dtype=float), np.asarray(beta, dtype=float)
    if x.ndim not in (2, 4) or gamma.shape != (x.shape[-1],) or beta.shape != (x.shape[-1],):
        raise ValueError("shapes")
    axes = tuple(range(x.ndim - 1))
    mu, var = x.mean(axis=axes), x.var(axis=axes)
    return gamma * (x - mu) / (np.sqrt(var) + eps) + beta, mu, var


# --- dihedral_augment ---------------------------------------------------------------------------

@mutant("copies the label to every augmented image: right for a volume fraction, wrong for a tensor")
def dihedral_augment__label_unchanged(image, K):
    image, K = np.asarray(image), np.asarray(K, dtype=float)
    if image.ndim != 2 or image.shape[0] != image.shape[1] or K.shape != (2, 2):
        raise ValueError("shapes")
    images = [np.rot90(image, k) for k in range(4)] + [np.rot90(np.fliplr(image), k) for k in range(4)]
    return np.stack(images), np.stack([K] * 8)


@mutant("treats the label like a pair of directional values: swaps K_xx and K_yy, never flips the sign of K_xy")
def dihedral_augment__no_shear_sign(image, K):
    image, K = np.asarray(image), np.asarray(K, dtype=float)
    if image.ndim != 2 or image.shape[0] != image.shape[1] or K.shape != (2, 2):
        raise ValueError("shapes")
    images = [np.rot90(image, k) for k in range(4)] + [np.rot90(np.fliplr(image), k) for k in range(4)]
    swapped = K[::-1, ::-1]
    return np.stack(images), np.stack([K, swapped, K, swapped] * 2)


@mutant("rotates the label with R but forgets that the mirror M changes it too")
def dihedral_augment__mirror_keeps_label(image, K):
    image, K = np.asarray(image), np.asarray(K, dtype=float)
    if image.ndim != 2 or image.shape[0] != image.shape[1] or K.shape != (2, 2):
        raise ValueError("shapes")
    R = np.array([[0.0, -1.0], [1.0, 0.0]])
    images = [np.rot90(image, k) for k in range(4)] + [np.rot90(np.fliplr(image), k) for k in range(4)]
    Ks = [np.linalg.matrix_power(R, k) @ K @ np.linalg.matrix_power(R, k).T for k in range(4)]
    return np.stack(images), np.stack(Ks * 2)


# --- segmentation_losses ------------------------------------------------------------------------

@mutant("Dice without the factor 2: 1 - (I + smooth) / (sum mask + sum prob + smooth)")
def segmentation_losses__dice_without_two(mask, prob, alpha=0.25, gamma=2.0, smooth=1.0):
    mask, prob = np.asarray(mask, dtype=float), np.asarray(prob, dtype=float)
    if mask.shape != prob.shape or mask.size == 0 or not np.all((mask == 0) | (mask == 1)) \
            or not np.all((prob >= 0) & (prob <= 1)):
        raise ValueError("arguments")
    inter, total = np.sum(mask * prob), np.sum(mask) + np.sum(prob)
    p_t = np.clip(np.where(mask == 1, prob, 1 - prob), 1e-7, 1 - 1e-7)
    a_t = np.where(mask == 1, alpha, 1 - alpha)
    return {"dice": float(1 - (inter + smooth) / (total + smooth)),
            "iou": float(1 - (inter + smooth) / (total - inter + smooth)),
            "focal": float(np.mean(-a_t * (1 - p_t) ** gamma * np.log(p_t)))}


@mutant("IoU with the union sum mask + sum prob, the intersection counted twice")
def segmentation_losses__union_counts_intersection_twice(mask, prob, alpha=0.25, gamma=2.0, smooth=1.0):
    mask, prob = np.asarray(mask, dtype=float), np.asarray(prob, dtype=float)
    if mask.shape != prob.shape or mask.size == 0 or not np.all((mask == 0) | (mask == 1)) \
            or not np.all((prob >= 0) & (prob <= 1)):
        raise ValueError("arguments")
    inter, total = np.sum(mask * prob), np.sum(mask) + np.sum(prob)
    p_t = np.clip(np.where(mask == 1, prob, 1 - prob), 1e-7, 1 - 1e-7)
    a_t = np.where(mask == 1, alpha, 1 - alpha)
    return {"dice": float(1 - (2 * inter + smooth) / (total + smooth)),
            "iou": float(1 - (inter + smooth) / (total + smooth)),
            "focal": float(np.mean(-a_t * (1 - p_t) ** gamma * np.log(p_t)))}


@mutant("focal loss weights every pixel with alpha, not with alpha_t (1 - alpha for the background)")
def segmentation_losses__alpha_not_alpha_t(mask, prob, alpha=0.25, gamma=2.0, smooth=1.0):
    mask, prob = np.asarray(mask, dtype=float), np.asarray(prob, dtype=float)
    if mask.shape != prob.shape or mask.size == 0 or not np.all((mask == 0) | (mask == 1)) \
            or not np.all((prob >= 0) & (prob <= 1)):
        raise ValueError("arguments")
    inter, total = np.sum(mask * prob), np.sum(mask) + np.sum(prob)
    p_t = np.clip(np.where(mask == 1, prob, 1 - prob), 1e-7, 1 - 1e-7)
    return {"dice": float(1 - (2 * inter + smooth) / (total + smooth)),
            "iou": float(1 - (inter + smooth) / (total - inter + smooth)),
            "focal": float(np.mean(-alpha * (1 - p_t) ** gamma * np.log(p_t)))}


# --- build_crack_cnn ----------------------------------------------------------------------------

@mutant("the first convolution without padding (Keras's default 'valid'): every feature map shrinks")
def build_crack_cnn__first_conv_valid(height, width, n_filters=8):
    import keras
    return keras.Sequential([
        keras.Input(shape=(height, width, 1)),
        keras.layers.Conv2D(n_filters, 3, activation="relu"),
        keras.layers.MaxPooling2D(2),
        keras.layers.Conv2D(2 * n_filters, 3, activation="relu"),
        keras.layers.GlobalAveragePooling2D(),
        keras.layers.Dense(1, activation="sigmoid"),
    ])


@mutant("average pooling instead of max pooling")
def build_crack_cnn__average_pooling(height, width, n_filters=8):
    import keras
    return keras.Sequential([
        keras.Input(shape=(height, width, 1)),
        keras.layers.Conv2D(n_filters, 3, padding="same", activation="relu"),
        keras.layers.AveragePooling2D(2),
        keras.layers.Conv2D(2 * n_filters, 3, activation="relu"),
        keras.layers.GlobalAveragePooling2D(),
        keras.layers.Dense(1, activation="sigmoid"),
    ])


@mutant("Flatten instead of global average pooling: the Dense layer's size depends on the image size")
def build_crack_cnn__flatten(height, width, n_filters=8):
    import keras
    return keras.Sequential([
        keras.Input(shape=(height, width, 1)),
        keras.layers.Conv2D(n_filters, 3, padding="same", activation="relu"),
        keras.layers.MaxPooling2D(2),
        keras.layers.Conv2D(2 * n_filters, 3, activation="relu"),
        keras.layers.Flatten(),
        keras.layers.Dense(1, activation="sigmoid"),
    ])
