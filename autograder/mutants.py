"""Mutants: plausible wrong implementations of a task, kept beside the hidden tests.

A mutant is a function or class in the assignment's ``mutants.py`` named ``<task>__<what is wrong>``
and decorated with :func:`mutant`::

    @mutant("forgets the absolute value, so odd p gives nan for negative entries")
    def p_norm__no_abs(v, p):
        return np.sum(v ** p) ** (1 / p)

``autograder validate`` puts each mutant into the solution notebook in place of its task's cell,
renamed to the task's name, grades that notebook and requires it to lose points. A mutant must be
self-contained apart from the imports of the notebook's first code cell.
"""

from __future__ import annotations

import ast
import io
import tokenize
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, TypeVar

_Defined = TypeVar("_Defined", bound=Callable[..., Any])
_MARK = "__autograder_mutant__"


def mutant(description: str) -> Callable[[_Defined], _Defined]:
    """Declare the decorated function or class a mutant; ``description`` says what is wrong with it."""
    def mark(defined: _Defined) -> _Defined:
        setattr(defined, _MARK, description)
        return defined
    return mark


@dataclass(frozen=True)
class Mutant:
    """One wrong implementation: the task it replaces, its name, what is wrong, and its cell source."""

    task: str
    name: str
    description: str
    source: str


def load_mutants(path: Path) -> list[Mutant]:
    """Read the mutants declared in ``path`` (a ``mutants.py``), in the order they are defined.

    The file is parsed, not imported: a mutant is a top-level ``def`` or ``class`` decorated with
    ``@mutant("...")``.
    """
    if not path.exists():
        return []
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    found = []
    for node in ast.parse(text, filename=str(path)).body:
        if not isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            continue
        description = _mutant_description(node)
        if description is None:
            continue
        task, separator, _ = node.name.partition("__")
        if not separator or not task:
            raise ValueError(f"{path}:{node.lineno}: mutant {node.name!r} must be named "
                             "'<task>__<what is wrong>'")
        source = "".join(lines[node.lineno - 1:node.end_lineno])
        found.append(Mutant(task, node.name, description, _renamed(source, node.name, task)))
    return found


def _mutant_description(node: ast.FunctionDef | ast.ClassDef) -> str | None:
    for decorator in node.decorator_list:
        if (isinstance(decorator, ast.Call) and isinstance(decorator.func, ast.Name)
                and decorator.func.id == "mutant" and decorator.args
                and isinstance(decorator.args[0], ast.Constant)):
            return str(decorator.args[0].value)
    return None


def _renamed(body: str, name: str, task: str) -> str:
    """``body`` with every use of the mutant's own name renamed to ``task``."""
    tokens = [
        tok._replace(string=task) if tok.type == tokenize.NAME and tok.string == name else tok
        for tok in tokenize.generate_tokens(io.StringIO(body).readline)
    ]
    return tokenize.untokenize(tokens)
