"""Writing output files: atomically (a temporary file renamed into place), with one error type.

A failed write never leaves a truncated file; whatever a backend raised becomes ``ExportError``
(a ``KgError``), so the CLI reports it as one line naming the file.
"""
from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, TextIO

from extractors.errors import KgError


class ExportError(KgError):
    """An output file could not be written."""


@contextmanager
def atomic_text(path: Path, *, encoding: str = "utf-8", newline: str | None = "\n") -> Iterator[TextIO]:
    """Open a temporary file next to ``path`` for writing; rename it to ``path`` on success."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    except OSError as exc:
        raise ExportError(f"{path}: cannot write ({exc.strerror or exc})") from None
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline=newline) as fh:
            yield fh
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except KgError:
        _remove(tmp)
        raise
    except Exception as exc:  # any backend failure becomes one project error
        _remove(tmp)
        raise ExportError(f"{path}: {exc}") from exc


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _remove(tmp: str) -> None:
    try:
        os.unlink(tmp)
    except OSError:
        pass
