"""The sandbox's walls: a bubblewrap command line and the resource limits of the process inside.

bubblewrap (Debian's ``bubblewrap`` package) starts the runner in new user, pid, network, IPC, UTS and
cgroup namespaces, as uid/gid 65534 (``nobody``), with a read-only view of the system's libraries and
the Python environment only, private writable ``/scratch`` and ``/tmp`` of bounded size, no network
(only an unconfigured loopback), and it dies with the grader. The course's reference solutions, hidden
tests and the grader's own package are never mounted; where one of them lies inside a mounted path (a
grader image that installs the package into site-packages) it is hidden under an empty tmpfs.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

SCRATCH = "/scratch"
RUNNER_DIR = "/grader"
CACHE_DIR = "/grader-cache"
SANDBOX_UID = 65534
SHM_MB = 4
GROUP_OVERHEAD_MB = 256  # code, libraries and stacks that RLIMIT_DATA does not count
_SYSTEM_PATHS = ("/usr", "/lib", "/lib64", "/lib32", "/bin", "/sbin")
_SYSTEM_FILES = ("/etc/ld.so.cache", "/etc/localtime", "/etc/alternatives", "/etc/fonts", "/etc/ssl/certs")
_PASSED_ENVIRONMENT = ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")


class SandboxUnavailable(RuntimeError):
    """bubblewrap is missing or cannot create namespaces here, so student code cannot be isolated."""


@dataclass(frozen=True)
class Limits:
    """Resource limits of one sandbox process tree."""

    memory_mb: int = 2048
    cpu_seconds: int = 300
    scratch_mb: int = 64
    max_processes: int = 64
    max_open_files: int = 256


def find_bwrap() -> str:
    """Path of the bwrap executable, or :class:`SandboxUnavailable` with what to do about it."""
    path = shutil.which("bwrap")
    if path is None:
        raise SandboxUnavailable(
            "bubblewrap (bwrap) is not installed, so student code cannot be sandboxed. "
            "Install it (Debian/Ubuntu: apt-get install bubblewrap; `make test` and `make hub` do this) "
            "or, only on a machine where you trust every notebook, pass --unsafe-no-sandbox.")
    return path


def python_paths() -> list[Path]:
    """The directories the sandbox needs to run this interpreter with its installed packages."""
    paths = {Path(sys.base_prefix).resolve(), Path(sys.prefix).resolve()}
    executable = Path(sys.executable).resolve()
    paths.add(executable.parent.parent)
    return sorted(paths)


def matplotlib_cache() -> Path | None:
    """A host folder with matplotlib's font cache, built once, copied into each sandbox at start.

    Without it every sandbox would rebuild the font list (a few tenths of a second per grading).
    """
    try:
        import matplotlib
    except ImportError:
        return None
    base = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache"))
    folder = base / "mlmm-autograder" / f"matplotlib-{matplotlib.__version__}"
    if not any(folder.glob("fontlist-*.json")):
        folder.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, "-c", "import matplotlib.font_manager"], check=False,
                       env={**os.environ, "MPLCONFIGDIR": str(folder)}, capture_output=True, timeout=300)
    return folder


def command(runner_dir: Path, runner_args: list[str], hidden: list[Path], limits: Limits,
            program: str = "runner.py") -> list[str]:
    """The bwrap command line that runs ``program`` (``runner.py`` or ``zygote.py``) from ``runner_dir``."""
    args = [find_bwrap(), "--unshare-all", "--die-with-parent", "--new-session",
            "--uid", str(SANDBOX_UID), "--gid", str(SANDBOX_UID), "--hostname", "sandbox",
            "--proc", "/proc", "--dev", "/dev"]
    # /dev itself is made read-only below; /dev/shm (POSIX semaphores) is a small tmpfs of its own.
    args += ["--size", str(SHM_MB * 1024 * 1024), "--tmpfs", "/dev/shm"]
    scratch_bytes = str(limits.scratch_mb * 1024 * 1024)
    # The private tmpfs come first: a Python environment under /tmp (a CI clone) is bound on top of them.
    args += ["--size", scratch_bytes, "--tmpfs", SCRATCH, "--size", scratch_bytes, "--tmpfs", "/tmp"]
    mounted = [Path(p) for p in _SYSTEM_PATHS if os.path.exists(p)] + python_paths()
    for path in mounted:
        args += ["--ro-bind", str(path), str(path)]
    for path in _SYSTEM_FILES:
        if os.path.exists(path):
            args += ["--ro-bind", path, path]
    for secret in hidden:
        secret = secret.resolve()
        if any(secret == m or m in secret.parents for m in mounted):
            args += ["--tmpfs", str(secret)]
    cache = matplotlib_cache()
    if cache is not None:
        args += ["--ro-bind", str(cache), f"{CACHE_DIR}/matplotlib"]
    args += ["--ro-bind", str(runner_dir), RUNNER_DIR, "--remount-ro", "/dev", "--remount-ro", "/",
             "--chdir", SCRATCH, "--clearenv"]
    environment = {
        "HOME": SCRATCH, "TMPDIR": "/tmp", "PATH": "/usr/local/bin:/usr/bin:/bin", "LANG": "C.UTF-8",
        "MPLBACKEND": "Agg", "MPLCONFIGDIR": f"{SCRATCH}/.matplotlib", "PYTHONDONTWRITEBYTECODE": "1",
        "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1",
        "TF_CPP_MIN_LOG_LEVEL": "2", "TF_ENABLE_ONEDNN_OPTS": "0", "KERAS_BACKEND": "tensorflow",
        # TensorFlow's thread pools grow with the machine's cores; bounded, they stay far below the pid limit
        "TF_NUM_INTEROP_THREADS": "1", "TF_NUM_INTRAOP_THREADS": "2",
    }
    environment.update({k: os.environ[k] for k in _PASSED_ENVIRONMENT if k in os.environ})
    for key, value in environment.items():
        args += ["--setenv", key, value]
    return args + [sys.executable, "-I", "-B", f"{RUNNER_DIR}/{program}", *runner_args]


def group_memory_bytes(limits: Limits) -> int:
    """The control group's memory limit: the data limit plus the sandbox's tmpfs and the interpreter.

    ``RLIMIT_DATA`` keeps raising MemoryError for ordinary allocations; the group's limit, a little
    higher, catches what the rlimit does not count (shared mappings, files in /scratch and /tmp).
    """
    return (limits.memory_mb + 2 * limits.scratch_mb + SHM_MB + GROUP_OVERHEAD_MB) * 1024 * 1024


def limit_prefix(limits: Limits) -> list[str]:
    """util-linux's ``prlimit`` command that sets the rlimits and then runs the rest of the command line.

    Setting them in the exec'd command (rather than in ``preexec_fn`` between fork and exec) keeps
    the grader safe to use from a process with threads.
    """
    memory = limits.memory_mb * 1024 * 1024
    scratch = limits.scratch_mb * 1024 * 1024
    prlimit = shutil.which("prlimit")
    if prlimit is None:
        raise SandboxUnavailable("prlimit (util-linux) is missing, so the sandbox's limits cannot be set")
    return [prlimit, f"--data={memory}:{memory}", f"--cpu={limits.cpu_seconds}:{limits.cpu_seconds + 1}",
            f"--fsize={scratch}:{scratch}", f"--nofile={limits.max_open_files}:{limits.max_open_files}",
            "--core=0:0", f"--nproc={limits.max_processes}:{limits.max_processes}", "--"]
