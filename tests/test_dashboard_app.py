"""The page as a user drives it, through Streamlit's AppTest, on a prepared synthetic corpus."""
from __future__ import annotations

import json
import re
import shutil
import sys
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from board.loading import table_path
from conftest import HOSTILE_DOC

ROOT = Path(__file__).resolve().parent.parent


def open_app(query: dict | None = None) -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.query_params.update(query or {})
    at.run()
    assert not at.exception, at.exception
    return at


def metric(at: AppTest, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def shown(at: AppTest) -> int:
    """How many facts the filters let through, as the page says it."""
    for text in at.caption.values:
        if m := re.search(r"The filters show ([\d,]+) of", text):
            return int(m[1].replace(",", ""))
    return int(metric(at, "Facts").replace(",", ""))


def url(at: AppTest) -> dict[str, list[str]]:
    return {k: v if isinstance(v, list) else [v] for k, v in at.query_params.items()}


def chart_specs(at: AppTest) -> list[dict]:
    return [json.loads(el.proto.spec) for el in at.get("plotly_chart")]


def test_opens_with_overview_and_charts(corpus_dir, corpus):
    texts, facts = corpus
    at = open_app()
    assert metric(at, "Documents") == str(len(texts))
    assert metric(at, "Facts") == str(len(facts))
    assert metric(at, "Entities") == str(facts["entity"].nunique())
    assert metric(at, "Years") == f"{facts['year'].min()}–{facts['year'].max()}"
    specs = chart_specs(at)
    titles = [s["layout"]["title"]["text"] for s in specs]
    assert any("亿元" in t for t in titles) and "同比增长（%）" in titles
    assert "项目与企业数量（个）" in titles
    assert sum(c.startswith("Sources (") for c in at.caption.values) == len(specs)
    assert len(at.dataframe) == 1 and at.get("download_button")
    assert url(at) == {}


FILTERS = [  # widget key, value, query parameter, facts column
    ("filter_categories", ["investment", "trade"], "category", "category"),
    ("filter_indicators", ["新落户企业"], "indicator", "indicator"),
    ("filter_entities", ["苏州工业园区", "深圳市光明区"], "entity", "entity"),
    ("filter_statuses", ["expected"], "status", "status"),
    ("filter_docs", ["syn_0001", HOSTILE_DOC], "doc", "doc"),
]


@pytest.mark.parametrize("key, value, param, column", FILTERS)
def test_each_choice_filter_narrows_view_and_url(corpus_dir, corpus, key, value, param, column):
    _, facts = corpus
    at = open_app()
    at.sidebar.multiselect(key=key).set_value(value).run()
    assert not at.exception
    assert url(at) == {param: value}
    assert shown(at) == facts[column].isin(value).sum() < len(facts)


def test_year_range_filter(corpus_dir, corpus):
    _, facts = corpus
    at = open_app()
    at.sidebar.slider(key="filter_years").set_value((2018, 2019)).run()
    assert url(at) == {"year": ["2018-2019"]}
    assert shown(at) == facts["year"].between(2018, 2019).sum()


def test_indicator_choices_follow_the_category(corpus_dir, corpus):
    _, facts = corpus
    at = open_app()
    at.sidebar.multiselect(key="filter_indicators").set_value(["固定资产投资", "新开工项目"]).run()
    at.sidebar.multiselect(key="filter_categories").set_value(["projects"]).run()
    indicators = at.sidebar.multiselect(key="filter_indicators")
    assert set(indicators.options) == set(facts.loc[facts["category"] == "projects", "indicator"])
    assert indicators.value == ["新开工项目"]


def test_no_match_shows_a_message_not_an_error(corpus_dir):
    at = open_app()
    at.sidebar.multiselect(key="filter_entities").set_value(["测试园区"]).run()
    at.sidebar.multiselect(key="filter_statuses").set_value(["target"]).run()
    assert not at.exception
    assert any("No facts match" in w for w in at.warning.values)
    assert not at.get("plotly_chart")


def test_url_round_trip_restores_the_view(corpus_dir):
    at = open_app()
    at.sidebar.multiselect(key="filter_categories").set_value(["investment", "projects"]).run()
    at.sidebar.multiselect(key="filter_entities").set_value(["苏州工业园区"]).run()
    at.sidebar.slider(key="filter_years").set_value((2017, 2021)).run()
    link = url(at)
    assert set(link) == {"category", "entity", "year"}

    reopened = open_app(link)
    assert reopened.sidebar.multiselect(key="filter_categories").value == ["investment", "projects"]
    assert reopened.sidebar.multiselect(key="filter_entities").value == ["苏州工业园区"]
    assert reopened.sidebar.slider(key="filter_years").value == (2017, 2021)
    assert shown(reopened) == shown(at)
    assert url(reopened) == link


def test_stale_or_mistyped_url_is_ignored(corpus_dir, corpus):
    at = open_app({"entity": ["不存在的园区", "苏州工业园区"], "category": "nonsense", "year": "20x1"})
    assert at.sidebar.multiselect(key="filter_entities").value == ["苏州工业园区"]
    assert url(at) == {"entity": ["苏州工业园区"]}


def test_reset_clears_filters_and_url(corpus_dir, corpus):
    _, facts = corpus
    at = open_app({"entity": "苏州工业园区", "year": "2018-2019"})
    assert shown(at) < len(facts)
    at.sidebar.button[0].click().run()
    assert url(at) == {} and shown(at) == len(facts)


def test_document_view_shows_markup_as_text(corpus_dir):
    at = open_app()
    at.selectbox(key="article").set_value(HOSTILE_DOC).run()
    page = at.html[0].value
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "<script" not in page and "<img" not in page and "<b " not in page
    assert page.count("<mark ") == 2
    assert 'title="投资&lt;b onmouseover=&quot;x&quot;&gt;：50 亿元' in page


def test_upload_good_and_bad_files(corpus_dir, corpus):
    texts, _ = corpus
    at = open_app()
    good = "2020年，上传园区完成固定资产投资110亿元，同比增长5.5%。"
    at.sidebar.file_uploader(key="uploads").set_value([
        ("上传_utf8.txt", good.encode("utf-8"), "text/plain"),
        ("上传_gbk.txt", good.encode("gbk"), "text/plain"),
        ("报道.html", f"<html><head><title>报道</title></head><body><p>{good}</p>"
                      "<script>alert(1)</script></body></html>".encode("utf-8"), "text/html"),
        ("broken.txt", b"", "text/plain"),
    ]).run()
    assert not at.exception
    assert any("broken.txt" in w for w in at.warning.values)
    assert not any("上传_" in w for w in at.warning.values)
    assert metric(at, "Documents") == str(len(texts) + 3)
    assert any(o.endswith("上传_gbk") or o.endswith("(上传_gbk)")
               for o in at.selectbox(key="article").options)
    at.selectbox(key="article").set_value("上传_gbk").run()
    assert "上传园区完成固定资产投资" in at.html[0].value


def test_data_folder_from_the_command_line(corpus_dir, corpus, monkeypatch):
    monkeypatch.delenv("INDICATOR_DATA")
    monkeypatch.setattr(sys, "argv", ["dashboard.py", "--data", str(corpus_dir)])
    at = open_app()
    assert metric(at, "Facts") == str(len(corpus[1]))


def test_bundled_corpus_is_extracted_once_and_opens(tmp_path, monkeypatch):
    """The real articles and extractor: the page opens and counts them, whatever is found."""
    articles = sorted((ROOT / "data" / "raw").iterdir())
    shutil.copytree(ROOT / "data" / "raw", tmp_path / "raw")
    monkeypatch.setenv("INDICATOR_DATA", str(tmp_path))
    at = open_app()
    assert metric(at, "Documents") == str(len(articles))
    assert table_path(tmp_path).exists()
    assert int(metric(at, "Facts").replace(",", "")) == len(pd.read_parquet(table_path(tmp_path)))
