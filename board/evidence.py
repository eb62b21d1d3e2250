"""The evidence table: each filtered fact with its sentence, and its CSV download."""
from __future__ import annotations

import pandas as pd

COLUMNS = ["entity", "indicator", "value", "unit", "value_base", "base_unit", "year", "period",
           "status", "growth_pct", "approx", "sentence", "doc", "title", "published"]


SORT_KEYS = {  # column -> how the sort choice reads
    "year": "year", "value_base": "value in base units (元, 个, %)", "growth_pct": "growth %",
    "entity": "entity", "indicator": "indicator", "published": "publication date",
}


def evidence_table(facts: pd.DataFrame, by: str = "year", descending: bool = True) -> pd.DataFrame:
    """The columns a reader checks a figure with, sorted by `by` then entity and indicator.
    Sorting by `value_base` orders amounts written in different units (万元, 亿元) correctly;
    facts without the sort value come last."""
    keys = [by] + [k for k in ("entity", "indicator") if k != by]
    return (facts[COLUMNS]
            .sort_values(keys, ascending=[not descending] + [True] * (len(keys) - 1),
                         na_position="last", kind="stable")
            .reset_index(drop=True))


def to_csv_bytes(facts: pd.DataFrame) -> bytes:
    """UTF-8 with a byte-order mark: Excel then opens the Chinese text intact."""
    return evidence_table(facts).to_csv(index=False).encode("utf-8-sig")
