"""Families of lexicon entries, generated from lists of their members.

Many names come in families: every province has a Party committee, a people's government, a people's
congress and a CPPCC committee; every country has a foreign ministry, a defence ministry and a central
bank. Typed row by row, such a family drifts (one province gets 省委, the next forgets it) and hides
the pattern it follows. Here the pattern is a template in this module and the members are a list in
``extractors/lexicon/families/`` (one TSV per list, its columns documented at its top and in
``extractors/lexicon/README.md``); ``family_entries()`` turns the lists into ``LexiconEntry`` records
that ``extractors.lexicon.load_lexicon`` adds to the shipped lexicon.

Everything is deterministic: the same member lists give the same entries in the same order. Every
generated entry names the member row and the family that made it in its ``origin``
(``…/provinces.tsv:12 (family provincial-organs)``), so a conflict message points at the list to fix.

The families:

- ``provincial-places``, ``provincial-organs``: the 34 provincial-level units as places, and for
  each (but 台湾, and with the SARs' own organs) the Party committee, people's government, people's
  congress and its standing committee, CPPCC committee, discipline and supervision commissions.
- ``city-places``, ``city-organs``: the same organs for the prefecture-level and sub-provincial
  cities, and the cities as places (the bare name only where it is not an ordinary word).
- ``county-places``: the county-level units (counties, districts, county-level cities, banners) and
  the prefectures that are not cities (autonomous prefectures, 地区, 盟) as places under their full
  names, from GB/T 2260 (``counties.tsv``).
- ``county-organs``: the Party committee, government and CPPCC committee of each of those units
  (德安县委 | 中共德安县委员会, 义乌市政府, 正定县政协, 甘孜州委; a 地区 or 盟 its 地委 / 盟委 and 行署:
  阿克苏地委, 兴安盟行署).
- ``democratic-parties``: the eight democratic parties and 全国工商联, with the parties' central
  committees.
- ``congress-bodies``: the special committees and working bodies of the NPC, its standing committee
  and the CPPCC National Committee.
- ``state-council``: the ministries and commissions of the State Council under their current and
  former names (a former name is its own entity: its successor is recorded, never merged).
- ``countries``, ``foreign-bodies``: countries as places, and each country's government bodies as
  their own institutions (俄罗斯国防部 | 俄国防部), so that a foreign body is never read as the Chinese
  one whose name it contains (国防部, 国务院, 国家统计局, 央行). Bodies known by their own names
  (美联储, 日本防卫省, 克里姆林宫) come from ``foreign_named.tsv`` and take over their country's slot.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Iterable, Mapping, Sequence

from extractors.errors import LexiconError
from extractors.records import LexiconEntry


@dataclass(frozen=True)
class Column:
    """One column of a member list: its name, whether it may be empty (``-`` or nothing), whether
    it holds a ``|``-separated list, and the values it may take."""

    name: str
    required: bool = True
    many: bool = False
    choices: tuple[str, ...] = ()


@dataclass(frozen=True)
class Member:
    """One row of a member list: values by column name (lists as tuples), and where it came from."""

    values: Mapping[str, str | tuple[str, ...]]
    origin: str

    def __getitem__(self, column: str):
        return self.values[column]


def read_members(path: str | Path, columns: Sequence[Column]) -> list[Member]:
    """Parse and validate a member list: UTF-8, TAB-separated, ``#`` comments, ``-`` for empty.

    Raises LexiconError naming file, line and column, and what was expected."""
    path = Path(path)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise LexiconError(f"{path}: cannot read member list ({exc.strerror or exc})") from None
    except UnicodeDecodeError as exc:
        raise LexiconError(f"{path}: member lists must be UTF-8 (bad byte at offset {exc.start})") from None
    members = []
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        members.append(_member(line, columns, f"{path}:{lineno}"))
    return members


def _member(line: str, columns: Sequence[Column], origin: str) -> Member:
    cells = line.split("\t")
    if len(cells) > len(columns):
        raise LexiconError(f"{origin}: expected at most {len(columns)} TAB-separated columns "
                           f"({', '.join(c.name for c in columns)}), got {len(cells)}")
    cells += [""] * (len(columns) - len(cells))
    values: dict[str, str | tuple[str, ...]] = {}
    for i, (col, raw) in enumerate(zip(columns, cells), start=1):
        cell = raw.strip()
        cell = "" if cell == "-" else cell
        where = f"{origin}: column {i} ({col.name})"
        if col.required and not cell:
            raise LexiconError(f"{where}: empty; expected a value")
        items = tuple(x.strip() for x in cell.split("|")) if cell else ()
        if any(not x for x in items):
            raise LexiconError(f"{where}: empty item (two '|' in a row, or a trailing '|')")
        if col.choices and any(x not in col.choices for x in items):
            raise LexiconError(f"{where}: {cell!r}; expected {' or '.join(col.choices)}")
        if not col.many and len(items) > 1:
            raise LexiconError(f"{where}: {cell!r} holds a '|'; expected one value")
        values[col.name] = items if col.many else cell
    return Member(values, origin)


# --- templates -------------------------------------------------------------------------------------

#: The organs every provincial-level unit and every city has, as (category suffix, canonical name,
#: other forms), with {F} the unit's full administrative name (浙江省, 北京市, 杭州市).
_LOCAL_ORGANS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("party-committee", "中共{F}委员会", ("{F}委", "中共{F}委", "{F}党委")),  # 山东省党委统战部
    ("government", "{F}人民政府", ("{F}政府",)),
    ("congress", "{F}人民代表大会", ("{F}人大",)),
    ("congress-standing-committee", "{F}人民代表大会常务委员会", ("{F}人大常委会",)),
    ("cppcc", "中国人民政治协商会议{F}委员会", ("政协{F}委员会", "{F}政协")),
    ("discipline-commission", "中共{F}纪律检查委员会", ("{F}纪委", "中共{F}纪委")),
    ("supervision-commission", "{F}监察委员会", ("{F}监委",)),
)
#: Autonomous regions write their Party committee 自治区党委, never 自治区委.
_AUTONOMOUS_PARTY = ("party-committee", "中共{F}委员会", ("{F}党委",))
#: The special administrative regions' own organs ({S}: 香港, {F}: 香港特别行政区).
_SAR_ORGANS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("government", "{F}政府", ("{S}特区政府",)),
    ("legislative-council", "{F}立法会", ("{S}特区立法会", "{S}立法会")),
)

#: The national bodies of the NPC, its standing committee and the CPPCC: (canonical prefix, prefix
#: of the full form, category).
_CONGRESS_PREFIX: Mapping[str, tuple[str, str, str]] = {
    "npc": ("全国人大", "全国人民代表大会", "npc-committee"),
    "npcsc": ("全国人大常委会", "全国人民代表大会常务委员会", "npcsc-body"),
    "cppcc": ("全国政协", "中国人民政治协商会议全国委员会", "cppcc-body"),
}

#: State Council bodies whose full name does not take the 中华人民共和国 prefix.
_NO_PRC_PREFIX = ("中国", "中华", "国务院")

FOREIGN_CATEGORY = "foreign-government"


# --- member lists ----------------------------------------------------------------------------------

PROVINCES = (
    Column("name"), Column("full"),
    Column("kind", choices=("municipality", "province", "autonomous-region", "sar")),
    Column("place_aliases", required=False, many=True),
    Column("organs", choices=("yes", "no")),
)
CITIES = (
    Column("name"), Column("province"), Column("level", choices=("sub-provincial", "prefecture")),
    Column("bare", choices=("yes", "no")),
)
COUNTIES = (
    Column("name"), Column("province"),
    Column("kind", choices=("county", "district", "county-city", "banner", "autonomous-county", "autonomous-banner",
                            "autonomous-prefecture", "prefecture-region", "league")),
    Column("short", required=False, many=True),
)
PARTIES = (
    Column("name"), Column("short", required=False, many=True),
    Column("kind", choices=("democratic-party", "federation")),
)
CONGRESS_BODIES = (Column("body", choices=tuple(_CONGRESS_PREFIX)), Column("name"), Column("short", required=False, many=True),
                   Column("bare", required=False, choices=("yes", "no")))
STATE_COUNCIL = (
    Column("name"), Column("full"), Column("short", required=False, many=True),
    Column("kind", choices=("ministry", "agency")), Column("status", choices=("current", "former")),
    Column("years"), Column("successors", required=False, many=True),
)
COUNTRIES = (
    Column("name"), Column("forms", required=False, many=True), Column("full", required=False, many=True),
    Column("short", required=False), Column("legislature", required=False),
    Column("tags", required=False, many=True, choices=("president",)),
)
FOREIGN_BODIES = (
    Column("key"), Column("suffix"), Column("suffixes", required=False, many=True),
    Column("short", choices=("yes", "no")), Column("applies", choices=("all", "legislature", "president")),
)
FOREIGN_NAMED = (
    Column("name"), Column("aliases", required=False, many=True), Column("country", required=False),
    Column("slot", required=False), Column("category", required=False),
)

#: The member lists of the shipped families, by file name.
MEMBER_LISTS: Mapping[str, Sequence[Column]] = {
    "provinces.tsv": PROVINCES,
    "cities.tsv": CITIES,
    "counties.tsv": COUNTIES,
    "parties.tsv": PARTIES,
    "congress_bodies.tsv": CONGRESS_BODIES,
    "state_council.tsv": STATE_COUNCIL,
    "countries.tsv": COUNTRIES,
    "foreign_bodies.tsv": FOREIGN_BODIES,
    "foreign_named.tsv": FOREIGN_NAMED,
}


def families_folder() -> Path:
    return Path(str(resources.files("extractors") / "lexicon" / "families"))


def load_members(folder: str | Path | None = None) -> dict[str, list[Member]]:
    """Every member list of ``folder`` (the shipped one by default), validated, by file name."""
    folder = families_folder() if folder is None else Path(folder)
    return {name: read_members(folder / name, columns) for name, columns in MEMBER_LISTS.items()}


def family_entries(folder: str | Path | None = None) -> list[LexiconEntry]:
    """The entries every family generates from the member lists of ``folder``."""
    return generate(load_members(folder))


def generate(members: Mapping[str, list[Member]]) -> list[LexiconEntry]:
    """The entries of every family, from member lists already read (a pure function)."""
    provinces, cities = members["provinces.tsv"], members["cities.tsv"]
    _check_refs(cities, "province", {p["name"] for p in provinces}, "provinces.tsv")
    out: list[LexiconEntry] = []
    out += provincial_places(provinces)
    out += provincial_organs(provinces)
    out += city_places(cities)
    out += city_organs(cities)
    counties = members["counties.tsv"]
    _check_refs(counties, "province", {p["name"] for p in provinces}, "provinces.tsv")
    out += county_places(counties)
    out += county_organs(counties)
    out += democratic_parties(members["parties.tsv"])
    out += congress_bodies(members["congress_bodies.tsv"])
    out += state_council(members["state_council.tsv"])
    out += countries(members["countries.tsv"])
    out += foreign_bodies(members["countries.tsv"], members["foreign_bodies.tsv"], members["foreign_named.tsv"])
    return out


def _entry(name: str, type_: str, forms: Iterable[str], category: str, member: Member, family: str) -> LexiconEntry:
    aliases = tuple(dict.fromkeys(f for f in forms if f and f != name))
    return LexiconEntry(name, type_, aliases, category, f"{member.origin} (family {family})")


def _fill(template: str, **values: str) -> str:
    return template.format(**values)


def _check_refs(rows: list[Member], column: str, known: set[str], listed_in: str) -> None:
    for m in rows:
        value = m[column]
        if value and value not in known:
            raise LexiconError(f"{m.origin}: {column} {value!r} is not a member of {listed_in}")


# --- provinces and cities ---------------------------------------------------------------------------

def provincial_places(provinces: list[Member]) -> list[LexiconEntry]:
    return [_entry(p["name"], "Place", (p["full"], *p["place_aliases"]), p["kind"], p, "provincial-places")
            for p in provinces]


def provincial_organs(provinces: list[Member]) -> list[LexiconEntry]:
    out = []
    for p in provinces:
        if p["organs"] == "no":
            continue
        if p["kind"] == "sar":
            organs = _SAR_ORGANS
        elif p["kind"] == "autonomous-region":
            organs = (_AUTONOMOUS_PARTY, *_LOCAL_ORGANS[1:])
        else:
            organs = _LOCAL_ORGANS
        out += _organs(p, p["name"], p["full"], organs, "sar" if p["kind"] == "sar" else "provincial", "provincial-organs")
        if p["kind"] != "sar":
            out.append(_military_district(p))
    return out


def _military_district(p: Member) -> LexiconEntry:
    """The People's Liberation Army's command of a province: 浙江省军区, 新疆军区 (an autonomous
    region's, named by its short name), 北京卫戍区 and the other municipalities' 警备区."""
    if p["kind"] == "municipality":
        name = p["name"] + ("卫戍区" if p["name"] == "北京" else "警备区")
    elif p["kind"] == "autonomous-region":
        name = p["name"] + "军区"
    else:
        name = p["full"] + "军区"
    return _entry(name, "Institution", (), "provincial-military", p, "provincial-organs")


def city_places(cities: list[Member]) -> list[LexiconEntry]:
    """A city is a place under its bare name (杭州) where that is not an ordinary word; otherwise
    under 来宾市, 长治市 (来宾 is a guest, 长治 is in 长治久安)."""
    out = []
    for c in cities:
        full = c["name"] + "市"
        name = c["name"] if c["bare"] == "yes" else full
        category = "sub-provincial-city" if c["level"] == "sub-provincial" else "city"
        out.append(_entry(name, "Place", (full,), category, c, "city-places"))
    return out


def city_organs(cities: list[Member]) -> list[LexiconEntry]:
    out = []
    for c in cities:
        out += _organs(c, c["name"], c["name"] + "市", _LOCAL_ORGANS, "city", "city-organs")
    return out


def _organs(member: Member, short: str, full: str, organs, level: str, family: str) -> list[LexiconEntry]:
    out = []
    for suffix, canonical, forms in organs:
        name = _fill(canonical, F=full, S=short)
        out.append(_entry(name, "Institution", (_fill(f, F=full, S=short) for f in forms), f"{level}-{suffix}", member, family))
    return out


# --- parties and congress bodies ----------------------------------------------------------------------

def county_places(counties: list[Member]) -> list[LexiconEntry]:
    """A county-level unit (county, district, county-level city, banner) or a prefecture that is not a
    city (自治州, 地区, 盟) is a place under its full name only (德安县, 朝阳区, 义乌市): the bare name is
    too often an ordinary word. An autonomous unit is also known by its short form (甘孜州, 大通县), and a
    prefecture by its bare name where that is no ordinary word (西双版纳, 伊犁, 和田); that bare name is
    then its canonical name, as for provinces and cities (the name texts use on their own), and the
    full name an alias."""
    out = []
    for c in counties:
        bare = [f for f in c["short"] if c["kind"] in _PREFECTURES and not f.endswith(("州", "地区", "盟"))]
        name = bare[0] if bare else c["name"]
        out.append(_entry(name, "Place", (c["name"], *c["short"]), c["kind"], c, "county-places"))
    return out


#: The Party committee, government and CPPCC committee of a county-level unit or a prefecture that is not a
#: city (a 地区 or 盟: the first two; the other organs a rule finds by their heads, 安吉县人大常委会),
#: by kind: (canonical, other forms) templates, {F} its full name, {U} each name it is known by (德安县,
#: 大通县 for 大通回族土族自治县, 甘孜州). A 地区 and a 盟 are run by a 地委 / 盟委 and an administrative office
#: (行政公署, 行署), not a people's government.
_COUNTY_ORGANS: Mapping[str, tuple[tuple[str, str, tuple[str, ...]], ...]] = {
    "unit": (
        ("party-committee", "中共{F}委员会", ("{U}委", "中共{U}委")),
        ("government", "{F}人民政府", ("{U}政府", "{U}人民政府")),
        ("cppcc", "中国人民政治协商会议{F}委员会", ("{U}政协",)),
    ),
    "prefecture-region": (
        ("party-committee", "中共{F}委员会", ("{B}地委", "中共{B}地委")),
        ("government", "{F}行政公署", ("{F}行署", "{B}行署")),
    ),
    "league": (
        ("party-committee", "中共{F}委员会", ("{F}委", "中共{F}委")),
        ("government", "{F}行政公署", ("{F}行署",)),
    ),
}


def county_organs(counties: list[Member]) -> list[LexiconEntry]:
    """The Party committee, the government and the other organs of every county-level unit and prefecture that is not a
    city (德安县委, 江宁区委, 义乌市政府, 准格尔旗委, 甘孜州委, 阿克苏地委, 兴安盟行署): news names them before
    a title and a name (安吉县委书记…), where the county as a place would stop at 委."""
    out = []
    for c in counties:
        kind = c["kind"] if c["kind"] in ("prefecture-region", "league") else "unit"
        units = [c["name"], *(f for f in c["short"] if f.endswith(("县", "区", "市", "旗", "州")))]
        bare = c["name"].removesuffix("地区")
        for suffix, canonical, templates in _COUNTY_ORGANS[kind]:
            name = _fill(canonical, F=c["name"])
            forms = [_fill(t, F=c["name"], B=bare, U=u) for t in templates for u in units]
            out.append(_entry(name, "Institution", forms, f"county-{suffix}", c, "county-organs"))
    return out


def county_in(parent: str, bare: str) -> str | None:
    """The full name of the county-level unit whose bare name is ``bare`` (its name without 县, 市, 区
    or 旗) in the province or prefecture-level city ``parent``, a shipped member name (山东 + 蓬莱 ->
    蓬莱市, 盐城 + 阜宁 -> 阜宁县); None if there is none. News writes counties so, after the province
    or city that says where they are (山东蓬莱, 江苏盐城阜宁, 重庆巫溪), where the bare name alone would be
    too often an ordinary word to list."""
    province_of, by_bare = _counties_by_bare_name()
    province = province_of.get(parent)
    return None if province is None else by_bare.get((province, bare))


def bare_county_names() -> Mapping[str, Mapping[str, str]]:
    """The full names of the county-level units by their bare name and the province each is in
    (龙岗 -> {广东: 龙岗区}); a bare name no county has is not a key."""
    return _bare_index()


def province_of(place: str) -> str | None:
    """The province of a province's, a prefecture-level city's or a county-level unit's shipped member name
    (宁德 -> 福建, 云和县 -> 浙江), or None."""
    return _counties_by_bare_name()[0].get(place) or _county_provinces().get(place)


@cache
def _county_provinces() -> dict[str, str]:
    return {c["name"]: c["province"] for c in load_members()["counties.tsv"]}


@cache
def _bare_index() -> dict[str, dict[str, str]]:
    index: dict[str, dict[str, str]] = {}
    for (province, bare), name in _counties_by_bare_name()[1].items():
        index.setdefault(bare, {})[province] = name
    return index


def county_anywhere(bare: str) -> str | None:
    """The full name of the one county-level unit in China whose bare name is ``bare`` (汶川 -> 汶川县);
    None if there is none, or more than one (朝阳 is a district of Beijing and a county of Liaoning)."""
    return _unique_bare_names().get(bare)


@cache
def _unique_bare_names() -> dict[str, str]:
    _, by_bare = _counties_by_bare_name()
    found: dict[str, set[str]] = {}
    for (_, bare), name in by_bare.items():
        found.setdefault(bare, set()).add(name)
    return {bare: next(iter(names)) for bare, names in found.items() if len(names) == 1}


@cache
def _counties_by_bare_name() -> tuple[dict[str, str], dict[tuple[str, str], str]]:
    members = load_members()
    province_of = {p["name"]: p["name"] for p in members["provinces.tsv"]}
    province_of.update({c["name"]: c["province"] for c in members["cities.tsv"]})
    by_bare: dict[tuple[str, str], str] = {}
    for c in members["counties.tsv"]:
        if c["kind"] in _PREFECTURES:
            continue
        for form in (c["name"], *c["short"]):
            bare = form[:-1]
            if len(form) >= 3 and form[-1] in "县市区旗" and bare not in province_of:
                by_bare.setdefault((c["province"], bare), c["name"])  # a unit renamed: the first listed
    return province_of, by_bare  # 河南新乡 is the city of 新乡, not 新乡县


#: The kinds of prefecture-level unit in counties.tsv (the others are county-level).
_PREFECTURES = frozenset({"autonomous-prefecture", "prefecture-region", "league"})


def democratic_parties(parties: list[Member]) -> list[LexiconEntry]:
    """Each party under its full name and short forms; each democratic party's central committee
    (中国民主同盟中央委员会 | 民盟中央 | 民盟中央委员会)."""
    out = []
    for p in parties:
        category = p["kind"] if p["kind"] == "democratic-party" else "mass-organisation"
        out.append(_entry(p["name"], "Institution", p["short"], category, p, "democratic-parties"))
        if p["kind"] == "democratic-party":
            central = f"{p['name']}中央委员会"
            forms = [f"{s}{tail}" for s in (p["name"], *p["short"]) for tail in ("中央", "中央委员会")]
            out.append(_entry(central, "Institution", forms, "democratic-party-central-committee", p, "democratic-parties"))
    return out


def congress_bodies(bodies: list[Member]) -> list[LexiconEntry]:
    out = []
    for b in bodies:
        prefix, full_prefix, category = _CONGRESS_PREFIX[b["body"]]
        name = prefix + b["name"]
        forms = [full_prefix + b["name"], *(prefix + s for s in b["short"])]
        if b["bare"] == "yes":
            forms.append(b["name"])  # 宪法和法律委员会 alone: no other body of that name
        out.append(_entry(name, "Institution", forms, category, b, "congress-bodies"))
    return out


# --- the State Council ----------------------------------------------------------------------------------

def state_council(rows: list[Member]) -> list[LexiconEntry]:
    """Each ministry, commission or agency under its name, its full name, the full name with
    中华人民共和国 and its short forms. A former name (国家计划委员会, 卫生部) is its own entity, in
    category ``ministry-historical`` (``agency-historical``): merging it into its successor would
    state something false for the years it existed."""
    out = []
    for r in rows:
        for successor in r["successors"]:
            if successor == r["name"]:
                raise LexiconError(f"{r.origin}: {r['name']!r} names itself as its successor")
        if r["status"] == "current" and r["successors"]:
            raise LexiconError(f"{r.origin}: a current body has no successor")
        if not _years_ok(r["years"], r["status"]):
            raise LexiconError(f"{r.origin}: column 6 (years): {r['years']!r}; expected YYYY- for a current "
                               f"body, YYYY-YYYY for a former one")
        full = r["full"]
        forms = [full, *r["short"]]
        if not full.startswith(_NO_PRC_PREFIX):
            forms.insert(1, "中华人民共和国" + full)
        category = r["kind"] if r["status"] == "current" else f"{r['kind']}-historical"
        out.append(_entry(r["name"], "Institution", forms, category, r, "state-council"))
    return out


def _years_ok(years: str, status: str) -> bool:
    start, sep, end = years.partition("-")
    if not (sep and start.isdigit() and len(start) == 4):
        return False
    if status == "current":
        return end == ""
    return end.isdigit() and len(end) == 4 and start <= end


def successions(rows: list[Member]) -> list[tuple[str, str, str]]:
    """``(former name, successor, years of the former)`` for every recorded succession."""
    return [(r["name"], s, r["years"]) for r in rows for s in r["successors"]]


# --- countries and their bodies --------------------------------------------------------------------------

def countries(rows: list[Member]) -> list[LexiconEntry]:
    for c in rows:
        if c["short"] and len(c["short"]) != 1:
            raise LexiconError(f"{c.origin}: column 4 (short): {c['short']!r}; expected one character or '-'")
    return [_entry(c["name"], "Place", (*c["forms"], *c["full"]), "country", c, "countries") for c in rows]


def _body_applies(body: Member, country: Member) -> bool:
    applies = body["applies"]
    return applies == "all" or (applies == "legislature" and bool(country["legislature"])) or (
        applies == "president" and "president" in country["tags"])


def _body_forms(body: Member, country: Member) -> tuple[str, list[str]]:
    """The canonical name and other forms of one body of one country: every written name of the
    country (and its one-character short form, where the body takes it) with every suffix."""
    suffixes = [body["suffix"], *body["suffixes"]]
    if body["applies"] == "legislature":
        suffixes = [country["legislature"]]
    heads = [country["name"], *country["forms"]]
    forms = [h + s for h in heads for s in suffixes]
    if body["short"] == "yes" and country["short"]:
        forms += [f for f in (country["short"] + s for s in suffixes) if not _reads_as_name_and_one_more(f, country)]
    return forms[0], forms[1:]


def _reads_as_name_and_one_more(form: str, country: Member) -> bool:
    """美 + 国会 is also 美国 + 会 (美国会继续… 'the US will go on'): a short compound that is the
    country's name followed by one character is left out. 美 + 国防部 stays (防部 is no word)."""
    return any(form.startswith(n) and len(form) == len(n) + 1 for n in (country["name"], *country["forms"]))


def foreign_bodies(country_rows: list[Member], body_rows: list[Member], named_rows: list[Member]) -> list[LexiconEntry]:
    """Every body of every country it applies to, as its own Institution; where a body is known by
    its own name (foreign_named.tsv names the country and the slot), that entry takes the generic
    forms as aliases instead (美联储 gets 美国央行 | 美国中央银行 | 美央行)."""
    by_country = {c["name"]: c for c in country_rows}
    by_key = {b["key"]: b for b in body_rows}
    slots: dict[tuple[str, str], Member] = {}
    for n in named_rows:
        if n["slot"] and not n["country"]:
            raise LexiconError(f"{n.origin}: a slot needs its country")
        if n["country"] and n["country"] not in by_country:
            raise LexiconError(f"{n.origin}: column 3 (country): {n['country']!r} is not a member of countries.tsv")
        if n["slot"]:
            body = by_key.get(n["slot"])
            if body is None:
                raise LexiconError(f"{n.origin}: column 4 (slot): {n['slot']!r}; expected one of "
                                   f"{', '.join(by_key)} (foreign_bodies.tsv)")
            if not _body_applies(body, by_country[n["country"]]):
                raise LexiconError(f"{n.origin}: the body {n['slot']!r} does not apply to {n['country']} "
                                   f"(applies to: {body['applies']})")
            key = (n["country"], n["slot"])
            if key in slots:
                raise LexiconError(f"{n.origin}: {key[0]} {key[1]} is already taken by {slots[key].origin}")
            slots[key] = n
    out = []
    for c in country_rows:
        for b in body_rows:
            if not _body_applies(b, c):
                continue
            name, forms = _body_forms(b, c)
            named = slots.get((c["name"], b["key"]))
            if named is None:
                origin = Member(b.values, f"{c.origin} × {b.origin}")
                out.append(_entry(name, "Institution", forms, FOREIGN_CATEGORY, origin, "foreign-bodies"))
    for n in named_rows:
        generic: list[str] = []
        if n["slot"]:
            name, forms = _body_forms(by_key[n["slot"]], by_country[n["country"]])
            generic = [name, *forms]
        category = n["category"] or FOREIGN_CATEGORY
        out.append(_entry(n["name"], "Institution", (*n["aliases"], *generic), category, n, "foreign-named"))
    return out

