"""Corpus throughput: build a large varied corpus from the bundled articles and time its extraction.

    .venv/bin/python benchmarks/corpus_bench.py [--articles 5000] [--min-mb 20] [--sources tests] [--profile]

Writes (in a temporary folder, or --dir) at least --articles articles and --min-mb MB, varied
(numbers, place names, paragraph order) from the bundled articles, or with `--sources tests`
from every article of the test sets, which were written to be dense with figures (about one
figure per 30 characters, against one per 270 in the bundled news), so they show the cost of
reading figures rather than the speed on real news. Mixed like a scrape: mostly
UTF-8 .txt, some GB18030 .txt, some .html pages, some .jsonl dumps, and a few exact copies.
Then prints, with 1 and 2 processes (cold cache each, each run in a fresh interpreter so its
peak memory is its own): MB/s, characters/s, facts/s, peak memory; the unchanged re-run time;
and the speed of a bare compiled regex that only scans the same text for amounts, the ceiling
any extraction can approach. --profile adds the top functions of a 1-process run under cProfile.
"""
from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extract.corpus import run_corpus  # noqa: E402
from extract.readers import SkipFile, read_path  # noqa: E402

SOURCES = {"bundled": sorted((ROOT / "data" / "raw").glob("*.txt")),
           "tests": sorted((ROOT / "tests" / "data").glob("*/*.txt"))}
PLACES = ("苏州", "南通", "无锡", "常州", "扬州", "徐州", "盐城", "淮安", "宿迁", "泰州", "镇江", "连云港",
          "南京", "杭州", "宁波", "合肥", "武汉", "成都", "重庆", "西安", "深圳", "光明", "芜湖", "襄阳")
PLACE = re.compile("|".join(PLACES))
NUMBER = re.compile(r"(?<![\d.])(?!(?:19|20)\d\d(?!\d))\d+(?:\.\d+)?")
AMOUNT = re.compile(r"\d+(?:\.\d+)?\s*(?:万亿|亿|千万|百万|万|千)?(?:元|美元|%|％|个百分点|平方米|亩|吨|个|家|项)")
DUMP_SIZE = 50         # records per .jsonl dump
EVERY = 20             # of every 20 articles: 2 GB18030, 1 HTML, 1 in a dump; 1 in 100 is a copy


def vary(text: str, rng: random.Random) -> str:
    """Another article of the same kind: other figures, other places, paragraphs reordered."""
    text = NUMBER.sub(lambda m: _other_number(m.group(), rng), text)
    places = {p: rng.choice(PLACES) for p in PLACES}
    text = PLACE.sub(lambda m: places[m.group()], text)
    lines = text.split("\n")
    head = 0
    if lines[0] == "---":
        head = lines.index("---", 1) + 1 if "---" in lines[1:] else 1
    body = lines[head:]
    cut = max(1, len(body) // 3)
    return "\n".join(lines[:head] + body[cut:] + body[:cut])


def _other_number(number: str, rng: random.Random) -> str:
    """A random number written like `number` (same digits before and after the point)."""
    whole, _, frac = number.partition(".")
    first = str(rng.randint(1, 9)) if len(whole) > 1 or whole != "0" else "0"
    out = first + "".join(str(rng.randint(0, 9)) for _ in whole[1:])
    return out + ("." + "".join(str(rng.randint(0, 9)) for _ in frac) if frac else "")


def build_corpus(root: Path, articles: int, min_mb: float, sources: list[Path],
                 seed: int = 1) -> tuple[int, int, dict[str, int]]:
    """Write the corpus; return (bytes written, characters of article text, files per kind)."""
    rng = random.Random(seed)
    bases = [p.read_text(encoding="utf-8") for p in sources]
    size = chars = i = 0
    kinds = {"utf-8 txt": 0, "gb18030 txt": 0, "html": 0, "jsonl dump": 0, "copy": 0}
    dump: list[str] = []
    previous = ""
    while i < articles or size < min_mb * 1e6:
        sub = root / f"{i // 1000:03d}"
        sub.mkdir(parents=True, exist_ok=True)
        kind = i % EVERY
        text = previous if i % 100 == 99 else vary(bases[i % len(bases)], rng)
        previous = text
        if i % 100 == 99:
            data, name = text.encode("utf-8"), f"{i:06d}_copy.txt"
            kinds["copy"] += 1
        elif kind in (1, 2):
            data, name = text.encode("gb18030"), f"{i:06d}.txt"
            kinds["gb18030 txt"] += 1
        elif kind == 3:
            paragraphs = "".join(f"<p>{p}</p>\n" for p in text.split("\n") if p.strip())
            data = (f"<html><head><title>文章{i}</title><style>p{{margin:0}}</style>"
                    f"<script>var id={i};</script></head><body>{paragraphs}</body></html>").encode("utf-8")
            name = f"{i:06d}.html"
            kinds["html"] += 1
        elif kind == 4:
            dump.append(json.dumps({"id": i, "title": f"文章{i}", "date": "2021-06-01", "content": text},
                                   ensure_ascii=False))
            chars += len(text)
            i += 1
            if len(dump) == DUMP_SIZE:
                size += _write(sub / f"{i:06d}_dump.jsonl", ("\n".join(dump) + "\n").encode("utf-8"))
                kinds["jsonl dump"] += 1
                dump = []
            continue
        else:
            data, name = text.encode("utf-8"), f"{i:06d}.txt"
            kinds["utf-8 txt"] += 1
        size += _write(sub / name, data)
        chars += len(text)
        i += 1
    if dump:
        size += _write(root / "last_dump.jsonl", ("\n".join(dump) + "\n").encode("utf-8"))
        kinds["jsonl dump"] += 1
    return size, chars, kinds


def _write(path: Path, data: bytes) -> int:
    path.write_bytes(data)
    return len(data)


def measure(corpus: Path, workers: int, cache: Path, rerun: bool = False) -> list[dict[str, float]]:
    """Runs in a fresh interpreter, so that peak memory is their own: a cold-cache run, and with
    `rerun` an unchanged re-run in the same interpreter (same rules digest, even if the rules
    are being edited meanwhile). Per run: wall and CPU seconds, counts, peak memory in MB."""
    cmd = [sys.executable, __file__, "--measure", str(corpus), "--workers", str(workers),
           "--cache", str(cache)] + (["--rerun"] if rerun else [])
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return [json.loads(line) for line in out.splitlines() if line.startswith("{")]


def _measure_here(corpus: Path, workers: int, cache: Path, runs: int) -> None:
    """The child side of measure(): run, then print each run's figures as one JSON line."""
    for _ in range(runs):
        cpu0 = _cpu_seconds()
        start = time.perf_counter()
        run = run_corpus([corpus], workers=workers, cache_dir=cache)
        elapsed = time.perf_counter() - start
        print(json.dumps({
            "elapsed": elapsed, "cpu": _cpu_seconds() - cpu0, "documents": run.documents,
            "facts": len(run.facts), "duplicates": run.duplicates, "skipped": len(run.skipped),
            "cached": run.cached, "peak_self_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "peak_worker_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))


def _cpu_seconds() -> float:
    """User and system time of this process and its finished children."""
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def _articles(path: Path) -> list:
    """The articles of a file, none for the bad files the corpus holds on purpose."""
    try:
        return list(read_path(path))
    except SkipFile:
        return []


def regex_ceiling(corpus: Path) -> tuple[float, int]:
    """Characters per second of AMOUNT.finditer over every article's text, already in memory."""
    texts = [a.text for p in sorted(corpus.rglob("*")) if p.is_file() for a in _articles(p)]
    start = time.perf_counter()
    found = sum(1 for t in texts for _ in AMOUNT.finditer(t))
    elapsed = time.perf_counter() - start
    return sum(map(len, texts)) / elapsed, found


def profile(corpus: Path, top: int) -> None:
    """Where the time of a 1-process run goes, by own time and by cumulative time."""
    prof = cProfile.Profile()
    prof.enable()
    run_corpus([corpus], workers=1, cache_dir=None)
    prof.disable()
    for key in ("tottime", "cumulative"):
        out = io.StringIO()
        pstats.Stats(prof, stream=out).strip_dirs().sort_stats(key).print_stats(top)
        print(f"\n--- profile, 1 process, by {key} ---")
        lines = out.getvalue().splitlines()
        print("\n".join(lines[next(i for i, line in enumerate(lines) if "ncalls" in line):]))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=5000)
    ap.add_argument("--min-mb", type=float, default=20.0)
    ap.add_argument("--sources", choices=SOURCES, default="bundled",
                    help="articles to vary: the bundled news (default) or the dense test sets")
    ap.add_argument("--dir", type=Path, help="build the corpus here instead of a temporary folder")
    ap.add_argument("--profile", action="store_true",
                    help="also profile a 1-process run over the first 1,000 articles")
    ap.add_argument("--top", type=int, default=25, help="functions shown by --profile")
    ap.add_argument("--measure", type=Path, help=argparse.SUPPRESS)  # internal: runs, JSON out
    ap.add_argument("--workers", type=int, default=1, help=argparse.SUPPRESS)
    ap.add_argument("--cache", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--rerun", action="store_true", help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.measure:
        _measure_here(a.measure, a.workers, a.cache, 2 if a.rerun else 1)
        return
    with tempfile.TemporaryDirectory(prefix="corpus-bench-") as tmp:
        root = a.dir or Path(tmp) / "corpus"
        start = time.perf_counter()
        size, chars, kinds = build_corpus(root, a.articles, a.min_mb, SOURCES[a.sources])
        print(f"corpus varied from the {a.sources} articles: {size / 1e6:.1f} MB, {chars:,} characters, "
              + ", ".join(f"{n} {k}" for k, n in kinds.items())
              + f" (built in {time.perf_counter() - start:.1f} s)", flush=True)
        elapsed = {}
        for workers in (1, 2):
            m, *rerun = measure(root, workers, Path(tmp) / f"cache{workers}", rerun=workers == 2)
            elapsed[workers] = t = m["elapsed"]
            print(f"{workers} process{'es' if workers > 1 else ''}: {t:7.2f} s  {size / 1e6 / t:6.2f} MB/s  "
                  f"{chars / t:10,.0f} chars/s  {m['facts'] / t:7,.0f} facts/s  "
                  f"(CPU {m['cpu']:.1f} s: {chars / m['cpu']:,.0f} chars per CPU-second)  "
                  f"peak {m['peak_self_mb']:.0f} MB main, {m['peak_worker_mb']:.0f} MB worker  "
                  f"[{m['documents']} documents, {m['facts']} facts (one per {chars / m['facts']:.0f} characters), "
                  f"{m['duplicates']} duplicates, "
                  f"{m['skipped']} skipped]", flush=True)
        print(f"speed-up with 2 processes: {elapsed[1] / elapsed[2]:.2f}x "
              f"(machine load average now {os.getloadavg()[0]:.1f}: other work slows the 2-process run)")
        print(f"unchanged re-run (2 processes, cache): {rerun[0]['elapsed']:.2f} s, "
              f"{rerun[0]['cached']} documents from cache", flush=True)
        ceiling, found = regex_ceiling(root)
        print(f"bare regex ceiling (re, amounts only, {found:,} matches): {ceiling:,.0f} chars/s; "
              f"1-process extraction runs at {chars / elapsed[1] / ceiling:.2%} of it")
        if a.profile:
            profile(root / "000", a.top)


if __name__ == "__main__":
    main()
