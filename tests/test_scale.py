"""What makes big courses fast: page workers, partial preview rebuilds, compact pages."""

from __future__ import annotations

import os
import sys

import pytest

from builder import parallel
from builder.commands.build import build_site
from builder.preview import Preview
from builder.render.compact import compact_html
from conftest import REPO

sys.path.insert(0, str(REPO / "bench"))
import generate  # noqa: E402


def test_split_gives_contiguous_shares_of_about_equal_weight():
    shares = parallel.split([1] * 10, 3)
    assert [list(s) for s in shares] == [[0, 1, 2, 3], [4, 5, 6], [7, 8, 9]]
    assert [list(s) for s in parallel.split([9, 1, 1, 1], 2)] == [[0], [1, 2, 3]]
    assert [len(s) for s in parallel.split([1], 3)] == [1, 0, 0]


@pytest.mark.skipif(parallel.available_cores() == 1 and not hasattr(os, "fork"), reason="needs fork")
def test_workers_send_their_results_or_their_failure():
    workers = parallel.Workers(3)
    share = workers.fork()
    if share == 1:
        workers.finish({"share": 1})
    if share == 2:
        workers.fail("page x: boom")
    with pytest.raises(RuntimeError, match="page x: boom"):
        workers.gather()
    workers = parallel.Workers(2)
    if workers.fork():
        workers.finish(["entries"])
    assert workers.gather() == [["entries"]]


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_a_build_in_two_processes_writes_exactly_what_one_process_writes(tmp_path, monkeypatch):
    course = generate.generate("tiny", tmp_path / "bench", REPO / "mkdocs.yml") / "ours"
    monkeypatch.setattr(parallel, "MIN_PAGES", 1)
    assert build_site(course, tmp_path / "one", jobs=1) == 0
    assert build_site(course, tmp_path / "two", jobs=2) == 0
    one = {p.relative_to(tmp_path / "one"): p.read_bytes() for p in (tmp_path / "one").rglob("*") if p.is_file()}
    two = {p.relative_to(tmp_path / "two"): p.read_bytes() for p in (tmp_path / "two").rglob("*") if p.is_file()}
    assert one.keys() == two.keys() and len(one) > 50
    assert [p for p in one if one[p] != two[p]] == []


def test_preview_rebuilds_one_page_only_when_nothing_else_changed(tmp_path):
    docs, site = tmp_path / "modules", tmp_path / "site"
    docs.mkdir()
    site.mkdir()
    (docs / "a.md").write_text("# A\n")
    (docs / "b.md").write_text("# B\n")
    preview = Preview()
    assert preview.before_build([docs], ["A", "B"], site) is True  # the first build renders everything
    (site / "a.html").write_text("old")
    (docs / "a.md").write_text("# A\n\nMore text.\n")
    assert preview.before_build([docs], ["A", "B"], site) is False
    assert (site / "a.html").exists()  # kept: MkDocs re-renders only what is newer than its output
    (docs / "a.md").write_text("# A, renamed\n")
    assert preview.before_build([docs], ["A, renamed", "B"], site) is True  # the navigation changed
    assert list(site.iterdir()) == []
    (docs / "c.md").write_text("# C\n")
    assert preview.before_build([docs], ["A, renamed", "B"], site) is True  # a new page


def test_preview_keeps_the_search_index_whole_across_partial_builds():
    preview = Preview()
    everything = [{"location": "a/", "text": "1"}, {"location": "a/#x", "text": "2"}, {"location": "b/", "text": "3"}]
    assert preview.merge_search(everything) == everything
    preview.full = False
    merged = preview.merge_search([{"location": "a/", "text": "new"}])
    assert merged == [{"location": "b/", "text": "3"}, {"location": "a/", "text": "new"}]


def test_compact_html_keeps_preformatted_text():
    html = '<nav>\n    <ul>\n      <li>x</li>\n    </ul>\n</nav>\n<pre><code>  indented\n    code</code></pre>\n  <textarea>\n  kept</textarea>'
    assert compact_html(html) == '<nav>\n<ul>\n<li>x</li>\n</ul>\n</nav>\n<pre><code>  indented\n    code</code></pre>\n<textarea>\n  kept</textarea>'
