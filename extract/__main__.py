"""python -m extract PATH [PATH ...] -o OUT.csv|OUT.parquet"""
from __future__ import annotations

import argparse
import sys

from .corpus import run_corpus


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m extract", description=__doc__)
    ap.add_argument("paths", nargs="+")
    ap.add_argument("-o", "--out", required=True)
    a = ap.parse_args(argv)
    run = run_corpus(a.paths, progress=True)
    if a.out.endswith(".parquet"):
        run.facts.to_parquet(a.out, index=False)
    else:
        run.facts.to_csv(a.out, index=False, encoding="utf-8")
    print(f"{run.documents} documents, {len(run.facts)} facts, {len(run.skipped)} skipped", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
