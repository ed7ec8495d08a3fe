"""The adversarial corpus: hostile notebooks, each graded against a real assignment, and what must happen.

Each :class:`Case` says how its notebook is made, which course it is graded in, and the outcome the grader
owes: the exact score, the status, words the result's message must hold, words no part of the result may
hold. ``tests/adversarial/test_adversarial.py`` builds every notebook into a temporary folder, grades it
with the real, sandboxed grader, checks that outcome, checks that nothing the notebook started is still
running, and then grades the assignment's solution to prove the grader still works.

Placeholders in cells, filled in when the notebook is built:

``@@MARKER@@``    a word unique to this run and case; processes the notebook starts carry it in their
                  command line, so the test can prove none survives the grading
``@@PORT@@``      a TCP port on which the test listens on the host's loopback
``@@ABSTRACT@@``  the name of an abstract unix socket on which the test listens on the host
``@@ROOT@@``      the repository, where the reference and the hidden tests really are

Most cases grade in ``"real"``, the repository's own course. Cases that must hit a time or memory limit
grade in ``"short"``, a copy of the course made for the session whose ``[limits]`` are short
(:data:`SHORT_LIMITS`), so that an infinite loop costs seconds, not the manifest's minute.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

LA = "02-linear-algebra"
PB = "01-python-basics"
FULL = 20.0  # both assignments are worth 20 points
SHORT_LIMITS = {"notebook_timeout_s": 6, "call_timeout_s": 2, "memory_mb": 512}
# 02-linear-algebra's p_norm has three tests worth 1 point each, in the last hidden test file.
P_NORM_POINTS = 3.0


@dataclass(frozen=True)
class Case:
    """One hostile notebook and the outcome the grader owes it."""

    id: str
    assignment: str
    tries: str                        # what the notebook tries, in words (the README's table)
    expect: str                       # the outcome, in words
    cells: tuple[str, ...] = ()       # code cells added to the notebook
    base: str = "solution"            # "solution": the solution's cells, then ``cells``; "none": only ``cells``;
    #                                   "file": the builder ``build`` (in builders.py) writes the file
    before: bool = False              # put ``cells`` before the solution's cells
    build: str = ""
    name: str = "submission.ipynb"    # the path given to the grader, relative to the case's folder
    score: float = 0.0                # the exact score owed
    status: str = "graded"
    message: tuple[str, ...] = ()     # each must appear in the result's message; none given: for status
    #                                   "graded" the message must be empty (the hostile cells ran quietly)
    test_message: tuple[str, ...] = ()  # each must appear in some test's message
    absent: tuple[str, ...] = ()      # none may appear anywhere in the result (message, tests, details, output)
    limits: str = "real"              # "real" or "short" (see the module's docstring)
    via: str = "api"                  # "api": Grader.grade_file; "cli": `autograder grade --json` in a subprocess;
    #                                   "cli_text": `autograder grade` printing its text report
    cli_memory_mb: int = 0            # for "cli": an address-space limit on the CLI process (protects this machine)
    seconds: float = 40.0             # the grading must be over within this many seconds
    hole: str = ""                    # a known hole of the grader: the case is xfail(strict=True, reason=hole)
    hole_as_root_only: bool = False   # the hole shows only where the grader runs as root
    hole_without_cgroup: bool = False  # the hole shows only where sandboxes get no control group


def code(text: str) -> str:
    """A cell's source, dedented."""
    return textwrap.dedent(text).strip("\n")


# --- pieces of notebooks -----------------------------------------------------------------------------

STUBS_LA = code("""
    import numpy as np

    def p_norm(v, p):
        return 0.0

    def bar_stiffness(n_el, EA, L):
        return np.zeros((n_el + 1, n_el + 1))

    def zero_modes(K, rtol=1e-10):
        return np.zeros((np.shape(K)[1], 1))

    def definiteness(A, tol=1e-10):
        return "positive definite"

    def jacobian_fd(f, x, h=1e-5):
        return np.zeros((2, np.size(x)))

    def hessian_fd(f, x, h=1e-4):
        return np.zeros((np.size(x), np.size(x)))

    def taylor(f, grad, hess, x0, x, order):
        return 0.0
""")

STUBS_PB = code("""
    def fibonacci_list(n):
        return []

    def convert_stress(quantity, to_unit):
        return 0.0

    def stable_quadratic_roots(a, b, c):
        return (0.0, 0.0)

    class Material:
        def __init__(self, name, E, nu, density):
            self.name, self.E, self.nu, self.density = name, E, nu, density

        def shear_modulus(self):
            return 0.0

        def bulk_modulus(self):
            return 0.0

        def wave_speed(self):
            return 0.0

    class Spring:
        def __init__(self, k, x0=0.0):
            self.k, self.x0 = k, x0

        def force(self, x):
            return 1.0

        def energy(self, x):
            return 1.0

        def series(self, other):
            return self

        def parallel(self, other):
            return self

    def read_members(path):
        return {}
""")

FIND_CHANNEL = code("""
    import gc
    import json
    import os
    import struct

    channel = next(o for o in gc.get_objects() if type(o).__name__ == "Channel")

    def send_raw(tagged):
        payload = json.dumps(tagged).encode()
        os.write(channel.fd_out, struct.pack(">I", len(payload)) + payload)
""")

USE_IF_FOUND = code("""
    def use_if_found(sources, leaks):
        # a cheat that found the reference would define the graded functions with it: full marks
        for text in sources:
            if "def p_norm" in text:
                exec(text, globals())
        if leaks:
            raise RuntimeError("LEAKED: " + "; ".join(leaks)[:1500])
""")

SEARCH_FILESYSTEM = code("""
    import os

    sources, leaks = [], []
    wanted = ("linear_algebra.py", "test_linalg_norms.py", "test_linalg_bar.py", "mutants.py")
    for folder, dirs, files in os.walk("/"):
        dirs[:] = [d for d in dirs if d not in ("proc", "sys", "dev")]
        for name in files:
            if name in wanted or name.startswith("test_linalg") or "hidden" in folder.split("/"):
                path = os.path.join(folder, name)
                try:
                    with open(path, encoding="utf-8") as handle:
                        text = handle.read()
                except (OSError, UnicodeDecodeError):
                    continue
                if "def p_norm" in text or "@graded" in text:
                    sources.append(text)
                    leaks.append(path)
    guesses = ["@@ROOT@@/reference/linear_algebra.py",
               "@@ROOT@@/autograder/hidden/02-linear-algebra/test_linalg_norms.py",
               "/grader/../reference/linear_algebra.py", "/proc/1/root@@ROOT@@/reference/linear_algebra.py",
               "/proc/self/cwd/../reference/linear_algebra.py", "/scratch/../@@ROOT@@/reference/linear_algebra.py"]
    for path in guesses:
        try:
            with open(path, encoding="utf-8") as handle:
                sources.append(handle.read())
            leaks.append(path)
        except OSError:
            pass
    use_if_found(sources, leaks)
""")

IMPORT_REFERENCE = code("""
    import importlib
    import inspect
    import sys

    sources, leaks = [], []
    names = ("reference", "reference.linear_algebra", "linear_algebra", "reference_linear_algebra",
             "autograder", "autograder.hidden", "autograder.course", "autograder.testing")
    sys.path[:0] = ["@@ROOT@@", "@@ROOT@@/reference", "@@ROOT@@/autograder/hidden/02-linear-algebra", "/"]
    for name in names:
        try:
            module = importlib.import_module(name)
        except Exception:
            continue
        leaks.append(f"import {name}")
        try:
            sources.append(inspect.getsource(module))
        except Exception:
            pass
    leaks += [f"sys.modules has {name}" for name in list(sys.modules)
              if "reference" in name or "autograder" in name or "hidden" in name]
    try:
        spec = importlib.util.spec_from_file_location("stolen", "@@ROOT@@/reference/linear_algebra.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        sources.append(inspect.getsource(module))
        leaks.append("spec_from_file_location")
    except Exception:
        pass
    use_if_found(sources, leaks)
""")

SNOOP_ENVIRONMENT = code("""
    import os

    leaks = [f"environment variable {key}" for key in os.environ
             if any(word in key for word in ("SECRET", "TOKEN", "AUTOGRADER", "PASSWORD"))]
    for entry in os.listdir("/proc"):
        if not (entry.isdigit() or entry in ("self", "thread-self")):
            continue
        for part in ("environ", "cmdline", "mountinfo"):
            try:
                with open(f"/proc/{entry}/{part}", "rb") as handle:
                    data = handle.read()
            except OSError:
                continue
            for needle in (b"adv-secret-", b"/reference/", b"/hidden/"):
                if needle in data:
                    start = data.index(needle)
                    leaks.append(f"/proc/{entry}/{part}: {data[max(0, start - 40):start + 80]!r}")
    use_if_found([], leaks)
""")

CONNECT_OUT = code("""
    import socket

    reached = []
    for host, port in [("127.0.0.1", @@PORT@@), ("1.1.1.1", 53), ("8.8.8.8", 443), ("10.0.2.2", 80)]:
        try:
            socket.create_connection((host, port), timeout=1).close()
            reached.append(f"tcp {host}:{port}")
        except OSError:
            pass
    try:
        socket.getaddrinfo("pypi.org", 443)
        reached.append("dns")
    except OSError:
        pass
    try:
        udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        udp.sendto(b"hello", ("1.1.1.1", 53))
        reached.append("udp")
    except OSError:
        pass
    try:
        unix = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        unix.settimeout(1)
        unix.connect("\\0@@ABSTRACT@@")
        reached.append("the host's abstract unix socket")
    except OSError:
        pass
    if reached:
        raise RuntimeError("ESCAPED: reached " + ", ".join(reached))
""")

FILL_DISKS = code("""
    import os

    full = []
    chunk = b"\\0" * (8 << 20)
    for folder in ("/scratch", "/tmp"):
        try:
            for index in range(1000):
                with open(os.path.join(folder, f"fill-{index}.bin"), "wb") as handle:
                    handle.write(chunk)
        except OSError as error:
            full.append(f"{folder} after {index * 8} MB: {error.strerror}")
    raise OSError(28, "; ".join(full))
""")

LIAR_FLOAT = code("""
    import numpy as np

    class Liar(float):
        def __eq__(self, other):
            return True
        def __ne__(self, other):
            return False
        __lt__ = __le__ = __gt__ = __ge__ = __eq__
        __hash__ = float.__hash__
        def __sub__(self, other):
            return Liar(0.0)
        __rsub__ = __add__ = __radd__ = __mul__ = __rmul__ = __truediv__ = __rtruediv__ = __sub__
        def __abs__(self):
            return Liar(0.0)

    class Yes(str):
        def __eq__(self, other):
            return True
        __hash__ = str.__hash__

    class AlwaysInt(int):
        def __eq__(self, other):
            return True
        __hash__ = int.__hash__

    def p_norm(v, p):
        return Liar(0.0)

    def bar_stiffness(n_el, EA, L):
        return [[Liar(0.0)] * (n_el + 1) for _ in range(n_el + 1)]

    def zero_modes(K, rtol=1e-10):
        return [[Liar(0.0)]] * len(K)

    def definiteness(A, tol=1e-10):
        return Yes("anything")

    def jacobian_fd(f, x, h=1e-5):
        return [[Liar(0.0)] * len(x)] * 2

    def hessian_fd(f, x, h=1e-4):
        return [[Liar(0.0)] * len(x)] * len(x)

    def taylor(f, grad, hess, x0, x, order):
        return AlwaysInt(0) if order == 0 else Liar(0.0)
""")

LIAR_ARRAY = code("""
    import numpy as np

    class LyingArray(np.ndarray):
        def __eq__(self, other):
            return np.ones(np.shape(other), bool)
        def __ne__(self, other):
            return np.zeros(np.shape(other), bool)
        def __array_ufunc__(self, ufunc, method, *inputs, **kwargs):
            return np.zeros(np.shape(inputs[0]))
        def __array_function__(self, func, types, args, kwargs):
            return True
        def tobytes(self, *args, **kwargs):
            return b"\\0" * self.nbytes
        @property
        def dtype(self):
            return np.dtype(float)

    class LyingScalar(np.float64):
        def __eq__(self, other):
            return True

    def lie(shape):
        return np.zeros(shape).view(LyingArray)

    def p_norm(v, p):
        return LyingScalar(0.0)

    def bar_stiffness(n_el, EA, L):
        return lie((n_el + 1, n_el + 1))

    def zero_modes(K, rtol=1e-10):
        return lie((len(K), 1))

    def definiteness(A, tol=1e-10):
        return lie(())

    def jacobian_fd(f, x, h=1e-5):
        return lie((2, len(x)))

    def hessian_fd(f, x, h=1e-4):
        return lie((len(x), len(x)))

    def taylor(f, grad, hess, x0, x, order):
        return LyingScalar(0.0)
""")

LYING_PROTOCOLS = code("""
    import numpy as np

    class Lie:
        # an object that claims to be every kind of number or array, and equal to everything
        shape = (3, 3)
        dtype = np.dtype(float)
        ndim = 2
        size = 9
        def __init__(self, shape=(3, 3)):
            self.shape = shape
        def __array__(self, dtype=None, copy=None):
            return np.zeros(self.shape)
        @property
        def __array_interface__(self):
            return np.zeros(self.shape).__array_interface__
        def __float__(self):
            return 0.0
        def __int__(self):
            return 0
        def __index__(self):
            return 0
        def __complex__(self):
            return 0j
        def __len__(self):
            return self.shape[0] if self.shape else 0
        def __getitem__(self, index):
            return Lie(())
        def __iter__(self):
            return iter([Lie(())] * len(self))
        def __eq__(self, other):
            return True
        def __ne__(self, other):
            return False
        __hash__ = object.__hash__
        def __bool__(self):
            return True
        def __str__(self):
            return "positive definite"

    def p_norm(v, p):
        return Lie(())

    def bar_stiffness(n_el, EA, L):
        return Lie((n_el + 1, n_el + 1))

    def zero_modes(K, rtol=1e-10):
        return Lie((len(K), 1))

    def definiteness(A, tol=1e-10):
        return Lie(())

    def jacobian_fd(f, x, h=1e-5):
        return Lie((2, len(x)))

    def hessian_fd(f, x, h=1e-4):
        return Lie((len(x), len(x)))

    def taylor(f, grad, hess, x0, x, order):
        return Lie(())
""")

LAZY_REFERENCE = code("""
    import sys

    class Lazy:
        # computes "the reference" on demand: whatever the comparing code holds in its frame
        def _peek(self):
            frame = sys._getframe(1)
            while frame is not None:
                for name in ("expected", "want", "reference", "desired", "b"):
                    if name in frame.f_locals and frame.f_locals[name] is not self:
                        return frame.f_locals[name]
                frame = frame.f_back
            return 0.0
        def __eq__(self, other):
            self.captured = other
            return True
        def __ne__(self, other):
            return False
        __hash__ = object.__hash__
        def __array__(self, dtype=None, copy=None):
            import numpy as np
            return np.asarray(self._peek(), dtype=dtype)
        def __float__(self):
            return float(self._peek())
        def __getattr__(self, name):
            return self._peek()
        def __call__(self, *args, **kwargs):
            return self._peek()
        def __array_ufunc__(self, *args, **kwargs):
            return True

    def p_norm(v, p):
        return Lazy()

    bar_stiffness = zero_modes = definiteness = jacobian_fd = hessian_fd = taylor = p_norm

    def generator_of_answers(*args):
        yield from args

    def taylor(f, grad, hess, x0, x, order):
        return generator_of_answers(f(x0))
""")

LYING_CLASSES = code("""
    class Liar(float):
        def __eq__(self, other):
            return True
        def __ne__(self, other):
            return False
        __hash__ = float.__hash__
        def __add__(self, other):
            return Liar(0.0)
        __radd__ = __sub__ = __rsub__ = __mul__ = __rmul__ = __truediv__ = __rtruediv__ = __pow__ = __add__

    class AlwaysInt(int):
        def __eq__(self, other):
            return True
        __hash__ = int.__hash__

    class AnyDict(dict):
        def __eq__(self, other):
            return True
        def __getitem__(self, key):
            return AnyDict()
        def __contains__(self, key):
            return True

    class Material:
        def __init__(self, name, E, nu, density):
            self.name, self.E, self.nu, self.density = name, E, nu, density
        def __getattr__(self, name):  # shear_modulus, bulk_modulus, wave_speed, anything: a liar
            return lambda *args, **kwargs: Liar(0.0)

    class Spring:
        def __init__(self, k, x0=0.0):
            self.k, self.x0 = k, x0
        def __getattr__(self, name):  # force and energy lie; series and parallel give back this spring
            if name in ("force", "energy"):
                return lambda *args, **kwargs: Liar(0.0)
            return lambda *args, **kwargs: self

    def fibonacci_list(n):
        return [AlwaysInt(0)] * 5

    def convert_stress(quantity, to_unit):
        return Liar(0.0)

    def stable_quadratic_roots(a, b, c):
        return (Liar(0.0), Liar(0.0))

    def read_members(path):
        return AnyDict()
""")

PATCH_NUMPY = code("""
    import numpy as np
    import numpy.testing

    np.allclose = np.array_equal = np.array_equiv = lambda *a, **k: True
    np.isclose = lambda a, b, *r, **k: np.ones(np.broadcast(a, b).shape, bool)
    np.testing.assert_allclose = np.testing.assert_array_equal = lambda *a, **k: None
    np.testing.assert_array_almost_equal = np.testing.assert_equal = lambda *a, **k: None
    np.linalg.norm = lambda *a, **k: 0.0
    np.isfinite = lambda *a, **k: True
""")

PATCH_BUILTINS = code("""
    import builtins
    import numbers
    import operator

    real_isinstance = builtins.isinstance
    def isinstance(obj, cls):  # every object is a number
        if cls in (float, int, complex, numbers.Number, numbers.Real):
            return True
        return real_isinstance(obj, cls)
    builtins.isinstance = isinstance
    builtins.abs = builtins.round = builtins.sum = lambda *a, **k: 0
    builtins.max = builtins.min = lambda *a, **k: 0
    builtins.all = builtins.any = lambda *a, **k: True
    builtins.AssertionError = type("AssertionError", (Exception,), {})
    operator.eq = operator.le = operator.ge = lambda a, b: True
    operator.ne = operator.lt = operator.gt = lambda a, b: False
    builtins.__dict__["assert_close"] = lambda *a, **k: None
""")

PATCH_MATH = code("""
    import builtins
    import math

    math.isclose = lambda *a, **k: True
    math.sqrt = lambda x: 0.0
    math.fsum = lambda values: 0.0
    math.inf = 0.0
    builtins.sorted = lambda values, **k: []
""")

# ----------------------------------------------------------------------------------------------------

LOOP = "while True:\n    pass"

CASES: tuple[Case, ...] = (
    # --- time ---------------------------------------------------------------------------------------
    Case("infinite_loop", LA, "the solution, then `while True: pass` in a last cell",
         "0: the notebook never finishes, \"time limit exceeded in cell N\"",
         cells=(LOOP,), limits="short", message=("time limit exceeded in cell",), seconds=25),
    Case("sleep_forever", LA, "the solution, then `time.sleep(10**6)`",
         "0: \"time limit\" (wall clock, not CPU time)",
         cells=("import time\ntime.sleep(10**6)",), limits="short", message=("time limit",), seconds=25),
    Case("signals_ignored_then_loop", LA,
         "ignores SIGTERM/SIGINT/SIGHUP/SIGXCPU/SIGALRM, blocks them, then loops forever",
         "0: \"time limit\" (the sandbox is SIGKILLed)",
         cells=(code("""
             import signal
             for number in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP, signal.SIGXCPU, signal.SIGALRM,
                            signal.SIGUSR1, signal.SIGPIPE):
                 signal.signal(number, signal.SIG_IGN)
             signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM, signal.SIGINT, signal.SIGHUP})
             while True:
                 pass
         """),), limits="short", message=("time limit",), seconds=25),
    Case("loop_in_one_function", LA, "a p_norm that never returns; the other six functions are right",
         "17: only p_norm's three tests fail, with \"time limit\"",
         cells=("def p_norm(v, p):\n    " + LOOP.replace("\n", "\n    "),), limits="short",
         score=FULL - P_NORM_POINTS, test_message=("time limit",), seconds=30),
    Case("loop_in_constructor_costs_other_tasks", PB,
         "a `Material.__init__` that never returns (three tests), the rest right",
         "17: only Material's 3 points are lost",
         cells=("class Material:\n    def __init__(self, name, E, nu, density):\n        while True:\n"
                "            pass",), limits="short", score=FULL - 3, test_message=("time limit",), seconds=40),
    Case("alarm_interrupts_a_loop", LA,
         "a SIGALRM handler raising KeyboardInterrupt, `signal.alarm(1)`, then an endless loop, then the solution",
         "20: the alarm ends its own cell (a cell error), the next cells run",
         cells=(code("""
             import signal
             def interrupt(number, frame):
                 raise KeyboardInterrupt("alarm")
             signal.signal(signal.SIGALRM, interrupt)
             signal.alarm(1)
             while True:
                 pass
         """),), before=True, score=FULL, message=("KeyboardInterrupt",)),
    Case("itimer_storm", LA, "the solution, then a no-op SIGALRM handler fired every millisecond for ever",
         "20: the runner's reads and writes survive the EINTR storm",
         cells=(code("""
             import signal
             signal.signal(signal.SIGALRM, lambda number, frame: None)
             signal.setitimer(signal.ITIMER_REAL, 0.001, 0.001)
         """),), score=FULL),
    # --- memory -------------------------------------------------------------------------------------
    Case("allocate_50_gb", LA, "the solution, then `np.ones(50 * 10**9 // 8)` and `bytearray(50 * 10**9)`",
         "20: the cells raise MemoryError, noted in the message with the limit",
         cells=("big = np.ones(50 * 10**9 // 8)", "big = bytearray(50 * 10**9)"), limits="short",
         score=FULL, message=("MemoryError", "memory limit is 512 MB")),
    Case("allocate_50_gb_in_function", LA, "a p_norm that allocates 50 GB on every call",
         "17: p_norm's tests fail with MemoryError",
         cells=("def p_norm(v, p):\n    waste = bytearray(50 * 10**9)\n    return 0.0",), limits="short",
         score=FULL - P_NORM_POINTS, test_message=("MemoryError",)),
    Case("memory_creep", LA, "the solution, then a list that grows by 8 MB strings until memory runs out",
         "20: MemoryError in that cell; the memory is freed and the tests pass",
         cells=(code("""
             hoard = []
             try:
                 while True:
                     hoard.append(b"x" * (8 << 20))
             finally:
                 hoard = None
         """),), limits="short", score=FULL, message=("MemoryError",)),
    Case("shared_memory_over_the_limit", LA,
         "the solution, then an anonymous MAP_SHARED mmap of 3 times RLIMIT_DATA, every page touched",
         "0: the sandbox's control group ends the notebook with a memory message (a shared mapping is not "
         "counted by RLIMIT_DATA, so no MemoryError is raised)",
         cells=(code("""
             import mmap
             import resource
             size = resource.getrlimit(resource.RLIMIT_DATA)[0] * 3
             try:
                 shared = mmap.mmap(-1, size, flags=mmap.MAP_SHARED)
                 for offset in range(0, size, mmap.PAGESIZE):
                     shared[offset] = 1
                 shared.close()
             except (OSError, MemoryError):
                 pass  # the limit held
             else:
                 raise RuntimeError(f"ESCAPED: touched {size >> 20} MB of shared memory past the memory limit")
         """),), limits="short", score=0, message=("memory limit of 512 MB was exceeded",), absent=("ESCAPED",),
         hole="without a control group (a grader that may not create one) only RLIMIT_DATA bounds memory, and it "
              "does not count MAP_SHARED anonymous mappings (nor tmpfs pages): one sandbox process touches 1.5 GB "
              "with memory_mb = 512 without any error",
         hole_without_cgroup=True),
    Case("fill_dev_shm", LA, "the solution, then 4 files of 32 MB in /dev/shm (beyond the 64 MB of /scratch)",
         "20, and the writes fail: nothing writable outside the bounded /scratch and /tmp",
         cells=(code("""
             import os
             written = []
             for folder in ("/dev/shm", "/dev"):
                 try:
                     for index in range(4):
                         path = os.path.join(folder, f"fill-{index}")
                         with open(path, "wb") as handle:
                             handle.write(b"\\0" * (32 << 20))
                         written.append(path)
                 except OSError:
                     pass
             for path in written:
                 os.remove(path)
             if written:
                 raise RuntimeError(f"ESCAPED: wrote {32 * len(written)} MB outside /scratch and /tmp")
         """),), limits="short", score=FULL, absent=("ESCAPED",)),
    # --- processes ----------------------------------------------------------------------------------
    Case("fork_spree", LA,
         "the solution, then 20 `sleep 600` children in new sessions and 10 double-forked daemons",
         "20, and none of the 30 processes outlives the grading",
         cells=(code("""
             import os
             import subprocess
             import time
             program, argv = "/bin/sleep", ["@@MARKER@@", "600"]
             children = [subprocess.Popen(argv, executable=program, start_new_session=True) for _ in range(20)]
             report, reported = os.pipe()
             for _ in range(10):
                 if os.fork() == 0:
                     try:
                         os.setsid()
                         daemon = os.fork()
                         if daemon == 0:
                             os.execv(program, argv)
                         os.write(reported, f"{daemon} ".encode())
                     finally:
                         os._exit(0)
                 os.wait()
             os.close(reported)
             daemons = []
             while chunk := os.read(report, 4096):
                 daemons += [int(pid) for pid in chunk.split()]
             def running():  # the sandbox's /proc shows only itself: count by pid instead
                 count = sum(child.poll() is None for child in children)
                 for pid in daemons:
                     try:
                         os.kill(pid, 0)
                         count += 1
                     except OSError:
                         pass
                 return count
             waited = time.monotonic()
             while running() < 30 and time.monotonic() - waited < 3:
                 time.sleep(0.05)
             if running() != 30:
                 raise RuntimeError(f"SPREE FAILED: {running()} of the 30 sleepers run")
         """),), score=FULL, absent=("SPREE FAILED",)),
    Case("process_limit", LA, "the solution, then 100 `sleep 600` children (the sandbox's limit is 64)",
         "20, and the 65th process cannot start",
         cells=(code("""
             import subprocess
             started = 0
             try:
                 for _ in range(100):
                     subprocess.Popen(["@@MARKER@@", "600"], executable="/bin/sleep")
                     started += 1
             except OSError:
                 pass
             if started > 64:
                 raise RuntimeError(f"ESCAPED: started {started} processes; the limit is 64")
         """),), score=FULL, absent=("ESCAPED",),
         hole="without a control group, RLIMIT_NPROC (max_processes = 64) is the only process limit, and it is not "
              "enforced when the grader runs as root: the sandbox's uid 65534 maps to uid 0 outside, which the "
              "kernel exempts, so a notebook starts 100 processes (a fork bomb runs until the time limit)",
         hole_as_root_only=True, hole_without_cgroup=True),
    Case("kill_the_parent", LA, "the solution, then SIGTERM and SIGKILL to its parent, to pid 1 and to -1",
         "20: the parent is the sandbox's init, which ignores them; the grader is out of reach",
         cells=(code("""
             import os
             import signal
             for pid in (os.getppid(), 1, -1):
                 for number in (signal.SIGTERM, signal.SIGKILL):
                     try:
                         os.kill(pid, number)
                     except OSError:
                         pass
         """),), score=FULL),
    Case("kill_own_process_group", LA, "the solution, then SIGKILL to its own process group",
         "0: the notebook never finishes, \"killed\"",
         cells=("import os\nimport signal\nos.killpg(0, signal.SIGKILL)",), message=("killed",)),
    Case("self_kill_in_function", LA, "a p_norm that SIGKILLs its own process",
         "17: p_norm's tests fail, the sandbox is restarted for the others",
         cells=("def p_norm(v, p):\n    import os, signal\n    os.kill(os.getpid(), signal.SIGKILL)",),
         score=FULL - P_NORM_POINTS, test_message=("killed",)),
    # --- exits --------------------------------------------------------------------------------------
    Case("sys_exit", LA, "the solution, then `sys.exit(0)`", "20: a cell error \"raised SystemExit\"",
         cells=("import sys\nsys.exit(0)",), score=FULL, message=("raised SystemExit",)),
    Case("raise_system_exit_first", LA, "`raise SystemExit` in a first cell, then the solution",
         "20: the next cells still run", cells=("raise SystemExit",), before=True, score=FULL,
         message=("cell 1 raised SystemExit",)),
    Case("keyboard_interrupt", LA, "the solution, then `raise KeyboardInterrupt`",
         "20: a cell error \"raised KeyboardInterrupt\"", cells=("raise KeyboardInterrupt",), score=FULL,
         message=("raised KeyboardInterrupt",)),
    Case("os_exit", LA, "the solution, then `os._exit(0)`", "0: \"the notebook ended its own process\"",
         cells=("import os\nos._exit(0)",), message=("ended its own process",)),
    Case("system_exit_in_function", LA, "a p_norm that raises SystemExit",
         "17: p_norm's tests fail with SystemExit", cells=("def p_norm(v, p):\n    raise SystemExit(0)",),
         score=FULL - P_NORM_POINTS, test_message=("SystemExit",)),
    Case("os_exit_in_function", LA, "a p_norm that calls `os._exit(0)`",
         "17: p_norm's tests fail, the sandbox is restarted for the others",
         cells=("def p_norm(v, p):\n    import os\n    os._exit(0)",), score=FULL - P_NORM_POINTS,
         test_message=("ended its own process",)),
    Case("segfault", LA, "the solution, then `ctypes.string_at(0)` (SIGSEGV)", "0: \"the process crashed\"",
         cells=("import ctypes\nctypes.string_at(0)",), message=("crashed (signal 11)",)),
    Case("close_every_descriptor", LA, "the solution, then `os.closerange(3, 4096)`, the grader's pipes included",
         "0: the notebook's sandbox cannot answer, a clear message",
         cells=("import os\nos.closerange(3, 4096)",), message=("did not run to the end",)),
    Case("exception_that_cannot_be_printed", LA,
         "the solution, then exceptions whose `__str__` raises or returns 10 MB",
         "20: \"an exception that cannot be described\", messages cut short",
         cells=(code("""
             class Unprintable(Exception):
                 def __str__(self):
                     raise RuntimeError("no")
             raise Unprintable()
         """), code("""
             class Huge(Exception):
                 def __str__(self):
                     return "x" * 10**7
             raise Huge()
         """)), score=FULL, message=("cannot be described", "raised Huge")),
    Case("huge_exception_class_name", LA,
         "every function raises an exception class whose name has 2 million characters, and so does a cell",
         "0, and a result of bounded size (under 256 KB)", cells=(code("""
             Huge = type("E" * 2_000_000, (ValueError,), {})
             def p_norm(*args, **kwargs):
                 raise Huge("no")
             bar_stiffness = zero_modes = definiteness = jacobian_fd = hessian_fd = taylor = p_norm
             raise Huge("no")
         """),), base="none", message=("cell 1 raised EEEE",)),
    # --- output -------------------------------------------------------------------------------------
    Case("print_100_mb", LA, "the solution, then 100 MB written to stdout",
         "20; the kept output is capped at 256 KB", cells=(code("""
             import sys
             line = "x" * 999_999 + "\\n"
             for _ in range(100):
                 sys.stdout.write(line)
             sys.stdout.flush()
         """),), score=FULL),
    Case("binary_flood_from_a_thread", LA,
         "the solution, then a thread writing invalid UTF-8 to fd 2 without end while the tests run",
         "20; the output is capped and the result is valid JSON", cells=(code("""
             import os
             import threading
             def flood():
                 garbage = b"\\xff\\xfe\\x00\\x1b[2J" * 16384
                 while True:
                     os.write(2, garbage)
             threading.Thread(target=flood, daemon=True).start()
         """),), score=FULL),
    # --- cheats: comparisons ------------------------------------------------------------------------
    Case("constant_answers", LA, "every function returns a constant of the right shape", "0",
         cells=(STUBS_LA,), base="none"),
    Case("patch_numpy_comparisons", LA,
         "constant answers after replacing np.allclose, np.isclose, np.array_equal, np.testing.* and np.linalg.norm",
         "0: the comparisons run in the grader's own numpy", cells=(PATCH_NUMPY, STUBS_LA), base="none"),
    Case("patch_builtins", LA,
         "constant answers after replacing isinstance (everything is a number), abs, round, sum, max, min, all, any,"
         " AssertionError and operator's comparisons", "0 (every call ends the sandbox: each task uses its restarts)",
         cells=(STUBS_LA, PATCH_BUILTINS), base="none", seconds=60),
    Case("patch_math", PB, "constant answers after replacing math.isclose, math.sqrt, math.fsum, sorted", "0",
         cells=(PATCH_MATH, STUBS_PB), base="none"),
    Case("lying_float_str_int", LA,
         "subclasses of float, str and int whose `__eq__` always says True (and arithmetic that gives 0)",
         "0: they cannot cross the wire as numbers", cells=(LIAR_FLOAT,), base="none"),
    Case("lying_ndarray", LA, "ndarray and float64 subclasses whose `__eq__`, ufuncs, dtype and tobytes lie",
         "0: the grader decodes the raw data into fresh arrays", cells=(LIAR_ARRAY,), base="none"),
    Case("lying_array_protocols", LA,
         "objects whose `__array__`, `__array_interface__`, `__float__`, `__len__`, `__eq__` and `__str__` lie", "0",
         cells=(LYING_PROTOCOLS,), base="none"),
    Case("lazy_reference", LA,
         "a lazy object that looks up the expected value in its caller's frames on demand, and a generator",
         "0: the comparison never calls back into the notebook", cells=(LAZY_REFERENCE,), base="none"),
    Case("lying_classes", PB,
         "Material and Spring whose methods (reached through `__getattr__`) return float subclasses equal to "
         "everything, series/parallel that return the same spring, lying ints, dicts and tuples elsewhere",
         "0: instances stay in the sandbox, their non-plain values come back as opaque handles",
         cells=(LYING_CLASSES,), base="none"),
    Case("ipython_magics", LA,
         "`!cat` the reference into /scratch, `%run` and `%load` it, `%env`, `get_ipython().system(...)`, then "
         "exec whatever arrived", "0: magics and shell escapes do nothing when grading", cells=(code("""
             !cat @@ROOT@@/reference/linear_algebra.py > /scratch/stolen.py
             %run @@ROOT@@/reference/linear_algebra.py
             %load @@ROOT@@/reference/linear_algebra.py
             %env AUTOGRADER_DEBUG=1
             listing = !ls @@ROOT@@/reference
             get_ipython().system("cp @@ROOT@@/reference/linear_algebra.py /scratch/stolen.py")
         """), code("""
             %%bash
             cp @@ROOT@@/reference/linear_algebra.py /scratch/stolen.py
         """), code("""
             import os
             if os.path.exists("/scratch/stolen.py"):
                 exec(open("/scratch/stolen.py").read())
                 raise RuntimeError("LEAKED through a magic")
         """)), base="none", absent=("LEAKED",)),
    Case("null_bytes_in_source", LA, "the solution, then a cell whose source holds a NUL byte",
         "20: a SyntaxError for that cell", cells=("x = 1\0\ny = 2",), score=FULL, message=("null bytes",)),
    # --- cheats: secrets ----------------------------------------------------------------------------
    Case("search_the_filesystem", LA,
         "walks / for the reference and the hidden tests, tries their repository paths and /proc/1/root",
         "0, nothing found (\"LEAKED\" would list it)", cells=(USE_IF_FOUND, SEARCH_FILESYSTEM, STUBS_LA),
         base="none", absent=("LEAKED",)),
    Case("import_the_reference", LA,
         "`import reference`, `import autograder.hidden`, sys.path and spec_from_file_location tricks",
         "0, nothing imported", cells=(USE_IF_FOUND, STUBS_LA, IMPORT_REFERENCE), base="none",
         absent=("LEAKED",)),
    Case("snoop_environment_and_proc", LA,
         "looks for a secret of the grader's environment in os.environ and /proc/*/environ, cmdline, mountinfo",
         "0, the secret appears nowhere", cells=(USE_IF_FOUND, SNOOP_ENVIRONMENT, STUBS_LA), base="none",
         absent=("LEAKED", "adv-secret-")),
    Case("fake_result_files", LA,
         "constant answers; writes results.json to /scratch, /tmp, /autograder/results, ~ and prints a "
         "fake 20/20 JSON result", "0 in the CLI's JSON and in --gradescope's results.json",
         cells=(STUBS_LA, code("""
             import json
             import os
             fake = {"score": 20.0, "max_score": 20.0, "status": "graded", "tests": []}
             for folder in ("/scratch", "/tmp", os.path.expanduser("~"), "/autograder/results", "/"):
                 try:
                     os.makedirs(folder, exist_ok=True)
                     with open(os.path.join(folder, "results.json"), "w") as handle:
                         json.dump(fake, handle)
                 except OSError:
                     pass
             print(json.dumps(fake))
         """)), base="none", via="cli"),
    Case("terminal_escapes_in_the_report", LA,
         "constant answers; a cell raises an error whose text is ANSI escapes and a carriage return that "
         "repaint the instructor's terminal with \"20 / 20\"; graded by `autograder grade` without --json",
         "0, and a text report without control characters", cells=(STUBS_LA, code("""
             fake = "\\r\\x1b[2K\\x1b[1A\\x1b[2K02-linear-algebra: 20 / 20  (graded)\\x1b]0;all good\\x07\\x1b[8m"
             raise RuntimeError(fake)
         """)), base="none", via="cli_text", message=("cell 2 raised RuntimeError",)),
    Case("forged_protocol_messages", LA,
         "constant answers; writes its own answers on the grader's channel: an early \"ok\", a callback "
         "request, a bogus event, a 20.0", "0, and a result", cells=(STUBS_LA, FIND_CHANNEL, code("""
             channel.send({"ok": {"errors": []}})
             channel.send({"event": "cell", "number": "twenty"})
             channel.send({"callback": 99, "args": [], "kwargs": {}})
             channel.send({"ok": 20.0})
         """)), base="none", limits="short", seconds=90),
    Case("malformed_protocol_message", LA,
         "the solution, then a raw message on the grader's channel with a malformed value ({\"$complex\": 5})",
         "0 with a clear message (the sandbox sent a malformed message), no exception in the grader",
         cells=(FIND_CHANNEL, "send_raw({\"$dict\": [[\"event\", {\"$complex\": 5}]]})"),
         message=("malformed",)),
    Case("huge_return_value", LA, "a p_norm whose first call returns a 40 MB array, then right answers",
         "19: one test fails, the grader decodes 40 MB and goes on", cells=(code("""
             import numpy as np
             right_p_norm, calls = p_norm, []
             def p_norm(v, p):
                 calls.append(1)
                 return np.ones(5_000_000) if len(calls) == 1 else right_p_norm(v, p)
         """),), score=FULL - 1, seconds=60),
    # --- the machine --------------------------------------------------------------------------------
    Case("network_socket", LA,
         "the solution, then TCP to the host's loopback, the internet, DNS, UDP, the host's abstract unix socket",
         "20, nothing reached (the listening host sees no connection)", cells=(CONNECT_OUT,), score=FULL,
         absent=("ESCAPED",)),
    Case("fill_the_scratch_disk", LA, "the solution, then 8 MB files into /scratch and /tmp until they are full",
         "20: \"No space left on device\" after 64 MB each", cells=(FILL_DISKS,), score=FULL,
         message=("No space left on device",)),
    Case("full_scratch_breaks_data_files", PB,
         "the solution, then /scratch and /tmp filled: the grader cannot put the tests' CSV files there",
         "17: read_members loses the 3 points of its tests that need a file written during grading",
         cells=(FILL_DISKS,), score=FULL - 3, message=("No space left on device",),
         test_message=("No space left on device",)),
    Case("open_files_exhausted", LA, "the solution, then opens /dev/null until no descriptor is left, keeps them",
         "20: \"Too many open files\"", cells=(code("""
             import os
             held = []
             while True:
                 held.append(os.open("/dev/null", os.O_RDONLY))
         """),), score=FULL, message=("Too many open files",)),
    # --- the file -----------------------------------------------------------------------------------
    Case("not_json", LA, "a file of text that is not JSON", "error: \"not a notebook: invalid JSON\"",
         base="file", build="not_json", status="error", message=("not a notebook: invalid JSON",)),
    Case("not_utf8", LA, "a binary file (PNG header and bytes 0-255)", "error: \"not UTF-8 text\"",
         base="file", build="binary", status="error", message=("not UTF-8",)),
    Case("empty_file", LA, "an empty file", "error: \"not a notebook\"", base="file", build="empty",
         status="error", message=("not a notebook",)),
    Case("json_but_not_a_notebook", LA, "a JSON list", "error: \"not a Jupyter notebook\"", base="file",
         build="json_list", status="error", message=("not a Jupyter notebook",)),
    Case("nbformat_3", LA, "an nbformat 3 notebook with cells", "error: \"nbformat 4\"", base="file",
         build="nbformat3", status="error", message=("nbformat 4",)),
    Case("deeply_nested_json", LA, "100,000 nested JSON arrays", "error: \"invalid JSON\"", base="file",
         build="deep_json", status="error", message=("invalid JSON",)),
    Case("malformed_cell", LA, "a notebook whose cell's source is a number", "error: \"cell 1 ... malformed\"",
         base="file", build="malformed_cell", status="error", message=("cell 1 of the notebook is malformed",)),
    Case("notebook_over_64_mb", LA, "the solution with a 65 MB markdown cell",
         "error: \"larger than 64 MB\"", base="file", build="oversized", status="error",
         message=("larger than 64 MB",)),
    Case("ten_thousand_cells", LA, "the solution followed by 10,000 code cells", "20", base="file",
         build="ten_thousand_cells", score=FULL, seconds=90),
    Case("ten_thousand_failing_cells", LA, "the solution followed by 10,000 cells that raise",
         "20: five errors listed, \"and 9995 more cells raised errors\"", base="file",
         build="ten_thousand_failing_cells", score=FULL, message=("and 9995 more cells raised errors",),
         seconds=90),
    Case("binary_outputs_20_mb", LA, "the solution with 20 MB of base64 PNG outputs in its cells", "20",
         base="file", build="binary_outputs", score=FULL),
    # --- the file's name ----------------------------------------------------------------------------
    Case("name_unicode_and_spaces", LA, "the solution as `Übung 2 – Lösung (final) ✓ 日本語 🚀 .ipynb`", "20",
         base="file", build="solution", name="Übung 2 – Lösung (final) ✓ 日本語 🚀 .ipynb", score=FULL),
    Case("name_with_dot_dot", LA, "the solution given as `case/a/b/../../../elsewhere/nb.ipynb`",
         "20, read where the path points, nothing written", base="file", build="solution",
         name="a/b/../../../elsewhere/nb.ipynb", score=FULL),
    Case("name_with_leading_dash", LA, "the solution as `-rf --json.ipynb`, through the CLI after `--`", "20",
         base="file", build="solution", name="-rf --json.ipynb", via="cli", score=FULL),
    Case("name_newline_and_bytes", LA,
         "the solution as `line\\nbreak\\xff\\xfe.ipynb` (a newline, bytes that are not UTF-8)", "20",
         base="file", build="solution", name="line\nbreak\udcff\udcfe.ipynb", score=FULL),
    Case("name_255_bytes", LA, "the solution under a 255-byte file name", "20", base="file",
         build="solution", name="é" * 124 + ".ipynb", score=FULL),
    Case("path_too_long", LA, "the solution under a path of more than 4096 bytes",
         "error: \"File name too long\"", base="file", build="deep_path", status="error",
         message=("File name too long",)),
    Case("path_is_a_directory", LA, "a directory named `notebook.ipynb`", "error: \"Is a directory\"",
         base="file", build="directory", status="error", message=("Is a directory",)),
    Case("symlink_to_dev_zero", LA, "`notebook.ipynb` is a symlink to /dev/zero, via the CLI",
         "error: \"larger than 64 MB\" (or not a regular file), read in bounded memory", base="file",
         build="dev_zero", via="cli", cli_memory_mb=1536, status="error", seconds=60),
    Case("fifo", LA, "`notebook.ipynb` is a named pipe that nobody writes, via the CLI",
         "error: not a regular file, within seconds", base="file", build="fifo", via="cli", status="error",
         seconds=10),
)
