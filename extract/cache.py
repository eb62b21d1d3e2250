"""Per-document fact cache, keyed by content hash and extractor version.

Re-running on an unchanged corpus reads each article's facts from an SQLite table instead of
extracting them again. The version is a digest of the extraction rules' own files (every file in
``extract/`` and ``extract/vocab/`` except the I/O modules below), so editing a rule or a
vocabulary table invalidates the cache without anyone bumping a number.
"""
from __future__ import annotations

import json
import os
import sqlite3
import time
from hashlib import blake2b
from pathlib import Path
from typing import Any, Callable

PACKAGE = Path(__file__).parent
NOT_RULES = frozenset({"__main__.py", "cache.py", "corpus.py", "merge.py", "readers.py"})
STALE_AFTER_S = 14 * 24 * 3600  # version directories unused this long are removed


def _rules_digest() -> str:
    """Digest of the files that decide what the extractor outputs for a given text."""
    h = blake2b(digest_size=8)
    for f in sorted(PACKAGE.rglob("*")):
        if f.is_file() and f.name not in NOT_RULES and "__pycache__" not in f.parts:
            h.update(f.relative_to(PACKAGE).as_posix().encode() + b"\0" + f.read_bytes() + b"\0")
    return h.hexdigest()


EXTRACTOR_VERSION = _rules_digest()


def default_cache_dir() -> Path:
    """The user's cache folder: shared by every corpus (keys are content hashes), never inside
    a data folder that may be read-only or under version control."""
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "regional-indicators" / "facts"


def content_key(text: str, title: str | None, published: str | None) -> str:
    """Hash of everything the extractor is given about an article except its name."""
    h = blake2b(digest_size=16)
    for part in (text, title or "", published or ""):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\0\1")
    return h.hexdigest()


def version_of(extract_fn: Callable[..., Any]) -> str:
    """Cache version for an extraction function: the rules' digest plus the function's name,
    so a stand-in (a test double, another extractor) never reads or writes the real entries."""
    name = f"{getattr(extract_fn, '__module__', '')}.{getattr(extract_fn, '__qualname__', repr(extract_fn))}"
    return f"{EXTRACTOR_VERSION}-{blake2b(name.encode(), digest_size=4).hexdigest()}"


class FactCache:
    """One SQLite file per extractor version; per content key, its facts as UTF-8 JSON.

    Rows are stored without the doc name, so an article renamed or republished under another
    name reuses them. A worker writes a whole batch in one transaction (a file per article cost
    more than a tenth of the extraction time). Picklable: each process opens its own connection.
    """

    def __init__(self, root: str | Path, version: str) -> None:
        self.root = Path(root)
        self.path = self.root / f"v-{version}.sqlite3"
        self.root.mkdir(parents=True, exist_ok=True)
        self._db: sqlite3.Connection | None = None
        self._connect()
        os.utime(self.path)
        self._prune_stale()

    def __getstate__(self) -> dict[str, Any]:
        return {**self.__dict__, "_db": None}

    def _connect(self) -> sqlite3.Connection:
        """This process's connection; raises OSError when the file cannot be opened or made."""
        if self._db is None:
            try:
                db = sqlite3.connect(self.path, timeout=60, isolation_level=None)
                db.execute("PRAGMA journal_mode=WAL")        # readers never wait for a writer
                db.execute("PRAGMA synchronous=NORMAL")      # no sync per batch: a lost entry is only redone
                db.execute("CREATE TABLE IF NOT EXISTS facts (key TEXT PRIMARY KEY, rows BLOB NOT NULL)")
            except sqlite3.Error as exc:
                raise OSError(f"cache {self.path}: {exc}") from exc
            self._db = db
        return self._db

    def get(self, key: str) -> Any:
        """What was stored for `key` (JSON), or None when absent or unreadable."""
        try:
            found = self._connect().execute("SELECT rows FROM facts WHERE key = ?", (key,)).fetchone()
            return json.loads(found[0]) if found else None
        except (OSError, sqlite3.Error, ValueError):
            return None

    def put_many(self, entries: list[tuple[str, Any]]) -> None:
        """Store each (key, value) in one transaction (concurrent writers of one key write the same value).

        A failed write is ignored: the cache only saves time, and the entry is redone next run.
        """
        encoded = []
        for key, rows in entries:
            try:
                encoded.append((key, json.dumps(rows, ensure_ascii=False, separators=(",", ":")).encode("utf-8")))
            except (ValueError, TypeError):       # a value JSON cannot hold, a lone surrogate: redone next run
                continue
        try:
            with self._connect() as db:
                db.execute("BEGIN")
                db.executemany("INSERT OR REPLACE INTO facts VALUES (?, ?)", encoded)
        except (OSError, sqlite3.Error):        # a full disk, a read-only folder
            return

    def _prune_stale(self) -> None:
        """Remove other versions' files not used for STALE_AFTER_S, so old rules' entries don't pile up."""
        cutoff = time.time() - STALE_AFTER_S
        for f in self.root.glob("v-*.sqlite3"):
            try:
                if f != self.path and f.stat().st_mtime < cutoff:
                    for part in (f, f.with_name(f.name + "-wal"), f.with_name(f.name + "-shm")):
                        part.unlink(missing_ok=True)
            except OSError:
                continue
