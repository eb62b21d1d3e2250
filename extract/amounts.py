"""Amount spans: a number, its multiplier and unit, and the qualifier words around it.

Only a number with a unit is an amount (149亿元, 16个, 11%, 1.2个百分点, 40万平方米); a bare 亿 counts
as money (双破500亿). Dates, ordinals (第十一届, 十二届十次), codes (IS9001), formulas (1+1>2, 3+X),
vague numbers (数百名), rates (40公里/小时), durations (两个多月), labels inside short quotes
(“五个中心”) and the article 一 (一批, 一个中心) are not amounts.

    >>> [(a.value, a.unit, a.approx) for a in find_amounts("产值从600多万元提高到一亿元，近40家企业")]
    [(600.0, '万元', True), (1.0, '亿元', False), (40.0, '家', True)]
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import lru_cache

import regex

from .numbers import DIGITS, MULTIPLIERS, parse_number
from .vocabulary import Unit, alternation, units, words

CN_START = "零〇一二两三四五六七八九十"
CN_ALL = CN_START + "百千万亿"
# Closed sets of context that make a number something other than an amount.
NOT_AFTER = ("第", "届", "数", "几", "若干", "之")
# 折合56.3亿斤, (约合人民币19.7亿元): a conversion restates the figure before it.
CONVERSION = regex.compile(r"(?:折合|约合|合)(?:人民币|美元)?\s*$")
CONVERSION_ENDS = set("合币元 ")
FORMULA = set("+×>＜<=*")
DURATION_AFTER = ("月", "多月", "小时", "星期", "工作日", "年头", "周", "季度")
RANK_AFTER = ("位次", "名次")          # 提升1个位次: a move in a ranking, not a count
HAN = regex.compile(r"\p{Han}")
NEGATIVE = regex.compile(r"[、,，和及长为]-$")
CURRENCY_NAME = "人民币"   # 1968.4亿元人民币 is 亿元: the unit reads the same without it
SHORT_QUOTE = 10    # a quoted label is at most this long (“1+8”, “十四五”, “五个中心”)
MODEL_QUOTE = 30    # a quoted model joins its parts with + (“1+1+N”) and may be longer
OPEN_QUOTE = regex.compile(r"[“‘「《\"]")    # found once per text, then looked up before each amount
CLOSE_QUOTE = regex.compile(r"[”’」》\"]")


@lru_cache(maxsize=None)
def amount_pattern() -> regex.Pattern:
    return regex.compile(rf"""
        (?=[\d{CN_START}])                      # cheap first test: a digit or a numeral
        (?<![\d.A-Za-z第{CN_ALL}]) (?<!\d,)      # not inside a number (1,234), code or ordinal
        (?P<num>
            \d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?     # 1,234.5
          | \d+(?:\.\d+)?                        # 149, 12.06
          | [{CN_START}][{CN_ALL}]*(?:点[{CN_START}]+)?   # 一百四十九, 十, 三千万
        )
        [ \t\u00a0\u2009]?                     # 86.5 亿元: a space some sources put before the unit
        (?P<more1>多|余)?                        # 600多万元, 十余个
        (?P<mult>{alternation(list(MULTIPLIERS))})?
        (?P<more2>多|余)?                        # 2万多人
        (?: (?P<unit>{alternation(list(units()))}) | (?<=亿) (?![\d.]) )   # a unit, or a bare 亿 of money
    """, regex.X)


# Percentages written in words: 百分之十二 (12 %), 三成 (30 %) unless 成 starts a word (三成本).
WORD_PCT = regex.compile(rf"""
    百分之 (?P<num>\d+(?:\.\d+)? | [{CN_START}][{CN_ALL}]*(?:点[{CN_START}]+)?)
  | (?<![{CN_ALL}\d]) (?P<tenths>[一二两三四五六七八九]) 成 (?!{alternation(words()["numbers"]["cheng_words"])})
""", regex.X)


NOT_QUALIFIER = regex.compile(f"(?:{alternation(words()['approx']['not_before'])})$")


@lru_cache(maxsize=None)
def _approx_words() -> tuple[regex.Pattern, regex.Pattern, frozenset[str], frozenset[str]]:
    """Patterns for the qualifier words before and after an amount, and the characters that end
    a word before and start a word after: most amounts have none, and a set test is cheaper."""
    w = words()["approx"]
    before = regex.compile(f"(?:{alternation(w['before'])})$")
    after = regex.compile(alternation(w["after"]))
    return before, after, frozenset(x[-1] for x in w["before"]), frozenset(x[0] for x in w["after"])


@dataclass(slots=True)
class Amount:
    """A number with its unit, as written, and its value in base units."""

    start: int          # the surface: number, multiplier and unit (text[start:end])
    end: int
    value: float        # as written: 149 for 149亿元, 3000 for 三千万元
    unit: str           # as written: 亿元, 万元, 个, %, 个百分点, 倍
    kind: str           # money, count, pct, pp, times, area, length, …
    base_unit: str
    value_base: float
    approx: bool
    chinese: bool       # written in Chinese numerals
    outer_start: int    # with the qualifier words before (近, 超过) and after (左右, 以上)
    outer_end: int
    above: bool         # followed by 以上/以下: a threshold when a noun follows


def _in_short_quote(text: str, start: int, end: int, quotes: list[int]) -> bool:
    """“五个中心”, “1名市领导+1个牵头部门+1批链主企业”: a quoted label or model, not a figure.

    `quotes`: the positions of the text's opening quotes, in order.
    """
    i = bisect.bisect_left(quotes, start) - 1
    if i < 0 or quotes[i] < start - MODEL_QUOTE:
        return False
    opening = quotes[i]
    if CLOSE_QUOTE.search(text, opening + 1, start):
        return False
    closing = CLOSE_QUOTE.search(text, end, opening + MODEL_QUOTE + 2)
    if not closing:
        return False
    return closing.end() - opening <= SHORT_QUOTE + 2 or "+" in text[opening + 1:closing.start()]


POLICY_CAP = regex.compile(f"(?:{alternation(words()['policy']['caps'])})$")
POLICY_SHARE = regex.compile(r"按[^,;。]{1,12}的$")
POLICY_GRANT = regex.compile(alternation(words()["policy"]["grants"]))


def _policy_term(text: str, start: int, end: int) -> bool:
    """单个项目最高奖励500万元, 按设备投资额的8%给予补助: the terms of a policy, not a figure."""
    before = text[max(0, start - 14):start]
    return bool(POLICY_CAP.search(before) or (POLICY_SHARE.search(before) and POLICY_GRANT.match(text, end)))


def _split_numeral(num: str) -> tuple[str, str]:
    """三千万 → (三千, 万): a Chinese numeral's trailing 万/亿 is written like a multiplier."""
    if not num[0].isdigit():
        for big in ("万亿", "亿", "万"):
            if num.endswith(big) and len(num) > len(big):
                return num[: -len(big)], big
    return num, ""


def split_unit(unit: str) -> tuple[str, Unit | None]:
    """亿元 → (亿, 元's entry), % → ("", %'s entry); (…, None) for a unit not in the table."""
    mult = next((m for m in sorted(MULTIPLIERS, key=len, reverse=True)
                 if unit.startswith(m) and unit[len(m):] in units()), "")
    return mult, units().get(unit[len(mult):])


def amount_of(start: int, end: int, value: float, unit: str) -> Amount:
    """The amount of a number whose unit is written apart (a table's 单位：亿元)."""
    mult, u = split_unit(unit)
    kind, base, factor = (u.kind, u.base_unit, u.factor) if u else ("other", unit, 1.0)
    return Amount(start=start, end=end, value=value, unit=unit, kind=kind, base_unit=base,
                  value_base=value * MULTIPLIERS.get(mult, 1.0) * factor, approx=False, chinese=False,
                  outer_start=start, outer_end=end, above=False)


def find_amounts(text: str, start: int = 0, end: int | None = None) -> list[Amount]:
    """Every amount in text[start:end], with the traps above left out."""
    end = len(text) if end is None else end
    unit_table = units()
    quotes = [q.start() for q in OPEN_QUOTE.finditer(text, max(0, start - MODEL_QUOTE), end)]
    out = []
    for m in amount_pattern().finditer(text, start, end):
        ms, me = m.span()
        num, mult, unit = m.group("num", "mult", "unit")
        unit = unit or ""
        if mult is None:
            num, mult = _split_numeral(num)
        chinese = not num[0].isdigit()
        if not unit:
            if mult not in ("亿", "万亿"):
                continue
            if me < len(text) and HAN.match(text, me) and text[me] not in "的’”":
                continue                               # 数十亿量级, 2万无锡游客: no unit of its own
        before = text[max(0, ms - 2):ms]
        after = text[me:me + 3]
        if before.endswith(NOT_AFTER) or (before and before[-1] in FORMULA) or (after and after[0] in FORMULA):
            continue
        if after.startswith("/") or (unit == "个" and after.startswith(DURATION_AFTER + RANK_AFTER)):   # 40公里/小时
            continue
        if text[ms - 1:ms] in CONVERSION_ENDS and CONVERSION.search(text, max(0, ms - 6), ms):
            continue
        u = unit_table.get(unit)
        if text[ms - 1:ms] == "(" and out and out[-1].outer_end == ms - 1 and (u.kind if u else "money") == out[-1].kind:
            continue                                   # 31.6亿元(4.4亿美元): the same amount in another currency
        if chinese and num == "一" and u and u.kind == "count":
            continue                                   # 一批, 一个中心, 一家: an article, not a count
        if quotes and _in_short_quote(text, ms, me, quotes):
            continue
        if _policy_term(text, ms, me):
            continue
        try:
            value = parse_number(num)
        except (ValueError, KeyError):
            continue
        kind, base, factor = (u.kind, u.base_unit, u.factor) if u else ("money", "CNY", 1.0)
        pre, post = _qualifiers(text, ms, me)
        outer_start = pre.start() if pre else ms
        if not pre and before[-1:] == "-" and NEGATIVE.match(text, max(0, ms - 2), ms):
            value, outer_start = -value, ms - 1        # 分别增长3.2%、-1.5%: a sign after a list mark
        out.append(Amount(
            start=ms, end=me, value=value, unit=mult + (unit.removesuffix(CURRENCY_NAME) or unit), kind=kind, base_unit=base,
            value_base=value * MULTIPLIERS.get(mult, 1.0) * factor,
            approx=bool(pre or post or m["more1"] or m["more2"]), chinese=chinese,
            outer_start=outer_start, outer_end=post.end() if post else me,
            above=bool(post and post[0].endswith(("以上", "以下"))),
        ))
    in_words = [_word_percent(text, m) for m in WORD_PCT.finditer(text, start, end)]
    return sorted(out + in_words, key=lambda a: a.start) if in_words else out


def _qualifiers(text: str, start: int, end: int) -> tuple[regex.Match | None, regex.Match | None]:
    """The qualifier words right before (近, 超过) and after (左右, 以上) text[start:end]; one that
    ends a longer word (签约12个, 通过3家) is none."""
    approx_before, approx_after, before_ends, after_starts = _approx_words()
    pre = approx_before.search(text, max(0, start - 4), start) if text[start - 1:start] in before_ends else None
    if pre and (word := NOT_QUALIFIER.search(text, max(0, start - 4), start)) and word.start() < pre.start():
        pre = None
    post = approx_after.match(text, end) if text[end:end + 1] in after_starts else None
    return pre, post


def _word_percent(text: str, m: regex.Match) -> Amount:
    """The amount of a WORD_PCT match: 三成 → 30 %, 百分之十二点五 → 12.5 %."""
    value = DIGITS[m["tenths"]] * 10.0 if m["tenths"] else parse_number(m["num"])
    pre, post = _qualifiers(text, m.start(), m.end())
    return Amount(start=m.start(), end=m.end(), value=value, unit="%", kind="pct", base_unit="pct",
                  value_base=value, approx=bool(pre or post), chinese=True,
                  outer_start=pre.start() if pre else m.start(), outer_end=post.end() if post else m.end(),
                  above=bool(post and post[0].endswith(("以上", "以下"))))
