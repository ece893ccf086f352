"""Helpers the reading tests share: write bytes to a file, read it back, expect a ReadError."""
from __future__ import annotations

from pathlib import Path

import pytest

from extractors.errors import ReadError
from extractors.reading import read_source
from extractors.records import Source

DATA = Path(__file__).parent / "data" / "reading"


def write(tmp_path: Path, name: str, data: bytes | str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode(encoding) if isinstance(data, str) else data)
    return path


def read(tmp_path: Path, name: str, data: bytes | str, encoding: str = "utf-8") -> Source:
    return read_source(write(tmp_path, name, data, encoding))


def read_error(tmp_path: Path, name: str, data: bytes | str) -> ReadError:
    path = write(tmp_path, name, data)
    with pytest.raises(ReadError) as info:
        read_source(path)
    assert info.value.path == str(path)
    return info.value
