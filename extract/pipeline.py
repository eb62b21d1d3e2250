"""text → facts (placeholder while the rules are written)."""
from __future__ import annotations

from .schema import Fact


def extract_text(text: str, doc: str = "", published: str | None = None,
                 title: str | None = None) -> list[Fact]:
    return []
