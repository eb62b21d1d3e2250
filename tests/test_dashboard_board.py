"""The dashboard's plain functions: loading, filters, charts, document view and evidence table."""
from __future__ import annotations

import io
import os
import time
from pathlib import Path

import pandas as pd
import pytest

from board import charts, docview, evidence, filters, loading
from board.synthetic import synthetic_facts, write_corpus
from extract import run_corpus
from conftest import HOSTILE_DOC, HOSTILE_TEXT

ROOT = Path(__file__).resolve().parent.parent


def fact(**over) -> dict:
    """One fact row with plain defaults, changed by keyword."""
    row = {"doc": "d1", "title": "标题", "published": "2021-01-01", "entity": "甲园区",
           "indicator": "固定资产投资", "category": "investment", "year": 2020, "period": "2020",
           "value": 110.0, "unit": "亿元", "value_base": 1.1e10, "base_unit": "CNY",
           "growth_pct": None, "status": "actual", "approx": False, "sentence": "…",
           "start": 0, "end": 1}
    return row | over


def table(*rows: dict) -> pd.DataFrame:
    return loading.normalise(pd.DataFrame(list(rows)))


# --- loading -----------------------------------------------------------------------------------

def test_data_dir_from_argument_then_environment_then_bundled(tmp_path):
    env = {loading.DATA_ENV: str(tmp_path / "env")}
    assert loading.resolve_data_dir(["--data", str(tmp_path / "arg")], env) == tmp_path / "arg"
    assert loading.resolve_data_dir(["-q", "tests"], env) == tmp_path / "env"
    assert loading.resolve_data_dir([], {}) == ROOT / "data"
    assert loading.table_path(ROOT / "data") == ROOT / "data" / "cache" / "facts.parquet"


def test_prepared_table_is_used_until_an_article_changes(tmp_path, monkeypatch):
    texts, facts = synthetic_facts(20, 2)
    write_corpus(tmp_path, texts, facts)
    runs = []

    def counting_run(paths):
        runs.append(paths)
        return run_corpus(paths)

    monkeypatch.setattr(loading, "run_corpus", counting_run)
    assert loading.is_fresh(tmp_path)
    assert len(loading.load_corpus(tmp_path).facts) == 20 and not runs

    earlier = time.time() - 60                 # the articles are now newer than the table
    os.utime(loading.table_path(tmp_path), (earlier, earlier))
    assert not loading.is_fresh(tmp_path)
    rebuilt = loading.load_corpus(tmp_path)
    assert len(runs) == 1 and rebuilt.documents == 2
    assert loading.is_fresh(tmp_path)            # kept: the next start does not extract again
    again = loading.load_corpus(tmp_path)
    assert len(runs) == 1 and again.documents == 2


def test_table_that_cannot_be_kept_still_loads(tmp_path):
    (tmp_path / "a.txt").write_text("2020年，园区完成投资1亿元。", encoding="utf-8")
    (tmp_path / "cache").write_text("a file where the cache folder should be")
    corpus = loading.load_corpus(tmp_path)
    assert corpus.documents == 1 and corpus.cache_error


def test_normalise_gives_the_contract_columns_and_types():
    df = loading.normalise(pd.DataFrame([{"doc": "a", "year": "2020", "value": "3", "extra": 1}]))
    assert list(df.columns) == list(loading.COLUMNS)
    assert df["year"].dtype == "Int64" and df["value"].dtype == "float64"
    assert df.loc[0, "entity"] == "" and not df.loc[0, "approx"]


def test_find_article_rereads_the_text_the_offsets_point_into(corpus_dir, corpus):
    texts, facts = corpus
    article = loading.find_article(corpus_dir, HOSTILE_DOC)
    assert article is not None and article.text == HOSTILE_TEXT
    row = facts[facts["doc"] == "syn_0001"].iloc[0]
    text = loading.find_article(corpus_dir, "syn_0001").text
    assert text[row["start"]:row["end"]] == f"{row['value']:g}{row['unit']}"
    assert loading.find_article(corpus_dir, "missing") is None


def test_read_upload_reports_a_bad_file_by_name():
    good = loading.read_upload("好.txt", "2020年，园区完成投资1亿元。".encode("gb18030"))
    assert good.error is None and good.articles[0].doc == "好"
    assert list(good.facts.columns) == list(loading.COLUMNS)
    bad = loading.read_upload("空.txt", b"   ")
    assert bad.name == "空.txt" and bad.error and bad.facts.empty and not bad.articles


# --- filters -----------------------------------------------------------------------------------

SAMPLE = table(
    fact(),
    fact(entity="乙园区", year=2021, period="2021H1", status="expected", doc="d2"),
    fact(indicator="新开工项目", category="projects", unit="个", value=12, value_base=12,
         base_unit="count", year=2019, period="2019"),
    fact(indicator="增速", category="growth", unit="%", value=-3, value_base=-3, base_unit="pct",
         growth_pct=-3, year=None, period=""),
)


def test_choices_are_those_present_in_canonical_order():
    offered = filters.choices(SAMPLE)
    assert offered.categories == ("investment", "projects", "growth")
    assert offered.statuses == ("actual", "expected")
    assert offered.years == (2019, 2021)
    assert offered.docs == ("d1", "d2")
    assert filters.indicator_choices(SAMPLE, ["projects"]) == ("新开工项目",)


def test_query_round_trip_and_unknown_values_dropped():
    offered = filters.choices(SAMPLE)
    view = filters.Filters(categories=("investment",), entities=("乙园区", "甲园区"),
                           statuses=("expected",), years=(2020, 2021))
    assert filters.from_query(view.to_query(), offered) == view
    assert view.to_query()["year"] == ["2020-2021"]
    messy = {"entity": ["乙园区", "无", "乙园区"], "year": ["1990-2020"], "status": ["maybe"]}
    assert filters.from_query(messy, offered) == filters.Filters(entities=("乙园区",),
                                                                years=(2019, 2020))
    for year in (["abc"], ["2019-2021"], ["2030"], ["2019-2020-2021"]):
        assert filters.from_query({"year": year}, offered).years is None
    assert filters.Filters().to_query() == {}


def test_apply_each_field_and_empty_results():
    assert len(filters.apply(SAMPLE, filters.Filters())) == 4
    assert len(filters.apply(SAMPLE, filters.Filters(categories=("projects",)))) == 1
    assert len(filters.apply(SAMPLE, filters.Filters(indicators=("增速",)))) == 1
    assert len(filters.apply(SAMPLE, filters.Filters(entities=("乙园区",)))) == 1
    assert len(filters.apply(SAMPLE, filters.Filters(statuses=("actual",)))) == 3
    assert len(filters.apply(SAMPLE, filters.Filters(docs=("d2",)))) == 1
    assert len(filters.apply(SAMPLE, filters.Filters(years=(2020, 2021)))) == 2  # no-year dropped
    none = filters.apply(SAMPLE, filters.Filters(entities=("乙园区",), categories=("projects",)))
    assert none.empty and list(none.columns) == list(SAMPLE.columns)
    assert filters.apply(SAMPLE.iloc[:0], filters.Filters(entities=("乙园区",))).empty


# --- charts ------------------------------------------------------------------------------------

@pytest.mark.parametrize("period, label, span, whole", [
    ("2020", "2020", "全年", True), ("2020H1", "2020 上半年", "上半年", False),
    ("2020Q1", "2020 一季度", "一季度", False), ("2020Q1..Q3", "2020 前三季度", "前三季度", False),
    ("2020-01..2020-04", "2020 1-4月", "1-4月", False), ("2020-03", "2020 3月", "3月", False),
    ("2017..2019", "2017-2019", "多年", False),
])
def test_parse_period(period, label, span, whole):
    parsed = charts.parse_period(period)
    assert (parsed.label, parsed.span, parsed.span == "全年") == (label, span, whole)


def test_periods_sort_by_their_end_and_junk_has_no_place():
    order = ["2019", "2020Q1", "2020-01..2020-04", "2020H1", "2020Q1..Q3", "2017..2020", "2020"]
    assert sorted(order[::-1], key=lambda p: charts.parse_period(p).rank) == order
    for junk in ("", "今年", "2020-13", "2020Q4..Q2", "2019-11..2020-02"):
        assert charts.parse_period(junk) is None
    rows = table(fact(period="", year=2018), fact(period="", year=None), fact(period="2019H1"))
    labels = [p.label if pd.notna(p) else None for p in charts.periods_of(rows)]
    assert labels == ["2018", None, "2019 上半年"]


def test_display_unit_picks_a_readable_scale():
    assert charts.display_unit("CNY", pd.Series([1.1e10, 5e8])) == (1e8, "亿元")
    assert charts.display_unit("CNY", pd.Series([3e6])) == (1e4, "万元")
    assert charts.display_unit("count", pd.Series([12.0])) == (1, "个")
    assert charts.display_unit("pct", pd.Series([], dtype=float)) == (1, "%")
    assert charts.display_unit("furlongs", pd.Series([3.0])) == (1, "furlongs")


def test_latest_published_report_of_a_point_wins():
    rows = table(fact(value_base=1e10, published="2021-01-01", doc="old"),
                 fact(value_base=2e10, published="2021-06-01", doc="new"))
    points = charts.latest_points(rows)
    assert list(points["doc"]) == ["new"]


MIXED = table(
    fact(entity="甲", year=2019, period="2019", value_base=1e10),
    fact(entity="甲", year=2020, period="2020", value_base=1.2e10),
    fact(entity="甲", year=2020, period="2020H1", value_base=0.5e10),
    fact(entity="甲", year=2021, period="2021", value_base=1.5e10, status="target"),
    fact(entity="乙", year=2020, period="2020", value_base=3e10, unit="万元"),
    fact(entity="甲", year=2020, period="2020", value_base=4e8, base_unit="USD", unit="亿美元"),
)


def test_values_figure_one_unit_per_axis_and_partial_periods_apart():
    chart = charts.values_chart(charts.latest_points(MIXED), "固定资产投资", "CNY",
                                charts.entity_colours(["甲", "乙"]))
    fig = chart.figure
    assert len(chart.drawn) == 5 and chart.left_out == 0
    assert fig.layout.yaxis.title.text == "固定资产投资（亿元）"
    assert "Noto Sans CJK SC" in fig.layout.font.family
    assert sum(len(t.y) for t in fig.data) == 5                 # the USD figure is not here
    assert max(y for t in fig.data for y in t.y) == 300         # 3e10 元 shown as 300 亿元
    lines = {t.name: t for t in fig.data if t.mode == "lines+markers"}
    assert list(lines["甲"].x) == ["2019", "2020"] and list(lines["乙"].x) == ["2020"]
    apart = next(t for t in fig.data if t.mode == "markers")
    assert dict(zip(apart.x, apart.marker.symbol)) == {"2020 上半年": "square", "2021": "circle-open"}
    assert not apart.showlegend
    assert list(fig.layout.xaxis.categoryarray) == ["2019", "2020 上半年", "2020", "2021"]


def test_article_names_reach_plotly_escaped(corpus):
    _, facts = corpus
    points = charts.latest_points(facts[facts["doc"] == HOSTILE_DOC])
    chart = charts.values_chart(points, '投资<b onmouseover="x">', "CNY", {})
    assert chart.figure.layout.title.text == '投资&lt;b onmouseover="x"&gt;（亿元）'
    counts = charts.counts_chart(points.assign(entity="<a href='x'>园区</a>")).figure
    assert counts.data[0].x[0][0] == "&lt;a href='x'&gt;园区&lt;/a&gt;"
    assert "<" not in charts.growth_chart(points.assign(growth_pct=1.0)).figure.data[0].y[0]


def test_value_panels_split_base_units_and_skip_growth():
    panels = charts.value_panels(charts.latest_points(MIXED))
    assert panels[0] == ("固定资产投资", "CNY") and ("固定资产投资", "USD") in panels
    assert charts.value_panels(charts.latest_points(SAMPLE)) == [("固定资产投资", "CNY"),
                                                                ("新开工项目", "count")]


def test_growth_figure_marks_falls_and_expected_rates():
    rows = table(fact(growth_pct=5.5), fact(entity="乙", growth_pct=-3.0, status="expected"),
                 fact(entity="丙", growth_pct=None))
    chart = charts.growth_chart(charts.latest_points(rows))
    fig, left_out = chart.figure, chart.left_out
    bar = fig.data[0]
    colours = dict(zip(bar.x, bar.marker.color))
    assert colours[-3.0] == charts.NEGATIVE != colours[5.5] == charts.POSITIVE
    patterns = dict(zip(bar.x, bar.marker.pattern.shape))
    assert patterns[-3.0] == "/" and patterns[5.5] == ""
    assert fig.layout.xaxis.title.text == "同比增长（%）" and left_out == 0
    rates = table(*(fact(year=y, period=str(y), growth_pct=1.0) for y in range(2000, 2010)))
    chart = charts.growth_chart(charts.latest_points(rates), limit=4)
    assert chart.left_out == 6 and list(chart.drawn["year"]) == [2006, 2007, 2008, 2009]


def test_counts_figure_groups_indicators_by_period_per_entity():
    rows = table(*(fact(indicator=ind, category="projects", unit="个", value=v, value_base=v,
                        base_unit="count", entity=e, year=2020, period=p, status=st)
                   for ind, v in (("新开工项目", 10), ("新竣工项目", 8))
                   for e in ("甲", "乙") for p, st in (("2020", "actual"),
                                                       ("2020-01..2020-04", "expected"))))
    fig = charts.counts_chart(charts.latest_points(rows.iloc[:-1])).figure
    assert fig.layout.barmode == "group" and [t.name for t in fig.data] == ["新开工项目", "新竣工项目"]
    for trace in fig.data:
        entities, periods = trace.x
        assert list(periods) == ["2020 1-4月", "2020"] * 2 and len(set(entities)) == 2
        assert trace.marker.pattern.shape[:2] == ("/", "")
    assert pd.isna(fig.data[1].y[2])                            # a missing bar leaves a gap


def test_sources_caption_names_documents():
    rows = table(*(fact(doc=f"d{i}", title=f"标题{i}" if i else "") for i in range(6)))
    text = charts.sources_caption(rows)
    assert text.startswith("Sources (6 documents): d0; 标题1 (d1)") and text.endswith("and 2 more")


# --- document view and evidence ------------------------------------------------------------------

def test_highlight_escapes_text_and_tooltips():
    html = docview.highlight(HOSTILE_TEXT, [
        docview.Mark(HOSTILE_TEXT.index("50亿元"), HOSTILE_TEXT.index("50亿元") + 4,
                     '"><script>x</script>', "expected")])
    assert "<script" not in html and "<img" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert 'title="&quot;&gt;&lt;script&gt;x&lt;/script&gt;"' in html
    assert ">50亿元</mark>" in html and "dashed" in html


def test_highlight_skips_overlapping_and_out_of_range_marks():
    text = "投资110亿元，增长5%。"
    marks = [docview.Mark(2, 7, "a"), docview.Mark(3, 5, "overlap"), docview.Mark(10, 99, "out"),
             docview.Mark(5, 5, "empty"), docview.Mark(10, 12, "b")]
    html = docview.highlight(text, marks)
    assert html.count("<mark") == 2 and "overlap" not in html and "out" not in html
    assert "110亿元</mark>" in html and "5%</mark>" in html


def test_marks_name_indicator_value_and_period(corpus):
    _, facts = corpus
    marks = docview.marks_for(facts[facts["doc"] == HOSTILE_DOC])
    assert marks[0].tooltip.startswith('投资<b onmouseover="x">：50 亿元（2021，actual）')


def test_csv_opens_in_excel_with_chinese_intact():
    data = evidence.to_csv_bytes(SAMPLE)
    assert data.startswith(b"\xef\xbb\xbf")
    back = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig")
    assert list(back.columns) == evidence.COLUMNS and "甲园区" in set(back["entity"])


def test_evidence_table_sorts_recent_first_with_base_values():
    shown = evidence.evidence_table(SAMPLE)
    assert list(shown["year"].iloc[:3]) == [2021, 2020, 2019] and pd.isna(shown["year"].iloc[-1])
    assert "value_base" in shown and "sentence" in shown


def test_evidence_sorts_amounts_across_units_by_base_value():
    rows = table(fact(value=9000, unit="万元", value_base=9e7, entity="甲"),
                 fact(value=2, unit="亿元", value_base=2e8, entity="乙"),
                 fact(value=1, unit="亿元", value_base=1e8, entity="丙"),
                 fact(value_base=None, entity="丁"))
    shown = evidence.evidence_table(rows, by="value_base", descending=True)
    assert list(shown["entity"]) == ["乙", "丙", "甲", "丁"]
    assert list(evidence.evidence_table(rows, by="value_base", descending=False)["entity"]) == \
        ["甲", "丙", "乙", "丁"]
