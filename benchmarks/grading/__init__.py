"""``make bench``: this engine against otter-grader and nbgrader, on the same submissions, on this machine.

Two assignments of the course (see :mod:`.assignments`): the numpy assignment ``02-linear-algebra`` and
the TensorFlow (Keras) assignment ``06-neural-networks``. For each, four kinds of submission: the
solution, a partly wrong one (the solution with one mutant), the untouched student notebook (stub) and
a crashing one (a syntax error in the last task cell and an exception at top level), ``--copies`` of
each. Every tool is given the very same files:

- this engine, in-process: ``Grader(keep_warm=True)``, one submission at a time with the warm
  sandbox ready (idle latency);
- this engine, as a service: ``autograder serve`` with a tokens file and ``--workers`` local workers on
  a loopback port: one submission at a time while it is idle (submit-to-score, seen by a client that
  polls every 20 ms), then a burst of ``--burst-copies`` of each kind (throughput);
- ``otter run`` on the ``autograder export-otter`` zip, one submission at a time and two in parallel;
- nbgrader ``autograde`` on an nbgrader course built in a temporary folder whose grade cells run the
  same hidden tests in the kernel (``autograder.otter_runtime.run_test``, as the otter export does), as
  one batch and for one submission alone.

Peak memory is read from ``/proc`` (``VmHWM`` per process, and the summed PSS of a grader or worker
with its zygotes and sandboxes, so that pages a zygote shares with its forks count once). The run ends
with one markdown block for ``benchmarks/RESULTS.md``.
Run it from the repository root: ``.venv/bin/python -m benchmarks.grading``.
"""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
