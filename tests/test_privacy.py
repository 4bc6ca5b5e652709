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
