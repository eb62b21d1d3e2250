"""An article's metadata (title, date) and where its body starts.

Metadata comes from YAML front matter (``---`` … ``---``) or leading ``date:``/``title:`` lines;
else the date is read from the text itself (a timestamp or dateline, then a dated event such as
为迎接党的十九大), and the title is the first short line of the body.

    >>> d = read_document('---\\ndate: "2020-10"\\ntitle: "标题"\\n---\\n正文。')
    >>> d.published, d.title, d.text[d.body_start:]
    ('2020-10', '标题', '正文。')
"""
from __future__ import annotations

from dataclasses import dataclass

import regex

from .normalize import normalize
from .vocabulary import alternation, dating_events

FRONT_MATTER = regex.compile(r"\A\ufeff?\s*---[ \t]*\n(?P<body>.*?)\n---[ \t]*(?:\n|\Z)", regex.S)
META_LINE = regex.compile(r"^[ \t]*(?P<key>date|title|source|published|author)[ \t]*[:：][ \t]*(?P<value>.*?)[ \t]*$",
                          regex.M | regex.I)
LEADING_META = regex.compile(r"\A\ufeff?(?:[ \t]*(?:date|title|source|published|author)[ \t]*[:：].*(?:\n|\Z))+", regex.I)
DATE = regex.compile(r"""
    (?P<y>(?:19|20)\d{2}) \s* (?:[-/.年]\s*(?P<m>\d{1,2}) \s* (?:[-/.月]\s*(?P<d>\d{1,2}) \s* 日?)?)?
""", regex.X)
YEAR_MENTION = regex.compile(r"(?<![到至于\d])(?P<y>(?:19|20)\d{2})\s*年(?!底前|以前)")
PLAN_AFTER = regex.compile(r"[^。！？\n]*?(?:将|力争|计划|目标|预计|确保|争取)")
EVENT = regex.compile(r"(?:迎接|召开前夕|即将召开)[^。\n]{0,20}?(?P<event>" +
                      alternation([p for p, _ in dating_events()]) + ")")


@dataclass(frozen=True)
class Document:
    text: str          # the normalised text, same length as the text given
    body_start: int    # offset where the article text begins, after any metadata
    title: str
    published: str     # ISO date as precise as known (2020, 2020-10, 2020-10-13) or ""
    source: str

    @property
    def year(self) -> int | None:
        return int(self.published[:4]) if self.published else None

    @property
    def month(self) -> int | None:
        return int(self.published[5:7]) if len(self.published) >= 7 else None


def iso_date(value: str) -> str:
    """'2020-10' → '2020-10', '2025年1月20日' → '2025-01-20', 'unknown' → ''."""
    m = DATE.fullmatch(value.strip().strip("'\""))
    if not m:
        return ""
    parts = [m["y"]] + [f"{int(p):02d}" for p in (m["m"], m["d"]) if p]
    if len(parts) > 1 and not 1 <= int(parts[1]) <= 12:
        return parts[0]
    return "-".join(parts)


def _metadata(text: str) -> tuple[dict[str, str], int]:
    """Metadata fields and the offset just past them."""
    m = FRONT_MATTER.match(text) or LEADING_META.match(text)
    if not m:
        return {}, 1 if text.startswith("\ufeff") else 0
    block = m["body"] if "body" in m.groupdict() and m.groupdict()["body"] is not None else m[0]
    fields = {k.group("key").lower(): k.group("value").strip().strip("'\"") for k in META_LINE.finditer(block)}
    return fields, m.end()


def _date_from_text(body: str) -> str:
    """The first full date in the opening lines (a timestamp or dateline), else a dated event."""
    head = body[:400]
    for m in DATE.finditer(head):
        if m["d"]:
            return iso_date(m[0])
    m = EVENT.search(body)
    if m:
        return str(dict(dating_events())[m["event"]])
    # News reports its latest year; a plan's year (到2025年, 2024年将力争…) is still to come.
    years = [int(y["y"]) for y in YEAR_MENTION.finditer(body) if not PLAN_AFTER.match(body, y.end())]
    return str(max(years)) if years else ""


def _first_line(body: str) -> str:
    for line in body.splitlines():
        line = line.strip()
        if line:
            return line if len(line) <= 60 else ""
    return ""


def read_document(text: str, title: str | None = None, published: str | None = None) -> Document:
    """Split metadata from body; explicit `title`/`published` (from a container) win."""
    norm = normalize(text)
    fields, body_start = _metadata(norm)
    body = norm[body_start:]
    date = iso_date(published) if published else iso_date(fields.get("date") or fields.get("published") or "")
    if not date:
        date = _date_from_text(body)
    return Document(
        text=norm, body_start=body_start,
        title=(title if title is not None else fields.get("title")) or _first_line(body),
        published=date, source=fields.get("source", ""),
    )
