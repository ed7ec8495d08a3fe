"""The program inside the sandbox: run the student's notebook once, then answer the grader's calls.

Started by :mod:`autograder.sandbox.session` as ``python -I runner.py FD_IN FD_OUT [MODULE...]``
inside the sandbox. It imports the MODULEs first (numpy, TensorFlow, ...) so a pre-started sandbox is
warm, says ``ready``, and then serves requests until the grader closes the channel:

``exec``      write the data files, execute the notebook's cells in one namespace; an exception in a
              cell is recorded and the next cell runs (as nbgrader does)
``lookup``    a name in the notebook's namespace
``getattr``   an attribute of a handle
``call``      call a handle with arguments; while it runs, the student's code may call back
``put_file``  write a file into the working directory

Everything here runs with the student's code in the same process, so nothing here is trusted: the
grader treats every answer as untrusted plain data.
"""

import linecache
import os
import shutil
import sys
import traceback
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import wire  # noqa: E402  (sits beside this file in the sandbox)

sys.path.pop(0)



class Channel:
    """Requests in, answers out; callbacks into the grader go through here too."""

    def __init__(self, fd_in, fd_out):
        self.fd_in = fd_in
        self.fd_out = fd_out
        self.handles = {}
        self.encode = wire.Encoder(self._handle_for)
        self.decode = wire.Decoder(self._resolve)

    def receive(self):
        length = wire.parse_header(wire.read_exactly(self.fd_in, wire.HEADER_BYTES))
        return self.decode(wire.loads(wire.read_exactly(self.fd_in, length)))

    def send(self, message):
        wire.send(self.fd_out, message, self.encode)

    def _handle_for(self, value):
        key = len(self.handles) + 1
        self.handles[key] = value
        return {"$handle": key, "type": _type_name(value)}

    def _resolve(self, tag, value):
        if tag == "$handle":
            if value["$handle"] not in self.handles:
                raise wire.WireError("unknown handle")
            return self.handles[value["$handle"]]
        return Callback(self, value["$callback"])


class Callback:
    """A trusted function of the grader's; calling it asks the grader and waits for the answer."""

    def __init__(self, channel, key):
        self._channel = channel
        self._key = key

    def __call__(self, *args, **kwargs):
        self._channel.send({"callback": self._key, "args": list(args), "kwargs": kwargs})
        answer = self._channel.receive()
        if "error" in answer:
            raise RuntimeError(f"the grader's function raised an error: {answer['error']}")
        return answer["ok"]

    def __repr__(self):
        return "<function provided by the grader>"


class _Shell:
    """Stands in for ``get_ipython()``: magics and shell escapes do nothing when grading."""

    def run_line_magic(self, *args, **kwargs):
        return None

    run_cell_magic = run_line_magic
    system = run_line_magic

    def getoutput(self, *args, **kwargs):
        return ""


def _type_name(value):
    try:
        return wire.cut(type(value).__name__, wire.NAME_LIMIT)
    except Exception:  # noqa: BLE001  (a hostile metaclass)
        return "object"


def _describe_error(error):
    """Plain data about an exception raised by the student's code."""
    try:
        names = [wire.cut(cls.__name__, wire.NAME_LIMIT) for cls in type(error).__mro__[:wire.MAX_TYPES]]
        message = wire.cut(error)
        frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename.startswith("<cell")]
        where = f"{frames[-1].filename[1:-1]}, line {frames[-1].lineno}" if frames else ""
        where = wire.cut(where, wire.NAME_LIMIT)
    except BaseException:  # noqa: BLE001  (str() of a hostile exception may raise anything)
        names, message, where = ["Exception"], "an exception that cannot be described", ""
    return {"types": names, "message": message, "where": where}


def _flush_output():
    """The notebook's output, for the instructor, before a test can end the process."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except BaseException:  # noqa: BLE001  (the notebook may have replaced the streams)
            pass


def run_cells(channel, namespace, cells):
    errors = []
    for number, source in cells:
        channel.send({"event": "cell", "number": number})
        filename = f"<cell {number}>"
        linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
        try:
            exec(compile(source, filename, "exec"), namespace)  # noqa: S102  (that is the job)
        except BaseException as error:  # noqa: BLE001  (SystemExit and KeyboardInterrupt too)
            errors.append({"cell": number, **_describe_error(error)})
    return errors


def serve(channel):
    namespace = {"__name__": "__main__", "__builtins__": __builtins__,
                 "get_ipython": _Shell, "display": lambda *a, **k: None}
    while True:
        try:
            request = channel.receive()
        except EOFError:
            return
        op = request.get("op")
        try:
            if op == "exec":
                for name, data in request["files"].items():
                    path = Path(name)
                    path.parent.mkdir(parents=True, exist_ok=True)
                    path.write_bytes(data)
                errors = run_cells(channel, namespace, request["cells"])
                _flush_output()
                answer = {"ok": {"errors": errors}}
            elif op == "lookup":
                if request["name"] not in namespace:
                    answer = {"error": {"types": ["NameError", "Exception"],
                                        "message": f"the notebook does not define {request['name']!r}",
                                        "where": ""}}
                else:
                    answer = {"ok": namespace[request["name"]]}
            elif op == "getattr":
                answer = {"ok": getattr(request["target"], request["name"])}
            elif op == "call":
                answer = {"ok": request["target"](*request["args"], **request["kwargs"])}
            elif op == "put_file":
                Path(request["name"]).write_bytes(request["data"])
                answer = {"ok": None}
            else:
                answer = {"error": {"types": ["ValueError"], "message": f"unknown op {op!r}", "where": ""}}
        except BaseException as error:  # noqa: BLE001
            answer = {"error": _describe_error(error)}
        try:
            channel.send(answer)
        except BaseException as error:  # noqa: BLE001  (a result that cannot be encoded)
            channel.send({"error": _describe_error(error)})


def copy_font_cache():
    """matplotlib's font list, built once by the grader, so that no sandbox spends seconds rebuilding it."""
    cached_fonts = "/grader-cache/matplotlib"
    if os.path.isdir(cached_fonts) and "MPLCONFIGDIR" in os.environ:
        shutil.copytree(cached_fonts, os.environ["MPLCONFIGDIR"], dirs_exist_ok=True)


def prepare(modules):
    """Copy the font cache in and import ``modules``, so that the sandbox starts warm."""
    copy_font_cache()
    for module in modules:
        try:
            __import__(module)
        except ImportError:
            pass


def main():
    fd_in, fd_out = int(sys.argv[1]), int(sys.argv[2])
    prepare(sys.argv[3:])
    channel = Channel(fd_in, fd_out)
    channel.send({"event": "ready"})
    sys.argv = ["notebook"]
    serve(channel)


if __name__ == "__main__":
    main()
