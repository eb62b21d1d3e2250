"""Per-document fact cache, keyed by content hash and extractor version.

Re-running on an unchanged corpus reads each article's facts from one small JSON file instead of
extracting them again. The version is a digest of the extraction rules' own files (every file in
``extract/`` and ``extract/vocab/`` except the I/O modules below), so editing a rule or a
vocabulary table invalidates the cache without anyone bumping a number.
"""
from __future__ import annotations

import json
import os
import shutil
import tempfile
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
    """One JSON file of fact rows per content key, under a directory per extractor version.

    Rows are stored without the doc name, so an article renamed or republished under another
    name reuses them. Picklable, so worker processes can read and write it too.
    """

    def __init__(self, root: str | Path, version: str) -> None:
        self.root = Path(root)
        self.dir = self.root / f"v-{version}"
        self.dir.mkdir(parents=True, exist_ok=True)
        os.utime(self.dir)
        self._prune_stale()

    def get(self, key: str) -> list[list[Any]] | None:
        """The cached rows for `key`, or None when absent or unreadable."""
        try:
            with open(self.dir / f"{key}.json", encoding="utf-8") as fh:
                return json.load(fh)
        except (OSError, ValueError):
            return None

    def put(self, key: str, rows: list[tuple[Any, ...]]) -> None:
        """Store `rows` atomically (concurrent writers of one key write the same rows).

        A failed write is ignored: the cache only saves time, and the entry is redone next run.
        """
        try:
            fd, tmp = tempfile.mkstemp(dir=self.dir, suffix=".tmp")
        except OSError:
            return
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:  # dumps: the C encoder; dump is pure Python
                fh.write(json.dumps(rows, ensure_ascii=False, separators=(",", ":")))
            os.replace(tmp, self.dir / f"{key}.json")
        except (OSError, ValueError, TypeError):  # a lone surrogate, a value JSON cannot hold
            Path(tmp).unlink(missing_ok=True)

    def _prune_stale(self) -> None:
        """Remove version directories not used for STALE_AFTER_S, so old rules' entries don't pile up."""
        cutoff = time.time() - STALE_AFTER_S
        for d in self.root.glob("v-*"):
            try:
                if d != self.dir and d.is_dir() and d.stat().st_mtime < cutoff:
                    shutil.rmtree(d, ignore_errors=True)
            except OSError:
                continue
