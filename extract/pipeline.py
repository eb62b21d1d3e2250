"""text → facts: the document's metadata, its entities, then the figures of each sentence.

    >>> [(f.indicator, f.value, f.unit, f.growth_pct, f.status, f.year)
    ...  for f in extract_text("2020年，园区预计工业应税销售149亿元，同比增长11%。", published="2020-12")]
    [('工业应税销售', 149.0, '亿元', 11.0, 'expected', 2020)]
"""
from __future__ import annotations

from .document import read_document
from .entities import Entities
from .facts import as_row_values, read_figures
from .schema import Fact


def _sentence(text: str, start: int, end: int) -> str:
    lo = max(text.rfind(c, 0, start) for c in "。！？!?\n") + 1
    his = [i for i in (text.find(c, end) for c in "。！？!?\n") if i >= 0]
    hi = min(his) + 1 if his else len(text)
    return text[lo:hi].strip()


def extract_text(text: str, doc: str = "", published: str | None = None,
                 title: str | None = None) -> list[Fact]:
    """Every reported figure of one article; offsets point into `text` as given."""
    document = read_document(text, title=title, published=published)
    entities = Entities(document.text, document.body_start, document.title)
    facts = []
    for fig in read_figures(document, entities):
        row = as_row_values(fig)
        facts.append(Fact(doc=doc, title=document.title, published=document.published,
                          sentence=_sentence(text, row["start"], row["end"]), **row))
    return facts
