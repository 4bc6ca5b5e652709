"""No third-party request: built pages are scanned, and a build that would make one fails."""

from __future__ import annotations

from builder.privacy import remote_loads
from conftest import copy_project, overlay, run_cli


def test_remote_loads_are_found_and_plain_links_allowed():
    html = (
        '<a href="https://example.org">site</a>\n'
        '<img src="https://example.org/a.png" alt="">\n'
        '<img srcset="local.png 1x, //cdn.example.org/b.png 2x" alt="">\n'
        '<link rel="canonical" href="https://example.org/">\n'
        '<link rel="stylesheet" href="https://fonts.example.org/css">\n'
        '<style>body { background: url("https://example.org/bg.png") }</style>\n'
        '<iframe src="https://video.example.org/embed"></iframe>\n'
        '<script src="assets/local.js"></script>\n'
    )
    found = [(load.line, load.what, load.url) for load in remote_loads(html)]
    assert found == [
        (2, "img", "https://example.org/a.png"),
        (3, "img", "//cdn.example.org/b.png"),
        (5, "link", "https://fonts.example.org/css"),
        (6, "css", "https://example.org/bg.png"),
        (7, "iframe", "https://video.example.org/embed"),
    ]


def test_a_greater_than_sign_in_an_attribute_hides_no_load(tmp_path):
    """Issue 10, item 6: `alt="a>b"` before a remote src, in `check` and in the built site's scan."""
    course = copy_project("minimal", tmp_path)
    page = '# Map\n\n<img alt="a>b" src="https://maps.example.org/tile.png">\n'
    overlay(course, "=== modules/01-basics/03-map.md\n" + page)
    status, output = run_cli("check", "--root", str(course))
    assert status == 1
    assert "modules/01-basics/03-map.md:3:1: error: <img> loads 'https://maps.example.org/tile.png' from another site [privacy.remote-resource]" in output
    from builder.privacy import scan_site

    site = tmp_path / "built"
    (site / "a").mkdir(parents=True)
    (site / "a" / "index.html").write_text("<p>x</p>\n" + page.split("\n\n")[1])
    assert [(path, load.line, load.url) for path, load in scan_site(site)] == [("a/index.html", 2, "https://maps.example.org/tile.png")]


def test_build_with_a_remote_script_in_a_theme_override_fails_and_keeps_the_site(tmp_path):
    course = copy_project("minimal", tmp_path)
    assert run_cli("build", "--root", str(course))[0] == 0
    before = (course / "site" / "index.html").read_text()
    overlay(course, (
        "=== overrides/main.html\n{% extends \"base.html\" %}\n"
        "{% block scripts %}{{ super() }}<script src=\"https://analytics.example.org/t.js\"></script>{% endblock %}\n"
    ))
    config = (course / "mkdocs.yml").read_text().replace("  font: false", "  font: false\n  custom_dir: overrides")
    (course / "mkdocs.yml").write_text(config)
    status, output = run_cli("build", "--root", str(course))
    assert status == 1
    assert "index.html:" in output and "loads 'https://analytics.example.org/t.js' from another site [privacy.remote-request]" in output
    assert (course / "site" / "index.html").read_text() == before


FONT_SVG = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">\n'
            '<style>@import url("https://fonts.example.org/css?family=Drawn");</style>\n<text y="5">Term</text>\n</svg>\n')


def test_check_and_build_agree_on_a_figure_with_a_web_font(tmp_path):
    """Issue 11: shown only as a picture, a figure's web font is never fetched (a warning, and the
    build goes on); once a page links to the figure, check and build both refuse it."""
    course = copy_project("minimal", tmp_path)
    overlay(course, "=== modules/01-basics/timeline.svg\n" + FONT_SVG +
            "=== modules/01-basics/03-timeline.md\n# Timeline\n\n![The school year as a timeline](timeline.svg)\n")
    status, output = run_cli("check", "--root", str(course))
    assert status == 0 and "modules/01-basics/timeline.svg:2:1: warning:" in output and "[privacy.figure-remote]" in output
    status, output = run_cli("build", "--root", str(course))
    assert status == 0, output
    assert "privacy.remote-request" not in output
    assert (course / "site" / "01-basics" / "timeline.svg").read_text() == FONT_SVG
    assert run_cli("check", "--strict", "--root", str(course))[0] == 1

    before = (course / "site" / "index.html").read_text()
    overlay(course, "=== modules/01-basics/03-timeline.md\n# Timeline\n\n![The school year](timeline.svg)\n\n[Full size](timeline.svg)\n")
    status, output = run_cli("check", "--root", str(course))
    assert status == 1
    assert "modules/01-basics/03-timeline.md:5 opens this figure as a page" in output
    assert run_cli("build", "--root", str(course))[0] == 1
    assert (course / "site" / "index.html").read_text() == before


def test_the_site_scan_tells_pictures_from_documents(tmp_path):
    """privacy.split_figures on a built site: <img> and CSS backgrounds block a figure's loads;
    a link or <object> opens it as a document (paths relative to the page that refers to it)."""
    from builder.privacy import scan_site, split_figures

    site = tmp_path / "site"
    for rel in ("a/pic.svg", "b/doc.svg", "c/bg.svg"):
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_text(FONT_SVG)
    (site / "a" / "index.html").write_text('<img src="pic.svg" alt=""><div style="background:url(../c/bg.svg)"></div>')
    (site / "x" / "y").mkdir(parents=True)
    (site / "x" / "y" / "index.html").write_text('<img src="../../b/doc.svg" alt=""> <a href="../../b/doc.svg#top">open</a>')
    errors, blocked = split_figures(site, scan_site(site))
    assert [path for path, _ in errors] == ["b/doc.svg"]
    assert sorted(path for path, _ in blocked) == ["a/pic.svg", "c/bg.svg"]
