"""Full-width forms → ASCII, one character for one, so offsets into the text stay valid.

    >>> normalize("增长１２.５％，（二期）")
    '增长12.5%,(二期)'
"""
from __future__ import annotations

_TABLE = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}   # ！..～ → !..~
_TABLE[0x3000] = 0x20          # ideographic space
_TABLE[0xFE50] = ord(",")      # small comma
_TABLE[0x2014] = 0x2014        # — stays: a dash, read by the rules as a range or a name joiner


def normalize(text: str) -> str:
    """Same length as `text`; only character forms change."""
    return text.translate(_TABLE)
