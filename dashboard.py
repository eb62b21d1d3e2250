"""The dashboard: the facts of a folder of articles as filterable charts, each figure traceable to
its sentence. Layout and orchestration only; the work is done by the functions in `board/`.

    streamlit run dashboard.py                      # the bundled corpus in data/
    streamlit run dashboard.py -- --data DIR        # or INDICATOR_DATA=DIR streamlit run ...
"""
from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import streamlit as st

from board import charts, docview, evidence, filters, loading

st.set_page_config(page_title="Regional economic indicators", page_icon="📊", layout="wide")
PLOTLY_CONFIG = {"displaylogo": False}
ROWS_SHOWN = 5_000  # evidence rows sent to the browser; more only slow the page down
VALUE_PANELS = 4    # value charts when no indicator is chosen (at most 8 when some are)


@st.cache_resource(show_spinner="Reading the articles and extracting their figures…",
                   max_entries=4)
def corpus_of(data_dir: str, stamp: int) -> loading.Corpus:
    """One shared, read-only table per folder; `stamp` changes when an article or the
    extractor does, which is the only time extraction runs again."""
    return loading.load_corpus(Path(data_dir))


@st.cache_data(show_spinner="Extracting the uploaded file…", max_entries=256)
def upload_of(name: str, data: bytes) -> loading.Upload:
    """Extraction of one upload, keyed by its content so reruns do not extract it again."""
    return loading.read_upload(name, data)


@st.cache_data(show_spinner=False, max_entries=64)
def article_text(data_dir: str, doc: str, stamp: int) -> str | None:
    """The text of one corpus article, re-read from its file for the document view."""
    article = loading.find_article(Path(data_dir), doc)
    return article.text if article else None


def shown_path(path: Path) -> str:
    """`path` relative to the working directory when it lies below it."""
    return str(path.relative_to(Path.cwd())) if path.is_relative_to(Path.cwd()) else str(path)


def widget_key(name: str) -> str:
    """Session-state key of a filter's widget (tests address the widgets by it)."""
    return f"filter_{name}"


def url_params() -> dict[str, list[str]]:
    """The page URL's query parameters, every one as a list."""
    return {k: st.query_params.get_all(k) for k in st.query_params}


def reset_filters() -> None:
    """Back to the unfiltered view, in the widgets and in the URL."""
    for name in [*filters.MULTI_FIELDS, "years"]:
        st.session_state.pop(widget_key(name), None)
    st.query_params.clear()


def doc_label(titles: dict[str, str]) -> Callable[[str], str]:
    """How a document is named in choices: its title, then its id."""
    return lambda doc: f"{titles[doc]} ({doc})" if titles.get(doc) else doc


def sidebar_filters(facts: pd.DataFrame, offered: filters.Choices,
                    titles: dict[str, str]) -> filters.Filters:
    """The sidebar's widgets, started from the URL and written back to it, so that a link
    reopens the same view. Selections the data no longer offers are dropped first."""
    from_url = filters.from_query(url_params(), offered)
    state = st.session_state
    for name in filters.MULTI_FIELDS:
        state.setdefault(widget_key(name), list(getattr(from_url, name)))
    state.setdefault(widget_key("years"), from_url.years or offered.years)

    st.header("Filters")
    categories = st.multiselect("Category", offered.categories, key=widget_key("categories"),
                                format_func=lambda c: filters.CATEGORY_LABELS.get(c, c))
    indicator_options = filters.indicator_choices(facts, categories)
    state[widget_key("indicators")] = [i for i in state[widget_key("indicators")]
                                       if i in indicator_options]
    indicators = st.multiselect("Indicator", indicator_options, key=widget_key("indicators"),
                                placeholder="Type to search indicators")
    entities = st.multiselect("Entity", offered.entities, key=widget_key("entities"),
                              placeholder="All entities")
    years = None
    if offered.years and offered.years[0] < offered.years[1]:
        lo, hi = state[widget_key("years")] or offered.years
        lo, hi = max(lo, offered.years[0]), min(hi, offered.years[1])
        state[widget_key("years")] = (lo, hi) if lo <= hi else offered.years
        chosen = st.slider("Years", *offered.years, key=widget_key("years"))
        years = None if tuple(chosen) == offered.years else tuple(chosen)
    statuses = st.multiselect("Status", offered.statuses, key=widget_key("statuses"),
                              placeholder="actual, expected and target")
    docs = st.multiselect("Source document", offered.docs, key=widget_key("docs"),
                          format_func=doc_label(titles), placeholder="All documents")
    st.button("Reset filters", on_click=reset_filters)

    view = filters.Filters(tuple(categories), tuple(indicators), tuple(entities),
                           tuple(statuses), tuple(docs), years)
    if view.to_query() != url_params():
        st.query_params.from_dict(view.to_query())
    return view


def read_uploads() -> list[loading.Upload]:
    """The session's uploaded files, extracted; unreadable ones are named in a warning."""
    st.header("Your articles")
    files = st.file_uploader("Add .txt (UTF-8 or GBK) or .html articles",
                             type=["txt", "html", "htm"], accept_multiple_files=True, key="uploads")
    uploads = [upload_of(f.name, f.getvalue()) for f in files or []]
    for bad in (u for u in uploads if u.error):
        st.warning(f"Could not read **{bad.name}**: {bad.error}")
    return [u for u in uploads if not u.error]


def overview(corpus: loading.Corpus, uploads: list[loading.Upload], facts: pd.DataFrame,
             view: pd.DataFrame, data_dir: Path) -> None:
    """What is loaded, in four numbers, and how much of it the filters show."""
    added = sum(len(u.articles) for u in uploads)
    st.caption(f"Every figure reported in the articles under `{shown_path(data_dir)}`"
               + (f" and {len(uploads)} uploaded file(s)" if uploads else "")
               + ", read into a table of facts. Each chart point leads back to its sentence.")
    years = facts["year"].dropna()
    cols = st.columns(4)
    cols[0].metric("Documents", f"{corpus.documents + added:,}")
    cols[1].metric("Facts", f"{len(facts):,}")
    cols[2].metric("Entities", f"{facts['entity'].replace('', pd.NA).nunique():,}")
    cols[3].metric("Years", f"{years.min()}–{years.max()}" if len(years) else "–")
    if len(view) != len(facts):
        st.caption(f"The filters show {len(view):,} of {len(facts):,} facts.")
    if corpus.skipped:
        with st.expander(f"{len(corpus.skipped)} file(s) in the folder could not be read"):
            st.table(pd.DataFrame(corpus.skipped, columns=["file", "reason"]))
    if corpus.cache_error:
        st.caption(f"The extracted table could not be kept ({corpus.cache_error}); "
                   "it will be extracted again on the next start.")


def show_chart(chart: charts.Chart, key: str, more: str = "") -> None:
    """A figure with the documents it draws on named under it."""
    st.plotly_chart(chart.figure, key=key, config=PLOTLY_CONFIG)
    st.caption(charts.sources_caption(chart.drawn)
               + (f". {chart.left_out} more {more} not drawn; narrow the filters to see them."
                  if chart.left_out else ""))


def show_charts(view: pd.DataFrame, chosen_indicators: int) -> None:
    """The headline charts, built from the view's chart points (computed once): a value chart
    per chosen indicator, or for the most reported ones."""
    points = charts.latest_points(view)
    colours = charts.entity_colours(points["entity"].unique())
    st.subheader("Values over time")
    panels = charts.value_panels(points, limit=min(max(VALUE_PANELS, chosen_indicators), 8))
    st.caption(charts.MARKER_KEY if panels else "No amounts in this view.")
    grid = st.columns(2)
    for i, (indicator, base_unit) in enumerate(panels):
        with grid[i % 2]:
            show_chart(charts.values_chart(points, indicator, base_unit, colours),
                       f"values-{i}", "points of other entities")

    st.subheader("Growth rates (year on year)")
    if points["growth_pct"].notna().any():
        show_chart(charts.growth_chart(points), "growth", "older rates")
    else:
        st.caption("No growth rates in this view.")

    st.subheader("Projects and enterprises")
    counts = charts.counts_chart(points)
    if counts.drawn.empty:
        st.caption("No project or enterprise counts in this view.")
    else:
        show_chart(counts, "counts", "counts of other indicators or entities")


def show_evidence(view: pd.DataFrame) -> None:
    """The filtered facts with their sentences, sorted here across the whole view (the table
    itself sorts what it shows), and as a CSV download of every row."""
    by_col, order_col = st.columns([3, 1])
    by = by_col.selectbox("Sort by", list(evidence.SORT_KEYS), key="sort_by",
                          format_func=evidence.SORT_KEYS.get)
    descending = order_col.toggle("Largest / latest first", value=True, key="sort_descending")
    table = evidence.evidence_table(view, by, descending)
    if len(table) > ROWS_SHOWN:
        st.caption(f"Showing the first {ROWS_SHOWN:,} of {len(table):,} facts in this order; "
                   "the CSV download holds them all.")
    st.dataframe(table.head(ROWS_SHOWN), hide_index=True, column_config={
        "value": st.column_config.NumberColumn("value", format="%g"),
        "value_base": st.column_config.NumberColumn("value (base unit)", format="%.6g",
                                                    help="The amount in base units (元, 个, %), "
                                                         "to sort across 万元 and 亿元"),
        "growth_pct": st.column_config.NumberColumn("growth %", format="%+.1f"),
        "year": st.column_config.NumberColumn("year", format="%d"),
        "sentence": st.column_config.TextColumn("evidence sentence", width="large"),
    })
    st.download_button("Download these facts as CSV", data=lambda: evidence.to_csv_bytes(view),
                       file_name="facts.csv", mime="text/csv", on_click="ignore")


def show_document(facts: pd.DataFrame, view: pd.DataFrame, uploads: list[loading.Upload],
                  titles: dict[str, str], data_dir: Path, stamp: int) -> None:
    """One article with every extracted figure highlighted; those of the view are listed first."""
    uploaded = {a.doc: a.text for u in uploads for a in u.articles}
    docs = list(dict.fromkeys([*view["doc"].unique(), *facts["doc"].unique(), *uploaded]))
    doc = st.selectbox("Article", docs, key="article", format_func=doc_label(titles))
    if doc is None:
        return
    text = uploaded.get(doc) or article_text(str(data_dir), doc, stamp)
    if text is None:
        st.warning(f"The text of {doc} could not be read again from `{shown_path(data_dir)}`.")
        return
    own = facts[facts["doc"] == doc]
    st.caption(f"{len(own)} figure(s) highlighted; hover over one to see its indicator. "
               "Yellow: actual, blue: expected, violet: target.")
    st.html(docview.highlight(text, docview.marks_for(own)))


def main() -> None:
    data_dir = loading.resolve_data_dir(sys.argv[1:], os.environ)
    stamp = loading.input_stamp(data_dir)
    corpus = corpus_of(str(data_dir), stamp)
    st.title("Regional economic indicators")
    filter_box = st.sidebar.container()
    with st.sidebar:
        uploads = read_uploads()
    facts = (pd.concat([corpus.facts, *(u.facts for u in uploads)], ignore_index=True)
             if uploads else corpus.facts)
    offered = filters.choices(facts)
    titles = {a.doc: a.title or "" for u in uploads for a in u.articles}
    named = facts.drop_duplicates("doc")
    titles |= {d: t for d, t in zip(named["doc"], named["title"]) if t}
    with filter_box:
        chosen = sidebar_filters(facts, offered, titles)
    view = filters.apply(facts, chosen)
    overview(corpus, uploads, facts, view, data_dir)

    if facts.empty:
        st.info("No figures have been extracted from these articles yet. Upload articles in the "
                "sidebar, or point the dashboard at another folder with `--data DIR`.")
        return
    if view.empty:
        st.warning("No facts match these filters. Widen the year range, remove a selection, "
                   "or reset the filters in the sidebar.")
        return
    charts_tab, evidence_tab, document_tab = st.tabs(["Charts", "Evidence", "Document"])
    with charts_tab:
        show_charts(view, len(chosen.indicators))
    with evidence_tab:
        show_evidence(view)
    with document_tab:
        show_document(facts, view, uploads, titles, data_dir, stamp)


main()
