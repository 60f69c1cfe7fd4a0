"""The web app in a real browser (Debian's chromium, driven by Selenium): list, search, a story with
citation hover, hostile text that must not run, and a live update without reload.

Screenshots go to artifacts/browser/. Skipped when chromium or chromedriver is absent here;
.ci/run installs both, so CI runs these tests.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from newsynth.serve import ServeSettings
from tests.conftest import ROOT
from tests.serve.fixtures import FOLLOW_UP, HOSTILE, fill_store
from tests.serve.live import running_server

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
SHOTS = ROOT / "artifacts" / "browser"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1280,1000",
]
NEW_STORY = {
    "title": "Otter family returns to the Wendle river after forty years",
    "outlet": "Wendle Valley Times",
    "date": "2031-07-01",
    "text": (
        "A family of otters has been filmed on the Wendle river for the first time in forty years, the "
        "Wendle Rivers Trust said on Monday. Volunteers counted two adults and three cubs near the old "
        "mill at Haverby. The trust credits ten years of work to clean up the river's tributaries."
    ),
}

pytestmark = pytest.mark.skipif(
    not (CHROMIUM.exists() and CHROMEDRIVER.exists()),
    reason="needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver); "
    ".ci/run installs them",
)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    path = tmp_path_factory.mktemp("browser") / "store.sqlite"
    fill_store(path)
    settings = ServeSettings(store=path, warm=False, events_poll_s=0.2, events_seconds=60)
    with running_server(settings) as base:
        httpx.post(f"{base}/api/articles", json=[HOSTILE, FOLLOW_UP], timeout=60).raise_for_status()
        yield base


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    os.environ.setdefault("SE_OFFLINE", "true")  # Selenium must not look for a driver online
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in [*CHROMIUM_FLAGS, f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"]:
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(30)
    SHOTS.mkdir(parents=True, exist_ok=True)
    try:
        yield driver
    finally:
        driver.quit()


def wait_for(condition, seconds: float = 10.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return False


def story_titles(browser) -> list[str]:
    """Read in one go in the page: the list may be swapped for a newer one at any moment."""
    script = "return Array.from(document.querySelectorAll('li.story a.title'), a => a.textContent)"
    return browser.execute_script(script)


def test_list_search_and_a_story_with_citation_hover(browser, server: str) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    browser.get(server + "/")
    assert len(story_titles(browser)) == 6
    browser.save_screenshot(str(SHOTS / "1-list.png"))

    box = browser.find_element(By.CSS_SELECTOR, "form.filters input[name=q]")
    box.send_keys("Calderhaven crane")
    box.submit()
    assert wait_for(lambda: len(story_titles(browser)) == 1)
    assert story_titles(browser)[0].startswith("Crane collapses onto quay at Calderhaven")
    browser.save_screenshot(str(SHOTS / "2-search.png"))

    browser.find_element(By.CSS_SELECTOR, "li.story a.title").click()
    assert wait_for(lambda: "/stories/" in browser.current_url)
    story_id = browser.current_url.rsplit("/", 1)[1]
    brief = httpx.get(f"{server}/api/stories/{story_id}", timeout=60).json()
    first = brief["summary"][0]
    cite = browser.find_element(By.CSS_SELECTOR, ".summary .cite")
    popover = cite.find_element(By.CSS_SELECTOR, ".pop")
    assert not popover.is_displayed()
    ActionChains(browser).move_to_element(cite.find_element(By.TAG_NAME, "a")).perform()
    assert wait_for(popover.is_displayed, 5)
    supporting = next(
        s["sentence"] for s in first["support"] if s["article"] == min(first["supporting_articles"])
    )
    assert supporting[:60] in popover.text
    browser.save_screenshot(str(SHOTS / "3-story-citation.png"))


def test_hostile_article_text_shows_as_text_and_never_runs(browser, server: str) -> None:
    from selenium.webdriver.common.by import By

    stories = httpx.get(f"{server}/api/stories", params={"q": "Brindlewick"}, timeout=30).json()["stories"]
    story_id = stories[0]["id"]
    brief = httpx.get(f"{server}/api/stories/{story_id}", timeout=60).json()
    article_id = next(
        a["id"] for a in brief["articles"] if a["title"].startswith("Brindlewick council <script>")
    )
    for path in ["/", f"/stories/{story_id}", f"/articles/{article_id}"]:
        browser.get(server + path)
        assert browser.execute_script("return typeof window.pwned") == "undefined", path
        assert browser.find_elements(By.CSS_SELECTOR, "main img, main a[href^='javascript']") == [], path
    assert browser.find_element(By.TAG_NAME, "h1").text == HOSTILE["title"]  # markup shown as text
    assert HOSTILE["outlet"] in browser.find_element(By.CSS_SELECTOR, "header .meta").text
    browser.save_screenshot(str(SHOTS / "4-hostile-article.png"))


def test_the_list_updates_when_an_article_arrives_without_a_reload(browser, server: str) -> None:
    browser.get(server + "/")
    assert wait_for(
        lambda: browser.execute_script("return document.getElementById('live-status').textContent") == "live"
    )
    browser.execute_script("window.sameDocument = true")
    httpx.post(f"{server}/api/articles", json=NEW_STORY, timeout=60).raise_for_status()
    assert wait_for(lambda: NEW_STORY["title"] in story_titles(browser), 15)
    assert browser.execute_script("return window.sameDocument") is True
    browser.save_screenshot(str(SHOTS / "5-live-update.png"))


def test_chromium_is_debians_and_no_browser_was_downloaded() -> None:
    assert shutil.which("chromium") == str(CHROMIUM)
