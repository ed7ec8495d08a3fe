"""Notebook files that cells alone cannot describe, written at test time (nothing large is committed).

Each builder takes the path the grader will be given and the assignment's solution notebook, and writes
whatever must be there; it may return another path to grade (a path that is too long to create in one go).
"""

from __future__ import annotations

import base64
import copy
import json
import os
from pathlib import Path
from typing import Callable

import nbformat

Builder = Callable[[Path, nbformat.NotebookNode], Path]


def _write_json(path: Path, document: object) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(document, handle)
    return path


def _with_code_cells(solution: nbformat.NotebookNode, sources: list[str]) -> dict:
    notebook = copy.deepcopy(solution)
    notebook.cells.extend({"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [],
                           "source": source} for source in sources)
    return notebook


def solution(path: Path, solution: nbformat.NotebookNode) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(solution, str(path))
    return path


def not_json(path: Path, solution: nbformat.NotebookNode) -> Path:
    path.write_text('{"cells": [ this is not JSON, def p_norm(v, p): return 0 }')
    return path


def binary(path: Path, solution: nbformat.NotebookNode) -> Path:
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 64)
    return path


def empty(path: Path, solution: nbformat.NotebookNode) -> Path:
    path.write_bytes(b"")
    return path


def json_list(path: Path, solution: nbformat.NotebookNode) -> Path:
    return _write_json(path, [{"cell_type": "code", "source": "def p_norm(v, p):\n    return 0.0"}])


def nbformat3(path: Path, solution: nbformat.NotebookNode) -> Path:
    cells = [{"cell_type": "code", "input": "def p_norm(v, p):\n    return 0.0", "outputs": []}]
    return _write_json(path, {"nbformat": 3, "nbformat_minor": 0, "metadata": {}, "cells": cells,
                              "worksheets": [{"cells": cells, "metadata": {}}]})


def deep_json(path: Path, solution: nbformat.NotebookNode) -> Path:
    path.write_text("[" * 100_000 + "]" * 100_000)
    return path


def malformed_cell(path: Path, solution: nbformat.NotebookNode) -> Path:
    return _write_json(path, {"nbformat": 4, "nbformat_minor": 5, "metadata": {},
                              "cells": [{"cell_type": "code", "source": 42, "metadata": {}, "outputs": []}]})


def oversized(path: Path, solution: nbformat.NotebookNode) -> Path:
    notebook = copy.deepcopy(solution)
    notebook.cells.append(nbformat.v4.new_markdown_cell("x" * (65 * 1024 * 1024)))
    return _write_json(path, notebook)


def ten_thousand_cells(path: Path, solution: nbformat.NotebookNode) -> Path:
    return _write_json(path, _with_code_cells(solution, [f"cell_{i} = {i}" for i in range(10_000)]))


def ten_thousand_failing_cells(path: Path, solution: nbformat.NotebookNode) -> Path:
    return _write_json(path, _with_code_cells(solution, [f"raise ValueError('cell {i}')" for i in range(10_000)]))


def binary_outputs(path: Path, solution: nbformat.NotebookNode) -> Path:
    """The solution with 20 MB of base64 PNG data in the outputs of its first code cells (as Jupyter saves)."""
    notebook = copy.deepcopy(solution)
    png = base64.b64encode(b"\x89PNG\r\n\x1a\n" + os.urandom(3 * 1024 * 1024)).decode()  # 4 MB of base64
    code_cells = [cell for cell in notebook.cells if cell.cell_type == "code"]
    for count, cell in enumerate(code_cells[:5], start=1):
        cell.outputs = [nbformat.v4.new_output("display_data", data={"image/png": png, "text/plain": "<Figure>"}),
                        nbformat.v4.new_output("stream", name="stdout", text="\x00\x1b[31m binary-ish \ufffd\n")]
        cell.execution_count = count
    return _write_json(path, notebook)


def deep_path(path: Path, solution: nbformat.NotebookNode) -> Path:
    """The solution at a path longer than PATH_MAX, made one folder at a time with descriptors."""
    folder = path.parent
    folder.mkdir(parents=True, exist_ok=True)
    part = "d" * 200
    descriptor = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        for _ in range(22):  # 22 * 201 bytes > 4096
            os.mkdir(part, dir_fd=descriptor)
            inner = os.open(part, os.O_RDONLY | os.O_DIRECTORY, dir_fd=descriptor)
            os.close(descriptor)
            descriptor = inner
        data = nbformat.writes(solution).encode()
        handle = os.open(path.name, os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=descriptor)
        os.write(handle, data)
        os.close(handle)
    finally:
        os.close(descriptor)
    return Path(folder, *[part] * 22, path.name)


def directory(path: Path, solution: nbformat.NotebookNode) -> Path:
    path.mkdir(parents=True)
    return path


def dev_zero(path: Path, solution: nbformat.NotebookNode) -> Path:
    path.symlink_to("/dev/zero")
    return path


def fifo(path: Path, solution: nbformat.NotebookNode) -> Path:
    os.mkfifo(path)
    return path


BUILDERS: dict[str, Builder] = {name: function for name, function in globals().items()
                                if callable(function) and getattr(function, "__module__", None) == __name__
                                and not name.startswith("_")}
