"""python -m extract PATH [PATH ...] -o OUT.csv|OUT.parquet

Reads every article under the given files and folders (.txt .md .html .htm .json .jsonl, any
encoding), writes one row per reported figure, and prints a summary with each skipped file
and its reason.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

from .cache import default_cache_dir
from .corpus import DEFAULT_CACHE, run_corpus
from .merge import consolidate
from .readers import DEFAULT_MAX_BYTES, MB


def write_table(table: pd.DataFrame, out: str) -> None:
    """Write `table` as parquet (by extension) or UTF-8 CSV, list cells joined by ' | ' in CSV."""
    if out.endswith(".parquet"):
        listy = [c for c in table.columns if table[c].map(lambda v: isinstance(v, tuple)).any()]
        table.assign(**{c: table[c].map(list) for c in listy}).to_parquet(out, index=False)
    else:
        table.map(lambda v: " | ".join(map(str, v)) if isinstance(v, tuple) else v).to_csv(
            out, index=False, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m extract", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="+", help="article files and folders (searched recursively)")
    ap.add_argument("-o", "--out", required=True, help="facts, one row per mention: .csv or .parquet")
    ap.add_argument("--consolidated", metavar="OUT",
                    help="also write one row per distinct fact with its sources and a conflict flag")
    ap.add_argument("--documents", metavar="OUT",
                    help="also write one row per document with all the files it was read from")
    ap.add_argument("-j", "--jobs", type=int, default=None, help="worker processes (default: one per CPU)")
    cache = ap.add_mutually_exclusive_group()
    cache.add_argument("--cache", metavar="DIR", default=None,
                       help=f"fact cache folder (default: {default_cache_dir()})")
    cache.add_argument("--no-cache", action="store_true", help="extract everything again, store nothing")
    ap.add_argument("--max-mb", type=float, default=DEFAULT_MAX_BYTES / MB,
                    help="skip files larger than this many MB (default: %(default)g)")
    ap.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    a = ap.parse_args(argv)
    if a.jobs is not None and a.jobs < 1:
        ap.error("--jobs must be at least 1")
    cache_dir = None if a.no_cache else a.cache or DEFAULT_CACHE
    run = run_corpus(a.paths, progress=not a.quiet, workers=a.jobs, cache_dir=cache_dir,
                     max_bytes=int(a.max_mb * MB))
    for table, out in ((run.facts, a.out), (run.documents_table, a.documents),
                       (consolidate(run.facts) if a.consolidated else None, a.consolidated)):
        if out:
            Path(out).parent.mkdir(parents=True, exist_ok=True)
            write_table(table, out)
    print(run.summary(), file=sys.stderr)
    return 0 if run.documents else 1


if __name__ == "__main__":
    sys.exit(main())
