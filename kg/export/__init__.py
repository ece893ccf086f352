"""Exporters: one module per format, each taking the graph (never mutating it) and a folder.

Every exporter writes to a temporary file and renames it into place, so a failed write never
leaves a truncated file, and raises ``ExportError`` (a ``KgError``) whatever its backend raised.
"""
from __future__ import annotations

import os
import re
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, TextIO

from extractors.errors import KgError
from extractors.records import LIST_SEPARATOR

# XML 1.0 forbids these (Gephi aborts the import on one)
_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


class ExportError(KgError):
    """An output file could not be written."""


def xml_safe(value: str) -> str:
    return _XML_FORBIDDEN.sub("", value)


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


def flat(value) -> str | int | float | bool:
    """A scalar for formats without lists: lists joined with ' | ', None as ''."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return LIST_SEPARATOR.join(str(flat(v)) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{k}={flat(v)}" for k, v in sorted(value.items()))
    return value
