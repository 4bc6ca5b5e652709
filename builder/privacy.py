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
_REMOTE = re.compile(r"^\s*(?:https?:)?//", re.I)
# <link rel=...> values that never fetch
_INERT_LINK_RELS = {"canonical", "alternate", "author", "license", "me", "next", "prev", "search", "help"}


@dataclass(frozen=True)
class RemoteLoad:
    line: int
    col: int
    url: str
    what: str  # the tag or "css"


def remote_loads(text: str, css: bool = False) -> list[RemoteLoad]:
    found: list[RemoteLoad] = []
    if not css:
        for tag in _TAG.finditer(text):
            name, attrs = tag.group(1).lower(), tag.group(2)
            if name == "link" and _rel(attrs) & _INERT_LINK_RELS:
                continue
            for attr in _ATTR.finditer(attrs):
                value = next(v for v in attr.groups()[1:] if v is not None)
                urls = [part.split()[0] for part in value.split(",") if part.strip()] if attr.group(1).lower() == "srcset" else [value]
                for url in urls:
                    if _REMOTE.match(url):
                        found.append(_at(text, tag.start(), url, name))
    for match in _CSS_URL.finditer(text):
        found.append(_at(text, match.start(1), match.group(1), "css"))
    return found


def _rel(attrs: str) -> set[str]:
    match = re.search(r"""\brel\s*=\s*["']?([^"'>]+)""", attrs, re.I)
    return set(match.group(1).lower().split()) if match else set()


def _at(text: str, offset: int, url: str, what: str) -> RemoteLoad:
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return RemoteLoad(line, col, url, what)


def scan_site(site: Path) -> list[tuple[str, RemoteLoad]]:
    """Every third-party load in a built site's HTML and CSS: (relative path, load)."""
    problems = []
    for path in sorted(site.rglob("*")):
        if path.suffix not in (".html", ".htm", ".css", ".svg") or not path.is_file():
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        for load in remote_loads(text, css=path.suffix == ".css"):
            problems.append((path.relative_to(site).as_posix(), load))
    return problems
