"""Running the Node tools in tests/js (installed by `make test-tools`, which `make test` runs)."""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

JS = Path(__file__).resolve().parent / "js"


def node_available() -> None:
    if shutil.which("node") is None:
        raise RuntimeError("node is not installed; `make test` installs what the tests need")
    if not (JS / "node_modules").is_dir():
        raise RuntimeError(f"{JS}/node_modules is missing; run `make test-tools` (make test does)")


def run_node(script: str, *args: str, input: str | None = None, timeout: int = 120) -> dict | list:
    """Run tests/js/<script> with args; it prints one JSON document on stdout."""
    node_available()
    proc = subprocess.run(
        ["node", str(JS / script), *args], input=input, capture_output=True, text=True, timeout=timeout, cwd=JS
    )
    if proc.returncode != 0:
        raise AssertionError(f"node {script} failed ({proc.returncode}):\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout)
