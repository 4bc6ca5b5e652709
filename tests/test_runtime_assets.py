"""The learner's runtime as shipped: small, every string from the one table, the storage page."""

from __future__ import annotations

import gzip
import re

from builder.render import runtime, site
from builder.render.strings import STRINGS
from conftest import REPO

ASSETS = REPO / "builder" / "assets"
JS = runtime.runtime_source()
PAGES = runtime.learner_pages_source()
CSS = (ASSETS / "course.css").read_text(encoding="utf-8")


def test_runtime_is_every_part_in_the_explicit_order():
    parts = sorted(p.name for p in (ASSETS / "runtime").glob("*.js"))
    assert sorted(runtime.SCRIPTS) == parts, "every file in builder/assets/runtime/ is listed once in SCRIPTS"
    for shipped, names in ((JS, runtime.CORE), (PAGES, runtime.LEARNER_PAGES)):
        positions = [shipped.index(f"/* {name} */\n") for name in names]
        assert positions == sorted(positions)
    assert JS.rstrip().endswith("})();") and PAGES.rstrip().endswith("return VIEWS;\n};")


def test_runtime_stays_small():
    """What every page downloads (course.js), and what a learner page adds (course-pages.js)."""
    js = len(gzip.compress(JS.encode(), 9))
    assert js <= 16_000, f"course.js as shipped: {js} bytes gzipped (budget 16 KB)"
    pages = len(gzip.compress(PAGES.encode(), 9))
    assert pages <= 8_000, f"course-pages.js as shipped: {pages} bytes gzipped (budget 8 KB)"
    css = len(gzip.compress(CSS.encode(), 9))
    assert css <= 4_000, f"course.css: {css} bytes gzipped (budget 4 KB)"


def test_learner_pages_share_only_what_stays_the_same():
    """course-pages.js gets the core's names as values when it starts: a `let` the core reassigns
    would go stale there (data is emptied in place for that reason)."""
    assert runtime.mutable_names_shared() == []
    shared = runtime._shared_names()
    assert {"data", "h", "t", "save", "status", "record"} <= set(shared)
    assert "function shared() { return {" + ", ".join(shared) + "}; }" in JS


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
    keys = string_keys(JS + PAGES)
    assert len(keys) > 60
    assert sorted(keys - set(STRINGS)) == []


def test_storage_page_runs_the_runtime_from_the_site_root():
    page = site.storage_page()
    assert "data-cb-storage" in page and 'src="assets/course/course.js"' in page
    assert "http" not in page  # nothing remote: it works from disk


def test_both_shipped_files_are_valid_javascript(tmp_path):
    """Each file as a browser gets it (a strict-mode mistake shows only once it is joined)."""
    import shutil
    import subprocess

    node = shutil.which("node")
    assert node, "make install-test installs Node"
    for name, text in (("course.js", JS), ("course-pages.js", PAGES)):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        result = subprocess.run([node, "--check", str(path)], capture_output=True, text=True)
        assert result.returncode == 0, f"{name}: {result.stderr}"
