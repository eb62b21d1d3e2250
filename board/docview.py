"""An article as HTML with every extracted figure highlighted and its indicator on hover.

Article text and indicator names come from outside and are untrusted: every piece of them is
passed through :func:`html.escape` before it becomes part of the markup, so ``<script>`` in an
article is shown as text.
"""
from __future__ import annotations

from dataclasses import dataclass
from html import escape

import pandas as pd

MARK_STYLE = {
    "actual": "background:#fde68a;",
    "expected": "background:#bfdbfe;border-bottom:2px dashed #1d4ed8;",
    "target": "background:#ddd6fe;border-bottom:2px dotted #6d28d9;",
}


@dataclass(frozen=True)
class Mark:
    """A highlighted figure: text[start:end], with the tooltip shown on hover."""

    start: int
    end: int
    tooltip: str
    status: str = "actual"


def marks_for(facts: pd.DataFrame) -> list[Mark]:
    """One mark per fact of a document, its tooltip naming indicator, value and period."""
    return [Mark(int(s), int(e), f"{ind}：{v:g} {u}（{p or ('' if pd.isna(y) else y)}，{st}）", st)
            for s, e, ind, v, u, p, y, st in zip(
                facts["start"], facts["end"], facts["indicator"], facts["value"],
                facts["unit"], facts["period"], facts["year"], facts["status"])
            if pd.notna(s) and pd.notna(e)]


def highlight(text: str, marks: list[Mark]) -> str:
    """Escaped `text` with each valid, non-overlapping mark wrapped in ``<mark title=…>``.
    Marks outside the text or overlapping an earlier one are left out rather than guessed."""
    parts, pos = [], 0
    for m in sorted(marks, key=lambda m: (m.start, -m.end)):
        if m.start < pos or not 0 <= m.start < m.end <= len(text):
            continue
        style = MARK_STYLE.get(m.status, MARK_STYLE["actual"])
        parts += [escape(text[pos:m.start]),
                  f'<mark title="{escape(m.tooltip, quote=True)}" style="{style}">'
                  f"{escape(text[m.start:m.end])}</mark>"]
        pos = m.end
    parts.append(escape(text[pos:]))
    return ('<div class="docview" style="white-space:pre-wrap;line-height:1.9;'
            'font-family:\'Noto Sans CJK SC\',sans-serif;">' + "".join(parts) + "</div>")
