"""A lesson written for another system builds with no edits to its pages and renders as its author
meant: tests/projects/workbench holds the Carpentries Workbench's example episode (CC BY 4.0, copied
unchanged, see its LICENSE.md) and a page in Quarto and MyST notation."""

from __future__ import annotations

import re

import pytest

from conftest import copy_project, run_cli


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = copy_project("workbench", tmp_path_factory.mktemp("workbench"))
    assert run_cli("check", "--strict", "--root", str(root)) == (0, "no problems in 5 files\n")
    status, output = run_cli("build", "--strict", "--root", str(root))
    assert status == 0, output
    return root / "site"


def article(site, page: str) -> str:
    html = (site / page / "index.html").read_text(encoding="utf-8")
    return re.search(r'<article class="md-content__inner md-typeset">(.*?)</article>', html, re.S).group(1)


def test_workbench_blocks_render_as_boxes(site):
    html = article(site, "01-lesson-template/introduction")
    assert ":::" not in html
    for kind, title in [("questions", "Questions"), ("objectives", "Objectives"), ("challenge", "Challenge 1: Can you do it?"),
                        ("callout", ":art: Advanced Image Styling"), ("keypoints", "Key points")]:
        assert re.search(rf'<div class="admonition \w+ cb-div {kind}">\s*<p class="admonition-title">{re.escape(title)}</p>', html), kind
    # solutions are collapsed until opened, and their headings stay out of the table of contents
    assert html.count('<details class="success cb-div solution">') == 2
    assert 'id="output"' not in html


def test_instructor_notes_reach_no_learner_output(site):
    sentence = "Inline instructor notes can help inform instructors"
    leaks = [p for p in site.rglob("*") if p.is_file() and p.suffix in {".html", ".json", ".js"} and sentence in p.read_text(errors="ignore")]
    assert leaks == []


def test_links_md_definitions_serve_the_pages_and_are_not_a_page(site):
    html = article(site, "01-lesson-template/introduction")
    assert '<a href="https://pandoc.org/MANUAL.html">Pandoc-flavored Markdown</a>' in html
    assert not (site / "01-lesson-template" / "links").exists()


def test_alt_text_attributes_and_mathematics(site):
    html = article(site, "01-lesson-template/introduction")
    assert html.count('alt="Blue Carpentries hex person logo with no text."') == 3
    assert html.count('<math xmlns="http://www.w3.org/1998/Math/MathML"') == 2


def test_quarto_and_myst_blocks(site):
    html = article(site, "01-lesson-template/02-quarto-and-myst")
    assert '<div class="admonition tip cb-div callout-tip">\n<p class="admonition-title">Before the session</p>' in html
    assert '<div class="admonition danger cb-div callout-important">' in html
    assert '<div class="admonition tip cb-div admonition">\n<p class="admonition-title">A question to discuss</p>' in html
    assert '<div class="admonition abstract cb-div discussion">\n<p class="admonition-title">Share with a colleague</p>' in html
    assert '<details class="tip cb-div hint">' in html and 'id="terms"' in html


def test_raw_html_urls_point_at_the_files_they_name(site):
    html = article(site, "01-lesson-template/introduction")
    src = re.search(r'<img src="([^"]+)" alt="pie chart', html).group(1)
    assert (site / "01-lesson-template" / "introduction" / src).resolve().is_file()


def test_raw_html_rewrite_leaves_code_and_other_sites_alone():
    from builder.render.html_urls import rewrite

    urls = {"m/fig/a.png": "../fig/a.png", "m/other.md": "../other/"}.get
    source = (
        '<img src="fig/a.png" alt="a"> `<img src="fig/a.png">` <a href="other.md#x">o</a>\n'
        '<img src="https://example.org/a.png"> <img src="fig/missing.png">\n```\n<img src="fig/a.png">\n```'
    )
    assert rewrite(source, "m/page.md", urls) == (
        '<img src="../fig/a.png" alt="a"> `<img src="fig/a.png">` <a href="../other/#x">o</a>\n'
        '<img src="https://example.org/a.png"> <img src="fig/missing.png">\n```\n<img src="fig/a.png">\n```'
    )


def test_stats_use_the_minutes_pages_declare_and_keep_columns_straight(tmp_path):
    root = copy_project("workbench", tmp_path)
    (root / "modules" / "01-lesson-template").rename(root / "modules" / "01-a-lesson-from-another-lesson-system")
    status, output = run_cli("stats", "--root", str(root))
    assert status == 0, output
    lines = output.splitlines()
    row = next(line for line in lines if line.startswith("a-lesson-from-another-lesson-system"))
    assert lines[0].index("pages") + len("pages") == row.index(" 3 ") + 2  # the pages column lines up
    assert row.split()[1:8] == ["3", "700", "11", "2", "2", "13", "15"]  # read 5 + 6 declared, exercises 2
    assert "2 page(s) declare their own minutes" in output
