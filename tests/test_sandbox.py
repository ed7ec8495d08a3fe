"""What student code can and cannot do inside the sandbox, tried for real."""

from __future__ import annotations

import os
import socket
import threading
import time
from pathlib import Path

import numpy as np
import pytest

from autograder.course import PACKAGE_DIR
from autograder.grading import Grader
from autograder.sandbox import cgroup
from autograder.sandbox.inside import wire
from autograder.sandbox.session import SandboxFailure


def run(grader, assignment, code: str, name: str = "found"):
    """Execute ``code`` in a fresh sandbox and return the value it left in ``name``."""
    connection, errors = grader.start(assignment, [(1, code)])
    try:
        assert errors == [], errors
        return connection.request({"op": "lookup", "name": name})
    finally:
        connection.sandbox.kill()


SEARCH_FOR_SECRETS = """
import os
found = []
# Everything of the project's outside its virtualenv is off limits: reference, hidden tests, engine.
project, venv = "{project}", "{project}/.venv"
for top in ["/"]:
    for folder, dirs, files in os.walk(top):
        dirs[:] = [d for d in dirs if d not in ("proc", "sys", "dev")]
        for name in files:
            path = os.path.join(folder, name)
            if path.startswith(project) and not path.startswith(venv):
                try:
                    with open(os.path.join(folder, name), "rb") as handle:
                        handle.read(10)
                    found.append(os.path.join(folder, name))
                except OSError:
                    pass
for path in ["{reference}", "{hidden}", "/proc/1/environ", "/proc/self/environ"]:
    try:
        with open(path) as handle:
            text = handle.read()
        if "AUTOGRADER" in text or path.endswith(".py"):
            found.append(path)
    except OSError:
        pass
try:
    import reference
    found.append("import reference")
except ImportError:
    pass
try:
    import autograder
    found.append("import autograder")
except ImportError:
    pass
found.append(sorted(k for k in os.environ if "SECRET" in k or "AUTOGRADER" in k))
"""


def test_student_code_cannot_find_the_reference_or_the_hidden_tests(toy, grader, monkeypatch):
    monkeypatch.setenv("AUTOGRADER_SECRET", "do-not-leak")
    code = SEARCH_FOR_SECRETS.replace("{reference}", str(toy.reference_path)).replace(
        "{hidden}", str(toy.hidden_dir / "test_toy.py")).replace("{project}", str(PACKAGE_DIR.parent))
    found = run(grader, toy, code)
    assert found == [[]], found


def test_student_code_runs_as_nobody_in_its_own_pid_namespace(toy, grader):
    found = run(grader, toy, "import os\nfound = (os.getuid(), os.getgid(), os.getpid() < 10, os.getcwd())")
    assert found == (65534, 65534, True, "/scratch")


def test_student_code_cannot_reach_the_network(toy, grader):
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    port = server.getsockname()[1]
    accepted = []
    threading.Thread(target=lambda: accepted.append(server.accept()), daemon=True).start()
    code = f"""
import socket
found = []
for target in [("127.0.0.1", {port}), ("1.1.1.1", 53)]:
    try:
        socket.create_connection(target, timeout=2)
        found.append(target)
    except OSError:
        pass
try:
    socket.getaddrinfo("pypi.org", 443)
    found.append("dns")
except OSError:
    pass
"""
    assert run(grader, toy, code) == []
    server.close()
    assert accepted == []


def test_nothing_is_left_behind_for_the_next_submission(toy, grader):
    writer = """
import os
found = []
for path in ["/scratch/left.txt", "/tmp/left.txt", "/left.txt", "/usr/left.txt", "/work/left.txt"]:
    try:
        with open(path, "w") as handle:
            handle.write("x")
        found.append(path)
    except OSError:
        pass
"""
    written = run(grader, toy, writer)
    assert set(written) <= {"/scratch/left.txt", "/tmp/left.txt"}
    reader = """
import os
found = [p for p in ["/scratch/left.txt", "/tmp/left.txt", "/left.txt", "/usr/left.txt"] if os.path.exists(p)]
"""
    assert run(grader, toy, reader) == []
    assert not any(Path(p).exists() for p in ["/left.txt", "/usr/left.txt", "/work/left.txt"])


def test_processes_started_by_the_notebook_die_with_the_sandbox(toy, grader):
    marker = f"sleep-{os.getpid()}-marker"
    spawn = (f"import subprocess, time\nchild = subprocess.Popen(['{marker}', '600'], executable='/bin/sleep', "
             "start_new_session=True)\ntime.sleep(0.2)\nfound = child.poll() is None")
    connection, errors = grader.start(toy, [(1, spawn)])
    assert errors == [] and connection.request({"op": "lookup", "name": "found"}) is True  # it is running
    seen = [p for p in Path("/proc").iterdir() if p.name.isdigit() and _cmdline(p).startswith(marker)]
    connection.sandbox.kill()
    deadline = time.monotonic() + 5  # the kernel tears the pid namespace down just after its init dies
    while (alive := [p for p in seen if p.exists() and _cmdline(p).startswith(marker)]) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert len(seen) == 1 and alive == []


def _cmdline(proc: Path) -> str:
    try:
        return (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def test_a_call_past_its_time_limit_fails_with_timeout(toy, grader):
    connection, _ = grader.start(toy, [(1, "def slow():\n    import time\n    time.sleep(10**6)")])
    slow = connection.request({"op": "lookup", "name": "slow"})
    with pytest.raises(SandboxFailure) as failure:
        slow()
    assert failure.value.kind == "timeout"
    assert not connection.alive


def test_the_grader_package_is_hidden_even_when_mounted(toy):
    from autograder.sandbox import bubblewrap
    args = bubblewrap.command(Path("/x"), [], [PACKAGE_DIR, Path(bubblewrap.python_paths()[0]) / "lib"],
                              bubblewrap.Limits())
    masked = [args[i + 1] for i, a in enumerate(args) if a == "--tmpfs"]
    assert str((Path(bubblewrap.python_paths()[0]) / "lib").resolve()) in masked


@pytest.mark.parametrize("value", [
    1, -2**70, 1.5, float("inf"), "text", b"bytes", None, True, (1, 2.0), [1, [2, "x"]], {"a": 1, 2: (3,)},
    {1, 2}, 1 + 2j, np.float32(1.25), np.arange(6, dtype=np.int16).reshape(2, 3), np.zeros((0, 3)),
    np.array([1 + 1j, 2]), np.array(True),
])
def test_plain_data_survives_the_wire_exactly(value):
    encode = wire.Encoder(lambda v: (_ for _ in ()).throw(TypeError(repr(v))))
    decode = wire.Decoder(lambda tag, v: (_ for _ in ()).throw(wire.WireError(tag)))
    back = decode(wire.loads(__import__("json").dumps(encode(value)).encode()))
    if isinstance(value, np.ndarray):
        assert back.dtype == value.dtype and back.shape == value.shape and np.array_equal(back, value)
    else:
        assert type(back) is type(value) and back == value


@pytest.mark.parametrize("payload", [
    b'{"$array": ["|O", [1], "AA=="]}', b'{"$array": ["<f8", [2], "AA=="]}', b'{"$array": ["<f8", [-1], ""]}',
    b'{"$pickle": "x"}', b'{"a": 1, "b": 2}', b'[' * 100000,
])
def test_the_trusted_side_rejects_malformed_or_unsafe_data(payload):
    decode = wire.Decoder(lambda tag, v: (_ for _ in ()).throw(wire.WireError(tag)))
    with pytest.raises(wire.WireError):
        decode(wire.loads(payload))


def test_private_tmp_is_mounted_before_the_python_environment():
    """A CI clone keeps its virtualenv under /tmp: the sandbox's /tmp must not cover it."""
    from autograder.sandbox import bubblewrap
    args = bubblewrap.command(Path("/x"), [], [], bubblewrap.Limits())
    tmpfs_tmp = next(i for i, a in enumerate(args) if a == "--tmpfs" and args[i + 1] == "/tmp")
    binds = [i for i, a in enumerate(args) if a == "--ro-bind"]
    assert tmpfs_tmp < min(binds)


@pytest.mark.parametrize("use_zygotes", [True, False], ids=["zygote", "plain"])
def test_a_host_where_bubblewrap_cannot_start_gives_an_error_result_not_a_zero(toy, tmp_path, monkeypatch,
                                                                                use_zygotes):
    fake = tmp_path / "bwrap"
    fake.write_text("#!/bin/sh\necho 'bwrap: setting up uid map: Permission denied' >&2\nexit 1\n")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{tmp_path}:{os.environ['PATH']}")
    result = Grader(use_zygotes=use_zygotes).grade_file(toy, toy.notebook, seed=1)
    assert result.status == "error"
    assert "uid map: Permission denied" in result.message


@pytest.mark.skipif(not cgroup.available(), reason="this machine gives the grader no control groups")
@pytest.mark.parametrize("use_zygotes", [True, False], ids=["zygote", "plain"])
def test_each_sandbox_has_its_own_control_group_removed_with_it(toy, use_zygotes):
    grader = Grader(use_zygotes=use_zygotes)
    connection, _ = grader.start(toy, [(1, "import numpy as np")])
    group = connection.sandbox.group
    assert group is not None and all(path.exists() for path in group.procs_files)
    inside = {int(pid) for path in group.procs_files for pid in path.read_text().split()}
    process = connection.sandbox.process
    # bwrap (exec'd by the joining shell through prlimit), or the zygote's fork that waits for the sandbox
    assert (process.fork_pid if use_zygotes else process.popen.pid) in inside
    assert (group.folders[-1] / "pids.max").read_text().strip() == "64"
    connection.sandbox.kill()
    assert not any(folder.exists() for folder in group.folders)
    grader.close()


SIBLING = """
import ctypes, os, socket
import numpy as np
libc = ctypes.CDLL(None, use_errno=True)
for folder in ("/scratch", "/tmp", "/dev/shm"):
    with open(f"{folder}/left-by-the-first", "w") as handle:
        handle.write("x")
listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
listener.bind(("127.0.0.1", 0))
listener.listen()
port = listener.getsockname()[1]
found = {"pid": os.getpid(), "proc": sorted(os.listdir("/proc")), "exe": os.readlink("/proc/self/exe"),
         "umount": libc.umount2(b"/proc", 2), "mount": libc.mount(b"tmpfs", b"/scratch", b"tmpfs", 0, None),
         "random": float(np.random.rand()), "port": port}
"""

NEIGHBOUR = """
import os, signal, socket
import numpy as np
left = [f for f in ("/scratch", "/tmp", "/dev/shm") if os.path.exists(f"{f}/left-by-the-first")]
try:
    socket.create_connection(("127.0.0.1", PORT), timeout=1).close()
    reached = True
except OSError:
    reached = False
try:
    os.kill(-1, signal.SIGKILL)  # every process this sandbox can see but itself
except OSError:
    pass
found = {"left": left, "reached": reached, "random": float(np.random.rand())}
"""


def test_sandboxes_forked_from_one_zygote_cannot_see_or_reach_each_other(toy):
    grader = Grader(use_zygotes=True)
    try:
        first, _ = grader.start(toy, [(1, SIBLING)])
        seen = first.request({"op": "lookup", "name": "found"})
        assert seen["pid"] == 2 and seen["proc"] == ["cpuinfo", "meminfo", "self", "stat"]
        assert seen["exe"].startswith("/") and seen["umount"] == -1 and seen["mount"] == -1
        second, _ = grader.start(toy, [(1, NEIGHBOUR.replace("PORT", str(seen["port"])))])
        neighbour = second.request({"op": "lookup", "name": "found"})
        assert neighbour["left"] == [] and neighbour["reached"] is False
        assert neighbour["random"] != seen["random"]
        assert first.sandbox.process.poll() is None  # the neighbour's kill(-1) did not reach it
        first.sandbox.kill()
        second.sandbox.kill()
        third, _ = grader.start(toy, [(1, "found = 42")])  # nor the zygote
        assert third.request({"op": "lookup", "name": "found"}) == 42
        third.sandbox.kill()
    finally:
        grader.close()


def test_without_what_a_zygote_needs_each_sandbox_starts_on_its_own(toy, monkeypatch, capsys):
    """A kernel without /proc/PID/task/TID/children (the zygote's forks cannot be found): slower, same result."""
    from autograder.sandbox import zygote
    monkeypatch.setattr(zygote, "_children", lambda pid: [])
    with Grader(use_zygotes=True) as grader:
        result = grader.grade_file(toy, toy.notebook, seed=1)
        assert result.status == "graded" and not grader.use_zygotes
    assert "no zygote" in capsys.readouterr().err


def test_a_zygote_whose_forks_cannot_set_up_their_walls_is_not_used(toy, monkeypatch, capsys):
    """A fork that fails after the zygote said ready (here its tmpfs mounts are refused) is caught by the
    zygote's probe fork, so gradings fall back to sandboxes started on their own instead of failing."""
    from autograder.sandbox import zygote
    monkeypatch.setattr(zygote, "fork_settings", lambda limits: {"scratch_bytes": -1, "shm_bytes": -1,
                                                                  "cpu_seconds": limits.cpu_seconds})
    with Grader(use_zygotes=True) as grader:
        result = grader.grade_file(toy, toy.notebook, seed=1)
        assert result.status == "graded" and not grader.use_zygotes
    warning = capsys.readouterr().err
    assert "no zygote" in warning and "sandbox setup failed" in warning and "mount /scratch" in warning
