"""The one HTML tokenizer (builder/html_scan.py), held to an oracle that shares no code with it.

The oracle is html5lib (a pure-Python implementation of the WHATWG parsing algorithm, the one
browsers follow) with its own, simpler reading of which attributes fetch: on random HTML, every
remote load the oracle finds must be found by the privacy scan (it may find more: html.parser
sees tags inside <title> and <textarea>, where browsers see text, and errs towards reporting).
A hand-written table pins exact answers, including the cases html.parser alone gets wrong.
"""

from __future__ import annotations

import re
from collections import Counter

import html5lib
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from builder.html_scan import start_tags
from builder.privacy import may_load_remote, remote_loads

# The oracle's own rules, written from the HTML standard, not from builder/privacy.py.
FETCHING = {"src", "poster", "data", "background"}
HREF_FETCHES_UNLESS = {"a", "area"}
INERT_RELS = {"canonical", "alternate", "author", "license", "me", "next", "prev", "search", "help"}


def oracle_remote(url: str) -> bool:
    url = "".join(ch for ch in url.strip("\x00\x01\x02\x03\x04\x05\x06\x07\x08\t\n\x0b\x0c\r\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f ") if ch not in "\t\n\r")
    url = url.replace("\\", "/")
    return url.startswith("//") or bool(re.match(r"(?i)(https?|ftp|wss?):|[a-z][a-z0-9+.-]*://", url))


def oracle_loads(html: str) -> Counter:
    found: Counter = Counter()
    tree = html5lib.parse(html, treebuilder="etree", namespaceHTMLElements=False)
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue  # a comment
        tag = element.tag.rsplit("}", 1)[-1].lower()
        rels = set(element.attrib.get("rel", "").lower().split())
        for key, value in element.attrib.items():
            name = key.rsplit("}", 1)[-1].lower()
            if name in FETCHING or (name == "href" and tag not in HREF_FETCHES_UNLESS and not (tag == "link" and rels & INERT_RELS)):
                if oracle_remote(value):
                    found[value] += 1
            elif name == "srcset":
                for candidate in value.split(","):
                    if candidate.split() and oracle_remote(candidate.split()[0]):
                        found[candidate.split()[0]] += 1
        if tag == "style":
            for url in re.findall(r"url\(\s*['\"]?([^'\")\s]*)", element.text or ""):
                if oracle_remote(url):
                    found[url] += 1
    return found


def scanned(html: str) -> Counter:
    return Counter(load.url for load in remote_loads(html))


PIECES = [
    "<img", "<IMG ", "<image", "<svg>", "</svg>", "<source", "<video", "<link rel=\"canonical\"", "<link", "<a", "<p",
    " src=", " href=", " srcset=", " poster=", " alt=", "=", "\"", "'", ">", "<", "/", "\\", "//", "https://x.org/a",
    "http:", "&#47;", "&sol;", "&#x3a;", "\t", "\n", " ", "a", ",", "1x", "<!--", "-->", "--!>", "<!-->", "<!--->",
    "<![CDATA[", "]]>", "<?", "<!", "</", "<script>", "</script>", "<style>", "</style>", "url(", "<title>", "</title>",
]


@settings(max_examples=1500, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(st.sampled_from(PIECES), max_size=40))
@example(["<svg>", "<script>", "<img", " src=", "//", "<script>"])  # found by a clean-clone run: SVG's <script> holds tags
@example(["<svg>", "<style>", "<img", " src=", "https://x.org/a", ">", "</style>"])
@example(["<svg>", "<title>", "<style>", "url(", "https://x.org/a", "</style>"])
def test_the_scan_misses_no_load_a_browser_would_make(pieces):
    html = "".join(pieces)
    expected, found = oracle_loads(html), scanned(html)
    assert not expected - found, f"missed {dict(expected - found)} in {html!r}"


# (HTML, the remote URLs a browser fetches): exact, for both the oracle and the scan.
TABLE = [
    ('<img alt="a>b" src="https://x.org/a.png">', ["https://x.org/a.png"]),
    ("<img alt='a>b' src=//x.org/b.png>", ["//x.org/b.png"]),
    ('<a href="https://x.org/">a link waits for a click</a>', []),
    ('<!--><img src="//x.org/c.png">', ["//x.org/c.png"]),
    ('<!---><img src="//x.org/d.png">', ["//x.org/d.png"]),
    ('<!-- a --!><img src="//x.org/e.png">', ["//x.org/e.png"]),
    ('<!-- <img src="//x.org/hidden.png"> -->', []),
    ('<svg><script><img src="//x.org/in-svg-script.png"></script></svg>', ["//x.org/in-svg-script.png"]),
    ('<script><img src="//x.org/in-html-script.png"></script>', []),
    ('<![CDATA[ > <img src="//x.org/f.png"> ]]>', ["//x.org/f.png"]),
    ('<img src="&#47;&#47;x.org/g.png">', ["//x.org/g.png"]),
    ('<img src="/\t/x.org/h.png">', ["/\t/x.org/h.png"]),
    ('<img src="\\\\x.org\\i.png">', ["\\\\x.org\\i.png"]),
    ("<img src='https:x.org/j.png'>", ["https:x.org/j.png"]),
    ('<img/src=//x.org/k.png>', ["//x.org/k.png"]),
    ('<img srcset="local.png 1x, //x.org/l.png 2x">', ["//x.org/l.png"]),
    ('<svg xmlns="http://www.w3.org/2000/svg"><image href="//x.org/m.png"/></svg>', ["//x.org/m.png"]),
    ('<svg xmlns="http://www.w3.org/2000/svg"><use xlink:href="#icon"/></svg>', []),
    ('<link rel="canonical" href="https://x.org/">', []),
    ('<link rel="stylesheet" href="https://x.org/n.css">', ["https://x.org/n.css"]),
    ('<script>var u = "<img src=//x.org/not-a-tag.png>";</script>', []),
    ("<style>body { background: url('//x.org/o.png') }</style>", ["//x.org/o.png"]),
    ('<video poster="https://x.org/p.jpg"></video>', ["https://x.org/p.jpg"]),
]


@pytest.mark.parametrize("html,urls", TABLE, ids=[f"table-{i}" for i in range(len(TABLE))])
def test_fixture_table(html, urls):
    assert oracle_loads(html) == Counter(urls), "the oracle disagrees with the table"
    assert scanned(html) == Counter(urls)


@settings(max_examples=1500, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(st.sampled_from(PIECES), max_size=40))
def test_the_prefilter_never_skips_a_text_with_a_load(pieces):
    html = "".join(pieces)
    if oracle_loads(html):
        assert may_load_remote(html)


def test_positions_are_those_of_the_tags():
    tags = start_tags('<p>\n  <img alt="x>y"\n src="a.png"> <svg><image href="b.png"/></svg>')
    assert [(t.name, t.line, t.col) for t in tags] == [("p", 1, 1), ("img", 2, 3), ("svg", 3, 15), ("image", 3, 20)]


def test_unknown_marked_sections_and_broken_markup_never_raise():
    for text in ("<![foo[ x ]]>", "<!", "<", "</", "<!--", "<a href='", "<![CDATA[", "&#", "<img src=x"):
        start_tags(text)


ACTIVE_PIECES = [
    "<img", "<svg", "<script>", "<SCRIPT ", "<foreignObject>", "<embed", "<a", " href=", " src=", " onerror", " ONLOAD",
    "/onload", "=", "\"", "'", ">", "<", " ", "\t", "\n", "java", "script", "vb", ":", "data", "&#106;", "&#x3a;",
    "&colon;", "x", "alert(1)", "srcdoc=", "<base", "image/png",
]


@settings(max_examples=1500, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(st.sampled_from(ACTIVE_PIECES), max_size=30))
def test_the_active_content_prefilter_skips_only_texts_without_any(pieces):
    from builder import active_content as ac

    text = "".join(pieces)
    unfiltered = [ac.Active(t.line, t.col, what) for t in start_tags(text) for what in ac._tag_problems(t)]
    assert ac.active_content(text) == unfiltered
