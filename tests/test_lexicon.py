"""Lexicon files: the shipped lexicon, validation errors, merging, conflicts, and a user's overrides."""
from __future__ import annotations

import pytest

from extractors.errors import LexiconError
from extractors.lexicon import build_lexicon, check_lexicon_files, load_lexicon, parse_lexicon_file, read_lexicon_file
from extractors.records import ENTITY_TYPES, entity_id


def write(tmp_path, text, name="user.tsv"):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_shipped_lexicon_is_large_and_covers_every_type(lexicon):
    assert len(lexicon) >= 800
    per_type = {t: sum(1 for e in lexicon.entries if e.type == t) for t in ENTITY_TYPES}
    assert all(n >= 50 for n in per_type.values()), per_type


@pytest.mark.parametrize(
    "form, name, type_",
    [
        ("科技部", "科技部", "Institution"),
        ("科学技术部", "科技部", "Institution"),
        ("中华人民共和国科学技术部", "科技部", "Institution"),
        ("工业和信息化部", "工信部", "Institution"),
        ("二十届三中全会", "党的二十届三中全会", "Event"),
        ("中国共产党第二十届中央委员会第三次全体会议", "党的二十届三中全会", "Event"),
        ("科技金融体制", "科技金融", "Policy"),
    ],
)
def test_aliases_resolve_to_one_canonical_entry(lexicon, form, name, type_):
    entry = lexicon.lookup(form)
    assert (entry.name, entry.type) == (name, type_)


def test_ids_are_derived_from_type_and_name(lexicon):
    entry = lexicon.lookup("科技部")
    assert entry.id == entity_id("Institution", "科技部")


def test_row_format(tmp_path):
    p = write(tmp_path, "# comment\n\n新质生产力\tPolicy\t发展新质生产力|新质生产力发展\tconcept\n阴和俊\t人物\n")
    a, b = parse_lexicon_file(p)
    assert a.name == "新质生产力" and a.aliases == ("发展新质生产力", "新质生产力发展") and a.category == "concept"
    assert b.type == "Person" and b.aliases == ()
    assert a.origin == f"{p}:3"


@pytest.mark.parametrize(
    "row, reason",
    [
        ("新质生产力 Policy", "column 2 (type) is missing"),
        ("新质生产力 Policy", "TAB"),
        ("新质生产力\tConcept", "column 2 (type): unknown type 'Concept'; expected one of Person, Institution"),
        ("\tPolicy", "column 1 (name): empty canonical name"),
        ("新质生产力\tPolicy\t科技||金融", "column 3 (aliases): empty alias"),
        ("新质生产力\tPolicy\t新", "column 3 (aliases): '新' is shorter than two characters"),
        ("新\tPolicy", "column 1 (name): '新' is shorter than two characters"),
        ("a\tPolicy\tb\tc\td", "at most 4"),
    ],
)
def test_invalid_rows_name_file_line_and_reason(tmp_path, row, reason):
    p = write(tmp_path, "# header\n" + row + "\n")
    with pytest.raises(LexiconError) as exc:
        parse_lexicon_file(p)
    assert f"{p}:2:" in str(exc.value)
    assert reason in str(exc.value)


def test_every_invalid_row_of_a_file_is_reported_at_once(tmp_path):
    p = write(tmp_path, "新质生产力\tConcept\n科技金融\tPolicy\n数智融合\tIdea\n")
    entries, errors = read_lexicon_file(p)
    assert [e.name for e in entries] == ["科技金融"]
    assert [e.split(": ")[0] for e in errors] == [f"{p}:1", f"{p}:3"]
    with pytest.raises(LexiconError) as exc:
        parse_lexicon_file(p)
    assert f"{p}:1:" in str(exc.value) and f"{p}:3:" in str(exc.value)


def test_not_utf8_is_an_error(tmp_path):
    p = tmp_path / "gbk.tsv"
    p.write_bytes("新质生产力\tPolicy\n".encode("gbk"))
    with pytest.raises(LexiconError, match="UTF-8"):
        parse_lexicon_file(p)


def test_missing_file_is_an_error(tmp_path):
    with pytest.raises(LexiconError, match="cannot read"):
        parse_lexicon_file(tmp_path / "nope.tsv")


def test_same_entry_twice_is_merged(tmp_path):
    p = write(tmp_path, "科技金融\tPolicy\t科技金融体制\n科技金融\tPolicy\t科技金融服务体系\n")
    lex = build_lexicon(parse_lexicon_file(p))
    assert len(lex) == 1
    assert set(lex.entries[0].aliases) == {"科技金融体制", "科技金融服务体系"}


def test_two_entries_claiming_one_alias_is_a_conflict(tmp_path):
    p = write(tmp_path, "科技部\tInstitution\t科学技术部\n科学技术部门\tInstitution\t科学技术部\n")
    with pytest.raises(LexiconError) as exc:
        build_lexicon(parse_lexicon_file(p))
    msg = str(exc.value)
    assert "'科学技术部'" in msg and f"{p}:1" in msg and f"{p}:2" in msg


def test_two_user_rows_claiming_one_form_fail_naming_both(tmp_path):
    a = write(tmp_path, "科创金融\tPolicy\t科技金融\n", "a.tsv")
    b = write(tmp_path, "金融科技创新\tPolicy\t科技金融\n", "b.tsv")
    with pytest.raises(LexiconError) as exc:
        load_lexicon([a, b])
    assert f"{a}:1" in str(exc.value) and f"{b}:1" in str(exc.value) and exc.value.param == "paths"


# --- overriding the shipped lexicon -------------------------------------------------------------------

def test_a_user_row_claiming_a_builtin_canonical_name_replaces_that_entry(tmp_path, lexicon):
    p = write(tmp_path, "低空经济\tPolicy\t\tnew-economy\n")
    lex = load_lexicon([p])
    entry = lex.lookup("低空经济")
    assert (entry.type, entry.category, entry.origin) == ("Policy", "new-economy", f"{p}:1")
    assert not any(e.type == "Technology" and e.name == "低空经济" for e in lex.entries)
    assert len(lex) == len(lexicon)


def test_a_replacing_row_keeps_the_builtin_forms_it_does_not_list(tmp_path):
    p = write(tmp_path, "中华人民共和国科学技术部\tInstitution\t科技部\n")
    lex = load_lexicon([p])
    for form in ("科技部", "科学技术部", "中华人民共和国科学技术部"):
        assert lex.lookup(form).name == "中华人民共和国科学技术部"
    assert lex.lookup("科学技术部").category == "ministry"  # the user gave none: the built-in's stays
    assert not any(e.name == "科技部" for e in lex.entries)


def test_a_user_row_claiming_only_other_forms_takes_them_and_the_builtin_keeps_the_rest(tmp_path):
    p = write(tmp_path, "国家发展计划委员会\tInstitution\t国家计委\n")
    lex = load_lexicon([p])
    assert lex.lookup("国家计委").name == "国家发展计划委员会"
    kept = lex.lookup("国家计划委员会")
    assert kept.name == "国家计划委员会" and "国家计委" not in kept.aliases
    assert lex.lookup("中华人民共和国国家发展计划委员会").name == "国家发展计划委员会"


def test_a_user_row_claiming_two_builtin_names_merges_them(tmp_path):
    p = write(tmp_path, "国家计划委员会\tInstitution\t国家发展计划委员会\tplanning\n")
    lex = load_lexicon([p])
    merged = lex.lookup("国家发展计划委员会")
    assert merged.name == "国家计划委员会" and merged.category == "planning"
    assert {"国家计委", "中华人民共和国国家发展计划委员会"} <= set(merged.aliases)


def test_a_user_row_claiming_no_builtin_form_just_adds(tmp_path, lexicon):
    p = write(tmp_path, "东数西算二期工程\tPolicy\n")
    lex = load_lexicon([p])
    assert len(lex) == len(lexicon) + 1 and lex.lookup("东数西算").name == "东数西算"


def test_a_user_row_naming_a_generated_entry_overrides_it_too(tmp_path):
    p = write(tmp_path, "浙江省委\tInstitution\n")
    lex = load_lexicon([p])
    assert lex.lookup("浙江省委").name == "浙江省委"
    assert lex.lookup("中共浙江省委员会").name == "中共浙江省委员会"  # the built-in keeps its other forms


def test_user_lexicon_adds_entries(tmp_path):
    p = write(tmp_path, "东数西算工程\tPolicy\t东数西算二期\n")
    lex = load_lexicon([p], builtin=False)
    assert lex.lookup("东数西算二期").name == "东数西算工程"


def test_forms_with_layout_spaces_also_match_without(tmp_path):
    p = write(tmp_path, "长三角 G60 科创走廊\tPlace\n")
    lex = load_lexicon([p], builtin=False)
    assert lex.lookup("长三角G60科创走廊").name == "长三角 G60 科创走廊"


# --- checking a user's files ----------------------------------------------------------------------------

def test_check_reports_every_error_with_file_line_and_column(tmp_path):
    a = write(tmp_path, "新质生产力 Policy\n科创金融\tConcept\n", "a.tsv")
    b = write(tmp_path, "算力网\tTechnology\t算力||网络\n", "b.tsv")
    result = check_lexicon_files([a, b, tmp_path / "nope.tsv"])
    assert not result.ok
    assert [e.split(": ")[0] for e in result.errors] == [f"{a}:1", f"{a}:2", f"{b}:1", f"{tmp_path / 'nope.tsv'}"]
    assert "column 2 (type): unknown type 'Concept'" in result.errors[1]
    assert "column 3 (aliases): empty alias" in result.errors[2]
    assert "cannot read" in result.errors[3]
    assert result.report().endswith("FAILED")


def test_check_reports_conflicts_between_the_users_rows(tmp_path):
    p = write(tmp_path, "科创金融\tPolicy\t科技金融\n金融科技创新\tPolicy\t科技金融\n")
    result = check_lexicon_files([p])
    assert not result.ok and f"{p}:1" in result.errors[0] and f"{p}:2" in result.errors[0]


def test_check_lists_overrides_without_failing(tmp_path):
    p = write(tmp_path, "中华人民共和国科学技术部\tInstitution\t科技部\n国家发展计划委员会\tInstitution\t国家计委\n新词\tPolicy\n")
    result = check_lexicon_files([p])
    assert result.ok and result.entries == 3
    shown = [o.describe() for o in result.overrides]
    assert any(s.startswith(f"{p}:1: Institution '中华人民共和国科学技术部' replaces built-in Institution '科技部'")
               and "keeps its other forms 科学技术部" in s for s in shown)
    assert any(s.startswith(f"{p}:2: Institution '国家发展计划委员会' takes '国家计委' from built-in Institution '国家计划委员会'")
               for s in shown)
    assert result.report().endswith("OK")


def test_check_says_what_a_stoplist_stops(tmp_path):
    lex = write(tmp_path, "数智融合\tPolicy\n", "a.tsv")
    stop = write(tmp_path, "category:media-source\n央行\nform:央行\n无此名\ncategory:meida\n", "stop.txt")
    result = check_lexicon_files([lex], stoplists=[stop])
    assert result.errors == (f"{stop}:5: no lexicon entry has the category 'meida' (did you mean media?)",)
    assert result.stops[0].startswith(f"{stop}:1: stops the ") and "category 'media-source'" in result.stops[0]
    assert "Institution '中国人民银行' under all its forms" in result.stops[1]
    assert "the written form '央行'" in result.stops[2]
    assert "not in the lexicon" in result.stops[3]


@pytest.mark.parametrize(
    "text, expected, absent",
    [
        ("中央气象台预计，未来三天，江南、华南及西南地区阴雨。", {"江南", "华南地区"}, set()),
        ("长江、黄河流域水质持续改善，秦岭生态保护成效明显。", {"长江流域", "黄河流域", "秦岭"}, set()),
        ("刮起了西北风，西南风也不小。", set(), {"西北", "西南"}),  # a wind is not a region
        ("红海市场竞争激烈。", set(), {"红海"}),  # a saturated market, not the sea
        ("胡塞武装在红海袭击商船，红海航运受阻。", {"红海"}, set()),  # the sea of the 2023-24 news
        # a province or city and a place in it, which jieba's dictionary has as one word
        ("上海浦东的企业加快复工。", {"上海", "浦东新区"}, set()),
        ("在北京人民大会堂举行。", {"北京", "人民大会堂"}, set()),
        # a municipal district by its bare name after its city (the lexicon's own districts too)
        ("在上海闵行，新春灯会点亮夜空。", {"上海", "闵行区"}, set()),
        ("深圳宝安的企业订单饱满。", {"深圳", "宝安区"}, set()),
    ],
)
def test_geography_is_a_place_where_it_stands_as_a_word(text, expected, absent):
    from extractors.mentions import extract_mentions
    from extractors.records import Document

    found = {m.name for m in extract_mentions(Document(id="t", path="t", format="txt", text=text), load_lexicon())
             if m.type == "Place"}
    assert expected <= found and not (absent & found)


#: Compounds of jieba's dictionary that name one thing, not a place and a place or body in it: a former
#: country, publishers (人民出版社 is another one), the name Taiwan's teams compete under; and China's own
#: bodies written after 中国, where 中国 is part of the body's name (中国外交部), no place of its own.
_ONE_THING = {"捷克斯洛伐克", "捷克斯洛伐克共和国", "上海人民出版社", "河南人民出版社", "中国台北",
              "中国外交部", "中国卫生部", "中国国家旅游局", "中国解放军"}


def test_every_place_compound_of_jiebas_dictionary_is_no_boundary_word():
    """A word of jieba's dictionary that is a country, province or city and then a place or body the
    lexicon knows (上海浦东, 美国硅谷, 美国哈佛大学) would hide both; ``boundaries.NOT_WORDS`` must list
    every one but those that name one thing."""
    from pathlib import Path

    import jieba

    from extractors.boundaries import MIN_WORD_FREQ, NOT_WORDS
    from extractors.families import county_in, load_members

    lexicon = load_lexicon()
    types = {f: e.type for e in lexicon.entries for f in (e.name, *e.aliases)}
    members = load_members()
    big = ({p["name"] for p in members["provinces.tsv"]} | {c["name"] for c in members["cities.tsv"]}
           | {c["name"] for c in members["countries.tsv"]} | {"中国"})
    compounds = set()
    for line in (Path(jieba.__file__).parent / "dict.txt").read_text(encoding="utf-8").splitlines():
        word, freq = line.split(" ")[:2]
        if int(freq) >= MIN_WORD_FREQ and len(word) >= 4 and word not in types:
            compounds |= {word for k in (2, 3, 4) if word[:k] in big and len(word) - k >= 2
                          and (types.get(word[k:]) in ("Place", "Institution") or county_in(word[:k], word[k:]))}
    assert {"上海浦东", "美国硅谷", "美国哈佛大学"} <= compounds, "the check no longer finds what it is for"
    assert compounds - _ONE_THING <= NOT_WORDS, sorted(compounds - _ONE_THING - NOT_WORDS)


def test_every_verb_of_jiebas_dictionary_glued_to_a_place_is_no_boundary_word():
    """符合中国: a common verb of jieba's dictionary and then a place or body the lexicon knows would hide the
    place (符合中国国情); ``NOT_WORDS`` lists each."""
    from pathlib import Path

    import jieba

    from extractors.boundaries import MIN_WORD_FREQ, NOT_WORDS

    types = {f: e.type for e in load_lexicon().entries for f in (e.name, *e.aliases)}
    lines = (Path(jieba.__file__).parent / "dict.txt").read_text(encoding="utf-8").splitlines()
    words = {w: (int(f), t) for w, f, t in (line.split(" ")[:3] for line in lines)}
    glued = {w for w, (f, _) in words.items() if f >= MIN_WORD_FREQ and w not in types
             for k in range(2, len(w) - 1)
             if types.get(w[k:]) in ("Place", "Institution") and words.get(w[:k], (0, ""))[0] >= 1000
             and words[w[:k]][1].startswith("v")}
    assert "符合中国" in glued, "the check no longer finds what it is for"
    assert glued <= NOT_WORDS, sorted(glued - NOT_WORDS)


def test_every_place_of_jiebas_dictionary_glued_to_diqu_is_no_boundary_word():
    """中东地区, 北京地区: jieba's word would hide the place the lexicon knows; ``NOT_WORDS`` lists each."""
    from pathlib import Path

    import jieba

    from extractors.boundaries import MIN_WORD_FREQ, NOT_WORDS

    types = {f: e.type for e in load_lexicon().entries for f in (e.name, *e.aliases)}
    glued = set()
    for line in (Path(jieba.__file__).parent / "dict.txt").read_text(encoding="utf-8").splitlines():
        word, freq = line.split(" ")[:2]
        if int(freq) >= MIN_WORD_FREQ and word.endswith("地区") and word not in types and types.get(word[:-2]) == "Place":
            glued.add(word)
    assert "中东地区" in glued, "the check no longer finds what it is for"
    assert glued <= NOT_WORDS, sorted(glued - NOT_WORDS)


#: Words of jieba's dictionary that are a place and 市 but name another place: 南海市, the old county-level city of
#: Foshan, not the South China Sea.
_CITY_OF_ANOTHER_NAME = {"南海市"}


def test_every_city_of_jiebas_dictionary_written_with_shi_is_a_form_of_it():
    """纽约市, 莫斯科市: jieba's word would hide the city the lexicon knows by its bare name (纽约); each is a form of
    the city's entry (the Chinese cities' forms with 市 come from their family)."""
    from pathlib import Path

    import jieba

    from extractors.boundaries import MIN_WORD_FREQ

    types = {f: e.type for e in load_lexicon().entries for f in (e.name, *e.aliases)}
    hidden = set()
    for line in (Path(jieba.__file__).parent / "dict.txt").read_text(encoding="utf-8").splitlines():
        word, freq = line.split(" ")[:2]
        if int(freq) >= MIN_WORD_FREQ and word.endswith("市") and len(word) >= 3 and word not in types \
                and types.get(word[:-1]) == "Place":
            hidden.add(word)
    assert "南海市" in hidden, "the check no longer finds what it is for"
    assert hidden <= _CITY_OF_ANOTHER_NAME, sorted(hidden - _CITY_OF_ANOTHER_NAME)


#: Pairs that look like one body listed twice but are two: a chamber of foreign business in China and the
#: foreign chamber itself; the national committee and the committees of every level; a network and the national one;
#: the people's congresses of every level and the national one.
_TWO_BODIES = {("德国商会", "中国德国商会"), ("美国商会", "中国美国商会"),
               ("关心下一代工作委员会", "中国关心下一代工作委员会"), ("算力网络", "国家算力网络"),
               ("人民代表大会", "全国人民代表大会"),
               # a foreign country's body and China's (or another country's) of the same name
               ("国家电网", "乌克兰国家电网"), ("铁道部", "印度铁道部"), ("国家减灾委员会", "菲律宾国家减灾委员会"),
               ("国民警卫队", "乌克兰国民警卫队"), ("国民警卫队", "俄罗斯国民警卫队"), ("国民代表大会", "利比亚国民代表大会"),
               ("战略导弹部队", "俄罗斯战略导弹部队"), ("左翼党", "德国左翼党"), ("盖洛普", "韩国盖洛普")}


def test_no_body_company_or_document_is_listed_twice_under_a_short_and_a_full_name(lexicon):
    """One entity, one entry: a company's short name and its legal name (腾讯 / 腾讯控股有限公司), or a name with and
    without 中国, 全国, 国家 or a foreign body's country in front (邮政储蓄银行 / 中国邮政储蓄银行, 硅谷银行 / 美国硅谷银行),
    are forms of one entry, or the graph holds the same company twice and splits its mentions."""
    twice = []
    countries = {f for e in lexicon.entries if e.type == "Place" and e.category == "country" for f in (e.name, *e.aliases)}
    foreign_family = {e.name for e in lexicon.entries if e.category == "foreign-government"}
    for type_ in ("Institution", "Event", "Document", "Technology", "Place", "Policy"):
        names = {e.name for e in lexicon.entries if e.type == type_}
        for name in names:
            for prefix in ("中国", "中华人民共和国", "全国", "国家") if type_ != "Policy" else ():
                # (a policy with 国家 in front is often the national level of a kind: 国家制造业创新中心)
                if len(name) >= 3 and prefix + name in names and (name, prefix + name) not in _TWO_BODIES:
                    twice.append((name, prefix + name))
            if type_ != "Place" and name not in foreign_family:  # a foreign body with and without its country
                twice += [(name[k:], name) for k in range(2, min(len(name) - 1, 9)) if name[:k] in countries
                          and name[k:] in names and (name[k:], name) not in _TWO_BODIES]  # (美国硅谷银行 / 硅谷银行)
            if type_ == "Institution":
                for suffix in ("有限公司", "股份有限公司", "有限责任公司", "集团有限公司", "科技股份有限公司", "科技有限公司"):
                    if len(name) >= 2 and name + suffix in names:
                        twice.append((name, name + suffix))
    assert not twice, sorted(twice)


#: Short names that name one edition only: the host city or the season is in them (平昌冬奥会, 成都世乒赛).
_ONE_EDITION_NAMES = {"平昌冬奥会", "短道速滑世界杯盐湖城站", "卡塔尔世界杯", "成都世乒赛", "德班世乒赛", "中俄文化年"}


def test_a_series_short_name_is_no_form_of_one_edition(lexicon):
    """世界机器人博览会, 文博会, 乌镇峰会 name a series: as an alias of 2023世界机器人博览会 they would date every later
    year's fair to 2023 (a false fact in the graph). An edition's forms carry its edition (a year, 第N届, 首届)."""
    import re

    edition = re.compile(r"^(?:第[一二三四五六七八九十百]+届|首届|\d{4})")
    marked = re.compile(r"\d|第|首届|[一二三四五六七八九十]届")
    wrong = [(e.name, a) for e in lexicon.entries if e.type == "Event" and edition.match(e.name)
             for a in e.aliases if not marked.search(a) and a not in _ONE_EDITION_NAMES]
    assert not wrong, wrong
    series = {f: e.name for e in lexicon.entries for f in (e.name, *e.aliases)}
    assert series["文博会"] == "中国（深圳）国际文化产业博览交易会"
    assert series["乌镇峰会"] == "世界互联网大会"


#: People listed by a full name whose last part is another person's entry: two people of one family or one name.
_TWO_PEOPLE = {("穆罕默德·本·萨勒曼", "萨勒曼"), ("谢尔达尔·别尔德穆哈梅多夫", "别尔德穆哈梅多夫"),
               ("马欣达·拉贾帕克萨", "拉贾帕克萨"), ("廷·巴特尔", "巴特尔")}


def test_no_person_is_listed_twice_under_a_full_and_a_short_name(lexicon):
    """古斯塔沃·佩特罗 and 佩特罗 are one president: as two entries the graph splits his mentions (the news writes the
    short name, a title before it). A full name is a form of the short name's entry but for two people of one name."""
    people = {e.name for e in lexicon.entries if e.type == "Person"}
    twice = [(name, name.rsplit("·", 1)[1]) for name in people
             if "·" in name and name.rsplit("·", 1)[1] in people and (name, name.rsplit("·", 1)[1]) not in _TWO_PEOPLE]
    assert not twice, sorted(twice)


#: Chinese families' categories, whose X and X市 are two units (吉林 the province, 吉林市 the city; 大理 the
#: prefecture, 大理市 the county-level city in it).
_UNIT_CATEGORIES = {"province", "municipality", "autonomous-region", "sar", "city", "sub-provincial-city", "county",
                    "district", "county-city", "banner", "autonomous-county", "autonomous-banner", "autonomous-prefecture",
                    "prefecture-region", "league", "country"}


def test_no_foreign_city_is_listed_twice_with_and_without_shi(lexicon):
    """芝加哥 and 芝加哥市, 赫尔松 and 赫尔松市 are one city: as two entries the graph splits it (a country and a city of
    the same name, 哥伦比亚 and 哥伦比亚市, are two)."""
    places = {e.name: e for e in lexicon.entries if e.type == "Place"}
    twice = [(n, n + "市") for n, e in places.items() if n + "市" in places and e.category not in _UNIT_CATEGORIES
             and places[n + "市"].category not in _UNIT_CATEGORIES]
    assert not twice, sorted(twice)
