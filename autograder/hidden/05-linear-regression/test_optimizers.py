"""Hidden tests of the gradient-descent family: each step function against Keras's update rules.

The expected iterates come from ``_KerasLike``, a transcription of the ``update_step`` methods of
``keras.optimizers.SGD``, ``Adagrad``, ``RMSprop`` and ``Adam`` (Keras 3.15), operation by operation.
Importing TensorFlow in the grading process costs about 10 s per worker, which made ``validate``
too slow, so Keras itself is not imported here. When the transcription was written, it reproduced
Keras (TensorFlow backend, float64 variables) bit for bit over 30 random runs of every optimizer.

Keras passes Python-float hyperparameters (learning rate, momentum, beta_1, beta_2, the initial
accumulator) through float32, so the tests round every such hyperparameter to a float32 value first;
with that, Keras's iterates and the task's float64 formulas agree to rounding.
"""

import numpy as np

from autograder.testing import assert_close, assert_raises, graded

RTOL, ATOL = 1e-9, 1e-12


def _f32(x):
    return float(np.float32(x))


class _KerasLike:
    """The update rules of keras.optimizers (Keras 3), transcribed operation by operation."""

    def __init__(self, kind, learning_rate, **options):
        self.kind, self.lr, self.options = kind, learning_rate, options
        self.iterations = 0
        self.slots = None

    def apply(self, g, w):
        o, lr = self.options, self.lr
        if self.slots is None:
            initial = o.get("initial_accumulator_value", 0.0)
            count = 2 if self.kind == "adam" else 1
            self.slots = [np.full(w.shape, initial if self.kind == "adagrad" else 0.0) for _ in range(count)]
        if self.kind == "sgd":
            m = self.slots[0]
            m[...] = m * o["momentum"] - g * lr
            w = w + (m * o["momentum"] - g * lr) if o.get("nesterov") else w + m
        elif self.kind == "adagrad":
            acc = self.slots[0]
            acc += np.square(g)
            w = w - (lr * g) / np.sqrt(acc + o["epsilon"])
        elif self.kind == "rmsprop":
            vel = self.slots[0]
            vel[...] = o["rho"] * vel + (1 - o["rho"]) * np.square(g)
            w = w - (lr * g) / np.sqrt(vel + o["epsilon"])
        else:
            step = self.iterations + 1.0
            b1_power, b2_power = o["beta_1"] ** step, o["beta_2"] ** step
            m, v = self.slots
            alpha = lr * np.sqrt(1 - b2_power) / (1 - b1_power)
            m += (g - m) * (1 - o["beta_1"])
            v += (np.square(g) - v) * (1 - o["beta_2"])
            w = w - (m * alpha) / (np.sqrt(v) + o["epsilon"])
        self.iterations += 1
        return w


def _keras_run(optimizer, w0, gradients):
    """Keras's iterates: for each step the variable before it, after it and the optimizer's slots.

    ``gradients`` is a list of gradients (one per step) or a ``_Recorder`` of a quadratic, which gives
    the gradient at the current variable.
    """
    w = np.array(w0, dtype=np.float64)
    before, after, slots = [], [], []
    for k in range(len(gradients) if not callable(gradients) else gradients.n_steps):
        before.append(w.copy())
        g = gradients(w.copy()) if callable(gradients) else gradients[k]
        w = optimizer.apply(np.asarray(g, dtype=np.float64), w)
        after.append(w.copy())
        slots.append([s.copy() for s in optimizer.slots])
    return before, after, slots


class _Recorder:
    """A gradient: from a fixed sequence (one per call) or of a quadratic; remembers each call point."""

    def __init__(self, sequence=None, A=None, b=None, n_steps=0):
        self.sequence, self.A, self.b, self.n_steps = sequence, A, b, n_steps
        self.points = []

    def __call__(self, point):
        point = np.array(point, dtype=float)
        self.points.append(point)
        if self.sequence is not None:
            return self.sequence[min(len(self.points), len(self.sequence)) - 1]
        return self.A @ point - self.b


def _pair(result, what):
    assert isinstance(result, (tuple, list)) and len(result) == 2, f"{what}: expected a pair of arrays"
    return result


def _gradient_sequence(rng, n_steps, shape):
    scale = 10 ** rng.uniform(-1, 0.5)
    return [scale * rng.normal(size=shape) for _ in range(n_steps)]


# --- momentum_step ------------------------------------------------------------------------------

@graded("momentum_step", points=1)
def test_momentum_matches_keras_sgd_with_momentum(student, rng):
    for case, shape in enumerate([(int(rng.integers(2, 6)),), (2, 3)]):
        lr, gamma = _f32(rng.uniform(0.01, 0.2)), _f32(rng.uniform(0.5, 0.95))
        gradients = _gradient_sequence(rng, 8, shape)
        w0 = rng.normal(size=shape)
        _, after, slots = _keras_run(_KerasLike("sgd", lr, momentum=gamma), w0, gradients)
        recorder = _Recorder(sequence=gradients)
        w, v = w0, np.zeros(shape)
        for k in range(len(gradients)):
            w_before = np.array(w, dtype=float)
            w, v = _pair(student.momentum_step(w, recorder, v, lr, gamma), f"momentum, case {case + 1}")
            assert len(recorder.points) == k + 1, "grad_fn must be called exactly once per step"
            assert_close(recorder.points[k], w_before, rtol=RTOL, atol=ATOL,
                         what=f"momentum, case {case + 1}, step {k + 1}: the point where grad_fn is called")
            assert_close(w, after[k], rtol=RTOL, atol=ATOL, what=f"momentum, case {case + 1}, step {k + 1}: w")
            assert_close(v, slots[k][0], rtol=RTOL, atol=ATOL,
                         what=f"momentum, case {case + 1}, step {k + 1}: the velocity")


@graded("momentum_step", points=2)
def test_nesterov_matches_keras_sgd_with_nesterov_on_two_springs(student, rng):
    # two springs in series, fixed at one end: a soft and a stiff one (an ill-conditioned energy)
    k1, k2 = rng.uniform(0.5, 2.0), rng.uniform(20.0, 60.0)
    K = np.array([[k1 + k2, -k2], [-k2, k2]])
    f = rng.uniform(-1.0, 1.0, size=2)
    lr = _f32(rng.uniform(0.3, 0.9) / np.linalg.eigvalsh(K)[-1])
    gamma = _f32(rng.uniform(0.6, 0.9))
    n_steps = 25
    before, after, slots = _keras_run(_KerasLike("sgd", lr, momentum=gamma, nesterov=True),
                                      np.zeros(2), _Recorder(A=K, b=f, n_steps=n_steps))
    recorder = _Recorder(A=K, b=f)
    w, v = np.zeros(2), np.zeros(2)
    for k in range(n_steps):
        w, v = _pair(student.momentum_step(w, recorder, v, lr, gamma, True), "Nesterov")
        assert len(recorder.points) == k + 1, "grad_fn must be called exactly once per step"
        # Keras stores the look-ahead point theta = w + gamma v as its variable
        assert_close(recorder.points[k], before[k], rtol=RTOL, atol=1e-11,
                     what=f"Nesterov, step {k + 1}: the look-ahead point where grad_fn is called")
        assert_close(v, slots[k][0], rtol=RTOL, atol=1e-11, what=f"Nesterov, step {k + 1}: the velocity")
        assert_close(np.asarray(w, dtype=float) + gamma * np.asarray(v, dtype=float), after[k], rtol=RTOL,
                     atol=1e-11, what=f"Nesterov, step {k + 1}: w + momentum * v")


# --- adagrad_step -------------------------------------------------------------------------------

@graded("adagrad_step", points=1)
def test_adagrad_matches_keras(student, rng):
    for case, shape in enumerate([(int(rng.integers(2, 6)),), (3, 2)]):
        lr, initial = _f32(rng.uniform(0.01, 0.5)), _f32(rng.uniform(0.0, 0.3))
        eps = 10 ** rng.uniform(-3, -1)
        gradients = _gradient_sequence(rng, 8, shape)
        w0 = rng.normal(size=shape)
        keras_like = _KerasLike("adagrad", lr, initial_accumulator_value=initial, epsilon=eps)
        _, after, slots = _keras_run(keras_like, w0, gradients)
        w, G = w0, np.full(shape, initial)
        for k, g in enumerate(gradients):
            w, G = _pair(student.adagrad_step(w, g, G, lr, eps), f"AdaGrad, case {case + 1}")
            assert_close(w, after[k], rtol=RTOL, atol=ATOL, what=f"AdaGrad, case {case + 1}, step {k + 1}: w")
            assert_close(G, slots[k][0], rtol=RTOL, atol=ATOL,
                         what=f"AdaGrad, case {case + 1}, step {k + 1}: the accumulator")


@graded("adagrad_step", points=1)
def test_adagrad_constant_gradient_closed_form(student, rng):
    # from G = 0 with eps = 0 a constant gradient c gives steps lr * sign(c) / sqrt(j), j = 1, 2, ...
    n = int(rng.integers(2, 6))
    c = rng.choice([-1.0, 1.0], size=n) * 10 ** rng.uniform(-3, 3, size=n)
    lr = rng.uniform(0.01, 1.0)
    w, G = np.zeros(n), np.zeros(n)
    for _ in range(10):
        w, G = _pair(student.adagrad_step(w, c, G, lr, 0.0), "constant gradient")
    expected = -lr * np.sign(c) * np.sum(1.0 / np.sqrt(np.arange(1, 11)))
    assert_close(w, expected, rtol=1e-9, atol=1e-12, what="constant gradient: w after 10 steps")
    assert_close(G, 10 * c * c, rtol=1e-9, atol=0.0, what="constant gradient: the accumulator after 10 steps")


# --- rmsprop_step -------------------------------------------------------------------------------

@graded("rmsprop_step", points=1)
def test_rmsprop_matches_keras(student, rng):
    for case, shape in enumerate([(int(rng.integers(2, 6)),), (2, 2)]):
        lr, rho = _f32(rng.uniform(0.01, 0.2)), _f32(rng.uniform(0.5, 0.95))
        eps = 10 ** rng.uniform(-3, -1)
        gradients = _gradient_sequence(rng, 8, shape)
        w0 = rng.normal(size=shape)
        _, after, slots = _keras_run(_KerasLike("rmsprop", lr, rho=rho, epsilon=eps), w0, gradients)
        w, s = w0, np.zeros(shape)
        for k, g in enumerate(gradients):
            w, s = _pair(student.rmsprop_step(w, g, s, lr, rho, eps), f"RMSProp, case {case + 1}")
            assert_close(w, after[k], rtol=RTOL, atol=ATOL, what=f"RMSProp, case {case + 1}, step {k + 1}: w")
            assert_close(s, slots[k][0], rtol=RTOL, atol=ATOL,
                         what=f"RMSProp, case {case + 1}, step {k + 1}: the running average")


@graded("rmsprop_step", points=1)
def test_rmsprop_constant_gradient_closed_form(student, rng):
    # from s = 0 a constant gradient c gives s_k = (1 - rho^k) c^2
    n = int(rng.integers(2, 6))
    c = rng.choice([-1.0, 1.0], size=n) * 10 ** rng.uniform(-1, 1, size=n)
    lr, rho, eps = rng.uniform(0.01, 0.1), rng.uniform(0.5, 0.99), rng.uniform(0.01, 0.1)
    w, s = np.zeros(n), np.zeros(n)
    expected = np.zeros(n)
    for k in range(1, 7):
        w, s = _pair(student.rmsprop_step(w, c, s, lr, rho, eps), "constant gradient")
        s_k = (1.0 - rho ** k) * c * c
        expected = expected - lr * c / np.sqrt(s_k + eps)
        assert_close(s, s_k, rtol=1e-9, atol=1e-14, what=f"constant gradient, step {k}: the running average")
        assert_close(w, expected, rtol=1e-9, atol=1e-14, what=f"constant gradient, step {k}: w")


# --- adam_step ----------------------------------------------------------------------------------

@graded("adam_step", points=1)
def test_adam_matches_keras(student, rng):
    for case, shape in enumerate([(int(rng.integers(2, 6)),), (3, 2)]):
        lr = _f32(rng.uniform(0.01, 0.2))
        beta_1, beta_2 = _f32(rng.uniform(0.8, 0.95)), _f32(rng.uniform(0.99, 0.9995))
        eps = 10 ** rng.uniform(-3, -1.5)
        gradients = _gradient_sequence(rng, 10, shape)
        w0 = rng.normal(size=shape)
        _, after, slots = _keras_run(_KerasLike("adam", lr, beta_1=beta_1, beta_2=beta_2, epsilon=eps), w0, gradients)
        w, m, v = w0, np.zeros(shape), np.zeros(shape)
        for k, g in enumerate(gradients):
            result = student.adam_step(w, g, m, v, k + 1, lr, beta_1, beta_2, eps)
            assert isinstance(result, (tuple, list)) and len(result) == 3, "expected a triple (w, m, v)"
            w, m, v = result
            what = f"Adam, case {case + 1}, step {k + 1}"
            assert_close(w, after[k], rtol=RTOL, atol=ATOL, what=f"{what}: w")
            assert_close(m, slots[k][0], rtol=RTOL, atol=ATOL, what=f"{what}: the first moment")
            assert_close(v, slots[k][1], rtol=RTOL, atol=ATOL, what=f"{what}: the second moment")


@graded("adam_step", points=1)
def test_adam_bias_correction_and_step_number(student, reference, rng):
    # thanks to the bias correction the first step moves every weight by lr against the sign of g,
    # whatever the size of g
    n = int(rng.integers(3, 7))
    g = rng.choice([-1.0, 1.0], size=n) * 10 ** rng.uniform(-3, 3, size=n)
    lr = rng.uniform(0.001, 0.1)
    w0 = rng.normal(size=n)
    result = student.adam_step(w0, g, np.zeros(n), np.zeros(n), 1, lr, 0.9, 0.999, 1e-12)
    assert isinstance(result, (tuple, list)) and len(result) == 3, "expected a triple (w, m, v)"
    assert_close(result[0], w0 - lr * np.sign(g), rtol=1e-6, atol=1e-9, what="the first step of Adam")
    # a step late in the run, from given moments
    for t in (2, int(rng.integers(5, 50)), int(rng.integers(1000, 5000))):
        m, v = rng.normal(size=n), rng.uniform(0.1, 1.0, size=n)
        args = (w0, rng.normal(size=n), m, v, t, 0.01, 0.9, 0.999, 1e-7)
        assert_close(student.adam_step(*args), reference.adam_step(*args), rtol=RTOL, atol=ATOL,
                     what="a step from given moments: (w, m, v)")
    assert_raises("ValueError", student.adam_step, w0, g, np.zeros(n), np.zeros(n), 0)
