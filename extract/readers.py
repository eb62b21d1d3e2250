"""Files → articles: formats, encodings and the reasons a file is skipped.

Formats, chosen by the file's extension:

* ``.txt`` / ``.md`` (and any other explicitly named file): the decoded text, unchanged,
  so that fact offsets point into the file as read (front matter is left to the extractor).
* ``.html`` / ``.htm``: the text a real HTML parser gives, with ``<script>``, ``<style>``,
  ``<noscript>``, ``<template>`` and ``<head>`` dropped and a line break after each block
  element; the page ``<title>`` becomes the article title and a ``<meta>`` publication date
  (``article:published_time``, ``pubdate``, ``publishdate``, ``date`` ...) its date.
* ``.jsonl`` (one record per line) and ``.json`` (a list of records, an object holding such a
  list, or a single record): one article per record. Field names are matched without regard
  to case; the first non-empty one wins:

  - title: ``title``, ``headline``, ``标题``
  - date: ``date``, ``published``, ``publish_time``, ``pub_date``, ``time``, ``日期``, ``发布时间``
    (ISO dates, ``2020年10月13日``, ``2020/10/13 08:00``, or Unix seconds/milliseconds)
  - content: ``content``, ``text``, ``body``, ``article``, ``正文``, ``内容``
    (HTML content is turned into text as for ``.html`` files)

  The article's doc is the file's stem, ``#`` and the record's ``id``/``_id`` field, or its
  index (from 0) among the records. A record without content is reported, not dropped silently.

Encodings: a BOM (UTF-8, UTF-16, UTF-32) or strict UTF-8 first, then charset-normalizer's
candidates (GB18030/GBK, Big5, BOM-less UTF-16 ...), taking the first that yields text with
Chinese characters and next to no control characters.
"""
from __future__ import annotations

import codecs
import json
import os
import stat
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterable

import charset_normalizer
import regex
from bs4 import BeautifulSoup
from bs4.element import NavigableString, PreformattedString

MB = 1 << 20
DEFAULT_MAX_BYTES = 50 * MB   # larger files are reported, never loaded

HTML_SUFFIXES = (".html", ".htm")
JSON_SUFFIXES = (".json", ".jsonl")
TEXT_SUFFIXES = (".txt", ".md")
ARTICLE_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSON_SUFFIXES

TITLE_FIELDS = ("title", "headline", "标题")
DATE_FIELDS = ("date", "published", "publish_time", "pub_date", "time", "日期", "发布时间")
CONTENT_FIELDS = ("content", "text", "body", "article", "正文", "内容")
ID_FIELDS = ("id", "_id")
RECORD_LIST_FIELDS = ("data", "articles", "items", "records", "results", "news", "list")

MAGIC = (  # leading bytes of formats that get renamed to .txt by mistake
    (b"%PDF", "PDF"), (b"\x89PNG", "PNG"), (b"\xff\xd8\xff", "JPEG"), (b"GIF8", "GIF"),
    (b"PK\x03\x04", "ZIP"), (b"\x1f\x8b", "gzip"), (b"\xd0\xcf\x11\xe0", "OLE/MS Office"),
    (b"\x7fELF", "ELF"), (b"Rar!", "RAR"), (b"7z\xbc\xaf", "7z"),
)
BOMS = (  # longest first: the UTF-32-LE BOM starts with the UTF-16-LE one
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
HTML_DROP = ("script", "style", "noscript", "template", "head")
HTML_BLOCKS = frozenset(
    "address article aside blockquote br dd div dl dt figcaption figure footer form h1 h2 h3 h4 "
    "h5 h6 header hr li main nav ol p pre section table td th tr ul".split())
HTML_META_DATES = ("article:published_time", "og:published_time", "pubdate", "publishdate",
                   "publish_date", "published", "date", "dc.date", "dc.date.issued")

CJK = regex.compile(r"\p{Han}")
CONTROL = regex.compile(r"[^\P{Cc}\t\n\r\f\v]")
LOOKS_HTML = regex.compile(r"<(?:p|div|br|span|section|article|table)\b", regex.I)
DATE = regex.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})(?:\s*[-/.月]\s*(\d{1,2}))?")
SPACES = regex.compile(r"[ \t\r\f\v\xa0]+")
BLANK_LINES = regex.compile(r"\s*\n\s*")


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


class Articles(list):
    """The articles of one file, plus its records that could not be read.

    A dump with one broken record still yields its other records; the broken one is listed in
    `skipped` as (``name#index``, reason) so that it is reported rather than lost.
    """

    def __init__(self, articles: Iterable[Article] = (), skipped: Iterable[tuple[str, str]] = ()):
        super().__init__(articles)
        self.skipped: list[tuple[str, str]] = list(skipped)


def read_path(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Articles:
    """Read one file into its articles (a .jsonl dump holds many), or raise SkipFile.

    The file's kind and size are checked before it is opened, so a huge file is never loaded.
    """
    path = os.fspath(path)
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise SkipFile("broken symlink" if os.path.islink(path) else "no such file") from None
    except PermissionError:
        raise SkipFile("permission denied") from None
    except OSError as exc:
        raise SkipFile(f"unreadable ({exc.strerror or exc})") from None
    if stat.S_ISDIR(st.st_mode):
        raise SkipFile("is a directory")
    if not stat.S_ISREG(st.st_mode):
        raise SkipFile("not a regular file")
    if st.st_size > max_bytes:
        raise SkipFile(f"too large ({_size(st.st_size)} > {_size(max_bytes)} limit)")
    try:
        with open(path, "rb") as fh:
            data = fh.read(max_bytes + 1)
    except PermissionError:
        raise SkipFile("permission denied") from None
    except OSError as exc:
        raise SkipFile(f"unreadable ({exc.strerror or exc})") from None
    if len(data) > max_bytes:  # grew since stat
        raise SkipFile(f"too large (over the {_size(max_bytes)} limit)")
    return read_bytes(path, data)


def _size(n: int) -> str:
    """A byte count for people: ``200.0 MB``, ``2.0 KB``, ``512 bytes``."""
    return f"{n / MB:.1f} MB" if n >= MB else f"{n / 1024:.1f} KB" if n >= 1024 else f"{n} bytes"


def read_bytes(name: str, data: bytes) -> Articles:
    """Decode an uploaded or read file by its name's extension, or raise SkipFile.

    `name` is the path or upload name; its stem becomes the doc and it is the article's source.
    """
    stem, suffix = os.path.splitext(os.path.basename(name))
    suffix = suffix.lower()
    text = decode(data)
    if suffix in HTML_SUFFIXES:
        body, title, published = html_text(text)
        if not body.strip():
            raise SkipFile("no text in HTML")
        return Articles([Article(stem, body, title, published, (name,))])
    if suffix in JSON_SUFFIXES:
        return read_records(name, text, lines=suffix == ".jsonl")
    return Articles([Article(stem, text, None, None, (name,))])


# charset-normalizer's chaos thresholds, tried in turn: one chunk of a short GB18030 article can
# look noisy enough at the default (0.2) for the whole file to be given up, at 0.026 overall.
LOOSENING = (0.2, 0.5)


def decode(data: bytes) -> str:
    """Bytes → text: BOM or strict UTF-8 first, else charset-normalizer's first plausible guess."""
    if not data.strip():
        raise SkipFile("empty file")
    for magic, kind in MAGIC:
        if data.startswith(magic):
            raise SkipFile(f"binary file ({kind})")
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except ValueError:
                raise SkipFile(f"undecodable (invalid {encoding} after its BOM)") from None
            return _text_or_skip(text)
    if b"\x00" not in data:
        try:
            return _text_or_skip(data.decode("utf-8"))
        except UnicodeDecodeError:
            pass
    for threshold in LOOSENING:
        for match in charset_normalizer.from_bytes(data, threshold=threshold):
            text = str(match)
            if _plausible(text) and CJK.search(text, endpos=20_000):
                return text
    raise SkipFile("binary file" if b"\x00" in data[:8192] else "undecodable (no text encoding fits)")


def _text_or_skip(text: str) -> str:
    """Text decoded by a sure encoding (BOM, valid UTF-8), unless blank or full of controls."""
    if not text.strip():
        raise SkipFile("empty file")
    if not _plausible(text):
        raise SkipFile("binary file (control characters)")
    return text


def _plausible(text: str) -> bool:
    """Non-blank and next to no control characters: what a decoded article looks like."""
    sample = text[:20_000]  # binary shows at once; counting further only costs time
    return bool(sample.strip()) and len(CONTROL.findall(sample)) <= max(2, len(sample) // 200)


def html_text(html: str) -> tuple[str, str | None, str | None]:
    """HTML → (body text, page title, publication date) through BeautifulSoup's html.parser."""
    soup = BeautifulSoup(html, "html.parser")
    title = soup.title.get_text(" ", strip=True) if soup.title else None
    published = None
    for meta in soup.find_all("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if key in HTML_META_DATES and (published := iso_date(meta.get("content"))):
            break
    for tag in soup.find_all(HTML_DROP):
        tag.decompose()
    parts: list[str] = []
    for node in soup.descendants:
        if isinstance(node, NavigableString):
            if not isinstance(node, PreformattedString):  # comments, doctype, CDATA
                parts.append(SPACES.sub(" ", node.replace("\n", " ")))
        elif node.name in HTML_BLOCKS:
            parts.append("\n")
    text = BLANK_LINES.sub("\n", "".join(parts)).strip()
    return text + "\n" if text else "", title or None, published


def iso_date(value: Any) -> str | None:
    """A date as ``YYYY-MM-DD`` (or ``YYYY-MM``) from a string or a Unix timestamp; else None."""
    if isinstance(value, (int, float)) and not isinstance(value, bool) and value > 1e8:
        seconds = value / 1000 if value > 1e11 else value
        try:
            return datetime.fromtimestamp(seconds, tz=timezone.utc).strftime("%Y-%m-%d")
        except (OverflowError, OSError, ValueError):  # beyond the calendar
            return None
    if isinstance(value, str) and value.strip().isdigit():
        return iso_date(int(value.strip()))
    m = DATE.search(value) if isinstance(value, str) else None
    if not m or not 1 <= int(m[2]) <= 12:
        return None
    return f"{m[1]}-{int(m[2]):02d}" + (f"-{int(m[3]):02d}" if m[3] and 1 <= int(m[3]) <= 31 else "")


def read_records(name: str, text: str, lines: bool) -> Articles:
    """A JSON or JSON-lines dump → one article per record with content; bad records listed."""
    stem = os.path.splitext(os.path.basename(name))[0]
    out = Articles()
    if lines:
        records: list[Any] = []
        for lineno, line in enumerate(text.splitlines(), 1):
            if line.strip():
                try:
                    records.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    records.append(SkipFile(f"invalid JSON on line {lineno} ({exc.msg})"))
    else:
        try:
            records = _record_list(json.loads(text))
        except json.JSONDecodeError as exc:
            raise SkipFile(f"invalid JSON (line {exc.lineno}: {exc.msg})") from None
    for index, record in enumerate(records):
        try:
            out.append(_record_article(record, stem, index, name))
        except SkipFile as exc:
            out.skipped.append((f"{name}#{index}", str(exc)))
    if not out:
        raise SkipFile("no articles in JSON" if not out.skipped else
                       f"no readable record ({out.skipped[0][1]}"
                       + (f", and {len(out.skipped) - 1} more)" if len(out.skipped) > 1 else ")"))
    return out


def _record_list(data: Any) -> list[Any]:
    """The records of a parsed .json file: a list, a list under a usual key, or one record."""
    if isinstance(data, dict):
        for key in RECORD_LIST_FIELDS:
            if isinstance(data.get(key), list):
                return data[key]
        return [data]
    return data if isinstance(data, list) else [data]


def _record_article(record: Any, stem: str, index: int, name: str) -> Article:
    """One dump record → an Article, or SkipFile saying what it lacks."""
    if isinstance(record, SkipFile):
        raise record
    if not isinstance(record, dict):
        raise SkipFile(f"record is not an object ({type(record).__name__})")
    fields = {str(k).lower(): v for k, v in record.items()}

    def first(names: tuple[str, ...]) -> Any:
        return next((fields[n] for n in names if fields.get(n) not in (None, "")), None)

    content = first(CONTENT_FIELDS)
    if not isinstance(content, str) or not content.strip():
        raise SkipFile("no content field (" + ", ".join(CONTENT_FIELDS) + ")")
    title = first(TITLE_FIELDS)
    title = str(title).strip() if title is not None else None
    published = iso_date(first(DATE_FIELDS))
    if LOOKS_HTML.search(content):
        content, html_title, html_date = html_text(content)
        title, published = title or html_title, published or html_date
    key = first(ID_FIELDS)
    doc = f"{stem}#{key if key is not None else index}"
    return Article(doc, content, title or None, published, (name,))
