"""Amounts in a sentence → facts: what each figure measures, and its growth, status, time and entity.

The grammar of the genre, clause by clause (clauses end at ，；：and brackets):
- a level figure names its indicator before it (工业应税销售149亿元, 亿元以上项目1436个) or, for a
  count, after its classifier (39个10亿元项目, 引进了80多个外资项目);
- a percentage after a growth word is a change: attached to the level figure before it in the
  sentence (…149亿元，同比增长11%), or a fact of its own when it names its subject
  (规上工业增加值增长8.5%); 个百分点 is a change of a rate; 占/比重 make a share;
- lists of values (1436个、498个、399个; 分别增长12%、8%) pair with lists of names;
- a status word (预计, 力争…) governs the rest of the sentence, a noun-like one (计划总投资) its
  clause; 其中 opens children of the figure before it; a clause with no subject of its own
  continues the previous one's, and a clause without figures names the subject of the next.
The word lists these rules use are in vocab/words.toml ([clause], [figures], [status] …).
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, replace
from functools import lru_cache

import regex

from .amounts import Amount, amount_of, amount_pattern, find_amounts
from .document import Document
from .entities import (PROJECT_HEADS, REGIONS, SHORT_NAME, SPEECH_VERB, SUFFIX_WORDS, Entities, Mention, project_before,
                       project_subjects)
from .numbers import chinese_numeral
from .schema import Fact
from .tables import GROWTH_LABEL, TableCell, find_table_cells
from .timeexpr import (SAME_PERIOD_LAST_YEAR, WHOLE_YEAR, YEAR_BEFORE, TimeRef, find_times, first_month, moved,
                        not_yet_reported, shift_year)
from .vocabulary import alternation, indicator_keywords, words

FIGURE_WORDS = words()["figures"]      # the word lists of vocab/words.toml that the rules below use
CLAUSE_MARK = regex.compile(r"[,;:()\[\]，；：（）]")
THOUSANDS = regex.compile(r"\d,\d{3}(?!\d)")     # 1,723.5亿元: a separator, not a clause break
# 13.8%、6.1%和下降2.4%: a list goes on over a joiner and the change word of its next item.
LIST_JOINERS = regex.compile(r"\s*(?:、|和|及|与|或|至|到|-|—|~|～)\s*"
                             f"(?:{alternation(words()['growth']['up'] + words()['growth']['down'])})?\\s*$")
SENTENCE = regex.compile(r"[^。！？!?\n]+[。！？!?]*")
MAX_NAME = 24
PEOPLE_UNITS = ("人", "人次", "名", "万人")
COUNT_OF_THINGS = ("个", "项", "家", "批", "宗", "处")
# Small patterns of the clause grammar, compiled once.
QUOTE_CHARS = regex.compile(r"[“”‘’\"'《》「」]")
NOTE = regex.compile(r"\((?:以?下同)\)")      # 比去年同期(下同)增长: a note to the reader
COMPARED_WITH = regex.compile(r"(?:和|与|同|跟)[^,;、]{1,10}?相比")   # 和2020年相比翻了一番: the base, no name
LIST_HEAD_NOUN = regex.compile(f"^(?:{alternation(FIGURE_WORDS['list_head_nouns'])})")
ITEM_COMMA = regex.compile(r"、|,")
ITEM_AND = regex.compile(r"和|与|及")
ITEM_ANY = regex.compile(r"、|和|与|及")
ITEM_LEAD = regex.compile(r"^(?:来自|对|其中)")
LIST_TAIL = regex.compile(f"(?:{alternation(FIGURE_WORDS['list_tails'] + [k for k, _, _ in indicator_keywords() if len(k) > 1])})$")
ORDINAL_ITEMS = regex.compile(r"(?P<prefix>第?)[一二三四五六七八九](?:、[一二三四五六七八九])+(?P<head>\p{Han}+)")
LIST_COMMA = regex.compile(r"、")      # an item of a list of names (…公司…项目、…镇…项目)
LIST_END = regex.compile(r"等")         # A、B等: the last one, but 销售脐橙等农特产品 lists products
ITEM_END = regex.compile(r"、|等(?=[\d一二两三四五六七八九十多]|项目)")   # …项目、…项目等12个项目
LOCATIVE = regex.compile(r"(?:在|于|到|赴|前往|来到|落户|选址|选址于|落地)$")
ASPECT = "方面"
TIME_JOINER = regex.compile(r"[、和及与,]")   # 2018年、2019年和2020年: a list of times
ROUTE_BEFORE = regex.compile(r"\p{Han}[—–-]$")   # a dash between two names: a route (宁东—浙江)
ROUTE_AFTER = regex.compile(r"[—–-]\p{Han}")
POINTING = "全该本我这"                     # 全省11个设区市, 该园区: an anaphor that points, not a bare noun
VERB_BEFORE_LIST = regex.compile(alternation(FIGURE_WORDS["verbs_before_lists"]))
OWNER_JOINER = regex.compile(r"\s*[、和及与]\s*")
# A、B、C技工贸总收入均超过1500亿元: 均 (each), not the 均 of 亩均, 人均, 年均.
EACH = regex.compile(r"(?<![亩人平户村年月日])均(?:为|在|达|达到|已|超|实现|保持在|高于)?$")
NOUN_START = regex.compile(r"[\p{Han}A-Za-z“‘\d]")
BOUND_AFTER = regex.compile(r"^(?:及以上|以上|以下)")
MONEY_LABEL = regex.compile(r"\d+(?:\.\d+)?(?:万|亿)*元")
NUMERAL_START = regex.compile(r"[\d一二两三四五六七八九十]")
DIGIT = regex.compile(r"\d")
HAN_TAIL = regex.compile(r"[\p{Han}]{1,6}")
HAN_RUN = regex.compile(r"\p{Han}+")
APPOSITION = 6                              # 特色产业石墨烯: the longest name after a kind of industry
QUANTITY_LEAD = regex.compile(r"^[一两二三四五六七八九十]+[个大项类]")   # 一个特色产业…, 两大产业…
DESTINATION = regex.compile(f"(?r)(?:{alternation(FIGURE_WORDS['destination_verbs'])})")   # the last one
BEFORE_AMOUNT = regex.compile(r"(?:分别|依次|均|约|近|超过|超|达到|达|为|了|是)+$")   # words between a rate word and its figure
RATE_WORD_END = regex.compile(r"(?:增速|增幅)$")
SIGN_OF_CHANGE = ("正增长", "负增长")       # what a count of places counts, not what their rates are of,
COUNTED_UNITS = ("县", "市", "区", "镇", "乡", "村", "县(市、区)", "县(市)", *SUFFIX_WORDS)   # nor the places counted
RATE_WORD_AND_AFTER = regex.compile(r"(?:增速|增幅)\p{Han}{0,4}$")   # 增速最快: how the rate compares
# 增速回落到6.3%: where a growth rate moved to, the rate itself (not a fall of 6.3 %).
RATE_MOVED_TO = regex.compile(f"(?:增速|增幅)(?:{alternation(words()['growth']['up'] + words()['growth']['down'])})"
                              r"(?:到|至)$")
RATE_FROM = regex.compile(r"(?:增速|增幅)(?:由|从)")      # 增速由一季度的下降41.5%回升至2.3%: both are rates
RESPECTIVELY_WORDS = "分别|依次"             # each item of the list before, in order
RESPECTIVELY = regex.compile(f"^(?:{RESPECTIVELY_WORDS})")
RESPECTIVELY_ANY = regex.compile(RESPECTIVELY_WORDS)
BARE_PROJECT = regex.compile(r"项目(?!个数|数|总数|和|[\p{Han}]{0,2}(?:项目|公司))")   # 项目总投资…: the project named before, not 项目个数
RATE_NOUN = regex.compile(r"增速|增幅")
RESPECTIVELY_WORD = "分别"
PREDICATE_START = regex.compile(f"^(?:{alternation(FIGURE_WORDS['predicate_starts'])})")
OF_NOUN = regex.compile(r"的([\p{Han}]{2,10})")
SUBJECT_LIST = regex.compile(r"[^,，;；:：]*?(?=为|是|作为|位列|居|成为|占)")
NAMED_SET = regex.compile(r"(?P<items>[^,;:、]+(?:、[^,;:、]+)+?)(?:等)?(?P<n>[两三四五六七八九])大")   # A、B、C三大产业
COLLECTIVE = regex.compile(r"""
    (?:(?:\d+|[一二两三四五六七八九十]+)(?:家|个)|全国|全省|全市)
    (?P<name>\p{Han}{0,8}?(?:园区|开发区|高新区|保税区|百强县)) (?=合计|共计|总计|中,|整体)   # 45家园区合计, 5个综合保税区合计
  | (?:全国|全[省市区县]) (?:\d+(?:家|个))? (?P<name>\p{Han}{2,10}?(?:园区|开发区|经开区|高新区))
    (?=共?(?:实现|完成))
  | (?P<name>(?:全国)?百强县)                    # 百强县地区生产总值合计…: a ranking's counties, always a set
""", regex.X)   # 全国230家国家级经开区实现…, 全省13个自由贸易港重点园区实现…: the nation's, the province's set of zones
SET_OF_ITEMS = regex.compile(r"[两三四五六七八九十]大\p{Han}{0,4}?(?:产业|行业|板块|领域|集群)")
INDICATOR_SET = regex.compile(r"[两三四五六七八九]项(?:主要)?指标")   # 两项指标: the indicators named before
SET_REFERENCE = regex.compile(r"[两三四五六七八九]大")   # 三大产业分别…: the set named before
SET_INTRO = regex.compile(r"^.*?(?:形成|培育|打造|构建|发展|聚焦|拥有|有)")   # 园区已形成A、B、C…
COUNTED_THING = regex.compile(r"项目|企业$")
PROJECT_END = PROJECT_HEADS               # a project or facility owns its own figures, not the next sentence's
OLD_VALUE_FROM = ("由", "从")            # 由2019年的98家…: an old value's time
OLD_VALUE_PHRASE = regex.compile(r"(?<=\p{Han}{2})(?:由|从)\p{Han}*$")   # …由建园之初: when, not what
MONTH_ON_MONTH = "环比"
CHANGE_WORD = regex.compile(alternation(words()["growth"]["up"] + words()["growth"]["down"]))
CAUSE = regex.compile(r"受[^,;]{1,24}?(?:影响|带动|拉动|冲击|推动)"
                       r"|在[^,;]{1,16}?(?:影响|带动|拉动|冲击|推动|支撑|背景)下")   # 在疫情冲击下: a circumstance
PREDICATE_AFTER_NOUN = regex.compile(f"[已将正于在是为被由并也都均]|{alternation(FIGURE_WORDS['conditional_events'] + FIGURE_WORDS['stages'])}|建设|进入|启动|实施")
SETTING_UP = regex.compile(r"宣布|设立|成立|组建|发起|新建|建设|打造")
OTHER_MEASURES = frozenset(FIGURE_WORDS["other_measures"])   # 出口量 …, 出口额 …
MEASURE_END = regex.compile(f"(?:{alternation(FIGURE_WORDS['measures'])})$")   # 规模, 面积: of a thing described
RANK_VERB = regex.compile(alternation(FIGURE_WORDS["rank_verbs"]))
RANKING = regex.compile(f"(?:{alternation(FIGURE_WORDS['rank_verbs'])})[^,;。]{{0,12}}?(?:{'|'.join(FIGURE_WORDS['ranks'])})")
COPULA = "是"
PLAN, DONE = "计划", "完成"              # a plan and what is done of it
DONE_SHARE = tuple(FIGURE_WORDS["done_shares"])   # a share of a plan done, whatever the plan's words
GOALS = ("任务", "目标", "计划")          # what a share of a goal is measured against
MEASURED_SHARE = regex.compile(r"\)?的\d")     # 完成全年目标任务(240亿元)的77.7%: the amount measured against
CONTRAST = "而"                         # …68.3亿元，而2019年只有12亿元: a time set against another
WHOLE_YEAR_WORDS = ("全年", "当年")
NOW_WORDS = ("目前", "截至目前", "截止目前", "到目前为止")
UP_TO_NOW = "至今"                       # 始建于1378年，至今已有640余年历史: history, dating no figure after it
ITEM_MARK = regex.compile(r"\s*(?:—|•|·|●|■|◆|▲|[①-⑳]|\(?[一二三四五六七八九十\d]{1,2}[)、.](?!\d))")   # ——贵阳…, (一), 1.
HEADING_END = regex.compile(r"[:]\s*(?:\n|$)")   # 从重点开发区2022年主要指标看：⏎
QUOTED_SPEECH = regex.compile(rf"\s*“[^”\n]{{2,200}}”[^,;。\n]{{0,30}}?(?:{SPEECH_VERB})")   # “…”王建华表示，…
BREAKDOWN = regex.compile(r"\s*(?:从|分|按)\p{Han}{1,8}?(?:来看|看|分)[,:]")   # 从结构看, 分行业看, 按贸易方式分
ITEM_PART = regex.compile(r"\p{Han}{1,12}?(?:业|板块|领域)")   # 起重装备产业, 现代服务业: an industry opening an item
REGIONAL = regex.compile(alternation(FIGURE_WORDS["regional_breakdowns"]))   # 分地区看, 从区域看: parts are places
ON_YEAR_BEFORE = regex.compile(r"(?:同比|上年|去年|上年同期|去年同期)\s*$")   # 同比翻番, 较去年翻番
SHORT_HAN = regex.compile(r"[\p{Han}]{0,4}")
STAGE = regex.compile(f"(?:{alternation(FIGURE_WORDS['stages'])})")
OBJECT_MARKER = regex.compile(f"(?:{alternation(FIGURE_WORDS['object_markers'])})$")
IN_ROLE_PHRASE = regex.compile(f"(?:{alternation(FIGURE_WORDS['role_phrases'])})[^,;。]*$")
CHANGE_TO_WORDS = f"(?:{alternation(FIGURE_WORDS['change_verbs'])})(?:到|至)"
CHANGE_TO = regex.compile(f"^\\s*{CHANGE_TO_WORDS}")
NEW_VALUE_AHEAD = regex.compile(CHANGE_TO_WORDS)   # 由98家增加到217家: no noun after the old value
NEW_VALUE = regex.compile(f"{CHANGE_TO_WORDS}[^,;。]{{0,10}}$")   # …增加到2023年的217家: the new value
NEW_VALUE_REACH = max(map(len, FIGURE_WORDS["change_verbs"])) + 1 + 10   # the most text NEW_VALUE spans
MOVED_TO = regex.compile(f"{CHANGE_TO_WORDS}$")      # …回落至2%: the value reached, not a fall
# 是上年的2.1倍: a level 2.1 times last year's, a growth of 110 %.
TIMES_OF = regex.compile(r"(?:是|为|相当于)(?:上年|去年|上年同期|去年同期)的?$")
THRESHOLD_WORDS = regex.compile(r"[亿万]元|以上|以下|超|过")
PARALLEL = regex.compile(f"(?:{alternation(FIGURE_WORDS['parallel_verbs'])})$")
BARE_CHANGES = tuple(FIGURE_WORDS["bare_changes"])
NEW = regex.compile(f"^(?:{alternation(FIGURE_WORDS['new_prefixes'])})")
TOTAL = regex.compile(alternation(FIGURE_WORDS["totals"]))
CLAUSE_STATUS = tuple(FIGURE_WORDS["clause_status"])   # unless they open a list: 目标是：…；…
CLAUSE_BREAK = regex.compile(r"[,;]")
GOAL_END = regex.compile(f"(?:{alternation(FIGURE_WORDS['goal_nouns'])})$")
GOAL = "目标"
MAX_GOAL_WORDS = 8                           # 对照年初确定的: the longest words before a goal that name nothing
GOAL_AFTER = regex.compile(f"(?:以上|左右)?的?(?:{alternation(FIGURE_WORDS['goal_nouns'])})")   # …的目标, 2亿美元任务
ALREADY = regex.compile(r"已经?(?!达|超|突破)")
MEASURED_AGAINST = regex.compile(f"(?:{alternation(FIGURE_WORDS['measured_against'])})[^,;]{{0,4}}$")
LIST_OPENER = regex.compile(r"\s*(?:是|为|如下)?\s*:")
DISPOSAL = regex.compile(alternation(FIGURE_WORDS["disposal_verbs"]))
DURATION_TIME = regex.compile(r"\s*\d{1,2}\s*年")   # 力争3年: a deadline dates its own sentence only
AMONG = regex.compile(r"(?<!集)中有?$|(?<!集)中有")   # N个X中(有): the population a part is taken from
RATE_ONLY = frozenset(words()["growth"]["rate_only"])
SPAN_LEAD = regex.compile(r"^(?:[一二两三四五六七八九十]|\d{1,2})年")   # 三年年均: the span, said again
OF_GROWTH = regex.compile(r"的(?:增速|增长|增幅)")
ADJUSTED = regex.compile(r"剔除[^,;]*?后")    # 剔除留抵退税因素后可比增长2.3%: the same figure, adjusted
SPECIAL_PERIODS = (SAME_PERIOD_LAST_YEAR, WHOLE_YEAR)
DEADLINE = ("到", "至")                    # 到2025年: a year a plan reaches
REVIEW_MONTHS = 2                           # articles of January and February look back on last year
MEETING = regex.compile(r"\s*(?:上午|下午)?\s*(?:在[^,;。]{1,20})?(?:召开|举行|举办)")   # 去年12月28日召开的全会
DECLINE_NARROWS = regex.compile(r"(?:降幅|跌幅|亏损).*(?:收窄|缩小|减少)")
PAST_SPAN = regex.compile(r"过去(?!的?一年)|近")     # 从近10年的数据看: a window, not the time of what follows
BASE_YEAR = regex.compile(r"(?:比|较|与)(?:19|20)\d{2}年(?:同期|末|底)?(?:相比)?")   # a change since a named year
BOTH = ("双破", "双超", "双双突破", "双双超过")   # A、B双破X: X for each of A and B
CAPACITY = regex.compile(f"(?:{alternation(FIGURE_WORDS['capacity_words'])})$")
CAPACITY_HEADS = tuple(FIGURE_WORDS["capacity_heads"])
CAPACITY_NAME = regex.compile(f"[^，,；;。、的()]{{0,16}}?(?:{alternation(FIGURE_WORDS['capacity_heads'])})")
CONDITIONAL = regex.compile(f"(?:{alternation(FIGURE_WORDS['conditional_events'])})后")


@lru_cache(maxsize=None)
def _patterns() -> dict[str, regex.Pattern]:
    w = words()
    st = w["status"]
    status_words = {**{x: "target" for x in st["target"]}, **{x: "expected" for x in st["expected"]},
                    **{x: "future" for x in st["future"]}, **{x: "if-action" for x in st["conditional_target"]}}
    g = w["growth"]
    c = w["clause"]
    return {
        "status": regex.compile(alternation(list(status_words))),
        "status_kind": status_words,  # type: ignore[dict-item]
        "outcome": regex.compile(alternation(st["future_outcome"])),
        "action": regex.compile(alternation(st["actions"])),
        "growth_end": regex.compile(
            f"(?P<g>{alternation(g['up'] + g['down'])})(?:了|为|达|约|近|超|分别)*$"),   # 提高到55% is a level, not a change
        "down": regex.compile(f"(?:{alternation(g['down'])})"),
        "compare": regex.compile(alternation(g["compare"])),
        "worded_change": regex.compile(   # the word first, then what stands before it: a fast scan
            f"(?P<double>{alternation(g['double'])})|(?P<flat>{alternation(g['flat'])})"
            f"(?<=(?:{alternation(g['compare'])})\\s*(?P=flat))"),
        "lead": regex.compile(f"^(?:(?!{alternation(c['lead_kept'])}){alternation(c['lead'])}|\\s)+"),
        "light": regex.compile(f"(?:{alternation(c['light_verbs'])})(?![率额])"),   # 完成率 is a noun
        "copula_end": regex.compile(f"(?:{alternation(c['copulas'])}|{CHANGE_TO_WORDS}|\\s)+$"),   # 企业增至83家
        "abstract": regex.compile(f"^(?:{alternation(w['nouns']['abstract'])})"),
        "economic": regex.compile(alternation(w["nouns"]["economic"])),
        "subject": regex.compile(
            "[\\p{Han}]{0,10}?(?:" + alternation([k for k, _, _ in indicator_keywords() if len(k) > 1]
                                                 + ["产业链", "产业", "行业", "板块", "领域"]) + ")"),
        "threshold": regex.compile(f"^[^，,；;。、的]{{0,5}}?(?:{alternation(w['nouns']['threshold_heads'])})"),
    }


@dataclass(slots=True)
class Cut:
    """A span of a clause that ends the words before it: a mention, a time, 建成后."""

    start: int
    end: int


@dataclass(slots=True)
class Candidate:
    """A mention that may own the figures after it in its sentence."""

    mention: Mention
    list_mark: int | None    # where a 、/等 after it starts a list of names, if it is in one
    locative: bool           # 在X, 赴X: where something is done, an owner only if no other is named


@dataclass(slots=True)
class Figure:
    """A fact under construction."""

    amount: Amount
    name: str
    role: str                   # level, growth, pp, share
    value: float
    unit: str
    value_base: float
    base_unit: str
    growth: float | None = None
    status: str = "actual"
    year: int | None = None
    period: str = ""
    entity: str = ""
    children_prefix: str = ""   # a stage word (新开工) that 其中 children inherit
    sentence: tuple[int, int] = (0, 0)   # the span of its sentence, the evidence


@dataclass
class Context:
    """What carries from sentence to sentence: the time, and within a paragraph the topic."""

    time: TimeRef | None = None
    topic: str = ""
    entity: str = ""
    stage: str = ""
    paragraph: int = -1
    opener: str = ""            # the owner of the paragraph's first figures
    heading_time: TimeRef | None = None   # the time in force at a heading that ends with a colon
    resumed_time: TimeRef | None = None   # the time in force before the paragraph
    aside: bool = False                   # the paragraph is a quoted speech: its times end with it


def _strip_quotes(s: str) -> str:
    return QUOTE_CHARS.sub("", s)


@lru_cache(maxsize=8192)
def clean_name(segment: str, keep_de: bool = False) -> str:
    """The indicator words of a clause segment: no connectives, light verbs or copulas.

    `keep_de` reads a predicate (占外贸总值的, 比上年末提高): its 的 and nouns stay, only 的 goes.
    """
    p = _patterns()
    s = _strip_quotes(segment)
    if "相比" in s or "下同" in s:
        s = COMPARED_WITH.sub("", NOTE.sub("", s))
    s = s.strip()
    if "等" in s and "、" in s[: s.rfind("等")]:
        s = s[s.rfind("等") + 1:]          # 信息传输、制造业等重点行业 → the head after 等
    s = p["copula_end"].sub("", p["lead"].sub("", s))
    light = s if keep_de else p["light"].sub("", s)   # a predicate keeps its nouns: 占年度计划的
    if len(light) >= 3 or not light:
        s = light
    uncompared = p["compare"].sub("", s)
    s = uncompared if len(uncompared) >= 2 else s
    if not keep_de and "的" in s:
        head, tail = s[: s.rfind("的")], s[s.rfind("的") + 1:]
        defining = len(head) <= 6 or THRESHOLD_WORDS.search(head) or "、" in head   # 年营收过百亿元的企业 keeps both
        s = tail if len(tail) >= 2 and not defining else s.replace("的", "")
    s = s.replace("的", "") if keep_de else s
    s = p["lead"].sub("", s)
    s = p["copula_end"].sub("", s)
    return s[-MAX_NAME:].strip()


@lru_cache(maxsize=8192)
def category_of(name: str, amount_kind: str, unit: str, role: str) -> str:
    if role in ("growth", "pp"):
        return "growth"
    if role == "share":
        return "other" if name.endswith("率") else "share"   # 失业率为5.1%: a rate, not a part of a whole
    if unit in PEOPLE_UNITS:
        return "other"
    for keyword, category, kinds in indicator_keywords():
        if keyword in name and (not kinds or amount_kind in kinds):
            return category
    return "enterprises" if unit == "家" else "other"     # 家 counts firms and institutions


def split_items(segment: str, n: int) -> list[str] | None:
    """新签约、新开工、新竣工亿元以上项目 → three names sharing the head 亿元以上项目."""
    if n < 2:
        return None
    p = _patterns()
    name = p["copula_end"].sub("", p["lead"].sub("", _strip_quotes(segment).strip()))
    head = ""
    body = name
    if "等" in name:
        body, head = name[: name.rfind("等")], name[name.rfind("等") + 1:]
        head = LIST_HEAD_NOUN.sub("", head)
    items = [i for i in ITEM_COMMA.split(body) if i]
    if len(items) != n and n == 2:
        items = [i for i in ITEM_AND.split(body, maxsplit=1) if i]
    if len(items) != n:
        return None
    items = [ITEM_LEAD.sub("", i) for i in items]
    numerals = ORDINAL_ITEMS.fullmatch("、".join(items))
    if head:
        names = [i + head for i in items]
    elif numerals:                       # 第一、二、三产业增加值 → 第一产业增加值, 第二产业增加值, …
        prefix, shared = numerals["prefix"], numerals["head"]
        names = [prefix + i.removeprefix(prefix)[:1] + shared for i in items]
    else:
        short = max(len(i) for i in items[:-1])
        shared = ""
        while (tail := LIST_TAIL.search(items[-1], 0, len(items[-1]) - len(shared))) and tail.start() >= 2:
            shared = tail[0] + shared        # 二氧化硫、化学需氧量排放量, 电子元器件、橡塑制品产业产值: the tail the list names
        if not shared:
            shared = items[-1][short:] if len(items[-1]) > short + 1 else ""
        names = [i if i.endswith(shared) else i + shared for i in items[:-1]] + [items[-1]]
        if (cut := items[-1].find(RESPECTIVELY_WORD)) > 0:       # A、B、新诺材料分别投入: 分别 ends the last item
            shared = items[-1][cut + len(RESPECTIVELY_WORD):]
            names = [i + shared for i in items[:-1]] + [items[-1][:cut] + shared]
        if (whole := SET_OF_ITEMS.search(items[-1])) and (what := clean_name(items[-1][whole.end():])):
            names = [i + what for i in items[:-1]] + [items[-1][:whole.start()] + what]   # A、B、C三大主导产业
                                                                                         # 分别完成产值 → A产值
    names = [clean_name(nm) for nm in names]
    return names if all(len(nm) >= 2 for nm in names) else None


class SentenceReader:
    """Reads the figures of one sentence, given what the sentences before it established."""

    def __init__(self, doc: Document, entities: Entities) -> None:
        self.doc = doc
        self.text = doc.text
        self.entities = entities
        self.seen: list[Figure] = []        # the figures of the sentences read so far
        self.first_figure = 0                        # where the first amount of the sentence starts
        self.sentence_end = 0
        self.candidates: list[Candidate] = []        # who may own the sentence's figures
        self.causes: list[tuple[int, int]] = []      # the spans of its causes (受…影响)
        self.subject_clause: tuple[int, int] | None = None   # a figure-less clause just before,
                                                     # whose subject may name the next figure
        self.named_by_clause = False                 # and the change just named took its subject
        self.mentions: list[Mention] = []            # the mentions in the sentence being read
        self.times: list[TimeRef] = []               # and its time expressions
        self.amounts: list[Amount] = []              # and amounts
        self.list_owners: list[str] = []             # the owners of the sentence's last list of figures
        self.status_marks: list[regex.Match] = []   # status words of the sentence being read
        self.conditions: list[int] = []              # ends of its 建成后/达产后
        self.figures: list[Figure] = []              # its figures read so far
        self.rate_from = False                       # has it 增速由…: rates old and new
        self.compare_times: list[TimeRef] = []       # its comparison bases
        self.collective_sets: list[Mention] | None = None   # the article's sets of zones (45家园区)
        self.last_project = ""                        # the project named last, for a clause opening with 项目
        self.paragraph_project = (-2, "")            # that project, where a clause of the paragraph opens so

    # -- parts of a sentence -------------------------------------------------------------
    def clauses(self, s: int, e: int) -> list[tuple[int, int]]:
        """Spans of the sentence between ，；：and brackets around a figure of their own."""
        text = self.text
        ends = []
        for m in CLAUSE_MARK.finditer(text, s, e):
            i = m.start()
            if text[i] in "()" and not self._figure_in_brackets(i, s, e):
                continue                         # 外商直接投资(FDI)到资: a bracket inside a name
            if text[i] == "," and THOUSANDS.match(text, i - 1):
                continue                         # 1,723.5亿元
            ends.append(i)
        out, cs = [], s
        for b in ends + [e]:
            end = b - 1 if text[b - 1] in "。！？!?" else b
            if end > cs:
                out.append((cs, end))
            cs = b + 1
        return out

    def _figure_in_brackets(self, i: int, s: int, e: int) -> bool:
        """Is the bracket at i around a figure of its own, as in (占规上工业比重为62.0%)?"""
        if self.text[i] == "(":
            close = self.text.find(")", i, e)
            inside = self.text[i:close if close >= 0 else e]
        else:
            opening = self.text.rfind("(", s, i)
            inside = self.text[opening if opening >= 0 else s:i]
        return any(ch.isdigit() for ch in inside)

    def status_at(self, s: int, pos: int) -> tuple[str, bool]:
        """(status, conditional) for a figure at pos: the last status word before it that governs it.

        A status word governs to the end of the sentence when it introduces a list with a colon
        (预期目标是：…；…), else up to the next semicolon.
        """
        p = _patterns()
        status, governing = "actual", s
        for m in self.status_marks:
            if m.end() > pos:
                break
            between = self.text[m.end():pos]
            if m[0] in CLAUSE_STATUS and CLAUSE_BREAK.search(between) and not LIST_OPENER.match(between) \
                    and not p["action"].match(self.text, m.end()) and not between.startswith("新"):
                continue                         # 计划总投资1050亿元；新开工…: 计划 names one figure
            if ";" in between and self._after_own_figure(s, m.start()):
                continue                         # …总投资68亿元，建成后将新增…；B项目总投资15.5亿元: 将 speaks of its own item
            if m[0] in CLAUSE_STATUS and MEASURED_AGAINST.search(self.text, max(s, m.start() - 6), m.start()):
                continue                         # 完成全年目标任务的115%: the target is what is measured against
            if m[0] in CLAUSE_STATUS and not LIST_OPENER.match(between) and any(
                    m.end() < t.start < pos and self.text[t.start - 1] in ",;" for t in self.times):
                continue                         # 计划实施…，上半年完成投资24.6亿元: progress, reported
            kind = p["status_kind"][m[0]]
            if kind == "if-action":
                if not p["action"].match(self.text, m.end()):
                    continue
                kind = "target"
            if kind == "future":
                if DISPOSAL.search(between.split(",")[0]):
                    continue                     # 将项目招引放在首位: 将 as 把, not the future
                kind = "expected" if status == "expected" or (p["outcome"].match(self.text, m.end())
                                                             and not self._deadline_before(m.start())) else "target"
            status, governing = kind, m.end()              # 预计上半年…将保持7%左右的增速: still a forecast
        if status != "actual" and ALREADY.search(self.text, governing, pos):
            status = "actual"                    # 计划新开工项目已开工286个，开工率92.3%: done, whatever was planned
        conditional = bool(self.conditions) and self.conditions[0] <= pos   # the ends are in order
        return status, conditional

    def _deadline_before(self, pos: int) -> bool:
        """到2025年，…将达到6.5亿吨: a later year reached by (到, 至) makes 将 a plan's target."""
        year = self.doc.year
        return bool(year) and any(t.end <= pos and t.year and t.year > year and self.text[t.start - 1:t.start] in DEADLINE
                                  for t in self.times)

    def _after_own_figure(self, s: int, pos: int) -> bool:
        """Does a figure stand before pos in its ；-item of the sentence starting at s?"""
        item = self.text.rfind(";", s, pos) + 1 or s
        return any(item <= a.start and a.end <= pos for a in self.amounts)

    def time_at(self, times: list[TimeRef], pos: int, ctx: Context) -> TimeRef | None:
        """The time of a figure at pos: the last time before it in the sentence, else the one in force."""
        before = [t for t in times if t.end <= pos and not t.compare and not t.event and not (
                  _old_value_time(self.text, t) and CLAUSE_BREAK.search(self.text, t.end, pos))]   # 由2019年的18…，入驻…
        if before and (before[-1].period == SAME_PERIOD_LAST_YEAR or self.text[before[-1].start - 1] == CONTRAST) \
                and ";" in self.text[before[-1].end:pos]:
            before.pop()                       # 去年同期这一数字为161.4亿元；完成…, …而2019年只有12亿元；实际使用外资…:
                                               # a year set against the sentence's is its own item
        if before and before[-1].period in SPECIAL_PERIODS:
            last = before[-1]                  # …全年实施项目132个；全年签约项目46个: 全年 twice is one year
            base = next((u for u in reversed(before[:-1]) if u.period not in SPECIAL_PERIODS), ctx.time)
            if last.period == WHOLE_YEAR:              # 2020年全年 / 下半年…，全年: the year in force
                year = base.year if base and base.year else last.year
                if base and base.implied and self.doc.month and self.doc.month <= REVIEW_MONTHS \
                        and not_yet_reported(base.period, self.doc.month):
                    year -= 1                          # 前三季度…。全年… in a January article: last year; 5月举行的
                                                       # 大会…全年 in April: this year, 5月 is still to come
                return TimeRef(last.start, last.end, year, str(year), False, True)
            if base is None or base.year is None:
                return None
            return TimeRef(last.start, last.end, base.year - 1, shift_year(base.period, -1), False, True)
        return before[-1] if before else ctx.time

    def change_time(self, a: Amount, s: int, times: list[TimeRef], ctx: Context) -> TimeRef | None:
        """由2019年的98家增加到2023年的217家，其中德资企业由61家增至126家: an old or new value
        with no time of its own in its clause takes the time of the sentence's earlier one; a new
        value's own time comes after the old value (增速由一季度的下降41.5%回升至2.3%: 2.3 is not
        一季度's), and with none it is the time before 由."""
        text = self.text
        t = self.time_at(times, a.outer_start, ctx)
        clause_start = max(s, text.rfind(",", s, a.outer_start) + 1, text.rfind(";", s, a.outer_start) + 1)
        side = 0 if NEW_VALUE_AHEAD.match(text, a.outer_end) else 1 if NEW_VALUE.search(
            text, max(clause_start, a.outer_start - NEW_VALUE_REACH), a.outer_start) else None
        if side is None:
            return t
        old = [b.outer_end for b in self.amounts if clause_start <= b.outer_start and b.outer_end <= a.outer_start]
        own_from = old[-1] if side == 1 and old else clause_start
        if any(own_from <= x.start and x.end <= a.outer_start and not x.compare for x in times):
            self.change_times[side] = t
            return t
        if side == 1 and old and self.change_times[1] is None and \
                (start := max(text.rfind(w, clause_start, old[-1]) for w in OLD_VALUE_FROM)) >= 0:
            return self.time_at(times, start, ctx)
        return self.change_times[side] or t

    def entity_at(self, s: int, amount: Amount, clause_end: int, noun_end: int, ctx: Context) -> str:
        """Who a figure belongs to: the nearest mention before it in the sentence that is not one of
        a list of examples (A、B等), else a place it lands in (落户X), else the paragraph's topic."""
        project = self._describes_project(amount, clause_end)
        if project:
            return project                       # 总投资35亿元的储能电池系统项目: the project's own figure
        # Within its own ；-item any mention may own the figure; from earlier items only one that
        # stands before the sentence's first figure (its subject), not 达埔镇 in "…200亿元，达埔镇…；".
        item = self.text.rfind(";", s, amount.outer_start)
        counted = self.collective_sets and next((c.mention.name for c in self.candidates
                                                 if c.mention.kind == "collective" and c.mention.start == amount.outer_end), "")
        if counted:
            return counted                       # 45家南北共建园区: the set counts itself
        usable = [c for c in self.candidates if c.mention.end <= amount.outer_start
                  and not (c.mention.kind == "project" and amount.kind == "count")   # 转化达产项目8个: a kind
                  and not (c.list_mark is not None and c.list_mark < amount.outer_start)
                  and (c.mention.start > item or c.mention.end <= self.first_figure or c.mention.kind == "collective")]
        owners = [c for c in usable if not c.locative] or usable
        if owners:
            return owners[-1].mention.name       # 公司拟在玉环经济开发区投资…: the company, not where it builds
        after = [m for m in self.entities.between(max(amount.end, noun_end), clause_end) if m.name]
        if not after and noun_end > amount.end:
            after = [m for m in self.entities.between(amount.end, clause_end)
                     if m.name and (self.text[m.start - 2:m.start] in ("落户", "入驻") or m.start >= noun_end - len(m.name))]
        if after:
            return after[0].name
        return ctx.entity or self.entities.main

    def _collectives(self, s: int, e: int) -> list[Mention]:
        """45家园区合计…, 参加考核的45家南北共建园区中…, 全国百强县…合计: a counted or whole set of
        zones or counties is the owner of its totals, named by its fullest name in the article."""
        if self.collective_sets is None:                # found once per article, most have none
            found = list(COLLECTIVE.finditer(self.text, self.doc.body_start))
            names = [self._region_at(m.start()) + m["name"] for m in found]
            fullest: dict[str, str] = {}
            for name in names:
                fullest[name[-2:]] = max(fullest.get(name[-2:], ""), name, key=len)
            self.collective_sets = [Mention(m.start("name"), m.end("name"), fullest[name[-2:]], "collective")
                                    for m, name in zip(found, names)]
        return [m for m in self.collective_sets if s <= m.start < e]

    def _region_at(self, i: int) -> str:
        """The region whose set of zones starts at i: named by 全省 at i (海南省) or right before i
        (河南省5个综合保税区), else ""."""
        return next((m.name for m in self.entities.between(max(0, i - MAX_NAME), i + 2)
                     if (m.start == i or m.end == i) and m.kind in REGIONS), "")

    def _described(self, a: Amount, clause_end: int) -> tuple[int, int] | None:
        """The noun phrase that a figure and 的 describe (总投资35亿元的储能电池系统项目), up to the end
        of its item of a list (…项目、…项目等12个项目) or clause; None when no 的 follows."""
        if not self.text.startswith("的", a.outer_end):
            return None
        end = ITEM_END.search(self.text, a.outer_end + 1, clause_end)
        return a.outer_end + 1, end.start() if end else clause_end

    def _described_thing(self, a: Amount, clause_end: int) -> str:
        """What a measure and 的 describe, other than a project (which owns its figure instead):
        规模50亿元的G60科创走廊产业协同基金, 面积1.5平方公里的起步区."""
        span = self._described(a, clause_end)
        if span is None:
            return ""
        thing = self.text[span[0]:span[1]].strip()
        verb = PREDICATE_AFTER_NOUN.search(thing, 2)
        thing = thing[:verb.start()] if verb else thing     # 面积1.5平方公里的核心区已建成: 核心区
        return thing if 2 <= len(thing) <= MAX_NAME and HAN_RUN.fullmatch(thing[-2:]) \
            and not thing.endswith(PROJECT_END) else ""

    def _ranked_by(self, a: Amount, clause_end: int) -> str:
        """The indicator that a figure and 的 describe before a verb of ranking (以1182亿元的规上工业
        产值位居全省首位), else ""."""
        span = self._described(a, clause_end)
        rank = span and RANK_VERB.search(self.text, *span)
        thing = clean_name(self.text[span[0]:rank.start()]) if rank else ""
        return thing if 2 <= len(thing) <= MAX_NAME and self._names_indicator(thing) else ""

    def _describes_project(self, a: Amount, clause_end: int) -> str:
        """The named project that a figure and 的 describe (总投资35亿元的储能电池系统项目), else ""."""
        span = self._described(a, clause_end)
        return project_before(self.text, *span) if span else ""

    def _owner_candidates(self, s: int, mentions: list[Mention]) -> list[Candidate]:
        """The sentence's named mentions that may own a figure: not items of a list (…、潭下镇…),
        not objects of a comparison (高于全市); with where a list of names after them begins
        (A、B等 before a figure), and whether they are only where something is done (在X投资)."""
        out = []
        counted = {a.outer_start for a in self.amounts if a.kind == "count"}
        object_end = -1                          # where the last object of a verb or 与 ends
        for m in mentions:
            if m.start == object_end or OBJECT_MARKER.search(self.text, max(s, m.start - 4), m.start):
                object_end = m.end               # 与结对的佛山市南海区: a place inside the object is the object's
                continue
            if not m.name or self._listed(m, s) or self._route_end(m) or self._in_cause(m.start) \
                    or IN_ROLE_PHRASE.search(self.text, max(s, m.start - 40), m.start) or self._in_quoted_name(m, s) \
                    or (m.anaphor and m.end in counted and self.text[m.start] not in POINTING):
                continue                         # 培育超千亿元园区15家: what is counted, not who counts
            mark = LIST_COMMA.search(self.text, m.end, self.sentence_end) or LIST_END.match(self.text, m.end)
            if mark and (NUMERAL_START.search(self.text, m.end, mark.start())
                         or any(self.text.find(w, m.end, mark.start()) >= 0 for w in OLD_VALUE_FROM)
                         or VERB_BEFORE_LIST.search(self.text, m.end, mark.start())):
                mark = None                      # …1500个以上、实际到位…: a 、 after a figure separates figures;
                                                 # X由原Y、Z等3家整合而成, X紧盯光伏、智能家电…: the list is
                                                 # where X came from, what X does
            if mark and SHORT_NAME.search(self.text, m.start, m.end):
                mark = None                      # X(以下简称“园区”)顶住…紧张、…上涨等压力: a subject introduced
            out.append(Candidate(m, mark.start() if mark else None,
                                 bool(LOCATIVE.search(self.text, max(s, m.start - 2), m.start))))
        return out

    def _in_cause(self, i: int) -> bool:
        """Is text[i] inside a cause (受长水国际机场航空客流减少影响, 受市场预期偏弱影响)?"""
        return any(lo <= i < hi for lo, hi in self.causes)

    def _route_end(self, m: Mention) -> bool:
        """Is the place one end of a route (宁东—浙江±800千伏特高压直流输电工程): part of the name of a
        line, not an owner?"""
        return m.kind in REGIONS and bool(ROUTE_BEFORE.search(self.text, max(0, m.start - 2), m.start)
                                          or ROUTE_AFTER.match(self.text, m.end))

    def _in_quoted_name(self, m: Mention, s: int) -> bool:
        """Is the mention inside quotes that qualify a noun after them (“巨野—青岛港”海铁联运班列)?"""
        text = self.text
        opening, closing = text.rfind("“", s, m.start), text.find("”", m.end, self.sentence_end)
        return opening >= 0 and closing >= 0 and "”" not in text[opening:m.start] \
            and bool(NOUN_START.match(text, closing + 1, closing + 2)) and text[closing + 1:closing + 2] != "等"

    def _listed(self, m: Mention, s: int) -> bool:
        """Is the mention an item of a list (…、潭下镇社会福利院4大项目) in its clause of the
        sentence starting at s: an example, not an owner?"""
        text = self.text
        clause_start = max(s, text.rfind(",", s, m.start) + 1, text.rfind(";", s, m.start) + 1,
                           text.rfind(":", s, m.start) + 1)
        mark = text.rfind("、", clause_start, m.start)
        if mark < 0:
            return False
        item_start = max(clause_start, text.rfind("、", clause_start, mark) + 1)
        return not DIGIT.search(text, item_start, mark)   # 其中A 2800万美元、B 1600万美元: figures, each its own

    def noun_after(self, a: Amount, clause_end: int) -> tuple[str, int]:
        """The counted noun after a classifier (39个10亿元项目为支撑 → 10亿元项目), and its end."""
        i, t = a.outer_end, self.text
        p_light = _patterns()["light"]
        if a.kind != "count" or i >= clause_end:
            return "", i
        first = t[i]
        if not (NOUN_START.match(first)) or first in "的为和与及在等是了以或":
            return "", i
        if first.isdigit() and not MONEY_LABEL.match(t, i, clause_end):
            return "", i                       # 60家3000人: the next figure, not a noun
        j = i
        while j < clause_end:
            ch = t[j]
            if RANKING.match(t, j):
                break                            # 以19家居各县(市、区)首位: a rank, not what is counted
            if ch in "为和与及等" or (ch == "、" and j + 1 < clause_end and NUMERAL_START.match(t[j + 1])):
                break
            if j > i and ((ch.isdigit() and self._figure_at(j)) or p_light.match(t, j)):
                break                            # 11个国家级开发区完成进出口968.7亿元: the noun ends at its verb
            if t.startswith(("先后", "相继", "分别", "已经", "均已"), j) or NEW_VALUE_AHEAD.match(t, j):
                break
            if ch == "的":
                rest = HAN_TAIL.match(t[j + 1:clause_end])
                if rest and j + 1 + len(rest[0]) == clause_end:
                    return t[i:j] + rest[0], clause_end
                break
            j += 1
        noun = _strip_quotes(t[i:j])
        destination = DESTINATION.search(t[i:j])
        if destination and self.entities.between(i + destination.end(), j):
            noun = _strip_quotes(t[i:i + destination.start()])   # 企业落户泰州医药高新区
        return noun[:MAX_NAME], j

    def segment_before(self, cs: int, a: Amount, floor: int, mentions: list[Mention],
                       times: list[TimeRef]) -> str:
        """The clause text before an amount, after the last entity mention, time and prior figure."""
        lo = max(cs, floor)
        if lo > cs and self.text.startswith("的", lo) and (item := self.text.find("、", lo, a.outer_start)) >= 0:
            lo = item + 1                        # 35亿元的储能电池系统项目、总投资22亿元: the next item's words
        cuts: list[Mention | TimeRef | Cut] = []
        for m in mentions:
            if lo <= m.start and m.end <= a.outer_start and not self.text.startswith("等", m.end):
                if OBJECT_MARKER.search(self.text, lo, m.start):
                    break                        # 占江苏全省…的: the rest is the object of 占
                if LOCATIVE.search(self.text, lo, m.start):
                    continue                     # 在安徽投资项目: where, part of the name
                cuts.append(m)
        cuts += [t for t in times if lo <= t.start and t.end <= a.outer_start and not t.compare]
        if self.conditions:
            cuts += [Cut(c.start(), c.end()) for c in CONDITIONAL.finditer(self.text, lo, a.outer_start)]
        for c in sorted(cuts, key=lambda c: c.end):
            after, before = clean_name(self.text[c.end:a.outer_start]), clean_name(self.text[lo:c.start])
            if len(after) < 2 and len(before) >= 2:
                return self.text[lo:c.start]     # 税收由当年的20多万元: the name stands before the time
            if isinstance(c, TimeRef) and len(before) >= 2:
                return self.text[lo:c.start] + self.text[c.end:a.outer_start]   # 中欧班列全年开行2180列,
                # 先进装备制造前三季度实现产值: a subject before the time names the figure with the words after
            lo = max(lo, c.end)
        return self.text[lo:a.outer_start]

    # -- the sentence ---------------------------------------------------------------------
    def read(self, s: int, e: int, ctx: Context, amounts: list[Amount], times: list[TimeRef],
             projects: list[Mention]) -> list[Figure]:
        """The figures among this sentence's amounts, given its named projects; `ctx` carries over
        to the next sentence."""
        p = _patterns()
        text = self.text
        mentions = self.entities.between(s, e)
        if self.collective_sets != [] and (collectives := self._collectives(s, e)):
            mentions = sorted(mentions + collectives, key=lambda m: (m.start, m.end))
        self.first_figure = amounts[0].outer_start
        self.sentence_end = e
        self.amounts = amounts
        bare = next((m.start() for m in BARE_PROJECT.finditer(text, s, e) if m.start() == s or text[m.start() - 1] in ",;:"),
                    None) if not projects and self.last_project else None
        if bare is not None:                   # …项目11日签约。根据协议，项目总投资12亿美元: the project named before
            projects = [Mention(bare, bare + 2, self.last_project, "project")]
            self.paragraph_project = (ctx.paragraph, self.last_project)
        self.causes = [c.span() for c in CAUSE.finditer(text, s, e)]   # 受…影响: names, owns and plans nothing
        self.candidates = self._owner_candidates(s, sorted(mentions + projects, key=lambda m: (m.start, m.end)))
        self.subject_clause = None
        self.mentions = mentions
        self.times = times
        self.list_owners = []
        self.change_times: list[TimeRef | None] = [None, None]
        self.status_marks = [m for m in p["status"].finditer(text, s, e) if not self._in_cause(m.start())]
        self.rate_from = RATE_FROM.search(text, s, e) is not None
        self.compare_times = [t for t in times if t.compare]
        self.conditions = [m.end() for m in CONDITIONAL.finditer(text, s, e)]
        figures: list[Figure] = []
        self.figures = figures                 # the sentence's figures so far
        last_level: list[Figure] = []          # the latest level figure(s), for growth and 其中
        topic = ctx.topic
        parent: Figure | None = None
        in_breakdown = False
        by_part = BREAKDOWN.match(text, s, e)    # 分产业看，A产业签约21个，合同额118.3亿元；B产业…
        part = ""                                # the part of the whole its ；-item speaks of
        for cs, ce in self.clauses(s, e):
            clause_amounts = [a for a in amounts if cs <= a.start < ce]
            if text.startswith("其中", cs) or text.startswith("其中", cs + 1):
                in_breakdown = True
                parent = last_level[-1] if last_level else None
            if text[cs - 1:cs] == ";" and cs > s:
                in_breakdown = False
            if by_part and (cs == by_part.end() or text[cs - 1:cs] == ";"):
                opening = ITEM_PART.match(text, cs, ce)
                part = opening[0] if opening else ""
            if not clause_amounts:
                self.subject_clause = (cs, ce)
                continue
            groups = self._groups(clause_amounts)
            prev_end = cs
            for group in groups:
                first = group[0]
                seg = CAUSE.sub("", self.segment_before(cs, first, prev_end, mentions, times))   # 受…影响: names nothing
                each = EACH.search(seg)               # …均在15%以上: named and read without 均,
                said, seg = seg, seg[:each.start()] if each else seg   # attached with it (增速均为5.9%)
                role = self._role(first, seg)
                names = self._names(group, seg, role, topic, last_level, ce, cs) if role else None
                if names is None:
                    continue                     # a label such as 50亿元以上项目 stays part of the next name
                prev_end = group[-1].outer_end
                amounts_named = group if len(group) == len(names) else group[:1] * len(names)
                new = [self._figure(a, name, role, (s, e), ce, noun_end, times, ctx, first)
                       for a, (name, noun_end) in zip(amounts_named, names)]
                for fig in new if part else []:
                    if not ITEM_PART.search(fig.name):
                        fig.name = part + fig.name   # 合同额118.3亿元 in the item on 起重装备产业
                if len(new) > 1 and (years := self._listed_times(cs, first, len(new), times)):
                    subject = clean_name(text[cs:years[0].start]) or topic
                    for fig, t in zip(new, years):   # 一般公共预算收入2018年、2019年、2020年分别为A、B和C
                        fig.name, fig.year, fig.period = subject or fig.name, t.year, t.period
                if in_breakdown and parent is not None:
                    self._inherit_stage(new, parent)
                if len(new) > 1:
                    self._pair_owners(new, cs, first.outer_start, mentions)
                if role == "growth" and self._attached(new, group, said, cs, mentions, figures, last_level):
                    continue
                if len(new) == 1 and each and (owners := self._listed_before(cs, first.outer_start, mentions)
                                               or self.list_owners):
                    new = [replace(new[0], entity=owner) for owner in owners]   # A、B、C…均超过1500亿元: one each
                    self.list_owners = owners
                if role == "level":
                    self._growth_before(new, figures)
                    if self._restated(last_level, new):
                        figures.remove(last_level[0])   # 突破800亿元，达到812.3亿元: the bound restated exactly
                    last_level = new
                topic = self._topic_after(new, role, seg, topic)
                figures.extend(new)
            self.subject_clause = None           # a subject reaches only the clause right after it
        ctx.topic = topic
        return figures

    def _attached(self, new: list[Figure], group: list[Amount], seg: str, cs: int, mentions: list[Mention],
                  figures: list[Figure], last_level: list[Figure]) -> bool:
        """Did the changes go to the figures they belong to? An old rate (由…的下降41.5%回升至…), a
        change on the month before (环比) and a doubling over years (较2020年翻了一番, not 同比翻番)
        stand as facts of their own, as does a change after a value from years before (从1989年的0.46亿元
        增加到128.4亿元，增长了278倍)."""
        first, text = group[0], self.text
        if NEW_VALUE_AHEAD.match(text, group[-1].outer_end) or MONTH_ON_MONTH in seg or (
                first.kind == "double" and first.value and not ON_YEAR_BEFORE.search(text, cs, first.outer_start)) \
                or (first.kind == "times" and (old := self.change_times[0]) and old.year and new[0].year
                    and old.year < new[0].year - 1):
            return False
        named = [m.name for m in mentions if cs <= m.start and m.end <= first.outer_start and m.name]
        return bool((named and not self._owns_subject(seg) and not self.named_by_clause
                     and self._attach_to_owner(new, named, figures))
                    or self._attach_growth(new, seg, figures, last_level, named))

    def _listed_times(self, cs: int, first: Amount, n: int, times: list[TimeRef]) -> list[TimeRef]:
        """The n times listed before a list said 分别 of as many figures (2018年、2019年、2020年分别为…),
        one for each, else []."""
        listed = [t for t in times if cs <= t.start and t.end <= first.outer_start and not t.compare]
        if len(listed) != n or "分别" not in self.text[listed[-1].end:first.outer_start]:
            return []
        joined = all(TIME_JOINER.fullmatch(self.text, a.end, b.start) for a, b in zip(listed, listed[1:]))
        return listed if joined else []

    def _share_of_goal(self, a: Amount) -> bool:
        """Is this share measured against the goal amount right before it (…预算71.5亿元的81.6%)?"""
        before = self.text[max(0, a.outer_start - 2):a.outer_start]
        end = a.outer_start - (2 if before == ")的" else 1 if before.endswith("的") else 0)
        return end < a.outer_start and any(b.outer_end == end for b in self.amounts)

    def _headline_name(self, a: Amount, role: str = "level") -> str:
        """The name of the headline's figure in the same unit (or of its rate): what a figure
        named by nothing else counts (or what a rate is of), when the article is about it."""
        title = self.doc.title
        start = self.text.find(title, self.doc.body_start, self.doc.body_start + len(title) + 2) if title else -1
        return next((f.name.removesuffix("增速") for f in self.seen if f.sentence[1] <= start + len(title)
                     and f.role == role and (role == "growth" or f.unit == a.unit)), "") if start >= 0 else ""

    def _named_alike(self, verb: str, a: Amount) -> str:
        """The name of the sentence's earlier figure of the same kind that opens with this bare verb."""
        return next((f.name for f in reversed(self.figures) if f.role == "level" and f.amount.kind == a.kind
                     and f.name.startswith(verb) and len(f.name) > len(verb) and not self._names_indicator(verb)), "")

    def _growth_before(self, new: list[Figure], figures: list[Figure]) -> None:
        """一般公共预算收入增长6%，力争达到30亿元: a change of its own just before a level of the
        same indicator, in the same item and time, is that level's change too (the change stays a fact)."""
        before = figures[-1] if figures else None
        if len(new) == 1 and before and before.role == "growth" and new[0].growth is None \
                and before.name == new[0].name + "增速":
            lo, hi = before.amount.outer_end, new[0].amount.outer_start
            if ";" not in self.text[lo:hi] and not any(lo <= t.start < hi for t in self.times):
                new[0].growth = before.value

    @staticmethod
    def _inherit_stage(new: list[Figure], parent: Figure) -> None:
        """其中 children of 新开工项目 are 新开工 too: 制造业项目 → 新开工制造业项目."""
        for fig in new:
            if fig.role == "level" and parent.children_prefix and fig.amount.kind == parent.amount.kind \
                    and not fig.name.startswith(parent.children_prefix):
                fig.name = parent.children_prefix + fig.name

    def _pair_owners(self, new: list[Figure], cs: int, pos: int, mentions: list[Mention]) -> None:
        """洛阳高新区、新乡高新区分别实现营业收入1280亿元、865亿元: each figure its own owner,
        and a later list of as many figures in the sentence the same owners."""
        owners = self._listed_owners(cs, pos, len(new), mentions) or self._list_ahead(cs, pos, len(new), mentions) or (
            self.list_owners if len(self.list_owners) == len(new) else [])
        for fig, owner in zip(new, owners):
            fig.entity = owner
        self.list_owners = owners or self.list_owners

    @staticmethod
    def _attach_to_owner(new: list[Figure], named: list[str], figures: list[Figure]) -> bool:
        """A、B、C…分别为121.8亿元、98.6亿元和42.3亿元，其中A增长5.4%，B下降3.2% (其中A、B分别增长
        5.4%和3.2%): a change named only by its owner (named in its clause) belongs to that owner's
        figure in the sentence."""
        if not named or len(named) < len(new):
            return False
        matches = [[f for f in figures if f.role == "level" and f.entity == owner and f.growth is None]
                   for owner in named[-len(new):]]
        if any(len(match) != 1 for match in matches):
            return False
        for (match,), change in zip(matches, new):
            match.growth = change.value
        return True

    def _attach_growth(self, new: list[Figure], seg: str, figures: list[Figure], last_level: list[Figure],
                       named: list[str]) -> bool:
        """Give changes to the figures they belong to (…149亿元，同比增长11%; 分别增长12%、8%);
        False when they stand as facts of their own."""
        if not self._owns_subject(seg) and not self.named_by_clause and last_level:
            levels = [f for f in figures if f.role == "level" and not f.name.endswith(BARE_CHANGES)   # not 较年初增加X
                      and not self._base_value(f)]
            targets = levels[-len(new):] if len(new) <= len(levels) else last_level[-1:]
            own_owners = (len(new) == 1 and not named) or all(g.entity == t.entity for g, t in zip(new, targets))
            # 从增速看，北海、防城港分别增长8.9%、8.1%; 玉林增长6.2%: other owners' changes are their own facts
            if len(new) == 1 and len(last_level) > 1 and "均" in seg:
                new, targets = new * len(last_level), last_level   # 分别达到A和B，增速均为5.9%
            if len(new) == len(targets) and all(t.growth is None for t in targets) and own_owners:
                for t, g in zip(targets, new):
                    t.growth = g.value
                return True
        return self._attach_by_name(new, figures)

    def _base_value(self, f: Figure) -> bool:
        """较去年的14645元增长8.3%: the value compared against, not the one that grew."""
        return bool(self.compare_times) and self._base_time(f.amount) is not None

    def _base_time(self, a: Amount) -> TimeRef | None:
        """The comparison base's time right before an amount (较去年的14645元), else None."""
        return next((t for t in self.compare_times if t.end <= a.outer_start
                     and self.text[t.end:a.outer_start] in ("的", "")), None)

    def _topic_after(self, new: list[Figure], role: str, seg: str, topic: str) -> str:
        """What the next clause without a subject of its own speaks of."""
        name = new[-1].name
        if role == "level":
            counted_units = new[-1].amount.kind == "count" and name.endswith(COUNTED_UNITS)
            return topic if counted_units or name.endswith(SIGN_OF_CHANGE) else name
                                                 # 9个县(市、区)和4个开发区中，有8个实现正增长。其中…增长9.8%: the
                                                 # rates are of what the places were counted by
        if role == "growth" and (self._owns_subject(seg) or not topic):   # 规上工业增加值：本月增长6.2%，
            return name.removesuffix("增速")                              # 1—10月累计增长5.4%
        if role == "share":                      # 失业率为5.1%，比上年回落0.3个百分点; …占…, …完成目标…: the whole
            cut = min((name.index(w, 2) for w in ("占", "完成") if w in name[2:]), default=len(name))
            return name[:cut]
        return topic

    def _groups(self, amounts: list[Amount]) -> list[list[Amount]]:
        """Consecutive amounts of one kind joined only by 、/和/至 form one list."""
        groups: list[list[Amount]] = []
        for a in amounts:
            prev = groups[-1][-1] if groups else None
            if prev and a.kind == prev.kind and LIST_JOINERS.fullmatch(self.text[prev.outer_end:a.outer_start]):
                groups[-1].append(a)
            else:
                groups.append([a])
        return groups

    def _role(self, a: Amount, seg: str) -> str | None:
        p = _patterns()
        if a.kind == "pp":
            return "pp"
        if a.kind == "double":
            return "growth"
        if a.kind == "times" and TIMES_OF.search(self.text, max(0, a.outer_start - 8), a.outer_start):
            return "growth"                      # 是上年的3倍 (上年 is cut from the segment as a time)
        if a.kind in ("pct", "times"):
            tail = BEFORE_AMOUNT.sub("", seg)
            if p["growth_end"].search(tail) or tail.endswith(("增速", "增幅")) or OF_GROWTH.match(self.text, a.outer_end) \
                    or RATE_MOVED_TO.search(tail) or (self.rate_from and self._rate_from_in_clause(a)):
                return "growth"                  # …增长7%; 保持7%左右的增速
            if not tail and self.subject_clause and RATE_NOUN.search(self.text, *self.subject_clause):
                return "growth"                  # 主营业务收入增幅居全省前三，依次为21.7%、19.4%和18.8%
            if a.kind == "times":
                return None
            return "share"
        return "level"

    def _rate_from_in_clause(self, a: Amount) -> bool:
        clause_start = max(self.text.rfind(c, 0, a.outer_start) for c in ",;。") + 1
        return bool(RATE_FROM.search(self.text, clause_start, a.outer_start))

    def _owns_subject(self, seg: str) -> bool:
        p = _patterns()
        tail = p["growth_end"].sub("", BEFORE_AMOUNT.sub("", TIMES_OF.sub("", ADJUSTED.sub("", _moved_to_cut(seg)))))
        return len(clean_name(p["compare"].sub("", tail))) >= 2

    def _names(self, group: list[Amount], seg: str, role: str, topic: str, last_level: list[Figure],
               ce: int, cs: int) -> list[tuple[str, int]] | None:
        """One (indicator name, end of counted noun) per amount of the group, or None to drop it."""
        if role == "level":
            return self._level_names(group, seg, topic, last_level, ce, cs)
        if role == "growth":
            return self._growth_names(group, seg, topic, last_level)
        return self._predicate_names(group, seg, role, topic, last_level, ce)

    def _level_names(self, group: list[Amount], seg: str, topic: str, last_level: list[Figure],
                     ce: int, cs: int) -> list[tuple[str, int]] | None:
        """A level figure's name: the counted noun after it, or the words before it, or the
        previous figure's when the clause only restates, totals or continues it."""
        p = _patterns()
        n = len(group)
        first = group[0]
        noun, noun_end = self.noun_after(group[-1], ce) if n == 1 or first.kind == "count" else ("", first.end)
        if first.kind != "count" and self._is_label(group[-1]):
            return None                          # 10亿元项目, 1000万美元以上新设外资项目: a class of things
        if noun:
            if p["abstract"].match(noun) or (noun.endswith("中") and "在" in self.text[cs:first.start]):
                return None                  # 五个方面; 在38个行业大类中: not figures
            if CAPACITY.search(self.text, max(cs, first.outer_start - 4), first.outer_start) \
                    and any(head in noun for head in CAPACITY_HEADS):
                return None                  # 年产300万台高端冰箱项目: a capacity in a project's name
            among = AMONG.search(noun)
            if among and (among.end() == len(noun) and noun_end >= ce or among[0].endswith("有")):
                noun = noun[: among.start()]     # 签约的12个项目中，…; 13个设区市中有10个…
                if any(f.value == first.value and f.unit == first.unit and noun in f.name for f in self.seen):
                    return None
            if first.chinese and first.value < 10 and (not p["economic"].search(noun) or self._apposition(seg, first)):
                return None
            verb = clean_name(seg)
            short = len(noun) <= 2               # 带动种植户一千二百余户增收: the noun stands before
            name = noun if not verb or (len(verb) > 6 and not short) or verb == noun else verb + noun
            return [(clean_name(name) or noun, noun_end)] * n   # 分别有23个、18个、13个县(市)入选: one noun for all
        name = clean_name(seg)
        if n == 1 and MEASURE_END.search(name) and (described := self._described_thing(first, ce)):
            return [(described + SETTING_UP.split(name)[-1], first.end)]   # 设立规模50亿元的产业协同基金: its 规模
        if n == 1 and (not name or name in FIGURE_WORDS["ranked_by"]) and (ranked := self._ranked_by(first, ce)):
            return [(ranked, first.end)]         # 以1182亿元的规上工业产值位居全省首位
        prev = last_level[-1] if last_level else None
        total = TOTAL.search(seg)
        stage = STAGE.fullmatch(name)
        clause, self.subject_clause = self.subject_clause, None
        bare = p["light"].sub("", name)
        if clause and len(bare) <= 3 and (not bare or self._names_indicator(bare)) \
                and (subject := self._subject_of(*clause)) and subject not in name:
            name = subject + bare                # 新型显示产业受…影响，产值118.3亿元; 研发投入不降反增，达到4200万元
        elif not name and prev and (planned := prev.name.rfind(PLAN)) >= 0 and DONE in seg \
                and prev.name[planned + len(PLAN):]:
            name = DONE + prev.name[planned + len(PLAN):]   # 年度计划投资12亿元，已完成10.9亿元: 完成投资
        elif prev and CHANGE_TO.search(seg):
            name = prev.name                     # 产值从600多万元提高到7000多万元
        elif prev and total and (not name or TOTAL.fullmatch(name)):
            name = NEW.sub("", prev.name) + total[0]   # 新增企业58家，累计达到968家
        elif prev and stage and STAGE.match(prev.name) and prev.amount.kind == first.kind:
            name = stage[0] + prev.name[STAGE.match(prev.name).end():]   # 新开工X项目11个、竣工8个
        elif prev and prev.amount.kind == first.kind and len(name) <= MAX_GOAL_WORDS and not self._names_indicator(name) \
                and (GOAL_END.search(name) or GOAL_AFTER.match(self.text, first.outer_end)):
            name = prev.name + GOAL                # …1286.4亿元，完成年度目标2450亿元的52.5%: the same indicator's goal
        elif prev and name in FIGURE_WORDS["attributes"] and prev.amount.kind != first.kind:
            if n > 1 and len(last_level) == n:   # 签约、开工项目分别为87个、64个，对应金额依次为…
                return [(MEASURE_END.sub("", f.name) + name, first.end) for f in last_level]
            name = MEASURE_END.sub("", prev.name) + name   # 苹果出口12.3万吨，价值9.6亿元; 大豆种植面积162万亩，产量…
        elif prev and prev.amount.kind != first.kind and 2 <= len(name) <= 4 and name[2:] in OTHER_MEASURES \
                and (verb := prev.name.find(name[:2])) >= 2:
            name = prev.name[:verb] + name       # 脱水大蒜出口量4.6万吨，出口额1.83亿美元: the same thing's other measure
        elif 2 <= len(name) <= 4 and (same := self._named_alike(name, first)):
            name = same                      # A实施亿元以上项目112个，…，B实施98个: the same verb, the same figure
        elif prev and PARALLEL.search(seg) and len(name) <= 3 and not self._names_indicator(name) \
                and topic in ("", prev.name):    # not after 社会消费品零售总额增长7%，达到253亿元
            name = prev.name                 # A完成1566亿元，B完成468亿元: the same indicator
        elif topic and self.compare_times and self._base_time(first):
            name = topic                     # …15860元，较去年的14645元增长8.3%: the same indicator, a year before
        elif topic and name in BARE_CHANGES:
            name = topic + p["lead"].sub("", _strip_quotes(seg)).strip()   # 余额…，比年初增加1056亿元
        elif topic and name and PREDICATE_START.match(name) and not self._names_indicator(name):
            name = topic + name              # 存款余额1.2万亿元，比年初增加1056亿元
        elif prev and 2 <= len(name) <= 4 and first.kind != "count" and prev.unit in COUNT_OF_THINGS \
                and COUNTED_THING.search(prev.name) and not self._describes_project(group[-1], ce):
            if n > 1 and len(last_level) == n:   # 装备、材料项目分别为8个、6个，总投资分别为118亿元、92亿元
                return [(f.name + name, first.end) for f in last_level]
            name = prev.name + name          # 工业项目21个，投资58亿元 → 工业项目投资
        if not name:
            if prev and seg.strip() == "":
                name = prev.name
            elif topic and SHORT_HAN.fullmatch(seg.strip().lstrip("、")):
                name = topic                     # …增长7.9%、达到1286亿元: the topic's level
            elif SHORT_HAN.fullmatch(seg.strip()):
                name = self._headline_name(first)   # …企业增至83家 温岭以19家领跑 ⏎ …温岭市以19家居首位
        if not name or (first.chinese and first.kind == "count" and first.value < 10
                         and not p["economic"].search(name)):    # 两座城市, 四家班子: small counts in words are rhetoric
            return None
        if NEW_VALUE_AHEAD.match(self.text, group[-1].outer_end):
            name = OLD_VALUE_PHRASE.sub("", name) or name   # 规上工业企业由建园之初的4家发展到…: not 由建园之初
        if n > 1:
            own = clean_name(seg[: seg.find("分别")]) if "分别" in seg else name
            levels = [f for f in self.figures if f.role == "level" and f.amount.kind == first.kind]
            if INDICATOR_SET.match(own) and len(levels) >= n:   # …亩均税收14.3万元、亩均营业收入286万元；…两项
                return [(f.name, first.end) for f in levels[-n:]]   # 指标分别提高到22.6万元和418万元
            items = split_items(seg, n) or (None if own and not SET_REFERENCE.match(own) else self._respectively(cs, seg, n))
            return [(i, first.end) for i in items] if items else [(name, first.end)] * n
        if "、" in seg and (seg.endswith("各") or self.text.startswith(BOTH, first.outer_start)):
            items = split_items(seg.removesuffix("各"), seg.count("、") + 1)   # 新签约、新开工项目各60个,
            if items:                                                         # 销售、营收双破200亿元: one each
                return [(i, first.end) for i in items]
        return [(name, first.end)]

    def _growth_names(self, group: list[Amount], seg: str, topic: str,
                      last_level: list[Figure]) -> list[tuple[str, int]] | None:
        """A change's name: its own subject (规上工业增加值增长8.5%), else the topic's."""
        p = _patterns()
        n = len(group)
        first = group[0]
        tail = BEFORE_AMOUNT.sub("", _moved_to_cut(seg))
        subject = clean_name(p["growth_end"].sub("", tail))
        subject = RATE_WORD_END.sub("", subject).replace(MONTH_ON_MONTH, "")
        subject = SPAN_LEAD.sub("", subject) if SPAN_LEAD.sub("", subject) in RATE_ONLY else subject   # 三年年均
        qualifier = subject if subject in RATE_ONLY else ""   # 年均增长9.1%: the topic's average growth
        clause, self.subject_clause = self.subject_clause, None
        self.named_by_clause = False
        if len(subject) < 2 and clause:
            subject = RATE_WORD_AND_AFTER.sub("", self._subject_of(*clause))   # 规模以上工业增加值：同比增长5.2%;
                                                     # 其中动力电池板块增速最快，同比增长58.6%
            self.named_by_clause = len(subject) >= 2 and not qualifier   # its own fact, not the last figure's
        base = BASE_YEAR.match(subject)
        if base and base.end() == len(subject):      # …38.7亿元，比2019年增长303.1%: the change since then
            subject = (topic or (last_level[-1].name if last_level else "")) + base[0]
        if len(subject) < 2 or qualifier:
            subject = (topic or (last_level[-1].name if last_level else "")
                       or self._headline_name(first, "growth")) + qualifier   # 襄阳固定资产投资增长2.8% ⏎ …
                                                                              # 其中，谷城县增长11.3%
        if not subject:
            return None
        if n > 1 and qualifier and len(last_level) == n:
            names = [f.name + qualifier for f in last_level]   # A、B分别达到…，年均分别增长5.9%和7.8%
        elif n > 1:
            items = split_items(RATE_WORD_END.sub("", p["compare"].sub("", p["growth_end"].sub("", tail))), n)
            names = items or [subject] * n
        else:
            names = [subject]
        rate = "环比增速" if MONTH_ON_MONTH in seg else "增速"   # 环比增长10.9%: on the period before, not the year
        return [(nm + rate, first.end) for nm in names]

    def _predicate_names(self, group: list[Amount], seg: str, role: str, topic: str,
                         last_level: list[Figure], ce: int) -> list[tuple[str, int]] | None:
        """A share or a change of a rate: a predicate on the clause's subject, or on the topic
        (…进出口…，占外贸总值的57%，同比提高3.3个百分点)."""
        n = len(group)
        first = group[0]
        if CHANGE_TO.match(seg) and self.figures and self.figures[-1].role == "share":
            return [(self.figures[-1].name, first.end)] * n   # 比重由2020年的81.5%下降至64.2%: the same share
        pred = clean_name(seg, keep_de=True)
        pred = RESPECTIVELY.sub("", pred)
        if n > 1 and len(last_level) == n and pred in ("", "占", "占比"):
            return [(f.name + "占比", first.end) for f in last_level]
        items = split_items(RESPECTIVELY.sub("", BEFORE_AMOUNT.sub("", seg)), n) if n > 1 else None
        if items:                                # 出口、进口占比分别为62.1%和37.9%
            return [(i, first.end) for i in items]
        noun = HAN_RUN.match(self.text, group[-1].outer_end, ce) if role == "share" and not pred else None
        if noun:                                 # 近两成产品出口: the share of what follows
            return [(noun[0][:MAX_NAME] + "占比", first.end)] * n
        starts_predicate = PREDICATE_START.match(pred or "占")
        measured = topic.removesuffix(GOAL)     # the goal just read is the indicator's (…目标2450亿元的52.5%)
        if pred in GOALS and topic:              # 实际使用外资…，完成全年2亿美元任务的93%
            name = measured + "完成" + pred
        elif not pred and topic and self._share_of_goal(first):
            name = measured + "完成率"            # 完成全年目标任务(240亿元)的77.7%, 完成年初预算71.5亿元的81.6%
        elif starts_predicate and topic:
            name = topic + (pred if pred not in ("占", "") else "占比")
        else:
            name = pred or topic
        if role == "share" and first.end < ce:
            de = OF_NOUN.match(self.text, group[-1].outer_end, ce)
            if de:
                name += de[1]
        if not name:
            return None
        return [(name[-MAX_NAME * 2:], first.end)] * n

    @staticmethod
    @lru_cache(maxsize=8192)
    def _names_indicator(name: str) -> bool:
        return any(keyword in name for keyword, _, _ in indicator_keywords() if len(keyword) > 1)

    @staticmethod
    def _restated(before: list[Figure], new: list[Figure]) -> bool:
        return (len(before) == len(new) == 1 and before[0].amount.approx and not new[0].amount.approx
                and before[0].name == new[0].name and before[0].base_unit == new[0].base_unit
                and before[0].status == new[0].status
                and 0 <= new[0].value_base - before[0].value_base <= 0.1 * before[0].value_base)

    @staticmethod
    def _attach_by_name(growths: list[Figure], figures: list[Figure]) -> bool:
        """对东盟、欧盟进出口分别增长12%、8%: the growth of figures already given in the sentence."""
        targets = []
        for g in growths:
            subject = g.name.removesuffix("增速")
            match = [f for f in figures if f.role == "level" and f.growth is None and f.name and
                     (f.name.endswith(subject) or subject.endswith(f.name)
                      or (len(subject) >= 2 and f.name.startswith(subject)))]   # 食品加工增长…: 食品加工产值
            if len(match) != 1:
                return False
            targets.append(match[0])
        for t, g in zip(targets, growths):
            t.growth = g.value
        return True

    def _listed_owners(self, cs: int, pos: int, n: int, mentions: list[Mention]) -> list[str]:
        """The n names listed (A、B和C) before a list of n figures in its clause, else none."""
        named = [m for m in mentions if cs <= m.start and m.end <= pos and m.name]
        for i in range(len(named) - n + 1):
            run = named[i:i + n]
            if all(OWNER_JOINER.fullmatch(self.text, a.end, b.start) for a, b in zip(run, run[1:])):
                return [m.name for m in run]
        return []

    def _list_ahead(self, cs: int, pos: int, n: int, mentions: list[Mention]) -> list[str]:
        """排在前三位的依次是A、B和C，分别完成X、Y和Z: the n names last listed in an earlier clause
        of the sentence, with no other name after them, own a list of n figures said 分别/依次."""
        if not RESPECTIVELY_ANY.search(self.text, cs, pos):
            return []
        named = [m for m in mentions if m.end <= cs and m.name]
        run = named[-n:]
        if len(run) < n or len({m.name for m in run}) < n or not all(
                OWNER_JOINER.fullmatch(self.text, a.end, b.start) for a, b in zip(run, run[1:])):
            return []
        return [m.name for m in run]

    def _listed_before(self, cs: int, pos: int, mentions: list[Mention]) -> list[str]:
        """The names listed (A、B和C) that end with the last name before pos in its clause, when
        there are at least two, else none."""
        named = [m for m in mentions if cs <= m.start and m.end <= pos and m.name]
        i = len(named) - 1
        while i > 0 and OWNER_JOINER.fullmatch(self.text, named[i - 1].end, named[i].start):
            i -= 1
        owners = list(dict.fromkeys(m.name for m in named[i:]))
        return owners if len(owners) > 1 else []

    def _subject_of(self, cs: int, ce: int) -> str:
        """The indicator or industry a clause without figures speaks of (研发投入不降反增 → 研发投入);
        a line that opens with a name and a colon names the figure after it (全社会用电量：186.4亿千瓦时)."""
        p = _patterns()
        cause = CAUSE.search(self.text, cs, ce)
        lo = max([cs] + [m.end for m in self.mentions if cs <= m.start and m.end <= (cause.start() if cause else ce)]
                 + [t.end for t in self.times if cs <= t.start and t.end <= (cause.start() if cause else ce)])
        if cause and (before := clean_name(self.text[lo:cause.start()])):
            return before if HAN_RUN.fullmatch(before) else ""   # 增值税受营改增扩围带动，完成…: the subject before the cause
        words = p["lead"].sub("", CAUSE.sub("", self.text[lo:ce]))   # 三季度受…退税影响: a cause names nothing
        if self.text.startswith(":", ce) and self.text[cs - 1:cs] in ("\n", "") and not p["status"].search(words):
            named = clean_name(words)
            if len(named) >= 2:
                return named
        named = [m.start for m in self.mentions if cs <= m.start < ce]
        copula = self.text.find(COPULA, cs, named[0]) if named else -1
        if copula > cs and (before := p["subject"].fullmatch(clean_name(self.text[cs:copula]))):
            return before[0]                     # 加工贸易仍是综保区外贸的压舱石: what the clause is about
        subject = p["subject"].match(words)
        if subject and HAN_RUN.fullmatch(rest := words[subject.end():].strip()) and len(rest) <= APPOSITION \
                and rest != ASPECT:                  # not 规上工业总产值方面，…: the aspect spoken of
            return QUANTITY_LEAD.sub("", words.strip())   # 另一个特色产业石墨烯，上半年营收…: the industry named after
        if not subject and named and not any(cs <= t.start < named[0] for t in self.times):
            subject = p["subject"].match(p["lead"].sub("", self.text[cs:named[0]]))   # 主营业务收入增幅居全省前三
        return subject[0] if subject else ""

    def _respectively(self, cs: int, seg: str, n: int) -> list[str] | None:
        """东盟、欧盟、美国为前三大伙伴，分别进出口A、B和C: the list names an earlier clause's subjects."""
        if "分别" not in seg:
            return None
        verb = clean_name(seg[seg.find("分别") + 2:])
        sentence_start = max(self.text.rfind(c, 0, cs) for c in "。！？!?\n") + 1
        lead = SUBJECT_LIST.match(self.text[sentence_start:cs])
        items = split_items(lead[0], n) if lead else None
        if not items and (named := NAMED_SET.search(self.text, sentence_start, cs)) \
                and chinese_numeral(named["n"]) == n:    # 形成电子信息、精密机械、新材料三大主导产业，三大产业分别…
            items = split_items(SET_INTRO.sub("", named["items"]), n)
        return [i + verb for i in items] if items else None

    def _figure_at(self, j: int) -> bool:
        """Does a figure of its own start at j, rather than a label inside a name (39个10亿元项目,
        58个投资总额1000万美元以上新设外资项目) or a number in a name (世界500强)?"""
        amount = amount_pattern().match(self.text, j)
        if not amount:
            return False
        rest = BOUND_AFTER.sub("", self.text[amount.end():amount.end() + 10], count=1)
        return not _patterns()["threshold"].match(rest)

    def _is_label(self, a: Amount) -> bool:
        """10亿元项目, 1000万美元以上新设外资项目: an amount that names a class of things."""
        rest = self.text[a.outer_end:a.outer_end + 8]
        bound = a.above or self.text[a.outer_start:a.start] in ("超", "超过", "过", "逾")
        if rest.startswith("的") and bound:
            return True                          # 10亿元以上的项目, 营收过十亿元的企业: a class, not a figure
        if not rest or rest[0] in "的，,。；;、)）" or rest.startswith(("建设", "新建", "打造", "用于", "实施", "建成", "购置", "引进")):
            return False
        if (self.text.startswith("的", a.outer_start - 1) or CAPACITY.search(self.text, max(0, a.outer_start - 4),
                                                                           a.outer_start)) \
                and CAPACITY_NAME.match(self.text, a.outer_end):
            return True                          # 的20GWh储能电池系统项目, 年产10GW高效TOPCon电池项目: in a name
        return bool(_patterns()["threshold"].match(rest)) or a.above

    @staticmethod
    def _apposition(seg: str, a: Amount) -> bool:
        """清华基金和中金基金两只基金: a count that sums up the list just before it."""
        items = [i for i in ITEM_ANY.split(seg) if i.strip()]
        return len(items) >= 2 and len(items) == int(a.value)

    def _figure(self, a: Amount, name: str, role: str, sentence: tuple[int, int], ce: int, noun_end: int,
                times: list[TimeRef], ctx: Context, head: Amount) -> Figure:
        """The figure of one amount: its value in its role, status, time and entity. `head` is the
        first amount of its list: the word of change before it is every item's (分别下降12.3%、9.6%)."""
        s = sentence[0]
        lo, hi = max(s, a.outer_start - 6), a.outer_start
        if not CHANGE_WORD.search(self.text, lo, hi):
            lo, hi = max(s, head.outer_start - 6), head.outer_start   # …、9.6%: the list's word, unless its own (和下降2.4%)
        down = role in ("growth", "pp") and bool(_patterns()["down"].search(self.text, lo, hi)) \
            and not (role == "growth" and MOVED_TO.search(self.text, lo, hi))   # 回落到6.3%
        value, unit, value_base, base_unit = a.value, a.unit, a.value_base, a.base_unit
        growth = None
        if role == "growth":
            if a.kind in ("times", "double"):
                factor = a.value - 1 if TIMES_OF.search(self.text, max(s, a.outer_start - 8), a.outer_start) else a.value
                value, unit, value_base, base_unit = round(factor * 100, 6), "%", round(factor * 100, 6), "pct"
            value = -value if down else value
            value_base = value
            growth = value
        elif role == "pp" and down and not DECLINE_NARROWS.search(self.text, max(s, a.outer_start - 12), a.outer_start):
            value, value_base = -value, -value_base      # 降幅收窄3.8个百分点 is a gain, 回落0.3个百分点 a loss
        status, conditional = self.status_at(s, a.outer_start)
        if GOAL_AFTER.match(self.text, a.outer_end) or (
                MEASURED_SHARE.match(self.text, a.outer_end) and "完成" in self.text[max(s, ce - 40):a.outer_start]):
            status = "target"                    # 为完成增长5%以上的预期目标; 完成年初预算71.5亿元的81.6%: the goal
        if status == "target" and name.endswith(DONE_SHARE) and all(
                m[0] in GOALS for m in self.status_marks if m.start() < a.outer_start):
            status = "actual"                    # 年度计划完成率89.4%: how much of the plan is done (not 力争…)
        base = self._base_time(a) if role == "level" and self.compare_times else None
        t = base or self.change_time(a, s, times, ctx)
        if base:
            status = "actual"                    # 较去年的14645元: last year's value, whatever is expected now
        if t and t.implied and status == "actual" and self.doc.month and not_yet_reported(t.period, self.doc.month) \
                and not (t.day and (first_month(t.period) or 13) <= self.doc.month):
            t = moved(t, -1)                     # 四季度 in a January article: last year's (not 1月15日, a day gone)
        elif t and status == "actual" and self.doc.month and self.doc.month <= 2 and t.year == self.doc.year \
                and t.period == str(t.year) and (self.text[t.start:t.end] in WHOLE_YEAR_WORDS or t.implied
                                                 or (self.text[t.start:t.end] in NOW_WORDS and self.doc.month == 1)):
            t = moved(t, -1)                     # 全年, 截至12月底 done in a January or February article, 目前 in a
                                                 # January one: the year just ended
        year, period = (t.year, t.period) if t else (self.doc.year, str(self.doc.year) if self.doc.year else "")
        if status == "actual" and t and year and self.doc.year and year > self.doc.year \
                and self.text[t.start - 1:t.start] in ("到", "至"):
            status = "target"                    # 到2025年…达到600亿元 in a 2022 article: not done yet
        if conditional and status == "expected":
            year, period = None, ""
        stage = STAGE.match(name)
        return Figure(amount=a, name=name, role=role, value=value, unit=unit, value_base=value_base,
                      base_unit=base_unit, growth=growth, status=status, year=year, period=period,
                      entity=(conditional and (project_before(self.text, self.text.rfind("\n", 0, s) + 1, a.outer_start)
                                               or (self.paragraph_project[1] if self.paragraph_project[0] == ctx.paragraph
                                                   else "")))
                      or self.entity_at(s, a, ce, noun_end, ctx),
                      children_prefix=stage[0] if stage else "", sentence=sentence)

    def worded_changes(self, s: int, e: int) -> list[Amount]:
        """翻番, a growth of 100 % read like 增长1倍; 持平 with last year, one of 0 % (基本持平 and
        持平 with a peer, 增速与全省持平, are no figures)."""
        return [Amount(m.start(), m.end(), 1.0 if m["double"] else 0.0, "倍", "double", "pct",
                       100.0 if m["double"] else 0.0, False, True, m.start(), m.end(), False)
                for m in _patterns()["worded_change"].finditer(self.text, s, e)]


def _inside_time(a: Amount, times: list[TimeRef], starts: list[int]) -> bool:
    i = bisect.bisect_right(starts, a.start) - 1
    return i >= 0 and a.end <= times[i].end


BASE_VALUE = regex.compile(r"(?:全年|同期)?\d[\d.]*(?:万亿|亿|万)?[^\d,;。]{0,3}?的(?:[一二三四五六七八九]成|\d[\d.]*[%倍])")   # 196.5亿元的八成
GOAL_YEAR = regex.compile(r"[^,;。]{0,12}?目标")   # 规划确定的2025年68%的目标: a later year, a goal's


def _background(t: TimeRef, doc: Document) -> bool:
    """并于2019年被纳入… in a 2024 article, with no figure: history told, not the time of what follows."""
    return bool(t.year and doc.year and t.year < doc.year - 1)


def _moved_to_cut(seg: str) -> str:
    """The words before a value reached (增速回落到, 回升至), without the verb that reaches it."""
    return MOVED_TO.sub("", seg) if seg.endswith(("到", "至")) else seg


def _old_value_time(text: str, t: TimeRef) -> bool:
    """由2019年的98家…, 增速由一季度的下降41.5%…, 接近去年全年196.5亿元的八成: the time of an old value
    or of a base, not in force after it."""
    return (text[t.start - 1:t.start] in OLD_VALUE_FROM and (text.startswith("的", t.end) or text[t.end:t.end + 1].isdigit())) \
        or bool(BASE_VALUE.match(text, t.end))


def _from_year_in_force(text: str, times: list[TimeRef]) -> list[TimeRef]:
    """A sentence's times, 上年 taken as the year before an explicit year earlier in the sentence."""
    out: list[TimeRef] = []
    for t in times:
        base = next((u for u in reversed(out) if u.year and not (u.relative or u.compare or u.implied)), None)
        if base and t.year and t.relative and not t.compare and text.startswith(YEAR_BEFORE, t.start):
            t = moved(t, base.year - 1 - t.year)
        out.append(t)
    return out


def read_figures(doc: Document, entities: Entities) -> list[Figure]:
    """Every figure of the document body, sentence by sentence.

    Amounts and times are found in one pass over the body; only sentences with an amount are read
    clause by clause, the others only move the time and the topic on.
    """
    reader = SentenceReader(doc, entities)
    ctx = Context()
    if doc.title and doc.title not in doc.text[doc.body_start:]:
        # a title from metadata dates what follows it (2022年年度报告 … 报告期内实现营业收入…)
        titled = [t for t in find_times(doc.title, doc.year, doc.month) if not t.compare]
        ctx.time = TimeRef(0, 0, titled[-1].year, titled[-1].period, False, False) if titled else None
    figures = reader.seen                      # the reader looks back over what it has read
    text = doc.text
    amounts = sorted(find_amounts(text, doc.body_start) + reader.worded_changes(doc.body_start, len(text)),
                     key=lambda a: a.start)
    times = find_times(text, doc.year, doc.month, doc.body_start)
    time_starts = [t.start for t in times]
    amounts = [a for a in amounts if not _inside_time(a, times, time_starts)]   # 十三五头两年 has no 十五头 in it
    amount_starts = [a.start for a in amounts]
    cells = find_table_cells(text, doc.body_start)
    cell_starts = [c.start for c in cells]
    if cells:                                  # 89.1% in a table is its cell, not a sentence's amount
        taken = set(cell_starts)
        amounts = [a for a in amounts if a.start not in taken]
        amount_starts = [a.start for a in amounts]
    headers = {c.header[0] for c in cells}      # lines of column labels date nothing after them
    by_owner = {c.header for c in cells if _row_owner(c, doc, entities)}   # tables of one row per entity
    speech = 0                                 # years between the article and a reported speech
    for m in SENTENCE.finditer(text, doc.body_start):
        s, e = m.span()
        paragraph = text.rfind("\n", doc.body_start, s)
        if paragraph != ctx.paragraph:
            if ctx.aside:
                ctx.time = ctx.resumed_time      # “…”王建华表示，今年…到2026年…: the report goes on in its own time
            ctx.resumed_time, ctx.aside = ctx.time, bool(QUOTED_SPEECH.match(text, s))
            ctx.paragraph, ctx.topic, ctx.entity, ctx.opener = paragraph, "", "", ""
            if not ITEM_MARK.match(text, s):
                ctx.heading_time = None
            elif ctx.heading_time:               # 2022年主要指标：⏎——贵阳…今年是…⏎——遵义…: each item
                ctx.time = ctx.heading_time      # of the list starts again from the heading's time
        if (opener := BREAKDOWN.match(text, s, e)) and not REGIONAL.search(opener[0]):
            ctx.entity = ctx.opener            # …龙口市…。从结构看，制造业…: the paragraph's subject (or the
                                               # whole) again, not the last part
        here = amounts[bisect.bisect_left(amount_starts, s):bisect.bisect_left(amount_starts, e)]
        when = times[bisect.bisect_left(time_starts, s):bisect.bisect_left(time_starts, e)]
        for t in when:                         # 去年12月28日召开的会议…今年以来: 今年 is the meeting's year
            if t.relative and t.day and doc.year and t.year and MEETING.match(text, t.end):
                speech = t.year - doc.year
        when = _from_year_in_force(text, [moved(t, speech) if speech and t.relative and not t.day
                                          and t.period not in SPECIAL_PERIODS else t for t in when])
        projects = project_subjects(text, s, e)
        found = reader.read(s, e, ctx, here, when, projects) if here else []
        if projects:
            reader.last_project = projects[0].name   # (listed last first)
        found += [_table_figure(c, doc, entities, ctx, c.header in by_owner) for c in cells[bisect.bisect_left(cell_starts, s):
                                                                      bisect.bisect_left(cell_starts, e)]]
        figures.extend(found)
        dated = [t for t in when if not t.compare and not t.event and not t.window and not _old_value_time(text, t)
                 and text[t.start - 1:t.start] != CONTRAST
                 and not (t.year and doc.year and t.year > doc.year and (GOAL_YEAR.match(text, t.end) or (
                     text[t.start - 1:t.start] in ("至", "到") and not any(a.start > t.end for a in here))))   # 订单排至2024年
                 and not DURATION_TIME.match(text, t.start, t.end)
                 and not PAST_SPAN.match(text, t.start, t.end) and t.period not in SPECIAL_PERIODS]
        if dated and s not in headers and (here or not (_background(dated[-1], doc)
                                                        or text.startswith(UP_TO_NOW, dated[-1].start))):
            ctx.time = dated[-1]
        if HEADING_END.match(text, e - 1):
            ctx.heading_time = ctx.time
        owners = [f.entity for f in found if not f.entity.endswith(PROJECT_END)]
        if owners:                             # a project owns its own figures, not the next sentence's
            ctx.entity = owners[-1]
            ctx.opener = ctx.opener or owners[0]
        elif not found:
            named = [m for m in entities.between(s, e) if m.name]
            ctx.entity = named[0].name if named else ctx.entity
    return figures


def _row_owner(cell: TableCell, doc: Document, entities: Entities) -> str:
    """The entity a table's row is named after (禹州市　186.0　165.8), else ""."""
    return next((m.name for m in entities.between(cell.row[0], cell.start)
                 if m.name and doc.text[m.start:m.end] == cell.name), "")


def _table_figure(cell: TableCell, doc: Document, entities: Entities, ctx: Context, by_owner: bool) -> Figure:
    """A number of a table: its row names it (under its parent row when the row only names a part:
    其中：信息传输…服务业 of 营业收入), its column label dates it, else the time in force does.
    In a table whose rows are named after entities (`by_owner`), the row is the owner and the
    column names the figure."""
    name = cell.name if not cell.parent or SentenceReader._names_indicator(cell.name) else cell.name + cell.parent
    owner = (_row_owner(cell, doc, entities) or cell.name) if by_owner else ""
    if owner:
        name = cell.label                      # a row per county, a column per indicator: 禹州市 | 完成投资
    a = amount_of(cell.start, cell.end, cell.value, cell.unit)
    labelled = [t for t in find_times(cell.label, doc.year, doc.month) if not t.compare]
    t = labelled[-1] if labelled else ctx.time
    year, period = (t.year, t.period) if t else (doc.year, str(doc.year) if doc.year else "")
    change = cell.unit == "%" and GROWTH_LABEL.search(cell.label) is not None   # a cell of a 增长(%) column
    return Figure(amount=a, name=name + "增速" if change else name, role="growth" if change else "level",
                  value=a.value, unit=a.unit, value_base=a.value_base,
                  base_unit=a.base_unit, growth=cell.growth, year=year, period=period,
                  entity=owner or ctx.entity or entities.main, sentence=cell.row)


def as_fact(fig: Figure, doc: str, title: str, published: str, sentence: str) -> Fact:
    """The fact of a figure, given what the document says of itself. Built by position, in
    COLUMNS order: a table of 100,000 facts is built that much faster."""
    a = fig.amount
    return Fact(doc, title, published, fig.entity, fig.name, category_of(fig.name, a.kind, fig.unit, fig.role),
                fig.year, fig.period, fig.value, fig.unit, fig.value_base, fig.base_unit, fig.growth,
                fig.status, a.approx, sentence, a.start, a.end)
