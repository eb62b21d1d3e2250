"""Time expressions → (year, period), resolved against the article's date.

Periods: 2020 (whole year), 2020H1, 2020Q1, 2020Q1..Q3, 2020-01..2020-04, 2020-10 (one month),
2017..2019 (a span, e.g. 平均每年). A comparison base (比2019年, 较去年同期) is not a time of the
figure and is reported as such so that it neither dates a figure nor carries on to the next one.

    >>> [(t.year, t.period) for t in find_times("今年1-4月，去年上半年，2017年至2019年", 2020, 9)]
    [(2020, '2020-01..2020-04'), (2019, '2019H1'), (2019, '2017..2019')]
"""
from __future__ import annotations

from dataclasses import dataclass

import regex

from .numbers import chinese_numeral

RELATIVE_YEARS = {"今年": 0, "本年": 0, "去年": -1, "上年": -1, "上一年": -1, "过去一年": -1, "过去的一年": -1,
                  "前年": -2, "明年": 1}
QUARTERS = {"一季度": (1, 1), "第一季度": (1, 1), "二季度": (2, 2), "第二季度": (2, 2),
            "三季度": (3, 3), "第三季度": (3, 3), "四季度": (4, 4), "第四季度": (4, 4),
            "前两季度": (1, 2), "前三季度": (1, 3), "上半年": (1, 2), "下半年": (3, 4),
            "半年": (1, 2)}   # 半年分别完成…, opening a clause: the first half, as in a mid-year report
SINCE = "以来"
CN = "一二两三四五六七八九十"
MONTH_CN = "(?:十[一二]|[一二三四五六七八九十])"   # 一至四月, 十二月: months in words
SAME_PERIOD_LAST_YEAR = "same period last year"   # resolved against the period in force
WHOLE_YEAR = "whole year"                         # 全年, 当年: the whole of the year in force
PLANS = ("十一五", "十二五", "十三五", "十四五", "十五五", "十六五")   # five-year plans, in order

# Part of a year (一季度, 上半年, 前5个月, 1-4月, 10月28日), after a year or on its own: written
# once, used in two branches of TIME so that no branch matches empty text.
SUB = rf"""
    (?P<sub>
        前[三两]季度 | 第?[一二三四]季度 | [上下]半年 | (?<=[,;:。\n]) 半年 (?=\p{{Han}}{{0,3}}?(?:分别|完成|实现|累计|共|全|,))
      | 前 (?P<n_months>\d{{1,2}}|[{CN}]{{1,3}}) 个月
      | (?P<m1>\d{{1,2}}|{MONTH_CN}) \s* 月? \s* (?:-|—|–|~|至|到) \s* (?P<m2>\d{{1,2}}|{MONTH_CN}) \s* 月 份?
      | (?P<m>\d{{1,2}}|{MONTH_CN}) \s* 月 份? (?: \s* (?P<d>\d{{1,2}}) \s* 日 | (?P<to_date>底|末))?
    )"""
TIME = regex.compile(rf"""
    (?= [比较与同和是为恢\d“"十过近上去截目至今明前下本当第一二三四五六七八九两力争计确用再全日建开启成设运挂半] )   # one cheap test per position
    (?P<compare> (?:比|较|与|同|和(?=[^,;。，；]{{1,10}}相比)|恢复[至到]|(?:是|为)(?=\s*(?:19|20)\d{{2}}\s*年(?:同期)?(?:[\d.]+\p{{Han}}{{1,3}})?的)) \s* )?   # 比上年, 是2019年的1.8倍, 是1990年2.1亿元的418倍
    (?:
        (?P<span> (?P<y1>(?:19|20)\d{{2}}) \s* 年? \s* (?:至|到|-|—|~) \s* (?P<y2>(?:19|20)\d{{2}}) \s* 年 )
      | (?P<deadline_word> 力争 | 争取 | 计划 | 确保 | 再用 | 用 )
        (?P<deadline> \s* (?P<n>\d{{1,2}}|[{CN}]{{1,2}}) \s* 年 (?:内|时间|左右)? )
      | (?P<plan> [“"]? (?P<plan_name>十[一二三四五六七八九]五|十五) [”"]? (?P<plan_part>末|期末|期间|时期|规划期|以来|[前头](?P<plan_n>[二两三四1-4])年) )
      | (?P<past> (?:过去|近) (?P<past_n>[2-9]|\d{{2}}|[二两三四五六七八九]|十[一二三四五六七八九]?) 年 )
      | (?P<since> (?P<since_n>\d{{1,2}}|[{CN}]{{1,3}}) \s* 年 (?:来|的?发展) )       # 建园13年来, 经过16年发展: up to now
      | (?P<since_event> (?:建园|建区|开园|建成|启动建设|开工建设|开发建设|成立|设立|运营|挂牌) 以来 )
      | (?P<same_period> 上年同期 | 去年同期 )
      | (?P<whole_year> 全年 | 当年 )
      | (?P<now> 截至目前 | 截止目前 | 到目前为止 | 目前 | 至今 | 同日 | 当日 | 近日 | 日前 | 开年以来 )
      | (?: (?P<year>(?:19|20)\d{{2}}) \s* 年 (?:度|底|末)? | (?P<rel>今年|去年|明年|前年|上一年|过去一年|过去的一年|上年|本年) (?:底|末)? )
        (?: \s* {SUB} )?
      | {SUB}
    )
""".replace("{SUB}", SUB), regex.X)


COMPARED_AFTER = ("相比", "比较")             # 与…2016年相比: a base, however far its 与 is
ANCHOR = regex.compile(r"[年月季目五今日来]")   # one of these is in every expression TIME matches
# The date of an event, not the time of the figures around it: 计划于2024年6月开工、2025年底投产；
# 2016年在上海证券交易所主板上市（…）; 成立于1998年. Not 10月竣工项目, where the event names the figure.
EVENT_AFTER = regex.compile(r"\s*(?:前后|左右|上午|下午)?\s*(?:在[^,;。()、]{1,14})?"
                            r"(?:开工|投产|建成|竣工|开业|达产|落成|完工|投运|运营|通车|启用|签约|揭牌|上市|成立|挂牌|建设|动工|启动)+"
                            r"(?=[,;。()、]|$)")
STARTING = regex.compile(r"起(?![步来])")      # 5月1日起营改增全面扩围: when a change began, not the figures' time
SINCE_AFTER = regex.compile(r"[^,;。，；]{0,6}?以来")   # 2006年建园以来: a span from then to now
SINCE_FROM = regex.compile(r"[^,;。，；]{0,24}?以来")    # 自2019年迈入“GDP万亿俱乐部”以来: after 自/从, further
EVENT_BEFORE = regex.compile(r"(?:成立|始建|创建|设立|建)于$")
PERIOD_START = regex.compile(r"\d{4}(?:H(?P<h>[12])|Q(?P<q>[1-4])|-(?P<m>\d{2}))?")
PERIOD_END = regex.compile(r"(?:H(?P<h>[12])|Q(?P<q>[1-4])|-(?P<m>\d{2})|\.\.(?P<y>\d{4}))$")
# 上年 reads from the year in force: 2024年…，上年这一数字为801.2万标箱 is 2023 in any article.
YEAR_BEFORE = ("上年", "上一年")
REACH = 10                                 # no expression reaches further than this from its anchor


@dataclass(slots=True)
class TimeRef:
    """A time expression at text[start:end] and the year and period it stands for."""

    start: int
    end: int
    year: int | None
    period: str
    compare: bool    # a comparison base: 比上年, 较2019年
    relative: bool   # resolved from the article's date
    event: bool = False   # the date of an event (2024年6月开工), not the time of the figures around it
    day: bool = False     # names a day (去年12月28日): a speech on that day says 今年 of its own year
    implied: bool = False  # a part of a year with no year written (四季度, 12月): the article's year
    window: bool = False   # a span up to now (建园13年来, 2006年以来): dates its own sentence only


def _period(year: int, first: int, last: int) -> str:
    if (first, last) == (1, 12):
        return str(year)
    if (first, last) == (1, 3):
        return f"{year}Q1"
    if (first, last) == (1, 6):
        return f"{year}H1"
    if (first, last) == (7, 12):
        return f"{year}H2"
    return f"{year}-{first:02d}" if first == last else f"{year}-{first:02d}..{year}-{last:02d}"


def _quarters(year: int, q1: int, q2: int, word: str) -> str:
    if "半年" in word:
        return f"{year}H{1 if q1 == 1 else 2}"
    return f"{year}Q{q1}" if q1 == q2 else f"{year}Q{q1}..Q{q2}"


def _resolve(m: regex.Match, doc_year: int | None, doc_month: int | None) -> tuple[int | None, str] | None:
    if m["span"]:
        y1, y2 = int(m["y1"]), int(m["y2"])
        return (y2, f"{y1}..{y2}") if y1 < y2 else None
    if m["plan"]:
        first = 2021 + 5 * (PLANS.index(m["plan_name"]) - PLANS.index("十四五"))
        last = first + 4
        if m["plan_n"]:                                  # 十四五前三年: 2021..2023
            last = first + int(chinese_numeral(m["plan_n"]) if not m["plan_n"].isdigit() else m["plan_n"]) - 1
        if m["plan_part"] == SINCE and (now := last_full_year(doc_year, doc_month)) and first <= now < last:
            last = now                                   # 十四五以来 in 2023: 2021..2023, 十三五以来 in 2021: the plan
        return (last, str(last)) if m["plan_part"] in ("末", "期末") else (last, f"{first}..{last}")
    if m["past"]:
        n = int(m["past_n"]) if m["past_n"].isdigit() else int(chinese_numeral(m["past_n"]))
        return (doc_year - 1, f"{doc_year - n}..{doc_year - 1}") if doc_year and n > 1 else None
    if m["since"] or m["since_event"]:
        now = last_full_year(doc_year, doc_month)
        if not now or not m["since"]:
            return (now, str(now)) if now else None
        n = int(m["since_n"]) if m["since_n"].isdigit() else int(chinese_numeral(m["since_n"]))
        return (now, f"{now - n + 1}..{now}") if n > 1 else None
    if m["same_period"]:
        return (doc_year - 1, SAME_PERIOD_LAST_YEAR) if doc_year else None
    if m["whole_year"]:
        return (doc_year, WHOLE_YEAR) if doc_year else None
    if m["now"]:
        return (doc_year, str(doc_year)) if doc_year else None
    if m["deadline"]:
        n = int(m["n"]) if m["n"].isdigit() else int(chinese_numeral(m["n"]))
        return (doc_year + n, str(doc_year + n)) if doc_year else None
    year = int(m["year"]) if m["year"] else None
    if m["rel"]:
        year = doc_year + RELATIVE_YEARS[m["rel"]] if doc_year else None
    sub = m["sub"]
    if not sub:
        return (year, str(year)) if year else None
    if m["m1"]:
        first, last = _number(m["m1"]), _number(m["m2"])
    elif m["m"] and m["to_date"]:
        first, last = 1, _number(m["m"])         # 截至6月底: the year to date
    elif m["m"]:
        first = last = _number(m["m"])
    elif m["n_months"]:
        first, last = 1, int(m["n_months"]) if m["n_months"].isdigit() else int(chinese_numeral(m["n_months"]))
    else:
        q1, q2 = QUARTERS[sub.lstrip("第")] if sub in QUARTERS or sub.lstrip("第") in QUARTERS else QUARTERS[sub]
        first, last = q1 * 3 - 2, q2 * 3
    if not (1 <= first <= last <= 12):
        return None
    if year is None:
        year = doc_year              # 下半年 in a July article is this year's, planned or reported
    if year is None:
        return None
    if m["m1"] or m["m"] or m["n_months"]:
        return year, _period(year, first, last)
    return year, _quarters(year, (first + 2) // 3, last // 3, sub)


def _number(written: str) -> int:
    """5 or 五 → 5."""
    return int(written) if written.isdigit() else int(chinese_numeral(written))


def last_full_year(doc_year: int | None, doc_month: int | None) -> int | None:
    """The last year a span up to now (13年来, 建园以来) takes in: a January or February article
    looks back on the years up to the last one, a later one counts this year in."""
    if doc_year and doc_month and doc_month <= 2:
        return doc_year - 1
    return doc_year


def moved(t: TimeRef, years: int) -> TimeRef:
    """The same time expression read from a date `years` away from the article's."""
    return TimeRef(t.start, t.end, t.year + years if t.year else t.year, shift_year(t.period, years),
                   t.compare, t.relative, t.event, t.day, t.implied, t.window)


def shift_year(period: str, years: int) -> str:
    """2023Q1 → 2022Q1: every year in a period string moved by `years`."""
    return regex.sub(r"(?:19|20)\d{2}", lambda m: str(int(m[0]) + years), period)


def _regions(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Stretches of text[start:end] around the characters every time expression holds (年, 月, 季度,
    目前, 至今, 十四五): TIME is run only there, which is several times faster than everywhere."""
    regions: list[tuple[int, int]] = []
    for m in ANCHOR.finditer(text, start, end):
        lo, hi = max(start, m.start() - REACH), min(end, m.end() + REACH)
        if regions and lo <= regions[-1][1]:
            regions[-1] = (regions[-1][0], hi)
        else:
            regions.append((lo, hi))
    return regions


def find_times(text: str, doc_year: int | None, doc_month: int | None = None,
               start: int = 0, end: int | None = None) -> list[TimeRef]:
    """Every time expression in text[start:end] that resolves to a year."""
    out: list[TimeRef] = []
    window_end = -1                        # the end of the 以来 that closes the last span up to now
    for lo, hi in _regions(text, start, len(text) if end is None else end):
        for m in TIME.finditer(text, lo, hi):
            if m["sub"] and not (m["year"] or m["rel"]) and m["m"] and not m["d"] and not m["to_date"] \
                    and not m[0].rstrip().endswith(("月", "份")):
                continue
            if m.start() < window_end:
                continue                   # 自2014年启动建设以来: 启动建设以来 is the same span
            resolved = _resolve(m, doc_year, doc_month)
            if resolved:
                begin = m.start("deadline") if m["deadline"] else m.start()   # 力争3年: the time is 3年
                compare = bool(m["compare"]) or bool(out and out[-1].compare and out[-1].end == begin) \
                    or bool(m["year"] and not m["sub"] and text.startswith("同期", m.end())) \
                    or text.startswith(COMPARED_AFTER, m.end())   # 比上年全年; 达到2019年同期水平; 与改革前的2016年相比
                year, period, window = *resolved, bool(m["since"] or m["since_event"])
                now = last_full_year(doc_year, doc_month)
                if m["year"] and now and int(m["year"]) < now and (since := (not m["sub"] and SINCE_AFTER.match(text, m.end())) or (
                        text[begin - 1:begin] in ("自", "从") and SINCE_FROM.match(text, m.end()))):
                    year, period, window = now, f"{m['year']}..{now}", True   # 2006年建园以来, 自2021年9月…以来: up to now
                    window_end = since.end()
                out.append(TimeRef(begin, m.end(), year, period, compare, bool(m["rel"]),
                                   bool(EVENT_AFTER.match(text, m.end()) or EVENT_BEFORE.search(text, max(0, begin - 3), begin)
                                        or STARTING.match(text, m.end())),
                                   bool(m["d"]), bool(m["sub"]) and not (m["year"] or m["rel"]), window))
    return out


def not_yet_reported(period: str, month: int) -> bool:
    """Can this year's part of a year not yet be reported as done in `month`? It has not begun
    (四季度 in January), or it is not over in January or February, when articles look back on
    last year (一季度 in a January review of 2020)."""
    first, last = first_month(period), last_month(period)
    return bool(first and last and (first > month or (month <= 2 and last >= month)))


def first_month(period: str) -> int | None:
    """2024Q4 → 10, 2024H2 → 7, 2024-12 → 12, 2024-01..2024-05 → 1; None for a whole year or a span."""
    m = PERIOD_START.match(period)
    if not m or not (m["h"] or m["q"] or m["m"]):
        return None
    return int(m["m"]) if m["m"] else 6 * int(m["h"]) - 5 if m["h"] else 3 * int(m["q"]) - 2


def last_month(period: str) -> int | None:
    """2024Q1 → 3, 2024H1 → 6, 2024-12 → 12, 2024-01..2024-05 → 5, 2024Q1..Q3 → 9; None for a
    whole year or a span of years."""
    m = PERIOD_END.search(period)
    if not m or not period[:4].isdigit() or len(period) == 4 or ".." in period and m["y"]:
        return None
    return int(m["m"]) if m["m"] else 6 * int(m["h"]) if m["h"] else 3 * int(m["q"])
