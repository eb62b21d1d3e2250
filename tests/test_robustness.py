"""Any text, however odd, gives facts whose offsets point into it, and never an exception."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from extract import extract_text

# Pieces of the genre, glued at random: numbers, units, qualifiers, time words, names, punctuation.
PIECES = ["2020年", "今年", "上半年", "1-8月", "前三季度", "2017年至2019年", "力争3年", "12", "3.5", "1,234.5",
          "一百四十九", "两", "十余", "三千万", "亿元", "万元", "美元", "个", "家", "项", "%", "个百分点", "倍", "翻番",
          "亩", "平方米", "近", "超过", "以上", "左右", "多", "同比增长", "下降", "占", "比重", "其中", "分别",
          "预计", "力争", "将", "园区", "我市", "全省", "苏锡通园区", "南通市", "有限公司", "新开工", "项目",
          "企业", "固定资产投资", "进出口", "、", "，", "。", "；", "：", "（", "）", "“", "”", "第", "+", "-",
          "\n", " ", "的", "和", "等", "为", "达到", "---\n", "date: 2020-10\n", "１２", "％"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40), st.sampled_from([None, "2020-10-01", "2021", "bad"]))
def test_any_text_gives_valid_facts(pieces: list[str], published: str | None) -> None:
    text = "".join(pieces)
    for fact in extract_text(text, doc="fuzz", published=published):
        assert 0 <= fact.start < fact.end <= len(text)
        assert fact.status in ("actual", "expected", "target")
        assert fact.year is None or 1900 < fact.year < 2200


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200))
def test_arbitrary_unicode(text: str) -> None:
    for fact in extract_text(text, doc="fuzz"):
        assert 0 <= fact.start < fact.end <= len(text)
