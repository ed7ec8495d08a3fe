"""An assignment as an otter-grader 7 autograder: ``autograder.zip`` for ``otter run`` or Gradescope.

The zip holds one exception-based otter test file per task, one test case per hidden test. Each case
calls :func:`autograder.otter_runtime.run_test`, which runs the very same hidden test with the
notebook's namespace standing in for the sandbox. The engine's small pure-Python modules, the hidden
tests, the reference and the assignment's data files travel in the zip's ``files/``.
"""

from __future__ import annotations

import importlib.metadata
import json
import zipfile
from pathlib import Path

from autograder import hidden_tests
from autograder.course import PACKAGE_DIR, Assignment

SHIPPED_MODULES = (
    "__init__.py", "remote.py", "testing.py", "otter_runtime.py", "sandbox/__init__.py",
    "sandbox/session.py", "sandbox/bubblewrap.py", "sandbox/cgroup.py", "sandbox/inside/__init__.py",
    "sandbox/inside/wire.py",
)
EXPORT_SEED = 0


def _test_file(assignment: Assignment, task: str, tests: list[hidden_tests.HiddenTest]) -> str:
    lines = [f'"""Task {task} of {assignment.id}, exported by `autograder export-otter`."""', "",
             "from otter.test_files import test_case", "", "from autograder.otter_runtime import run_test", "",
             "OK_FORMAT = False", "", f"name = {task!r}", ""]
    for index, test in enumerate(tests):
        lines += ["", f"@test_case(name={test.name!r}, points={test.points!r}, hidden=True)",
                  f"def case_{index}(env):",
                  f"    run_test({test.file.name!r}, {test.name!r}, {assignment.reference_path.name!r}, "
                  f"{EXPORT_SEED}, env)", ""]
    return "\n".join(lines)


def distribution(module: str) -> str:
    """The PyPI distribution that installs ``module`` here ("matplotlib.pyplot" -> "matplotlib",
    "sklearn" -> "scikit-learn"), or the module's top-level name where none is known."""
    top = module.split(".")[0]
    return next(iter(importlib.metadata.packages_distributions().get(top, [])), top)


def export(assignment: Assignment, output: Path) -> Path:
    """Write ``output/autograder.zip`` for ``assignment`` and return its path."""
    output.mkdir(parents=True, exist_ok=True)
    zip_path = output / "autograder.zip"
    tests = hidden_tests.scan(assignment.hidden_dir)
    requirements = sorted({"numpy", "pytest", *(distribution(module) for module in assignment.preload)})
    with zipfile.ZipFile(zip_path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("otter_config.json", json.dumps({"lang": "python"}, indent=2))
        archive.writestr("requirements.txt", "\n".join(requirements) + "\n")
        for task in assignment.autograded_tasks:  # a manual task has no tests: grade it on Gradescope by hand
            mine = [t for t in tests if t.task == task.name]
            archive.writestr(f"tests/{task.name}.py", _test_file(assignment, task.name, mine))
        for module in SHIPPED_MODULES:
            archive.write(PACKAGE_DIR / module, f"files/autograder/{module}")
        for path in sorted({t.file for t in tests}):
            archive.write(path, f"files/otter_hidden/{path.name}")
        archive.write(assignment.reference_path, f"files/otter_hidden/{assignment.reference_path.name}")
        for name, data in assignment.data_files.items():
            archive.writestr(f"files/{name}", data)
    return zip_path
