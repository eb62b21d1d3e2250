"""End to end: the bundled and extra corpora against their gold facts, scored by the project's scorer.

The thresholds are the product's acceptance targets, not figures tuned to the current rules; the
scorer (tests/data/score.py, a copy of ../shared/eval/score.py) prints every miss with -v.
"""
from __future__ import annotations

import csv
import filecmp
import importlib.util
from pathlib import Path

import pandas as pd
import pytest

from extract import COLUMNS, extract_corpus

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
SHARED = ROOT.parent / "shared"

spec = importlib.util.spec_from_file_location("score", DATA / "score.py")
score = importlib.util.module_from_spec(spec)
spec.loader.exec_module(score)

SEED_TARGETS = {"recall": 0.95, "precision": 0.90, "year_acc": 0.95, "growth_acc": 0.95,
                "status_acc": 0.95, "entity_acc": 0.95, "exact_recall": 0.90}
WIDER_TARGETS = {"recall": 0.90, "precision": 0.85, "year_acc": 0.90, "growth_acc": 0.90,
                 "status_acc": 0.90, "entity_acc": 0.90}
CORPORA = {
    "seeds": (ROOT / "data" / "raw", DATA / "gold" / "seeds.csv", SEED_TARGETS),
    "dev": (DATA / "dev", DATA / "gold" / "dev.csv", WIDER_TARGETS),
    **{name: (DATA / name, DATA / name / "gold.csv", WIDER_TARGETS)   # sets written blind to the rules
       for name in ["heldout"] + [f"heldout{n}" for n in range(2, 67)]},
}


def _scored(name: str) -> tuple[dict, pd.DataFrame]:
    folder, gold_path, _ = CORPORA[name]
    if not gold_path.exists():
        pytest.skip(f"{gold_path} is not in this checkout")
    facts = extract_corpus([folder])
    pred = [{k: ("" if pd.isna(v) else str(v)) for k, v in row.items()} for row in facts.to_dict("records")]
    with open(gold_path, encoding="utf-8-sig", newline="") as f:
        gold = list(csv.DictReader(f))
    metrics, *_ = score.score(gold, pred)
    return metrics, facts


# Sets below a target, each with what keeps it there; strict, so that reaching the target shows.
SHORT_OF_TARGET = {
    "heldout35": "entity 0.85: figures of a regional grouping (成渝地区双城经济圈, 万达开川渝统筹发展示范区) go to "
                 "the cities inside it; such names are read as context far more often than as owners",
    "heldout65": "entity 0.87: a park named with a year in it (洪都·1957文化创意产业园) loses the name's head at the "
                 "digits, and the rest is grouped with the province's cultural-industry cluster of the same words",
    "heldout64": "entity 0.87: a bonded logistics centre is called back by its head noun alone (中心 for "
                 "义乌保税物流中心（B型）), a word far too common (研发中心, 交易中心) to point back in general",
}


@pytest.mark.parametrize("name", [pytest.param(n, marks=pytest.mark.xfail(reason=SHORT_OF_TARGET[n], strict=True))
                                  if n in SHORT_OF_TARGET else n for n in CORPORA])
def test_accuracy_targets(name: str) -> None:
    metrics, _ = _scored(name)
    targets = CORPORA[name][2]
    short = {k: metrics[k] for k in targets if metrics[k] is None or metrics[k] < targets[k]}
    assert not short, f"{name}: below target {short}; all: {metrics}"


@pytest.mark.parametrize("name", ["seeds", "dev"])
def test_table_contract(name: str) -> None:
    folder = CORPORA[name][0]
    facts = extract_corpus([folder])
    assert tuple(facts.columns) == COLUMNS
    for doc, rows in facts.groupby("doc"):
        path = next(folder.glob(f"{doc}.*"))
        text = path.read_text(encoding="utf-8")
        for row in rows.itertuples():
            surface = text[row.start:row.end]
            assert surface and surface[0] in "0123456789０１２３４５６７８９零〇一二两三四五六七八九十翻", (doc, surface)
            assert row.status in ("actual", "expected", "target")
            assert row.category in ("sales", "investment", "projects", "output", "fiscal_revenue",
                                    "foreign_investment", "trade", "enterprises", "share", "growth", "gdp", "other")


@pytest.mark.parametrize("copy, source", [
    (DATA / "gold" / "seeds.csv", SHARED / "gold" / "seeds.csv"),
    (DATA / "gold" / "dev.csv", SHARED / "gold" / "dev.csv"),
    (DATA / "score.py", SHARED / "eval" / "score.py"),
    *[(path, SHARED / "corpus" / path.name) for path in sorted((ROOT / "data" / "raw").glob("*.txt"))],
    *[(path, SHARED / "dev" / "corpus" / path.name) for path in sorted((DATA / "dev").glob("*.txt"))],
])
def test_copies_match_shared(copy: Path, source: Path) -> None:
    """The repository keeps copies of the shared gold and scorer; an update there shows here."""
    if not source.exists():
        pytest.skip("no ../shared beside this checkout")
    assert filecmp.cmp(copy, source, shallow=False), f"{copy} differs from {source}: copy the update in"
