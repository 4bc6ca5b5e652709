"""The learner's side of the benchmark: how long a built page takes to start in a slow browser.

In Debian's Chromium (driven by Playwright, as tests/browser does) with the CPU throttled 4x through
the DevTools protocol (Emulation.setCPUThrottlingRate), over http from a local server:

- start-up: the time from the start of DOMContentLoaded to the runtime's `data-cb-ready` mark on
  <html>, for one content page and for My progress (negative when the runtime is ready before
  the theme's DOMContentLoaded work begins: it starts as soon as its script runs);
- the runtime's own start-up: its `cb:start` performance measure, from its start to that mark
  (what our code costs, wherever it falls);
- manifest.js: the time to compile its text (a `new Function` of it) and then to run it, which
  together are what the browser spends on it at each page load.

Each page is loaded once to fill the HTTP cache (as a learner's second page would find it), then
RUNS times in a new tab of the same profile; the figures are medians.
"""

from __future__ import annotations

import functools
import http.server
import statistics
import sys
import threading
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))
from conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402  (the browser the tests use, launched the same way)

THROTTLE = 4
READY_TIMEOUT_MS = 60_000

_START_UP = """() => {
  const nav = performance.getEntriesByType("navigation")[0], own = performance.getEntriesByName("cb:start")[0];
  return {dcl: nav.domContentLoadedEventStart, ready: window.__cbReadyAt, own: own ? own.duration : null};
}"""

# Runs before the page's own scripts: notes when the runtime sets data-cb-ready.
_WATCH_READY = """
new MutationObserver((_, observer) => {
  const html = document.documentElement;
  if (html && html.hasAttribute("data-cb-ready")) { window.__cbReadyAt = performance.now(); observer.disconnect(); }
}).observe(document, {attributes: true, subtree: true, attributeFilter: ["data-cb-ready"]});  // <html> is not there yet
"""

_MANIFEST = """async () => {
  const tag = [...document.scripts].find(s => /manifest\\.js(\\?|$)/.test(s.src));
  if (!tag) return null;
  const text = await (await fetch(tag.src)).text();
  const source = text + "\\n//" + Math.random();  // never a compilation-cache hit
  const t0 = performance.now();
  const code = new Function(source);
  const t1 = performance.now();
  code.call(window);
  const t2 = performance.now();
  return {bytes: new Blob([text]).size, compile: t1 - t0, run: t2 - t1};
}"""


def available() -> str | None:
    """Why the learner figures cannot be measured here, or None when they can."""
    if not Path(CHROMIUM).exists():
        return f"no Chromium at {CHROMIUM}"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright is not installed (make install-test)"
    return None


@contextmanager
def serving(site: Path):
    """A quiet threaded http.server on loopback serving SITE; yields its base URL."""
    class Handler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(site)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_port}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


def measure(site: Path, pages: dict[str, str], runs: int) -> dict:
    """Start Chromium, then measure_in() it."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            return measure_in(browser, site, pages, runs)
        finally:
            browser.close()


def measure_in(browser, site: Path, pages: dict[str, str], runs: int) -> dict:
    """{name: {"start": median ms, "starts": [ms …]}} for each of PAGES (name -> site-relative URL),
    and "manifest": {"bytes", "compile", "run"} (medians, ms) measured on the first page."""
    results: dict = {}
    with serving(site) as base:
        context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
        context.add_init_script(_WATCH_READY)
        manifest, first = [], next(iter(pages))
        for name, url in pages.items():
            _load(context, base + url)[0].close()  # fills the cache; the runtime records the visit
            starts, owns = [], []
            for _ in range(runs):
                page, figures = _load(context, base + url)
                starts.append(figures["ready"] - figures["dcl"])
                owns.append(figures["own"])
                found = page.evaluate(_MANIFEST) if name == first else None
                if found:
                    manifest.append(found)
                page.close()
            results[name] = {"start": statistics.median(starts), "starts": starts,
                             "own": statistics.median(owns) if None not in owns else None}
        context.close()
    if manifest:
        results["manifest"] = {key: statistics.median(m[key] for m in manifest) for key in ("bytes", "compile", "run")}
    return results


def _load(context, url: str):
    """Open URL in a new tab with the CPU throttled; wait for the runtime. Returns (page, figures)."""
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": THROTTLE})
    page.goto(url, wait_until="load")
    page.wait_for_function("document.documentElement.hasAttribute('data-cb-ready')", timeout=READY_TIMEOUT_MS)
    page.wait_for_function("window.__cbReadyAt !== undefined")
    figures = page.evaluate(_START_UP)
    return page, figures
