"""Neo4j Browser for real: the seeds build loaded with the project's loader into the Neo4j test
server, Browser (5.24, served by that server at /browser/) driven in headless chromium as a user
drives it (tests/js/neo4j_browser.mjs), and what the user sees checked: the style applied the two
ways queries/README.md gives, the parameters set by the query header's `:param` line as the
declared types, the neighbours query's rows in Browser's table equal to its Python twin's, and its
picture (queries/browser/neighbours.cypher) drawn with one node per row, Chinese names as
captions, the style's colour for each type and its size for each label.

`make screenshot` runs this test with KG_BROWSER_SCREENSHOT=docs/neo4j-browser.png: the picture in
the README is the one this test looked at.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

import kg
from kg.neo4j.schema import LABEL_COLORS
from queries.library import QUERIES, QUERY_DIR
from tests.jstools import JS
from tests.test_queries import parse_grass

PICTURE = QUERY_DIR / "browser" / "neighbours.cypher"
STYLE = QUERY_DIR / "style.grass"
SCREENSHOT_ENV = "KG_BROWSER_SCREENSHOT"
LOOPBACK = ("127.0.0.1", "localhost", "[::1]")


def statement(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("//"))


def browser_line(text: str) -> str:
    return next(line for line in text.splitlines() if line.startswith("// browser: "))[len("// browser: "):]


def cjk_font() -> bool:
    """Whether fontconfig (which chromium uses) has a font for Chinese."""
    if shutil.which("fc-list") is None:
        return False
    done = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True, timeout=60)
    return bool(done.stdout.strip())


def test_the_picture_query_asks_what_neighbours_asks():
    """Same header parameters and defaults, same MATCH, WHERE, ORDER BY and LIMIT as
    queries/neighbours.cypher; it returns the nodes and the relationship instead of the rows."""
    table = QUERIES["neighbours"].cypher
    picture = PICTURE.read_text(encoding="utf-8")
    assert browser_line(picture) == browser_line(table)
    assert re.search(r"^// params: (.*)$", picture, re.M).group(1) == re.search(r"^// params: (.*)$", table, re.M).group(1)
    rows = statement(table).splitlines()
    drawn = statement(picture).splitlines()
    assert drawn[:4] == rows[:4]  # the two MATCH and WHERE
    order = next(line for line in rows if line.startswith("ORDER BY"))
    # the same order, on the expressions the table's columns are made of
    assert next(line for line in drawn if line.startswith("ORDER BY")) == (
        order.replace("npmi DESC", "round(r.npmi, 6) DESC").replace("count DESC", "r.count DESC")
        .replace(", name,", ", n.name,"))
    assert drawn[-2:] == ["LIMIT $limit", "RETURN c, r, n"] and rows[-1] == "LIMIT $limit"


@pytest.fixture(scope="module")
def browser_seen(neo4j_server, seeds_build, chromium, tmp_path_factory):
    """The seeds loaded with the project's loader, then Browser driven over them: what it saw."""
    from kg.neo4j.load import load_folder

    if not cjk_font():
        pytest.fail("no Chinese font for chromium (fc-list :lang=zh is empty): `make test-tools` installs "
                    "fonts-noto-cjk (Debian); without one the captions are drawn as boxes")
    neo4j_server.reset()
    load_folder(seeds_build.out, uri=neo4j_server.uri, user=neo4j_server.user, password=neo4j_server.password,
                database=neo4j_server.database)
    shot = Path(os.environ.get(SCREENSHOT_ENV) or tmp_path_factory.mktemp("browser") / "neo4j-browser.png").resolve()
    shot.parent.mkdir(parents=True, exist_ok=True)
    table = QUERIES["neighbours"].cypher
    job = {"url": neo4j_server.browser_url, "password": neo4j_server.password, "grass": STYLE.read_text(encoding="utf-8"),
           "params": browser_line(table), "table": table, "picture": PICTURE.read_text(encoding="utf-8"),
           "screenshot": str(shot)}
    done = subprocess.run(["node", str(JS / "neo4j_browser.mjs")], input=json.dumps(job), capture_output=True,
                          text=True, timeout=600, cwd=JS)
    assert done.returncode == 0, done.stderr[-3000:]
    assert neo4j_server.password not in done.stdout + done.stderr
    seen = json.loads(done.stdout)
    assert seen["error"] is None, seen["error"]
    return seen, shot


@pytest.fixture(scope="module")
def expected(seeds_build) -> list[dict]:
    return QUERIES["neighbours"].run_python(kg.load(seeds_build.out))


def test_browser_connects_and_nothing_leaves_the_machine(browser_seen):
    seen, _ = browser_seen
    assert seen["connected"] and not seen["page_errors"] and not seen["console_errors"]
    assert all(not re.match(rf"\w+://({'|'.join(map(re.escape, LOOPBACK))})[:/]", url) for url in seen["blocked"])
    assert not seen["crashed"]


def test_the_dropped_style_is_browsers_style(browser_seen):
    """Dropping style.grass on the window gives Browser exactly the file's rules (and shows them)."""
    seen, _ = browser_seen
    assert seen["style_frame"]["command"] == ":style"
    ours = parse_grass(STYLE.read_text(encoding="utf-8"))
    assert seen["style_frame"]["selectors"] == list(ours)
    assert parse_grass(seen["style_frame"]["shown"].replace('"', "'")) == ours  # Browser shows captions in ""


def test_the_header_line_sets_typed_parameters(browser_seen):
    """`:params {limit: 10}` would give 10.0 (Browser reads it as JavaScript) and LIMIT refuses a
    float; the header's `:param [...] => { RETURN ... }` line has Neo4j evaluate the values."""
    seen, _ = browser_seen
    assert json.loads(seen["params_frame"].split("\nSee", 1)[0]) == QUERIES["neighbours"].defaults
    assert '"limit": 10\n' in seen["params_frame"] and "10.0" not in seen["params_frame"]


def test_the_table_holds_the_twins_rows(browser_seen, expected):
    seen, _ = browser_seen
    assert seen["table_error"] is None
    header, *rows = seen["table"]
    assert header[1:] == list(QUERIES["neighbours"].columns)
    assert [json.loads(r[1]) for r in rows] == [e["name"] for e in expected]
    assert [json.loads(r[2]) for r in rows] == [e["type"] for e in expected]
    assert [int(r[3]) for r in rows] == [e["count"] for e in expected]
    assert [float(r[5]) for r in rows] == [e["npmi"] for e in expected]


def _check_drawing(drawing: dict, expected: list[dict]) -> None:
    """One node per row and the concept; each caption the node's Chinese name (Browser cuts a long
    one with "…"), never an id; the style's colour for each type, one colour per type; the style's
    size for each label."""
    style = parse_grass(STYLE.read_text(encoding="utf-8"))
    types = {"新质生产力": "Policy", **{e["name"]: e["type"] for e in expected}}
    nodes = drawing["nodes"]
    assert len(nodes) == len(types) == len(expected) + 1 and all(n["visible"] for n in nodes)
    matched = {}
    for node in nodes:
        caption = node["caption"]
        assert caption and not re.fullmatch(r"[a-z]{3}_[0-9a-f]{12}", caption), caption
        assert re.search(r"[\u4e00-\u9fff]", caption), caption  # Chinese characters
        shown = caption.removesuffix("…")
        names = [n for n in types if (n == shown if shown == caption else n.startswith(shown) and len(n) > len(shown))]
        assert len(names) == 1, (caption, names)
        matched[names[0]] = node
    assert set(matched) == set(types)
    colours = {}
    for name, node in matched.items():
        rule = style[f"node.{types[name]}"]
        assert node["fill"] == rule["color"].upper() == LABEL_COLORS[types[name]].upper(), name
        assert node["stroke"] == rule["border-color"].upper()
        assert node["r"] == int(rule["diameter"].removesuffix("px")) / 2
        colours.setdefault(types[name], set()).add(node["fill"])
    assert all(len(c) == 1 for c in colours.values())
    assert len({c for cs in colours.values() for c in cs}) == len(colours) > 1  # a colour per type
    assert drawing["relationships"] >= len(expected)  # Browser adds the CO_OCCURS among the neighbours
    # Browser shortens a caption to the length of its edge (CO_OCC…, CO_O… where the neighbours crowd in)
    captions = {c.removesuffix("…") for c in drawing["relationship_captions"]}
    assert captions and all(len(c) >= 2 and "CO_OCCURS".startswith(c) for c in captions), captions


def test_the_picture_shows_names_in_the_styles_colours(browser_seen, expected):
    seen, _ = browser_seen
    _check_drawing(seen["picture"], expected)
    assert "Displaying 11 nodes" in seen["overview"]


def test_pasting_the_style_after_colon_style_gives_the_same_picture(browser_seen, expected):
    """`:style reset` gives Browser's own colours (so the colours come from the file); `:style `
    followed by the file's text pasted into the editor gives the style's again."""
    seen, _ = browser_seen
    unstyled = {n["fill"] for n in seen["unstyled"]["nodes"]}
    assert not unstyled & {LABEL_COLORS[t].upper() for t in ("Policy", "Institution", "Event")}
    assert seen["pasted_style_frame"]["command_start"].startswith(":style node {")
    _check_drawing(seen["pasted"], expected)


def test_the_screenshot_is_saved(browser_seen):
    _, shot = browser_seen
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG") and len(data) > 20_000


def test_the_picture_query_passes_neo4js_parser(node):
    from tests.jstools import run_node
    from tests.test_queries import lint_schema

    text = PICTURE.read_text(encoding="utf-8")
    out = run_node("lint_queries.mjs", input=json.dumps({"schema": lint_schema(), "queries": [
        {"name": "picture", "text": text, "parameters": QUERIES["neighbours"].defaults}]}), timeout=300)
    assert out == [{"name": "picture", "diagnostics": []}]
