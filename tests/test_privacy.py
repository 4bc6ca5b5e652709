"""No third-party request: built pages are scanned, and a build that would make one fails."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from builder import privacy
from builder.privacy import remote_loads
from conftest import copy_project, overlay, run_cli


def whole_text_scan(text: str, css: bool = False) -> list:
    """The reference: one pass of the tag and CSS patterns over the whole text."""
    found = []
    if not css:
        for tag in privacy._TAG.finditer(text):
            found += privacy._tag_loads(text, tag)
    for match in privacy._CSS_URL.finditer(text):
        found.append(privacy._at(text, match.start(1), match.group(1), "css"))
    return found


PIECES = ["<img", "<IMG ", "<script", "<link rel=\"canonical\"", "<link", "<a", " src=", " href=", " srcset=", "=",
          "\"", "'", ">", "<", "//", "https://x.org/a", "http:", "url(", "URL( ", "@import \"", " ", "\n", "a", ",", "1x"]


@settings(max_examples=2000, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(st.sampled_from(PIECES), max_size=30), st.booleans())
def test_the_fast_scan_finds_what_a_whole_text_scan_finds(pieces, css):
    text = "".join(pieces)
    assert remote_loads(text, css) == whole_text_scan(text, css)


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
        (7, "iframe", "https://video.example.org/embed"),
        (6, "css", "https://example.org/bg.png"),
    ]


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
