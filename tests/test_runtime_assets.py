"""The learner's runtime as shipped: small, every string from the one table, the storage page."""

from __future__ import annotations

import gzip
import re

from builder.render import site
from builder.render.strings import STRINGS
from conftest import REPO

ASSETS = REPO / "builder" / "assets"
JS = (ASSETS / "course.js").read_text(encoding="utf-8")
CSS = (ASSETS / "course.css").read_text(encoding="utf-8")


def test_runtime_stays_small():
    raw = (JS + CSS).encode()
    assert len(raw) <= 40 * 1024, f"course.js + course.css: {len(raw)} bytes (budget 40 KiB)"
    assert len(gzip.compress(raw, 9)) <= 16_000, "well under 20 KB gzipped"


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
