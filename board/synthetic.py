"""Synthetic articles with their facts, offsets consistent, for tests and the benchmark.

The page is exercised on a table of known content without waiting for, or depending on, the
extractor: :func:`write_corpus` writes the articles and the kept table next to them, which the
loader then takes as fresh (see :mod:`board.loading`).
"""
from __future__ import annotations

import random
from pathlib import Path

import pandas as pd

from board.loading import normalise, save_table, table_path
from extract import COLUMNS

ENTITIES = ("苏州工业园区", "南通经济技术开发区", "苏锡通科技产业园区", "深圳市光明区", "抚州市临川区")
# indicator, category, unit, base unit, factor to base, typical amount
INDICATORS = (
    ("固定资产投资", "investment", "亿元", "CNY", 1e8, 120.0),
    ("工业总产值", "output", "亿元", "CNY", 1e8, 800.0),
    ("一般公共预算收入", "fiscal_revenue", "亿元", "CNY", 1e8, 60.0),
    ("实际使用外资", "foreign_investment", "亿美元", "USD", 1e8, 8.0),
    ("进出口总额", "trade", "亿元", "CNY", 1e8, 300.0),
    ("新开工项目", "projects", "个", "count", 1, 40.0),
    ("新竣工项目", "projects", "个", "count", 1, 30.0),
    ("新落户企业", "enterprises", "家", "count", 1, 120.0),
    ("高新技术产业产值占比", "share", "%", "pct", 1, 45.0),
    ("规上工业增加值增速", "growth", "%", "pct", 1, 6.0),
)
PERIODS = (("{y}", "全年"), ("{y}H1", "上半年"), ("{y}Q1..Q3", "前三季度"),
           ("{y}-01..{y}-04", "1-4月"))
STATUS_WORDS = {"actual": "完成", "expected": "预计完成", "target": "力争完成"}


def synthetic_facts(n_facts: int, n_docs: int,
                    seed: int = 7) -> tuple[dict[str, str], pd.DataFrame]:
    """`n_facts` facts spread over `n_docs` articles: (doc -> text, facts table)."""
    rng = random.Random(seed)
    texts: dict[str, list[str]] = {f"syn_{i:04d}": [] for i in range(n_docs)}
    lengths = dict.fromkeys(texts, 0)
    rows = []
    for i in range(n_facts):
        doc = f"syn_{i % n_docs:04d}"
        entity = rng.choice(ENTITIES)
        name, category, unit, base, factor, typical = rng.choice(INDICATORS)
        year = rng.randint(2016, 2022)
        period, span = PERIODS[0] if rng.random() < 0.7 else rng.choice(PERIODS[1:])
        status = "actual" if year < 2022 else rng.choice(("expected", "target"))
        value = round(typical * rng.uniform(0.5, 1.5), 0 if base == "count" else 2)
        growth = (None if category in ("share", "projects", "enterprises")
                  else round(rng.uniform(-8, 15), 1))
        if category == "growth":
            value = growth
        surface = f"{value:g}{unit}"
        lead = f"{year}年{'' if span == '全年' else span}，{entity}{STATUS_WORDS[status]}{name}"
        tail = "。" if growth is None or category == "growth" else f"，同比增长{growth:g}%。"
        sentence = f"{lead}{surface}{tail}"
        start = lengths[doc] + len(lead)
        texts[doc].append(sentence + "\n")
        lengths[doc] += len(sentence) + 1
        rows.append({
            "doc": doc, "title": f"园区经济运行简报第{i % n_docs + 1}期",
            "published": f"{year}-12-{1 + i % 28:02d}",
            "entity": entity, "indicator": name, "category": category, "year": year,
            "period": period.format(y=year), "value": value, "unit": unit,
            "value_base": value * factor, "base_unit": base, "growth_pct": growth,
            "status": status, "approx": False, "sentence": sentence,
            "start": start, "end": start + len(surface)})
    return ({d: "".join(t) for d, t in texts.items()},
            normalise(pd.DataFrame(rows, columns=list(COLUMNS))))


def write_corpus(data_dir: Path, texts: dict[str, str], facts: pd.DataFrame) -> Path:
    """Write the articles as ``DIR/raw/<doc>.txt`` and then the kept table, newer than them."""
    raw = data_dir / "raw"
    raw.mkdir(parents=True, exist_ok=True)
    for doc, text in texts.items():
        (raw / f"{doc}.txt").write_text(text, encoding="utf-8")
    save_table(table_path(data_dir), facts, documents=len(texts))
    return data_dir
