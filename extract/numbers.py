"""Numerals as written → numbers: Arabic (1,234.5), Chinese (一百四十九, 两, 三千万), and multipliers.

    >>> chinese_numeral("一百四十九"), chinese_numeral("十"), chinese_numeral("三千万"), chinese_numeral("二〇二〇")
    (149.0, 10.0, 30000000.0, 2020.0)
    >>> parse_number("1,234.5"), parse_number("两")
    (1234.5, 2.0)
"""
from __future__ import annotations

DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
          "六": 6, "七": 7, "八": 8, "九": 9}
SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
# Multipliers written after a number (1.2万亿, 3千万, 149亿); longest first.
MULTIPLIERS = {"万亿": 1e12, "千亿": 1e11, "百亿": 1e10, "亿": 1e8, "千万": 1e7, "百万": 1e6,
               "十万": 1e5, "万": 1e4, "千": 1e3, "百": 1e2}
CHINESE_NUMERAL_CHARS = "".join(DIGITS) + "十百千万亿"


def chinese_numeral(text: str) -> float:
    """Value of a Chinese numeral; raises ValueError for anything else."""
    if not text or any(ch not in CHINESE_NUMERAL_CHARS and ch != "点" for ch in text):
        raise ValueError(f"not a Chinese numeral: {text!r}")
    if "点" in text:                                   # 三点五
        whole, frac = text.split("点", 1)
        return chinese_numeral(whole or "零") + float("0." + "".join(str(DIGITS[c]) for c in frac))
    if all(ch in DIGITS for ch in text) and len(text) > 1:   # 二〇二〇: digit by digit
        return float("".join(str(DIGITS[c]) for c in text))
    for big, factor in (("亿", 1e8), ("万", 1e4)):
        if big in text:
            head, tail = text.split(big, 1)
            return (chinese_numeral(head) if head else 1.0) * factor + (chinese_numeral(tail) if tail else 0.0)
    total, digit = 0.0, None
    for ch in text:
        if ch in DIGITS:
            digit = DIGITS[ch]
        else:
            total += (1 if digit is None else digit) * SMALL_UNITS[ch]
            digit = None
    return total + (digit or 0)


def parse_number(text: str) -> float:
    """Arabic (with thousands separators) or Chinese numeral."""
    if text[0].isdigit():
        return float(text.replace(",", ""))
    return chinese_numeral(text)
