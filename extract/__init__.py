"""Chinese economic news → a table of reported figures (facts).

    >>> from extract import extract_text
    >>> [f.value for f in extract_text("2020年，园区完成固定资产投资110亿元。", doc="d")]
    [110.0]
"""
from .schema import CATEGORIES, COLUMNS, STATUSES, Fact
from .pipeline import extract_text
from .corpus import extract_corpus, run_corpus

__all__ = ["CATEGORIES", "COLUMNS", "STATUSES", "Fact", "extract_text", "extract_corpus", "run_corpus"]
