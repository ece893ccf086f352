"""Extraction: lexicon matching with word boundaries, each rule family, alias resolution, offsets."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractors.mentions import ExtractOptions, extract_mentions
from extractors.records import Document, entity_id
from tests.conftest import names


def found(mentions):
    return {(m.type, m.name) for m in mentions}


# --- word boundaries and longest match ---------------------------------------------------------

@pytest.mark.parametrize(
    "text, absent",
    [
        ("要加强科技部署，推动改革。", ("Institution", "科技部")),
        ("各级科技部门要抓好落实。", ("Institution", "科技部")),
        ("隆重庆祝建党一百周年。", ("Place", "重庆")),
        ("开发北大荒的历史。", ("Institution", "北京大学")),
        ("中国科学院院士张三出席。", ("Place", "中国")),
        ("国外EASTERN公司", ("Institution", "全超导托卡马克核聚变实验装置")),
    ],
)
def test_terms_inside_other_words_are_not_mentions(extract, text, absent):
    assert absent not in found(extract(text))


def test_term_standing_as_a_word_is_found(extract):
    assert ("Institution", "科技部") in found(extract("科技部印发了通知。"))


def test_longest_match_wins_and_nested_is_not_counted(extract):
    ms = extract("中国科学院和中国工程院的院士。")
    assert ("Institution", "中国科学院") in found(ms)
    assert ("Place", "中国") not in found(ms)
    assert len([m for m in ms if m.name == "中国科学院"]) == 1


def test_aliases_resolve_to_canonical_entity(extract):
    ms = extract("中华人民共和国科学技术部和科技部，还有科学技术部。")
    assert {m.name for m in ms} == {"科技部"}
    assert len({m.entity_id for m in ms}) == 1
    assert ms[0].entity_id == entity_id("Institution", "科技部")


def test_two_character_name_must_end_as_a_name(extract):
    assert ("Person", "李希") not in found(extract("文章李希义中共中央政治局常委、中央科技委员会主任丁薛祥强调。"))


def test_institution_followed_by_title_is_found(extract):
    assert ("Institution", "全国人民代表大会") in found(extract("张希全国人大代表、吉林大学校长。"))


# --- people ------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text, person",
    [
        ("国家中医药管理局局长余艳红此前也向媒体表示，", "余艳红"),
        ("急诊创伤救治中心主任王韬认为，中医药", "王韬"),
        ("广州中医药大学教授许能贵表示，", "许能贵"),
        ("天津大学精仪学院黄显教授介绍，", "黄显"),
        ("首篇刊发科技部党组书记、部长阴和俊同志的署名文章。", "阴和俊"),
        ("（来源：中国科技论坛，2025年第1期；作者：刘冬梅，中国科学技术发展战略研究院党委书记；杨洋，研究员）", "杨洋"),
        ("（来源：科技日报2025年1月27日第08版：作者高绍林系北京大学法律与人工智能研究中心专家顾问，黄鹤系南开大学创业研究中心兼职研究员）", "黄鹤"),
        ("推动国际科技创新中心建设\n◎许竹青、张淑慧\n以来，", "张淑慧"),
        ("人工智能可持续发展亟需全球协同治理\n杨娟、杜帅\n当人工智能", "杜帅"),
        ("张希全国人大代表、中国科学院院士、吉林大学校长高校是教育、科技、人才的关键交汇点。", "张希"),
        ("评荐：吴爱祥（中国工程院院士、学报主编）", "吴爱祥"),
        ("多年前与斯图尔特·罗素的对话，", "斯图尔特·罗素"),
        ("深度融合路径深度融合路径深度融合路径深度融合路径宋德雄党的二十届三中全会提出，", "宋德雄"),
        ("来自浙江大学的刘志远教授认为，", "刘志远"),  # after 的, before a title only a person bears
        ("如今，39岁的张舸已经成为总装的领军人物。", "张舸"),  # after an age
        ("今年58岁的王德福是村里的种粮大户。", "王德福"),
    ],
)
def test_person_rules_find(extract, text, person):
    assert person in names(extract(text), "Person")


@pytest.mark.parametrize(
    "text",
    [
        "（作者系成都理工大学校长）",
        "人大代表和企业家座谈。",
        "接受记者采访的多位专家都强调了科技创新的重要性。",
        "中国科学技术院所联谊会信息集锦\n简报\n2025年第12期",
        "多位大学校长出席。",
        "融中心总裁雷纳特·别科图尔沃夫表示",
    ],
)
def test_person_rules_do_not_invent_people(extract, text):
    people = names(extract(text), "Person")
    assert people <= {"雷纳特·别科图尔沃夫"}


def test_a_name_introduced_once_is_found_again(extract):
    ms = extract("主任王韬认为，要加强合作。王韬说，需要综合运用现代科技。")
    assert [m.text for m in ms if m.name == "王韬"] == ["王韬", "王韬"]


def test_foreign_surname_alone_resolves_to_full_name(extract):
    ms = extract("与斯图尔特·罗素的对话，称罗素早已关注人工智能的风险。")
    assert [m.text for m in ms if m.type == "Person"] == ["斯图尔特·罗素", "罗素"]
    assert {m.name for m in ms if m.type == "Person"} == {"斯图尔特·罗素"}


# --- institutions --------------------------------------------------------------------------------

def test_subunits_chain_and_keep_their_parents(extract):
    ms = extract("日前，天津大学精仪学院感知科学与工程系获批成立。")
    inst = names(ms, "Institution")
    assert {"天津大学精仪学院感知科学与工程系", "天津大学精仪学院", "天津大学"} <= inst


@pytest.mark.parametrize(
    "text, institution",
    [
        ("上海市同济医院大健康工程管理研究所执行所长", "上海市同济医院大健康工程管理研究所"),
        ("上海市同济医院大健康工程管理研究所执行所长", "上海市同济医院"),
        ("（作者系成都理工大学校长）", "成都理工大学"),
        ("加拿大安大略中医学院院长吴滨江", "加拿大安大略中医学院"),
        ("中国医学科学院基础医学研究所研究员", "中国医学科学院基础医学研究所"),
        ("作者刘冬梅系中国科学技术发展战略研究院科技创新理论研究所所长", "中国科学技术发展战略研究院科技创新理论研究所"),
        # a local body right before a title
        ("成都市教育局副局长王某出席。", "成都市教育局"),
        ("成都市教育局局长王某出席。", "成都市教育局"),
        ("湖北省发展改革委党组成员、副主任王某", "湖北省发展改革委"),
        ("湖北省发展和改革委员会副主任王某", "湖北省发展和改革委员会"),
        ("湖北省住房和城乡建设厅副厅长王某", "湖北省住房和城乡建设厅"),
        # a province's departments under the names they bore before the 2018 reform, and 粮食局
        ("湖北省卫生和计划生育委员会主任", "湖北省卫生和计划生育委员会"),
        ("江苏省国土资源厅发布", "江苏省国土资源厅"),
        ("广东省政务服务和数据管理局", "广东省政务服务和数据管理局"),
        ("湖北省粮食局局长", "湖北省粮食局"),
        ("黑龙江省原粮食局党组书记", "黑龙江省粮食局"),  # the former body, named without 原
        # the people's congresses and the unions as kinds of body, where a report names them so
        ("各级政府要依法接受同级人大及其常委会的监督。", "人民代表大会"),
        ("支持工会、共青团、妇联等群团组织更好发挥作用。", "中华全国总工会"),
        # the national manufacturing and technology innovation centres, a family of named bodies; after a verb too
        ("国家稀土功能材料创新中心等70多个平台落地。", "国家稀土功能材料创新中心"),
        ("依托国家先进功能纤维创新中心开展研究。", "国家先进功能纤维创新中心"),
    ],
)
def test_institution_rules_find(extract, text, institution):
    assert institution in names(extract(text), "Institution")


def test_a_local_bodys_head_is_not_cut_inside_the_title_after_it(extract):
    assert names(extract("成都市教育局局长王某出席。"), "Institution") == {"成都市教育局"}


@pytest.mark.parametrize(
    "text",
    [
        "党中央作出一系列重大决策部署。",
        "建设世界一流大学和一流学科。",
        "高校和科研院所要加强合作。",
        "厦门大学成立新质生产力研究发展中心。",
        "感知科学与工程系首任系主任",
    ],
)
def test_institution_rules_do_not_glue_clauses(extract, text):
    for name in names(extract(text), "Institution"):
        assert name in {"党中央", "厦门大学", "感知科学与工程系"} or len(name) <= 6, name
    assert "党中央作出一系" not in names(extract(text))


# --- documents, publications, events, policies --------------------------------------------------------

@pytest.mark.parametrize(
    "text, expected",
    [
        ("工信部等七部门发布的《关于推动未来产业创新发展的实施意见》明确指出", ("Document", "关于推动未来产业创新发展的实施意见")),
        ("《人民日报》，2024年2月2日。", ("Institution", "人民日报")),
        ("《经济参考报》记者了解到", ("Institution", "经济参考报")),
        ("“十一五”规划将重大科技基础设施建设正式纳入其中", ("Document", "“十一五”规划")),
        ("（来源：中国科技论坛，2025年第1期）", ("Institution", "中国科技论坛")),
        ("本报开设理论专栏“新思想指引科技强国建设新征程”，", ("Document", "新思想指引科技强国建设新征程")),
        ("党的二十届三中全会提出，", ("Event", "党的二十届三中全会")),
        ("在主持中央政治局第十一次集体学习时", ("Event", "中央政治局第十一次集体学习")),
        ("中共中央政治局第三十次集体学习", ("Event", "中央政治局第三十次集体学习")),
        ("丁薛祥在全国科技工作会议上强调", ("Event", "全国科技工作会议")),
        ("近日，在北京召开的中国发展高层论坛上", ("Event", "中国发展高层论坛")),
        ("应坚持“四个面向”，充分发挥", ("Policy", "四个面向")),
        ("加快构建科技金融体制", ("Policy", "科技金融")),
        ("普遍建立节能减排目标责任制。", ("Policy", "节能减排目标责任制")),
        ("实行节能环保目标责任制。", ("Policy", "节能环保目标责任制")),  # a field's, not only a policy's
        ("坚决打好国有企业提质增效攻坚战。", ("Policy", "国有企业提质增效攻坚战")),
        # principles named before 的方针, 的基本国策; slogans pairing their phrases with 、 and a comma
        ("要坚持全心全意依靠工人阶级的根本方针，", ("Policy", "全心全意依靠工人阶级")),
        ("坚持自主创新、重点跨越、支撑发展、引领未来的方针", ("Policy", "自主创新、重点跨越、支撑发展、引领未来")),
        ("要按照“谁审批、谁监管，谁主管、谁监管”的原则落实监管责任。", ("Policy", "谁审批、谁监管，谁主管、谁监管")),  # 打|好, cut apart, launch it
        ("继续打好党风廉政建设和反腐败斗争这场攻坚战、持久战。", ("Policy", "反腐败斗争")),  # a policy's system of responsibility
        # the places a document's title names, each a mention of its own
        ("双方发表了《中华人民共和国和巴西联邦共和国联合声明》。", ("Place", "巴西")),
        ("拥护《中华人民共和国香港特别行政区基本法》", ("Place", "香港")),
        # a country's elections, by the country or its legislature
        ("为参加日本参议院选举的自民党候选人拉票", ("Event", "日本参议院选举")),
        ("美国中期选举结果揭晓", ("Event", "美国中期选举")),
        ("韩国国会选举", ("Event", "韩国国会选举")),
        ("《论坚持人民当家作主》收入重要文稿50篇。", ("Document", "论坚持人民当家作主")),  # a book of texts
    ],
)
def test_document_event_policy_rules_find(extract, text, expected):
    assert expected in found(extract(text))


def test_abbreviated_document_resolves_to_its_full_title(extract):
    ms = extract("出台《积极牵头组织国际大科学计划和大科学工程方案》（以下简称《方案》）后，《方案》提出。")
    docs = [m for m in ms if m.type == "Document"]
    assert len(docs) == 2 and {m.name for m in docs} == {"积极牵头组织国际大科学计划和大科学工程方案"}


@pytest.mark.parametrize(
    "text",
    ["现在，我代表第十九届中央委员会向大会作报告。", "下好科技创新“先手棋”。", "《方案》提出", "召开工作会议。"],
)
def test_document_event_policy_rules_do_not_fire(extract, text):
    assert not {t for t, _ in found(extract(text))} & {"Event", "Document", "Policy"}


# --- the pure function's contract ------------------------------------------------------------------------

def test_output_sorted_and_offsets_match(extract):
    text = "科技部党组书记、部长阴和俊指出，要加快发展新质生产力。"
    ms = extract(text)
    assert ms == sorted(ms)
    assert all(text[m.start : m.end] == m.text for m in ms)
    assert all(m.rule for m in ms)


def test_lexicon_only_mode_has_no_rule_mentions(extract):
    ms = extract("主任王韬认为，《某某报告》指出。", rules=False)
    assert all(m.rule == "lexicon" for m in ms)


def test_same_input_same_output(lexicon):
    doc = Document("d", "d.txt", "txt", "科技部党组书记、部长阴和俊指出，要加快发展新质生产力。")
    assert extract_mentions(doc, lexicon) == extract_mentions(doc, lexicon)


FRAGMENTS = [
    "科技部", "新质生产力", "部署", "中国科学院", "院士", "主任", "王韬", "认为", "《", "》", "“", "”", "（", "）",
    "，", "。", "；", "\n", " ", "◎", "、", "作者：", "系", "大学", "学院", "研究所", "会议", "全国", "2024年",
    "AI", "5G", "·", "斯图尔特", "罗素", "以下简称", "高校", "的", "天津", "人工智能", "党的二十届三中全会",
]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=3)), max_size=40).map("".join))
def test_offsets_invariant(lexicon, text):
    doc = Document("p", "p.txt", "txt", text)
    ms = extract_mentions(doc, lexicon, options=ExtractOptions())
    assert ms == sorted(ms)
    for m in ms:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text
        assert m.entity_id == entity_id(m.type, m.name)


# --- what generalises to unseen text: each kind with a positive and a negative case -----------------

@pytest.mark.parametrize("text, expected", [
    # Uyghur and Kazakh names in their Chinese spelling, after a title
    ("自治区政府主席艾尔肯·吐尼亚孜出席。", ("Person", "艾尔肯·吐尼亚孜")),
    ("人民政府副主席玉苏甫江·麦麦提介绍", ("Person", "玉苏甫江·麦麦提")),
    ("自治区党委副书记努尔兰·阿不都满金说", ("Person", "努尔兰·阿不都满金")),
    ("亚美尼亚当选总统瓦哈根·哈恰图良13日宣誓就职。", ("Person", "瓦哈根·哈恰图良")),  # -ian, not cut at 良
    # a name no title introduces, before what only a person does or has
    ("在王丽家里，记者看到了新买的电视。", ("Person", "王丽")),
    ("李华和妻子一起来到市场。", ("Person", "李华")),
    ("昨天，陈晓东向记者展示了他的作品。", ("Person", "陈晓东")),
    ("然而，在马小光看来，精度还不够。", ("Person", "马小光")),
    ("园长艾米拉古丽·阿不都、江西省教师代表", ("Person", "艾米拉古丽·阿不都")),
    # a province's or a city's departments under their short names; the bodies that organise an event
    ("浙江省发展改革委印发通知。", ("Institution", "浙江省发展改革委")),
    ("苏州工业园区管委会表示", ("Institution", "苏州工业园区管委会")),
    ("江苏省人社厅介绍", ("Institution", "江苏省人社厅")),
    # and under their full official names, which hold 和 or a verb; a committee's school, a government's general office
    ("湖北省发展和改革委员会印发通知。", ("Institution", "湖北省发展和改革委员会")),
    ("成都市住房和城乡建设局发布通知。", ("Institution", "成都市住房和城乡建设局")),
    ("浙江省卫生健康委员会发布通知。", ("Institution", "浙江省卫生健康委员会")),
    ("云南省林业和草原局介绍", ("Institution", "云南省林业和草原局")),
    ("山东省消防救援总队出动。", ("Institution", "山东省消防救援总队")),
    ("湖北省疾病预防控制中心提醒", ("Institution", "湖北省疾病预防控制中心")),
    ("长沙市委党校举办培训班。", ("Institution", "长沙市委党校")),
    ("湖北省人民政府办公厅印发通知。", ("Institution", "湖北省人民政府办公厅")),
    # people the news introduces by what they grow or where they came back from, or by 名叫
    ("一位名叫张伟的年轻人回到家乡创业。", ("Person", "张伟")),
    ("张建国今年52岁，是村里的致富带头人。", ("Person", "张建国")),  # a name jieba's dictionary lists
    ("市长助理李明远表示，", ("Person", "李明远")),  # an official's assistant
    ("越南国家主席苏林表示，", ("Person", "苏林")),  # jieba takes 苏林 for a place
    ("尼泊尔前总理普拉钦达说", ("Person", "普拉钦达")),  # not the place 普拉 it starts with
    ("老党员陈德明带头捐款。", ("Person", "陈德明")),
    ("种粮大户王德福说，今年小麦长势好。", ("Person", "王德福")),
    ("返乡青年李梦瑶开起了网店。", ("Person", "李梦瑶")),
    # a long lexicon term whose last characters jieba joins to the next (巴勒斯坦卫生部|发表 read as 部发)
    ("巴勒斯坦卫生部发表声明说", ("Institution", "巴勒斯坦卫生部")),
    # a meeting of two sides' ministries (工作会|晤 is one word); a conference held year by year, whatever its head
    ("恢复中美国防部工作会晤。", ("Event", "中美国防部工作会晤")),
    ("泽连斯基在第58届慕尼黑安全会议上发言", ("Event", "慕尼黑安全会议")),
    # a cooperation mechanism's sitting (a policy in the lexicon), a foreign ministers' meeting by its short kind
    ("澜湄合作第四次领导人会议在北京举行。", ("Event", "澜湄合作第四次领导人会议")),
    ("中国—太平洋岛国外长会在斐济举行。", ("Event", "中国—太平洋岛国外长会")),
    # a storm by its name in quotes, the lexicon's when it knows the name
    ("今年第11号台风“摩羯”登陆海南。", ("Event", "台风摩羯")),
    ("受台风“杜苏芮”影响，华北出现强降雨。", ("Event", "台风杜苏芮")),
    # a law's implementing regulations; laws listed after a draft; a free trade area's upgrade protocol
    ("国务院公布专利法实施细则。", ("Document", "专利法实施细则")),
    ("审议原子能法草案、国家公园法草案。", ("Document", "国家公园法")),
    ("中国—东盟自贸区3.0版升级议定书签署。", ("Document", "中国—东盟自贸区3.0版升级议定书")),
    # a speech to a meeting's plenary (大会发言) names the meeting before it
    ("全国政协十四届常委会第九次会议大会发言摘登", ("Event", "全国政协十四届常委会第九次会议")),
    ("杭州亚运会组委会宣布", ("Institution", "杭州亚运会组委会")),
    # an athlete's name before how the result was won
    ("中国队选手刘焕华凭借最后一举夺得冠军", ("Person", "刘焕华")),
    ("选手刘焕华以总成绩夺冠", ("Person", "刘焕华")),
    # festivals, air and motor shows, championships by their heads
    ("第十二届北京国际电影节开幕。", ("Event", "第十二届北京国际电影节")),
    ("第十四届中国航展在珠海开幕。", ("Event", "第十四届中国航展")),
    ("2022年世界田径锦标赛落幕。", ("Event", "2022年世界田径锦标赛")),
    # bodies named after a thought or a person
    ("习近平经济思想研究中心发布报告", ("Institution", "习近平经济思想研究中心")),
    ("参观孙中山纪念馆", ("Institution", "孙中山纪念馆")),
    # villages after their county or town, and the villages listed with them
    ("习近平来到浙江省安吉县余村考察。", ("Place", "余村")),
    ("江西省赣州市于都县梓山镇潭头村", ("Place", "潭头村")),
    ("河北省阜平县骆驼湾村和顾家台村", ("Place", "顾家台村")),
    # Xi Jinping's thought on a subject, named; a spirit named in quotes
    ("必须学深悟透习近平总书记关于加强和改进人民政协工作的重要思想，牢牢把握方向",
     ("Policy", "习近平总书记关于加强和改进人民政协工作的重要思想")),
    ("在习近平网络强国重要思想指引下", ("Policy", "习近平网络强国重要思想")),
    ("要传承好、发展好“路易·艾黎精神”。", ("Policy", "路易·艾黎精神")),
    # slogans of parallel phrases of one length, in quotes
    ("总要求是“学思想、强党性、重实践、建新功”。", ("Policy", "学思想、强党性、重实践、建新功")),
    ("工作目标是“外防输入、内防反弹”。", ("Policy", "外防输入、内防反弹")),
    # agreements, declarations and plans signed or adopted without 《》, and measures named by their count
    ("双方签署了关于深化科技合作的谅解备忘录。", ("Document", "关于深化科技合作的谅解备忘录")),
    ("两国签署构建新时代中柬命运共同体行动计划。", ("Document", "构建新时代中柬命运共同体行动计划")),
    ("双方签署了两份中老铁路合作备忘录。", ("Document", "中老铁路合作备忘录")),
    ("要落实优化调整疫情防控二十条措施。", ("Document", "优化调整疫情防控二十条措施")),
    ("研究落实建设全国统一大市场部署总体工作方案。", ("Document", "建设全国统一大市场部署总体工作方案")),
    # reports and documentaries in 《》 are documents of the news, whatever their titles say
    ("推出纪录片《共和国符号》。", ("Document", "共和国符号")),
    ("从今天起，《新闻联播》推出系列报道《解码十年》。", ("Document", "解码十年")),
    # a known two-character name before a date, a verb, a title, another name
    ("国务院总理李强8月8日主持召开国务院常务会议。", ("Person", "李强")),
    ("22日，李强来到上海。", ("Person", "李强")),
    ("李强签署国务院令。", ("Person", "李强")),
    ("蔡奇陪同参观。", ("Person", "蔡奇")),
    ("韩正在福建调研。", ("Person", "韩正")),
    ("应普京总统邀请。", ("Person", "普京")),
    ("习近平李强赵乐际王沪宁蔡奇", ("Person", "赵乐际")),
    ("栗战书、汪洋、王沪宁出席会议。", ("Person", "汪洋")),
    # spaced-out speaker lists, names after a title and spaces, names before a verb of saying
    ("全国政协常委  杨 杰\n全国政协委员  王小明", ("Person", "杨杰")),
    ("全国政协常委  杨 杰\n全国政协委员  王小明", ("Person", "王小明")),
    ("王小明表示，这很重要。", ("Person", "王小明")),
    ("塞内加尔总统萨勒表示，", ("Person", "萨勒")),
    ("智利总统加夫列尔·博里奇表示", ("Person", "加夫列尔·博里奇")),
    ("肯尼亚外长丹尼斯·穆内内热烈欢迎", ("Person", "丹尼斯·穆内内")),
    ("教授王晓东表示，", ("Person", "王晓东")),  # a name jieba knows (and uses often) after a title
    ("记者王晓明报道：", ("Person", "王晓明")),  # a byline
    ("记者刘小东 摄", ("Person", "刘小东")),
    ("获奖者包括陈思远、刘梓萱等人。", ("Person", "刘梓萱")),  # names listed before 等人
    ("王军、李红等同志参加会议。", ("Person", "王军")),
    ("他叫赵国庆，是一名快递员。", ("Person", "赵国庆")),
    # coordination
    ("党的十八届五中、六中全会精神", ("Event", "党的十八届五中全会")),
    ("党的十八届五中、六中全会精神", ("Event", "党的十八届六中全会")),
    ("十七届三中、四中、五中全会", ("Event", "党的十七届四中全会")),
    ("中、美两国元首通话", ("Place", "中国")),
    ("中、美两国元首通话", ("Place", "美国")),
    ("推动中俄两国关系发展", ("Place", "俄罗斯")),  # written together, counted
    ("中泰缅老四国联合巡逻", ("Place", "老挝")),
    ("李强就深化中法合作提出三点建议。", ("Place", "法国")),  # a pair before what the two share
    ("说明美国式“小圈子”不得人心。", ("Place", "美国")),  # the country's way
    ("积极推进人大、政协、军队、地方等各方面对外交往。", ("Institution", "中国人民政治协商会议")),  # kinds of body, listed
    ("尽早签署中韩、中澳自贸协定。", ("Document", "中韩自贸协定")),  # a pair listed before the agreement's head
    ("共同作出中菲建交的历史性抉择", ("Place", "菲律宾")),
    # a word listed before a known name takes its tail where the whole is a known name of that type
    ("深入打好蓝天、碧水、净土保卫战。", ("Policy", "蓝天保卫战")),
    ("深入打好蓝天、碧水、净土保卫战。", ("Policy", "碧水保卫战")),
    ("失业、工伤保险参保人数", ("Policy", "失业保险")),
    ("长江、黄河流域的生态保护", ("Place", "长江流域")),
    ("推进失业和工伤保险扩面。", ("Policy", "失业保险")),  # joined by 和 as by 、
    ("长江和黄河流域的生态保护", ("Place", "长江流域")),
    ("加强大气和水污染防治。", ("Policy", "大气污染防治")),
    ("在科尔沁、浑善达克两大沙地", ("Place", "科尔沁沙地")),
    ("在科尔沁、浑善达克两大沙地", ("Place", "浑善达克沙地")),
    ("打造健康、数字、绿色丝绸之路", ("Policy", "健康丝绸之路")),
    # events by their heads
    ("第七次全国人口普查结果公布。", ("Event", "第七次全国人口普查")),
    ("开展国务院大督查。", ("Event", "国务院大督查")),
    ("中俄元首会晤在莫斯科举行。", ("Event", "中俄元首会晤")),
    ("第二十三届中国国际投资贸易洽谈会开幕。", ("Event", "中国国际投资贸易洽谈会")),
    ("中国共产党二十届三中全会胜利召开。", ("Event", "党的二十届三中全会")),
    # laws named without 《》 where the text acts on them
    ("会议审议通过了无障碍环境建设法草案。", ("Document", "无障碍环境建设法")),
    ("中华人民共和国反外国制裁法自公布之日起施行。", ("Document", "中华人民共和国反外国制裁法")),
    # an abbreviation stands for its full title
    ("《马克思主义基本原理概论》（以下简称《概论》）是教材。《概论》指出", ("Document", "马克思主义基本原理概论")),
    # earlier wordings and platforms
    ("加快建设现代产业体系。", ("Policy", "现代化产业体系")),
    ("建设国家自主创新示范区。", ("Policy", "国家自主创新示范区")),
    # institutions whose middle holds a verb that names what they do, or a place the lexicon knows
    ("中国出版集团有限公司发布年度报告。", ("Institution", "中国出版集团有限公司")),
    ("四川自贡恐龙博物馆开馆。", ("Institution", "四川自贡恐龙博物馆")),
    ("日前，天津大学精仪学院感知科学与工程系获批成立。", ("Institution", "天津大学精仪学院感知科学与工程系")),
    # meetings: two parties joined by a dash, a term number without 第, a hosting verb before the name
    ("中国—拉美企业家高峰会在重庆举行。", ("Event", "中国—拉美企业家高峰会")),
    ("7.十四届全国人大常委会第一次会议在京举行", ("Event", "十四届全国人大常委会第一次会议")),
    ("中国主办二十国集团杭州峰会期间，", ("Event", "二十国集团杭州峰会")),
    # a law after a verb and 的; a publication named by what follows its title
    ("会议审议通过的无障碍环境建设法，立足国情。", ("Document", "无障碍环境建设法")),
    ("另据德国《明镜》周刊日前报道，", ("Institution", "明镜")),
    # a long transliterated name, with characters of the transliteration tables the news uses
    ("贝宁共和国总统帕特里斯·阿塔纳斯·纪尧姆·塔隆将于8月31日访华。", ("Person", "帕特里斯·阿塔纳斯·纪尧姆·塔隆")),
    ("英国首相鲍里斯·约翰逊表示，", ("Person", "鲍里斯·约翰逊")),
    ("国际冬季两项联盟主席奥莱·达林11日在接受专访时说，", ("Person", "奥莱·达林")),
    # a title says it is a document, or the text does with it what is done with documents
    ("国务院印发《关于加快发展新质生产力的意见》。", ("Document", "关于加快发展新质生产力的意见")),
    ("习近平在《求是》杂志发表文章《新时代中国共产党的历史使命》。", ("Document", "新时代中国共产党的历史使命")),
    ("⑤ 《资本市场赋能的难点与对策》，《学术前沿》，2025年第12期。", ("Document", "资本市场赋能的难点与对策")),
    # a body named …会议 is an institution; 会晤 after who meets is a meeting
    ("美国参谋长联席会议主席马克·米利称，", ("Institution", "美国参谋长联席会议")),
    ("中俄元首会晤在莫斯科举行。", ("Event", "中俄元首会晤")),
    # places listed before a province's organ share its tail with the province's suffix
    ("山西、江苏、甘肃省政府主要负责同志发言。", ("Institution", "江苏省人民政府")),
    ("北京、上海市委主要负责同志发言。", ("Institution", "中共北京市委员会")),
    # a programme after a count or a pronoun
    ("我国持续制定和实施四期国家人权行动计划。", ("Policy", "国家人权行动计划")),
    # a foreign body after a country's one-character abbreviation at the start of a clause
    ("央视网消息： 土外交部就西方旅行警告召见九国大使。", ("Institution", "土耳其外交部")),
    ("数百人受伤。以国防部称以军进入加沙城。", ("Institution", "以色列国防部")),
    ("多米尼克外交部发表声明称，", ("Institution", "多米尼克外交部")),
    # a law after a verb inside a longer phrase; a government in one of its terms; long council sessions
    ("会议审议了监察司法委关于提请审议反间谍法修订草案的议案。", ("Document", "中华人民共和国反间谍法")),
    ("中美关系还没有走出美国上一届政府制造的困境。", ("Institution", "美国政府")),
    ("政协第十四届全国委员会第一次会议主席团常务主席会议第一次会议8日举行。",
     ("Event", "政协第十四届全国委员会第一次会议主席团常务主席会议第一次会议")),
    # a title recurs without 《》 as an item of a list
    ("本台播发央视快评《以金砖责任应对共同挑战》。\n16.央视快评： 以金砖责任应对共同挑战；",
     ("Document", "以金砖责任应对共同挑战")),
    # a commemoration by its verb; a census's count, a short title for the document titled before it
    ("在纪念孔子诞辰2565周年国际学术研讨会上，", ("Event", "纪念孔子诞辰2565周年国际学术研讨会")),
    ("第七次全国人口普查结果公布。", ("Event", "第七次全国人口普查")),
    ("普京批准新版《俄罗斯联邦外交政策构想》，新版《构想》指出", ("Document", "俄罗斯联邦外交政策构想")),
    # a count of places before their shared suffix; a known event with 会议; a name before 互致
    ("国家发展改革委和河北、黑龙江、云南三省人民政府负责同志作了发言。", ("Institution", "黑龙江省人民政府")),
    ("国家发展改革委和河北、黑龙江、云南三省人民政府负责同志作了发言。", ("Institution", "云南省人民政府")),
    ("李书磊作关于中共二十大会议情况的辅导报告。", ("Event", "党的二十大")),
    ("同日，国务院总理李克强同荷兰首相吕特互致贺电。", ("Person", "吕特")),
    # people named by an occupation, with a common surname; a name before 正在
    ("村民王秀英说，今年收成好。", ("Person", "王秀英")),
    ("首席经济学家李明认为，经济向好。", ("Person", "李明")),
    ("研究人员张欣正在测试强磁场。", ("Person", "张欣")),
    ("中国人民对外友好协会会长杨万明代表人民团体致贺词。", ("Person", "杨万明")),
    # meetings whose heads hold 经, 同志, 以 inside words; numbered national surveys; a summit by number
    ("开展第五次全国经济普查。", ("Event", "第五次全国经济普查")),
    ("纪念毛泽东同志诞辰130周年座谈会在京举行。", ("Event", "纪念毛泽东同志诞辰130周年座谈会")),
    ("亚太经合组织第三十次领导人非正式会议在曼谷举行。", ("Event", "亚太经合组织第三十次领导人非正式会议")),
    ("第三次全国国土调查主要数据公布。", ("Event", "第三次全国国土调查")),
    ("金砖国家领导人第十五次会晤在约翰内斯堡举行。", ("Event", "金砖国家领导人第十五次会晤")),
    # counties, districts and towns by their suffix
    ("在山西平陆县，得益于当地的好政策。", ("Place", "平陆县")),
    ("广州市海珠区是本轮疫情防控重点。", ("Place", "海珠区")),
    ("在上海松江区洞泾镇，镇政府成立了志愿队。", ("Place", "洞泾镇")),
    # platforms with policy standing
    ("支持建设国家技术创新中心和众创空间。", ("Policy", "国家技术创新中心")),
    # a census after a date and a launching verb; the NPC's official name; an autonomous region listed
    ("决定于2023年11月起开展第四次全国文物普查。", ("Event", "第四次全国文物普查")),
    ("（2023年1月10日中国共产党第二十届中央纪律检查委员会第二次全体会议通过）",
     ("Event", "中国共产党第二十届中央纪律检查委员会第二次全体会议")),
    ("中华人民共和国全国人民代表大会常务委员会公告。", ("Institution", "全国人民代表大会常务委员会")),
    ("内蒙古、广西壮族自治区党委负责同志发言。", ("Institution", "中共内蒙古自治区委员会")),
    ("沙特国防大臣哈立德·本·萨勒曼会见了他。", ("Person", "哈立德·本·萨勒曼")),
    # a long meeting name starts before a known name, not inside it; a leader's name before 应
    ("5.蔡奇出席学习贯彻习近平新时代中国特色社会主义思想主题教育第一批总结暨第二批部署会议；",
     ("Event", "学习贯彻习近平新时代中国特色社会主义思想主题教育第一批总结暨第二批部署会议")),
    ("外交部长王毅应询向媒体介绍了会晤成果。", ("Person", "王毅")),
    ("美国能源部长珍妮弗·格兰霍姆近日表示，", ("Person", "珍妮弗·格兰霍姆")),
    ("签署关于共同推进丝绸之路经济带和21世纪海上丝绸之路倡议的文件。", ("Policy", "一带一路")),
    ("浙江省、宁夏回族自治区、山东省党委统战部主要负责同志作了发言。", ("Institution", "中共宁夏回族自治区委员会")),
    ("浙江省、宁夏回族自治区、山东省党委统战部主要负责同志作了发言。", ("Institution", "中共浙江省委员会")),
    ("联合国大会主席阿卜杜拉·沙希德，北京冬奥组委主席", ("Person", "阿卜杜拉·沙希德")),
    ("中国上市公司协会最新数据显示，", ("Institution", "中国上市公司协会")),
    ("阿联酋总统穆罕默德·本·扎耶德·阿勒纳哈扬通电话，表示", ("Person", "穆罕默德·本·扎耶德·阿勒纳哈扬")),
    ("哈萨克斯坦首都努尔苏丹举行会议。", ("Place", "阿斯塔纳")),
    # a bare direction is China's region where the text says so
    ("中国的中部、东部、东北地区都是粮食产区。", ("Place", "东部地区")),
    ("鼓励东部地区加快推进现代化。", ("Place", "东部地区")),
    # names listed after a name found otherwise; a title after the name; athletes
    ("中国队的两名选手张子扬、兰天辰包揽了冠、亚军。", ("Person", "兰天辰")),
    ("中国队组合郑思维、黄雅琼以2比0击败日本组合。", ("Person", "黄雅琼")),
    ("村民王秀英、李明和张强都来了。", ("Person", "张强")),
    ("解学智常委建议，持续推动森林碳汇提升行动。", ("Person", "解学智")),
    ("中国选手黄娟夺得金牌。", ("Person", "黄娟")),
    ("女子单打决赛在两位中国选手郑钦文和朱琳之间展开。", ("Person", "朱琳")),  # the pair, then 之间
    ("最终郑钦文击败了队友朱琳，赢得金牌。", ("Person", "朱琳")),  # a teammate, named like a player
    # a book said to be one by what is done with it (编排, 全书), though its title says no kind of text
    ("《习近平的扶贫足迹》按年度编排，生动记录了扶贫历程。", ("Document", "习近平的扶贫足迹")),
    # anniversaries of a founding, a return, ties or a birth; what was founded is named too
    ("隆重庆祝中国共产党成立一百周年，胜利召开党的十九届六中全会。", ("Event", "中国共产党成立一百周年")),
    ("隆重庆祝中国共产党成立一百周年，胜利召开党的十九届六中全会。", ("Institution", "中国共产党")),
    ("今年是香港回归祖国25周年。", ("Event", "香港回归祖国25周年")),
    ("以两国庆祝中俄建交75周年为契机。", ("Event", "中俄建交75周年")),
    ("各地举行活动纪念抗美援朝战争胜利70周年。", ("Event", "抗美援朝战争胜利70周年")),  # a war's victory
    ("纪念中国人民抗日战争暨世界反法西斯战争胜利78周年",
     ("Event", "中国人民抗日战争暨世界反法西斯战争胜利78周年")),
    # a village's, a town's bodies and schools, named from the nearest place on; the village is named too
    ("在浙江安吉县余村村委会，村民们正在开会。", ("Institution", "余村村委会")),
    ("在浙江安吉县余村村委会，村民们正在开会。", ("Place", "余村")),
    ("合肥市第一中学的学生参观了展览。", ("Institution", "合肥市第一中学")),
    # the province or country that starts a delegation's, a government's or a zone's name is a place too
    ("习近平参加党的二十大广西代表团讨论。", ("Place", "广西")),
    ("英军官兵和英国政府对此深表感激。", ("Place", "英国")),
    ("习近平总书记在河北雄安新区考察。", ("Place", "河北")),
    # units named by their number, a country's team by its sport's short name
    ("中央第一巡视组进驻后，召开动员会。", ("Institution", "中央第一巡视组")),
    ("习近平来到第74集团军某旅视察。", ("Institution", "第74集团军")),
    ("中国女排夺得冠军。", ("Institution", "中国女排")),
    # names listed and then counted, the count saying each is one; a place glued to 地区; a free trade area's agreement
    ("。马丽、扎庚、许艺、张克成、张学东、陕闪、赵小冬、黄伟、崔勇超、韩宇南等10名同志获得称号。", ("Person", "陕闪")),
    ("中方愿同沙方一道，促进中东地区和平稳定。", ("Place", "中东")),
    ("推动早日达成中国—海合会自由贸易区协定。", ("Document", "中国—海合会自由贸易区协定")),
    # the body whose sitting an event is
    ("经中央纪委常委会会议研究并报中共中央批准。", ("Institution", "中央纪律检查委员会常务委员会")),
    ("每年召开国务院常务会议听取办理情况汇报。", ("Institution", "国务院")),
    # a parent's name written once before a list of its committees or departments
    ("听取全国政协社会和法制委员会、民族和宗教委员会、外事委员会关于民主监督工作的汇报。",
     ("Institution", "全国政协外事委员会")),
    ("中共中央宣传部、组织部联合印发通知。", ("Institution", "中共中央组织部")),
    # a province written once before a list of its organs, a title between them; a body's inspection or reorganisation
    ("对新疆维吾尔自治区党委常委、人民政府副主席的专访。", ("Institution", "新疆维吾尔自治区人民政府")),
    ("浙江省委、省政府高度重视。", ("Institution", "浙江省人民政府")),
    ("结合国务院年度大督查进行督查。", ("Institution", "国务院")),
    ("国务院机构改革有序实施。", ("Institution", "国务院")),
    # a team's country, a press conference's body, historical campaigns
    ("中国队与印尼队的比赛十分激烈。", ("Place", "印度尼西亚")),
    ("记者从国新办新闻发布会上了解到。", ("Institution", "国务院新闻办公室")),
    ("中国共产党指挥人民军队取得辽沈战役胜利。", ("Event", "辽沈战役")),
    # an activity launched under a quoted name
    ("开展“消费促进年”活动，实施“放心消费行动”。", ("Event", "消费促进年")),
    # an incident named in quotes
    ("去年发生了“东方之星”号客轮翻沉事件。", ("Event", "“东方之星”号客轮翻沉事件")),
    ("“北溪”管道遭破坏事件调查仍无结果。", ("Event", "“北溪”管道遭破坏事件")),
    # a leaders' meeting named after its host city
    ("从金砖国家领导人约翰内斯堡会晤到旧金山APEC领导人非正式会议。", ("Event", "金砖国家领导人约翰内斯堡会晤")),
    # a plan period in quotes, alone, names the plan (the annotators' reading in 16 of 16 tuning passages)
    ("“十四五”实现良好开局，我国发展又取得新的重大成就。", ("Document", "“十四五”规划")),
    # a five-year plan and others like it: the plan
    ("项目要符合“十四五”等规划，既利当前又惠长远。", ("Document", "“十四五”规划")),
    # places listed before a programme's site named after a place share the site
    ("建设北京、上海国际科技创新中心。", ("Place", "北京国际科技创新中心")),
    ("武汉、西安国家自主创新示范区建设成效明显。", ("Place", "武汉国家自主创新示范区")),
    # targeted measures, one per unit; a foreign name alone before a verb of saying; a committee by its own name
    ("江西南昌对企业实行“一企一策”“一业一策”“一厂一案”。", ("Policy", "一厂一案")),
    ("对困难群众一户一策精准帮扶。", ("Policy", "一户一策")),
    ("会见后，纽森表示，过去几十年来中国发展取得非凡成就。", ("Person", "纽森")),
    ("主席团会议听取了宪法和法律委员会主任委员李飞作的报告。", ("Institution", "全国人大宪法和法律委员会")),
    # a minister's ministry written with the 长 of the title, where whose it is is said
    ("俄罗斯国防部长绍伊古11日在莫斯科表示。", ("Institution", "俄罗斯国防部")),
    ("俄外交部长拉夫罗夫10日表示。", ("Institution", "俄罗斯外交部")),
    ("国务委员兼外交部长王毅向随行记者介绍此访情况。", ("Institution", "外交部")),
    # the short forms of ruling parties abroad, and the lexicon's new standing terms
    ("越南党、国家和人民始终重视巩固和发展同中国的关系。", ("Institution", "越南共产党")),
    ("坚持对外开放的基本国策。", ("Policy", "对外开放")),
    # names in a list that jieba knows as names (a word to the strict list check; 其 in no expected given name)
    ("俞正声、宋平、李岚清、曾庆红、吴官正参加了会见。", ("Person", "曾庆红")),
    ("刘国中、许其亮、孙春兰参加了会见。", ("Person", "许其亮")),
    # named sites by their head, after the place that says where they are
    ("世卫组织驻阿富汗应急小组负责人阿拉·阿布-扎伊德9日表示。", ("Person", "阿拉·阿布-扎伊德")),
    ("古巴国家主席米格尔·迪亚斯-卡内尔·贝穆德斯会见。", ("Person", "米格尔·迪亚斯-卡内尔·贝穆德斯")),
    ("普京今天在莫斯科国际安全会议开幕式上发表致辞。", ("Event", "莫斯科国际安全会议")),
    ("围绕“推动建立健全农业科技社会化服务体系”协商议政。", ("Policy", "农业科技社会化服务体系")),
    ("实施新时代兴边富民行动。", ("Policy", "新时代兴边富民行动")),
    ("研究成果发表在《自然》上。", ("Institution", "自然")),
    ("在甘肃张掖七彩丹霞景区，八方游客前来。", ("Place", "七彩丹霞景区")),
    ("在内蒙古准格尔旗黄河大峡谷景区，游客欣赏自然景观。", ("Place", "黄河大峡谷景区")),
    ("殷墟外围的辛店、陶家营、邵家棚遗址三项聚落考古新成果。", ("Place", "邵家棚遗址")),
    # a name at a clause's start before 同志, or after 据 before a verb of saying
    ("会议指出，张志强同志任县委书记期间", ("Person", "张志强")),
    ("据张志强介绍，项目进展顺利。", ("Person", "张志强")),
    # companies by their legal form, from the verb, preposition or parent company before them
    ("摩尔线程智能科技（北京）有限责任公司发布新品。", ("Institution", "摩尔线程智能科技（北京）有限责任公司")),
    ("紫金矿业集团股份有限公司营收增长。", ("Institution", "紫金矿业集团股份有限公司")),
    ("李强首先来到北京长木谷医疗科技股份有限公司。", ("Institution", "北京长木谷医疗科技股份有限公司")),
    ("在山东大学和济南二机床集团有限公司调研。", ("Institution", "济南二机床集团有限公司")),
    ("总投资20多亿元的西门子数控南京有限公司投产。", ("Institution", "西门子数控南京有限公司")),
    ("韩正在北京会见英国怡和控股有限公司董事长。", ("Institution", "英国怡和控股有限公司")),
    ("繁体版由联合出版集团旗下三联书店（香港）有限公司出版。", ("Institution", "三联书店（香港）有限公司")),
    # named works: bridges, tunnels, railways, airports, dams (a line named by its two ends takes both)
    ("记者来到哈巴雪山隧道施工现场。", ("Place", "哈巴雪山隧道")),
    ("池黄高铁正式开通运营。", ("Place", "池黄高铁")),
    ("溪洛渡水电站全力发电。", ("Place", "溪洛渡水电站")),
    ("广东肇庆马房特大桥主体完工。", ("Place", "马房特大桥")),
    ("金甬铁路千石岩隧道贯通。", ("Place", "千石岩隧道")),
    ("云南弥勒至蒙自高铁建成。", ("Place", "弥勒至蒙自高铁")),
    ("空袭致阿勒颇机场停运。", ("Place", "阿勒颇机场")),
    # counties by their bare name after their province or city; towns after their county
    ("山东蓬莱打造双拥主题公园。", ("Place", "蓬莱市")),
    ("江苏盐城阜宁的冰雪嘉年华。", ("Place", "阜宁县")),
    ("在重庆巫溪，孩子们参与冰雪项目。", ("Place", "巫溪县")),
    ("在浙江安吉，人们体验拓印。", ("Place", "安吉县")),
    ("总书记来到福建省南平市武夷山市星村镇燕子窠生态茶园。", ("Place", "星村镇")),
    ("在郑州市金水区文化路街道，社区工作人员正在走访。", ("Place", "文化路街道")),  # a road's name, a word
    ("秘鲁钱凯港正式开港。", ("Place", "钱凯港")),  # a port after its country
    ("纪念刘少奇同志诞辰125周年座谈会在京举行", ("Event", "纪念刘少奇同志诞辰125周年座谈会")),  # about a person
    ("美国国防部前高级顾问道格拉斯·麦格雷戈表示", ("Person", "道格拉斯·麦格雷戈")),  # 问道 is a word, 道 the name's
    ("新疆金风科技股份有限公司董事长武钢和中国疾病预防控制中心专家", ("Person", "武钢")),
    ("马来西亚关丹港、缅甸皎漂港", ("Place", "皎漂港")),
    ("新疆喀什地区疏附县托克扎克镇。", ("Place", "托克扎克镇")),
    # a series is no edition the harvest read: another edition is the series, and the series is itself
    ("第十三届北京国际电影节今天闭幕。", ("Event", "北京国际电影节")),
    ("北京国际电影节开幕。", ("Event", "北京国际电影节")),
    ("第十二届北京国际电影节开幕。", ("Event", "第十二届北京国际电影节")),
    # urban subdistricts after their district (not the city inside: 临汾路), towns with numerals
    ("在上海市静安区临汾路街道，居民们", ("Place", "临汾路街道")),
    ("南京市栖霞区仙林街道的高校", ("Place", "仙林街道")),
    ("安徽省肥东县三河镇的村民", ("Place", "三河镇")),
    # a town whose name is a common word (白沙 white sand) after its district; a village after the town
    ("广西柳州市鱼峰区白沙镇的蔬菜基地", ("Place", "白沙镇")),
    ("在福建宁德市下白石镇下岐村，村民", ("Place", "下岐村")),
    # pilots and major projects launched by name; development zones after their city
    ("开展国有资本投资运营公司试点。", ("Policy", "国有资本投资运营公司试点")),
    ("实施转基因生物新品种培育科技重大专项。", ("Policy", "转基因生物新品种培育科技重大专项")),
    ("搞好农村信用社改革试点。", ("Policy", "农村信用社改革试点")),
    ("西安高新区企业加快发展。", ("Place", "西安高新区")),
    ("天津经开区引进项目。", ("Place", "天津经开区")),
    ("构建新时代中非命运共同体。", ("Policy", "新时代中非命运共同体")),
    # spacecraft by series and number, free trade agreements by their partners, other countries' forces
    ("今天是神舟十五号航天员在轨满五个月的日子。", ("Technology", "神舟十五号")),
    ("长征五号B运载火箭发射成功。", ("Technology", "长征五号B")),
    ("风云三号G星顺利入轨。", ("Technology", "风云三号G星")),
    ("以完成新中自贸协定升级谈判为契机。", ("Document", "新中自贸协定")),
    ("中国—东盟自由贸易协定3.0版谈判。", ("Document", "中国—东盟自由贸易协定")),
    ("俄国防部称，俄军使用高精度武器。", ("Institution", "俄军")),
    ("希法医院仍处于以军包围中。", ("Institution", "以军")),
    ("加力扩围实施消费品以旧换新。", ("Policy", "消费品以旧换新")),
    # appointments, decisions adopted without 《》, the theatres' services
    ("决定免去陈小江的国家民族事务委员会主任职务，任命潘岳为国家民族事务委员会主任。", ("Person", "潘岳")),
    ("决定免去陈小江的国家民族事务委员会主任职务。", ("Person", "陈小江")),
    ("会议通过了关于修改反垄断法的决定。", ("Document", "关于修改反垄断法的决定")),
    ("由南部战区海军两栖船坞登陆舰五指山舰组成。", ("Institution", "南部战区海军")),
    # athletes: a team by its members, young and pair athletes, names joined by a slash
    ("男子双向飞碟团体赛由刘疆驰、吴云轩、韩旭组成的中国队夺得金牌。", ("Person", "吴云轩")),
    ("冠军被16岁的中国小将张杰夺得。", ("Person", "张杰")),
    ("中国组合薛晨/夏欣怡2比0击败日本组合。", ("Person", "夏欣怡")),
    # foreign names before the title of a head of state, and in lists after a known name
    ("愿同萨勒总统和非盟成员国其他元首一道努力。", ("Person", "萨勒")),
    ("沃洛金和马特维延科都再次谴责佩洛西窜访。", ("Person", "马特维延科")),
    # two common surnames the list lacked
    ("赖明常委建议，加强工业软件基础研究。", ("Person", "赖明")),
    ("洪秀柱表示，两岸同胞是一家人。", ("Person", "洪秀柱")),
    # meetings named by the kind of sitting they are
    ("李希出席二十届中央第二轮巡视工作动员部署会并讲话。", ("Event", "二十届中央第二轮巡视工作动员部署会")),
    ("全国防汛抗旱工作部署会召开。", ("Event", "全国防汛抗旱工作部署会")),
    ("中央宣讲团首场报告会在京举行。", ("Event", "中央宣讲团首场报告会")),
    # books, said to be read or published as books
    ("香港中小学获赠《识法导航》丛书。", ("Document", "识法导航")),
    ("他认真研读了《平凡的世界》。", ("Document", "平凡的世界")),
    ("出版界推出《毛泽东与抗美援朝》《周恩来与抗美援朝》等图书。", ("Document", "周恩来与抗美援朝")),
    # disasters named by their place (a county's bare name too); memorials of an event or a place
    ("夺取抗击汶川特大地震、玉树强烈地震等严重自然灾害的重大胜利。", ("Event", "汶川特大地震")),
    ("夺取抗击汶川特大地震、玉树强烈地震等严重自然灾害的重大胜利。", ("Event", "玉树强烈地震")),
    ("叙利亚地震造成重大伤亡。", ("Event", "叙利亚地震")),
    ("李希来到古田会议纪念馆。", ("Institution", "古田会议纪念馆")),
    ("学员们参观了延安革命纪念馆。", ("Institution", "延安革命纪念馆")),
    # plans and opinions issued without 《》, competitions and high-level dialogues by name
    ("发布实施“十二五”节能减排综合性工作方案、控制温室气体排放工作方案和加强环境保护重点工作的意见。",
     ("Document", "“十二五”节能减排综合性工作方案")),
    ("发布实施“十二五”节能减排综合性工作方案、控制温室气体排放工作方案和加强环境保护重点工作的意见。",
     ("Document", "加强环境保护重点工作的意见")),
    ("全国文物行业职业技能大赛在太原举行。", ("Event", "全国文物行业职业技能大赛")),
    ("第十四届中韩媒体高层对话在首尔举行。", ("Event", "第十四届中韩媒体高层对话")),
    # the place a disaster is named after, and a convention named inside its conference, are mentions too
    ("夺取抗击汶川特大地震的重大胜利。", ("Place", "汶川县")),
    ("落实好《生物多样性公约》第十五次缔约方大会成果。", ("Document", "生物多样性公约")),
    ("落实好《生物多样性公约》第十五次缔约方大会成果。", ("Event", "《生物多样性公约》第十五次缔约方大会")),
    # education campaigns by their slogan; the seat of a meeting
    ("开展“学习强军思想、建功强军事业”教育实践活动。", ("Event", "“学习强军思想、建功强军事业”教育实践活动")),
    ("他参观了遵义会议会址。", ("Place", "遵义会议会址")),
    # national teams (jieba knows 阿根廷队 as one word); a name before an adverb of time; a law before 规定
    ("阿根廷队球员梅西和迪玛利亚分别进球。", ("Institution", "阿根廷队")),
    ("中国女队夺得冠军。", ("Institution", "中国女队")),
    ("社区书记王晖至今还记得总书记的叮嘱。", ("Person", "王晖")),
    ("根据宪法规定，", ("Document", "中华人民共和国宪法")),
    # a leader's thought on a field; a spouse by the word before her name
    ("坚持以毛泽东军事思想、邓小平新时期军队建设思想为指导。", ("Policy", "邓小平新时期军队建设思想")),
    ("创立了江泽民国防和军队建设思想。", ("Policy", "江泽民国防和军队建设思想")),
    ("江泽民同志的夫人王冶坪等亲属护送骨灰。", ("Person", "王冶坪")),
    # villages the news goes to, without their county
    ("在广东荔枝生产专业村柏桥村，他指出，", ("Place", "柏桥村")),
    ("记者走进兴西村的田间。", ("Place", "兴西村")),
    ("在浙江安吉余村，村民们", ("Place", "余村")),
    # athletes named at the start of a clause before what they won; a team introduced with its members' count
    ("举重女子87公斤级决赛，梁小梅以绝对优势夺冠，", ("Person", "梁小梅")),
    ("帆船比赛今天收官，毕焜、黄先婷分获男、女水翼帆板比赛冠军，", ("Person", "黄先婷")),
    ("由3名“00后”选手韩佳予、夏思钰和张琼月组成的中国队发挥出色。", ("Person", "夏思钰")),
    # the site a national programme designates, named after its place; a word jieba wrongly knows
    ("支持苏南国家自主创新示范区建设。", ("Place", "苏南国家自主创新示范区")),
    ("加快建设北京国际科技创新中心。", ("Place", "北京国际科技创新中心")),
    ("杭州国家人工智能创新应用先导区揭牌。", ("Place", "杭州国家人工智能创新应用先导区")),
    ("积极开发新能源和可再生能源。", ("Technology", "新能源")),  # jieba's 开发新 is no word
    ("扩大肯尼亚特色优质产品对华出口。", ("Place", "肯尼亚")),  # Kenya's products, not 中国特色
    # a transliteration jieba knows as a name, after a title; a character of the syllable table
    ("美国国防部长奥斯汀表示，", ("Person", "奥斯汀")),
    ("美国国防部长劳埃德·奥斯汀说", ("Person", "劳埃德·奥斯汀")),
    # a country's party after the country; a leader of a party by the word the news calls him
    ("南非共产党总书记马派拉表示，", ("Institution", "南非共产党")),
    ("德国社会民主党在选举中获胜。", ("Institution", "德国社会民主党")),
    ("印度共产党（马克思主义）发表声明。", ("Institution", "印度共产党（马克思主义）")),
    ("英国工党领袖斯塔默表示，", ("Person", "斯塔默")),
    ("斯里兰卡统一国民党领导人维克拉马辛哈表示，", ("Institution", "斯里兰卡统一国民党")),
    ("美国最高法院日前裁定，", ("Institution", "美国最高法院")),  # 最高 in a court's name
    # a county the news goes to, by its bare name
    ("习近平来到兰考，看望干部群众。", ("Place", "兰考县")),
    ("在正定考察时，他说", ("Place", "正定县")),
    ("李希还到八路军驻新疆办事处纪念馆参观。", ("Institution", "八路军驻新疆办事处纪念馆")),  # who is stationed
    ("今年下半年，中国共产党将召开第二十次全国代表大会。", ("Event", "党的二十大")),  # the Party's congress
    # the PLA's services by their bare names
    ("陆军、海军、空军、火箭军和战略支援部队", ("Institution", "中国人民解放军海军")),
    ("海军成立74周年之际", ("Institution", "中国人民解放军海军")),
    # an action plan or a general plan the text issues
    ("工信部等部门印发制造业数字化转型行动方案，", ("Document", "制造业数字化转型行动方案")),
    ("全国政协委员、中国科学院院士  王  辉：加快建设科技强国", ("Person", "王辉")),  # a speaker line
    # a university's schools and attached schools, common words as they are
    ("上海交通大学医学院附属瑞金医院专家表示", ("Institution", "上海交通大学医学院附属瑞金医院")),
    ("华中师范大学第一附属中学的学生", ("Institution", "华中师范大学第一附属中学")),
    # a national federation by its short form, the organisation at every level
    ("认真听取民主党派、工商联和无党派人士的意见。", ("Institution", "中华全国工商业联合会")),
    ("各级妇联组织开展了关爱活动。", ("Institution", "中华全国妇女联合会")),
    ("大会强调，各级残联要全面贯彻党的二十大精神。", ("Institution", "中国残疾人联合会")),
    ("王沪宁与共青团、总工会、妇联负责同志座谈。", ("Institution", "中华全国总工会")),
    # railway lines named by their termini, alone and listed before the head they share
    ("哈大高铁开通运营。", ("Place", "哈大高铁")),
    ("建成沪宁城际铁路。", ("Place", "沪宁城际铁路")),
    ("京沪、京广、哈大等高铁相继投入运营。", ("Place", "京沪高铁")),
    ("京沪、京广、哈大等高铁相继投入运营。", ("Place", "京广高铁")),
    ("京沪、京广、哈大等高铁相继投入运营。", ("Place", "哈大高铁")),
    # a known policy the text calls China's own, with the way it is (道路, 之路) and the head it has
    ("发展多种形式适度规模经营，是中国特色农业现代化的必由之路。", ("Policy", "中国特色农业现代化")),
    ("为走出一条中国特色乡村振兴之路贡献力量。", ("Policy", "中国特色乡村振兴之路")),
    ("积极阐释中国特色涉外法治理念、主张和成功实践。", ("Policy", "中国特色涉外法治理念")),
    # a lexicon term with part of it in quotes: the span as written, the term's entity
    ("积极帮助“零就业”家庭成员实现就业。", ("Policy", "零就业家庭")),
    ("加快推进“三网”融合。", ("Policy", "三网融合")),
    # the army's founding and a policy's own years, each an anniversary; a line by its termini and 高速铁路
    ("隆重庆祝中国人民解放军建军九十周年、改革开放四十周年。", ("Event", "中国人民解放军建军九十周年")),
    ("隆重庆祝中国人民解放军建军九十周年、改革开放四十周年。", ("Event", "改革开放四十周年")),
    ("溪洛渡水电站、京沪高速铁路等一批重大项目陆续开工。", ("Place", "京沪高铁")),
    ("沪昆高速铁路全线贯通。", ("Place", "沪昆高速铁路")),
    # formulas of parallel phrases, written without quotes
    ("推动明大德、守公德、严私德，提高人民道德水准。", ("Policy", "明大德、守公德、严私德")),
    ("树立尊重自然、顺应自然、保护自然的理念。", ("Policy", "尊重自然、顺应自然、保护自然")),
    # technologies by their formal names (drones in regulations), construction and coal-chemical techniques
    ("完善无人驾驶航空器飞行管理。", ("Technology", "无人机")),
    ("大力发展钢结构和装配式建筑。", ("Technology", "钢结构")),
    ("有序发展现代煤化工，稳妥推进煤制油、煤制气。", ("Technology", "煤制油")),
    # the NPC Standing Committee's Council of Chairmen: a body, and its numbered sittings named with their term
    ("审议委员长会议关于提请审议国务院组织法修订草案的议案。", ("Institution", "全国人大常委会委员长会议")),
    ("十三届全国人大常委会举行第一百一十次委员长会议。", ("Event", "十三届全国人大常委会第一百一十次委员长会议")),
    # a special administrative region's government written bare after the paragraph named the region
    ("当前香港疫情形势严峻，特区政府全力应对。", ("Institution", "香港特别行政区政府")),
    ("为澳门特区长远发展开辟空间。特区政府表示欢迎。", ("Institution", "澳门特别行政区政府")),
    # a slogan of parallel phrases, unquoted, right after the verb that holds to it
    ("要坚持省际共商、生态共治、全域共建、发展共享，提升区域交通一体化水平。", ("Policy", "省际共商、生态共治、全域共建、发展共享")),
    ("要坚持中央统筹、省负总责、市县抓落实的工作机制。", ("Policy", "中央统筹、省负总责、市县抓落实")),
    # a system named after the verb that sets it up or reforms it
    ("健全资源有偿使用制度和生态补偿制度。", ("Policy", "资源有偿使用制度")),
    ("建立重点物资运输车辆通行证制度。", ("Policy", "重点物资运输车辆通行证制度")),
    ("深化国防科技工业体制改革，完善知识产权管理体制。", ("Policy", "知识产权管理体制")),
    ("完善我国新型政党制度。", ("Policy", "新型政党制度")),
    ("健全城乡社区治理体系。", ("Policy", "城乡社区治理体系")),
    ("完善新时代中国特色军队文职人员制度体系。", ("Policy", "新时代中国特色军队文职人员制度体系")),
    ("构建循环经济体系。", ("Policy", "循环经济")),  # a known policy and its head: the policy itself
    ("建立健全利益协调机制、诉求表达机制、矛盾排查调处机制和权益保障机制。", ("Policy", "诉求表达机制")),  # listed
    ("建立重要商品储备制度和主要农产品临时收储制度。", ("Policy", "主要农产品临时收储制度")),
    # ... and what it is made of, as the lexicon knows it
    ("完善职业教育经费投入机制。", ("Policy", "职业教育")),
])
def test_generalising_rules_find(extract, text, expected):
    assert expected in found(extract(text))


@pytest.mark.parametrize("text, absent", [
    ("面向“十四五”实施专项培养计划，构建人才成长链。", ("Policy", "专项培养计划")),  # a description
    ("消防联合市场监管部门开展消防产品专项监督检查行动。", ("Policy", "消防产品专项监督检查行动")),
    ("集中开展打击整治专项行动，全力维护秩序。", ("Policy", "打击整治专项行动")),
    ("公布第一批港口功能优化提升交通强国专项试点项目。", ("Policy", "交通强国专项")),
    ("水利部发布的2022年《中国河流泥沙公报》显示。", ("Institution", "中国河流泥沙公报")),  # a bulletin, no paper
    ("有近50家法国公司的品牌亮相。", ("Institution", "法国公司")),  # a country's companies
    # a department's full name holds 和, but no 和 joins two names into one, no title is inside one, no class is one
    ("湖北省和国家发展和改革委员会联合调研", ("Institution", "湖北省和国家发展和改革委员会")),
    # a count of works is no work's name; a thing begun has no anniversary of its own
    ("主持参与了60余项高速铁路重要技术标准制定。", ("Place", "余项高速铁路")),
    ("在倡议提出10周年之际。", ("Event", "倡议提出10周年")),
    ("写在习近平主席提出强军目标10周年之际", ("Event", "强军目标10周年")),
    ("县人大、政协领导参加调研。", ("Institution", "中国人民政治协商会议")),  # the county's, not the kind
    # a pair of countries whose one-character form names more than one country; a word ending in 中; 中美洲
    ("习近平指出，中土建交30年来，两国关系发展顺利。", ("Place", "土耳其")),
    ("中加友好始终坚如磐石。", ("Place", "加拿大")),
    ("其中美方企业占三成。", ("Place", "美国")),
    ("中美洲国家同中国的关系", ("Place", "美国")),
    # 中国特色 describing a policy (具有), or a policy cut short by what follows it (式)
    ("走出一条具有中国特色乡村振兴的路子。", ("Policy", "具有中国特色乡村振兴")),
    ("走出一条具有中国特色乡村振兴的路子。", ("Policy", "中国特色乡村振兴")),
    ("走中国特色军民融合式发展路子。", ("Policy", "中国特色军民融合")),
    ("全面贯彻中国特色社会主义思想。", ("Policy", "中国特色社会主义思想")),
    ("美国网络司令部司令兼国家安全局局长表示", ("Institution", "美国网络司令部司令兼国家安全局")),
    ("京津优质中小学资源共享", ("Institution", "京津优质中小学")),
    ("全国政协十四届常委会第九次会议大会发言摘登", ("Event", "全国政协十四届常委会第九次会议大会")),
    ("要认真实施办法，落实条例。", ("Document", "实施办法")),
    ("依法保障妇女儿童权益。", ("Person", "童权益")),  # 女儿 is inside 妇女儿童
    ("台风“泰利”过境。", ("Event", "台风“泰利”")),  # one storm, one name, however it is written
    ("白皮书指出，中国坚持和平发展。", ("Person", "白皮书")),  # jieba tags it a name; documents speak too
    ("尼泊尔前总理普拉钦达说", ("Place", "普拉")),
    ("推进乡村振兴领导人会议", ("Event", "乡村振兴领导人会议")),  # a policy that is no cooperation mechanism
    ("埃及土耳其外长会谈讨论恢复关系", ("Event", "埃及土耳其外长会")),  # 外长会|谈: talks
    ("欧盟贸易部长会议25日举行", ("Event", "欧盟贸易部长会")),
    ("加强流动人口计划生育服务管理", ("Policy", "流动人口计划")),  # a rule's span needs its end too
    ("从扩大保障性租赁住房供给到城市提升行动，一项项政策落地。", ("Policy", "保障性租赁住房供给到城市提升行动")),  # 从…到…
    ("中巴两国签署协议", ("Place", "巴基斯坦")),  # 巴: Pakistan or Brazil, the text does not say
    ("其中美两国占一半", ("Place", "中国")),
    ("让企业家安心搞经营、放心办企业。", ("Person", "安心搞")),  # a name starts with no verb
    ("做好退役军人安置工作。", ("Person", "安置工")),
    ("审议原子能法草案、审议计划", ("Document", "审议计划")),
    ("在全国政协十四届二次会议第二次全体会议上作大会发言", ("Event", "全国政协十四届二次会议第二次全体会议上作大会")),
    ("第十四届中国航展新闻发布会今天举行。", ("Event", "第十四届中国航展新闻发布会")),  # about an event
    ("各地召开部署会。", ("Event", "各地召开部署会")),  # no name before the kind
    ("开展综合改革试点。", ("Policy", "综合改革试点")),  # general words only
    ("利比亚东部洪灾造成上万人遇难。", ("Event", "东部洪灾")),  # a direction names no disaster
    ("土耳其南部强烈地震。", ("Event", "南部强烈地震")),  # 南部 is a county of Sichuan, and a direction
    ("中国地震应急搜救中心派出救援队。", ("Event", "中国地震")),  # a body, not an earthquake
    ("会议听取了多数代表的意见。", ("Document", "多数代表的意见")),  # opinions, not a titled set of them
    ("北京冬奥会三大赛区。", ("Event", "北京冬奥会三大赛")),  # three competition zones
    ("他在世界大赛中夺冠。", ("Event", "世界大赛")),  # a qualifier and the kind: no name
    ("中国队员在比赛中。", ("Institution", "中国队")),  # the team's players
    ("完善国家安全法治体系。", ("Document", "中华人民共和国国家安全法")),  # 法治, no law
    ("健全公司法人治理结构。", ("Document", "中华人民共和国公司法")),  # 法人, no law
    ("毛泽东同志的思想光芒。", ("Policy", "毛泽东同志的思想")),  # his thinking, not a named thought
    ("总书记来到贫困村调研。", ("Place", "贫困村")),  # a kind of village
    ("在山东周村，", ("Place", "山东周村")),  # a district after its province, no village
    ("比赛中，男女混合接力夺得冠军。", ("Person", "男女混合接力")),  # no name at the clause's start
    ("台盟中央主席苏辉和民建中央主席郝明金出席。", ("Person", "苏辉和")),  # the conjunction before the next name
    ("会议通过了关于批准条约的决定。", ("Document", "关于批准条约的决定")),  # which treaty is not said
    ("由南部战区海军两栖船坞登陆舰五指山舰组成。", ("Place", "五指山")),  # a warship named after it
    ("通过了关于修改全国人大常委会议事规则的决定。", ("Event", "全国人大常委会议")),
    ("会议通过了关于修改反垄断法的决定。", ("Document", "关于修改反垄断法")),
    ("任命一批干部为处长。", ("Person", "一批干")),
    ("3日军演结束。", ("Institution", "日军")),  # the date and a drill
    ("以军事手段解决。", ("Institution", "以军")),  # a preposition and 军事
    ("集中力量办大事。", ("Document", "中力量办大事")),
    ("应李强邀请，他访问中国。", ("Person", "应李强")),  # the preposition before a known name
    ("依托国家工程实验室开展研究。", ("Institution", "国家工程实验室")),  # a class of laboratories
    ("俄罗斯总统普京表示。", ("Person", "俄罗斯")),  # a country before the title
    ("他和沃洛金都表示，合作顺利。", ("Person", "沃洛金都")),
    ("已实施120多项试点举措。", ("Policy", "120多项试点")),  # a count of pilots
    ("推动共筑人类命运共同体。", ("Policy", "共筑人类命运共同体")),  # the verb is no part of it
    ("开展第二批全国学校急救教育试点。", ("Policy", "第二批全国学校急救教育试点")),  # the round is no part of it
    ("上合组织由中国、俄罗斯等国组成。", ("Person", "中国")),  # a list of countries is no team of people
    ("专家组由王军和高校组成。", ("Person", "王军")),  # not every item a name: none taken
    ("推动辽宁振兴发展取得新突破。", ("Place", "振兴区")),  # a verb, not Dandong's district
    ("四川南部地区出现强降雨。", ("Place", "南部县")),  # a direction
    ("河南新乡遭遇强降雨。", ("Place", "新乡县")),  # the city of that name
    ("他从县城前往草科乡。", ("Place", "前往草科乡")),  # the town starts after the verb
    ("山西某县旧城镇改造。", ("Place", "旧城镇")),
    ("市里召开动员会。", ("Event", "市里召开动员会")),
    ("研究成果发表在《自然》上。", ("Document", "自然")),  # a journal
    ("1.28万家A级旅游景区正常开放。", ("Place", "A级旅游景区")),  # a class of sites
    ("是商代晚期都城遗址。", ("Place", "商代晚期都城遗址")),
    ("全国有个左右国家公园。", ("Place", "个左右国家公园")),
    ("越来越多的村庄变景区。", ("Place", "村庄变景区")),
    # no name from 全党同志, 据了解
    ("要求全党同志牢记。", ("Person", "全党")),
    ("据了解，项目进展顺利。", ("Person", "据了")),
    # no count of towns, no class of streets
    ("全区三个乡镇完成任务。", ("Place", "三个乡镇")),
    ("海淀区主要街道车流平稳。", ("Place", "主要街道")),
    ("在上海市静安区临汾路街道，居民们", ("Place", "临汾")),
    # no class of areas by risk, no technology's works as a programme
    ("所在县域均为低风险区。", ("Place", "低风险区")),
    ("开工建设一批核电工程和特高压输电工程。", ("Policy", "特高压输电工程")),
    # no NGO, anonymous unit, room, class of sowing areas or county's stretch of a road as a name
    ("美国非政府组织“无家可归者联盟”说", ("Institution", "美国非政府")),
    ("战略支援部队某基地126名官兵出动。", ("Institution", "战略支援部队某基地")),
    ("联排在中央广播电视总台一号演播厅举行。", ("Institution", "中央广播电视总台一号演播厅")),
    ("黄淮海、西北夏播区夏玉米出苗。", ("Place", "夏播区")),
    ("寻乌到广东龙川高速公路就将建成通车。", ("Place", "龙川高速公路")),
    # no company without a name of its own
    ("他们成立了一家有限公司。", ("Institution", "一家有限公司")),
    ("国有独资有限公司的董事会", ("Institution", "国有独资有限公司")),
    ("韩正在北京会见英国怡和控股有限公司董事长。", ("Institution", "韩正在北京会见英国怡和控股有限公司")),
    # no class of works, no stretch of a network, no place's part of a work
    ("全国铁路发送旅客1000万人次。", ("Place", "全国铁路")),
    ("杭州铁路部门加开列车。", ("Place", "杭州铁路")),
    ("我国首条跨海高铁开通。", ("Place", "跨海高铁")),
    ("管道穿越长江隧道。", ("Place", "长江隧道")),
    ("英国机场大批航班取消。", ("Place", "英国机场")),
    ("长三角铁路迎来客流高峰。", ("Place", "长三角铁路")),
    ("标志着大桥正式通车。", ("Place", "标志着大桥")),
    ("黄河五大水库联合调度。", ("Place", "五大水库")),
    ("乌方将就水电站问题谈判。", ("Place", "乌方将就水电站")),
    ("深中通道隧道全线贯通。", ("Place", "深中通道隧道")),
    ("村民王秀英、和平时一样早起。", ("Person", "和平")),  # a list item that is a word
    ("村民王秀英、张家口的游客来了。", ("Person", "张家口")),  # a place, not a name
    ("李强和中方代表团会谈。", ("Person", "中方")),
    ("李希义中共中央政治局常委", ("Person", "李希")),  # a longer name
    ("接待时任河北正定县委书记习近平访问。", ("Person", "任河北")),  # the place of the body, no name
    ("俄军向巴赫穆特前进。", ("Person", "巴赫")),  # a place whose name begins like a person's
    ("德国卫生部长劳特巴赫说。", ("Person", "巴赫")),  # a longer transliteration
    ("波涛汹涌，汪洋大海。", ("Person", "汪洋")),  # a word
    ("中韩正在加强合作。", ("Person", "韩正")),  # no name in 中韩 | 正在
    ("国家副主席王岐山出席。", ("Person", "国家副")),  # a title's first half
    ("农工党中央主席陈竺、常务副主席何维出席。", ("Person", "常务副")),
    ("北京科技大学的15位老教授写信。", ("Person", "位老")),  # a count of people
    ("肯尼亚外长丹尼斯·穆内内热烈欢迎", ("Person", "丹尼斯·穆内内热")),
    ("栗战书20日在北京人民大会堂会见。", ("Event", "北京人民大会")),  # a hall
    ("第六届创新与新兴产业发展国际会议日前在北京举行。", ("Event", "国际会议")),  # a kind of meeting
    ("落实中国—东盟建立对话关系30周年纪念峰会成果。", ("Event", "纪念峰会")),  # a kind of sitting, its name cut off
    ("中方在2016年第五届部长级会议上宣布。", ("Event", "2016年第五届部长级会议")),
    ("在本届政协第一次会议闭幕会上，我们提出。", ("Event", "政协第一次会议")),  # which committee's, unsaid
    ("十三届全国政协主席汪洋来到大会会场。", ("Event", "十三届全国政协主席汪洋来到大会")),  # a person in a clause
    ("这是以色列同阿拉伯国家达成的第一个自贸协定。", ("Document", "第一个自贸协定")),  # the how-manieth
    ("地方选举涉及英格兰、北爱尔兰数千个地方议会议席。", ("Event", "北爱尔兰数千个地方议会议")),  # seats
    ("两国外长关系良好，合作顺利。", ("Person", "关系良")),
    ("上说着紧张，但面对记者抛出的问题。", ("Person", "但面")),  # 面对, no name
    ("豌豆尖离开冷库，由罗英的儿子开车送出。", ("Person", "由罗英")),
    ("在全市看来，形势很好。", ("Person", "全市")),
    ("今年，天津计划培育100个智能工厂。", ("Policy", "天津计划")),  # a verb after a place
    ("美国计划于明年加息。", ("Policy", "美国计划")),
    ("表明了中国党和政府致力于人权。", ("Institution", "中国党和政府")),
    ("印度总统穆尔穆代表印度政府和人民。", ("Institution", "印度总统穆尔穆代表印度政府")),
    ("乌克兰东部地区冲突。", ("Place", "东部地区")),  # a direction of another place
    ("北京时间今天上午。", ("Place", "北京")),  # the time
    ("南非共产党总书记马派拉表示，", ("Institution", "中国共产党")),  # not China's party
    ("韩国最大在野党共同民主党表示，", ("Institution", "韩国最大在野党")),  # a class of party
    ("埃及等国宣介党的二十大精神。", ("Institution", "埃及等国宣介党")),
    ("美国总统与国会两党就债务上限达成协议。", ("Institution", "美国总统与国会两党")),
    ("各级残联组织通过实施系列行动方案，", ("Document", "系列行动方案")),  # by carrying out plans
    ("俄罗斯国防部称，海军舰艇在黑海巡逻。", ("Institution", "中国人民解放军海军")),  # Russia's
    ("美国海军陆战队", ("Institution", "中国人民解放军海军")),
    ("联大表决通过防止外空军备竞赛决议。", ("Institution", "中国人民解放军空军")),  # 外空 | 军备
    ("同美军参谋长联席会议主席马克·米利通话，讨论乌克兰局势。", ("Person", "马克·米利通")),  # 通话 follows
    ("乌方表示，将继续同俄方谈判。", ("Person", "乌方")),  # Ukraine's side, not a person
    ("会上宣读了习近平主席贺信。", ("Person", "贺信")),  # a letter
    ("蔡奇同越共中央政治局委员武文赏举行会谈。", ("Person", "蔡奇同")),  # 蔡奇 with …
    ("美国政府机构与乌克兰生物实验室合作。", ("Institution", "美国政府机构与乌克兰生物实验室")),  # two bodies
    ("各界代表出席庆祝大会暨就职典礼。", ("Event", "庆祝大会")),  # which celebration the name does not say
    ("各方应遵守国际法。", ("Document", "国际法")),  # a body of law, no one text
    ("推动落实已生效自贸协定，", ("Document", "已生效自贸协定")),
    ("将长三角区域一体化发展上升为国家战略，编制实施发展规划纲要。", ("Document", "发展规划纲要")),
    ("严控撤县建市设区。", ("Place", "严控撤县")),  # 撤县 abolishes a county
    ("甘肃岷县漳县地震", ("Place", "岷县漳县")),  # two counties
    ("为青年就业、创业等方面开展专项帮扶行动。", ("Policy", "专项帮扶行动")),  # no name, only kinds of work
    ("斯里兰卡统一国民党领导人维克拉马辛哈表示，", ("Institution", "中国国民党")),  # not Taiwan's KMT
    ("南非高度评价中国共产党的历史成就。", ("Institution", "南非高度评价中国共产党")),
    ("新加坡人民行动党代表团", ("Institution", "新加坡人民行动党")),  # the lexicon's 人民行动党
    ("朝鲜越南老挝古巴党中央热烈祝贺中共二十大胜利召开。", ("Institution", "党中央")),  # Cuba's
    ("罗马尼亚外交学院院长伯尔兰表示，", ("Institution", "外交学院")),  # Romania's, not China's
    ("市民们在新建的冰场里过把瘾。", ("Place", "新建区")),  # newly built
    ("在和平，我们需要合作。", ("Place", "和平县")),  # peace
    ("制定收入划分总体方案，健全地方税体系。", ("Document", "收入划分总体方案")),  # a plan to be written
    ("加快建设中国特色、世界一流的大学。", ("Place", "中国")),  # a quality
    ("扎实推进中国自由贸易试验区建设。", ("Place", "中国自由贸易试验区")),  # the programme, everywhere
    ("9省区启动共建黄河流域自贸试验区联盟。", ("Place", "黄河流域自贸试验区")),  # nine provinces' zones
    ("提升国家进口贸易促进创新示范区建设水平。", ("Place", "国家进口贸易促进创新示范区")),  # a programme
    ("《高端访谈》今晚播出。", ("Document", "高端访谈")),  # a show
    ("电视剧《人世间》热播。", ("Document", "人世间")),
    ("组建农村合作社，安吉县农村人居环境改善。", ("Place", "农村")),  # a class of village
    ("国际冬季两项联盟主席奥莱·达林都表示欢迎", ("Person", "奥莱·达林都")),  # 都 ends no name
    ("陈敏尔努尔兰·阿不都满金", ("Person", "尔努尔兰·阿不都满金")),  # a list whose spaces were taken out
    ("灾后，该县受灾村全部恢复供电。", ("Place", "受灾村")),
    ("阜平县乡村振兴成效明显。", ("Place", "乡村")),
    ("《必由之路》《摆脱贫困》等一件件精品力作高唱凯歌。", ("Document", "摆脱贫困")),  # works, not said to be reports
    ("委员讲堂、重大专项工作委员宣讲团", ("Person", "宣讲团")),  # a body
    ("习近平总书记都牵挂和惦念着困难群众", ("Person", "都牵挂")),  # an adverb and a verb
    ("宣布，由前总理罗伯特·菲佐领导的方向党", ("Person", "由前")),  # a former office
    ("首席技师、高技能专家孙柏慧", ("Person", "高技能")),  # what qualifies the title before the name
    ("家住九龙花园小区的居民杜先生预约", ("Person", "居民杜")),  # after 的, an occupation and a surname
    ("出席会议的政协委员表示", ("Person", "政协")),  # 委员 ends a body's name too
    ("一位85岁的张大爷说", ("Person", "张大爷")),  # a surname and a way of addressing someone
    ("。王阿姨告诉记者，", ("Person", "王阿姨")),
    ("18岁的王子", ("Person", "王子")),  # a word
    ("习近平复信英国弗朗西斯·霍兰德学校小学生", ("Person", "弗朗西斯·霍兰德")),  # a school named after him
    ("我国通过立法修法、体制机制改革", ("Document", "立法修法")),
    ("把推进全民守法作为基础工程", ("Policy", "全民守法作为基础工程")),
    ("美国媒体援引美国国家冰雪数据研究中心的数据", ("Institution", "美国媒体援引美国国家冰雪数据研究中心")),
    ("江苏自贸试验区南京片区与金陵海关合作", ("Institution", "江苏自贸试验区南京片区与金陵海关")),
    ("当地公安局局长介绍", ("Institution", "当地公安局")),
    ("建设北京国际科技创新中心", ("Institution", "北京国际科技创新中心")),
    ("人大代表和政协委员出席", ("Institution", "人民代表大会")),  # a delegate's title
    ("美国选举人团投票", ("Event", "美国选举人团")),  # a body of electors, no election
    ("双方发表了《中华人民共和国和巴西联邦共和国联合声明》。", ("Place", "中国")),  # China, whose statements most titles name
    ("继续打好党风廉政建设和反腐败斗争这场攻坚战、持久战。", ("Policy", "党风廉政建设和反腐败斗争这场攻坚战")),  # called a battle
    ("在重点生态功能区实施了25个生态保护修复试点工程", ("Policy", "生态保护修复试点工程")),  # many of a kind
    ("打好实现建军一百年奋斗目标攻坚战", ("Policy", "实现建军一百年奋斗目标攻坚战")),  # a battle for a named goal
    ("贯彻“一国两制”、“港人治港”、高度自治的方针", ("Policy", "“一国两制”、“港人治港”、高度自治")),  # known, each
    ("坚持和发展中国特色社会主义的基本方略", ("Policy", "和发展中国特色社会主义")),  # a second verb's object
    ("遵循健全政府间财政关系的基本原则", ("Policy", "健全政府间财政关系")),
    ("他说“今天很好，明天更好”。", ("Policy", "今天很好，明天更好")),  # a comma alone joins clauses
    ("中国选举产生新一届领导", ("Event", "中国选举")),
    ("中国人民大学简称人大", ("Institution", "人民代表大会")),
    ("县人大及其常委会", ("Institution", "人民代表大会")),  # the county's, a local body
    ("企业工会、共青团", ("Institution", "中华全国总工会")),  # an enterprise's own union  # a place the country builds (a zone)
    ("打造全国区域创新中心", ("Institution", "全国区域创新中心")),  # a goal, no body
    ("建设国家技术创新中心", ("Institution", "国家技术创新中心")),  # the programme, no one centre
    ("中国选手勇夺世锦赛冠军", ("Event", "中国选手勇夺世锦赛")),  # a clause before the head
    ("美国杜马市一个车展上", ("Event", "美国杜马市一个车展")),
    ("办赛理念是“简约、安全、精彩”。", ("Policy", "简约、安全、精彩")),  # words listed, no slogan of phrases
    ("他说“我们的、你们的”。", ("Policy", "我们的、你们的")),
    ("企业“怕出错、不敢闯”。", ("Policy", "怕出错、不敢闯")),  # two short words on a mood
    ("创作反映“时代之变、中国之进、人民之呼”的作品", ("Policy", "时代之变、中国之进、人民之呼")),  # no slogan's cue
    ("“一江碧水、两岸青山”得到重现", ("Policy", "一江碧水、两岸青山")),
    ("当地制定产业强链工作方案。", ("Document", "产业强链工作方案")),  # a plan of work, described
    ("特朗普在佛罗里达州迈阿密一家联邦法院出庭", ("Institution", "佛罗里达州迈阿密一家联邦法院")),
    ("德国保险公司表示", ("Institution", "德国保险公司")),  # a country's companies of a trade
    ("他参观了毛泽东故居", ("Institution", "毛泽东故居")),  # a house, not a body
    ("邓小平研究中心主任", ("Institution", "邓小平研究中心")),  # for a person, memorials and foundations only
    ("加沙地带所有医院停止运转", ("Institution", "加沙地带所有医院")),
    ("甘肃省县级医院", ("Institution", "甘肃省县级医院")),
    ("全球发展倡议媒体对话会两个分论坛举行", ("Event", "全球发展倡议媒体对话会两个分论坛")),
    ("要“弘扬奥林匹克精神”。", ("Policy", "弘扬奥林匹克精神")),  # a verb, no name
    ("“温暖的笑容和耀眼的体育精神”", ("Policy", "温暖的笑容和耀眼的体育精神")),
    ("深入学习习近平主席治国理政的重要思想", ("Policy", "习近平主席治国理政的重要思想")),
    ("双方签署多份谅解备忘录。", ("Document", "多份谅解备忘录")),  # which ones is not said
    ("双方签署多份谅解备忘录。", ("Document", "谅解备忘录")),
    ("认真落实两国经贸合作规划。", ("Document", "两国经贸合作规划")),
    ("落实好政府间经贸合作规划。", ("Document", "政府间经贸合作规划")),
    ("坚决维护这一条约。", ("Document", "这一条约")),
    ("宁夏出台三十条举措。", ("Document", "三十条举措")),
    ("探索走出了一条新路。", ("Document", "一条新路")),
    ("我国持续实施四期国家人权行动计划。", ("Document", "国家人权行动计划")),  # carried out: a programme
    ("现场响起歌曲《我和我的祖国》。", ("Document", "我和我的祖国")),  # a work of art
    ("《冰雪之约》《山河锦绣》等多部影片上映。", ("Document", "山河锦绣")),
    ("要改进工作方法，制定管理办法。", ("Document", "工作方法")),  # no law
    ("文章指出，要加强。", ("Person", "文章")),  # a word before a verb of saying
    # clauses taken for institutions: adverbs, prepositions and predicate verbs inside
    ("长春继续加大政府投入。", ("Institution", "长春继续加大政府")),
    ("南非人民衷心感谢中国政府。", ("Institution", "南非人民衷心感谢中国政府")),
    ("截至年末，全国共开立银行账户136亿户。", ("Institution", "全国共开立银行")),
    ("世卫组织称与加沙地带希法医院失去联系。", ("Institution", "世卫组织称与加沙地带希法医院")),
    ("优化农业农村部职责，在农业农村部加挂国家乡村振兴局牌子。", ("Institution", "农业农村部加挂国家乡村振兴局")),
    # titles of programmes, films, shows and works of art, alone or in a list
    ("第五集《改革攻坚》聚焦展现改革历程。", ("Document", "改革攻坚")),
    ("新闻频道将推出特别节目《奋楫新征程》《日出东方》等。", ("Document", "日出东方")),
    ("《志愿军：雄兵出击》《坚如磐石》等一批国产新片集中上映。", ("Document", "坚如磐石")),
    ("《经典咏流传》第五季今晚开播。", ("Document", "经典咏流传")),
    ("该集团创作演出了舞蹈诗画《国色》、舞乐《中国故事》。", ("Document", "国色")),
    ("军乐队奏响《思念曲》，仪式正式开始。", ("Document", "思念曲")),
    # a ship named after a person; a title glued to the next word; prepositions and words as names
    ("美国海军“哈里·杜鲁门”号航空母舰打击群。", ("Person", "哈里·杜鲁门")),
    ("亚太经合组织轮值主席国泰国、独联体轮值主席国。", ("Person", "国泰国")),
    ("在建馆60周年之际，向全馆同志致以热烈祝贺。", ("Person", "向全馆")),
    ("栗战书以视频方式同俄罗斯联邦委员会主席马特维延科会谈。", ("Person", "方式同")),
    ("开展谈心谈话、委员宣讲等工作。", ("Person", "宣讲")),
    ("说到鸟类习性头头是道，但他认为这不够。", ("Person", "但他")),
    # meetings: 会晤 as a verb, a class of meetings
    ("这也是中俄元首首次在国际场合会晤。", ("Event", "国际场合会晤")),
    ("审议全国政协重要会议筹备组织工作细则。", ("Event", "全国政协重要会议")),
    # a clause with 的 is no law; programmes: a class (各项), a count, military operations, engineering
    ("根据巴以双方的协定，以色列负责代收。", ("Document", "巴以双方的协定")),
    ("持续深化食物节约各项行动。", ("Policy", "食物节约各项行动")),
    ("东部战区在台岛周边开展联合军事行动。", ("Policy", "联合军事行动")),
    ("华能风电场等一批新能源工程近日开工。", ("Policy", "新能源工程")),
    ("新职业有“增材制造工程技术人员”等。", ("Policy", "增材制造工程")),
    ("围绕“党的领导制度是我国的根本领导制度”，一系列决策出台。", ("Policy", "党的领导制度是我国的根本领导制度")),
    ("强化我军建设规划计划刚性约束。", ("Policy", "我军建设规划计划")),
    # titles that neither say nor are said to be documents: songs, works of art
    ("艺术家们演绎《红旗颂》《白毛女》《党的女儿》等经典。", ("Document", "白毛女")),
    ("1990年亚运会宣传曲《亚洲雄风》在现场唱响。", ("Document", "亚洲雄风")),
    # the same name across an institution's edge or a word's: a preposition, a word going on
    ("央视网消息：中国常驻联合国代表团及驻多国使领馆举办活动。", ("Person", "国常驻")),
    ("李强在京会见由古共中央政治局委员率领的代表团。", ("Person", "由古共")),
    ("国际冬季两项联盟主席奥莱·达林11日说，", ("Person", "席奥莱·达林")),
    ("第十三届“挑战杯”中国大学生创业计划竞赛举行。", ("Institution", "中国大学")),
    ("已经实现同上海总部医院一体化管理。", ("Institution", "上海总部医院")),
    ("巴西总统与委内瑞拉总统会晤，批评单边制裁。", ("Event", "委内瑞拉总统会晤")),
    ("俄罗斯联邦安全会议成员举行会议。", ("Event", "俄罗斯联邦安全会议")),
    ("山西、江苏、甘肃省政府主要负责同志发言。", ("Institution", "江苏政府")),
    # bodies of several or of foreign countries are not China's
    ("这一事件促使各国央行开始重新评估美元资产。", ("Institution", "中国人民银行")),
    ("土耳其、卡塔尔等国外交部当天发表声明。", ("Institution", "外交部")),
    ("数百人受伤。以国防部称以军进入加沙城。", ("Institution", "国防部")),
    # a country's schools, one of a class, a known name running past the head: no named body
    ("美国小学频发枪击事件。", ("Institution", "美国小学")),
    ("美国得州一小学发生枪击事件。", ("Institution", "得州一小学")),
    ("民众在广岛连续抗议七国集团峰会。", ("Institution", "广岛连续抗议七国集团")),
    # China in its own bodies' names, a place in a university's or a corps' name: no place of its own there
    ("中国政府高度重视。", ("Place", "中国")),
    ("北京大学的研究团队发布成果。", ("Place", "北京")),
    ("新疆生产建设兵团党委召开会议。", ("Place", "新疆")),
    # a ministry's sitting may be any country's: the body is not taken for China's
    ("俄罗斯总统普京在国防部扩大会议上表示。", ("Institution", "国防部")),
    # a saying in quotes is no numbered slogan
    ("中国有两句老话，一句是“一个巴掌拍不响”。", ("Policy", "一个巴掌拍不响")),
    # a count that is not the number of the items listed says nothing of them
    ("。张三、李四、王五等10名同志获得称号。", ("Person", "王五")),
    # an activity named after an event keeps naming the event
    ("开展“为北京冬奥会送祝福”活动。", ("Event", "为北京冬奥会送祝福")),
    # a risk's metaphor, a class or a clause before 事件 names no incident
    ("防范化解“灰犀牛”事件。", ("Event", "“灰犀牛”事件")),
    ("一架战机在“卡尔·文森”号航母上降落时发生事故。", ("Event", "“卡尔·文森”号航母上降落时发生事故")),
    # the anniversary of a thing begun is no named event; two leaders meeting in a city is the verb
    ("共建“一带一路”倡议提出10周年。", ("Event", "一带一路倡议提出10周年")),
    ("中国队胜利3周年。", ("Event", "中国队胜利3周年")),  # a victory of no war
    ("两国领导人在北京会晤。", ("Event", "北京会晤")),
    # no idiom or time slot is a measure; no word or verb inside another word is a foreign name
    ("一心一意谋发展。", ("Policy", "一心一意")),
    ("《一日一图》栏目。", ("Policy", "一日一图")),
    ("要加强预警，努力增强调控能力。", ("Person", "努力增")),
    ("。西方认为这一政策有效。", ("Person", "西方")),
    ("知名人士和智库代表参加了首发式。", ("Person", "智库")),
    ("宪法和法律委员会主任委员李飞作报告。", ("Document", "中华人民共和国宪法")),
    # a bare minister's ministry may be any country's: none is taken for China's
    ("俄美两国外长和国防部长也分别通电话。", ("Institution", "国防部")),
    ("以色列候任总理、外交部长拉皮德共同主持会议。", ("Institution", "外交部")),
    # a show stays a show though its staging is described; a country's people are no party
    ("舞蹈《咏春》编排精巧，赢得掌声。", ("Document", "咏春")),
    ("越南人民和中国人民友谊深厚。", ("Institution", "越南共产党")),
    ("他和队友们一起训练。", ("Person", "们一起")),
    # a phrase, a class or a body's sittings are no names
    ("会议审议了监察司法委关于提请审议反间谍法修订草案的议案。", ("Document", "监察司法委关于提请审议反间谍法")),
    ("标普下调多家美国地区银行评级。", ("Institution", "美国地区银行")),
    ("英国石油公司美国分公司21日说，", ("Institution", "美国分公司")),
    ("美国多届政府都曾承诺。", ("Institution", "美国多届政府")),
    ("开播仪式在香港会议展览中心举行。", ("Event", "香港会议")),
    ("俄国防部会议讨论加强西部边境军力。", ("Event", "俄国防部会议")),
    ("推进拉萨山南一体化重要工程，预计年底通车。", ("Policy", "拉萨山南一体化重要工程")),
    ("主席、副主席名单\n一、主席\n王沪宁\n二、副主席", ("Document", "一、主席")),
    ("要打造国家农业科技战略力量。", ("Policy", "农业科技战略")),
    ("中国使馆与当地政府也联合举办了活动。", ("Institution", "中国使馆与当地政府")),
    ("习近平在看望参加政协会议的委员时说，", ("Event", "政协会议")),
    ("并计划着手进行第二次普查。", ("Event", "第二次普查")),
    ("这是中科院院士叶玉如所带领的团队。", ("Institution", "中科院院士叶玉如所")),
    ("各农场通过良种良法，发挥优势。", ("Document", "良种良法")),
    ("肯尼亚外交部表示，肯尼亚遵守联合国大会第2758号决议。", ("Event", "肯尼亚遵守联合国大会")),
    ("普京批准新版《俄罗斯联邦外交政策构想》，新版《构想》指出", ("Document", "构想")),
    ("韩正还会见了莫塔集团董事长卡洛斯·莫塔。韩正表示，", ("Person", "莫塔集团")),
    ("同日，国务院总理李克强同荷兰首相吕特互致贺电。", ("Person", "吕特互")),
    ("共同发言指出，《宣言》明确强调各类人权。", ("Document", "宣言")),
    # occupations before words (居民都期待), a place suffix in a class or after a count or a preposition
    ("居民都期待新的变化。", ("Person", "都期待")),
    ("游客来报名参加活动。", ("Person", "来报名")),
    ("贫困县全部摘帽。", ("Place", "贫困县")),
    ("天津市棚户区改造加快推进。", ("Place", "棚户区")),
    ("山西省88家开发区的323个项目开工。", ("Place", "家开发区")),
    ("北京市除丰台区全域及昌平区部分区域解封。", ("Place", "除丰台区")),
    ("带动农民返乡创业。", ("Place", "民返乡")),
    ("我国城镇新增就业1200万人。", ("Place", "我国城镇")),
    ("日前，西藏两座气膜实验室在拉萨投入使用。", ("Institution", "西藏两座气膜实验室")),
    ("内蒙古、广西壮族自治区党委负责同志发言。", ("Institution", "内蒙古壮族自治区党委")),
    ("北京师范大学“优师计划”师范生表示，", ("Person", "师范生")),
    ("组织实施好乡村建设行动。", ("Policy", "好乡村建设行动")),
    ("同日，中国共产党中央委员会复电中国国民党中央委员会表示，", ("Institution", "中国共产党中央委员会复电中国国民党中央委员会")),
    ("以军称推进加沙地带地面行动。", ("Policy", "加沙地带地面行动")),
    ("提前完成全年投资计划。", ("Policy", "全年投资计划")),
    ("在长江大保护专项整治等十大战役中，", ("Policy", "长江大保护专项")),
    ("习近平举行仪式欢迎古共中央第一书记、古巴国家主席访华。", ("Person", "古共")),
    ("审议通过了赵乐际同志代表中央纪委常委会所作的报告。", ("Institution", "中央纪委常委会所")),
    ("政协第十四届全国委员会第一次会议各次全体会议执行主席名单", ("Event", "政协第十四届全国委员会第一次会议各次全体会议")),
    ("乌内政部长莫纳斯提尔斯基同一天表示，", ("Person", "乌内政")),
    ("亚太经合组织建立领导人定期会议机制以来，", ("Event", "亚太经合组织建立领导人定期会议")),
    ("浙江省、宁夏回族自治区、山东省党委统战部主要负责同志作了发言。", ("Institution", "宁夏省党委统战部")),
    ("赵乐际向第六任全国人大常委会香港特别行政区基本法委员会组成人员和第五任澳门特别行政区基本法委员会新任委员颁发任命书。",
     ("Institution", "全国人大常委会香港特别行政区基本法委员会组成人员和第五任澳门特别行政区基本法委员会")),
    ("听取和审议民革第十三届中央常务委员会工作报告和中央监督委员会工作报告。",
     ("Institution", "民革第十三届中央常务委员会工作报告和中央监督委员会")),
    ("截至14日，全国二级以上医院开设发热门诊。", ("Institution", "全国二级以上医院")),
    ("中国上市公司协会最新数据显示，", ("Institution", "中国上市公司")),
    ("香港特别行政区选举第十四届全国人民代表大会代表的办法草案", ("Event", "香港特别行政区选举第十四届全国人民代表大会")),
    ("江泽民同志治丧委员会名单\n主任委员：\n习近平\n委员：\n李克强", ("Document", "主任委员：")),
    ("习近平在曼谷会见文莱苏丹哈桑纳尔。", ("Place", "苏丹")),
    # a bare direction of somewhere else
    ("乌克兰军方称，在东部多地击退俄军进攻。", ("Place", "东部地区")),
    ("美国肯塔基州东部地区因暴雨引发洪灾。", ("Place", "东部地区")),
    ("浙江省工商联组织民营企业参展。", ("Institution", "中华全国工商业联合会")),  # the province's own
    ("北京大学商学院长表示，", ("Institution", "北京大学商学院长")),  # a title after the school
    ("美国沿海港口拥堵加剧。", ("Place", "沿海港")),  # no port's name
    ("美国媒体人士罗伯特·布里奇日前刊文说", ("Person", "士罗伯特·布里奇")),  # 人士 before the name
    ("董事长武钢和中国疾病预防控制中心专家", ("Person", "武钢和")),
    ("四川农业大学温江校区和成都工业学院五所高校", ("Institution", "四川农业大学温江校区和成都工业学院")),
    ("湖北省文物考古研究院院长方勤和湖南省人民医院护士长", ("Institution", "湖北省文物考古研究院院长方勤和湖南省人民医院")),
    ("日本主要港口吞吐量下降。", ("Place", "主要港")),
    ("县妇联主席走访了留守儿童家庭。", ("Institution", "中华全国妇女联合会")),
    ("县残联主席走访了残疾人家庭。", ("Institution", "中国残疾人联合会")),  # the county's own
    ("省总工会开展送温暖活动。", ("Institution", "中华全国总工会")),
    ("广大铁路职工坚守岗位。", ("Place", "广大铁路")),  # a common word, not two termini
    ("建成沪宁城际铁路。", ("Place", "成沪宁城际铁路")),  # 建成 is a word
    ("北京、上海、广州等城市。", ("Place", "广州城市")),
    ("北京、上海、广州等地的高铁站。", ("Place", "广州地")),
    ("增加教育、科技等法定支出。", ("Document", "中华人民共和国教育法")),  # 法定 is a word: 法 is no head
    ("北京、上海等人口大省。", ("Person", "上海")),  # 等|人口, not 等人
    ("高校、企业等人员参加。", ("Person", "企业")),
    ("推进高水平开放和高质量发展。", ("Policy", "开放发展")),  # 高水平|开放: no item of its own
    ("为中国的发展和构建人类命运共同体奠定基础。", ("Policy", "发展共同体")),  # no pair of items
    ("深化金融改革和对外开放。", ("Policy", "改革开放")),
    ("2022世界工业与能源互联网博览会开幕。", ("Technology", "工业互联网")),
    ("天津、山东、内蒙古中部等地区出现降雨。", ("Place", "中部地区")),  # part of 内蒙古中部, no item of the list
    ("推动科研、产业、技术、金融等科技创新资源集聚。", ("Technology", "金融科技")),  # one item of four
    # systems of no name, of a kind, or counted
    ("建立健全工作协调机制。", ("Policy", "工作协调机制")),
    ("完善考核评价制度。", ("Policy", "考核评价制度")),
    ("完善股票发行注册制相关制度。", ("Policy", "股票发行注册制相关制度")),
    ("累计建立302项制度。", ("Policy", "302项制度")),
    ("完善大通关合作机制。", ("Policy", "完善大通关合作机制")),
    ("完善贸易投资领域体制机制。", ("Policy", "贸易投资领域体制机制")),
    ("完善科技评价和奖励制度。", ("Policy", "奖励制度")),  # a head shared by two, named by neither alone
    ("特区政府发布通告。", ("Institution", "香港特别行政区政府")),  # no region named before: whose is not said
    ("全力支持香港、澳门发展经济。支持特区政府积极应对。", ("Institution", "澳门特别行政区政府")),  # both regions
    # known policies listed after 坚持, phrases of uneven length, two phrases: no slogan
    ("坚持乡村振兴、共同富裕、高质量发展的方向。", ("Policy", "乡村振兴、共同富裕、高质量发展")),
    ("坚持加强管理、挖掘价值、让文物活起来。", ("Policy", "加强管理、挖掘价值、让文物活起来")),
    ("坚持科学谋划、统筹安排。", ("Policy", "科学谋划、统筹安排")),
    ("深化文化体制机制改革。", ("Policy", "文化体制机制")),  # a reform of the system, not the system
])
def test_generalising_rules_do_not_overreach(extract, text, absent):
    assert absent not in found(extract(text))


def test_a_short_title_recurs_only_in_its_brackets(extract):
    ms = extract("出版《绽放》一书。绽放生命精彩。《绽放》好看。")
    assert [m.text for m in ms if m.type == "Document"] == ["绽放", "绽放"]
    assert all(m.rule == "rule:title-brackets" for m in ms if m.type == "Document")


def test_a_title_does_not_recur_inside_a_sentence(extract):
    ms = extract("本台播发央视快评《以金砖责任应对共同挑战》。我们要以金砖责任应对共同挑战，共同前进。")
    assert [m.rule for m in ms if m.type == "Document"] == ["rule:title-brackets"]


def test_a_foreign_surname_naming_a_body_is_not_the_person(extract):
    ms = extract("韩正还会见了莫塔集团董事长卡洛斯·莫塔。韩正表示，")
    assert [m.text for m in ms if m.type == "Person" and m.name == "卡洛斯·莫塔"] == ["卡洛斯·莫塔"]


def test_a_team_at_a_line_start_does_not_take_the_line_break(extract):
    ms = extract("9.中国代表团：\n中国队整体表现符合预期；")
    assert [(m.text, m.type) for m in ms if m.name == "中国队"] == [("中国队", "Institution")]
    assert not any("\n" in m.text for m in ms)


@pytest.mark.parametrize("text, absent", [
    ("成员分别在上海、四川、中国人民大学等地宣讲", ("Institution", "四川大学")),  # places before a body keep their own
    ("与中国科学院、重庆大学等5所高校合作", ("Institution", "中国科学院大学")),  # a known body stays itself
    ("对第十九届中央委员、全国政协社会和法制委员会原副主任", ("Institution", "中国共产党第十九届中央委员会")),
])
def test_a_listed_word_takes_no_tail_that_makes_another_name(extract, text, absent):
    assert absent not in found(extract(text))


def test_the_party_central_committee_of_a_term_and_xi_by_his_title(extract):
    ms = extract("习近平代表第十九届中央委员会向大会作报告。习主席强调，")
    assert ("Institution", "中国共产党第十九届中央委员会") in found(ms)
    assert [m.text for m in ms if m.name == "习近平"] == ["习近平", "习主席"]


def test_a_places_party_after_a_title_is_no_person(extract):
    assert not any(m.type == "Person" for m in extract("代表古巴党和国家再次热烈祝贺中共二十大胜利召开"))
    assert ("Person", "阿曼达") in found(extract("联合国秘书长特别代表阿曼达表示，"))


def test_a_headline_list_of_known_bodies_is_no_sub_unit(extract):
    ms = extract("全国政协办公厅中共中央统战部国务院侨办举行座谈")
    assert {"全国政协办公厅", "中共中央统一战线工作部", "国务院侨务办公室"} <= {m.name for m in ms}
    assert ("Institution", "农工党第十六届中央委员会") in found(extract("农工党第十六届中央委员会主席何维"))



def test_a_count_after_the_last_listed_name_is_no_part_of_it(extract):
    ms = extract("中国队隋文静/韩聪、彭程/金杨两对组合将先后登场亮相。")
    names = {m.name for m in ms if m.type == "Person"}
    assert "金杨" in names and "金杨两" not in names


def test_cities_listed_before_a_mountains_body_stay_cities(extract):
    ms = extract("吉林边境地区包括通化市、白山市、长白山管委会、延边朝鲜族自治州")
    assert not any(m.type == "Institution" and m.text in ("通化市", "白山市") for m in ms)
    assert ("Institution", "中共北京市委员会") in found(extract("北京、上海市委"))  # divisions still share


@pytest.mark.parametrize("text, span", [
    ("要完善城乡融合发展体制机制。", "城乡融合发展体制机制"),  # not …体制, with 机制 left over
    ("健全全过程人民民主制度体系。", "全过程人民民主制度体系"),
    ("实施黑土地保护性耕作行动计划。", "黑土地保护性耕作行动计划"),  # not …行动
])
def test_a_compound_policy_head_is_taken_whole(extract, text, span):
    assert span in {text[m.start:m.end] for m in extract(text) if m.type == "Policy"}


@pytest.mark.parametrize("text, inner", [
    ("实施种业振兴行动。", "种业振兴"),  # the policy before its campaign
    ("实现碳达峰碳中和。", "碳达峰"),  # two policies written together
    ("实现碳达峰碳中和。", "碳中和"),
    ("推进丝绸之路经济带和21世纪海上丝绸之路建设。", "丝绸之路经济带"),  # joined by a conjunction
    ("推进丝绸之路经济带和21世纪海上丝绸之路建设。", "21世纪海上丝绸之路"),
])
def test_the_policy_a_longer_policy_is_made_of_is_kept(extract, text, inner):
    assert inner in {text[m.start:m.end] for m in extract(text) if m.type == "Policy"}


@pytest.mark.parametrize("text, inner", [
    ("深化公立医院改革试点。", "公立医院改革"),  # a pilot is read as the pilot alone
    ("坚持不敢腐、不能腐、不想腐一体推进。", "不敢腐"),  # a slogan is taken whole
])
def test_a_pilot_or_a_slogan_keeps_no_policy_inside(extract, text, inner):
    assert inner not in {text[m.start:m.end] for m in extract(text) if m.type == "Policy"}


def test_a_term_quoted_in_part_is_one_mention_with_its_quotes(extract):
    text = "进一步做好“三农”工作，帮助“零就业”家庭。"
    ms = [m for m in extract(text) if m.type == "Policy"]
    assert [(m.text, m.name) for m in ms] == [("“三农”工作", "三农"), ("“零就业”家庭", "零就业家庭")]
    assert all(text[m.start : m.end] == m.text for m in ms)


def test_a_term_quoted_in_part_must_end_as_a_word(extract):
    ms = extract("感谢“三农”工作者的辛勤付出。")  # 工作者, workers: no 三农工作 ends inside it
    assert [m.text for m in ms if m.type == "Policy"] == ["三农"]


@pytest.mark.parametrize(
    "text, event, inside",
    [
        # 中国 and the place that hosts the series, in brackets: part of the name
        ("第十一届中国（绵阳）科技城国际科技博览会开幕。", "第十一届中国（绵阳）科技城国际科技博览会", "绵阳"),
        ("2022中国（曲阜）国际孔子文化节开幕。", "2022中国（曲阜）国际孔子文化节", "曲阜"),
        # a body's short form after its name: the meeting named without it
        ("同时应邀出席亚太经合组织（APEC）第三十次领导人非正式会议。", "亚太经合组织第三十次领导人非正式会议", "APEC"),
        ("二十国集团（G20）领导人第十七次峰会在巴厘岛举行。", "二十国集团领导人第十七次峰会", "G20"),
    ],
)
def test_a_meetings_name_runs_through_a_bracket_that_belongs_to_it(extract, text, event, inside):
    ms = extract(text)
    [m] = [m for m in ms if m.type == "Event"]
    assert m.name == event and inside in m.text  # not 国际科技博览会 or 第三十次领导人非正式会议, a name cut short


@pytest.mark.parametrize(
    "text, absent",
    [
        ("部分部门党组（党委）主要负责同志参加会议。", "党委）主要负责同志参加会议"),
        ("《中华人民共和国企业所得税法（草案）》将提请本次大会审议。", "本次大会"),
        ("中国（湖南）援非抗疫专家组成员出席座谈会。", "中国（湖南）援非抗疫专家组成员出席座谈会"),
    ],
)
def test_a_bracket_of_no_name_stops_a_meetings_name(extract, text, absent):
    assert all(absent not in m.text for m in extract(text) if m.type == "Event")


@pytest.mark.parametrize(
    "text",
    [
        "积极发展水电，安全发展核电。",
        "开工一批水电、核电项目。",
        "我国风电、光伏、水电发电装机容量均居世界首位。",
        "统筹水电开发和生态保护。",
    ],
)
def test_hydropower_is_a_technology(extract, text):
    assert ("Technology", "水电") in found(extract(text))


@pytest.mark.parametrize(
    "text",
    [
        "给予税费减免、资金支持、水电气热价格优惠等扶持。",
        "加强农村水电路气信邮等基础设施建设。",
        "在房租水电减免等方面给予支持。",
        "谁家有个水电故障都来找他。",
        "白鹤滩水电站16台机组全部投产。",
    ],
)
def test_water_and_power_the_utilities_are_no_technology(extract, text):
    assert ("Technology", "水电") not in found(extract(text))


@pytest.mark.parametrize(
    "text, report",
    [
        ("听取了全国人大常委会执法检查组关于检查长江保护法实施情况的报告；", "关于检查长江保护法实施情况的报告"),
        ("审议的政协全国委员会常务委员会工作报告、关于提案工作情况的报告，审议通过", "关于提案工作情况的报告"),
        ("听取了周光权作的关于民事诉讼法修正草案审议结果的报告。", "关于民事诉讼法修正草案审议结果的报告"),
    ],
)
def test_a_report_titled_without_brackets_where_it_is_heard(extract, text, report):
    assert ("Document", report) in found(extract(text))


@pytest.mark.parametrize("text", ["他说，关于这个问题的报告很多。", "有关于此事的报告称，"])
def test_a_report_on_a_matter_is_no_title(extract, text):
    assert not [m for m in extract(text) if m.type == "Document"]


@pytest.mark.parametrize(
    "text, inner",
    [
        ("听取了周光权作的关于民事诉讼法修正草案审议结果的报告。", ("Document", "中华人民共和国民事诉讼法")),
        ("会议通过了关于修改反垄断法的决定。", ("Document", "中华人民共和国反垄断法")),
        ("审议了关于数字经济发展情况的报告。", ("Technology", "数字经济")),
    ],
)
def test_what_a_report_or_a_decision_is_about_is_named_too(extract, text, inner):
    assert inner in found(extract(text))


@pytest.mark.parametrize(
    "text, event",
    [
        ("全军党的建设会议在京召开。", "全军党的建设会议"),  # the 的 of 党的建设 is no particle that cuts the name
        ("全军装备工作会议在京召开。", "全军装备工作会议"),
    ],
)
def test_the_armys_own_meetings_are_named(extract, text, event):
    assert ("Event", event) in found(extract(text))


def test_the_army_and_a_bare_meeting_name_none(extract):
    assert not [m for m in extract("全军会议强调，在全军部队召开会议。") if m.type == "Event"]


def test_a_councils_sitting_is_a_meeting_and_the_council_is_named_too(extract):
    got = found(extract("美、英、法、德主导在国际原子能机构理事会会议上通过决议。"))
    assert {("Event", "国际原子能机构理事会会议"), ("Institution", "国际原子能机构理事会")} <= got


def test_a_ministrys_sitting_is_no_named_meeting(extract):
    assert not [m for m in extract("俄国防部会议上，绍伊古表示。") if m.type == "Event"]


@pytest.mark.parametrize(
    "text, county",
    [
        ("习近平在宁德察看城市水系整治情况；乘船前往福安“蓝海渔歌”海上综合整治展示平台。", "福安市"),  # its city before
        ("在浙江，安吉的余村已经变了样。", "安吉县"),  # its province before
        ("党的十八大以来，云和县发展很快。如今的云和，处处是景。", "云和县"),  # its full name before
    ],
)
def test_a_county_named_bare_after_its_province_or_city_in_the_story(extract, text, county):
    bare = county[:-1]
    assert [m.name for m in extract(text) if m.text == bare] == [county]


@pytest.mark.parametrize(
    "text, absent",
    [
        ("在重庆奉节，坐船游览瞿塘峡，欣赏高峡平湖的秀美画卷。", "平湖市"),  # a calm lake
        ("四川大凉山腹地的昭觉县三河村里，彝族群众聚到村委会。", "三河市"),  # a village named so, and not in Hebei
        ("在广西，眼下在右江河畔，芒果成熟了。", "右江区"),  # the river
        ("黑龙江充分利用“龙江先锋党建云平台”。", "龙江县"),  # the province's short name
        ("山东菏泽的牡丹进入最佳观赏期。", "牡丹区"),  # the flower
        ("安吉县的干部说，安吉的变化很大。在浙江以外，福安的名字少有人知。", "福安市"),  # Fujian is not named
    ],
)
def test_a_bare_county_name_that_is_a_word_or_of_another_province_is_no_county(extract, text, absent):
    assert ("Place", absent) not in found(extract(text))


def test_a_foreign_city_written_with_shi_is_the_city(extract):
    got = found(extract("美国纽约市发生枪击事件，俄罗斯莫斯科市举行活动。"))
    assert {("Place", "纽约"), ("Place", "莫斯科")} <= got


@pytest.mark.parametrize(
    "text, anniversary",
    [
        ("纪念五四运动100周年。", "五四运动100周年"),  # an event's own years
        ("纪念全民族抗战爆发85周年。", "全民族抗战爆发85周年"),  # a war's outbreak
        ("纪念中国人民志愿军抗美援朝出国作战七十周年。", "中国人民志愿军抗美援朝出国作战七十周年"),  # who went to war
        ("海南解放70周年之际", "海南解放70周年"),  # a place's liberation
    ],
)
def test_anniversaries_of_events_wars_and_liberations(extract, text, anniversary):
    assert ("Event", anniversary) in found(extract(text))


@pytest.mark.parametrize("text", ["思想解放10周年之际", "问题爆发3周年", "中国出国作战70周年"])
def test_a_liberation_or_an_outbreak_of_no_place_or_event_is_no_anniversary(extract, text):
    assert not [m for m in extract(text) if m.type == "Event"]


def test_historical_events_are_known(extract):
    got = found(extract("从辛亥革命、五四运动到红军长征、西安事变，再到南京大屠杀和抗日战争。"))
    assert {("Event", "辛亥革命"), ("Event", "五四运动"), ("Event", "红军长征"), ("Event", "西安事变"),
            ("Event", "南京大屠杀"), ("Event", "中国人民抗日战争")} <= got


def test_a_title_recurs_with_the_names_it_holds(extract):
    text = ("本台播发央视快评《国家好，香港会更好——写在香港回归祖国25周年之际》。\n"
            "3.央视快评：国家好，香港会更好——写在香港回归祖国25周年之际；\n")
    ms = extract(text)
    docs = [m for m in ms if m.type == "Document"]
    assert len(docs) == 2 and docs[1].rule == "rule:recurring"
    assert any(m.name == "香港回归祖国25周年" and m.start > docs[1].start for m in ms)  # the name it holds stays


def test_a_recurring_title_does_not_cut_a_name_across_its_end(extract):
    ms = extract("本台播发央视快评《奋进新征程》。\n3.央视快评：奋进新征程建功新时代；\n")
    assert [m.rule for m in ms if m.type == "Document"] == ["rule:title-brackets"]


@pytest.mark.parametrize(
    "text, day",
    [
        ("今天是全国助残日。", "全国助残日"),
        ("国际劳动节期间，游客出行。", "国际劳动节"),
        ("2月2日是世界湿地日。", "世界湿地日"),
    ],
)
def test_observance_days_by_their_head(extract, text, day):
    assert ("Event", day) in found(extract(text))


@pytest.mark.parametrize("text", ["这是中国的生日。", "全国多地启动购物节。", "国际友好人士共度佳节。",
                                  "全国性节日。", "全国公共假日。", "这是国际纪念日。"])
def test_a_day_or_festival_of_no_name_is_no_event(extract, text):
    assert not [m for m in extract(text) if m.type == "Event"]


def test_a_theatres_service_is_that_theatres(extract):
    got = found(extract("东部战区联合作战指挥中心下达行动指令后，战区海军多艘驱逐舰、护卫舰，战区空军歼击机升空。"))
    assert {("Institution", "东部战区海军"), ("Institution", "东部战区空军")} <= got
    assert ("Institution", "中国人民解放军海军") not in got


def test_a_theatres_service_without_its_theatre_is_no_service_of_the_pla(extract):
    assert not [m for m in extract("执行警巡任务的战区海军多艘舰艇。") if m.type == "Institution"]
