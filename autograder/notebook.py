"""Notebooks in and out: a submission's code cells and answers, and the solution and mutant notebooks.

A submission is read once, into the list of its code cells as plain Python (IPython magics become
``get_ipython()`` calls, which do nothing in the sandbox) and the text of the cells that answer manual
tasks. Reading is lenient about everything a grader does not need (outputs, metadata, minor schema
deviations) and strict about the rest, with a message a student can act on.
"""

from __future__ import annotations

import copy
import json
import os
import stat
from pathlib import Path
from typing import Any

import nbformat
from IPython.core.inputtransformer2 import TransformerManager

MAX_NOTEBOOK_BYTES = 64 * 1024 * 1024
MAX_ANSWER_CHARS = 20_000
TASK_KEY = "autograder"


class NotebookError(Exception):
    """The file is not a notebook the grader can read; the message says why."""


def load_json(data: bytes) -> dict[str, Any]:
    """Parse notebook bytes into its JSON document, checking the parts grading relies on."""
    if len(data) > MAX_NOTEBOOK_BYTES:
        raise NotebookError(f"the notebook is larger than {MAX_NOTEBOOK_BYTES // (1024 * 1024)} MB")
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise NotebookError("the file is not a notebook: it is not UTF-8 text") from None
    except (ValueError, RecursionError) as error:
        raise NotebookError(f"the file is not a notebook: invalid JSON ({error})") from None
    if not isinstance(document, dict) or not isinstance(document.get("cells"), list):
        raise NotebookError("the file is not a Jupyter notebook (no list of cells)")
    if document.get("nbformat") != 4:
        raise NotebookError("the notebook must be in nbformat 4 (save it with Jupyter 4 or later)")
    for index, cell in enumerate(document["cells"], start=1):
        if not isinstance(cell, dict) or not isinstance(cell.get("source", ""), (str, list)):
            raise NotebookError(f"cell {index} of the notebook is malformed")
    return document


def _source(cell: dict[str, Any]) -> str:
    source = cell.get("source", "")
    return source if isinstance(source, str) else "".join(str(line) for line in source)


def code_cells(document: dict[str, Any]) -> list[tuple[int, str]]:
    """The code cells as (cell number in the notebook, counted from 1; Python source), in order.

    IPython syntax (magics, shell escapes) is translated to calls that do nothing when grading.
    """
    transformer = TransformerManager()
    cells = []
    for number, cell in enumerate(document["cells"], start=1):
        if cell.get("cell_type") != "code":
            continue
        source = _source(cell)
        try:
            cells.append((number, transformer.transform_cell(source)))
        except Exception:  # noqa: BLE001  (leave broken syntax for the sandbox to report)
            cells.append((number, source))
    return cells


def _cell_task(cell: dict[str, Any]) -> Any:
    """The task named by a cell's ``{"autograder": {"task": name}}`` metadata, or None."""
    metadata = cell.get("metadata")
    tagged = metadata.get(TASK_KEY) if isinstance(metadata, dict) else None
    return tagged.get("task") if isinstance(tagged, dict) else None


def task_answers(document: dict[str, Any], tasks: list[str]) -> dict[str, str]:
    """The text of the cells (markdown or code) tagged for each of ``tasks``; "" where there is none.

    Cells tagged for the same task (a split cell keeps its metadata) are joined by a blank line; an
    answer longer than :data:`MAX_ANSWER_CHARS` characters is cut there, with a note saying so.
    """
    found: dict[str, list[str]] = {task: [] for task in tasks}
    for cell in document["cells"]:
        task = _cell_task(cell)
        if isinstance(task, str) and task in found:
            found[task].append(_source(cell).strip())
    answers = {task: "\n\n".join(part for part in parts if part) for task, parts in found.items()}
    return {task: text if len(text) <= MAX_ANSWER_CHARS
            else f"{text[:MAX_ANSWER_CHARS]}\n[… cut: the answer is longer than {MAX_ANSWER_CHARS} characters]"
            for task, text in answers.items()}


def read_bounded(path: Path) -> bytes:
    """The bytes of the regular file at ``path``, never more than the notebook size limit plus one.

    The file is opened without blocking and checked before reading, so a named pipe, a device such as
    ``/dev/zero`` or an endless file is refused at once instead of hanging or exhausting the grader.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as error:
        raise NotebookError(f"cannot read {path.name}: {error.strerror}") from None
    status = os.fstat(fd)
    problem = ("Is a directory" if stat.S_ISDIR(status.st_mode)
               else "it is not a regular file" if not stat.S_ISREG(status.st_mode) else None)
    if problem is not None:
        os.close(fd)
        raise NotebookError(f"cannot read {path.name}: {problem}")
    if status.st_size > MAX_NOTEBOOK_BYTES:
        os.close(fd)
        raise NotebookError(f"the notebook is larger than {MAX_NOTEBOOK_BYTES // (1024 * 1024)} MB")
    with os.fdopen(fd, "rb") as handle:
        try:
            return handle.read(MAX_NOTEBOOK_BYTES + 1)
        except OSError as error:
            raise NotebookError(f"cannot read {path.name}: {error.strerror}") from None


def read_submission(path: Path) -> dict[str, Any]:
    """The JSON document of the notebook at ``path``; :class:`NotebookError` for anything unreadable."""
    return load_json(read_bounded(path))


def task_cell_indices(notebook: nbformat.NotebookNode) -> dict[str, int]:
    """Which cell holds each task, from the cells' ``{"autograder": {"task": name}}`` metadata."""
    found: dict[str, int] = {}
    for index, cell in enumerate(notebook.cells):
        task = _cell_task(cell)
        if task is not None:
            if task in found:
                raise NotebookError(f"task {task!r} has two task cells ({found[task] + 1} and {index + 1})")
            found[task] = index
    return found


def with_task_sources(notebook: nbformat.NotebookNode, sources: dict[str, str]) -> nbformat.NotebookNode:
    """A copy of ``notebook`` whose task cells hold ``sources`` (by task name) instead of the stubs."""
    result = copy.deepcopy(notebook)
    cells = task_cell_indices(result)
    for task, source in sources.items():
        if task not in cells:
            raise NotebookError(f"the notebook has no task cell for {task!r}")
        result.cells[cells[task]].source = source.rstrip("\n")
    return result


def read(path: Path) -> nbformat.NotebookNode:
    """Read a course notebook (student notebook in the repository) as nbformat 4."""
    return nbformat.read(str(path), as_version=4)


def write(notebook: nbformat.NotebookNode, path: Path) -> None:
    """Write ``notebook`` to ``path``, creating folders as needed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(notebook, str(path))
