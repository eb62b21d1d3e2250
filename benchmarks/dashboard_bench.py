"""Time the dashboard on 100,000 synthetic facts through Streamlit's AppTest: the cold start
(first page load in a fresh process, table read from its kept parquet) and filter changes.

    python benchmarks/dashboard_bench.py [--facts 100000] [--docs 500]

Targets on a 2-core machine: cold start < 3 s, filter change < 0.5 s.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from board.synthetic import ENTITIES, synthetic_facts, write_corpus  # noqa: E402
from streamlit.testing.v1 import AppTest  # noqa: E402


def timed(action) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--facts", type=int, default=100_000)
    ap.add_argument("--docs", type=int, default=500)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        write_corpus(Path(tmp), *synthetic_facts(args.facts, args.docs))
        os.environ["INDICATOR_DATA"] = tmp
        at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
        cold = timed(at.run)
        assert not at.exception, at.exception
        changes = {
            "entity": lambda: at.sidebar.multiselect(key="filter_entities")
            .set_value([ENTITIES[0]]).run(),
            "category": lambda: at.sidebar.multiselect(key="filter_categories")
            .set_value(["investment", "projects"]).run(),
            "years": lambda: at.sidebar.slider(key="filter_years").set_value((2018, 2021)).run(),
            "status": lambda: at.sidebar.multiselect(key="filter_statuses")
            .set_value(["actual"]).run(),
            "clear entity": lambda: at.sidebar.multiselect(key="filter_entities")
            .set_value([]).run(),
            "clear all": lambda: at.sidebar.button[0].click().run(),
        }
        times = {name: timed(change) for name, change in changes.items()}
        assert not at.exception, at.exception
    print(f"{args.facts:,} facts in {args.docs} documents, {os.cpu_count()} CPUs")
    print(f"cold start     {cold:6.2f} s   (target < 3 s)")
    for name, seconds in times.items():
        print(f"filter {name:<12} {seconds:6.3f} s")
    print(f"filter change  median {statistics.median(times.values()):.3f} s, "
          f"max {max(times.values()):.3f} s   (target < 0.5 s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
