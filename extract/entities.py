"""Who a figure belongs to: mentions of places, parks and companies, and what 园区/我市/全省 point to.

Places come from a gazetteer of China's provinces, cities and counties (vocab/places.csv); parks
and companies from their name suffixes (…科技产业园区, …有限公司), walking left from the suffix to
the start of the name. Mentions of one park under several names (苏锡通园区, 苏锡通科技产业园区)
are grouped by their core name and reported under the most formal one, or under the canonical
name of vocab/entities.csv. Anaphora (园区, 我市, 全省, 该公司) resolve to the latest mention of
that kind before them, else to the most mentioned one in the document.
"""
from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from string import ascii_letters

import ahocorasick_rs
import regex

from .vocabulary import alternation, entity_aliases, places, words

ENTITY_WORDS = words()["entities"]     # the word lists of vocab/words.toml these rules use
PARK_SUFFIXES = ENTITY_WORDS["park_suffixes"]
SUFFIX_WORDS = tuple(PARK_SUFFIXES)
ATTACHED_SUFFIXES = frozenset(ENTITY_WORDS["attached_park_suffixes"])
ATTACHED_GAP = regex.compile(r"\p{Han}{0,4}")   # 天府新区成都直管区: a place may stand between
PART = "part"                              # the kind of a park's listed part (城东园)
LISTED_PARTS = regex.compile(r"(?:(?P<part>\p{Han}{2}园)[、和及])+(?P<part>\p{Han}{2}园)(?!\p{Han})")   # 城东园、城西园和石庄园
GENERIC_PARK_SUFFIXES = tuple(ENTITY_WORDS["generic_park_suffixes"])
COMPANY_SUFFIXES = ENTITY_WORDS["company_suffixes"]
LIMITED = "有限"                            # 有限公司: 有 inside a company's name
NOT_A_NAME_AFTER = ("、", "产业", "行业", "板块")   # 专用车、阀门…; 专用车产业产值: a thing, not a park
PHASE = regex.compile(r"[一二三四五六\d]期")      # 产业园二期: a phase of building, a project
GROUP = "集团"                              # a legal form that short names keep (万达集团)
MIN_COMPANY_CORE = 4                       # 佳联电器: a brand and a trade, never one word alone
HAN_RUN = regex.compile(r"\p{Han}+")
TOWN_SUFFIXES = ENTITY_WORDS["town_suffixes"]
GENERIC_TOWNS = tuple(ENTITY_WORDS["generic_towns"])
GENERIC_TOWN_WORD = regex.compile(alternation(ENTITY_WORDS["generic_town_words"]))
UNLISTED_KINDS = ENTITY_WORDS["unlisted_place_suffixes"]
UNLISTED_SUFFIX = regex.compile(alternation(list(UNLISTED_KINDS)))   # found first: a scan for 县/市 is fast
HAN_PAIR = regex.compile(r"\p{Han}{2}")
NOT_PLACE_WORDS = frozenset(ENTITY_WORDS["not_place_words"])
WORDS_HOLDING_PLACES = regex.compile(alternation(ENTITY_WORDS["words_holding_places"]))
NOT_PLACE_STARTS = tuple(ENTITY_WORDS["not_place_starts"])
NOT_PLACE_AFTER = tuple(ENTITY_WORDS["not_place_after"])
CLAUSE_PUNCTUATION = set("，,。；;：:！!？?、\n")
SUBJECT_OPENERS = CLAUSE_PUNCTUATION | {"的"}   # where the subject of a clause may start
LEFT_WORDS = ("其中", "全国", "全省", "全市")   # a walk left that stops inside one of these leaves its last character
CLASSIFIERS = "家个座所"
COUNTED = regex.compile(rf"\d[\d.]*[{CLASSIFIERS}处](?!\p{{Han}})")   # 产业园32个，: a number right after
                                                                        # a name that counts it (not 经开区16个项目)
KIND_CORE_ENDS = "城乡村小集农个"           # 城镇, 乡镇, 农村, 特色小镇, 多个村: the core of a kind of town
TOWN_NAME_ENDS = "市县"                    # that end a county's name, and some towns' names before 镇
AUTONOMOUS = ("自治州", "自治县", "自治旗")   # also named by place and kind (德宏州, 屏边县)
FROM = ("从", "引进")                       # 菏泽市从青岛引进项目, 引进南海企业: where things come from, never an owner
TITLE_SPACES = {" ", "\u3000"}
AFTER_TIME = set("年月度")                 # 2023年, 一季度 end a time that a subject may follow
# Characters that cannot be inside a name: they end the walk left from a suffix.
PUNCTUATION = set("，,。；;：:！!？?“”‘’\"'《》〈〉【】「」、▲●■◆★☆ \t\n")
NAME_STOP = {
    "park": PUNCTUATION | set("的在与和及对向了是为到于将把由从让使给同跟或等也都就还再又并且而其该本我全各此这那之以来赴位有内他她请驻"
                              "0123456789月日年亿元"),
    "company": PUNCTUATION | set("的在与及对了是为到于将把由从让使给等也都就还再又并且而其该我各此这之以来有"),   # 和: 天和药业
    "venue": PUNCTUATION | set("的在与和及对向了是为到于将把由从让使给同跟或等也都就还再又并且而其该本我全各此这那之以来赴位有内自受"
                               "0123456789月日年亿元"),
    "town": PUNCTUATION | set("的在与和及对向了是为到于将把由从让使给同跟或等也都就还再又并且而其该本我全各此这那之以来赴位有内自每"
                              "0123456789月日年县市区"),
}
# Words of names holding a character that otherwise ends a name: 大周再生…, 江西洪都精密制造有限公司
# (都 before a noun is a name's; before 已, 是, 在… it is the adverb that ends one).
NAME_WORDS = regex.compile(f"{alternation(ENTITY_WORDS['name_words'])}|(?<=\\p{{Han}})都(?![已是在有要将把能会为也还])")
INNER_VERB = regex.compile(f"(?r){alternation(ENTITY_WORDS['inner_verbs'])}")   # searched backwards: the last
_TIMES, _ADVERBS, _VERBS = (alternation(ENTITY_WORDS[k]) for k in ("leading_times", "leading_adverbs", "leading_verbs"))
LEADING_VERB = regex.compile(f"(?:{_TIMES})(?:{_ADVERBS})?(?:{_VERBS})*|(?:{_ADVERBS})?(?:{_VERBS})+")
GENERIC_CORES = tuple(ENTITY_WORDS["generic_cores"])
DESCRIPTIVE = regex.compile(alternation(ENTITY_WORDS["descriptive_cores"]))
INDUSTRY = regex.compile(alternation(ENTITY_WORDS["industry_words"]))
GENERIC_VENUE = regex.compile(alternation(ENTITY_WORDS["generic_venue_words"]))
PROJECT = regex.compile(r"(?r)项目")                    # searched backwards: the nearest
PROJECT_HEADS = tuple(ENTITY_WORDS["project_heads"])
ITEM_PROJECT = regex.compile(r"\s*(?:——|—|•|·|●|■|◆|▲)\s*(?P<name>[^\d,，:：;；。、的]{2,24}?"
                             f"(?:{alternation(ENTITY_WORDS['item_project_heads'])}))(?=[,:])")
FACILITY = regex.compile(f"(?r){alternation(list(PROJECT_HEADS))}")   # a project or a facility: 基地, 中心
GENERIC_PROJECT = regex.compile(alternation(ENTITY_WORDS["generic_project_words"]))
INSTITUTION = regex.compile(f"\\p{{Han}}{{0,6}}?(?:{alternation(words()['organisations']['institutions'])})")
CAPITAL_ORIGIN = regex.compile(alternation(ENTITY_WORDS["capital_origins"]))
CURRENCY_BEFORE_YUAN = set("0123456789亿万千百美欧港日韩")   # 亿元, 美元, 日元: money, not a name
ZONE_TYPES = {kind: tuple(suffixes) for kind, suffixes in ENTITY_WORDS["zone_types"].items()}
CORE_MODIFIERS = regex.compile(f"(?:{alternation(ENTITY_WORDS['core_modifiers'])})$")
# 比亚迪2022年实现营业收入…: a short name that opens a sentence right before its date is its subject.
SUBJECT = (r"[ \t]*(?P<name>\p{Han}{2,6}?)"
           r"(?=(?:19|20)\d{2}年|今年|去年|上半年|前三季度|一季度|\d{1,2}-\d{1,2}月|近日|日前|此前)")
# At the start of the text, and after the end of a sentence (a pattern that opens with a
# character class scans fast; one that opens with ^| or a lookbehind does not).
TEXT_SUBJECT = regex.compile(SUBJECT)
SENTENCE_SUBJECT = regex.compile(r"[。！？!?\n]" + SUBJECT)
NOT_A_SUBJECT = regex.compile(alternation(ENTITY_WORDS["not_a_subject"]))
NOT_LAST_OF_SUBJECT = frozenset(ENTITY_WORDS["not_last_of_subject"])   # 集聚区自2020年…: 自 ends no name
MAX_NAME = {"park": 14, "company": 18, "town": 3, "venue": 12}
MAX_PROJECT = 26   # characters before 项目 in a project's name
PROJECT_JOINERS = "及和与"   # inside a project's name when a whole phrase of a name stands before them
MAX_ALIAS = 20    # the longest bracket read as another name of the mention before it
# （以下简称“集聚区”）, （以下简称苏盐园区）, （以下简称“华拓新能”，股票代码688517）, （股票代码：688739，以下简称“万德精密”）
SHORT_NAME = regex.compile(r"\((?:[^()]{0,24}?[,;])?(?:以下)?简称[“\"]?(?P<short>[^“”\"(),;]{2,14})[”\"]?(?:[,;][^()]{0,24})?\)")
ROLE_NOUN = "企业"                     # 龙头企业, 配套企业 before a company's name


@dataclass(slots=True)
class Mention:
    """A name (or an anaphor) at text[start:end], and whom it names."""

    start: int
    end: int
    name: str      # canonical name, or the anaphor word until resolved
    kind: str      # province, city, county, park, part, company, town, venue
    anaphor: bool = False
    in_org: bool = False   # 东台市统计局, 上海籍项目: an organisation or where things come from; never an owner


@lru_cache(maxsize=None)
def _place_index() -> tuple[dict[str, tuple[str, str, str]], regex.Pattern]:
    """Surface → (full name, level, parent); the organisation-suffix pattern."""
    index: dict[str, tuple[str, str, str]] = {}
    for p in places():
        index.setdefault(p.name, (p.name, p.level, p.parent))
        autonomous = p.short and p.name.endswith(AUTONOMOUS)
        if p.short and not (autonomous and p.level == "county"):   # 互助, 通道, 沿河: words before they are counties
            index.setdefault(p.short, (p.name, p.level, p.parent))
        if autonomous:
            index.setdefault(p.short + p.name[-1], (p.name, p.level, p.parent))   # 德宏州, 城步县
    return index, regex.compile(alternation(words()["organisations"]["suffixes"]))


@lru_cache(maxsize=None)
def _place_automaton() -> ahocorasick_rs.AhoCorasick:
    """All place names at once: a regex of 6,000 names scans at a tenth of this speed."""
    return ahocorasick_rs.AhoCorasick(sorted(_place_index()[0]), matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)


@lru_cache(maxsize=None)
def _strong_places() -> frozenset[str]:
    """Places that start a park's name: provinces and cities by any name, counties by full name
    (a county's short name is often a word: 合作, 东方)."""
    return frozenset([p.name for p in places()] + [p.short for p in places() if p.short and p.level != "county"])


def _place_ending_at(text: str, end: int) -> int:
    """Start of the longest strong place name that ends at `end`, or -1."""
    strong = _strong_places()
    return next((i for i in range(max(0, end - 9), end - 1) if text[i:end] in strong), -1)


@lru_cache(maxsize=None)
def _strong_automaton() -> ahocorasick_rs.AhoCorasick:
    return ahocorasick_rs.AhoCorasick(sorted(_strong_places()), matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)


def _first_place(text: str, end: int) -> int:
    """Start of the first strong place name within text[:end], or -1."""
    hits = _strong_automaton().find_matches_as_indexes(text[:end])
    return hits[0][1] if hits else -1


def _starts_with_place(text: str) -> bool:
    return any(text[:j] in _strong_places() for j in range(2, min(len(text), 9) + 1))


@lru_cache(maxsize=None)
def _suffix_pattern() -> regex.Pattern:
    # 集团 followed by (香港)有限公司 is inside a longer company name
    companies = [c for c in COMPANY_SUFFIXES if c != "集团"]
    inner, verbal = ENTITY_WORDS["inner_park_suffixes"], ENTITY_WORDS["verbal_park_suffixes"]
    closing = alternation([p for p in PARK_SUFFIXES if p not in inner and p not in verbal])
    not_before = alternation(ENTITY_WORDS["inner_suffix_not_before"])
    return regex.compile(f"(?P<park>{closing}|{alternation(inner)}(?!{not_before})"
                         f"(?!\\p{{Han}}*?(?:{closing}|{alternation(companies)}))"
                         f"|{alternation(verbal)}(?!{alternation(ENTITY_WORDS['verbal_followers'])}))"
                         f"|(?P<company>{alternation(companies)}|集团(?![(（]|有限|股份))"
                         f"|(?P<town>(?!{alternation(ENTITY_WORDS['not_towns'])})(?:{alternation(TOWN_SUFFIXES)})"
                         f"(?![\\p{{Han}}]*?(?:政府|党委|人大)))"
                         f"|(?P<venue>{alternation(ENTITY_WORDS['venue_suffixes'])})")


@lru_cache(maxsize=None)
def _anaphora() -> tuple[regex.Pattern, dict[str, str]]:
    kinds = {w: kind for kind, ws in words()["anaphora"].items() for w in ws}
    return regex.compile(alternation(list(kinds))), kinds


ANAPHOR_TARGETS = {
    "park": ("park",), "city": ("city", "county-city"), "county": ("county",),
    "province": ("province",), "company": ("company",), "town": ("town",),
}
DISTRICT_WORDS = {"该区", "我区", "全区", "本区", "区内"}
FORMER = "原"
PORT = "港"                                # 东营港 (the port) is not what 园区 points back to where the
                                           # zone named after it (东营港经济开发区) is in the article
PARKS_IN_GENERAL = "园区"
PARK_WORDS = tuple(words()["anaphora"]["park"])
REGIONS = ("province", "city", "county", "county-city")
REGION_REACH = 4                           # 湖南将推动园区: a region this close before 园区 owns it
SENTENCE_END = regex.compile(r"[。！？!?\n]")
# 长沙经开区党工委有关负责人在接受记者采访时表示: an official of the unit named right before speaks.
SPEECH_VERB = alternation(ENTITY_WORDS["speech_verbs"])
SPEAKER = regex.compile(rf"[^,;。]{{0,12}}?(?:{alternation(ENTITY_WORDS['officials'])})[^;。]{{0,20}}?(?:{SPEECH_VERB})")
ORIGIN = regex.compile(alternation(words()["organisations"]["origin_heads"]))   # 上海籍项目, 无锡客商
# 坐落在杭州湾上虞经济技术开发区内: the zone a park sits in, not what 园区 points back to
CONTAINER = regex.compile(f"(?:{alternation(words()['entities']['container_markers'])})$")
INSIDE = "内"
POOL = regex.compile(alternation(words()["entities"]["pool_markers"]))
COMPARED = regex.compile(f"(?:{alternation(words()['entities']['compared_markers'] + words()['entities']['partner_markers'])})$")
SPEAKER_MARKS = tuple(words()["entities"]["speaker_marks"])


@lru_cache(maxsize=None)
def _name_chars(kind: str) -> regex.Pattern:
    """Matched backwards from a suffix: the run of characters that can be inside a name."""
    return regex.compile("(?r)[^" + "".join(regex.escape(c) for c in sorted(NAME_STOP[kind])) + "]*")


def _name_before(text: str, suffix: regex.Match, floor: int, kind: str, in_words: set[int]) -> str:
    """The name that ends with this suffix, or "" when there is none.

    The walk left stops at a character that cannot be inside a name, unless a place name or a
    word of names covers it (`in_words`): 都 ends a clause in 都已完成 but not in 成都, 再 not in 再生.
    """
    i, limit = suffix.start(), max(floor, suffix.start() - MAX_NAME[kind])
    while i > limit:
        i = _name_chars(kind).match(text, limit, i).start()   # backwards over characters of a name
        if i > limit and i - 1 in in_words:
            i -= 1                                            # 都 in 成都: a place name goes on
        else:
            break
    if text.startswith(LEFT_WORDS, i - 1) or (text[i - 1:i].isdigit() and text[i:i + 1] in CLASSIFIERS):
        i += 1                                                # 其中智能装备产业园, 全国国家级高新区, 6家…
    if kind == "town" and i == suffix.start() and text[i - 1:i] in TOWN_NAME_ENDS:
        i = _name_chars(kind).match(text, limit, i - 1).start()   # 乐清市柳市镇, 旧县镇: a town named …市, …县
    return _trimmed_name(text[i:suffix.end()], suffix[0], kind)


@lru_cache(maxsize=8192)
def _trimmed_name(name: str, suffix: str, kind: str) -> str:
    """The name within the run of name characters before and with its suffix (a park's name
    recurs through an article, so each run is trimmed once)."""
    name = name.lstrip("()—")                 # ——陇原光伏科技有限公司: a list item's dash
    if (close := name.rfind(")")) >= 0 and "(" not in name[:close]:
        name = name[close + 1:]               # (记者 孙仁斌)德国博伦特集团: a bracket closed before the name
    if inner := INNER_VERB.search(name):
        name = name[inner.end():]            # 崇仁县召开工业园区上半年…会: the name starts after the verb
    verb = LEADING_VERB.match(name)
    if verb:
        name = name[verb.end():]
    known = _known_names()
    known_tail = next((name[i:] for i in range(len(name) - 1) if name[i:] in known), "")
    if known_tail:
        return known_tail
    if kind == "park":
        core_end = len(name) - len(suffix)
        if suffix in GENERIC_PARK_SUFFIXES:
            place = _place_ending_at(name, core_end)
            if place >= 0:
                return name[place:]
        place = _first_place(name, core_end)
        if place > 0 and name[place - 1] != "(":      # 中德(沈阳)…产业园 keeps its whole name
            name = name[place:]
        if name.startswith(GENERIC_CORES) or DESCRIPTIVE.search(name):
            return ""                        # 重点开发区, 江西首个国家级开发区: kinds and descriptions
    core = name[: -len(suffix)]
    if kind == "venue" and (len(core) < 2 or GENERIC_VENUE.search(core)):
        return ""                            # A级旅游景区, 热门景区: kinds of place, not names
    if kind == "town":
        name = name.lstrip(TOWN_NAME_ENDS)   # 修文县六屯镇: the walk went on through the county's name
        lead = next((j for j in range(min(len(name) - len(suffix), 9), 1, -1) if name[:j] in _strong_places()), 0)
        name = name[lead:]                   # 河南枣乡红…: a place, then 枣 (no town's name)
        core = name[: -len(suffix)]
    if kind == "town" and (len(core) < 2 or core.startswith(GENERIC_TOWNS) or GENERIC_TOWN_WORD.search(name)
                           or (core[-1] in KIND_CORE_ENDS and not _town_named_after_village(core, suffix))):
        return ""                            # 城镇, 乡镇, 特色小镇, 农村, 多个村, 经济薄弱村, 纺织重镇: kinds, not
                                             # names; 许村镇, 王集镇 are names
    if kind == "company" and (role := core.rfind(ROLE_NOUN)) >= 0 and len(core) - role - len(ROLE_NOUN) >= 4:
        name = name[role + len(ROLE_NOUN):]  # 龙头企业安徽华拓新能源科技股份有限公司: a role, then the name
    min_core = 4 if suffix == "集团" else 2
    return name if len(name) - len(suffix) >= min_core else ""


def _town_named_after_village(core: str, suffix: str) -> bool:
    """许村镇, 王集镇: a town whose two-character name ends like a kind (村, 集)."""
    return len(core) == 2 and core[-1] in "村集" and suffix != "村"


def project_before(text: str, floor: int, pos: int) -> str:
    """The nearest named project or facility in text[floor:pos] (总投资22亿元的新能源电池结构件项目,
    总投资18.6亿元的和晟创新药研发中心), or "" when the nearest 项目 names a kind of project (新开工项目,
    亿元以上项目). A bare 项目 (…项目，总投资…，项目建成达产后) points back to the one before it."""
    for m in FACILITY.finditer(text, floor, pos):
        name = _project_name(text, floor, m)[1]
        if name or m.start() > floor and text[m.start() - 1] not in NAME_STOP["park"]:
            return name
    return ""


def project_subjects(text: str, start: int, end: int) -> list[Mention]:
    """Named projects in text[start:end] that open a clause or follow 的 (日资东丰精密轴承项目总投资…,
    …独资建设的晟元汽车电子项目，总投资…), or open a list item (——城南污水处理厂提标扩建工程，计划总投资…):
    the subjects of the figures after them."""
    out: list[Mention] = []
    if item := ITEM_PROJECT.match(text, start, end):
        out.append(Mention(item.start("name"), item.end("name"), item["name"], "project"))
    if text.find("项目", start, end) < 0:
        return out
    for m in PROJECT.finditer(text, start, end):
        i, name = _project_name(text, start, m)
        if name and (i == start or text[i - 1] in SUBJECT_OPENERS or text[i - 1] == ")"):
            out.append(Mention(m.end() - len(name), m.end(), name, "project"))
    out.reverse()
    return out


def _project_name(text: str, floor: int, m: regex.Match) -> tuple[int, str]:
    """Where the phrase of the 项目 at m starts, after a verb before it (随着…项目投产), and the
    project's name, without where its capital is from (日资); "" for a kind of project or a bare 项目."""
    limit = max(floor, m.start() - MAX_PROJECT)
    i = _name_chars("park").match(text, limit, m.start()).start()
    while i - 2 >= limit and ((text[i - 1] == "元" and text[i - 2] not in CURRENCY_BEFORE_YUAN)
                              or text.startswith(LIMITED, i - 1)):
        i = _name_chars("park").match(text, limit, i - 1).start()   # 晟元汽车电子项目, 上海芯泰微电子有限公司
                                                                     # 功率半导体模组项目: 元 and 有 in a name
    if text[i - 1:i] in PROJECT_JOINERS and text[i - 2:i - 1] == "的":
        i -= 1                                   # 总投资18.6亿元的和晟创新药研发中心: 的 is no list, 和 is the name's
    while i - 1 > limit and text[i - 1] in PROJECT_JOINERS:
        j = _name_chars("park").match(text, limit, i - 1).start()
        if i - 1 - j < 2 or j == limit or not (text[j - 1] in SUBJECT_OPENERS or text[j - 1].isdigit()):
            break
        i = j                                    # 的东盟粮油食品加工及供应链总部项目, 年产1.5GW光伏组件边框
                                                 # 及支架项目: one project
    i = next((j for j in range(i - 1, max(floor, i - 3) - 1, -1)     # 日资东丰…: 日 ends dates, not this
              if (o := CAPITAL_ORIGIN.match(text, j)) and o.end() >= i), i)
    if (close := text.rfind(")", i, m.start())) >= 0 and text.find("(", i, close) < 0:
        i = close + 1                            # (记者 孙仁斌)德国博伦特集团…项目: after the dateline's bracket
    verb = LEADING_VERB.match(text, i, m.start())
    i = verb.end() if verb else i
    origin = CAPITAL_ORIGIN.match(text, i, m.start())
    name = text[origin.end() if origin else i:m.end()]
    core = name[: -len(m[0])]
    return i, (name.lstrip(ascii_letters) if len(core) >= 2 and not GENERIC_PROJECT.search(core) else "")


def _opens_paragraph(text: str, i: int) -> bool:
    return i == 0 or text[i - 1] == "\n"


def _zone_type(name: str) -> str:
    """郑州经开区 and 郑州高新区 are two parks: the kind of zone a name's suffix says, or ""."""
    return next((kind for kind, suffixes in ZONE_TYPES.items() if name.endswith(suffixes)), "")


def _same_kind(name: str, word: str) -> bool:
    """综保区 points back to 郑州新郑综合保税区: the same kind of zone, written short."""
    return bool(kind := _zone_type(word)) and _zone_type(name) == kind


def _compatible(kind: str, other: str) -> bool:
    return not kind or not other or kind == other


@lru_cache(maxsize=4096)
def _park_suffix(name: str) -> str:
    """The longest park suffix the name ends with (新片区, not 片区, in 临港新片区)."""
    return max((s for s in PARK_SUFFIXES if name.endswith(s)), key=len, default="")


@lru_cache(maxsize=4096)
def _core(name: str) -> str:
    """花桥经济开发区 → 花桥: the name without its park suffix and the modifiers before it."""
    return CORE_MODIFIERS.sub("", name[: len(name) - len(_park_suffix(name))])


@lru_cache(maxsize=None)
def _known_names() -> frozenset[str]:
    """Every name of vocab/entities.csv, aliases and canonical."""
    aliases = entity_aliases()
    return frozenset(aliases) | frozenset(aliases.values())


def _heads_title(title: str, m: Mention) -> bool:
    """Does a county named in a title without its city stand as the title's subject (泰兴上半年…,
    2023年攸县…, 1—11月攸县经济运行情况), rather than inside a phrase (串起富民产业链)?"""
    return m.start == 0 or title[m.start - 1] in CLAUSE_PUNCTUATION | AFTER_TIME | TITLE_SPACES


def _in_org(text: str, start: int, end: int) -> bool:
    """Does the place at text[start:end] name an organisation (东台市统计局) or where things come
    from (上海籍项目, 从青岛引进)?"""
    return bool(_place_index()[1].match(text, end) or ORIGIN.match(text, end) or text.endswith(FROM, 0, start)
                or INSTITUTION.match(text, end))


def _with_words(text: str, start: int, raw: list[Mention], words: dict[str, str], kind: str,
                opening_only: bool = False) -> list[Mention]:
    """raw and a mention of kind at each occurrence of a word (word → the name it stands for) in
    text[start:] that no mention covers; with `opening_only`, only where the word opens a clause, and
    neither a list nor an industry (专用车、阀门…三大主导产业, 专用车产业产值). A place may be an
    organisation's (in_org)."""
    spans = [(m.start, m.end) for m in raw]
    place = kind in REGIONS
    added = [Mention(i, i + len(word), name, kind, in_org=place and _in_org(text, i, i + len(word)))
             for word, name in words.items() for i in _occurrences(text, word, start)
             if (not opening_only or _opens_clause(text, i, i + len(word))) and not _covered(spans, i, i + len(word))]
    return sorted(raw + added, key=lambda m: m.start) if added else raw


def _opens_clause(text: str, start: int, end: int) -> bool:
    """Does text[start:end] open a clause as a name, not as the first of a list or an industry?"""
    return (start == 0 or text[start - 1] in CLAUSE_PUNCTUATION) and not text.startswith(NOT_A_NAME_AFTER, end)


def _unlisted_places(texts: list[tuple[str, int]]) -> dict[str, str]:
    """Counties and cities missing from the gazetteer (new or renamed ones), name → kind: two
    characters and 县 or 市 written at least twice over the texts (text, start) (桐溪县…桐溪县)."""
    index = _place_index()[0]
    seen: Counter[str] = Counter()
    for text, start in texts:
        for m in UNLISTED_SUFFIX.finditer(text, start + 2):
            name = text[m.start() - 2:m.end()]
            if not (name in index or name[:2] in index or name.startswith(NOT_PLACE_STARTS)
                    or not HAN_PAIR.fullmatch(name[:2]) or not NAME_STOP["park"].isdisjoint(name[:2])   # 千亿元的县
                    or name[1:] in NOT_PLACE_WORDS or text.startswith(NOT_PLACE_AFTER, m.start())):
                seen[name] += 1
    return {name: UNLISTED_KINDS[name[-1]] for name, n in seen.items() if n >= 2}


def _with_unlisted_places(text: str, start: int, raw: list[Mention], unlisted: dict[str, str]) -> list[Mention]:
    """raw and a mention at each occurrence of an unlisted county or city."""
    for kind in set(unlisted.values()):
        raw = _with_words(text, start, raw, {n: n for n, k in unlisted.items() if k == kind}, kind)
    return raw


def _occurrences(text: str, word: str, start: int) -> list[int]:
    """Where word occurs in text[start:], left to right."""
    out, i = [], text.find(word, start)
    while i >= 0:
        out.append(i)
        i = text.find(word, i + len(word))
    return out


def _covered(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Does [start, end) overlap one of the sorted, disjoint spans?"""
    i = bisect.bisect_right(spans, (start, 10**12)) - 1
    return (i >= 0 and spans[i][1] > start) or (i + 1 < len(spans) and spans[i + 1][0] < end)


def _sentence_subjects(text: str, start: int, end: int) -> list[regex.Match]:
    """SUBJECT at the start of the text and of each sentence that starts in text[start:end]."""
    first = [TEXT_SUBJECT.match(text, 0, end)] if start == 0 else []
    return [m for m in first + list(SENTENCE_SUBJECT.finditer(text, max(0, start - 1), end)) if m]


def find_mentions(text: str, start: int = 0, end: int | None = None) -> list[Mention]:
    """Named mentions and unresolved anaphora in text[start:end], left to right, not overlapping."""
    end = len(text) if end is None else end
    index, org_re = _place_index()
    aliases = entity_aliases()
    strong = _strong_places()
    known = _known_names()
    found: list[Mention] = []
    place_hits = [(ps + start, pe + start) for _, ps, pe in _place_automaton().find_matches_as_indexes(text[start:end])]
    if holders := [w.span() for w in WORDS_HOLDING_PLACES.finditer(text, start, end)]:
        place_hits = [(ps, pe) for ps, pe in place_hits if not any(hs <= ps and pe <= he for hs, he in holders)]
    in_place = {i for ps, pe in place_hits for i in range(ps, pe)}
    in_words = in_place | {i for w in NAME_WORDS.finditer(text, start, end) for i in range(*w.span())}
    floor = start
    for m in _suffix_pattern().finditer(text, start, end):
        if m.start() in in_place and m.start() - 1 in in_place:
            continue                       # 乡 in 新乡: the end of a place's name, not a suffix
        if m[0] in ATTACHED_SUFFIXES and found and found[-1].kind == "park" and ATTACHED_GAP.fullmatch(
                text, found[-1].end, m.start()):   # 赣江新区直管区, 天府新区成都直管区: one name, a part of the park
            found[-1] = Mention(found[-1].start, m.end(), text[found[-1].start:m.end()], "park")
            floor = m.end()
            continue
        name = _name_before(text, m, max(floor, found[-1].end if found else start), m.lastgroup, in_words)
        if name and m[0] in ATTACHED_SUFFIXES:
            name = ""                      # 实际利用外资直管区: no park before it, so no name (直管区 alone points back)
        if name and m.lastgroup in ("park", "venue") and COUNTED.match(text, m.end()):
            name = ""                      # 建成跨境电商产业园32个, 口袋公园48处: a kind of place, counted
        if name or m.lastgroup != "town":
            floor = m.end()                # a town suffix that names nothing (枣乡红食品) may be inside a name
        if name and m.lastgroup == "park" and found and found[-1].kind == "park" and found[-1].end == m.end() - len(name):
            found[-1] = Mention(found[-1].start, m.end(), text[found[-1].start:m.end()], "park")
            continue                       # 合肥新站高新区集成电路产业园: a park inside a zone, named after it
        if name:
            found.append(Mention(m.end() - len(name), m.end(), aliases.get(name, name), m.lastgroup))
    spans = [(f.start, f.end) for f in found]
    for m in _sentence_subjects(text, start, end):
        if not NOT_A_SUBJECT.search(m["name"]) and m["name"] not in index and m["name"][-1] not in NOT_LAST_OF_SUBJECT \
                and not _covered(spans, m.start("name"), m.end("name")):
            found.append(Mention(m.start("name"), m.end("name"), m["name"], "company"))
    found.sort(key=lambda f: f.start)
    cores = {_core(f.name) for f in found if f.kind == "park" and (
        _park_suffix(f.name) not in GENERIC_PARK_SUFFIXES or _starts_with_place(_core(f.name))
        or _core(f.name) in index               # 江北新区: a county's short name is enough here
        or SHORT_NAME.match(text, f.end)        # 海纳智能(巨野)工业园(以下简称“海纳巨野”): declared a name
        or (not INDUSTRY.fullmatch(_core(f.name))   # 化工园区: a kind of park, however often
            and (_opens_paragraph(text, f.start)      # 利民片区聚焦…: a subject that opens a paragraph
                 or text.count(f.name, start, end) > 1)))}   # 川南临港片区 again and again: a name, not a kind
    found = [f for f in found if f.kind != "park" or f.name in known or _core(f.name) in cores
             or any(c.endswith(_core(f.name)) and c[: -len(_core(f.name))] in strong for c in cores)]
    spans = [(f.start, f.end) for f in found]
    for ps, pe in place_hits:
        if _covered(spans, ps, pe) or text.startswith(SUFFIX_WORDS, ps):
            continue                       # 合作区: a park word, not 合作 (a county in Gansu)
        full, level, parent = index[text[ps:pe]]
        if level == "county" and not full.endswith("市") and text.startswith("市", pe) and pe - ps >= 2 \
                and text[ps:pe] != full and not text.startswith(NOT_PLACE_AFTER, pe):   # not 人力资源市场
            full, pe = text[ps:pe] + "市", pe + 1   # 海安市: a county that has become a city since the table
        if level == "county" and full.endswith("市"):
            level = "county-city"
        found.append(Mention(ps, pe, full, level, in_org=_in_org(text, ps, pe)))
    found.sort(key=lambda x: x.start)
    ana_re, kinds = _anaphora()
    spans = [(f.start, f.end) for f in found]
    wide_end = -1
    for m in ana_re.finditer(text, start, end):
        if _covered(spans, m.start(), m.end()):
            continue
        if m.start() == wide_end and kinds[m[0]] == "park":
            continue                       # 全省开发区: the province's zones together, not one zone
        if m[0].startswith("全"):
            wide_end = m.end()
        stops = (CLAUSE_PUNCTUATION | AFTER_TIME if m[0] == "公司" else CLAUSE_PUNCTUATION) if m[0] in ("公司", "企业") \
            else NAME_STOP["park"] | AFTER_TIME                  # 2023年公司研发投入, 前三季度综保区: after a time
        if (m[0] in ("公司", "企业") or m[0] in PARK_SUFFIXES) and m.start() > 0 and text[m.start() - 1] not in stops:
            continue                       # 上市公司, 国有企业, 产业园区: part of a longer noun
        found.append(Mention(m.start(), m.end(), m[0], kinds[m[0]], anaphor=True))
    found.sort(key=lambda x: x.start)
    return found


class Entities:
    """The mentions of one document, with anaphora resolved and park names grouped."""

    def __init__(self, text: str, start: int, title: str = "") -> None:
        unlisted = _unlisted_places([(title, 0), (text, start)])
        raw, short_names = self._declared_short_names(text, self._with_aliases(
            text, _with_unlisted_places(text, start, find_mentions(text, start), unlisted)))
        raw = self._drop_uncontexted_counties(raw)
        renamed = self._renamed_counties(raw)
        raw = [self._rename(m, renamed) for m in raw]
        raw = self._with_listed_parts(text, start, self._with_bare_cores(text, start, self._group_parks(raw)))
        raw = self._with_company_cores(text, start, raw)
        pools = {m.start for m in raw if POOL.match(text, m.end) or COMPARED.search(text, max(0, m.start - 2), m.start)
                 or text.startswith(FORMER, m.start)    # 原昌北经济开发区: a former name, not what 经开区 means later
                 or (CONTAINER.search(text, max(0, m.start - 3), m.start) and text.startswith(INSIDE, m.end))
                 or (m.kind == "park" and (text.startswith(PROJECT_HEADS, m.end) or PHASE.match(text, m.end)))}
                                                    # 耗材产业园项目, 专用车产业园二期: a project
        in_title = [m for m in _with_unlisted_places(title, 0, find_mentions(title), unlisted) if not m.anaphor]
        kept = {id(m) for m in self._drop_uncontexted_counties(in_title + raw)}
        titled = [Mention(m.start, m.end, short_names.get(name := self._canonical(self._rename(m, renamed).name), name),
                          m.kind, m.anaphor, m.in_org) for m in in_title
                  if id(m) in kept or _heads_title(title, m)]
        self.mentions = [m for m in self._resolve(text, raw, pools, titled) if not m.in_org]
        self.starts = [m.start for m in self.mentions]
        counts = Counter(m.name for m in self.mentions if m.name and m.kind != PART)
        for m in titled:
            if not m.in_org:
                counts[m.name] += 3
        self.main = max(counts, key=lambda n: (counts[n], -self._first(n))) if counts else ""

    @staticmethod
    def _with_aliases(text: str, raw: list[Mention]) -> list[Mention]:
        """顺德高新区（佛山高新区顺德园）: a name and, in brackets right after it, another name of
        the same thing are one mention, so the bracket neither owns a figure nor starts its name."""
        out: list[Mention] = []
        for m in raw:
            prev = out[-1] if out else None
            if prev and m.start < prev.end:
                continue                         # a second name in the same bracket
            if prev and not prev.anaphor and text.startswith("(", prev.end):
                close = text.find(")", prev.end, prev.end + MAX_ALIAS)
                if close > m.start:
                    out[-1] = Mention(prev.start, close + 1, prev.name, prev.kind, prev.anaphor, prev.in_org)
                    continue
            out.append(m)
        return out

    @staticmethod
    def _declared_short_names(text: str, raw: list[Mention]) -> tuple[list[Mention], dict[str, str]]:
        """沪苏大丰产业联动集聚区（以下简称“集聚区”）: later the short name, written as is, names
        the mention before the bracket; returns the mentions and each short name's full name."""
        declared: dict[str, str] = {}
        out = list(raw)
        for d in SHORT_NAME.finditer(text):
            named = next((m for m in reversed(out) if m.end in (d.start(), d.end()) and not m.anaphor), None)   # the
            # bracket may have joined its mention: 海纳智能(巨野)工业园(以下简称“海纳巨野”) has 巨野 in it
            if named is None:
                continue
            if named.end == d.start():       # the bracket is part of the name's mention, not of a figure's name
                out[out.index(named)] = named = Mention(named.start, d.end(), named.name, named.kind, named.anaphor,
                                                        named.in_org)
            short = d["short"]
            declared[short] = named.name
            common = short.endswith(SUFFIX_WORDS)    # “孵化器”, “园区”: a common noun, also inside longer ones
            i = text.find(short, d.end())
            while i >= 0:
                j = i + len(short)
                inside = [m for m in out if m.start < j and i < m.end]
                in_noun = common and i > 0 and text[i - 1] not in NAME_STOP["park"]   # 各类科技企业孵化器
                if not in_noun and not any(m.start <= i and j <= m.end and m.end - m.start > len(short) for m in inside):
                    out = [m for m in out if m not in inside]
                    out.append(Mention(i, j, named.name, named.kind))
                i = text.find(short, j)
            out.sort(key=lambda m: m.start)
        return out, declared

    def _first(self, name: str) -> int:
        return next((m.start for m in self.mentions if m.name == name), 10**9)

    @staticmethod
    def _drop_uncontexted_counties(raw: list[Mention]) -> list[Mention]:
        """A county's short name (如皋) counts only where its city or its full name is mentioned too
        (长垣市 for 长垣, though the table still says 长垣县)."""
        index, _ = _place_index()
        named = {m.name for m in raw if not m.anaphor}
        in_full = {m.name.rstrip("县市") for m in raw if not m.anaphor
                   and m.end - m.start == len(m.name) > 2}   # not 成县 in 建成县级
        return [m for m in raw if m.anaphor or m.kind not in ("county", "county-city")
                or (m.end - m.start == len(m.name) > 2) or m.name.rstrip("县市") in in_full
                or index[m.name][2] in named]

    @staticmethod
    def _renamed_counties(raw: list[Mention]) -> dict[str, str]:
        """海安 is 海安市 where the article also writes 海安市, though the table still says 海安县."""
        index, _ = _place_index()
        return {index[m.name[:-1]][0]: m.name for m in raw if m.kind == "county-city"
                and m.name[:-1] in index and index[m.name[:-1]][0] != m.name}

    @staticmethod
    def _rename(m: Mention, renamed: dict[str, str]) -> Mention:
        return Mention(m.start, m.end, renamed[m.name], "county-city", m.anaphor, m.in_org) if m.name in renamed else m

    def _group_parks(self, raw: list[Mention]) -> list[Mention]:
        """One name per park: 三江新区 and 宜宾三江新区 are reported as the longer."""
        names = sorted({m.name for m in raw if m.kind == "park" and not m.anaphor}, key=len, reverse=True)
        best: dict[str, str] = {}
        for name in names:
            core, kind = _core(name), _zone_type(name)
            if name.endswith(PORT):
                best[name] = name                # 西安港 beside 西安综合保税区: a port is no zone of its city
                continue
            best[name] = next((n for n in names if len(n) > len(name) and len(core) >= 2
                               and _compatible(kind, _zone_type(n))
                               and (_core(n) == core or (_core(n).endswith(core)
                                                         and _core(n)[: -len(core)] in _strong_places()))), name)
        self.grouped = best
        return [Mention(m.start, m.end, self._canonical(m.name), m.kind, m.anaphor)
                if m.kind == "park" and not m.anaphor else m for m in raw]

    @staticmethod
    def _with_bare_cores(text: str, start: int, raw: list[Mention]) -> list[Mention]:
        """洋浦经济开发区…。去年，洋浦完成…: a park's core name alone, opening a clause, names the
        park, unless it is a place's name (苏州), a generic word or an industry (智能电气产业集群)."""
        index = _place_index()[0]
        cores = {core: m.name for m in raw if m.kind == "park" and not m.anaphor and len(core := _core(m.name)) >= 2
                 and core not in index and not core.startswith(GENERIC_CORES) and not _starts_with_place(core)
                 and not INDUSTRY.search(core)}
        return _with_words(text, start, raw, cores, "park", opening_only=True)

    @staticmethod
    def _with_company_cores(text: str, start: int, raw: list[Mention]) -> list[Mention]:
        """宁波佳联电器有限公司…。去年，佳联电器通过…: a company's name without its places and its
        legal form, opening a clause, names the company."""
        strong, cores = _strong_places(), {}
        for m in raw:
            suffix = next((c for c in COMPANY_SUFFIXES if m.name.endswith(c)), "") if m.kind == "company" else ""
            if suffix and suffix != GROUP and not m.anaphor:
                core = m.name[:-len(suffix)]
                while lead := max((j for j in range(2, min(len(core), 9) + 1) if core[:j] in strong), default=0):
                    core = core[lead:]
                if len(core) >= MIN_COMPANY_CORE and HAN_RUN.fullmatch(core):
                    cores[core] = m.name
        return _with_words(text, start, raw, cores, "company", opening_only=True) if cores else raw

    @staticmethod
    def _with_listed_parts(text: str, start: int, raw: list[Mention]) -> list[Mention]:
        """一区三园，即城东园、城西园和石庄园: short names of a park's parts, listed together, name those
        parts wherever they occur (城东园上半年…); a part is no antecedent of 园区 and not the article's
        subject."""
        names = {name: name for m in LISTED_PARTS.finditer(text, start) for name in m.captures("part")
                 if not name.startswith(GENERIC_CORES) and not INDUSTRY.search(name)}
        return _with_words(text, start, raw, names, PART)

    def _canonical(self, name: str) -> str:
        aliases = entity_aliases()
        name = aliases.get(name, name)
        grouped = getattr(self, "grouped", {}).get(name, name)
        return aliases.get(grouped, grouped)

    @staticmethod
    def _resolve(text: str, raw: list[Mention], pools: set[int], titled: list[Mention]) -> list[Mention]:
        """Each anaphor named by the nearest mention before it of the kind it names; a set of
        parts (南通各县) is not a candidate. 我市, 全市, 本市 name the unit the text speaks for:
        the paragraph's, when a name of that kind opens it (巩义市是…，全市…), else the article's,
        when its title names one (长葛市政府工作报告, 绵阳前三季度…): in a city's report 全市
        follows a paragraph on one of its counties."""
        out: list[Mention] = []
        paragraph, opener = -2, None             # the paragraph being read and its first mention
        ends = [e.start() for e in SENTENCE_END.finditer(text)] if any(m.anaphor for m in raw) else []
        parks = {m.name for m in raw if m.kind == "park" and not m.anaphor}
        zone_ports = {p for p in parks if p.endswith(PORT) and any(q != p and q.startswith(p) for q in parks)}
        for m in raw:
            if (here := text.rfind("\n", 0, m.start)) != paragraph:
                paragraph, opener = here, m
            if not m.anaphor:
                out.append(m)
                continue
            targets = ANAPHOR_TARGETS[m.kind]
            if m.name in DISTRICT_WORDS:
                targets = ("county", "park")
            speaker = None
            sentence = ends[i - 1] if (i := bisect.bisect_left(ends, m.start)) else -1   # the end before its sentence
            if m.name[0] in SPEAKER_MARKS:
                subject = Entities._speaking_for(text, out, m, targets, sentence) or (
                    opener if opener is not m and not opener.anaphor and not opener.in_org
                    and opener.kind in targets else None)
                speaker = subject or next((t for t in titled if t.kind in targets), None)
            if speaker:
                out.append(Mention(m.start, m.end, speaker.name, targets[0], anaphor=True))
                continue
            if m.name == PARKS_IN_GENERAL and (region := Entities._region_of_parks(text, out, m, sentence)):
                out.append(Mention(m.start, m.end, region.name, region.kind, anaphor=True))
                continue
            word = m.name.lstrip("该本全我这")   # 产业园 is the nearest …产业园 before any other park; 园区 any
            prior = next((p for p in reversed(out) if p.kind == "park" and not p.anaphor and not p.in_org
                          and p.start not in pools and (p.name.endswith(word) or _same_kind(p.name, word))), None) \
                if m.kind == "park" and word != "园区" else None
            named = [p for p in out if p.kind in targets and not p.anaphor
                     and (m.kind != "town" or p.name.endswith(word))     # 全镇 is a 镇, never a 村 in it
                     and not (m.kind == "park" and p.name in zone_ports and not word.endswith(PORT))]
            prior = prior or next((p for p in reversed(named) if not p.in_org and p.start not in pools), None)
            prior = prior or (named[-1] if named else None)
            if prior is None:
                later = Counter(p.name for p in raw if p.kind in targets and not p.anaphor and not p.in_org
                                and (m.kind != "town" or p.name.endswith(word)))
                name = later.most_common(1)[0][0] if later else (
                    Entities._province_of(raw) if m.kind == "province" else "")
            else:
                name = prior.name
            out.append(Mention(m.start, m.end, name, targets[0], anaphor=True))
        return out

    @staticmethod
    def _province_of(raw: list[Mention]) -> str:
        """全省开发区工作会议在南昌召开: the province the article's first city lies in, when the
        province itself is never named."""
        index = _place_index()[0]
        return next((index[m.name][2] for m in raw if m.kind == "city" and not m.anaphor and m.name in index), "")

    @staticmethod
    def _speaking_for(text: str, out: list[Mention], m: Mention, targets: tuple[str, ...],
                      sentence: int) -> Mention | None:
        """长沙经开区党工委有关负责人…表示，去年全区…: the unit whose official speaks in m's sentence
        (`sentence`: where the sentence before it ends)."""
        for p in reversed(out):
            if p.end <= sentence:
                break
            if p.kind in targets and not p.anaphor and SPEAKER.match(text, p.end, m.start):
                return p
        return None

    @staticmethod
    def _region_of_parks(text: str, out: list[Mention], m: Mention, sentence: int) -> Mention | None:
        """全省园区实现…，园区实际使用外资…; 湖南将推动园区…: a bare 园区 after a region's parks
        taken together in its sentence, or right after a region, is that region's parks."""
        for p in reversed(out):
            if p.end <= sentence:
                break
            if p.kind in REGIONS and ((p.anaphor and text.startswith("全", p.start) and text.startswith(PARK_WORDS, p.end))
                                      or (p is out[-1] and m.start - p.end <= REGION_REACH
                                          and not CLAUSE_PUNCTUATION.intersection(text[p.end:m.start]))):
                return p
        return None

    def between(self, lo: int, hi: int) -> list[Mention]:
        """Mentions that lie within text[lo:hi]."""
        i = bisect.bisect_left(self.starts, lo)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < hi:
            if self.mentions[i].end <= hi:
                out.append(self.mentions[i])
            i += 1
        return out
