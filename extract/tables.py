"""Tables laid out as text: a unit line, a header of column labels, then rows of a name and bare
numbers, the columns apart by tabs or runs of spaces (statistics releases, company reports). A
header whose labels carry their units (区县　地区生产总值（亿元）　增速（%）) needs no unit line.

    单位：亿元
    指标名称	1-10月累计	同比增长%
    固定资产投资	812.5	3.6

Numbers in a table carry no unit of their own, so the amount scan does not see them: each row
gives one cell per value column, with the unit of the unit line (or of the row's name: 基本每股
收益（元/股）) and the change in the growth column right after it.

    >>> [(c.name, c.value, c.unit, c.label, c.growth) for c in find_table_cells(
    ...     "单位：亿元\\n指标名称\\t1-10月累计\\t同比增长%\\n固定资产投资\\t812.5\\t3.6\\n")]
    [('固定资产投资', 812.5, '亿元', '1-10月累计', 3.6)]
"""
from __future__ import annotations

from dataclasses import dataclass

import regex

from .amounts import split_unit

UNIT_LINE = regex.compile(r"^[ \t]*[(]?单位[:：]\s*(?P<unit>[^\s,，;；、()]+)", regex.M)
# A cell: words apart by one space beside a Latin word (Q1 2024, Net profit); Chinese writes no
# spaces inside words and numbers are cells of their own, so any other space parts cells
# (县(市、区)　完成投资, 186.0 165.8).
CELLS = regex.compile(r"[^\t ]+(?:(?:(?<=[A-Za-z]) (?=[A-Za-z\d])|(?<=[A-Za-z\d]) (?=[A-Za-z]))[^\t ]+)*")
NUMBER = regex.compile(r"-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?P<pct>%)?")   # 89.1% has its own unit
GROWTH_LABEL = regex.compile(r"增长|增减|增速|幅度|同比|±|%")
ROW_LEAD = regex.compile(r"^(?:其中[:：]?|#)\s*")       # 其中：工业投资 is a row named 工业投资
YEAR = regex.compile(r"(?:19|20)\d{2}")                  # a column of a year: 2023年
UNIT_IN_NAME = regex.compile(r"[(](?P<unit>[^()]{1,6})[)]$")   # 基本每股收益(元/股)
# A header of column labels that carry their units, no digits (区县　地区生产总值（亿元）　增速（%）).
LABELLED_HEADER = regex.compile(r"^[^\n\d(]*\([^()\n]{1,6}\)[^\n\d]*$", regex.M)
UNIT_IN_LABEL = regex.compile(r"\(([^()]{1,6})\)")
MAX_ROWS = 60                                            # a table ends by then if no blank line came


@dataclass(slots=True)
class TableCell:
    """One number of a table, its row's name, its column's label, and the change beside it."""

    start: int
    end: int
    value: float
    unit: str
    name: str
    label: str
    growth: float | None
    row: tuple[int, int]     # the row's line, the evidence
    parent: str = ""         # the row above a 其中 row: 营业收入 for 其中：信息传输…服务业
    header: tuple[int, int] = (0, 0)   # the line of column labels (上年度末 there dates no sentence)


def _cells(line: str, offset: int) -> list[tuple[int, int, str]]:
    """(start, end, text) of each cell of a line; one space joins words, two or a tab part cells."""
    return [(m.start() + offset, m.end() + offset, m[0]) for m in CELLS.finditer(line.replace("\u3000", "  "))]


def find_table_cells(text: str, start: int = 0) -> list[TableCell]:
    """The numbers of every table in text[start:] that follows a unit line, or whose header gives
    each column its unit (区县　地区生产总值(亿元)　增速(%))."""
    out: list[TableCell] = []
    for unit_line in UNIT_LINE.finditer(text, start):
        unit = unit_line["unit"]
        if split_unit(unit)[1]:
            out += _table(text, text.find("\n", unit_line.end()) + 1, unit)
    for header in LABELLED_HEADER.finditer(text, start):
        if not UNIT_LINE.match(text, text.rfind("\n", 0, max(0, header.start() - 1)) + 1) \
                and any(split_unit(u)[1] for u in UNIT_IN_LABEL.findall(header[0])):
            out += _table(text, header.start(), "")
    return sorted(out, key=lambda c: c.start)


def _table(text: str, pos: int, unit: str) -> list[TableCell]:
    """The cells of the table whose header is the first line at or after pos; `unit` is the unit
    line's, "" when each column's label gives its own."""
    out: list[TableCell] = []
    header: list[str] = []
    header_line = (0, 0)
    parent = ""
    for line in text[pos:].split("\n")[:MAX_ROWS]:
        line_start, pos = pos, pos + len(line) + 1
        cells = _cells(line, line_start)
        if not cells:
            if not unit and header:
                break                                    # a blank line ends a table of labelled columns
            header = []                                  # a blank line: another table of the unit may follow
            continue
        numbers = [NUMBER.fullmatch(c[2]) is not None for c in cells]
        if not header:
            if len(cells) < 2 or any(numbers):
                break                                    # no header of labels: no (more) table
            header, header_line = [c[2] for c in cells], (line_start, line_start + len(line))
            continue
        if len(cells) != len(header) or numbers[0] or not any(numbers[1:]):
            if not any(numbers):
                break                                    # a line of text: the table is over
            continue                                     # a row this reader cannot align
        child = bool(ROW_LEAD.match(cells[0][2])) or (cells[0][0] > line_start and parent != "")
        out += _row_cells(cells, header, unit, (line_start, line_start + len(line)), parent if child else "",
                          header_line)
        parent = parent if child else ROW_LEAD.sub("", cells[0][2]).strip()
    return out


def _labelled_unit(label: str, unit: str) -> tuple[str, str]:
    """A column's label and unit: 地区生产总值(亿元) → (地区生产总值, 亿元); else the table's unit."""
    own = UNIT_IN_NAME.search(label)
    if own and split_unit(own["unit"])[1]:
        return label[: own.start()], own["unit"]
    return label, unit


def _row_cells(cells: list[tuple[int, int, str]], header: list[str], unit: str,
               row: tuple[int, int], parent: str, header_line: tuple[int, int]) -> list[TableCell]:
    name = ROW_LEAD.sub("", cells[0][2]).strip()
    in_name = UNIT_IN_NAME.search(name)
    if in_name and (split_unit(in_name["unit"])[1] or "/" in in_name["unit"]):
        unit, name = in_name["unit"], name[: in_name.start()]
    values = [i for i in range(1, len(cells)) if not GROWTH_LABEL.search(header[i])]
    latest = max((i for i in values if YEAR.search(header[i])), key=lambda i: YEAR.search(header[i])[0], default=None)
    growths: dict[int, tuple[int, float]] = {}
    for j in range(1, len(cells)):
        if j not in values and NUMBER.fullmatch(cells[j][2]):
            # 本报告期末比上年度末增减(%) is the change of 本报告期末; 增长(%) after 2023年 and 2022年
            # columns the change of 2023年; else of the column before it
            of = max((i for i in values if header[j].startswith(header[i])), key=lambda i: len(header[i]),
                     default=latest if latest is not None else j - 1)
            growths.setdefault(of, (j, float(cells[j][2].rstrip("%").replace(",", ""))))
    out = []
    for i in values:
        number = NUMBER.fullmatch(cells[i][2])
        label, column_unit = _labelled_unit(header[i], unit)
        if number and (column_unit or number["pct"]):
            out.append(TableCell(cells[i][0], cells[i][1], float(number[0].rstrip("%").replace(",", "")),
                                 "%" if number["pct"] else column_unit, name, label,
                                 growths[i][1] if i in growths else None, row, parent, header_line))
    for i, (j, change) in growths.items():
        if not NUMBER.fullmatch(cells[i][2]):      # 固定资产投资　—　—　9.2: only its change is given
            out.append(TableCell(cells[j][0], cells[j][1], change, "%", name, header[j], change, row, parent,
                                 header_line))
    return out
