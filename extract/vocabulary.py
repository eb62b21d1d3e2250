"""The vocabulary tables in vocab/, loaded once, and a helper that turns word lists into patterns."""
from __future__ import annotations

import csv
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import regex

VOCAB = Path(__file__).with_name("vocab")


def _rows(name: str) -> list[dict[str, str]]:
    with open(VOCAB / name, encoding="utf-8", newline="") as f:
        return [r for r in csv.DictReader(line for line in f if not line.startswith("#"))]


def alternation(words: list[str] | tuple[str, ...]) -> str:
    """Escape and join words into a regex alternation that prefers the longest word (个百分点 over 个).

    The words are arranged as a trie, so a position that starts no word fails at its first
    character instead of after trying every word.
    """
    return _trie_pattern(sorted(set(words)))


def _trie_pattern(words: list[str]) -> str:
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        ends = "" in node
        branches = [regex.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return "(?:" + build(trie) + ")"


@dataclass(frozen=True)
class Unit:
    surface: str
    kind: str        # money, count, pct, pp, times, area, length, …
    base_unit: str   # CNY, USD, count, pct, pp, m2 …
    factor: float    # base units per unit as written (亩 → 666.6667 m2)


@dataclass(frozen=True)
class Place:
    name: str    # 苏州市
    short: str   # 苏州 (empty when the name has no shorter form)
    level: str   # province, city, county
    parent: str


@lru_cache(maxsize=None)
def units() -> dict[str, Unit]:
    return {r["surface"]: Unit(r["surface"], r["kind"], r["base_unit"], float(r["factor"]))
            for r in _rows("units.csv")}


@lru_cache(maxsize=None)
def indicator_keywords() -> list[tuple[str, str, frozenset[str]]]:
    """(keyword, category, amount kinds it applies to) in table order."""
    return [(r["keyword"], r["category"], frozenset(k for k in r["kinds"].split("|") if k))
            for r in _rows("indicators.csv")]


@lru_cache(maxsize=None)
def entity_aliases() -> dict[str, str]:
    return {r["alias"]: r["canonical"] for r in _rows("entities.csv")}


@lru_cache(maxsize=None)
def places() -> list[Place]:
    """Provinces, cities and counties (places.csv), then economic regions (regions.csv)."""
    return [Place(r["name"], r["short"], r["level"], r["parent"]) for r in _rows("places.csv") + _rows("regions.csv")]


@lru_cache(maxsize=None)
def dating_events() -> list[tuple[str, int]]:
    return [(r["pattern"], int(r["year"])) for r in _rows("events.csv")]


@lru_cache(maxsize=None)
def words() -> dict:
    with open(VOCAB / "words.toml", "rb") as f:
        return tomllib.load(f)
