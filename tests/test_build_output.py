"""The output folder as a whole: replaced in one piece, stamped, the same however the work was split."""
from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from extractors.errors import KgError
from extractors.reading import BUILD_STAMP
from kg.build import BuildOptions, build
from kg.folder import read_folder
from tests.conftest import SEEDS

XWLB = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "xwlb"
needs_corpus = pytest.mark.skipif(not XWLB.is_dir(), reason="../shared/corpus/xwlb is not there")


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` (hidden ones too) with its SHA-256."""
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def days(tmp_path: Path, n: int, start: int = 0) -> Path:
    folder = tmp_path / f"days{start}-{n}"
    folder.mkdir()
    for f in sorted(XWLB.glob("*.md"))[start:start + n]:
        shutil.copy(f, folder / f.name)
    return folder


# --- the same output, however the work is split ----------------------------------------------------------

def test_merging_partial_corpora_equals_adding_every_document(lexicon):
    from extractors.documents import iter_documents
    from kg.analysis import analyse_document
    from kg.corpus import Corpus

    results = [analyse_document(d, lexicon) for d in iter_documents([SEEDS])]
    results += results[:2]  # the same entities and pairs again: merged counts, evidence and documents
    one = Corpus()
    for r in results:
        one.add(r)
    rng = random.Random(7)
    for _ in range(5):
        cuts = sorted(rng.sample(range(1, len(results)), 2))
        parts = [results[:cuts[0]], results[cuts[0]:cuts[1]], results[cuts[1]:]]
        merged = Corpus()
        for part in parts:
            c = Corpus()
            for r in part:
                c.add(r)
            merged.merge(c)
        assert merged.documents == one.documents
        assert merged.entities == one.entities and list(merged.entities) == list(one.entities)
        assert merged.pairs == one.pairs and list(merged.pairs) == list(one.pairs)
        assert merged.typed == one.typed and list(merged.typed) == list(one.typed)
        assert merged.units == one.units
        assert merged.mention_count_arrays() == one.mention_count_arrays()


@needs_corpus
def test_one_worker_two_workers_and_small_batches_write_the_same_bytes(tmp_path, lexicon, monkeypatch):
    corpus = days(tmp_path, 40)
    build([corpus], tmp_path / "a" / "out", lexicon, BuildOptions(workers=1))
    build([corpus], tmp_path / "b" / "out", lexicon, BuildOptions(workers=2))
    import kg.mapreduce

    monkeypatch.setattr(kg.mapreduce, "BATCH_DOCUMENTS", 3)
    build([corpus], tmp_path / "c" / "out", lexicon, BuildOptions(workers=2))
    a = snapshot(tmp_path / "a" / "out")
    assert a == snapshot(tmp_path / "b" / "out") == snapshot(tmp_path / "c" / "out")


# --- the stamp -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("processes", [1, 2, 3])
def test_the_output_jobs_each_run_once_however_many_processes_share_them(tmp_path, processes):
    from kg.build import _in_parallel

    def job(i):
        def write():
            time.sleep(0.2)
            with open(tmp_path / f"job{i}", "a") as fh:
                fh.write(f"{os.getpid()}\n")
        return write

    _in_parallel([job(i) for i in range(5)], processes=processes)
    runs = {i: (tmp_path / f"job{i}").read_text().split() for i in range(5)}
    assert all(len(pids) == 1 for pids in runs.values())
    used = {pid for pids in runs.values() for pid in pids}
    assert str(os.getpid()) in used  # this process takes jobs too
    assert (len(used) > 1) == (processes > 1)


def test_an_error_in_any_output_job_fails_the_build_with_its_message(tmp_path):
    from kg.build import _in_parallel
    from kg.files import ExportError

    def fails():
        raise OSError("disk full while writing graph.gexf")

    for position in range(3):
        jobs = [lambda: None, lambda: None]
        jobs.insert(position, fails)
        with pytest.raises(ExportError, match="disk full while writing graph.gexf"):
            _in_parallel(jobs, processes=2)


def test_communities_do_not_depend_on_the_hash_seed(tmp_path):
    """Louvain runs on the entities with edges only; built from the seeds under two hash seeds, the
    communities (and every other file) are the same bytes."""
    outs = []
    for seed in ("1", "2"):
        out = tmp_path / "out"
        shutil.rmtree(out, ignore_errors=True)
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run([sys.executable, "-m", "kg.cli", "build", str(SEEDS), "-o", str(out), "--quiet"],
                              env=env, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        outs.append(snapshot(out))
    assert outs[0] == outs[1]
    entities = (tmp_path / "out" / "entities.csv").read_text(encoding="utf-8-sig").splitlines()
    assert len({line.split(",")[-5] for line in entities[1:]}) > 3  # several communities, not one


def test_the_stamp_lists_every_file_with_its_size_and_checksum(seeds_out):
    stamp = json.loads((seeds_out / BUILD_STAMP).read_text(encoding="utf-8"))
    files = {p.relative_to(seeds_out).as_posix() for p in seeds_out.rglob("*") if p.is_file() and p.name != BUILD_STAMP}
    assert set(stamp["files"]) == files
    for name, info in stamp["files"].items():
        data = (seeds_out / name).read_bytes()
        assert info == {"bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()}
    assert stamp["documents"] == 5 and stamp["options"]["window"] == "sentence"
    assert str(seeds_out) not in json.dumps(stamp)  # nothing that differs between two builds of the same input


def test_a_folder_mixing_two_builds_is_refused(tmp_path, lexicon):
    seeds = sorted(SEEDS.iterdir())
    a = build(seeds[:3], tmp_path / "a", lexicon).out
    b = build(seeds[2:], tmp_path / "b", lexicon).out
    read_folder(a)  # as built: read
    shutil.copy(b / "entities.csv", a / "entities.csv")
    with pytest.raises(KgError, match=r"entities\.csv: changed since the build .* mixes builds"):
        read_folder(a)
    import kg

    with pytest.raises(KgError, match=r"entities\.csv: changed since the build"):
        kg.load(a)
    from kg.neo4j.rows import read_folder as read_rows

    with pytest.raises(KgError, match=r"entities\.csv: changed since the build"):
        read_rows(a)
    (a / BUILD_STAMP).unlink()
    with pytest.raises(KgError, match="no kg-build.json"):
        kg.load(a)


# --- replaced whole, or not at all -----------------------------------------------------------------------

def test_a_failed_build_leaves_the_previous_output_as_it_was(tmp_path, lexicon, monkeypatch):
    out = tmp_path / "out"
    build([SEEDS], out, lexicon)
    before = snapshot(out)
    import kg.build

    def broken(*args, **kwargs):
        raise KeyboardInterrupt  # as Ctrl-C in the middle of writing

    monkeypatch.setattr(kg.build, "write_gexf", broken)
    with pytest.raises(KeyboardInterrupt):
        build(sorted(SEEDS.iterdir())[:2], out, lexicon)
    assert snapshot(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]  # no staging folder or temporary file left


def test_a_folder_with_other_files_is_not_replaced(tmp_path, lexicon):
    out = tmp_path / "mine"
    out.mkdir()
    (out / "notes.docx").write_bytes(b"my own notes")
    with pytest.raises(KgError, match="holds files that were not written by this tool"):
        build([SEEDS], out, lexicon)
    assert [p.name for p in out.iterdir()] == ["notes.docx"]


def test_a_second_build_into_the_corpus_folder_does_not_read_its_own_output(tmp_path, lexicon):
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    first = build([corpus], corpus / "out", lexicon)
    second = build([corpus], corpus / "out", lexicon)
    assert len(first.corpus.documents) == len(second.corpus.documents) == 5
    assert not [e for e in second.skipped if "out" in str(e)]  # not even named: it is ours


@needs_corpus
def test_ctrl_c_during_a_rebuild_leaves_the_previous_output_intact(tmp_path):
    corpus = days(tmp_path, 120)
    out = tmp_path / "out"
    kg_cmd = [sys.executable, "-m", "kg.cli", "build", str(corpus), "-o", str(out), "--quiet"]
    subprocess.run(kg_cmd, check=True, capture_output=True)
    before = snapshot(out)
    for workers in ("1", "2"):
        proc = subprocess.Popen([*kg_cmd, "--workers", workers], stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 60
        while not list(tmp_path.glob(".out.staging-*")) and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(1.0)
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=60)
        assert proc.returncode == 130, err
        assert "Interrupted" in err and "Traceback" not in err
        assert snapshot(out) == before
        assert sorted(p.name for p in tmp_path.iterdir()) == ["days0-120", "out"]


def test_staged_folder_swaps_and_cleans_up(tmp_path):
    from kg.files import staged_folder

    target = tmp_path / "t"
    with staged_folder(target) as s:
        (s / "a.txt").write_text("1")
    assert (target / "a.txt").read_text() == "1"
    with staged_folder(target) as s:
        (s / "b.txt").write_text("2")
    assert sorted(p.name for p in target.iterdir()) == ["b.txt"]
    with pytest.raises(RuntimeError):
        with staged_folder(target) as s:
            (s / "c.txt").write_text("3")
            raise RuntimeError("boom")
    assert sorted(p.name for p in target.iterdir()) == ["b.txt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["t"]
    assert oct(os.stat(target).st_mode & 0o777) != oct(0o700)  # not the private mode of a temporary folder
