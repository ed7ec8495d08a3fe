"""A zygote inside the sandbox: import numpy and TensorFlow once, then fork one fresh sandbox per grading.

Started by :mod:`autograder.sandbox.zygote` as ``python -I zygote.py CONTROL_FD [MODULE...]`` inside
the same bubblewrap walls as :mod:`runner`. It imports the MODULEs, says ``ready`` on the control socket
and then, for each request (a JSON line with the pipes of one sandbox attached), forks:

- the fork (C) closes the control socket, waits until the grader has put it into the sandbox's control
  group, unshares new user, mount, pid, network, IPC and UTS namespaces, and forks their init (I);
- I, pid 1 of the new pid namespace as bubblewrap's own init is, mounts fresh ``/scratch``, ``/tmp`` and
  ``/dev/shm``, forks the sandbox (S), reaps orphans until S ends and reports S's wait status; when I
  ends, the kernel kills everything left in the namespace;
- S covers ``/proc`` with its own process folder only (the zygote's other children stay invisible and
  unreachable), drops every capability, and serves the grader exactly as a freshly started runner does.

No student code ever runs in the zygote itself: it only reads the grader's requests.
"""

import ctypes
import json
import os
import platform
import random
import resource
import select
import signal
import socket
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import runner  # noqa: E402  (sits beside this file in the sandbox)

sys.path.pop(0)

CLONE_NEWNS, CLONE_NEWUTS, CLONE_NEWIPC = 0x00020000, 0x04000000, 0x08000000
CLONE_NEWUSER, CLONE_NEWPID, CLONE_NEWNET = 0x10000000, 0x20000000, 0x40000000
MS_RDONLY, MS_NOSUID, MS_NODEV, MS_REMOUNT, MS_BIND, MS_MOVE = 1, 2, 4, 32, 4096, 8192
MS_REC, MS_PRIVATE = 0x4000, 1 << 18
PROC_FILES = ("cpuinfo", "meminfo", "stat")  # read by TensorFlow and os.cpu_count(); nothing per process
PR_SET_PDEATHSIG, PR_CAPBSET_DROP, PR_SET_NO_NEW_PRIVS = 1, 24, 38
LINUX_CAPABILITY_VERSION_3 = 0x20080522
LAST_CAPABILITY = 63
SYS_CAPSET = {"x86_64": 126, "aarch64": 91}
FD_COUNT = 5  # request (read), answer (write), output (write), status (write), go (read)

_libc = ctypes.CDLL(None, use_errno=True)


def _check(result, what):
    if result != 0:
        error = ctypes.get_errno()
        raise OSError(error, f"{what}: {os.strerror(error)}")


def _mount(source, target, kind, flags, options):
    _check(_libc.mount(source, target.encode(), kind, ctypes.c_ulong(flags),
                       options.encode() if options else None), f"mount {target}")


def _drop_capabilities():
    """No capability in the sandbox's own user namespace: its mounts can be neither undone nor added."""
    for capability in range(LAST_CAPABILITY + 1):
        _libc.prctl(PR_CAPBSET_DROP, capability, 0, 0, 0)
    _check(_libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0), "no_new_privs")
    header = (ctypes.c_uint32 * 2)(LINUX_CAPABILITY_VERSION_3, 0)
    data = (ctypes.c_uint32 * 6)()
    _check(_libc.syscall(SYS_CAPSET[platform.machine()], header, data), "capset")


def _own_proc():
    """A ``/proc`` with ``self`` (this process's own folder: TensorFlow reads ``/proc/self/exe``) and a
    few machine-wide files, and nothing of the zygote's other children.

    The kernel refuses a new procfs here (the zygote's is partly covered by bubblewrap), so the folder
    of this process in the zygote's procfs is bound on a small tmpfs, which then covers ``/proc``.
    """
    own = os.readlink("/proc/self")  # this process's pid in the zygote's pid namespace
    staging = "/tmp/.proc"
    os.mkdir(staging)
    _mount(b"tmpfs", staging, b"tmpfs", MS_NOSUID | MS_NODEV, "size=65536,mode=0555")
    os.mkdir(f"{staging}/self")
    _mount(f"/proc/{own}".encode(), f"{staging}/self", None, MS_BIND | MS_REC, None)
    for name in PROC_FILES:
        open(f"{staging}/{name}", "w").close()
        _mount(f"/proc/{name}".encode(), f"{staging}/{name}", None, MS_BIND, None)
    _mount(staging.encode(), "/proc", None, MS_MOVE, None)
    _mount(None, "/proc", None, MS_REMOUNT | MS_RDONLY | MS_NOSUID | MS_NODEV, None)


def _mounts_under(folder):
    """The outermost mount points strictly inside ``folder`` (a Python environment of a CI clone in /tmp)."""
    inside = []
    with open("/proc/self/mountinfo") as table:
        for line in table:
            point = line.split()[4].replace("\\040", " ")
            if point.startswith(folder + "/"):
                inside.append(point)
    return [p for p in inside if not any(p != q and p.startswith(q + "/") for q in inside)]


def _private_mounts(settings):
    """In I: fresh ``/scratch``, ``/tmp`` and ``/dev/shm``, private to this sandbox.

    What bubblewrap bound inside ``/tmp`` (the read-only Python environment of a clone under /tmp) is
    carried over: bound aside into the new ``/scratch``, then moved onto the same path in the new /tmp.
    """
    _mount(None, "/", None, MS_REC | MS_PRIVATE, None)
    scratch, shm = settings["scratch_bytes"], settings["shm_bytes"]
    kept = _mounts_under("/tmp")
    _mount(b"tmpfs", "/scratch", b"tmpfs", MS_NOSUID | MS_NODEV, f"size={scratch},mode=0755")
    for number, path in enumerate(kept):
        os.makedirs(f"/scratch/.kept/{number}")
        _mount(path.encode(), f"/scratch/.kept/{number}", None, MS_BIND | MS_REC, None)
    _mount(b"tmpfs", "/tmp", b"tmpfs", MS_NOSUID | MS_NODEV, f"size={scratch},mode=1777")
    for number, path in enumerate(kept):
        os.makedirs(path, exist_ok=True)
        _mount(f"/scratch/.kept/{number}".encode(), path, None, MS_MOVE, None)
        _mount(None, path, None, MS_REMOUNT | MS_BIND | MS_RDONLY | MS_NOSUID | MS_NODEV, None)
        os.rmdir(f"/scratch/.kept/{number}")
    if kept:
        os.rmdir("/scratch/.kept")
    _mount(b"tmpfs", "/dev/shm", b"tmpfs", MS_NOSUID | MS_NODEV, f"size={shm},mode=1777")


def _enter(settings):
    """In S, before any student code: its own ``/proc``, the working folder, its CPU limit, no capabilities."""
    _own_proc()
    os.chdir("/scratch")
    runner.copy_font_cache()
    cpu = settings["cpu_seconds"]
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    _drop_capabilities()


def _close_other_fds(keep):
    for fd in range(3, 1024):
        if fd not in keep:
            try:
                os.close(fd)
            except OSError:
                pass


def _report_failure(output_fd, error):
    """Tell the grader, through the sandbox's output, why setting up the sandbox failed (if it still can)."""
    try:
        os.write(output_fd, f"sandbox setup failed: {error}\n".encode())
    except OSError:
        pass


def _sandbox(settings, request_fd, answer_fd, output_fd):
    """S: the runner, pid 2 of its namespace as in a plain sandbox; never returns."""
    code = 0
    try:
        os.dup2(output_fd, 1)  # first, so that a failure below reaches the grader's capture of the output
        os.dup2(output_fd, 2)
        os.setsid()
        _enter(settings)
        _close_other_fds({request_fd, answer_fd})
        numpy = sys.modules.get("numpy")
        if numpy is not None:
            numpy.random.seed()
        random.seed()
        channel = runner.Channel(request_fd, answer_fd)
        channel.send({"event": "ready"})
        sys.argv = ["notebook"]
        runner.serve(channel)
    except BaseException as error:  # noqa: BLE001  (whatever happens, S ends here)
        print(f"sandbox setup failed: {error}", file=sys.stderr, flush=True)
        code = 70
    os._exit(code)


def _init(settings, request_fd, answer_fd, output_fd, status_fd):
    """I: pid 1 of the new pid namespace. It sets up the walls, forks S, reaps every orphan until S
    ends, and reports S's wait status; when I ends, the kernel kills whatever is left inside."""
    status = 70 << 8
    try:
        _libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        _private_mounts(settings)
        pid = os.fork()
        if pid == 0:
            os.close(status_fd)
            _sandbox(settings, request_fd, answer_fd, output_fd)
        _drop_capabilities()
        _close_other_fds({status_fd})
        while True:
            ended, status = os.wait()
            if ended == pid:
                break
    except BaseException as error:  # noqa: BLE001
        _report_failure(output_fd, error)
    os.write(status_fd, f"{status}\n".encode())
    os._exit(0)


def _fork_child(settings, fds):
    """C: wait until the grader has put it into the sandbox's control group, unshare the namespaces,
    fork their init I and wait for it; never returns."""
    request_fd, answer_fd, output_fd, status_fd, go_fd = fds
    try:
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        ready = select.select([go_fd], [], [], 30)[0] and os.read(go_fd, 1) == b"g"
        os.close(go_fd)
        if not ready:
            os._exit(70)
        uid, gid = os.getuid(), os.getgid()
        flags = CLONE_NEWUSER | CLONE_NEWNS | CLONE_NEWPID | CLONE_NEWNET | CLONE_NEWIPC | CLONE_NEWUTS
        _check(_libc.unshare(flags), "unshare")
        for name, text in (("setgroups", "deny"), ("uid_map", f"{uid} {uid} 1"), ("gid_map", f"{gid} {gid} 1")):
            with open(f"/proc/self/{name}", "w") as handle:
                handle.write(text)
        pid = os.fork()
        if pid == 0:
            _init(settings, request_fd, answer_fd, output_fd, status_fd)
        _close_other_fds(set())
        os.waitpid(pid, 0)
        os._exit(0)
    except BaseException as error:  # noqa: BLE001
        _report_failure(output_fd, error)
    os._exit(70)


def main():
    control = socket.socket(fileno=int(sys.argv[1]))
    runner.prepare(sys.argv[2:])
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # the forks are reaped by the kernel
    control.send(json.dumps({"event": "ready", "pid": os.getpid()}).encode())
    while True:
        message, fds, _, _ = socket.recv_fds(control, 65536, FD_COUNT)
        if not message:
            return
        if len(fds) != FD_COUNT:
            for fd in fds:
                os.close(fd)
            control.send(json.dumps({"error": f"expected {FD_COUNT} file descriptors"}).encode())
            continue
        pid = os.fork()
        if pid == 0:
            control.close()
            _fork_child(json.loads(message), fds)
        for fd in fds:
            os.close(fd)
        control.send(json.dumps({"pid": pid}).encode())


if __name__ == "__main__":
    main()
