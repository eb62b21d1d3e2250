"""python -m extract: outputs, flags and the summary of what was skipped."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from extract import corpus
from extract.__main__ import main
from extract.merge import CONSOLIDATED_COLUMNS
from extract.schema import COLUMNS
from test_corpus import fake_extract

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Two outlets reporting one figure, a copy of one of them, and two bad files."""
    monkeypatch.setattr(corpus, "extract_text", fake_extract)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    root = tmp_path / "news"
    root.mkdir()
    (root / "a.txt").write_text("苏州完成投资110亿元。\n", encoding="gbk")
    (root / "b.jsonl").write_text(json.dumps({"title": "T", "content": "苏州完成投资110亿元。\n"}) + "\n")
    (root / "copy_of_a.txt").write_text("苏州完成投资110亿元。\n", encoding="utf-8")
    (root / "scan.txt").write_bytes(b"%PDF-1.4\n")
    (root / "empty.md").write_bytes(b"")
    return root


def summary_lines(root: Path, head: str) -> str:
    return "\n".join([head, f"  skipped {root / 'empty.md'}: empty file",
                      f"  skipped {root / 'scan.txt'}: binary file (PDF)",
                      f"  skipped {root / 'x.txt'}: no such file"]) + "\n"


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_csv_out_and_summary(folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], jobs: str) -> None:
    out = tmp_path / "out" / "facts.csv"
    assert main([str(folder), str(folder / "x.txt"), "-o", str(out), "-j", jobs, "--no-cache"]) == 0
    facts = pd.read_csv(out, encoding="utf-8")
    assert list(facts.columns) == list(COLUMNS)
    assert sorted(facts["doc"]) == ["a", "b#0"]
    assert capsys.readouterr().err == summary_lines(
        folder, "2 documents, 2 facts, 3 skipped; 1 duplicate articles merged")


def test_parquet_consolidated_and_documents(folder: Path, tmp_path: Path) -> None:
    paths = {k: tmp_path / f"{k}.parquet" for k in ("facts", "merged", "docs")}
    assert main([str(folder), "-o", str(paths["facts"]), "--consolidated", str(paths["merged"]),
                 "--documents", str(paths["docs"]), "-q", "--no-cache"]) == 0
    assert list(pd.read_parquet(paths["facts"]).columns) == list(COLUMNS)
    merged = pd.read_parquet(paths["merged"])
    assert list(merged.columns) == list(CONSOLIDATED_COLUMNS)
    assert (merged["n_sources"].tolist(), list(merged["sources"][0])) == ([2], ["a", "b#0"])
    docs = pd.read_parquet(paths["docs"]).set_index("doc")
    assert list(docs.loc["a", "files"]) == [str(folder / "a.txt"), str(folder / "copy_of_a.txt")]


def test_csv_lists_are_joined(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "docs.csv"
    main([str(folder), "-o", str(tmp_path / "f.csv"), "--documents", str(out), "-q", "--no-cache"])
    docs = pd.read_csv(out).set_index("doc")
    assert docs.loc["a", "files"] == f"{folder / 'a.txt'} | {folder / 'copy_of_a.txt'}"


def test_cache_flag_and_rerun(folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = [str(folder), "-o", str(tmp_path / "f.csv"), "--cache", str(tmp_path / "c"), "-q", "-j", "1"]
    main(args)
    main(args)
    assert capsys.readouterr().err.splitlines()[-3] == (
        "2 documents, 2 facts, 2 skipped; 1 duplicate articles merged; 2 documents from cache")
    assert any((tmp_path / "c").glob("v-*.sqlite3"))
    assert not (tmp_path / "xdg").exists()


def test_default_cache_is_the_user_cache(folder: Path, tmp_path: Path) -> None:
    main([str(folder), "-o", str(tmp_path / "f.csv"), "-q", "-j", "1"])
    assert any((tmp_path / "xdg" / "regional-indicators" / "facts").glob("v-*.sqlite3"))


def test_size_limit_flag(folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (folder / "big.txt").write_text("苏州" * 1000)
    main([str(folder / "big.txt"), "-o", str(tmp_path / "f.csv"), "--max-mb", "0.001", "--no-cache", "-q"])
    assert capsys.readouterr().err == (
        f"0 documents, 0 facts, 1 skipped\n  skipped {folder / 'big.txt'}: too large (5.9 KB > 1.0 KB limit)\n")


def test_nothing_readable_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(tmp_path / "nope"), "-o", str(tmp_path / "f.csv"), "--no-cache"]) == 1
    assert capsys.readouterr().err == f"0 documents, 0 facts, 1 skipped\n  skipped {tmp_path / 'nope'}: no such file\n"
    assert list(pd.read_csv(tmp_path / "f.csv").columns) == list(COLUMNS)


@pytest.mark.parametrize("args", [["--jobs", "0"], ["--cache", "d", "--no-cache"], []])
def test_bad_arguments(tmp_path: Path, args: list[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main([str(tmp_path)] + args + (["-o", "f.csv"] if args else []))
    assert exc.value.code == 2


def test_module_entry_point(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("苏州完成投资110亿元。\n")
    proc = subprocess.run([sys.executable, "-m", "extract", str(tmp_path), "-o", str(tmp_path / "f.csv"),
                           "--no-cache"], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.splitlines()[-1].startswith("1 documents, ")
    assert list(pd.read_csv(tmp_path / "f.csv").columns) == list(COLUMNS)
