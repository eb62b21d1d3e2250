"""Every entry of the vocabulary tables is used and shown: a registered word without an example
sentence in tests/cases is a rule nobody checks."""
from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from extract.schema import CATEGORIES
from extract.vocabulary import entity_aliases, indicator_keywords, places, units, words

CASE_TEXTS = [case["text"] for path in sorted(Path(__file__).with_name("cases").glob("*.toml"))
              for case in tomllib.loads(path.read_text(encoding="utf-8"))["case"]]


@pytest.mark.parametrize("keyword, category", [(k, c) for k, c, _ in indicator_keywords()])
def test_indicator_keyword_has_category_and_example(keyword: str, category: str) -> None:
    assert category in CATEGORIES
    assert any(keyword in text for text in CASE_TEXTS), f"no case in tests/cases uses {keyword!r}"


@pytest.mark.parametrize("surface", list(units()))
def test_unit_has_example(surface: str) -> None:
    assert any(surface in text for text in CASE_TEXTS), f"no case in tests/cases uses the unit {surface!r}"


def test_units_are_ordered_tables() -> None:
    for u in units().values():
        assert u.factor > 0 and u.base_unit and u.kind


def test_status_words_do_not_overlap() -> None:
    status = words()["status"]
    assert not set(status["target"]) & set(status["expected"])


def test_aliases_point_to_canonical_names() -> None:
    aliases = entity_aliases()
    assert all(canonical not in aliases for canonical in aliases.values()), "an alias chain: point aliases at the end"


def test_gazetteer_levels() -> None:
    levels = {p.level for p in places()}
    assert levels == {"province", "city", "county", "region"}
    assert len([p for p in places() if p.level == "province"]) >= 31
    provinces = {p.name for p in places() if p.level == "province"}
    assert all(p.parent in provinces for p in places() if p.level == "region"), "a region lies in one province"
