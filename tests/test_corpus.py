"""Corpus runs: every format and bad file together, parallel or not, deduplicated and cached."""
from __future__ import annotations

import json
import os
import sqlite3
import weakref
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pandas as pd
import pytest

import extract
from extract import corpus, readers
from extract.cache import FactCache, content_key, default_cache_dir, version_of
from extract.corpus import list_files, run_corpus
from extract.pipeline import extract_text
from extract.readers import read_path
from extract.schema import COLUMNS, Fact

ARTICLE = "{place}2020年完成固定资产投资{n}亿元，同比增长5.5%。\n实现进出口总额{m}亿美元。\n"
TRADITIONAL = "{place}2020年生產總值達到{n}億元新臺幣。\n年增{m}%。\n"
BAD_FILES = {  # name → (bytes or a maker, the reason reported)
    "bad/empty.txt": (b"", "empty file"),
    "bad/report.pdf.txt": (b"%PDF-1.4\n" + bytes(range(256)), "binary file (PDF)"),
    "bad/photo.png.txt": (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "binary file (PNG)"),
    "bad/noise.txt": (bytes(range(0x80, 0x100)) * 8, "undecodable (no text encoding fits)"),
    "bad/huge.txt": (b"x" * 5000, "too large (4.9 KB > 4.0 KB limit)"),
    "bad/broken.txt": (None, "broken symlink"),
}
IGNORED = {"other/image.jpg": b"\xff\xd8\xff", "other/README": b"notes", "cache/facts.parquet": b"PAR1"}


def fake_extract(text: str, doc: str = "", published: str | None = None, title: str | None = None) -> list[Fact]:
    """A stand-in extractor: one fact per non-blank line, its value the line's length."""
    facts, start = [], 0
    for line in text.splitlines(keepends=True):
        if line.strip():
            facts.append(Fact(doc, title or "", published or "", "园区", line.strip()[:8], "other", 2020,
                              "year", float(len(line)), "亿元", len(line) * 1e8, "CNY", None, "actual",
                              False, line.strip(), start, start + len(line.rstrip())))
        start += len(line)
    return facts


def fake_rows(articles: list[readers.Article]) -> pd.DataFrame:
    """What a run must produce for `articles`: the extractor called on each directly."""
    rows = [f.as_row() for a in articles
            for f in corpus.extract_text(a.text, doc=a.doc, published=a.published, title=a.title)]
    return pd.DataFrame(rows, columns=list(COLUMNS))


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Use fake_extract in runs; the returned list records each doc it was called for."""
    calls: list[str] = []

    def counted(text: str, doc: str = "", published: str | None = None, title: str | None = None) -> list[Fact]:
        calls.append(doc)
        return fake_extract(text, doc, published, title)

    monkeypatch.setattr(corpus, "extract_text", counted)
    return calls


def make_corpus(root: Path) -> tuple[list[readers.Article], list[tuple[str, str]]]:
    """A folder of every format and encoding plus every bad file; returns the articles the good
    files hold, in reading order, and the exact skipped list expected."""
    good: dict[str, bytes] = {
        "a_utf8.txt": ARTICLE.format(place="苏州", n=110, m=20).encode("utf-8"),
        "b_bom.txt": ARTICLE.format(place="无锡", n=120, m=21).encode("utf-8-sig"),
        "c_gbk.txt": ARTICLE.format(place="南通", n=130, m=22).encode("gbk"),
        "d_gb18030.md": ARTICLE.format(place="常州", n=140, m=23).encode("gb18030"),
        "e_big5.txt": TRADITIONAL.format(place="臺北", n=150, m=24).encode("big5"),
        "f_utf16.txt": ARTICLE.format(place="扬州", n=160, m=25).encode("utf-16"),
        "g_fullwidth.txt": "徐州完成投资１７０亿元。\n".encode("utf-8"),
        "sub/h_page.html": ("<html><head><title>盐城新闻</title><style>b{}</style><script>x=1</script></head>"
                            "<body><p>盐城完成投资180亿元。</p><p>增长6%。</p></body></html>").encode("gbk"),
        "sub/deeper/i_dump.jsonl": "\n".join(json.dumps(r, ensure_ascii=False) for r in [
            {"title": "淮安", "date": "2020-05-01", "content": ARTICLE.format(place="淮安", n=190, m=26)},
            {"标题": "宿迁", "发布时间": "2020年6月1日", "正文": ARTICLE.format(place="宿迁", n=200, m=27)},
            {"title": "无正文"},
        ]).encode("utf-8"),
        "sub/j_dump.json": json.dumps({"data": [{"headline": "泰州", "text": "泰州完成投资210亿元。"}]},
                                      ensure_ascii=False).encode("utf-16"),
    }
    for name, data in good.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(data)
    (root / ".hidden").mkdir()
    (root / ".hidden" / "ignored.txt").write_text("隐藏目录不读。")
    skipped = [(str(root / "sub/deeper/i_dump.jsonl") + "#2",
                "no content field (content, text, body, article, 正文, 内容)")]
    for name, (data, reason) in BAD_FILES.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if data is None:
            path.symlink_to(root / "nowhere.txt")
        else:
            path.write_bytes(data)
        skipped.append((str(path), reason))
    for name, data in IGNORED.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(data)
    articles = [a for name in sorted(good, key=lambda n: (n.count("/"), n)) for a in read_path(root / name)]
    return articles, sorted(skipped)


@pytest.mark.parametrize("workers", [1, 2])
def test_every_good_file_is_extracted_and_every_bad_one_reported(tmp_path: Path, fake: list[str],
                                                                 workers: int) -> None:
    articles, skipped = make_corpus(tmp_path)
    run = run_corpus([tmp_path], workers=workers, cache_dir=None, max_bytes=4096)
    assert run.skipped == skipped
    assert run.documents == len(articles) == 11
    expected = fake_rows(articles)
    pd.testing.assert_frame_equal(run.facts.sort_values(["doc", "start"], ignore_index=True),
                                  expected.sort_values(["doc", "start"], ignore_index=True))
    assert set(run.facts["doc"]) == {a.doc for a in articles}
    assert run.ignored == [str(tmp_path / n) for n in ("cache/facts.parquet", "other/README", "other/image.jpg")]
    assert run.summary() == "\n".join([f"11 documents, {len(expected)} facts, 7 skipped; "
                                       "3 other files ignored (.jpg, .parquet, no extension)"]
                                      + [f"  skipped {p}: {r}" for p, r in skipped])


def test_facts_are_what_the_extractor_gives_each_article(tmp_path: Path) -> None:
    """With the real rules, whatever they are: a run equals extract_text called per article."""
    articles, _ = make_corpus(tmp_path)
    run = run_corpus([tmp_path], workers=2, cache_dir=None, max_bytes=4096)
    rows = [f.as_row() for a in articles
            for f in extract_text(a.text, doc=a.doc, published=a.published, title=a.title)]
    expected = pd.DataFrame(rows, columns=list(COLUMNS))
    assert list(run.facts.columns) == list(COLUMNS)
    pd.testing.assert_frame_equal(run.facts.sort_values(["doc", "start"], ignore_index=True),
                                  expected.sort_values(["doc", "start"], ignore_index=True),
                                  check_dtype=False)


@pytest.mark.parametrize("encoding", ["utf-8", "gbk", "utf-16"])
def test_full_width_figures_are_read_with_offsets_into_the_file_text(tmp_path: Path, encoding: str) -> None:
    """The real rules on a full-width article: offsets point at the full-width surface as read."""
    text = "2020年，徐州经济开发区完成固定资产投资１７０亿元，同比增长５．５％。\n"
    (tmp_path / "fw.txt").write_bytes(text.encode(encoding))
    run = run_corpus([tmp_path], workers=1, cache_dir=None)
    surfaces = [text[f.start:f.end] for f in run.facts.itertuples()]
    assert "１７０亿元" in surfaces


def test_offsets_point_into_the_text_as_read(tmp_path: Path, fake: list[str]) -> None:
    articles, _ = make_corpus(tmp_path)
    run = run_corpus([tmp_path], workers=1, cache_dir=None, max_bytes=4096)
    texts = {a.doc: a.text for a in articles}
    for fact in run.facts.itertuples():
        assert texts[fact.doc][fact.start:fact.end] == fact.sentence


def test_paths_may_be_files_folders_or_missing(tmp_path: Path, fake: list[str]) -> None:
    (tmp_path / "one.txt").write_text("苏州完成投资1亿元。\n")
    (tmp_path / "notes.log").write_text("苏州完成投资2亿元。\n")
    run = run_corpus([tmp_path / "one.txt", tmp_path / "notes.log", tmp_path / "missing.txt",
                      tmp_path / "one.txt"], workers=1, cache_dir=None)
    assert (run.documents, list(run.documents_table["doc"])) == (2, ["one", "notes"])
    assert run.skipped == [(str(tmp_path / "missing.txt"), "no such file")]


def test_identical_articles_are_extracted_once_with_all_their_files(tmp_path: Path, fake: list[str]) -> None:
    text = ARTICLE.format(place="苏州", n=1, m=2)
    (tmp_path / "outlet_a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "outlet_b.txt").write_text(text, encoding="gbk")       # same text, other bytes
    (tmp_path / "outlet_c.txt").write_text(text + "另有一句。\n", encoding="utf-8")
    run = run_corpus([tmp_path], workers=1, cache_dir=None)
    assert sorted(fake) == ["outlet_a", "outlet_c"]
    assert run.documents == 2 and run.duplicates == 1
    table = run.documents_table.set_index("doc")
    assert table.loc["outlet_a", "files"] == (str(tmp_path / "outlet_a.txt"), str(tmp_path / "outlet_b.txt"))
    assert table.loc["outlet_a", "n_files"] == 2
    assert set(run.facts["doc"]) == {"outlet_a", "outlet_c"}
    assert run.summary() == f"2 documents, {len(run.facts)} facts, 0 skipped; 1 duplicate articles merged"


def test_unchanged_rerun_comes_from_the_cache_and_a_new_article_is_extracted_alone(
        tmp_path: Path, fake: list[str]) -> None:
    corpus_dir, cache_dir = tmp_path / "corpus", tmp_path / "cache"
    articles, _ = make_corpus(corpus_dir)
    first = run_corpus([corpus_dir], workers=1, cache_dir=cache_dir, max_bytes=4096)
    assert len(fake) == 11 and first.cached == 0
    fake.clear()
    again = run_corpus([corpus_dir], workers=2, cache_dir=cache_dir, max_bytes=4096)
    assert again.cached == 11
    pd.testing.assert_frame_equal(again.facts, first.facts)
    assert again.skipped == first.skipped
    (corpus_dir / "new.txt").write_text("连云港完成投资220亿元。\n")
    (corpus_dir / "a_utf8_renamed.txt").write_bytes((corpus_dir / "a_utf8.txt").read_bytes())
    (corpus_dir / "a_utf8.txt").unlink()
    fake.clear()
    third = run_corpus([corpus_dir], workers=1, cache_dir=cache_dir, max_bytes=4096)
    assert fake == ["new"]
    assert third.cached == 11 and third.documents == 12
    renamed = third.facts[third.facts["doc"] == "a_utf8_renamed"]
    assert len(renamed) == 2 and set(first.facts["doc"]) - set(third.facts["doc"]) == {"a_utf8"}


def test_cache_entries_belong_to_one_extractor(tmp_path: Path) -> None:
    assert version_of(fake_extract) != version_of(extract_text)
    assert version_of(extract_text).startswith(extract.cache.EXTRACTOR_VERSION)
    cache = FactCache(tmp_path, version_of(fake_extract))
    key = content_key("文本", None, None)
    assert key != content_key("文本", "标题", None) != content_key("文本", None, "2020-01-01")
    assert cache.get(key) is None
    cache.put_many([(key, [("t", None, 1.5, True)]), ("other", [("\ud800",)])])   # a lone surrogate is skipped
    assert cache.get(key) == [["t", None, 1.5, True]] and cache.get("other") is None
    assert FactCache(tmp_path, version_of(extract_text)).get(key) is None
    with sqlite3.connect(cache.path) as db:
        db.execute("UPDATE facts SET rows = ? WHERE key = ?", (b"{not json", key))
    assert cache.get(key) is None


def test_cache_entries_written_by_workers_are_read_back(tmp_path: Path) -> None:
    cache = FactCache(tmp_path, "v")
    rows = {f"k{i}": [(f"事实{i}", i, float(i), i % 2 == 0)] for i in range(40)}
    with ProcessPoolExecutor(2) as pool:
        list(pool.map(cache.put_many, [list(rows.items())[i::4] for i in range(4)]))
    assert {k: cache.get(k) for k in rows} == {k: [list(r) for r in v] for k, v in rows.items()}


def test_stale_versions_are_pruned(tmp_path: Path) -> None:
    old = FactCache(tmp_path, "old").path
    os.utime(old, (0, 0))
    FactCache(tmp_path, "new")
    assert not old.exists() and (tmp_path / "v-new.sqlite3").is_file()


def test_default_cache_follows_xdg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert default_cache_dir() == tmp_path / "regional-indicators" / "facts"


def test_an_unwritable_cache_only_costs_time(tmp_path: Path, fake: list[str]) -> None:
    (tmp_path / "a.txt").write_text("苏州完成投资1亿元。\n")
    (tmp_path / "cache").write_text("a file where the cache folder should be")
    run = run_corpus([tmp_path / "a.txt"], workers=1, cache_dir=tmp_path / "cache")
    assert run.documents == 1 and run.cached == 0


def test_an_extraction_error_skips_that_article_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def fragile(text: str, doc: str = "", **kw: object) -> list[Fact]:
        if "坏" in text:
            raise ValueError("rule bug")
        return fake_extract(text, doc)

    monkeypatch.setattr(corpus, "extract_text", fragile)
    (tmp_path / "good.txt").write_text("苏州完成投资1亿元。\n")
    (tmp_path / "bad.txt").write_text("坏文章。\n")
    run = run_corpus([tmp_path], workers=2, cache_dir=None)
    assert run.skipped == [(str(tmp_path / "bad.txt"), "extraction failed (ValueError: rule bug)")]
    assert (run.documents, set(run.facts["doc"])) == (1, {"good"})


def test_a_reader_crash_skips_that_file_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             fake: list[str]) -> None:
    real = readers.html_text
    monkeypatch.setattr(readers, "html_text", lambda html: real(html) if "好" in html else 1 / 0)
    (tmp_path / "a.html").write_text("<p>好文章</p>")
    (tmp_path / "b.html").write_text("<p>坏文章</p>")
    run = run_corpus([tmp_path], workers=1, cache_dir=None)
    assert run.skipped == [(str(tmp_path / "b.html"), "unreadable (ZeroDivisionError: division by zero)")]
    assert run.documents == 1


def test_unreadable_folders_and_files_are_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                   fake: list[str]) -> None:
    (tmp_path / "ok.txt").write_text("苏州完成投资1亿元。\n")
    (tmp_path / "locked.txt").write_text("无锡完成投资2亿元。\n")
    (tmp_path / "locked_dir").mkdir()
    real_open, real_scandir = open, os.scandir

    def guarded_open(path: object, *args: object, **kwargs: object) -> object:
        if str(path).endswith("locked.txt"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    def guarded_scandir(path: object) -> object:
        if str(path).endswith("locked_dir"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(readers, "open", guarded_open, raising=False)
    monkeypatch.setattr(os, "scandir", guarded_scandir)
    run = run_corpus([tmp_path], workers=1, cache_dir=None)
    assert run.skipped == [(str(tmp_path / "locked.txt"), "permission denied"),
                           (str(tmp_path / "locked_dir"), "permission denied")]
    assert run.documents == 1


def test_list_files_skips_hidden_entries_and_sorts(tmp_path: Path) -> None:
    for name in ("b.txt", "a.md", ".hidden.txt", ".git/x.txt", "z/c.htm", "z/d.bin"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    files, skipped, ignored = list_files([tmp_path])
    assert files == [tmp_path / "a.md", tmp_path / "b.txt", tmp_path / "z" / "c.htm"]
    assert (skipped, ignored) == ([], [tmp_path / "z" / "d.bin"])


def test_articles_in_memory_stay_bounded(tmp_path: Path, fake: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """Memory stays flat: only a window of articles is held at once, however many files."""
    for i in range(200):
        (tmp_path / f"{i:03d}.txt").write_text(f"第{i}篇，完成投资{i}亿元。\n" * 20)
    alive = peak = 0

    def forget() -> None:
        nonlocal alive
        alive -= 1

    def tracked_read(path: Path, max_bytes: int) -> readers.Articles:
        nonlocal alive, peak
        articles = read_path(path, max_bytes)
        for art in articles:
            weakref.finalize(art, forget)
            alive += 1
        peak = max(peak, alive)
        return articles

    monkeypatch.setattr(corpus, "read_path", tracked_read)
    monkeypatch.setattr(corpus, "FILES_PER_READ", 2)
    monkeypatch.setattr(corpus, "CHARS_PER_EXTRACT", 1000)  # ~4 of these articles
    run = run_corpus([tmp_path], workers=1, cache_dir=None)
    assert run.documents == 200 and len(run.facts) == 200 * 20
    assert peak <= corpus.TASKS_PER_WORKER * 2 + 4


@pytest.mark.parametrize("workers", [1, 2])
@pytest.mark.parametrize("files_per_read, chars_per_extract, tasks_per_worker",
                         [(1, 1, 1), (1, 10_000, 1), (3, 50, 1), (2, 200, 3), (50, 10**6, 2)])
def test_every_batching_gives_every_article(tmp_path: Path, fake: list[str], monkeypatch: pytest.MonkeyPatch,
                                            workers: int, files_per_read: int, chars_per_extract: int,
                                            tasks_per_worker: int) -> None:
    for i in range(23):
        (tmp_path / f"{i:02d}.txt").write_text(f"第{i}篇，完成投资{i}亿元。\n" * (i + 1))
    monkeypatch.setattr(corpus, "FILES_PER_READ", files_per_read)
    monkeypatch.setattr(corpus, "CHARS_PER_EXTRACT", chars_per_extract)
    monkeypatch.setattr(corpus, "TASKS_PER_WORKER", tasks_per_worker)
    run = run_corpus([tmp_path], workers=workers, cache_dir=None)
    assert list(run.documents_table["doc"]) == [f"{i:02d}" for i in range(23)]
    assert len(run.facts) == sum(range(1, 24))
    assert list(run.facts["doc"]) == [f"{i:02d}" for i in range(23) for _ in range(i + 1)]


def test_extract_corpus_is_the_facts_of_run_corpus(tmp_path: Path, fake: list[str],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    articles, _ = make_corpus(tmp_path / "corpus")
    table = extract.extract_corpus([tmp_path / "corpus"])  # default limit: huge.txt is read too
    expected = fake_rows(articles + read_path(tmp_path / "corpus" / "bad" / "huge.txt"))
    assert list(table.columns) == list(COLUMNS)
    pd.testing.assert_frame_equal(table.sort_values(["doc", "start"], ignore_index=True),
                                  expected.sort_values(["doc", "start"], ignore_index=True))
    assert (tmp_path / "cache" / "regional-indicators" / "facts").is_dir()


def test_an_empty_run() -> None:
    run = run_corpus([], cache_dir=None)
    assert (run.documents, len(run.facts), run.skipped) == (0, 0, [])
    assert list(run.facts.columns) == list(COLUMNS)
    assert run.summary() == "0 documents, 0 facts, 0 skipped"
