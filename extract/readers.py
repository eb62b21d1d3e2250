"""Files → articles: formats, encodings and the reasons a file is skipped."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Article:
    """One article's text as read, with whatever metadata its container gave."""

    doc: str                      # file name without extension (plus a record key for dumps)
    text: str                     # decoded text; fact offsets point into this string
    title: str | None = None      # from <title> or a JSON field; None: let the extractor find it
    published: str | None = None  # ISO date from the container, if any
    sources: tuple[str, ...] = field(default_factory=tuple)  # file paths it was read from


class SkipFile(Exception):
    """A file that cannot be read as an article; the message is the reason shown to users."""


def read_path(path: Path) -> list[Article]:
    """Read one file into its articles (a .jsonl dump holds many), or raise SkipFile."""
    data = Path(path).read_bytes()
    return read_bytes(Path(path).name, data)


def read_bytes(name: str, data: bytes) -> list[Article]:
    """Decode an uploaded or read file by its name's extension."""
    if not data.strip():
        raise SkipFile("empty file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SkipFile(f"not UTF-8 text ({exc.reason})") from None
    return [Article(doc=Path(name).stem, text=text, sources=(name,))]
