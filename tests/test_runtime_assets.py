"""The learner's runtime as shipped: small, every string from the one table, the storage page."""

from __future__ import annotations

import gzip
import re

from builder.render import runtime, site
from builder.render.strings import STRINGS
from conftest import REPO

ASSETS = REPO / "builder" / "assets"
JS = runtime.runtime_source()
CSS = (ASSETS / "course.css").read_text(encoding="utf-8")


def test_runtime_is_every_part_in_the_explicit_order():
    parts = sorted(p.name for p in (ASSETS / "runtime").glob("*.js"))
    assert sorted(runtime.SCRIPTS) == parts, "every file in builder/assets/runtime/ is listed once in SCRIPTS"
    positions = [JS.index(f"/* {name} */\n") for name in runtime.SCRIPTS]
    assert positions == sorted(positions)
    assert JS.count("})();") >= 1 and JS.rstrip().endswith("})();")


def test_runtime_stays_small():
    js = len(gzip.compress(JS.encode(), 9))
    assert js <= 16_000, f"course.js as shipped: {js} bytes gzipped (budget 16 KB)"
    css = len(gzip.compress(CSS.encode(), 9))
    assert css <= 4_000, f"course.css: {css} bytes gzipped (budget 4 KB)"


def string_keys(source: str) -> set[str]:
    """Every key the runtime passes to t(...), including both sides of t(cond ? "a" : "b")."""
    keys = set()
    for match in re.finditer(r"\bt\(", source):
        depth, i = 1, match.end()
        while depth and i < len(source):
            depth += {"(": 1, ")": -1}.get(source[i], 0)
            i += 1
        call = source[match.end(): i - 1]
        first = re.split(r",\s*[{\w]", call, maxsplit=1)[0]  # the key expression, not the values
        keys |= set(re.findall(r'"(\w+)"', first))
    return keys


def test_every_runtime_string_is_in_the_table():
    keys = string_keys(JS)
    assert len(keys) > 60
    assert sorted(keys - set(STRINGS)) == []


def test_storage_page_runs_the_runtime_from_the_site_root():
    page = site.storage_page()
    assert "data-cb-storage" in page and 'src="assets/course/course.js"' in page
    assert "http" not in page  # nothing remote: it works from disk
