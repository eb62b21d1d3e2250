"""text → facts: the document's metadata, its entities, then the figures of each sentence.

    >>> [(f.indicator, f.value, f.unit, f.growth_pct, f.status, f.year)
    ...  for f in extract_text("2020年，园区预计工业应税销售149亿元，同比增长11%。", published="2020-12")]
    [('工业应税销售', 149.0, '亿元', 11.0, 'expected', 2020)]
"""
from __future__ import annotations

from .document import read_document
from .entities import Entities
from .facts import as_fact, read_figures
from .schema import Fact


def extract_text(text: str, doc: str = "", published: str | None = None,
                 title: str | None = None) -> list[Fact]:
    """Every reported figure of one article; offsets point into `text` as given."""
    document = read_document(text, title=title, published=published)
    entities = Entities(document.text, document.body_start, document.title)
    return [as_fact(fig, doc, document.title, document.published, text[fig.sentence[0]:fig.sentence[1]].strip())
            for fig in read_figures(document, entities)]
