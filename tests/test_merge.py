"""Consolidated facts: one row per claim and value, with its sources; conflicts flagged."""
from __future__ import annotations

import pandas as pd
import pytest

from extract.merge import CONSOLIDATED_COLUMNS, conflicts, consolidate
from extract.schema import COLUMNS


def fact(doc: str, value: float, *, entity: str | None = "苏州工业园区", indicator: str = "地区生产总值",
         year: int | None = 2020, period: str = "全年", status: str = "actual", unit: str = "亿元",
         scale: float = 1e8, base_unit: str = "CNY", growth: float | None = None) -> dict:
    return dict(doc=doc, title="", published="", entity=entity, indicator=indicator, category="gdp",
                year=year, period=period, value=value, unit=unit, value_base=value * scale,
                base_unit=base_unit, growth_pct=growth, status=status, approx=False,
                sentence=f"{doc}: {value}{unit}", start=0, end=1)


def table(*rows: dict) -> pd.DataFrame:
    return pd.DataFrame(list(rows), columns=list(COLUMNS))


def test_the_same_fact_from_several_articles_is_one_row_with_its_sources() -> None:
    merged = consolidate(table(fact("a", 2907), fact("b", 2907, growth=6.0), fact("a", 2907), fact("c", 2907)))
    assert list(merged.columns) == list(CONSOLIDATED_COLUMNS)
    [row] = merged.to_dict("records")
    assert (row["n_mentions"], row["n_sources"], row["sources"]) == (4, 3, ("a", "b", "c"))
    assert (row["value"], row["unit"], row["growth_pct"], row["sentence"]) == (2907, "亿元", 6.0, "a: 2907亿元")
    assert (row["n_values"], row["conflict"]) == (1, False)


def test_the_same_amount_in_other_units_is_the_same_fact() -> None:
    merged = consolidate(table(fact("a", 2907), fact("b", 29070000, unit="万元", scale=1e4),
                               fact("c", 2907.0000001)))
    assert merged[["n_sources", "conflict"]].values.tolist() == [[3, False]]


@pytest.mark.parametrize("field, other", [
    ("entity", "昆山"), ("indicator", "一般公共预算收入"), ("year", 2021), ("period", "上半年"),
    ("status", "target"), ("base_unit", "USD"), ("entity", None), ("year", None),
])
def test_a_different_claim_is_a_different_fact_not_a_conflict(field: str, other: object) -> None:
    merged = consolidate(table(fact("a", 2907), fact("b", 3000, **{field: other})))
    assert len(merged) == 2 and not merged["conflict"].any()


def test_different_values_for_one_claim_are_flagged() -> None:
    facts = table(fact("a", 2907), fact("b", 2907), fact("c", 2970), fact("d", 100, indicator="进出口"))
    merged = consolidate(facts)
    assert merged[["value", "n_sources", "n_values", "conflict"]].values.tolist() == [
        [2907, 2, 2, True], [2970, 1, 2, True], [100, 1, 1, False]]
    disagreeing = conflicts(facts)
    assert disagreeing[["value", "sources"]].values.tolist() == [[2907, ("a", "b")], [2970, ("c",)]]


def test_claims_without_entity_or_year_still_merge() -> None:
    merged = consolidate(table(fact("a", 5, entity=None, year=None), fact("b", 5, entity=None, year=None)))
    assert merged["n_sources"].tolist() == [2]


def test_no_facts_no_rows() -> None:
    assert list(consolidate(table()).columns) == list(CONSOLIDATED_COLUMNS)
    assert conflicts(table()).empty
