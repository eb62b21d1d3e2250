"""Plotly figures over a facts table: values over time, growth rates and project/enterprise counts.

Conventions every figure keeps:

* one y axis holds one base unit, shown in a readable unit (亿元, 个, %) named in its title;
* a partial period (2020H1, 2020年1-4月) is its own category on the time axis and is never joined
  to a line of whole years;
* expected and target figures are drawn hollow (bars: hatched), actual ones solid;
* when several articles report the same point, the most recently published one is drawn;
* names from articles are escaped before Plotly sees them, since Plotly reads tags in its text.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from html import escape

import pandas as pd
import plotly.graph_objects as go
from plotly.colors import qualitative

CJK_FONT = ('"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Microsoft YaHei", '
            '"PingFang SC", sans-serif')
POINT_KEY = ["entity", "indicator", "period", "status", "base_unit"]
COUNT_CATEGORIES = ("projects", "enterprises")

# base unit -> display units from largest to smallest: (factor, label)
DISPLAY_UNITS: dict[str, tuple[tuple[float, str], ...]] = {
    "CNY": ((1e8, "亿元"), (1e4, "万元"), (1, "元")),
    "USD": ((1e8, "亿美元"), (1e4, "万美元"), (1, "美元")),
    "EUR": ((1e8, "亿欧元"), (1e4, "万欧元"), (1, "欧元")),
    "HKD": ((1e8, "亿港元"), (1e4, "万港元"), (1, "港元")),
    "count": ((1, "个"),),
    "pct": ((1, "%"),),
    "pp": ((1, "个百分点"),),
    "m2": ((1e6, "平方公里"), (1e4, "万平方米"), (1, "平方米")),
    "t": ((1e4, "万吨"), (1, "吨")),
    "t/yr": ((1e4, "万吨/年"), (1, "吨/年")),
    "tce": ((1e4, "万吨标准煤"), (1, "吨标准煤")),
    "TEU": ((1e4, "万标箱"), (1, "标箱")),
    "kW": ((1e4, "万千瓦"), (1, "千瓦")),
    "kWh": ((1e8, "亿千瓦时"), (1e4, "万千瓦时"), (1, "千瓦时")),
}
PATTERN = {"actual": "", "expected": "/", "target": "x"}  # bar hatching by status
SPAN_SYMBOL = {"全年": "circle", "上半年": "square", "下半年": "square", "多年": "star"}
MARKER_KEY = ("Lines join actual whole-year values. Other points stand alone: hollow when "
              "expected or target; ● whole year, ■ half year, ◆ other part of a year, "
              "★ multi-year average.")
POSITIVE, NEGATIVE = "#3a6fb0", "#d1495b"


def _plain(texts: Iterable[object]) -> list[str]:
    """Article-borne names as Plotly text: escaped, so a ``<a>`` or ``<b>`` in an article stays
    text (Plotly turns the entities back into the characters on screen)."""
    return [escape(str(t), quote=False) for t in texts]


@dataclass(frozen=True)
class Period:
    """Where a period string sits on a time axis and how it reads."""

    order: tuple[int, int, int]  # (end year, end month, -length in months): chronological by end
    label: str                   # 2020, 2020 上半年, 2020 1-4月, 2017-2019
    span: str                    # 全年, 上半年, 一季度, 前三季度, 1-4月, 多年 ...

    @property
    def rank(self) -> int:
        """`order` as one number, to sort rows by with pandas."""
        year, month, neg_length = self.order
        return year * 10_000 + month * 100 + 99 + max(neg_length, -99)


QUARTERS = "一二三四"


def _months_span(first: int, last: int) -> str:
    """Chinese name of a span of months within one year."""
    named = {(1, 6): "上半年", (7, 12): "下半年", (1, 9): "前三季度", (1, 12): "全年"}
    if (first, last) in named:
        return named[(first, last)]
    if last - first == 2 and first % 3 == 1:
        return f"{QUARTERS[first // 3]}季度"
    return f"{first}月" if first == last else f"{first}-{last}月"


@lru_cache(maxsize=4096)
def parse_period(period: str) -> Period | None:
    """`2020`, `2020H1`, `2020Q2`, `2020Q1..Q3`, `2020-01..2020-04`, `2020-03`, `2017..2019`;
    None for anything else (such a fact has no place on a time axis)."""
    p = period.strip()
    if m := re.fullmatch(r"(\d{4})\.\.(\d{4})", p):
        a, b = sorted(map(int, m.groups()))
        if a == b:
            return parse_period(str(a))
        return Period((b, 12, -12 * (b - a + 1)), f"{a}-{b}", "多年")
    if m := re.fullmatch(r"(\d{4})(?:H([12]))?", p):
        year, half = int(m[1]), m[2]
        first, last = ((1, 12) if half is None else ((1, 6) if half == "1" else (7, 12)))
    elif m := re.fullmatch(r"(\d{4})Q([1-4])(?:\.\.Q([1-4]))?", p):
        year, q1 = int(m[1]), int(m[2])
        first, last = 3 * q1 - 2, 3 * int(m[3] or q1)
    elif m := re.fullmatch(r"(\d{4})-(\d{2})(?:\.\.(\d{4})-(\d{2}))?", p):
        year, first = int(m[1]), int(m[2])
        last = int(m[4] or first)
        if m[3] and int(m[3]) != year:
            return None
    else:
        return None
    if not 1 <= first <= last <= 12:
        return None
    span = _months_span(first, last)
    label = str(year) if span == "全年" else f"{year} {span}"
    return Period((year, last, -(last - first + 1)), label, span)


def periods_of(facts: pd.DataFrame) -> pd.Series:
    """Each fact's parsed period (its bare year when the period is missing), None where it has
    no place on a time axis. Distinct strings are parsed once: tables repeat them a lot."""
    raw = facts["period"].where(facts["period"] != "", facts["year"].astype("string"))
    parsed = {p: parse_period(p) for p in raw.dropna().unique()}
    return raw.map(parsed, na_action="ignore")


def display_unit(base_unit: str, base_values: pd.Series) -> tuple[float, str]:
    """A readable unit for values in `base_unit`: the largest that keeps the biggest value >= 1."""
    units = DISPLAY_UNITS.get(base_unit, ((1.0, base_unit),))
    biggest = base_values.abs().max() if len(base_values) else 0
    return next(((f, u) for f, u in units if biggest >= f), units[-1])


def latest_points(facts: pd.DataFrame) -> pd.DataFrame:
    """The chart points of a table, which every builder below takes: one row per entity,
    indicator, period, status and base unit, the latest published report winning, with the
    period parsed (`_period`), readable (`period`) and chronological (`_rank`). Facts without a
    placeable period are left out. Ranking runs on the key columns only, then winners are taken."""
    periods = periods_of(facts).dropna()
    labels = periods.map(lambda p: p.label)
    narrow = facts.loc[periods.index, [c for c in POINT_KEY if c != "period"] + ["published"]]
    narrow = narrow.assign(period=labels).sort_values("published", kind="stable")
    keep = narrow.index[~narrow.duplicated(POINT_KEY, keep="last")]
    return facts.loc[keep].assign(_period=periods[keep], period=labels[keep],
                                  _rank=[p.rank for p in periods[keep]])


@dataclass(frozen=True)
class Chart:
    """A figure with the points it draws (whose documents its caption names)."""

    figure: go.Figure
    drawn: pd.DataFrame
    left_out: int = 0  # points that matched but were not drawn, to keep the chart readable


def _style(fig: go.Figure, title: str, height: int) -> go.Figure:
    """House style: CJK-capable fonts everywhere, so Chinese labels never render as boxes."""
    fig.update_layout(title={"text": title, "font": {"family": CJK_FONT, "size": 16}},
                      height=height, font={"family": CJK_FONT, "size": 13},
                      legend={"font": {"family": CJK_FONT, "size": 12}},
                      hoverlabel={"font": {"family": CJK_FONT}},
                      margin={"l": 10, "r": 10, "t": 60, "b": 10})
    return fig


def _time_axis(fig: go.Figure, points: pd.DataFrame) -> None:
    """Categorical period axis in chronological order (a partial period keeps its own slot)."""
    order = points.sort_values("_rank").drop_duplicates("period")["period"]
    fig.update_xaxes(type="category", categoryorder="array", categoryarray=list(order))


def entity_colours(entities: Sequence[str]) -> dict[str, str]:
    """A stable colour per entity, so an entity keeps its colour across charts."""
    palette = qualitative.D3 + qualitative.Set2
    return {e: palette[i % len(palette)] for i, e in enumerate(sorted(set(entities)))}


def value_panels(points: pd.DataFrame, limit: int = 6) -> list[tuple[str, str]]:
    """The (indicator, base unit) pairs worth a chart, most points first. Growth-only rows
    have their own chart; an indicator reported in two base units gets two charts."""
    rows = points[(points["category"] != "growth") & points["value_base"].notna()]
    counts = rows.groupby(["indicator", "base_unit"], sort=False).size()
    return list(counts.sort_values(ascending=False, kind="stable").index[:limit])


def values_chart(points: pd.DataFrame, indicator: str, base_unit: str,
                 colours: dict[str, str], max_entities: int = 8) -> Chart:
    """One indicator over time in one base unit: a line per entity joining its actual whole-year
    values, and every other point (a partial period, an expected or target figure) as a marker
    of its own, shaped by period and hollow unless actual. Few traces keep the page fast."""
    mine = points[(points["indicator"] == indicator) & (points["base_unit"] == base_unit)]
    entities = list(mine["entity"].value_counts().index[:max_entities])
    drawn = mine[mine["entity"].isin(entities)].sort_values("_rank")
    factor, unit = display_unit(base_unit, drawn["value_base"])
    whole = pd.Series([p.span == "全年" for p in drawn["_period"]], index=drawn.index, dtype=bool)
    on_line = (drawn["status"] == "actual") & whole
    hover = (f"%{{customdata[0]}}<br>%{{x}}: %{{y:,.4~f}} {unit}"
             "<br>%{customdata[1]}<extra></extra>")

    fig = go.Figure()
    for entity in sorted(entities):  # a trace per entity, even without a line: its legend entry
        line = drawn[on_line & (drawn["entity"] == entity)]
        fig.add_scatter(x=list(line["period"]) or [None],
                        y=list(line["value_base"] / factor) or [None],
                        name=_plain([entity or "?"])[0],
                        mode="lines+markers", line={"color": colours.get(entity)},
                        marker={"size": 8}, customdata=_hover_data(line), hovertemplate=hover)
    others = drawn[~on_line]
    if len(others):
        edge = [colours.get(e) for e in others["entity"]]
        fig.add_scatter(
            x=others["period"], y=others["value_base"] / factor, mode="markers", showlegend=False,
            marker={"size": 11, "color": edge, "line": {"width": 2, "color": edge},
                    "symbol": [_symbol(p.span, s)
                               for p, s in zip(others["_period"], others["status"])]},
            customdata=_hover_data(others), hovertemplate=hover)
    _time_axis(fig, drawn)
    title = f"{_plain([indicator])[0]}（{_plain([unit])[0]}）"
    fig.update_yaxes(title_text=title, rangemode="tozero")
    fig.update_layout(showlegend=True, legend={"orientation": "h", "yanchor": "top", "y": -0.22})
    return Chart(_style(fig, title, 420), drawn, len(mine) - len(drawn))


def _symbol(span: str, status: str) -> str:
    """Marker of a point off the yearly line: shape by period, hollow unless actual."""
    return SPAN_SYMBOL.get(span, "diamond") + ("" if status == "actual" else "-open")


def _hover_data(points: pd.DataFrame) -> list[list[str]]:
    """Entity, and period span · status · document, for a point's hover label."""
    return [[e, f"{p.span} · {st} · {d}"] for e, p, st, d in
            zip(_plain(points["entity"]), points["_period"], points["status"],
                _plain(points["doc"]))]


def growth_chart(points: pd.DataFrame, limit: int = 30) -> Chart:
    """Year-on-year growth rates as horizontal bars, falls in a colour of their own and
    expected or target rates hatched; the `limit` most recent are drawn."""
    rates = points[points["growth_pct"].notna()].sort_values(
        ["_rank", "indicator", "entity"], ascending=[False, True, True])
    drawn = rates.head(limit).iloc[::-1]
    labels = [" · ".join(parts) for parts in
              zip(_plain(drawn["indicator"]), _plain(drawn["entity"]), drawn["period"])]
    fig = go.Figure(go.Bar(
        y=labels, x=drawn["growth_pct"], orientation="h",
        marker={"color": [NEGATIVE if v < 0 else POSITIVE for v in drawn["growth_pct"]],
                "pattern": {"shape": [PATTERN.get(s, "") for s in drawn["status"]]}},
        text=[f"{v:+.1f}%" for v in drawn["growth_pct"]], textposition="outside", cliponaxis=False,
        customdata=list(zip(drawn["status"], _plain(drawn["doc"]))),
        hovertemplate="%{y}<br>%{x:+.2f}%<br>%{customdata[0]} · %{customdata[1]}<extra></extra>",
        showlegend=False))
    lo, hi = min(0.0, drawn["growth_pct"].min()), max(0.0, drawn["growth_pct"].max())
    pad = 0.2 * (hi - lo) + 1                                   # room for the value labels
    fig.update_xaxes(title_text="同比增长（%）", zeroline=True, zerolinewidth=2,
                     zerolinecolor="#444", range=[lo - pad if lo < 0 else 0, hi + pad])
    fig.update_yaxes(type="category", automargin=True)
    return Chart(_style(fig, "同比增长（%）", 120 + 26 * len(drawn)), drawn,
                 len(rates) - len(drawn))


def counts_chart(points: pd.DataFrame, max_indicators: int = 8, max_entities: int = 4) -> Chart:
    """Project and enterprise counts as grouped bars on an (entity, period) axis, so that
    新开工 / 新竣工 / 落户 of the same year stand side by side; expected and target bars are
    hatched. One trace per indicator keeps the page fast."""
    counts = points[points["category"].isin(COUNT_CATEGORIES) & (points["base_unit"] == "count")]
    counts = counts.drop_duplicates(["entity", "indicator", "period"], keep="last")
    top = sorted(counts["indicator"].value_counts().index[:max_indicators])
    entities = list(counts["entity"].value_counts().index[:max_entities])
    drawn = counts[counts["indicator"].isin(top) & counts["entity"].isin(entities)]
    slots = (drawn.drop_duplicates(["entity", "period"])
             .assign(_e=lambda d: d["entity"].map(entities.index))
             .sort_values(["_e", "_rank"])[["entity", "period"]])
    palette = qualitative.Set2 + qualitative.D3
    fig = go.Figure()
    for i, indicator in enumerate(top):
        mine = slots.merge(drawn[drawn["indicator"] == indicator], how="left",
                           on=["entity", "period"])
        name = _plain([indicator])[0]
        fig.add_bar(x=[_plain(slots["entity"]), list(slots["period"])], y=mine["value_base"],
                    name=name, marker={"color": palette[i % len(palette)], "pattern": {
                        "shape": [PATTERN.get(s, "") for s in mine["status"].fillna("actual")]}},
                    customdata=list(zip(mine["status"].fillna(""), _plain(mine["doc"].fillna("")))),
                    hovertemplate=(f"{name}<br>%{{x}}: %{{y:,}} 个"
                                   "<br>%{customdata[0]} · %{customdata[1]}<extra></extra>"))
    fig.update_layout(barmode="group")
    fig.update_yaxes(title_text="数量（个）")
    return Chart(_style(fig, "项目与企业数量（个）", 420), drawn, len(counts) - len(drawn))


def sources_caption(facts: pd.DataFrame, limit: int = 4) -> str:
    """The documents a chart draws on, by title, for the caption under it."""
    docs = facts.drop_duplicates("doc")[["doc", "title"]]
    names = [f"{t} ({d})" if t else d for d, t in zip(docs["doc"], docs["title"])]
    more = f" and {len(names) - limit} more" if len(names) > limit else ""
    noun = "document" if len(names) == 1 else "documents"
    return f"Sources ({len(names)} {noun}): " + "; ".join(names[:limit]) + more
