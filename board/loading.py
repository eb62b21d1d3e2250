"""Where the dashboard's facts come from: a folder of articles, extracted once and kept as parquet.

The extracted table of a folder ``DIR`` lives in ``DIR/cache/facts.parquet`` (for the bundled
corpus: ``data/cache/facts.parquet``, which git ignores). It is rebuilt when it is missing or older
than any file or folder under ``DIR`` or any source file of the extractor, so that editing an
article or the extraction rules shows up on the next page load without a manual step.

A prepared table, written with :func:`save_table` rather than by the extractor, does not depend on
the extractor's sources and is used as is while it is newer than the articles: tests and
benchmarks put one next to their articles to show known facts.
"""
from __future__ import annotations

import argparse
import json
import os
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

import extract
from extract import COLUMNS, extract_text, run_corpus
from extract.readers import Article, SkipFile, read_bytes, read_path

DEFAULT_DATA = Path(__file__).resolve().parent.parent / "data"
DATA_ENV = "INDICATOR_DATA"
CACHE_DIR = "cache"
TABLE_NAME = "facts.parquet"
META_KEY = b"indicator_corpus"
EXTRACTOR_DIR = Path(extract.__file__).resolve().parent

TEXT_COLUMNS = ("doc", "title", "published", "entity", "indicator", "category", "period", "unit",
                "base_unit", "status", "sentence")
FLOAT_COLUMNS = ("value", "value_base", "growth_pct")
INT_COLUMNS = ("year", "start", "end")


@dataclass(frozen=True)
class Corpus:
    """The facts of one folder, with what the page reports about how it was read."""

    facts: pd.DataFrame
    documents: int
    skipped: tuple[tuple[str, str], ...] = ()
    cache_error: str | None = None  # why the table could not be written, if it could not


@dataclass(frozen=True)
class Upload:
    """One uploaded file: its articles and facts, or the reason it could not be read."""

    name: str
    articles: tuple[Article, ...]
    facts: pd.DataFrame
    error: str | None = None


def resolve_data_dir(argv: Sequence[str], environ: Mapping[str, str]) -> Path:
    """The articles folder: ``--data DIR`` after ``streamlit run dashboard.py --``, else
    ``$INDICATOR_DATA``, else the bundled ``data/``. Unknown arguments are ignored because the
    script also runs under test runners with their own command lines."""
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--data")
    given = parser.parse_known_args(list(argv))[0].data or environ.get(DATA_ENV)
    return Path(given).expanduser().resolve() if given else DEFAULT_DATA


def table_path(data_dir: Path) -> Path:
    """Where the extracted table of `data_dir` is kept."""
    return data_dir / CACHE_DIR / TABLE_NAME


def _input_paths(data_dir: Path, extractor: bool) -> Iterator[Path]:
    """Every file and folder under `data_dir` except the cache, and the extractor's sources."""
    cache = data_dir / CACHE_DIR
    yield data_dir
    for root, dirs, files in os.walk(data_dir):
        dirs[:] = [d for d in dirs if Path(root, d) != cache and not d.startswith(".")]
        yield from (Path(root, d) for d in dirs)
        yield from (Path(root, f) for f in files if not f.startswith("."))
    for root, dirs, files in os.walk(EXTRACTOR_DIR) if extractor else ():
        dirs[:] = [d for d in dirs if d != "__pycache__"]
        yield from (Path(root, f) for f in files)


def input_stamp(data_dir: Path, extractor: bool = True) -> int:
    """Newest modification time (ns) among the inputs of the table; a cache key for the page."""
    return max((p.stat().st_mtime_ns for p in _input_paths(data_dir, extractor) if p.exists()),
               default=0)


def _meta(path: Path) -> dict:
    return json.loads((pq.read_schema(path).metadata or {}).get(META_KEY, b"{}"))


def is_fresh(data_dir: Path) -> bool:
    """Whether the kept table is at least as new as every article, and, when the extractor
    made it, as the extractor."""
    table = table_path(data_dir)
    if not table.exists():
        return False
    extracted = _meta(table).get("extracted", True)
    return table.stat().st_mtime_ns >= input_stamp(data_dir, extractor=extracted)


def normalise(facts: pd.DataFrame) -> pd.DataFrame:
    """Exactly the contract's columns with stable dtypes, whatever produced the table."""
    df = facts.reindex(columns=list(COLUMNS)).reset_index(drop=True)
    for col in TEXT_COLUMNS:  # a table this module wrote is already right: skip the copies
        if not (pd.api.types.is_string_dtype(df[col]) and df[col].notna().all()):
            df[col] = df[col].astype(object).fillna("").astype(str)
    for col in FLOAT_COLUMNS:
        if df[col].dtype != "float64":
            df[col] = pd.to_numeric(df[col], errors="coerce").astype("float64")
    for col in INT_COLUMNS:
        if df[col].dtype != "Int64":
            df[col] = pd.to_numeric(df[col], errors="coerce").round().astype("Int64")
    if df["approx"].dtype != bool:
        df["approx"] = df["approx"].astype(object).fillna(False).astype(bool)
    return df


def save_table(path: Path, facts: pd.DataFrame, documents: int,
               skipped: Sequence[tuple[str, str]] = (), extracted: bool = False) -> None:
    """Write the table with its corpus counts in the parquet metadata, atomically, so that a
    concurrent page load never reads half a file. `extracted` marks a table the extractor made."""
    table = pa.Table.from_pandas(normalise(facts), preserve_index=False)
    meta = json.dumps({"documents": documents, "skipped": [list(s) for s in skipped],
                       "extracted": extracted})
    table = table.replace_schema_metadata({**(table.schema.metadata or {}),
                                           META_KEY: meta.encode()})
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    pq.write_table(table, tmp)
    os.replace(tmp, path)


def read_table(path: Path) -> Corpus:
    """A kept table; without metadata the document count is that of documents with facts."""
    facts = normalise(pq.read_table(path).to_pandas())
    meta = _meta(path)
    return Corpus(facts, int(meta.get("documents", facts["doc"].nunique())),
                  tuple(tuple(s) for s in meta.get("skipped", ())))


def build_table(data_dir: Path) -> Corpus:
    """Extract every article under `data_dir` and keep the table; a folder that cannot be
    written to still gives its facts, with the reason the table was not kept."""
    run = run_corpus([data_dir])
    skipped = tuple((str(p), str(r)) for p, r in run.skipped)
    try:
        save_table(table_path(data_dir), run.facts, run.documents, skipped, extracted=True)
    except OSError as exc:
        return Corpus(normalise(run.facts), run.documents, skipped, cache_error=str(exc))
    return Corpus(normalise(run.facts), run.documents, skipped)


def load_corpus(data_dir: Path) -> Corpus:
    """The facts of `data_dir`, extracting only when the kept table is missing or stale."""
    return read_table(table_path(data_dir)) if is_fresh(data_dir) else build_table(data_dir)


def find_article(data_dir: Path, doc: str) -> Article | None:
    """Re-read the article `doc` from its file (named after it; dumps hold several)."""
    cache = data_dir / CACHE_DIR
    candidates = sorted((p for p in data_dir.rglob("*")
                         if p.is_file() and cache not in p.parents and doc.startswith(p.stem)),
                        key=lambda p: -len(p.stem))
    for path in candidates:
        try:
            found = [a for a in read_path(path) if a.doc == doc]
        except (SkipFile, OSError):
            continue
        if found:
            return found[0]
    return None


def read_upload(name: str, data: bytes) -> Upload:
    """Read and extract one uploaded file. Any failure is reported for this file only, so that
    one unreadable upload never hides the others."""
    try:
        articles = tuple(read_bytes(name, data))
        rows = [fact.as_row() for art in articles
                for fact in extract_text(art.text, doc=art.doc, published=art.published,
                                         title=art.title)]
    except Exception as exc:  # noqa: BLE001 - the reader and extractor are outside our control
        reason = str(exc) if isinstance(exc, SkipFile) else f"{type(exc).__name__}: {exc}"
        return Upload(name, (), normalise(pd.DataFrame(columns=list(COLUMNS))), reason)
    return Upload(name, articles, normalise(pd.DataFrame(rows, columns=list(COLUMNS))))
