"""Plotly figures over a facts table: values over time, growth rates and project/enterprise counts.

Conventions every figure keeps:

* one y axis holds one base unit, shown in a readable unit (亿元, 个, %) named in its title;
* a partial period (2020H1, 2020年1-4月) is its own category on the time axis and is never joined
  to a line of whole years;
* expected and target figures are drawn open and dashed (bars: hatched), actual ones solid;
* when several articles report the same point, the most recently published one is drawn.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd
import plotly.graph_objects as go
from plotly.colors import qualitative
from plotly.subplots import make_subplots

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
    "TEU": ((1e4, "万标箱"), (1, "标箱")),
}
STATUS_STYLE = {  # status -> (line dash, open marker, bar pattern)
    "actual": ("solid", False, ""),
    "expected": ("dash", True, "/"),
    "target": ("dot", True, "x"),
}
SPAN_SYMBOL = {"全年": "circle", "上半年": "square", "下半年": "square", "多年": "star"}
POSITIVE, NEGATIVE = "#3a6fb0", "#d1495b"


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
        return Period((b, 12, -12 * (b - a + 1)), f"{a}-{b}", "多年") if a < b else parse_period(str(a))
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


def period_of(period: str, year: object) -> Period | None:
    """The fact's period, or its bare year when the period is missing."""
    return parse_period(period) or (parse_period(str(int(year))) if pd.notna(year) else None)


def display_unit(base_unit: str, base_values: pd.Series) -> tuple[float, str]:
    """A readable unit for values in `base_unit`: the largest that keeps the biggest value >= 1."""
    units = DISPLAY_UNITS.get(base_unit, ((1.0, base_unit),))
    biggest = base_values.abs().max() if len(base_values) else 0
    return next(((f, u) for f, u in units if biggest >= f), units[-1])


def latest_points(facts: pd.DataFrame, key: Sequence[str] = POINT_KEY) -> pd.DataFrame:
    """One row per chart point with its period parsed: when several articles report it, the
    latest published wins. Facts without a placeable period are left out."""
    periods = [period_of(p, y) for p, y in zip(facts["period"], facts["year"])]
    df = facts.assign(_period=periods)
    df = df[df["_period"].notna()]
    df = df.assign(period=[p.label for p in df["_period"]])
    return df.sort_values("published", kind="stable").drop_duplicates(list(key), keep="last")


def _style(fig: go.Figure, title: str, height: int) -> go.Figure:
    """House style: CJK-capable fonts everywhere, so Chinese labels never render as boxes."""
    fig.update_layout(title=title, height=height, template="plotly_white",
                      font={"family": CJK_FONT, "size": 13},
                      legend={"font": {"family": CJK_FONT, "size": 12}},
                      hoverlabel={"font": {"family": CJK_FONT}},
                      margin={"l": 10, "r": 10, "t": 60, "b": 10})
    return fig


def _time_axis(fig: go.Figure, periods: Sequence[Period], **where: int) -> None:
    """Categorical period axis in chronological order (a partial period keeps its own slot)."""
    order = list(dict.fromkeys(p.label for p in sorted(set(periods), key=lambda p: p.order)))
    fig.update_xaxes(type="category", categoryorder="array", categoryarray=order, **where)


def entity_colours(entities: Sequence[str]) -> dict[str, str]:
    """A stable colour per entity, so an entity keeps its colour across charts."""
    palette = qualitative.D3 + qualitative.Set2
    return {e: palette[i % len(palette)] for i, e in enumerate(sorted(set(entities)))}


def value_panels(facts: pd.DataFrame, limit: int = 6) -> list[tuple[str, str]]:
    """The (indicator, base unit) pairs worth a chart, most reported first. Growth-only rows
    have their own chart; an indicator reported in two base units gets two charts."""
    rows = facts[(facts["category"] != "growth") & facts["value_base"].notna()]
    counts = rows.groupby(["indicator", "base_unit"], sort=False).size()
    return list(counts.sort_values(ascending=False, kind="stable").index[:limit])


def values_figure(facts: pd.DataFrame, indicator: str, base_unit: str,
                  colours: dict[str, str]) -> go.Figure:
    """One indicator over time in one base unit: a line per entity over whole years, separate
    markers for partial periods, open dashed traces for expected and target figures. The legend
    names each entity once, then keys marker shapes and line styles in grey."""
    rows = facts[(facts["indicator"] == indicator) & (facts["base_unit"] == base_unit)]
    points = latest_points(rows)
    factor, unit = display_unit(base_unit, points["value_base"])
    fig = go.Figure()
    groups = points.assign(_span=[p.span for p in points["_period"]])
    for entity in sorted(set(groups["entity"])):
        _legend_key(fig, entity or "?", "circle", colour=colours.get(entity, "#888"), group=entity)
    for (entity, span, status), g in groups.groupby(["entity", "_span", "status"], sort=True):
        g = g.assign(_rank=[p.rank for p in g["_period"]]).sort_values("_rank")
        dash, hollow, _ = STATUS_STYLE.get(status, STATUS_STYLE["actual"])
        whole = span == "全年"
        fig.add_scatter(
            x=g["period"], y=g["value_base"] / factor, name=entity or "?", legendgroup=entity,
            showlegend=False, mode="lines+markers" if whole else "markers",
            line={"color": colours.get(entity), "dash": dash},
            marker={"symbol": SPAN_SYMBOL.get(span, "diamond") + ("-open" if hollow else ""),
                    "size": 9 if whole else 11, "line": {"width": 2}},
            customdata=g[["doc", "status", "_span"]].to_numpy(),
            hovertemplate=(f"{entity}<br>%{{x}}: %{{y:,.4~f}} {unit}"
                           "<br>%{customdata[2]} · %{customdata[1]} · %{customdata[0]}"
                           "<extra></extra>"))
    for span in sorted(set(groups["_span"]) - {"全年"}):
        _legend_key(fig, f"{span}（部分时期）", symbol=SPAN_SYMBOL.get(span, "diamond"))
    for status in sorted(set(groups["status"]) - {"actual"}):
        dash, _, _ = STATUS_STYLE.get(status, STATUS_STYLE["actual"])
        _legend_key(fig, status, symbol="circle-open", dash=dash)
    _time_axis(fig, list(points["_period"]))
    fig.update_yaxes(title_text=f"{indicator}（{unit}）", rangemode="tozero")
    fig.update_layout(legend={"orientation": "h", "yanchor": "top", "y": -0.25})
    return _style(fig, f"{indicator}（{unit}）", 460)


def _legend_key(fig: go.Figure, name: str, symbol: str, dash: str = "solid",
                colour: str = "#888", group: str = "key") -> None:
    """A legend entry that draws nothing: an entity's colour, or in grey what a marker shape or
    line style means."""
    fig.add_scatter(x=[None], y=[None], name=name, mode="lines+markers", legendgroup=group,
                    line={"color": colour, "dash": dash},
                    marker={"symbol": symbol, "size": 10, "color": colour})


def growth_figure(facts: pd.DataFrame, limit: int = 30) -> tuple[go.Figure, int]:
    """Year-on-year growth rates as horizontal bars, falls in a colour of their own, most recent
    periods first. Returns the figure and how many rates it leaves out beyond `limit`."""
    rows = facts[facts["growth_pct"].notna()]
    points = latest_points(rows, ["entity", "indicator", "period", "status"])
    points = points.assign(_rank=[p.rank for p in points["_period"]])
    points = points.sort_values(["_rank", "indicator", "entity"], ascending=[False, True, True])
    shown = points.head(limit).iloc[::-1]
    labels = shown["indicator"] + " · " + shown["entity"] + " · " + shown["period"]
    fig = go.Figure(go.Bar(
        y=labels, x=shown["growth_pct"], orientation="h",
        marker={"color": [NEGATIVE if v < 0 else POSITIVE for v in shown["growth_pct"]],
                "pattern": {"shape": [STATUS_STYLE.get(s, STATUS_STYLE["actual"])[2]
                                      for s in shown["status"]]}},
        text=[f"{v:+.1f}%" for v in shown["growth_pct"]], textposition="outside",
        customdata=shown[["status", "doc"]].to_numpy(),
        hovertemplate="%{y}<br>%{x:+.2f}%<br>%{customdata[0]} · %{customdata[1]}<extra></extra>",
        showlegend=False))
    fig.update_xaxes(title_text="同比增长（%）", zeroline=True, zerolinewidth=2,
                     zerolinecolor="#444")
    fig.update_yaxes(type="category", automargin=True)
    return _style(fig, "同比增长（%）", 120 + 26 * len(shown)), len(points) - len(shown)


def counts_figure(facts: pd.DataFrame, max_indicators: int = 8,
                  max_entities: int = 4) -> go.Figure:
    """Project and enterprise counts as grouped bars by period, one panel per entity, so that
    新开工 / 新竣工 / 落户 of the same year stand side by side."""
    rows = facts[facts["category"].isin(COUNT_CATEGORIES) & (facts["base_unit"] == "count")]
    points = latest_points(rows)
    top = points["indicator"].value_counts().index[:max_indicators]
    entities = list(points["entity"].value_counts().index[:max_entities])
    points = points[points["indicator"].isin(top) & points["entity"].isin(entities)]
    fig = make_subplots(rows=1, cols=max(len(entities), 1), shared_yaxes=True,
                        subplot_titles=entities or None, horizontal_spacing=0.03)
    palette = qualitative.Set2 + qualitative.D3
    colour = {ind: palette[i % len(palette)] for i, ind in enumerate(sorted(top))}
    legend_seen: set[str] = set()
    for col, entity in enumerate(entities, start=1):
        mine = points[points["entity"] == entity]
        for (indicator, status), g in mine.groupby(["indicator", "status"], sort=True):
            name = indicator if status == "actual" else f"{indicator} · {status}"
            fig.add_bar(x=g["period"], y=g["value_base"], name=name, legendgroup=name,
                        showlegend=name not in legend_seen, offsetgroup=name,
                        marker={"color": colour[indicator],
                                "pattern": {"shape": STATUS_STYLE.get(status, ("", False, ""))[2]}},
                        hovertemplate=f"{entity}<br>{name}<br>%{{x}}: %{{y:,}} 个<extra></extra>",
                        row=1, col=col)
            legend_seen.add(name)
        _time_axis(fig, list(mine["_period"]), row=1, col=col)
    fig.update_layout(barmode="group")
    fig.update_yaxes(title_text="数量（个）", row=1, col=1)
    return _style(fig, "项目与企业数量（个）", 420)


def sources_caption(facts: pd.DataFrame, limit: int = 4) -> str:
    """The documents a chart draws on, by title, for the caption under it."""
    docs = facts.drop_duplicates("doc")[["doc", "title"]]
    names = [f"{t} ({d})" if t else d for d, t in zip(docs["doc"], docs["title"])]
    more = f" and {len(names) - limit} more" if len(names) > limit else ""
    noun = "document" if len(names) == 1 else "documents"
    return f"Sources ({len(names)} {noun}): " + "; ".join(names[:limit]) + more
