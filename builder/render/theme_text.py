"""Trainer-written text that the theme prints: escaped once, as Markup, so it shows as text.

MkDocs renders its theme without autoescaping, so a title, `site_name` or front-matter field that
holds `<img onerror=…>` would run on every page through the navigation, the header and `<title>`.
The seam: every such string is handed to the theme as `escaped()` Markup (the navigation, the
settings, each page's front matter), which prints as-is and which Jinja's `|e` leaves alone; and
`striptags`, which would decode it again (inside `<title>`), is replaced by `safe_striptags`.
Nothing here imports MkDocs: the plugin calls these from its hooks.
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape

# mkdocs.yml keys the theme prints inside tags and attributes (`copyright` is HTML by design).
CONFIG_TEXT = ("site_name", "site_description", "site_author")


def escaped(text) -> Markup:
    """TEXT as HTML that shows it literally (Markup is escaped only once, however often it is printed)."""
    return text if isinstance(text, Markup) else escape(str(text))


def escape_config(config) -> None:
    """The settings the theme prints, escaped in place (config: MkDocs' config, or any mapping)."""
    for key in CONFIG_TEXT:
        if isinstance(config.get(key), str):
            config[key] = escaped(config[key])


def escape_meta(meta: dict) -> None:
    """A page's front matter as the theme sees it (title, description, author …), escaped in place.

    Escaping leaves names without <>&"' alone, so `template:`, `icon:` and `status:` still work.
    """
    for key, value in meta.items():
        if isinstance(value, str):
            meta[key] = escaped(value)


def safe_striptags(value) -> Markup:
    """Jinja's striptags, but the result stays escaped (Jinja's own decodes entities: `&lt;/title&gt;`
    would close <title>)."""
    return escape(Markup(str(value)).striptags())


def install(env) -> None:
    """Make a theme's Jinja environment print stripped text escaped."""
    env.filters["striptags"] = safe_striptags


_BODY_DIR = re.compile(r'<body\b[^>]*?\sdir="(rtl|ltr)"')


def root_direction(page_html: str) -> str:
    """The page with the theme's text direction on <html> too: mkdocs-material writes `dir` on <body>
    only, but the root element's direction is what sets the viewport's (the scrollbar's side, where
    overflow goes) and what `:dir()` and readers of the document see first."""
    found = _BODY_DIR.search(page_html)
    if not found or found.group(1) == "ltr" or re.search(r"<html\b[^>]*\sdir=", page_html[:found.start()]):
        return page_html
    return re.sub(r"<html\b", f'<html dir="{found.group(1)}"', page_html, count=1)
