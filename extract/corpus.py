"""Paths → one facts table, with the files that could not be read."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

import pandas as pd

from .pipeline import extract_text
from .readers import SkipFile, read_path
from .schema import COLUMNS

ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm", ".json", ".jsonl")


@dataclass
class CorpusRun:
    facts: pd.DataFrame                                       # exactly COLUMNS
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    documents: int = 0


def iter_files(paths: Iterable[str | Path]) -> Iterable[Path]:
    for p in map(Path, paths):
        if p.is_dir():
            yield from sorted(f for f in p.rglob("*") if f.suffix.lower() in ARTICLE_SUFFIXES)
        else:
            yield p


def run_corpus(paths: Iterable[str | Path], progress: bool = False) -> CorpusRun:
    rows, skipped, docs = [], [], 0
    for path in iter_files(paths):
        try:
            articles = read_path(path)
        except (SkipFile, OSError) as exc:
            skipped.append((str(path), str(exc)))
            continue
        for art in articles:
            docs += 1
            rows += [f.as_row() for f in extract_text(art.text, doc=art.doc,
                                                        published=art.published, title=art.title)]
    return CorpusRun(pd.DataFrame(rows, columns=list(COLUMNS)), skipped, docs)


def extract_corpus(paths: Iterable[str | Path]) -> pd.DataFrame:
    """Every fact of every readable article under `paths`, one row each."""
    return run_corpus(paths).facts
