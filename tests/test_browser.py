"""A person with a browser: headless Chromium against a real ``newsarchive serve``.

Loads ``/``, types a query into the form and submits it, reads the "N of M" line, the
marked snippets and the chart, follows a hit and reads the article. Needs Debian's
``chromium`` and ``chromium-driver`` and the ``selenium`` package (``make test-browser``
installs them); skips, saying which is missing, otherwise.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from .search_corpus import ARTICLES, build
from .support import Result
from .web_support import served

Cli = Callable[..., Result]
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
SHOTS = Path(os.environ["NEWSARCHIVE_SHOTS"]) if os.environ.get("NEWSARCHIVE_SHOTS") else None


@pytest.fixture
def browser() -> Iterator[Any]:
    if CHROMIUM is None or DRIVER is None:
        pytest.skip("needs Debian's chromium and chromium-driver (make test-browser)")
    webdriver = pytest.importorskip(
        "selenium.webdriver", reason="needs selenium (make test-browser)"
    )
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1200,900",
                 "--disable-dev-shm-usage"):  # fmt: skip
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=DRIVER), options=options)
    driver.implicitly_wait(10)
    try:
        yield driver
    finally:
        driver.quit()


def test_a_person_searches_and_reads_an_article(browser: Any, run_cli: Cli, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    evil = {
        "site": "ruse24",
        "url": "https://ruse24.bg/evil",
        "title": "<script>document.title='pwned'</script>Общините и <b>бюджетът</b>",
        "published": "2024-06-01T10:00:00+03:00",
        "text": "Общините поискаха <i>повече</i> пари.",
    }
    db = build(run_cli, tmp_path / "demo.db", [*ARTICLES, evil])
    with served(db) as url:
        browser.get(url + "/")
        assert browser.find_element(By.TAG_NAME, "h1").text == "Search the news archive"
        box = browser.find_element(By.NAME, "q")
        box.send_keys("община")
        box.submit()

        count = browser.find_element(By.ID, "count").text
        assert count == "1–5 of 5 articles"
        titles = [a.text for a in browser.find_elements(By.CSS_SELECTOR, "a.na-title")]
        assert len(titles) == 5
        assert "<script>document.title='pwned'</script>Общините и <b>бюджетът</b>" in titles
        assert browser.title.startswith("община")  # the script in a title did not run
        marked = {m.text for m in browser.find_elements(By.TAG_NAME, "mark")}
        assert {"Общината", "общините", "община", "общини", "Общините"} <= marked
        chart = browser.find_element(By.CSS_SELECTOR, "svg.na-chart")
        assert chart.size["width"] > 300 and chart.size["height"] > 50
        legend = [li.text for li in browser.find_elements(By.CSS_SELECTOR, ".na-legend li")]
        assert legend == ["bta", "nsorb", "ruse-bg", "ruse24"]
        csv_link = browser.find_element(By.LINK_TEXT, "Download these numbers (CSV)")
        assert "/chart.csv?q=" in csv_link.get_attribute("href")

        browser.find_element(By.LINK_TEXT, ARTICLES[0]["title"]).click()
        assert browser.find_element(By.TAG_NAME, "h1").text == ARTICLES[0]["title"]
        paragraphs = [p.text for p in browser.find_elements(By.CSS_SELECTOR, "article p")]
        assert ARTICLES[0]["text"].split("\n")[1] in paragraphs
        original = browser.find_element(By.CSS_SELECTOR, ".na-url a")
        assert original.text == ARTICLES[0]["url"]
        browser.find_element(By.LINK_TEXT, "← back to the results").click()
        assert browser.find_element(By.ID, "count").text == "1–5 of 5 articles"
        if SHOTS:
            browser.save_screenshot(str(SHOTS / "results.png"))

        browser.get(url + "/demo/articles")  # Datasette's own table view
        header = [th.text for th in browser.find_elements(By.CSS_SELECTOR, "th") if th.text]
        assert not any("lemmas" in h for h in header)
        assert not browser.find_element(By.CSS_SELECTOR, "th.col-text_lemmas").is_displayed()
        if SHOTS:
            browser.save_screenshot(str(SHOTS / "table.png"))
        rows = browser.find_elements(By.CSS_SELECTOR, "table.rows-and-columns tbody tr")
        assert len(rows) == 6 and max(r.size["height"] for r in rows) < 200
        tables = browser.get(url + "/demo") or browser.find_element(By.TAG_NAME, "body").text
        assert "frontier" not in tables and "lemma_vocab" not in tables
