"""The Makefile's installs: `make run` installs what a build needs, `make test` the test extras too, and a
second run installs nothing (checked with `make -n` against a venv folder of the test's own)."""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")


def dry_run(target: str, venv: Path) -> list[str]:
    """The commands `make -n TARGET` would run, with .venv put at ``venv``."""
    proc = subprocess.run(["make", "-n", "-C", str(ROOT), target, f"VENV={venv}"], capture_output=True, text=True,
                          timeout=60)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.splitlines()


def pip_installs(lines: list[str]) -> list[str]:
    return [line.split("-e", 1)[1].strip() for line in lines if "pip install" in line]


def test_make_run_installs_the_package_without_the_test_extras(tmp_path):
    assert pip_installs(dry_run("run", tmp_path / "venv")) == ["."]


def test_make_test_installs_the_test_extras(tmp_path):
    assert pip_installs(dry_run("install", tmp_path / "venv")) == [".", "'.[test]'"]
    assert "'.[test]'" in pip_installs(dry_run("test", tmp_path / "venv"))


def test_a_second_run_installs_nothing(tmp_path):
    venv = tmp_path / "venv"
    venv.mkdir()
    newer = (ROOT / "pyproject.toml").stat().st_mtime + 10
    for stamp in (".installed", ".installed-test"):
        (venv / stamp).touch()
        os.utime(venv / stamp, (newer, newer))
    assert pip_installs(dry_run("run", venv)) == []
    assert pip_installs(dry_run("install", venv)) == []
