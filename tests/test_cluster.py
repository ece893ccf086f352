"""`kg build --scheduler`: the map and the reduce on a real Dask cluster (a scheduler and two worker
processes on loopback, started here as a user would start them), byte-identical to a local build."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.test_build_output import days, needs_corpus, snapshot

pytest.importorskip("distributed", reason="the cluster extra (dask[distributed]) is not installed")

BIN = Path(sys.executable).parent


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _stop(procs) -> None:
    for p in procs:
        if p.poll() is None:
            p.send_signal(signal.SIGINT)
    for p in procs:
        try:
            p.wait(timeout=20)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()


@pytest.fixture(scope="module")
def dask_cluster(tmp_path_factory):
    """``dask scheduler`` and two ``dask worker`` processes on 127.0.0.1; their address."""
    folder = tmp_path_factory.mktemp("dask")
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    env = {**os.environ, "DASK_DISTRIBUTED__WORKER__DAEMON": "False"}
    logs = [open(folder / f"{name}.log", "w") for name in ("scheduler", "worker1", "worker2")]
    procs = [subprocess.Popen([str(BIN / "dask"), "scheduler", "--host", "127.0.0.1", "--port", str(port),
                               "--no-dashboard"], stdout=logs[0], stderr=subprocess.STDOUT, env=env, cwd=folder)]
    try:
        for i in (1, 2):
            procs.append(subprocess.Popen(
                [str(BIN / "dask"), "worker", address, "--nworkers", "1", "--nthreads", "1", "--no-dashboard",
                 "--host", "127.0.0.1", "--local-directory", str(folder / f"w{i}")],
                stdout=logs[i], stderr=subprocess.STDOUT, env=env, cwd=folder))
        from distributed import Client

        deadline = time.monotonic() + 90
        while True:
            try:
                with Client(address, timeout="5s") as c:
                    c.wait_for_workers(2, timeout=60)
                    break
            except (OSError, TimeoutError):
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.5)
        yield address
    finally:
        _stop(procs[1:])
        _stop(procs[:1])
        for log in logs:
            log.close()


@needs_corpus
def test_a_build_on_the_cluster_is_byte_identical_to_a_local_build(tmp_path, dask_cluster):
    corpus = days(tmp_path, 30)
    kg = [str(BIN / "kg"), "build", str(corpus), "--quiet"]
    local = subprocess.run([*kg, "-o", str(tmp_path / "local" / "out")], capture_output=True, text=True)
    assert local.returncode == 0, local.stderr
    remote = subprocess.run([*kg, "-o", str(tmp_path / "remote" / "out"), "--scheduler", dask_cluster],
                            capture_output=True, text=True)
    assert remote.returncode == 0, remote.stderr
    assert snapshot(tmp_path / "local" / "out") == snapshot(tmp_path / "remote" / "out")


@needs_corpus
def test_unreadable_files_are_named_the_same_on_the_cluster(tmp_path, dask_cluster):
    corpus = days(tmp_path, 5)
    (corpus / "broken.pdf").write_bytes(b"%PDF-1.4 not really")
    kg = [str(BIN / "kg"), "build", str(corpus), "--quiet"]
    local = subprocess.run([*kg, "-o", str(tmp_path / "a" / "out")], capture_output=True, text=True)
    remote = subprocess.run([*kg, "-o", str(tmp_path / "b" / "out"), "--scheduler", dask_cluster],
                            capture_output=True, text=True)
    assert local.returncode == remote.returncode == 2
    assert "broken.pdf" in remote.stderr and remote.stderr == local.stderr


def test_an_unreachable_scheduler_is_one_line(tmp_path):
    r = subprocess.run([str(BIN / "kg"), "build", str(Path(__file__).parents[1] / "seeds"), "-o", str(tmp_path / "o"),
                        "--scheduler", f"tcp://127.0.0.1:{_free_port()}", "--quiet"], capture_output=True, text=True,
                       timeout=120)
    assert r.returncode == 1
    assert r.stderr.startswith("Error: cannot reach the Dask scheduler at tcp://127.0.0.1:") and "(option --scheduler)" in r.stderr
    assert "Traceback" not in r.stderr and not (tmp_path / "o").exists()


def test_workers_that_cannot_see_the_files_are_named(tmp_path, dask_cluster, monkeypatch):
    import kg.mapreduce
    from extractors.errors import KgError
    from extractors.lexicon import load_lexicon
    from kg.build import BuildOptions, build

    original = kg.mapreduce._check_workers
    # the workers are asked about a file only this test knows is not there (as a folder on a local disk)
    monkeypatch.setattr(kg.mapreduce, "_check_workers",
                        lambda client, scheduler, probe: original(client, scheduler, probe + ".not-there"))
    with pytest.raises(KgError, match=r"cannot see .*\.not-there: every worker must see the input files"):
        build([Path(__file__).parents[1] / "seeds"], tmp_path / "out", load_lexicon(), BuildOptions(scheduler=dask_cluster))
    assert not (tmp_path / "out").exists()
