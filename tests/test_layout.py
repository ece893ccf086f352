"""The house: imports run one way (import-linter's contracts in pyproject.toml), ruff is clean,
only the command line prints, and library errors name parameters, never command-line options."""
from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
PACKAGES = ("extractors", "kg", "queries")


def _tool(name: str) -> str:
    found = BIN / name if (BIN / name).exists() else shutil.which(name)
    if not found:
        pytest.fail(f"{name} is not installed: run make install (it is in the test extras)")
    return str(found)


def _modules():
    for package in PACKAGES:
        yield from sorted((ROOT / package).rglob("*.py"))


def test_no_import_runs_upward():
    """Every import, even inside a function, points down (see [tool.importlinter] in pyproject.toml)."""
    result = subprocess.run([_tool("lint-imports"), "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "0 broken" in result.stdout


def test_ruff_is_clean():
    result = subprocess.run([_tool("ruff"), "check", "--no-cache", *PACKAGES, "tests"], cwd=ROOT,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-4000:]


def _calls(tree: ast.AST):
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            yield node


def test_only_the_command_line_prints():
    printing = []
    for path in _modules():
        if path == ROOT / "kg" / "cli.py":
            continue
        for call in _calls(ast.parse(path.read_text(encoding="utf-8"))):
            f = call.func
            name = ast.unparse(f)
            if name == "print" or name.startswith(("sys.stdout", "sys.stderr")):
                printing.append(f"{path.relative_to(ROOT)}:{call.lineno}: {name}")
    assert not printing


def test_library_errors_name_no_command_line_option():
    """A message like '--window must be ...' belongs to the CLI; the library says 'the window' and
    sets KgError.param, and the CLI adds its own option for it."""
    offending = []
    for path in _modules():
        if path == ROOT / "kg" / "cli.py":
            continue
        for call in _calls(ast.parse(path.read_text(encoding="utf-8"))):
            if not ast.unparse(call.func).endswith(("Error", "KgError")):
                continue
            for node in ast.walk(call):
                if isinstance(node, ast.Constant) and isinstance(node.value, str) and " --" in f" {node.value}":
                    offending.append(f"{path.relative_to(ROOT)}:{call.lineno}: {node.value!r}")
    assert not offending
