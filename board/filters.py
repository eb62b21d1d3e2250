"""Filter state: what the data offers, the URL query parameters it round-trips through, and
applying it to the facts table.

The URL is the state, so a bookmarked or shared link reopens the same view. Values the data does
not offer (a stale link, a typo) are dropped rather than raising.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from extract import CATEGORIES, STATUSES

# filter field -> (query parameter, facts column)
MULTI_FIELDS = {
    "categories": ("category", "category"),
    "indicators": ("indicator", "indicator"),
    "entities": ("entity", "entity"),
    "statuses": ("status", "status"),
    "docs": ("doc", "doc"),
}
YEAR_PARAM = "year"
CATEGORY_LABELS = {
    "sales": "sales 销售", "investment": "investment 投资", "projects": "projects 项目",
    "output": "output 产值", "fiscal_revenue": "fiscal revenue 财政收入",
    "foreign_investment": "foreign investment 外资", "trade": "trade 进出口",
    "enterprises": "enterprises 企业", "share": "share 占比", "growth": "growth 增速",
    "gdp": "GDP 生产总值", "other": "other 其他",
}


@dataclass(frozen=True)
class Filters:
    """A view: empty selections and ``years=None`` do not restrict."""

    categories: tuple[str, ...] = ()
    indicators: tuple[str, ...] = ()
    entities: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    docs: tuple[str, ...] = ()
    years: tuple[int, int] | None = None

    def to_query(self) -> dict[str, list[str]]:
        """Query parameters of this view; unrestricted fields are left out of the URL."""
        query = {param: list(getattr(self, name))
                 for name, (param, _) in MULTI_FIELDS.items() if getattr(self, name)}
        if self.years is not None:
            query[YEAR_PARAM] = [f"{self.years[0]}-{self.years[1]}"]
        return query


@dataclass(frozen=True)
class Choices(Filters):
    """The values present in the data, in the order the sidebar lists them: the widest view."""


def _ordered(values: pd.Series, canonical: Sequence[str] = ()) -> tuple[str, ...]:
    """Distinct non-empty values: those of `canonical` in its order, then the rest sorted."""
    present = set(values.dropna().unique()) - {""}
    return tuple(v for v in canonical if v in present) + tuple(sorted(present - set(canonical)))


def choices(facts: pd.DataFrame) -> Choices:
    """What each filter can offer for this table."""
    years = facts["year"].dropna()
    return Choices(
        categories=_ordered(facts["category"], CATEGORIES),
        indicators=_ordered(facts["indicator"]),
        entities=_ordered(facts["entity"]),
        statuses=_ordered(facts["status"], STATUSES),
        docs=_ordered(facts["doc"]),
        years=(int(years.min()), int(years.max())) if len(years) else None,
    )


def indicator_choices(facts: pd.DataFrame, categories: Sequence[str]) -> tuple[str, ...]:
    """Indicators of the chosen categories (all of them when none is chosen): the list a user
    searches is then only as long as it needs to be."""
    if not categories:
        return _ordered(facts["indicator"])
    return _ordered(facts.loc[facts["category"].isin(categories), "indicator"])


def _parse_years(raw: Sequence[str], bounds: tuple[int, int] | None) -> tuple[int, int] | None:
    """``2018-2020`` or ``2019`` clamped to the data's years; anything else is no restriction."""
    if not raw or bounds is None:
        return None
    parts = raw[-1].split("-")
    if len(parts) > 2 or not all(p.strip().isdigit() for p in parts):
        return None
    lo, hi = sorted((int(parts[0]), int(parts[-1])))
    lo, hi = max(lo, bounds[0]), min(hi, bounds[1])
    if lo > hi or (lo, hi) == bounds:
        return None
    return lo, hi


def from_query(params: Mapping[str, Sequence[str]], offered: Choices) -> Filters:
    """The view a URL asks for, keeping only values the data offers."""
    picked = {name: tuple(dict.fromkeys(v for v in params.get(param, ())
                                        if v in getattr(offered, name)))
              for name, (param, _) in MULTI_FIELDS.items()}
    return Filters(**picked, years=_parse_years(params.get(YEAR_PARAM, ()), offered.years))


def apply(facts: pd.DataFrame, view: Filters) -> pd.DataFrame:
    """The facts inside the view. Facts without a year drop out once a year range is chosen."""
    mask = pd.Series(True, index=facts.index)
    for name, (_, column) in MULTI_FIELDS.items():
        if selected := getattr(view, name):
            mask &= facts[column].isin(selected)
    if view.years is not None:
        mask &= facts["year"].between(*view.years).fillna(False).astype(bool)
    return facts[mask]
