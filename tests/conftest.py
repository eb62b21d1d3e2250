"""Shared fixtures of the dashboard tests: a folder of synthetic articles with a prepared table."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from board.loading import normalise, table_path
from board.synthetic import synthetic_facts, write_corpus

HOSTILE_DOC = "hostile"
HOSTILE_TEXT = ('2021年，园区<script>alert("x")</script>完成投资50亿元。'
                '<img src=x onerror=alert(1)>新开工项目12个。')


def _hostile_facts() -> pd.DataFrame:
    """Two facts of an article carrying markup, offsets pointing at its figures."""
    rows = []
    for surface, indicator, category, unit, base, factor in (
            ("50亿元", '投资<b onmouseover="x">', "investment", "亿元", "CNY", 1e8),
            ("12个", "新开工项目", "projects", "个", "count", 1)):
        start = HOSTILE_TEXT.index(surface)
        value = float(surface.rstrip("亿元个"))
        rows.append({"doc": HOSTILE_DOC, "title": "<i>hostile</i>", "published": "2021-06-01",
                     "entity": "测试园区", "indicator": indicator, "category": category,
                     "year": 2021, "period": "2021", "value": value, "unit": unit,
                     "value_base": value * factor, "base_unit": base, "growth_pct": None,
                     "status": "actual", "approx": False, "sentence": HOSTILE_TEXT,
                     "start": start, "end": start + len(surface)})
    return pd.DataFrame(rows)


@pytest.fixture(scope="session")
def corpus() -> tuple[dict[str, str], pd.DataFrame]:
    """Synthetic articles (doc -> text) and their facts, plus one article carrying markup."""
    texts, facts = synthetic_facts(240, 6)
    return ({**texts, HOSTILE_DOC: HOSTILE_TEXT},
            normalise(pd.concat([facts, _hostile_facts()], ignore_index=True)))


@pytest.fixture
def corpus_dir(tmp_path: Path, corpus, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A data folder whose prepared table the dashboard loads, selected through INDICATOR_DATA."""
    write_corpus(tmp_path / "corpus", *corpus)
    monkeypatch.setenv("INDICATOR_DATA", str(tmp_path / "corpus"))
    assert table_path(tmp_path / "corpus").exists()
    return tmp_path / "corpus"
