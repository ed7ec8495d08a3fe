"""``python -m autograder.gpu_check``: which server profile this is and which devices TensorFlow sees.

Students run it in a terminal (or ``!python -m autograder.gpu_check`` in a notebook) to know whether
their deep-learning assignment will train on a GPU.
"""

from __future__ import annotations

import os
import time


def report() -> str:
    """The profile name and TensorFlow's view of the devices, with a small timed matrix product."""
    lines = [f"server profile: {os.environ.get('COURSE_PROFILE', 'unknown (not started by the course hub)')}"]
    import tensorflow as tf

    gpus = tf.config.list_physical_devices("GPU")
    lines.append(f"TensorFlow {tf.__version__}, built with CUDA: {tf.test.is_built_with_cuda()}")
    lines.append(f"GPUs TensorFlow sees: {len(gpus)}" + "".join(f"\n  {gpu.name}" for gpu in gpus))
    device = "/GPU:0" if gpus else "/CPU:0"
    with tf.device(device):
        matrix = tf.random.normal((2000, 2000))
        tf.linalg.matmul(matrix, matrix).numpy()
        started = time.perf_counter()
        tf.linalg.matmul(matrix, matrix).numpy()
        elapsed = time.perf_counter() - started
    lines.append(f"a 2000 x 2000 matrix product on {device}: {elapsed * 1000:.1f} ms")
    return "\n".join(lines)


if __name__ == "__main__":
    print(report())
