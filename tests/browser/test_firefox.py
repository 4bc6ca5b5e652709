"""The cross-page journeys in Debian's firefox-esr (puppeteer-core over WebDriver BiDi), online under
/cpd/ and from file:// with Firefox's default strict file origin policy. See firefox_journeys.mjs."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from browser.conftest import bilingual_offline
from conftest import REPO

pytestmark = pytest.mark.browser

FIREFOX = "/usr/bin/firefox-esr"
SCRIPT = Path(__file__).with_name("firefox_journeys.mjs")
# name -> (URL path online, with directory URLs; file path in the offline copy)
PAGES = {
    "home": ("", "index.html"),
    "welcome": ("01-welcome/", "01-welcome/index.html"),
    "start": ("01-welcome/01-start/", "01-welcome/01-start.html"),
    "practice": ("02-practice/", "02-practice/index.html"),
    "ideas": ("02-practice/01-ideas/", "02-practice/01-ideas.html"),
    "more": ("02-practice/02-more/", "02-practice/02-more.html"),
    "extra": ("02-practice/03-extra/", "02-practice/03-extra.html"),
    "end": ("02-practice/practice-end/", "02-practice/practice-end.html"),
    "progress": ("progress/", "progress.html"),
    "record": ("record/", "record.html"),
    "journal": ("journal/", "journal.html"),
}
MODULE_PAGES = ["home", "welcome", "start", "practice", "ideas", "more", "extra"]


def urls(base: str, from_disk: bool) -> dict:
    pages = {name: base + paths[from_disk] for name, paths in PAGES.items()}
    pages["all"] = [pages[name] for name in MODULE_PAGES]
    return pages


def node_or_skip() -> str:
    node = shutil.which("node") or "/usr/bin/node"
    if not Path(FIREFOX).exists() or not Path(node).exists():
        pytest.skip("firefox-esr or node is not installed")
    if not (REPO / "node_modules" / "puppeteer-core").exists():
        pytest.fail("puppeteer-core is missing: run `npm ci` at the repository root")
    return node


def run_in_firefox(script: Path, runs: list[dict], timeout: int = 240) -> None:
    """Run a puppeteer script's journeys in firefox-esr; every one of them must pass."""
    result = subprocess.run([node_or_skip(), str(script), json.dumps({"runs": runs})], cwd=REPO, capture_output=True,
                            text=True, timeout=timeout)
    output = result.stdout + result.stderr
    print(output)  # the steps, shown with -s or -rP
    assert result.returncode == 0, output
    assert f"{len(runs)} journeys passed" in output, output


def test_firefox_cross_page_journeys_online_and_from_disk(server):
    run_in_firefox(SCRIPT, [
        {"name": "online", "pages": urls(server.url("journey"), from_disk=False)},
        {"name": "file", "pages": urls(server.sites["offline"].as_uri() + "/", from_disk=True)},
    ])


def test_firefox_switching_language_online_and_from_disk(server, bilingual, tmp_path):
    """The two-language journey course (tests/browser/conftest.py: bilingual): German at de/."""
    node_or_skip()
    offline = bilingual_offline(tmp_path)
    runs = []
    for name, base, from_disk in (("online languages", bilingual, False), ("file languages", offline.as_uri() + "/", True)):
        pages = urls(base, from_disk)
        pages["de"] = urls(base + "de/", from_disk)
        runs.append({"name": name, "pages": pages})
    run_in_firefox(SCRIPT, runs)
