"""Sentence in, exact facts out: every case of tests/cases/*.toml through one parametrised test.

A case lists the facts a careful reader writes down for its text; a trap case lists none. Each
expected fact is found by its surface (``text[start:end]``), then every field it gives is compared:
``key`` must occur in the indicator name, ``entity`` must name the same entity, the rest must be
equal. A case marked ``xfail = "why"`` is a known failure, kept so that it shows when it is fixed.
"""
from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from extract import extract_text

CASES = Path(__file__).with_name("cases")
FIELDS = ("category", "year", "period", "value", "unit", "growth_pct", "status", "approx")


def _load() -> list:
    params = []
    for path in sorted(CASES.glob("*.toml")):
        for case in tomllib.loads(path.read_text(encoding="utf-8"))["case"]:
            marks = [pytest.mark.xfail(reason=case["xfail"], strict=True)] if case.get("xfail") else []
            params.append(pytest.param(case, id=f"{path.stem}:{case['id']}", marks=marks))
    return params


def _show(facts) -> str:
    return "\n".join(f"  {f.text_surface!r:>14} {f.indicator} | {f.category} {f.year} {f.period} "
                     f"{f.value} {f.unit} g={f.growth_pct} {f.status} approx={f.approx} @{f.entity}"
                     for f in facts) or "  (no facts)"


class Got:
    """A fact with its surface, for readable failure messages."""

    def __init__(self, fact, text: str) -> None:
        self.__dict__.update(fact.as_row())
        self.text_surface = text[fact.start:fact.end]


@pytest.mark.parametrize("case", _load())
def test_case(case: dict) -> None:
    text = case["text"]
    got = [Got(f, text) for f in extract_text(text, doc="case", published=case.get("published"))]
    expected = case.get("fact", [])
    context = f"\ntext: {text}\ngot:\n{_show(got)}"
    assert len(got) == len(expected), f"expected {len(expected)} facts, got {len(got)}{context}"
    unused = list(got)
    for exp in expected:
        same_surface = [g for g in unused if g.text_surface == exp["surface"]]
        assert same_surface, f"no fact with surface {exp['surface']!r}{context}"
        g = same_surface[0]
        unused.remove(g)
        assert exp["key"] in g.indicator, f"{exp['surface']}: indicator {g.indicator!r} lacks {exp['key']!r}{context}"
        for field in FIELDS:
            want = exp.get(field)
            have = getattr(g, field)
            if field in ("year", "growth_pct") and field not in exp:
                want = None
            if field == "period" and field not in exp:
                continue
            if isinstance(want, float) or isinstance(have, float):
                ok = want is not None and have is not None and abs(float(want) - float(have)) < 1e-6
                ok = ok or (want is None and have is None)
            else:
                ok = want == have
            assert ok, f"{exp['surface']}: {field} is {have!r}, expected {want!r}{context}"
        if "entity" in exp:
            assert exp["entity"] in g.entity or (g.entity and g.entity in exp["entity"]), \
                f"{exp['surface']}: entity {g.entity!r}, expected {exp['entity']!r}{context}"
