"""Full-width forms → ASCII, one character for one, so offsets into the text stay valid.

    >>> normalize("增长１２.５％，（二期）")
    '增长12.5%,(二期)'
"""
from __future__ import annotations

_MAP = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}   # ！..～ → !..~
_MAP[0x3000] = 0x20          # ideographic space
_MAP[0xFE50] = ord(",")      # small comma
# A table indexed by code point translates twice as fast as a dict; characters outside the
# Basic Multilingual Plane fall off its end and are left as they are.
_TABLE = [chr(_MAP.get(cp, cp)) for cp in range(0x10000)]


def normalize(text: str) -> str:
    """Same length as `text`; only character forms change."""
    return text.translate(_TABLE)
