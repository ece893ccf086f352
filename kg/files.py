"""Writing output files: atomically (a temporary file renamed into place), with one error type.

A failed write never leaves a truncated file; whatever a backend raised becomes ``ExportError``
(a ``KgError``), so the CLI reports it as one line naming the file. A folder of files that belong
together (the output of a build) is written into a staging folder beside it and swapped in whole
(``staged_folder``): an interrupted or failed write leaves the previous folder exactly as it was.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator, TextIO

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
    except BaseException:  # Ctrl-C: no temporary file stays behind
        _remove(tmp)
        raise


@contextmanager
def staged_folder(target: Path, *, replaceable: Callable[[Path], bool] = lambda folder: True) -> Iterator[Path]:
    """Yield a new, empty folder beside ``target`` to write into; when the block ends normally,
    it replaces ``target`` as a whole (atomically where the system can exchange two names), and
    the previous contents are removed. If the block raises (an error, Ctrl-C), the staging folder
    is removed and ``target`` is left exactly as it was.

    An existing ``target`` is only replaced if ``replaceable(target)`` says so (it holds what an
    earlier run wrote); otherwise ``ExportError``, before anything is written."""
    target = Path(target)
    if target.exists() and not target.is_dir():
        raise ExportError(f"{target}: exists and is not a folder; choose another output folder")
    if target.is_dir() and not replaceable(target):
        raise ExportError(f"{target}: the folder holds files that were not written by this tool; "
                          f"choose a new or empty output folder (nothing was changed)")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.staging-", dir=target.parent))
        os.chmod(staging, 0o777 & ~_umask())
    except OSError as exc:
        raise ExportError(f"{target}: cannot create the output folder ({exc.strerror or exc})") from None
    try:
        yield staging
        _swap_in(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _swap_in(staging: Path, target: Path) -> None:
    """Put ``staging`` in the place of ``target``; the old ``target`` (if any) is removed."""
    try:
        if not target.exists():
            os.rename(staging, target)
            return
        if _exchange(staging, target):  # staging now holds the old contents
            shutil.rmtree(staging, ignore_errors=True)
            return
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
        os.rename(target, old / target.name)  # two renames: a crash between them leaves the old copy in `old`
        os.rename(staging, target)
        shutil.rmtree(old, ignore_errors=True)
    except OSError as exc:
        raise ExportError(f"{target}: cannot replace the output folder ({exc.strerror or exc})") from None


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically with Linux's ``renameat2(RENAME_EXCHANGE)``; False where the
    system or the file system cannot (the caller then renames twice)."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    return renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _remove(tmp: str) -> None:
    try:
        os.unlink(tmp)
    except OSError:
        pass
