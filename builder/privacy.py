"""Finding third-party loads: anything a page would fetch over http(s) from another host.

Used on Markdown sources (`course check`) and on built output (every build), so a school's copy
never calls a third party. Plain links (<a href>) stay allowed: they open only when clicked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

# Attributes that make the browser fetch on its own, on the tags that have them.
_TAG = re.compile(r"<(script|img|iframe|source|video|audio|embed|object|link|track|input|image|use)\b([^>]*)>", re.I | re.S)
_ATTR = re.compile(r"""\b(src|href|data|srcset|poster|xlink:href)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
_CSS_URL = re.compile(r"""(?:url\(\s*['"]?|@import\s+['"])((?:https?:)?//[^'")\s]+)""", re.I)
# url( or @import, then what may stand between it and a URL's "//"; searched just before each "//"
_CSS_BEFORE = re.compile(r"""(?:url\(\s*['"]?|@import\s+['"])(?:https?:)?//\Z""", re.I)
_CSS_LOOKBACK = 256
_REMOTE = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:)?//", re.I)  # any scheme://host, or //host
# <link rel=...> values that never fetch
_INERT_LINK_RELS = {"canonical", "alternate", "author", "license", "me", "next", "prev", "search", "help"}


@dataclass(frozen=True)
class RemoteLoad:
    line: int
    col: int
    url: str
    what: str  # the tag or "css"


def is_remote(url: str) -> bool:
    """True when fetching `url` would leave the site (it names a host)."""
    return bool(_REMOTE.match(url))


def remote_loads(text: str, css: bool = False) -> list[RemoteLoad]:
    """Every third-party load in TEXT (HTML or Markdown; with css=True, a stylesheet).

    A remote URL always holds "//", so only the tags around each "//" are parsed: a built page has
    a dozen, and the scan costs a fraction of a regex pass over the whole page. The answer is the
    one a pass of _TAG and _CSS_URL over the whole text gives (tests/test_privacy.py checks it).
    """
    found: list[RemoteLoad] = []
    if "//" not in text:
        return found
    if not css:
        for tag in _tags_around(text):
            found += _tag_loads(text, tag)
    found += _css_loads(text)
    return found


def _tags_around(text: str) -> list[re.Match]:
    """The _TAG matches that contain a "//": for each, the leftmost tag start after the last ">"
    before it, as a left-to-right scan with _TAG would find it."""
    tags: dict[int, re.Match] = {}
    at = text.find("//")
    while at != -1:
        start = text.rfind(">", 0, at) + 1
        lt = text.find("<", start, at)
        while lt != -1:
            match = _TAG.match(text, lt)
            if match:
                tags.setdefault(lt, match)
                break
            lt = text.find("<", lt + 1, at)
        at = text.find("//", at + 2)
    return [tags[k] for k in sorted(tags)]


def _tag_loads(text: str, tag: re.Match) -> list[RemoteLoad]:
    found = []
    name, attrs = tag.group(1).lower(), tag.group(2)
    if name == "link" and _rel(attrs) & _INERT_LINK_RELS:
        return found
    for attr in _ATTR.finditer(attrs):
        value = next(v for v in attr.groups()[1:] if v is not None)
        urls = [part.split()[0] for part in value.split(",") if part.strip()] if attr.group(1).lower() == "srcset" else [value]
        for url in urls:
            if is_remote(url):
                found.append(_at(text, tag.start(), url, name))
    return found


def _css_loads(text: str) -> list[RemoteLoad]:
    """_CSS_URL's matches, found from the "//"s: for each, the url( or @import just before it."""
    found, end = [], 0
    at = text.find("//")
    while at != -1:
        if at >= end:
            match = _CSS_BEFORE.search(text, max(end, at - _CSS_LOOKBACK), at + 2)
            if match:
                full = _CSS_URL.match(text, match.start())
                if full:
                    found.append(_at(text, full.start(1), full.group(1), "css"))
                    end = full.end()
        at = text.find("//", at + 2)
    return found


def _rel(attrs: str) -> set[str]:
    match = re.search(r"""\brel\s*=\s*["']?([^"'>]+)""", attrs, re.I)
    return set(match.group(1).lower().split()) if match else set()


def _at(text: str, offset: int, url: str, what: str) -> RemoteLoad:
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return RemoteLoad(line, col, url, what)


def scan_site(site: Path, scanned: dict[str, list[RemoteLoad]] | None = None) -> list[tuple[str, RemoteLoad]]:
    """Every third-party load in a built site's HTML and CSS: (relative path, load).

    scanned: files already scanned as they were written (relative path -> loads), not read again.
    """
    problems, scanned = [], scanned or {}
    for path in sorted(site.rglob("*")):
        if path.suffix not in (".html", ".htm", ".css", ".svg") or not path.is_file():
            continue
        rel = path.relative_to(site).as_posix()
        if rel in scanned:
            loads = scanned[rel]
        else:
            loads = remote_loads(path.read_text(encoding="utf-8", errors="replace"), css=path.suffix == ".css")
        problems += [(rel, load) for load in loads]
    return problems
