"""kg.load: the notebook API, and the example notebook run end to end."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest

import kg
from extractors.errors import KgError, UnknownNameError

NOTEBOOK = Path(__file__).resolve().parent.parent / "queries" / "explore_seeds.ipynb"


@pytest.fixture(scope="module")
def g(seeds_build):
    return kg.load(seeds_build.out)


def test_tables_and_graph(g, seeds_build):
    assert len(g.entities) == seeds_build.graph.number_of_nodes()
    assert isinstance(g.graph, nx.Graph) and g.graph.number_of_edges() == seeds_build.graph.number_of_edges()
    assert {"CO_OCCURS", "HOLDS_POSITION"} <= set(g.relations["type"])
    assert len(g.mentions) == sum(d.mentions for d in seeds_build.corpus.documents)


def test_names_aliases_and_ids_resolve(g):
    assert g.id("科学技术部") == g.id("科技部") == g.id(g.id("科技部"))
    with pytest.raises(KgError, match="no entity"):
        g.id("不存在的实体")


@pytest.mark.parametrize("by", ["npmi", "count", "pmi", "jaccard", "llr"])
def test_neighbours_ranked_by_measure(g, by):
    n = g.neighbours("新质生产力", by=by, k=10)
    assert len(n) == 10 and list(n[by]) == sorted(n[by], reverse=True)
    assert "新质生产力" not in set(n["name"])


def test_ego_path_top(g):
    ego = g.ego("新质生产力")
    assert g.id("新质生产力") in ego and ego.number_of_nodes() > 5
    path = g.path("中医药", "高水平科技自立自强")
    assert list(path["name"])[0] == "中医药" and list(path["name"])[-1] == "高水平科技自立自强"
    top = g.top("Policy", k=5)
    assert list(top["name"])[0] == "新质生产力" and set(top["type"]) == {"Policy"}


def test_evidence_contains_both_names(g):
    ev = g.evidence("新质生产力", "高质量发展")
    assert len(ev) >= 1 and all("新质生产力" in t and "高质量发展" in t for t in ev["text"])


def test_mentions_by_document_in_date_order(g):
    t = g.mentions_by_document("新质生产力")
    dated = [d for d in t["date"] if d]
    assert dated == sorted(dated) and t["mentions"].sum() > 100


def test_communities_and_typed(g):
    c = g.communities()
    assert c["size"].is_monotonic_decreasing and c["size"].iloc[0] > 5
    t = g.typed("阴和俊")
    assert ("阴和俊", "HOLDS_POSITION", "科技部") in set(zip(t["source_name"], t["type"], t["target_name"]))


def test_common_neighbours(g):
    both = g.common_neighbours("新质生产力", "人工智能")
    assert len(both) > 0 and not {"新质生产力", "人工智能"} & set(both["name"])


def test_load_of_a_folder_that_is_not_a_build(tmp_path):
    with pytest.raises(KgError, match="kg build"):
        kg.load(tmp_path)


def run_notebook_in(folder: Path, notebook: Path, *, env: dict | None = None) -> dict:
    """Run ``notebook`` in a fresh Python process whose working directory is ``folder``, as a Jupyter
    kernel started there runs it (``sys.path[0]`` is that folder, not the repository): the output folder it
    read, its number of entities and what the first cell printed."""
    script = (
        "import json, sys\n"
        f"sys.path.append({str(Path(__file__).resolve().parent)!r})\n"
        "from nbrun import execute_notebook\n"
        f"ns, nb = execute_notebook({str(notebook)!r})\n"
        "printed = [''.join(o['text']) for o in nb['cells'][1]['outputs'] if o['output_type'] == 'stream']\n"
        "print(json.dumps({'out': str(ns['OUT']), 'entities': len(ns['g'].entities), 'printed': printed}))\n"
    )
    environ = {k: v for k, v in os.environ.items() if k != "KG_OUT"} | (env or {})
    proc = subprocess.run([sys.executable, "-c", script], cwd=folder, env=environ, capture_output=True, text=True,
                          timeout=300)
    assert proc.returncode == 0, proc.stderr[-4000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


def project_copy(root: Path, out: Path | None) -> Path:
    """A project folder as a user has it: pyproject.toml, seeds/, queries/ with the notebook, and out/
    (a link to ``out``) when given. The notebook copy is where Jupyter would start the kernel."""
    (root / "queries").mkdir(parents=True)
    shutil.copy(NOTEBOOK.parent.parent / "pyproject.toml", root / "pyproject.toml")
    (root / "seeds").symlink_to(NOTEBOOK.parent.parent / "seeds", target_is_directory=True)
    shutil.copy(NOTEBOOK, root / "queries" / NOTEBOOK.name)
    if out is not None:
        (root / "out").symlink_to(out, target_is_directory=True)
    return root / "queries" / NOTEBOOK.name


def test_example_notebook_runs_from_its_own_folder(seeds_build, tmp_path):
    """Jupyter starts the kernel in the notebook's folder (queries/): the notebook finds ../out."""
    notebook = project_copy(tmp_path / "project", seeds_build.out)
    found = run_notebook_in(notebook.parent, notebook)
    assert Path(found["out"]) == Path("..") / "out"
    assert found["entities"] == seeds_build.graph.number_of_nodes()
    assert not any("building" in line for line in found["printed"])


def test_example_notebook_builds_the_seeds_when_out_is_missing(seeds_build, tmp_path):
    notebook = project_copy(tmp_path / "project", None)
    found = run_notebook_in(notebook.parent, notebook)
    assert any("holds no build yet: building it from ../seeds" in line for line in found["printed"])
    assert (tmp_path / "project" / "out" / "graph.json").is_file()
    assert found["entities"] == seeds_build.graph.number_of_nodes()


def test_example_notebook_runs_from_the_repository_root_too(seeds_build, tmp_path):
    notebook = project_copy(tmp_path / "project", seeds_build.out)
    found = run_notebook_in(tmp_path / "project", notebook)
    assert Path(found["out"]) == Path("out")


def test_example_notebook_reads_kg_out_when_set(seeds_build, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    found = run_notebook_in(elsewhere, NOTEBOOK, env={"KG_OUT": str(seeds_build.out)})
    assert Path(found["out"]) == seeds_build.out


def test_an_unknown_name_suggests_the_nearest(g):
    with pytest.raises(UnknownNameError) as caught:
        g.neighbours("新质")
    assert caught.value.param == "entity" and caught.value.suggestions[0] == "新质生产力"
    assert str(caught.value).startswith("no entity is named '新质'; did you mean '新质生产力'")
    with pytest.raises(UnknownNameError) as caught:
        g.path("中医药", "新制生产力")
    assert caught.value.param == "b" and caught.value.suggestions[0] == "新质生产力"
    with pytest.raises(UnknownNameError) as caught:
        g.evidence("新質生產力", "高质量发展")
    assert caught.value.param == "a" and caught.value.suggestions[0] == "新质生产力"


@pytest.mark.parametrize("call,param,meant", [
    (lambda g: g.neighbours("新质生产力", type="policy"), "type", "Policy"),
    (lambda g: g.neighbours("新质生产力", by="NPMI"), "by", "npmi"),
    (lambda g: g.top("Policy", by="page_rank"), "by", "pagerank"),
    (lambda g: g.top("Institutions"), "type", "Institution"),
    (lambda g: g.typed(type="holds_position"), "type", "HOLDS_POSITION"),
])
def test_a_misspelt_choice_suggests_the_one_meant(g, call, param, meant):
    with pytest.raises(KgError, match=f"did you mean '{meant}'") as caught:
        call(g)
    assert caught.value.param == param
