"""Files → articles: every format, encoding and bad-file reason, on fixtures written to tmp_path."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from extract import readers
from extract.readers import Article, SkipFile, read_bytes, read_path

SIMPLIFIED = ("2020年，苏州工业园区完成固定资产投资110亿元，同比增长5.5%。\n"
              "全年实现进出口总额1020.8亿美元，实际使用外资18.6亿美元。\n")
TRADITIONAL = "2020年，臺北市全年生產總值達到3.2兆元新臺幣，年增百分之五點二。\n科技產業產值成長12%。\n"
FULL_WIDTH = "园区完成投资１１０亿元，增长５．５％。\n"
FRONT_MATTER = '---\ndate: "2020-10"\ntitle: "园区新闻"\nsource: "南通日报"\n---\n' + SIMPLIFIED


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("text, encoding", [
    (SIMPLIFIED, "utf-8"), (SIMPLIFIED, "utf-8-sig"), (SIMPLIFIED, "gbk"), (SIMPLIFIED, "gb18030"),
    (SIMPLIFIED, "utf-16"), (SIMPLIFIED, "utf-16-le"), (SIMPLIFIED, "utf-16-be"), (SIMPLIFIED, "utf-32"),
    (TRADITIONAL, "big5"), (TRADITIONAL, "utf-8"), (FULL_WIDTH, "utf-8"), (FULL_WIDTH, "gbk"),
    (FRONT_MATTER, "utf-8"), (FRONT_MATTER, "gb18030"),
])
@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_text_files_decode_to_the_text_unchanged(tmp_path: Path, text: str, encoding: str, suffix: str) -> None:
    path = write(tmp_path, f"a{suffix}", text.encode(encoding))
    assert read_path(path) == [Article("a", text, None, None, (str(path),))]


def test_crlf_and_full_width_forms_are_left_to_the_extractor() -> None:
    text = FULL_WIDTH.replace("\n", "\r\n")
    assert read_bytes("x.txt", text.encode("gbk"))[0].text == text


HTML = """<!DOCTYPE html><html><head><meta charset="{charset}"><title> 园区 新闻 </title>
<meta name="pubdate" content="2020-10-13 08:00:00"><style>p {{ color: red }}</style>
<script>var total = "999亿元";</script></head>
<body><!-- 广告 999亿元 --><h1>园区新闻</h1><p>2020年，园区完成<b>110</b>亿元投资，
同比增长5.5%。</p><div>进出口&nbsp;总额<br>1020.8亿美元</div><noscript>999亿元</noscript></body></html>"""
HTML_TEXT = "园区新闻\n2020年，园区完成110亿元投资， 同比增长5.5%。\n进出口 总额\n1020.8亿美元\n"


TO_TRADITIONAL = str.maketrans("园区闻亿资长进额总广", "園區聞億資長進額總廣")


@pytest.mark.parametrize("encoding, script", [
    ("utf-8", None), ("gbk", None), ("utf-16", None), ("big5", TO_TRADITIONAL),
])
@pytest.mark.parametrize("suffix", [".html", ".htm"])
def test_html_text_title_and_date_come_from_the_parser(tmp_path: Path, encoding: str, script: dict | None,
                                                       suffix: str) -> None:
    html = HTML.format(charset=encoding).translate(script or {})
    path = write(tmp_path, f"page{suffix}", html.encode(encoding))
    [art] = read_path(path)
    assert art.text == HTML_TEXT.translate(script or {})
    assert "999" not in art.text
    assert art.title == "园区 新闻".translate(script or {})
    assert (art.doc, art.published, art.sources) == ("page", "2020-10-13", (str(path),))


def test_html_without_text_is_skipped() -> None:
    with pytest.raises(SkipFile, match="^no text in HTML$"):
        read_bytes("x.html", b"<html><head><title>t</title><script>x()</script></head><body></body></html>")


@pytest.mark.parametrize("field", readers.TITLE_FIELDS)
def test_every_title_field_name_is_accepted(field: str) -> None:
    [art] = read_bytes("d.jsonl", json.dumps({field: "标题", "content": "正文"}, ensure_ascii=False).encode())
    assert art.title == "标题"


@pytest.mark.parametrize("field", readers.DATE_FIELDS)
@pytest.mark.parametrize("value, iso", [
    ("2020-10-13", "2020-10-13"), ("2020/10/13 08:00", "2020-10-13"), ("2020年10月13日", "2020-10-13"),
    ("2020年3月", "2020-03"), (1602547200, "2020-10-13"), (1602547200000, "2020-10-13"),
    ("1602547200", "2020-10-13"), ("昨天", None), (10**30, None), ("2020-13-01", None), (None, None),
])
def test_every_date_field_name_and_form_is_accepted(field: str, value: object, iso: str | None) -> None:
    [art] = read_bytes("d.jsonl", json.dumps({field: value, "content": "正文"}).encode())
    assert art.published == iso


@pytest.mark.parametrize("field", readers.CONTENT_FIELDS)
def test_every_content_field_name_is_accepted(field: str) -> None:
    [art] = read_bytes("d.jsonl", json.dumps({field: SIMPLIFIED}).encode())
    assert (art.doc, art.text, art.title, art.published) == ("d#0", SIMPLIFIED, None, None)


def test_field_names_ignore_case_and_html_content_becomes_text() -> None:
    record = {"Title": "T", "Content": "<p>第一段</p><p>园区完成<b>110</b>亿元</p>"}
    [art] = read_bytes("d.jsonl", json.dumps(record, ensure_ascii=False).encode())
    assert (art.title, art.text) == ("T", "第一段\n园区完成110亿元\n")


def test_jsonl_records_keep_their_ids_and_report_bad_lines(tmp_path: Path) -> None:
    lines = [{"id": "a1", "title": "一", "content": "甲"}, {"title": "二", "content": "乙"}]
    data = "\n".join(json.dumps(r, ensure_ascii=False) for r in lines) + "\n\n{broken\n[1]\n{\"title\": \"无正文\"}\n"
    path = write(tmp_path, "dump.jsonl", data.encode("gbk"))
    arts = read_path(path)
    assert [(a.doc, a.title, a.text) for a in arts] == [("dump#a1", "一", "甲"), ("dump#1", "二", "乙")]
    assert arts.skipped == [
        (f"{path}#2", "invalid JSON on line 4 (Expecting property name enclosed in double quotes)"),
        (f"{path}#3", "record is not an object (list)"),
        (f"{path}#4", "no content field (content, text, body, article, 正文, 内容)"),
    ]


@pytest.mark.parametrize("payload", [
    [{"title": "一", "content": "甲"}, {"title": "二", "content": "乙"}],
    {"data": [{"title": "一", "content": "甲"}, {"title": "二", "content": "乙"}]},
    {"articles": [{"title": "一", "content": "甲"}, {"title": "二", "content": "乙"}], "total": 2},
])
def test_json_dumps_hold_a_list_of_records(payload: object) -> None:
    arts = read_bytes("dump.json", json.dumps(payload, ensure_ascii=False).encode("utf-16"))
    assert [(a.doc, a.title, a.text) for a in arts] == [("dump#0", "一", "甲"), ("dump#1", "二", "乙")]


def test_a_json_file_may_be_one_record() -> None:
    [art] = read_bytes("one.json", json.dumps({"标题": "一", "日期": "2021-01-02", "正文": "甲"}).encode())
    assert (art.doc, art.title, art.published, art.text) == ("one#0", "一", "2021-01-02", "甲")


@pytest.mark.parametrize("name, data, reason", [
    ("bad.json", b'{"data": [}', "invalid JSON (line 1: Expecting value)"),
    ("none.json", b"[]", "no articles in JSON"),
    ("none.jsonl", b'{"title": "x"}\n', "no readable record (no content field (content, text, body, article, 正文, 内容))"),
    ("two.jsonl", b'{"title": "x"}\n5\n', "no readable record (no content field (content, text, body, article, 正文, 内容), and 1 more)"),
])
def test_dumps_without_articles_are_skipped(name: str, data: bytes, reason: str) -> None:
    with pytest.raises(SkipFile) as exc:
        read_bytes(name, data)
    assert str(exc.value) == reason


BAD_BYTES = [
    (b"", "empty file"),
    (b" \r\n\t\n", "empty file"),
    ("\n  \n".encode("utf-16"), "empty file"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "binary file (PDF)"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary file (PNG)"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)), "binary file (JPEG)"),
    (b"PK\x03\x04\x14\x00\x06\x00" + bytes(range(256)), "binary file (ZIP)"),
    (b"\x1f\x8b\x08\x00" + bytes(range(256)), "binary file (gzip)"),
    (bytes(range(256)) * 16, "binary file"),
    (b"\xfd\xfe\xff" * 400, "undecodable (no text encoding fits)"),
    (bytes(range(0x80, 0x100)) * 20, "undecodable (no text encoding fits)"),
    (b"\x01\x02\x03\x04 text \x05\x06\x07\x08" * 40, "binary file (control characters)"),
    (b"\xef\xbb\xbf\xff\xff bad utf-8 after a BOM", "undecodable (invalid utf-8-sig after its BOM)"),
]


@pytest.mark.parametrize("data, reason", BAD_BYTES)
@pytest.mark.parametrize("name", ["x.txt", "x.html", "x.jsonl"])
def test_bad_bytes_are_skipped_with_their_reason(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    path = write(tmp_path, name, data)
    with pytest.raises(SkipFile) as exc:
        read_path(path)
    assert str(exc.value) == reason


def test_a_huge_file_is_skipped_unread(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "huge.txt"
    with open(path, "wb") as fh:
        fh.truncate(200 * readers.MB)  # sparse: 200 MB on paper, nothing on disk
    monkeypatch.setattr(readers, "open", lambda *a, **k: pytest.fail("a huge file was opened"), raising=False)
    with pytest.raises(SkipFile) as exc:
        read_path(path)
    assert str(exc.value) == "too large (200.0 MB > 50.0 MB limit)"


@pytest.mark.parametrize("limit, reason", [(1000, "too large (2.0 KB > 1000 bytes limit)"),
                                           (1536, "too large (2.0 KB > 1.5 KB limit)")])
def test_the_size_limit_is_a_parameter(tmp_path: Path, limit: int, reason: str) -> None:
    path = write(tmp_path, "big.txt", b"a" * 2048)
    with pytest.raises(SkipFile) as exc:
        read_path(path, max_bytes=limit)
    assert str(exc.value) == reason
    assert read_path(path, max_bytes=2048)[0].text == "a" * 2048


def test_broken_symlink_missing_file_directory_and_fifo(tmp_path: Path) -> None:
    (tmp_path / "link.txt").symlink_to(tmp_path / "gone.txt")
    (tmp_path / "dir.txt").mkdir()
    os.mkfifo(tmp_path / "pipe.txt")
    reasons = {}
    for name in ("link.txt", "missing.txt", "dir.txt", "pipe.txt"):
        with pytest.raises(SkipFile) as exc:
            read_path(tmp_path / name)
        reasons[name] = str(exc.value)
    assert reasons == {"link.txt": "broken symlink", "missing.txt": "no such file",
                       "dir.txt": "is a directory", "pipe.txt": "not a regular file"}


def test_permission_denied_when_open_refuses(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, "locked.txt", SIMPLIFIED.encode())

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(readers, "open", refuse, raising=False)
    with pytest.raises(SkipFile, match="^permission denied$"):
        read_path(path)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_permission_denied_by_file_mode(tmp_path: Path) -> None:
    path = write(tmp_path, "locked.txt", SIMPLIFIED.encode())
    path.chmod(0)
    with pytest.raises(SkipFile, match="^permission denied$"):
        read_path(path)



def test_a_short_gb18030_article_with_a_noisy_chunk_is_read() -> None:
    """charset-normalizer gives this article up at its default threshold (one chunk looks noisy);
    read at a looser one it is plain GB18030, and no article may be lost to the detector."""
    path = Path(__file__).parent / "fixtures" / "gb18030_noisy_chunk.txt"
    assert read_path(path)[0].text == path.read_bytes().decode("gb18030")
