"""Families of entries generated from member lists: the lists' validation, what each family generates,
what its forms find in a sentence (and what they must not find), and how generated entries sit with the
shipped files."""
from __future__ import annotations

import shutil

import pytest

from extractors.errors import LexiconError
from extractors.families import (
    CITIES,
    FOREIGN_CATEGORY,
    MEMBER_LISTS,
    families_folder,
    family_entries,
    load_members,
    read_members,
    successions,
)
from extractors.lexicon import build_lexicon, builtin_entries
from extractors.records import LexiconEntry, entity_id
from tests.conftest import names


def found(extract, text, type_="Institution"):
    return names(extract(text), type_)


@pytest.fixture(scope="module")
def generated():
    return family_entries()


@pytest.fixture()
def lists(tmp_path):
    """A copy of the shipped member lists to break."""
    folder = tmp_path / "families"
    shutil.copytree(families_folder(), folder)
    return folder


def append(folder, name, row):
    with open(folder / name, "a", encoding="utf-8") as fh:
        fh.write(row + "\n")


# --- the member lists --------------------------------------------------------------------------------

def test_every_member_list_is_shipped_and_valid():
    members = load_members()
    assert set(members) == set(MEMBER_LISTS)
    assert len(members["provinces.tsv"]) == 34
    assert len(members["cities.tsv"]) == 293
    assert sum(c["level"] == "sub-provincial" for c in members["cities.tsv"]) == 15
    assert len(members["parties.tsv"]) == 9
    assert len(members["countries.tsv"]) >= 150


@pytest.mark.parametrize(
    "row, reason",
    [
        ("杭州\t浙江\tcapital\tyes", "column 3 (level): 'capital'; expected sub-provincial or prefecture"),
        ("杭州\t\tprefecture\tyes", "column 2 (province): empty; expected a value"),
        ("杭州\t浙江\tprefecture\tyes\textra", "expected at most 4 TAB-separated columns"),
        ("杭州\t浙江|江苏\tprefecture\tyes", "column 2 (province): '浙江|江苏' holds a '|'"),
    ],
)
def test_an_invalid_member_names_file_line_and_column(tmp_path, row, reason):
    p = tmp_path / "cities.tsv"
    p.write_text("# header\n" + row + "\n", encoding="utf-8")
    with pytest.raises(LexiconError) as exc:
        read_members(p, CITIES)
    assert f"{p}:2: " in str(exc.value) and reason in str(exc.value)


@pytest.mark.parametrize(
    "name, row, reason",
    [
        ("cities.tsv", "苏州\t苏南\tprefecture\tyes", "province '苏南' is not a member of provinces.tsv"),
        ("countries.tsv", "瑙鲁\t-\t-\t瑙鲁\t-\t-", "column 4 (short): '瑙鲁'; expected one character"),
        ("foreign_named.tsv", "俄罗斯外交部大楼\t-\t俄罗斯\t大楼\t-", "column 4 (slot): '大楼'; expected one of"),
        ("foreign_named.tsv", "英国总统府\t-\t英国\t总统府\t-", "does not apply to 英国"),
        ("foreign_named.tsv", "美国第二央行\t-\t美国\t央行\t-", "美国 央行 is already taken by"),
        ("foreign_named.tsv", "某国外交部\t-\t某国\t外交部\t-", "'某国' is not a member of countries.tsv"),
        ("state_council.tsv", "某部\t某部\t-\tministry\tformer\t1998-\t-", "column 6 (years)"),
        ("state_council.tsv", "某部\t某部\t-\tministry\tcurrent\t1998-\t科技部", "a current body has no successor"),
    ],
)
def test_inconsistent_member_lists_fail_naming_the_row(lists, name, row, reason):
    append(lists, name, row)
    with pytest.raises(LexiconError) as exc:
        family_entries(lists)
    assert f"{lists / name}:" in str(exc.value) and reason in str(exc.value)


def test_every_successor_is_a_shipped_entry(lexicon):
    for former, successor, _ in successions(load_members()["state_council.tsv"]):
        entry = lexicon.lookup(successor)
        assert entry is not None and entry.name == successor and entry.type == "Institution", (former, successor)


# --- what the families generate ------------------------------------------------------------------------

def test_generation_is_deterministic_and_says_which_family_made_each_entry(generated):
    assert family_entries() == generated
    assert all("(family " in e.origin and e.category for e in generated)
    assert len({(e.type, e.name) for e in generated}) == len(generated)


def test_generated_entries_extend_the_shipped_lexicon(lexicon, generated):
    assert all(lexicon.lookup(e.name) is not None for e in generated)
    assert {e.origin.split(" (family ")[1].rstrip(")") for e in generated} == {
        "provincial-places", "provincial-organs", "city-places", "city-organs", "county-places", "county-organs",
        "democratic-parties",
        "congress-bodies", "state-council", "countries", "foreign-bodies", "foreign-named",
    }


def test_a_shipped_row_a_family_generates_fails_loudly_naming_both(generated):
    typed = LexiconEntry("杭州", "Place", ("杭州市",), "city", "place.tsv:99")
    with pytest.raises(LexiconError) as exc:
        build_lexicon([*generated, typed], merge=False)
    assert "Place '杭州' is listed twice" in str(exc.value)
    assert "place.tsv:99" in str(exc.value) and "cities.tsv" in str(exc.value)


def test_a_generated_form_claimed_by_a_shipped_row_is_a_conflict():
    clash = LexiconEntry("浙江省委员会", "Institution", ("浙江省委",), "x", "institution.tsv:5")
    with pytest.raises(LexiconError) as exc:
        build_lexicon([*builtin_entries(), clash], merge=False)
    assert "'浙江省委' is claimed by" in str(exc.value) and "institution.tsv:5" in str(exc.value)


@pytest.mark.parametrize(
    "form, name, category",
    [
        ("浙江省委", "中共浙江省委员会", "provincial-party-committee"),
        ("中共浙江省委", "中共浙江省委员会", "provincial-party-committee"),
        ("北京市委", "中共北京市委员会", "provincial-party-committee"),
        ("内蒙古自治区党委", "中共内蒙古自治区委员会", "provincial-party-committee"),
        ("浙江省政府", "浙江省人民政府", "provincial-government"),
        ("湖北省人大常委会", "湖北省人民代表大会常务委员会", "provincial-congress-standing-committee"),
        ("广东省人大", "广东省人民代表大会", "provincial-congress"),
        ("政协广东省委员会", "中国人民政治协商会议广东省委员会", "provincial-cppcc"),
        ("广东省政协", "中国人民政治协商会议广东省委员会", "provincial-cppcc"),
        ("四川省纪委", "中共四川省纪律检查委员会", "provincial-discipline-commission"),
        ("四川省监委", "四川省监察委员会", "provincial-supervision-commission"),
        ("香港特区政府", "香港特别行政区政府", "sar-government"),
        ("杭州市委", "中共杭州市委员会", "city-party-committee"),
        ("深圳市政府", "深圳市人民政府", "city-government"),
        ("来宾市政协", "中国人民政治协商会议来宾市委员会", "city-cppcc"),
        ("安吉县委", "中共安吉县委员会", "county-party-committee"),
        ("中共江宁区委", "中共江宁区委员会", "county-party-committee"),
        ("大通县委", "中共大通回族土族自治县委员会", "county-party-committee"),
        ("甘孜州委", "中共甘孜藏族自治州委员会", "county-party-committee"),
        ("阿克苏地委", "中共阿克苏地区委员会", "county-party-committee"),
        ("兴安盟委", "中共兴安盟委员会", "county-party-committee"),
        ("郧阳区政府", "郧阳区人民政府", "county-government"),
        ("甘孜州人民政府", "甘孜藏族自治州人民政府", "county-government"),
        ("阿克苏地区行署", "阿克苏地区行政公署", "county-government"),
        ("正定县政协", "中国人民政治协商会议正定县委员会", "county-cppcc"),
        ("民盟中央", "中国民主同盟中央委员会", "democratic-party-central-committee"),
        ("农工党中央", "中国农工民主党中央委员会", "democratic-party-central-committee"),
        ("致公党", "中国致公党", "democratic-party"),
        ("全国工商联", "中华全国工商业联合会", "mass-organisation"),
        ("全国人大财经委", "全国人大财政经济委员会", "npc-committee"),
        ("全国人民代表大会宪法和法律委员会", "全国人大宪法和法律委员会", "npc-committee"),
        ("全国人大常委会办公厅", "全国人大常委会办公厅", "npcsc-body"),
        ("全国政协教科卫体委", "全国政协教科卫体委员会", "cppcc-body"),
        ("中华人民共和国科学技术部", "科技部", "ministry"),
        ("国家科委", "国家科学技术委员会", "ministry-historical"),
        ("国家卫计委", "国家卫生和计划生育委员会", "ministry-historical"),
        ("国家环保总局", "国家环境保护总局", "agency-historical"),
        ("俄国防部", "俄罗斯国防部", FOREIGN_CATEGORY),
        ("美国务院", "美国国务院", FOREIGN_CATEGORY),
        ("美央行", "美国联邦储备系统", FOREIGN_CATEGORY),
        ("日本国防部", "日本防卫省", FOREIGN_CATEGORY),
        ("法国总统府", "爱丽舍宫", FOREIGN_CATEGORY),
    ],
)
def test_generated_forms_name_their_entity(lexicon, form, name, category):
    entry = lexicon.lookup(form)
    assert (entry.name, entry.category) == (name, category)


def test_the_sars_and_taiwan_take_their_own_organs(lexicon):
    assert lexicon.lookup("香港立法会").name == "香港特别行政区立法会"
    for missing in ("中共香港特别行政区委员会", "台湾省委", "台湾省人民政府"):
        assert lexicon.lookup(missing) is None


@pytest.mark.parametrize("bare, full", [("杭州", "杭州市"), ("来宾市", "来宾市"), ("长治市", "长治市"), ("吉林市", "吉林市")])
def test_a_city_is_a_place_under_its_bare_name_only_where_that_is_no_ordinary_word(lexicon, bare, full):
    entry = lexicon.lookup(full)
    assert (entry.type, entry.name) == ("Place", bare)


@pytest.mark.parametrize("word", ["来宾", "长治", "白银", "新乡"])
def test_a_city_name_that_is_an_ordinary_word_is_no_place(lexicon, word):
    assert lexicon.lookup(word) is None


def test_a_former_name_is_its_own_entity_never_its_successors_alias(lexicon):
    former, current = lexicon.lookup("卫生部"), lexicon.lookup("国家卫生健康委")
    assert former.id != current.id and former.id == entity_id("Institution", "卫生部")
    assert lexicon.lookup("国家计委").name == "国家计划委员会"
    assert lexicon.lookup("国家发展计划委员会").name == "国家发展计划委员会"
    assert lexicon.lookup("国家发改委").name == "国家发展改革委"


# --- in sentences ------------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text, institution",
    [
        ("浙江省委书记主持召开会议。", "中共浙江省委员会"),
        ("杭州市委、杭州市政府联合印发通知。", "中共杭州市委员会"),
        ("杭州市委、杭州市政府联合印发通知。", "杭州市人民政府"),
        ("安吉县委书记张某说，", "中共安吉县委员会"),
        ("黔西南州委书记杨永英主持会议。", "中共黔西南布依族苗族自治州委员会"),
        ("准格尔旗委书记出席。", "中共准格尔旗委员会"),
        ("广西壮族自治区党委召开常委会会议。", "中共广西壮族自治区委员会"),
        ("民革中央、民盟中央负责人出席。", "中国国民党革命委员会中央委员会"),
        ("九三学社中央主席出席。", "九三学社中央委员会"),
        ("全国人大财经委召开全体会议。", "全国人大财政经济委员会"),
        ("1998年，国家科委更名为科学技术部。", "国家科学技术委员会"),
        ("俄罗斯国防部发布消息称。", "俄罗斯国防部"),
        ("俄国防部表示将继续行动。", "俄罗斯国防部"),
        ("美国务院发言人表示。", "美国国务院"),
        ("英国国家统计局公布数据。", "英国国家统计局"),
        ("韩国进出口银行行长表示。", "韩国进出口银行"),
        ("美联储宣布加息，日本央行维持利率不变。", "日本银行"),
    ],
)
def test_generated_forms_are_found_in_a_sentence(extract, text, institution):
    assert institution in found(extract, text)


@pytest.mark.parametrize(
    "text, chinese",
    [
        ("俄罗斯国防部发布消息称。", "国防部"),
        ("俄国防部表示。", "国防部"),
        ("美国国务院发言人表示。", "国务院"),
        ("美国务院发言人表示。", "国务院"),
        ("英国国家统计局公布数据。", "国家统计局"),
        ("俄央行宣布下调关键利率。", "中国人民银行"),
        ("美国司法部提起诉讼。", "司法部"),
        ("巴西卫生部通报疫情。", "卫生部"),
        ("古巴公共卫生部表示。", "卫生部"),
        ("美国进出口银行宣布提供贷款。", "中国进出口银行"),
    ],
)
def test_a_foreign_body_is_never_the_chinese_one_its_name_contains(extract, text, chinese):
    assert chinese not in found(extract, text)


@pytest.mark.parametrize(
    "text, institution",
    [
        ("国防部新闻发言人答记者问。", "国防部"),
        ("国务院印发通知。", "国务院"),
        ("国家统计局发布数据。", "国家统计局"),
        ("10日央行开展逆回购操作。", "中国人民银行"),
    ],
)
def test_the_chinese_body_alone_is_still_found(extract, text, institution):
    assert found(extract, text) == {institution}


@pytest.mark.parametrize(
    "text, absent",
    [
        ("浙江省委托第三方开展评估。", "中共浙江省委员会"),
        ("杭州市委托专业机构评估。", "中共杭州市委员会"),
        ("推动人民革命事业。", "中国国民党革命委员会"),
        ("支持村民建房。", "中国民主建国会"),
        ("市民进入园区参观。", "中国民主促进会"),
        ("民进党当局阻挠两岸交流。", "中国民主促进会"),
        ("3日政府发布通告。", "日本政府"),
        ("以政府名义发布。", "以色列政府"),
        ("集团公司建设部署会召开。", "建设部"),
        ("韩国会愿加强同中方的友好交流。", "韩国国会"),
        ("美国会继续推进相关政策。", "美国国会"),
    ],
)
def test_a_generated_form_is_not_found_inside_an_ordinary_word(extract, text, absent):
    assert absent not in found(extract, text)


@pytest.mark.parametrize(
    "text, place",
    [
        ("习近平来到河北省阜平县骆驼湾村看望困难群众。", "阜平县"),
        ("北京市门头沟区、房山区受灾严重。", "门头沟区"),
        ("浙江安吉县余村践行绿水青山就是金山银山理念。", "安吉县"),
        ("四川甘孜州泸定县发生6.8级地震。", "甘孜"),  # a prefecture known by its bare name is named so
        ("青海大通县推进乡村振兴。", "大通回族土族自治县"),
        ("内蒙古伊金霍洛旗加快煤炭清洁利用。", "伊金霍洛旗"),
        ("新疆阿克苏地区的苹果丰收了。", "阿克苏"),
        ("游客在西双版纳感受热带风情。", "西双版纳"),
        ("新疆和田的红枣丰收。", "和田"),
        ("内蒙古兴安盟扎赉特旗受灾。", "兴安盟"),  # no bare name listed: the full name
        ("云南西双版纳傣族自治州的热带雨林。", "西双版纳"),
    ],
)
def test_a_county_level_unit_is_a_place_under_its_name(extract, text, place):
    assert place in found(extract, text, "Place")


@pytest.mark.parametrize(
    "text, absent",
    [
        ("城区和郊区的矿区都要治理。", {"城区", "郊区", "矿区"}),  # generic names of a few districts
        ("推进新城区建设，改造老城区。", {"新城区", "老城区"}),
        ("全县和县域经济都在发展。", {"和县"}),  # one character and a suffix: not listed
        ("东方市场繁荣，货源充足。", {"东方市"}),  # a county-level city inside an ordinary word
        ("红河水位上涨，海西地区降雨。", {"红河哈尼族彝族自治州", "海西蒙古族藏族自治州"}),  # bare names left out
    ],
)
def test_generic_and_one_character_county_names_are_no_place(extract, text, absent):
    assert not absent & found(extract, text, "Place")


@pytest.mark.parametrize("text, name", [
    ("浙江省军区司令员出席。", "浙江省军区"),  # a province's: its full name
    ("新疆军区某边防团官兵。", "新疆军区"),  # an autonomous region's: its short name
    ("北京卫戍区组织演练。", "北京卫戍区"),
    ("上海警备区开展训练。", "上海警备区"),
])
def test_each_province_has_its_military_district(extract, text, name):
    assert name in found(extract, text, "Institution")


@pytest.mark.parametrize("text, name", [
    ("美国海军驱逐舰驶过。", "美国海军"),
    ("俄罗斯空军战机升空。", "俄罗斯空军"),
    ("美海军称。", "美国海军"),
])
def test_another_countrys_armed_service_is_its_own(extract, text, name):
    assert name in found(extract, text, "Institution")
