"""Submitted notebooks on disk, content-addressed by sha256, written durably before they are recorded."""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path


class NotebookStore:
    """A folder of files named by their sha256 (``ab/cdef....ipynb``)."""

    def __init__(self, root: Path):
        self.root = root
        self.root.mkdir(parents=True, exist_ok=True)

    def path(self, sha256: str) -> Path:
        """Where the file with this digest lives."""
        return self.root / sha256[:2] / f"{sha256}.ipynb"

    def put(self, data: bytes) -> str:
        """Store ``data`` (fsynced, renamed into place) and return its sha256."""
        digest = hashlib.sha256(data).hexdigest()
        target = self.path(digest)
        if target.exists():
            return digest
        target.parent.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(dir=target.parent, prefix=".incoming-")
        try:
            with os.fdopen(descriptor, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        directory = os.open(target.parent, os.O_DIRECTORY)
        try:
            os.fsync(directory)
        finally:
            os.close(directory)
        return digest

    def get(self, sha256: str) -> bytes:
        """The stored file's bytes."""
        return self.path(sha256).read_bytes()
