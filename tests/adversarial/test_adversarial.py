"""Every hostile notebook of ``cases.py``, graded for real: its outcome, nothing left behind, the grader still fine.

For each case the test builds the notebook in a temporary folder, grades it in a sandbox (through the
Python API or the CLI), and checks, in this order:

1. the outcome the case owes: status, exact score, words in the message, words nowhere in the result,
   within the case's time bound, and no exception out of the grader;
2. nothing is left behind: no process descending from this one, and none carrying the case's marker,
   outlives the grading (leftovers are then killed, by pid, so one failing case does not spoil the next),
   and nothing was written beside the notebook;
3. the grader still works: the assignment's solution, graded right after, scores full marks.

Cases marked with a ``hole`` are known holes of the grader: ``xfail(strict=True)`` keeps the suite green and
turns red the day the hole is fixed, so that the mark is removed.
"""

from __future__ import annotations

import copy
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

import nbformat
import pytest

from autograder.course import Assignment, Course
from autograder.grading import Grader
from autograder.sandbox import cgroup
from autograder.solution import solution_notebook

from .builders import BUILDERS
from .cases import CASES, LA, PB, SHORT_LIMITS, Case

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
ASSIGNMENTS = (LA, PB)
LEFTOVER_GRACE_S = 5.0
CGROUPS = cgroup.available()
RESULT_LIMIT = 256 * 1024  # bytes of a result's JSON without instructor details and output


# --- the courses and the known-good notebooks ----------------------------------------------------------

def _with_limits(manifest: str, limits: dict[str, Any]) -> str:
    """The manifest's text with ``limits`` set in its ``[limits]`` table (added where missing)."""
    if not re.search(r"^\[limits\]\s*$", manifest, flags=re.M):
        manifest = manifest.rstrip("\n") + "\n\n[limits]\n"
    for key, value in limits.items():
        line = f"{key} = {value}"
        if re.search(rf"^{key}\s*=.*$", manifest, flags=re.M):
            manifest = re.sub(rf"^{key}\s*=.*$", line, manifest, count=1, flags=re.M)
        else:
            manifest = re.sub(r"^\[limits\]\s*$", f"[limits]\n{line}", manifest, count=1, flags=re.M)
    return manifest


@pytest.fixture(scope="session")
def courses(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Course]:
    """"real": the repository's course; "short": a copy of its assignments with short [limits]."""
    root = tmp_path_factory.mktemp("short-course")
    ignore = shutil.ignore_patterns("__pycache__")
    shutil.copy2(ROOT / "course.toml", root / "course.toml")
    shutil.copytree(ROOT / "reference", root / "reference", ignore=ignore)
    for assignment_id in ASSIGNMENTS:
        shutil.copytree(ROOT / "assignments" / assignment_id, root / "assignments" / assignment_id, ignore=ignore)
        shutil.copytree(ROOT / "autograder" / "hidden" / assignment_id, root / "autograder" / "hidden" / assignment_id,
                        ignore=ignore)
        manifest = root / "assignments" / assignment_id / "assignment.toml"
        manifest.write_text(_with_limits(manifest.read_text(encoding="utf-8"), SHORT_LIMITS), encoding="utf-8")
    short = Course.load(root)
    for assignment_id in ASSIGNMENTS:
        limits = short.assignment(assignment_id).limits
        assert {key: getattr(limits, key) for key in SHORT_LIMITS} == SHORT_LIMITS
    return {"real": Course.load(ROOT), "short": short}


@pytest.fixture(scope="session")
def solutions(courses: dict[str, Course]) -> dict[str, nbformat.NotebookNode]:
    real = courses["real"]
    return {assignment_id: solution_notebook(real.assignment(assignment_id)) for assignment_id in ASSIGNMENTS}


@pytest.fixture(scope="session")
def solution_files(solutions: dict[str, nbformat.NotebookNode],
                   tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("solutions")
    files = {}
    for assignment_id, notebook in solutions.items():
        files[assignment_id] = folder / f"{assignment_id}-solution.ipynb"
        nbformat.write(notebook, str(files[assignment_id]))
    return files


# --- processes ---------------------------------------------------------------------------------------

def _processes() -> dict[int, tuple[int, str, str]]:
    """Every process of the machine: pid -> (parent pid, state, command line)."""
    table = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as handle:
                stat = handle.read()
            with open(f"/proc/{entry.name}/cmdline", "rb") as handle:
                command = handle.read()
        except OSError:
            continue
        fields = stat.rsplit(b")", 1)[1].split()
        table[int(entry.name)] = (int(fields[1]), fields[0].decode(),
                                  command.replace(b"\0", b" ").decode("utf-8", "replace"))
    return table


def _descendants(table: dict[int, tuple[int, str, str]]) -> set[int]:
    children = defaultdict(list)
    for pid, (parent, _, _) in table.items():
        children[parent].append(pid)
    found: set[int] = set()
    stack = [os.getpid()]
    while stack:
        for child in children[stack.pop()]:
            if child not in found:
                found.add(child)
                stack.append(child)
    return found


def _leftovers(baseline: set[int], marker: str) -> dict[int, tuple[int, str, str]]:
    """Processes of this case still there after a grace period: new descendants, or carrying the marker."""
    deadline = time.monotonic() + LEFTOVER_GRACE_S
    while True:
        table = _processes()
        found = (_descendants(table) - baseline) | {pid for pid, (_, _, command) in table.items() if marker in command}
        if not found or time.monotonic() > deadline:
            return {pid: table[pid] for pid in found if pid in table}
        time.sleep(0.1)


def _kill(leftovers: dict[int, tuple[int, str, str]]) -> None:
    """Kill this case's leftover processes by pid (they are ours: our descendants or carrying our marker)."""
    for pid in leftovers:
        try:
            os.kill(pid, signal.SIGKILL)
        except OSError:
            pass
    for pid, (parent, _, _) in leftovers.items():
        if parent == os.getpid():
            try:
                os.waitpid(pid, 0)
            except ChildProcessError:
                pass


# --- building and grading ----------------------------------------------------------------------------

class HostListeners:
    """A TCP port on the host's loopback and an abstract unix socket that no notebook may reach."""

    def __init__(self) -> None:
        self.tcp = socket.socket()
        self.tcp.bind(("127.0.0.1", 0))
        self.tcp.listen()
        self.tcp.setblocking(False)
        self.port = self.tcp.getsockname()[1]
        self.abstract = f"adv-listener-{secrets.token_hex(6)}"
        self.unix = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.unix.bind("\0" + self.abstract)
        self.unix.listen()
        self.unix.setblocking(False)

    def connections(self) -> list[str]:
        reached = []
        for name, listener in (("tcp", self.tcp), ("abstract unix", self.unix)):
            try:
                connection, _ = listener.accept()
            except BlockingIOError:
                continue
            connection.close()
            reached.append(name)
        return reached

    def close(self) -> None:
        self.tcp.close()
        self.unix.close()


def _fill(source: str, marker: str, listeners: HostListeners) -> str:
    return (source.replace("@@MARKER@@", marker).replace("@@PORT@@", str(listeners.port))
            .replace("@@ABSTRACT@@", listeners.abstract).replace("@@ROOT@@", str(ROOT)))


def _build(case: Case, folder: Path, solution: nbformat.NotebookNode, marker: str, listeners: HostListeners) -> Path:
    path = folder / case.name
    if case.base == "file":
        return BUILDERS[case.build](path, solution)
    notebook = copy.deepcopy(solution) if case.base == "solution" else nbformat.v4.new_notebook()
    added = [nbformat.v4.new_code_cell(_fill(source, marker, listeners)) for source in case.cells]
    notebook.cells = added + notebook.cells if case.before else notebook.cells + added
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(notebook, str(path))
    return path


def _grade_with_cli(case: Case, assignment: Assignment, path: Path, work: Path) -> tuple[dict[str, Any], str]:
    """The CLI's result (its --json, or for "cli_text" its report read with --gradescope's file) and its stdout."""
    gradescope = work / "results.json"
    text = case.via == "cli_text"
    command = [sys.executable, "-m", "autograder.cli", "--course", str(assignment.root), "grade", assignment.id,
               *([] if text else ["--json", "--details"]), "--seed", "0", "--gradescope", str(gradescope),
               "--", str(path)]
    if case.cli_memory_mb:
        command = ["prlimit", f"--as={case.cli_memory_mb * 1024 * 1024}", "--", *command]
    try:
        done = subprocess.run(command, capture_output=True, cwd=work, timeout=case.seconds)
    except subprocess.TimeoutExpired:
        raise AssertionError(f"the CLI gave no result within {case.seconds} s") from None
    stdout, stderr = done.stdout.decode("utf-8", "replace"), done.stderr.decode("utf-8", "replace")[-3000:]
    assert done.returncode == 0, f"the CLI exited with {done.returncode}: {stderr}"
    written = json.loads(gradescope.read_text())
    if not text:
        result = json.loads(stdout)  # stdout holds the result and nothing else
        assert written["score"] == result["score"], "--gradescope's results.json disagrees with --json"
        return result, stdout
    head = re.match(r"(\S+): (\S+) / (\S+)  \((graded|error)\)\n", stdout)
    assert head, f"the report does not start with the score line: {stdout[:300]!r}"
    assert float(head[2]) == written["score"], "--gradescope's results.json disagrees with the report"
    tests = [{"name": t["name"], "score": t["score"], "max_score": t["max_score"],
              "passed": t["score"] == t["max_score"], "message": t["output"]} for t in written["tests"]]
    return {"status": head[4], "score": float(head[2]), "max_score": float(head[3]), "message": written["output"],
            "tests": tests}, stdout


def _summary(result: dict[str, Any]) -> str:
    tests = "\n".join(f"  {t['score']:g}/{t['max_score']:g} {t['name']}: {t['message'][:200]}" for t in result["tests"])
    return f"status {result['status']}, score {result['score']:g}, message {result['message'][:800]!r}\n{tests}"


def _files(folder: Path) -> set[str]:
    return {os.fsdecode(os.path.join(top, name)) for top, dirs, names in os.walk(folder) for name in dirs + names}


def _assert_grader_still_works(assignment: Assignment, solution_file: Path) -> None:
    with Grader() as grader:
        result = grader.grade_file(assignment, solution_file, seed=1)
    assert result.status == "graded" and result.score == assignment.max_score, \
        f"after the case, the solution no longer scores full marks: {_summary(result.to_dict())}"


def _param(case: Case) -> Any:
    open_here = (case.hole and (os.geteuid() == 0 or not case.hole_as_root_only)
                 and (not CGROUPS or not case.hole_without_cgroup))
    marks = [pytest.mark.xfail(strict=True, reason=case.hole)] if open_here else []
    return pytest.param(case, id=case.id, marks=marks)


@pytest.mark.parametrize("case", [_param(case) for case in CASES])
def test_hostile_notebook(case: Case, courses: dict[str, Course], solutions: dict[str, nbformat.NotebookNode],
                          solution_files: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assignment = courses[case.limits].assignment(case.assignment)
    secret = f"adv-secret-{secrets.token_hex(8)}"
    monkeypatch.setenv("AUTOGRADER_ADV_SECRET", secret)  # in the grader's environment, never in the sandbox's
    marker = f"adv-{case.id}-{secrets.token_hex(4)}"
    case_folder, work = tmp_path / "case", tmp_path / "work"
    case_folder.mkdir()
    work.mkdir()
    listeners = HostListeners()
    try:
        path = _build(case, case_folder, solutions[case.assignment], marker, listeners)
        files_before = _files(tmp_path)
        baseline = _descendants(_processes())
        started = time.monotonic()
        crash = None
        result: dict[str, Any] = {}
        stdout = ""
        try:
            if case.via in ("cli", "cli_text"):
                result, stdout = _grade_with_cli(case, assignment, path, work)
            else:
                with Grader() as grader:  # its zygote goes with it: only the case's own processes may be left
                    result = grader.grade_file(assignment, path, seed=0).to_dict(details=True)
        except Exception as error:  # noqa: BLE001  (reported below, after the checks that must run anyway)
            crash = error
        elapsed = time.monotonic() - started
        leftovers = _leftovers(baseline, marker)
        _kill(leftovers)
        reached = listeners.connections()
    finally:
        listeners.close()
    written = _files(tmp_path) - files_before - {str(work / "results.json")}
    _assert_grader_still_works(assignment, solution_files[case.assignment])

    if crash is not None:
        pytest.fail(f"the grader gave no result: {type(crash).__name__}: {crash}"
                    + (f"; and left {len(leftovers)} processes behind" if leftovers else ""))
    shown = _summary(result)
    assert result["status"] == case.status, shown
    assert result["score"] == case.score, shown
    assert result["max_score"] == assignment.max_score, shown
    for words in case.message:
        assert words in result["message"], f"{words!r} is not in the message; {shown}"
    if not case.message and case.status == "graded":
        assert result["message"] == "", f"the message should be empty (the hostile cells ran quietly); {shown}"
    if case.status == "error":
        assert result["message"], f"an error result must say why; {shown}"
    for words in case.test_message:
        assert any(words in test["message"] for test in result["tests"]), f"no test says {words!r}; {shown}"
    everything = json.dumps(result, ensure_ascii=False)
    for words in (*case.absent, secret):
        if words in everything:
            pytest.fail(f"{words!r} appears in the result: ...{_around(everything, words)}...")
    compact = {**result, "output": "", "tests": [{**test, "detail": ""} for test in result["tests"]]}
    size = len(json.dumps(compact))
    assert size <= RESULT_LIMIT, f"the result (without details and output) holds {size} bytes"
    if case.via == "cli_text":
        controls = sorted({repr(c) for c in stdout if c not in "\n\t" and (ord(c) < 32 or 127 <= ord(c) < 160)})
        assert not controls, f"the text report passes control characters through: {controls}"
    assert len(result.get("output", "")) <= assignment.limits.output_kb * 1024 + 200, "the kept output is not capped"
    assert elapsed <= case.seconds, f"the grading took {elapsed:.1f} s, more than the case's {case.seconds} s"
    assert not leftovers, f"processes outlived the grading: {sorted(leftovers.values())}"
    assert not reached, f"the notebook reached the host's {reached} listener"
    assert not written, f"the grading wrote {sorted(written)}"


def _around(text: str, words: str) -> str:
    index = text.find(words)
    return text[max(0, index - 200):index + 200]


# --- the corpus itself -------------------------------------------------------------------------------

def test_the_corpus_is_complete_and_consistent() -> None:
    ids = [case.id for case in CASES]
    assert len(ids) == len(set(ids)), "case ids must be unique"
    assert len(CASES) >= 30
    for case in CASES:
        assert case.assignment in ASSIGNMENTS and case.limits in ("real", "short")
        assert case.via in ("api", "cli", "cli_text")
        assert case.base in ("solution", "none", "file")
        assert (case.base == "file") == bool(case.build) and (not case.build or case.build in BUILDERS), case.id
        assert case.status == "graded" or case.score == 0, case.id
    readme = (HERE / "README.md").read_text(encoding="utf-8")
    missing = [case.id for case in CASES if f"`{case.id}`" not in readme]
    assert not missing, f"tests/adversarial/README.md does not list {missing}"


def test_committed_files_are_small() -> None:
    total = sum(path.stat().st_size for path in HERE.iterdir() if path.is_file())
    assert total < 100 * 1024, f"tests/adversarial holds {total} bytes; generate large notebooks at test time"
