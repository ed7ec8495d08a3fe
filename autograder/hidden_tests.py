"""What an assignment's hidden tests are, read statically from their ``@graded`` decorators."""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class HiddenTest:
    """One hidden test: its file, function name, task and points."""

    file: Path
    name: str
    task: str
    points: float


def scan(folder: Path) -> list[HiddenTest]:
    """The ``@graded(task, points)`` tests in ``folder``'s ``test_*.py`` files, in file order."""
    found = []
    for path in sorted(folder.glob("test_*.py")):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if not isinstance(node, ast.FunctionDef) or not node.name.startswith("test"):
                continue
            for decorator in node.decorator_list:
                if isinstance(decorator, ast.Call) and getattr(decorator.func, "id", "") == "graded":
                    values = [ast.literal_eval(a) for a in decorator.args]
                    values += [ast.literal_eval(k.value) for k in decorator.keywords]
                    found.append(HiddenTest(path, node.name, str(values[0]), float(values[1])))
    return found
