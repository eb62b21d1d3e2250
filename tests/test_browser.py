"""End to end: `streamlit run` on a free localhost port, driven by Debian's Chromium through
Playwright. Checks that the charts render with Chinese glyphs (not boxes), that a sidebar filter
applies in the page and lands in the URL, saves a screenshot to tests/artifacts/, and that an
article carrying markup is shown as text in the document view, running nothing.

Skipped where /usr/bin/chromium is missing, except in CI (CI=true), where that is a failure.
"""
from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
CJK = re.compile(r"[\u4e00-\u9fff]")

# Draws two different characters in the charts' font on a canvas: missing glyphs render as the
# same empty box, so identical pixels mean the Chinese text would show as tofu.
GLYPHS_DIFFER = """(font) => {
    const draw = (ch) => {
        const c = document.createElement('canvas'); c.width = 64; c.height = 64;
        const g = c.getContext('2d'); g.font = '48px ' + font; g.fillText(ch, 0, 52);
        return Array.from(g.getImageData(0, 0, 64, 64).data).join();
    };
    return draw('园') !== draw('区') && draw('园') !== draw('');
}"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_healthy(url: str, proc: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited with {proc.returncode}: {proc.stdout.read()}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise TimeoutError(f"streamlit did not answer on {url}")


@pytest.fixture
def server(corpus_dir: Path) -> Iterator[str]:
    """The dashboard served on a free port over the synthetic corpus."""
    if not CHROMIUM.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{CHROMIUM} is missing (apt-get install chromium fonts-noto-cjk)")
        pytest.skip(f"{CHROMIUM} is missing")
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "dashboard.py"),
         "--server.port", str(port), "--server.address", "127.0.0.1",
         "--server.headless", "true", "--browser.gatherUsageStats", "false",
         "--server.fileWatcherType", "none"],
        cwd=ROOT, env={**os.environ, "INDICATOR_DATA": str(corpus_dir)},
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, proc)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def test_charts_render_chinese_and_a_filter_applies(server: str):
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / ".gitignore").write_text("*\n")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1800})
            page.goto(server)
            page.wait_for_selector(".js-plotly-plot .main-svg", timeout=60_000)
            page.wait_for_function(
                "() => document.querySelectorAll('.js-plotly-plot .main-svg').length >= 6")

            chart_text = page.locator(".js-plotly-plot text").all_text_contents()
            assert any("亿元" in t for t in chart_text), chart_text[:20]
            assert sum(bool(CJK.search(t)) for t in chart_text) > 10
            font = page.locator(".js-plotly-plot text.gtitle").first.evaluate(
                "el => getComputedStyle(el).fontFamily")
            assert "Noto Sans CJK SC" in font
            assert page.evaluate(GLYPHS_DIFFER, font), "Chinese glyphs render as boxes"

            sidebar = page.get_by_test_id("stSidebar")
            sidebar.get_by_role("combobox", name="Entity").click()
            page.get_by_role("option", name="苏州工业园区").click()
            page.keyboard.press("Escape")
            page.wait_for_function("() => decodeURIComponent(location.search)"
                                   ".includes('entity=苏州工业园区')", timeout=30_000)
            page.get_by_text("The filters show").wait_for(timeout=30_000)
            page.wait_for_function(  # the first value chart's legend names that entity only (charts
                """() => {               // are briefly absent while the page reruns)
                    const chart = document.querySelector('.js-plotly-plot');
                    return !!chart && [...chart.querySelectorAll('.legendtext')]
                        .map(t => t.textContent).join() === '苏州工业园区';
                }""", timeout=30_000)
            page.screenshot(path=str(ARTIFACTS / "dashboard.png"), full_page=True)

            dialogs: list[str] = []
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            page.get_by_role("button", name="Reset filters").click()
            page.get_by_text("The filters show").wait_for(state="detached", timeout=30_000)
            page.wait_for_function(
                "() => document.querySelectorAll('[data-testid=stTab]').length === 3")
            page.get_by_role("tab", name="Document").click()
            page.get_by_role("combobox", name="Article").click()
            page.get_by_role("option", name="<i>hostile</i> (hostile)").click()
            article = page.locator(".docview", has_text="<img src=x onerror=alert(1)>")
            article.wait_for(timeout=30_000)
            assert '<script>alert("x")</script>' in article.inner_text()
            assert article.locator("mark").count() == 2 and not dialogs
        finally:
            browser.close()
    assert (ARTIFACTS / "dashboard.png").stat().st_size > 10_000
