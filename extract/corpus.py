"""Paths → one facts table, with the files that could not be read.

Files are read and extracted in worker processes, a bounded number of batches at a time, so
memory does not grow with the corpus's text. Articles with identical content are extracted once
(all their files are kept in the documents table), and each article's facts are cached by
content hash and extractor version, so an unchanged corpus re-runs from the cache.
"""
from __future__ import annotations

import os
import sys
from collections import deque
from concurrent.futures import FIRST_COMPLETED, Executor, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from operator import attrgetter
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

import pandas as pd
from tqdm import tqdm

from .cache import FactCache, content_key, default_cache_dir, version_of
from .pipeline import extract_text
from .readers import ARTICLE_SUFFIXES, DEFAULT_MAX_BYTES, Article, SkipFile, read_path
from .schema import COLUMNS

DOCUMENT_COLUMNS = ("doc", "title", "published", "files", "n_files", "facts", "key")
FILES_PER_READ = 8             # files per read task: amortises inter-process overhead
CHARS_PER_EXTRACT = 100_000    # most article characters per extraction task (a big dump is cut)
TASKS_PER_WORKER = 6           # in-flight tasks per worker: keeps workers busy, memory bounded
DEFAULT_CACHE = "default"      # cache_dir value meaning default_cache_dir()

_fields = attrgetter(*COLUMNS[1:])  # a Fact's row without its doc, in COLUMNS order
Row = tuple[Any, ...]
SENTENCE = COLUMNS.index("sentence") - 1   # its place in a row without the doc


def _packed(rows: list[Row]) -> dict[str, list]:
    """Rows as cached: each sentence once (an article's figures share a few sentences), rows
    pointing to it; half the size, and half the time to read back."""
    sentences: dict[str, int] = {}
    packed = [[*r[:SENTENCE], sentences.setdefault(r[SENTENCE], len(sentences)), *r[SENTENCE + 1:]] for r in rows]
    return {"sentences": list(sentences), "rows": packed}


def _unpacked(cached: Any) -> list[Row] | None:
    """The rows of a cache entry made by _packed, or None for anything else."""
    try:
        sentences = cached["sentences"]
        return [(*r[:SENTENCE], sentences[r[SENTENCE]], *r[SENTENCE + 1:]) for r in cached["rows"]]
    except (TypeError, KeyError, IndexError):
        return None


@dataclass
class CorpusRun:
    """The outcome of a corpus run: facts, what could not be read, and which files were read."""

    facts: pd.DataFrame                                            # exactly COLUMNS, one row per mention
    skipped: list[tuple[str, str]] = field(default_factory=list)   # (path, reason)
    documents: int = 0                                             # distinct articles extracted
    documents_table: pd.DataFrame = field(                         # DOCUMENT_COLUMNS, one row per document
        default_factory=lambda: pd.DataFrame(columns=list(DOCUMENT_COLUMNS)))
    duplicates: int = 0     # articles identical to an earlier one, read but not extracted again
    cached: int = 0         # documents whose facts came from the cache
    ignored: list[str] = field(default_factory=list)  # files in folders that are not articles

    def summary(self) -> str:
        """One line of counts, then one line per skipped file with its reason."""
        head = f"{self.documents} documents, {len(self.facts)} facts, {len(self.skipped)} skipped"
        if self.duplicates:
            head += f"; {self.duplicates} duplicate articles merged"
        if self.cached:
            head += f"; {self.cached} documents from cache"
        if self.ignored:
            kinds = sorted({Path(p).suffix.lower() or "no extension" for p in self.ignored})
            head += f"; {len(self.ignored)} other files ignored ({', '.join(kinds)})"
        return "\n".join([head] + [f"  skipped {path}: {reason}" for path, reason in self.skipped])


def list_files(paths: Iterable[str | Path]) -> tuple[list[Path], list[tuple[str, str]], list[Path]]:
    """Files to read under `paths` (folders recursively, sorted), unreadable folders with their
    reason, and the folders' other files, which are not articles.

    Hidden files and folders (``.name``, e.g. ``.git``) are not looked into. Files named
    explicitly are always tried, whatever their extension; in folders only article extensions
    are read, and the rest (images, a kept table ...) is counted in the summary as ignored.
    """
    files: dict[Path, None] = {}
    skipped: list[tuple[str, str]] = []
    ignored: list[Path] = []
    for root in map(Path, paths):
        if not root.is_dir():
            files[root] = None
            continue
        for dirpath, dirnames, filenames in os.walk(
                root, onerror=lambda e: skipped.append((e.filename, _os_reason(e)))):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            for name in sorted(n for n in filenames if not n.startswith(".")):
                path = Path(dirpath, name)
                if path.suffix.lower() in ARTICLE_SUFFIXES:
                    files[path] = None
                else:
                    ignored.append(path)
    return list(files), skipped, ignored


def _os_reason(exc: OSError) -> str:
    return "permission denied" if isinstance(exc, PermissionError) else f"unreadable ({exc.strerror})"


def run_corpus(paths: Iterable[str | Path], progress: bool = False, *, workers: int | None = None,
               cache_dir: str | Path | None = DEFAULT_CACHE,
               max_bytes: int = DEFAULT_MAX_BYTES) -> CorpusRun:
    """Read and extract every article under `paths`.

    `workers`: processes (default: one per CPU; 1 runs in this process). `cache_dir`: where
    facts are cached (default: the user's cache folder; None: no cache). `max_bytes`: larger
    files are skipped unread. Nothing raises for a bad file: it lands in `skipped` with its reason.
    """
    files, skipped, ignored = list_files(paths)
    cache = _open_cache(cache_dir)
    workers = workers or os.cpu_count() or 1
    collector = _Collector()
    bar = tqdm(total=len(files), unit="file", disable=None if progress else True, file=sys.stderr)
    with (_Inline() if workers == 1 else ProcessPoolExecutor(workers)) as pool:
        try:
            _drive(pool, workers * TASKS_PER_WORKER, files, max_bytes, cache, collector, bar)
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise
        finally:
            bar.close()
    return collector.result(skipped, ignored)


def extract_corpus(paths: Iterable[str | Path]) -> pd.DataFrame:
    """Every fact of every readable article under `paths`, one row each."""
    return run_corpus(paths).facts


def _open_cache(cache_dir: str | Path | None) -> FactCache | None:
    """The cache for the current extractor, or None when disabled or its folder can't be made."""
    if cache_dir is None:
        return None
    try:
        return FactCache(default_cache_dir() if cache_dir == DEFAULT_CACHE else cache_dir,
                         version_of(extract_text))
    except OSError:
        return None


def _drive(pool: Executor, window: int, files: list[Path], max_bytes: int,
           cache: FactCache | None, collector: _Collector, bar: tqdm) -> None:
    """Keep at most `window` tasks in flight; take read results in file order (so the first of
    identical articles names the document) and extraction results as they come.

    Each read's new articles are submitted for extraction at once: the pool runs tasks in
    order, so holding them back to fill bigger batches would leave workers idle.
    """
    names = list(map(str, files))
    batches = (names[i:i + FILES_PER_READ] for i in range(0, len(names), FILES_PER_READ))
    reads: deque[Future] = deque()
    extracts: set[Future] = set()
    while True:
        while len(reads) + len(extracts) < window and (batch := next(batches, None)) is not None:
            reads.append(pool.submit(_read_batch, batch, max_bytes, cache))
        if reads and reads[0].done():
            todo: list[tuple[int, Article]] = []
            for result in reads.popleft().result():
                bar.update(1)
                todo += collector.add_file(*result)
            for chunk in _chunks(todo, CHARS_PER_EXTRACT):
                extracts.add(pool.submit(_extract_batch, chunk, cache))
            continue
        done = [f for f in extracts if f.done()]
        for fut in done:
            extracts.discard(fut)
            collector.add_facts(fut.result())
        if done:
            continue
        if not reads and not extracts:
            return
        wait(extracts | ({reads[0]} if reads else set()), return_when=FIRST_COMPLETED)


def _chunks(items: list[tuple[int, Article]], max_chars: int) -> Iterator[list[tuple[int, Article]]]:
    """`items` in order, cut into runs of at most `max_chars` characters (or one article)."""
    chunk: list[tuple[int, Article]] = []
    size = 0
    for item in items:
        if chunk and size + len(item[1].text) > max_chars:
            yield chunk
            chunk, size = [], 0
        chunk.append(item)
        size += len(item[1].text)
    if chunk:
        yield chunk


def _read_batch(paths: list[str], max_bytes: int, cache: FactCache | None) -> list[tuple]:
    """Worker: read files; per file (path, reason) or (path, [(article, key, cached rows)], record skips)."""
    out: list[tuple] = []
    for path in paths:
        try:
            articles = read_path(path, max_bytes)
        except SkipFile as exc:
            out.append((path, str(exc)))
            continue
        except Exception as exc:  # a parser bug on one file must not stop the corpus
            out.append((path, f"unreadable ({type(exc).__name__}: {exc})"))
            continue
        entries = []
        for art in articles:
            key = content_key(art.text, art.title, art.published)
            entries.append((art, key, _unpacked(cache.get(key)) if cache else None))
        out.append((path, entries, articles.skipped))
    return out


def _extract_batch(items: list[tuple[int, Article]], cache: FactCache | None) -> list[tuple[int, list[Row] | str]]:
    """Worker: extract articles; per article its rows (cached) or the error that stopped it."""
    out: list[tuple[int, list[Row] | str]] = []
    done: list[tuple[str, list[Row]]] = []
    for ordinal, art in items:
        try:
            rows = [_fields(f) for f in extract_text(art.text, doc=art.doc, published=art.published,
                                                     title=art.title)]
        except Exception as exc:  # a rule bug on one article must not stop the corpus
            out.append((ordinal, f"extraction failed ({type(exc).__name__}: {exc})"))
            continue
        done.append((content_key(art.text, art.title, art.published), rows))
        out.append((ordinal, rows))
    if cache:
        cache.put_many([(key, _packed(rows)) for key, rows in done])
    return out


class _Collector:
    """Parent-side state: one entry per distinct article, in the order first read."""

    def __init__(self) -> None:
        self.by_key: dict[str, int] = {}
        self.docs: list[dict[str, Any]] = []
        self.rows: dict[int, list[Row]] = {}
        self.skipped: list[tuple[str, str]] = []
        self.duplicates = self.cached = 0

    def add_file(self, path: str, entries: list | str, record_skips: list = ()) -> list[tuple[int, Article]]:
        """Record one file's read result; return the new articles that still need extracting."""
        if isinstance(entries, str):
            self.skipped.append((path, entries))
            return []
        self.skipped.extend(record_skips)
        todo = []
        for art, key, rows in entries:
            if key in self.by_key:
                self.docs[self.by_key[key]]["files"].append(path)
                self.duplicates += 1
                continue
            ordinal = self.by_key[key] = len(self.docs)
            self.docs.append({"doc": art.doc, "title": art.title, "published": art.published,
                              "files": [path], "key": key})
            if rows is None:
                todo.append((ordinal, art))
            else:
                self.rows[ordinal] = rows
                self.cached += 1
        return todo

    def add_facts(self, results: list[tuple[int, list[Row] | str]]) -> None:
        for ordinal, rows in results:
            if isinstance(rows, str):
                self.skipped.append((self.docs[ordinal]["files"][0], rows))
            else:
                self.rows[ordinal] = rows

    def result(self, listing_skips: list[tuple[str, str]], ignored: list[Path]) -> CorpusRun:
        """Assemble the run: facts in document order, documents table, skips sorted by path."""
        kept = [(i, d) for i, d in enumerate(self.docs) if i in self.rows]
        facts = pd.DataFrame.from_records(
            [(d["doc"], *row) for i, d in kept for row in self.rows[i]], columns=list(COLUMNS))
        table = pd.DataFrame(
            [(d["doc"], d["title"], d["published"], tuple(d["files"]), len(d["files"]),
              len(self.rows[i]), d["key"]) for i, d in kept], columns=list(DOCUMENT_COLUMNS))
        skipped = sorted(listing_skips + self.skipped)
        return CorpusRun(facts, skipped, len(kept), table, self.duplicates, self.cached,
                         [str(p) for p in ignored])


class _Inline(Executor):
    """An executor that runs each task at once in this process: `workers=1` without a pool."""

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future:
        fut: Future = Future()
        try:
            fut.set_result(fn(*args, **kwargs))
        except BaseException as exc:
            fut.set_exception(exc)
        return fut
