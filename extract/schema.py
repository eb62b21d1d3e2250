"""The fact: one reported figure, and the table columns every consumer reads."""
from __future__ import annotations

from dataclasses import asdict, dataclass

CATEGORIES = (
    "sales", "investment", "projects", "output", "fiscal_revenue", "foreign_investment",
    "trade", "enterprises", "share", "growth", "gdp", "other",
)
STATUSES = ("actual", "expected", "target")

COLUMNS = (
    "doc", "title", "published", "entity", "indicator", "category", "year", "period",
    "value", "unit", "value_base", "base_unit", "growth_pct", "status", "approx",
    "sentence", "start", "end",
)


@dataclass(frozen=True)
class Fact:
    """Who, what, when, how much, and where in the document it was read.

    `start`/`end` are character offsets into the document text as given to the
    extractor, so that ``text[start:end]`` is the figure's surface (``149亿元``).
    """

    doc: str
    title: str
    published: str
    entity: str
    indicator: str
    category: str
    year: int | None
    period: str
    value: float
    unit: str
    value_base: float
    base_unit: str
    growth_pct: float | None
    status: str
    approx: bool
    sentence: str
    start: int
    end: int

    def as_row(self) -> dict:
        return asdict(self)
