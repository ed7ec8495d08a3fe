"""Notebooks made from the student notebook: the solution, and one per mutant."""

from __future__ import annotations

import ast
import inspect

import nbformat

from autograder import notebook
from autograder.course import Assignment, CourseError
from autograder.mutants import Mutant


def reference_source(assignment: Assignment, task: str) -> str:
    """The reference's source for ``task`` (a function or class), as it goes into a task cell."""
    defined = getattr(assignment.reference, task, None)
    if defined is None:
        raise CourseError(f"{assignment.reference_path.name} does not define task {task!r}")
    return inspect.getsource(defined)


def solution_notebook(assignment: Assignment) -> nbformat.NotebookNode:
    """The student notebook with every autograded task cell holding the reference solution.

    A manual task's answer cell keeps the student notebook's text: there is no reference answer.
    """
    student = notebook.read(assignment.notebook)
    return notebook.with_task_sources(student, {t.name: reference_source(assignment, t.name)
                                                for t in assignment.autograded_tasks})


def mutant_notebook(solution: nbformat.NotebookNode, mutant: Mutant) -> nbformat.NotebookNode:
    """The solution notebook with the mutant's task cell replaced by the mutant."""
    return notebook.with_task_sources(solution, {mutant.task: mutant.source})


def signature(source: str, name: str) -> str | None:
    """The parameter list of the top-level function ``name`` (or class ``name``'s ``__init__``) in ``source``."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return None
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name == name:
            return ast.unparse(node.args)
        if isinstance(node, ast.ClassDef) and node.name == name:
            for item in node.body:
                if isinstance(item, ast.FunctionDef) and item.name == "__init__":
                    return ast.unparse(item.args)
            return ""
    return None
