"""Mentions → claims: the same figure reported by several articles, and where reports disagree.

A *claim* is what is being reported: entity, indicator, year, period, status and base unit.
A consolidated row is one claim with one value (compared on ``value_base`` to 6 significant
digits, so ``149亿元`` and ``1.49e10 元`` agree), carrying how many articles reported it and
which. A claim reported with more than one value is a *conflict*.
"""
from __future__ import annotations

import pandas as pd

CLAIM = ["entity", "indicator", "year", "period", "status", "base_unit"]
CONSOLIDATED_COLUMNS = (
    *CLAIM[:5], "category", "value", "unit", "value_base", "base_unit", "growth_pct", "approx",
    "sentence", "n_mentions", "n_sources", "sources", "n_values", "conflict",
)


def _value_key(value_base: pd.Series) -> pd.Series:
    """Values rounded to 6 significant digits, so rounding noise is not a disagreement."""
    return pd.to_numeric(value_base, errors="coerce").map(lambda v: float(f"{v:.6g}"))


def consolidate(facts: pd.DataFrame) -> pd.DataFrame:
    """One row per (claim, value) with n_mentions, n_sources, sources (docs in first-mention
    order), n_values (distinct values of its claim) and conflict (n_values > 1).

    Other columns come from the first mention (growth_pct: the first given; approx: all
    mentions approximate).
    """
    if facts.empty:
        return pd.DataFrame(columns=list(CONSOLIDATED_COLUMNS))
    df = facts.assign(_value=_value_key(facts["value_base"]))
    groups = df.groupby(CLAIM + ["_value"], dropna=False, sort=False)
    out = groups.agg(
        category=("category", "first"), value=("value", "first"), unit=("unit", "first"),
        value_base=("value_base", "first"), growth_pct=("growth_pct", "first"),
        approx=("approx", "all"), sentence=("sentence", "first"),
        n_mentions=("doc", "size"), n_sources=("doc", "nunique"),
    ).reset_index()
    firsts = df.drop_duplicates(CLAIM + ["_value", "doc"])
    out["sources"] = firsts.groupby(CLAIM + ["_value"], dropna=False, sort=False)["doc"].agg(tuple).values
    out["n_values"] = out.groupby(CLAIM, dropna=False, sort=False)["_value"].transform("nunique")
    out["conflict"] = out["n_values"] > 1
    return out[list(CONSOLIDATED_COLUMNS)]


def conflicts(facts: pd.DataFrame) -> pd.DataFrame:
    """The consolidated rows whose claim was reported with different values, claim by claim,
    best-supported value first."""
    merged = consolidate(facts)
    out = merged.loc[merged["conflict"].astype(bool)]
    return out.sort_values(CLAIM + ["n_sources"], ascending=[True] * len(CLAIM) + [False],
                           na_position="first", kind="stable").reset_index(drop=True)
