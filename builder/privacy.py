"""Finding third-party loads: anything a page would fetch on its own from another host.

Used on Markdown sources (`course check`) and on built output (every build), so a school's copy
never calls a third party. Tags are read by the one tokenizer in builder/html_scan.py. Plain
links (<a href>) stay allowed: they open only when clicked.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .html_scan import StartTag, scheme_of, start_tags, url_of

# Attributes that make the browser fetch on its own (href: except on links, which wait for a click).
_LOAD_ATTRS = {"src", "srcset", "imagesrcset", "data", "poster", "background", "href", "xlink:href", "codebase", "manifest"}
_CLICK_TAGS = {"a", "area"}
# <link rel=...> values that never fetch
_INERT_LINK_RELS = {"canonical", "alternate", "author", "license", "me", "next", "prev", "search", "help"}
_REMOTE_SCHEMES = {"http", "https", "ftp", "ws", "wss"}  # a host, even without "//" (from file:// pages)
_CSS_URL = re.compile(r"""url\(\s*(?:"([^"]*)|'([^']*)|([^)\s"']*))|@import\s*(?:"([^"]*)|'([^']*))|image-set\(\s*(?:"([^"]*)|'([^']*))""", re.I)  # a string the text ends inside still counts
_CSS_ESCAPE = re.compile(r"\\([0-9a-fA-F]{1,6}\s?|.)", re.S)
_ANY_HOST = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://")
_REFRESH_URL = re.compile(r"url\s*=\s*['\"]?([^'\"]*)", re.I)

# Prefilter: a remote URL holds "//", "\\", a scheme such as "https:" (URLs drop tabs and newlines,
# so these may hold some), or a character reference hiding one of them. A text with none of these,
# apart from the XML namespaces of inline SVG, cannot load anything from another host; pages are
# tokenized only when they hold one (a built page in about 0.05 ms instead of 8 ms).
_SLASHES = re.compile(r"/[\t\n\r]*/")
_NAMESPACE = re.compile(r"""xmlns(?::[\w.-]+)?\s*=\s*["']http\Z""")
_SCHEMES = ("http", "https", "ftp", "ftps", "ws", "wss")
_DROP = str.maketrans("", "", "\t\n\r")
_CHARREF = re.compile(r"&(?:#[xX]0*([0-9a-fA-F]{1,8})|#0*(\d{1,8})|([A-Za-z]+))")
_HIDING = set(map(ord, "/\\:\t\n\r")) | set(range(65, 91)) | set(range(97, 123))
_HIDING_NAMES = {"colon", "sol", "bsol", "tab", "newline"}


@dataclass(frozen=True)
class RemoteLoad:
    line: int
    col: int
    url: str
    what: str  # the tag or "css"

    @property
    def label(self) -> str:
        """What makes the request, for a message: `<img>`, or a CSS url() or @import."""
        return "a CSS url() or @import" if self.what == "css" else f"<{self.what}>"


def is_remote(url: str) -> bool:
    """True when fetching `url` would leave the site (it names a host)."""
    cleaned = url_of(url)
    return cleaned.startswith("//") or scheme_of(cleaned) in _REMOTE_SCHEMES or bool(_ANY_HOST.match(cleaned))


def may_load_remote(text: str) -> bool:
    """False only when TEXT cannot load anything from another host (see the prefilter above)."""
    if "\\" in text:
        return True
    for match in _SLASHES.finditer(text):
        if not _is_namespace(text, match.start() - 1):
            return True
    at = text.find(":")
    while at != -1:
        before = text[max(0, at - 12):at].translate(_DROP).lower()
        if before.endswith(_SCHEMES) and not _is_namespace(text, at):
            return True
        at = text.find(":", at + 1)
    return any(_hides(*groups) for groups in _CHARREF.findall(text)) if "&" in text else False


def _is_namespace(text: str, colon: int) -> bool:
    """Whether the ':' at COLON is that of an SVG namespace declaration, xmlns="http://www.w3.org/…"."""
    return text.startswith("://www.w3.org/", colon) and bool(_NAMESPACE.search(text, max(0, colon - 40), colon))


def _hides(hexa: str, decimal: str, name: str) -> bool:
    if name:
        return name.lower() in _HIDING_NAMES
    return int(hexa or decimal, 16 if hexa else 10) in _HIDING


def remote_loads(text: str, css: bool = False) -> list[RemoteLoad]:
    """Every third-party load in TEXT (HTML, Markdown or SVG; with css=True, a stylesheet)."""
    if not may_load_remote(text):
        return []
    if css:
        return [_at(text, offset, url) for offset, url in _css_urls(text)]
    found: list[RemoteLoad] = []
    for tag in start_tags(text):
        found += tag_loads(tag)
    return found


def tag_loads(tag: StartTag) -> list[RemoteLoad]:
    """The remote loads of one start tag (its attributes, its inline CSS, a <style>'s text)."""
    found = []
    inert = tag.name == "link" and set((tag.get("rel") or "").lower().split()) & _INERT_LINK_RELS
    for name, value in tag.attrs:
        if name in _LOAD_ATTRS and not (name.endswith("href") and (inert or tag.name in _CLICK_TAGS)):
            urls = [p.split()[0] for p in value.split(",") if p.strip()] if name.endswith("srcset") else [value]
            found += [RemoteLoad(tag.line, tag.col, url, tag.name) for url in urls if is_remote(url)]
        elif name == "style":
            found += [RemoteLoad(tag.line, tag.col, url, "css") for _, url in _css_urls(value)]
        elif name == "srcdoc":  # a whole page inside the attribute
            found += [RemoteLoad(tag.line, tag.col, load.url, load.what) for load in remote_loads(value)]
        elif name == "content" and (tag.get("http-equiv") or "").lower() == "refresh":
            match = _REFRESH_URL.search(value)
            if match and is_remote(match.group(1)):
                found.append(RemoteLoad(tag.line, tag.col, match.group(1), tag.name))
    if tag.name == "style" and tag.text:
        found += [RemoteLoad(tag.line, tag.col, url, "css") for _, url in _css_urls(tag.text)]
    return found


def _css_urls(css: str) -> list[tuple[int, str]]:
    """(offset, URL) of each url(), @import and image-set() in CSS that names another host."""
    found = []
    for match in _CSS_URL.finditer(css):
        group = next(i for i in range(1, 8) if match.group(i) is not None)
        url = _CSS_ESCAPE.sub(_unescape_css, match.group(group))
        if is_remote(url):
            found.append((match.start(group), url))
    return found


def _unescape_css(match: re.Match) -> str:
    value = match.group(1)
    if re.fullmatch(r"[0-9a-fA-F]{1,6}\s?", value):
        code = int(value.strip(), 16)
        return chr(code) if 0 < code < 0x110000 else "\ufffd"
    return value


def _at(text: str, offset: int, url: str) -> RemoteLoad:
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return RemoteLoad(line, col, url, "css")


@dataclass(frozen=True)
class FigureUse:
    line: int
    col: int
    url: str
    as_image: bool  # shown as a picture (<img>, <picture>, CSS): its own loads are blocked
    alt: str | None  # an <img>'s alt attribute, None when it has none


# Where a browser shows an SVG as a picture, in "secure static mode": it runs no script and loads
# nothing, not even from its own site. Anywhere else (a link, <object>, <embed>, <iframe>) it opens
# as a document of its own, which fetches whatever it names.
_IMAGE_ATTRS = {("img", "src"), ("img", "srcset"), ("source", "srcset"), ("image", "href"),
                ("image", "xlink:href"), ("input", "src")}
_FIGURE = re.compile(r"\.svgz?$", re.I)


def is_figure(url: str) -> bool:
    """Whether URL names an SVG file (a query or fragment aside)."""
    return bool(_FIGURE.search(re.split(r"[?#]", url_of(url), maxsplit=1)[0]))


def figure_uses(text: str) -> list[FigureUse]:
    """Every reference to an SVG file in the HTML of TEXT (a built page, or the raw HTML of a
    Markdown page), and whether it shows it as a picture or opens it as a document."""
    if ".svg" not in text.lower():
        return []
    found = []
    for tag in start_tags(text):
        for name, value in tag.attrs:
            if name == "style":
                found += [FigureUse(tag.line, tag.col, url, True, None) for url in _css_refs(value) if is_figure(url)]
                continue
            if name not in _LOAD_ATTRS:
                continue
            urls = [p.split()[0] for p in value.split(",") if p.strip()] if name.endswith("srcset") else [value]
            image = (tag.name, name) in _IMAGE_ATTRS
            found += [FigureUse(tag.line, tag.col, url, image, tag.get("alt") if tag.name == "img" else None)
                      for url in urls if is_figure(url)]
    return found


def _css_refs(css: str) -> list[str]:
    return [_CSS_ESCAPE.sub(_unescape_css, next(g for g in m.groups() if g is not None)) for m in _CSS_URL.finditer(css)]


def opened_figures(site: Path, figures: set[str]) -> set[str]:
    """Those of FIGURES (site-relative paths) that a built page links to or embeds as a document."""
    opened = set()
    for page in sorted(site.rglob("*.htm*")):
        text = page.read_text(encoding="utf-8", errors="replace")
        base = posixpath.dirname(page.relative_to(site).as_posix())
        for use in figure_uses(text):
            if not use.as_image and not is_remote(use.url):
                path = unquote(urlsplit(url_of(use.url)).path)
                target = posixpath.normpath(posixpath.join(base, path)) if path else ""
                if target in figures:
                    opened.add(target)
    return opened


def split_figures(site: Path, problems: list[tuple[str, RemoteLoad]]):
    """(errors, figure loads no browser makes): a figure's remote loads are blocked while every
    page shows it only as a picture, so they are not errors (course check warns about them)."""
    figures = {path for path, _ in problems if is_figure(path)}
    if not figures:
        return problems, []
    opened = opened_figures(site, figures)
    blocked = [(p, load) for p, load in problems if p in figures and p not in opened]
    return [pl for pl in problems if pl not in blocked], blocked


def scan_site(site: Path, scanned: dict[str, list[RemoteLoad]] | None = None) -> list[tuple[str, RemoteLoad]]:
    """Every third-party load in a built site's HTML, SVG and CSS: (relative path, load).

    scanned: files already scanned as they were written (relative path -> loads), not read again.
    """
    problems, scanned = [], scanned or {}
    for path in sorted(site.rglob("*")):
        if path.suffix.lower() not in (".html", ".htm", ".xhtml", ".css", ".svg") or not path.is_file():
            continue
        rel = path.relative_to(site).as_posix()
        if rel in scanned:
            loads = scanned[rel]
        else:
            loads = remote_loads(path.read_text(encoding="utf-8", errors="replace"), css=path.suffix.lower() == ".css")
        problems += [(rel, load) for load in loads]
    return problems
