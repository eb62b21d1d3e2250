"""The evidence table: each filtered fact with its sentence, and its CSV download."""
from __future__ import annotations

import pandas as pd

COLUMNS = ["entity", "indicator", "value", "unit", "value_base", "base_unit", "year", "period",
           "status", "growth_pct", "approx", "sentence", "doc", "title", "published"]


def evidence_table(facts: pd.DataFrame) -> pd.DataFrame:
    """The columns a reader checks a figure with, most recent first; `value_base` sorts
    amounts written in different units (万元, 亿元) correctly against each other."""
    return (facts[COLUMNS]
            .sort_values(["year", "entity", "indicator"], ascending=[False, True, True],
                         na_position="last", kind="stable")
            .reset_index(drop=True))


def to_csv_bytes(facts: pd.DataFrame) -> bytes:
    """UTF-8 with a byte-order mark: Excel then opens the Chinese text intact."""
    return evidence_table(facts).to_csv(index=False).encode("utf-8-sig")
