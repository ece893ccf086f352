"""The build stamp: ``kg-build.json`` in every output folder, naming each file the build wrote with
its size and SHA-256.

Readers of a folder (the notebook, the query twins, the Neo4j loader) check the files they read
against it, so a folder whose files come from different builds (a file copied in by hand, a build
interrupted by an older version of the tool) is refused with a message instead of being read as
one graph. Discovery skips folders holding a stamp, so a build never reads its own output back as
documents. The stamp holds nothing that changes between two builds of the same input (no time, no
absolute path): the same build gives the same bytes.
"""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Iterable

from extractors.errors import KgError
from extractors.reading import BUILD_STAMP

__all__ = ["BUILD_STAMP", "write_stamp", "check_stamp", "stamped_files"]

FORMAT = 1


def _digest(path: Path) -> str:
    with open(path, "rb") as fh:
        return hashlib.file_digest(fh, "sha256").hexdigest()


def write_stamp(folder: str | os.PathLike, *, version: str, documents: int, options: dict) -> Path:
    """Hash every file under ``folder`` (but the stamp) into ``folder/kg-build.json``."""
    from kg.files import atomic_text

    folder = Path(folder)
    files = {}
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and p.name != BUILD_STAMP and not p.name.startswith(".")):
        files[path.relative_to(folder).as_posix()] = {"bytes": path.stat().st_size, "sha256": _digest(path)}
    stamp = {"format": FORMAT, "tool": "kg", "version": version, "documents": documents, "options": options,
             "files": files}
    with atomic_text(folder / BUILD_STAMP) as fh:
        json.dump(stamp, fh, ensure_ascii=False, indent=1, sort_keys=True)
        fh.write("\n")
    return folder / BUILD_STAMP


def stamped_files(folder: str | os.PathLike) -> dict[str, dict]:
    """The files the stamp of ``folder`` lists (relative path -> bytes, sha256); KgError if the
    folder has no readable stamp."""
    folder = Path(folder)
    path = folder / BUILD_STAMP
    try:
        stamp = json.loads(path.read_text(encoding="utf-8"))
        files = stamp["files"]
        if not isinstance(files, dict):
            raise ValueError("no file list")
    except FileNotFoundError:
        raise KgError(f"{folder}: no {BUILD_STAMP}; this is not the complete output of `kg build` "
                      f"(or it was written by an older version): build it again") from None
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise KgError(f"{path}: unreadable build stamp ({exc}); build the folder again") from None
    return files


def check_stamp(folder: str | os.PathLike, names: Iterable[str]) -> None:
    """Raise KgError unless every file in ``names`` is in ``folder`` exactly as the build that
    stamped the folder wrote it."""
    folder = Path(folder)
    files = stamped_files(folder)
    for name in names:
        path = folder / name
        expected = files.get(name)
        if expected is None:
            raise KgError(f"{path}: not written by the build that wrote {folder / BUILD_STAMP}; "
                          f"the folder mixes builds: build it again")
        try:
            size = path.stat().st_size
        except FileNotFoundError:
            raise KgError(f"{path}: missing (the build stamp lists it); build {folder} again") from None
        if size != expected.get("bytes") or _digest(path) != expected.get("sha256"):
            raise KgError(f"{path}: changed since the build that wrote {folder / BUILD_STAMP} (its size or "
                          f"checksum differs); the folder mixes builds or was edited: build it again")
