"""mkdocs-material's search index, as the course's build reaches into it: one seam for its internals.

mkdocs-material's search plugin keeps the index it is building in `search_index.entries` and, under
`mkdocs serve`, the previous build's in `search_index_prev`; neither is public API (tested with
mkdocs-material 9.x, pinned in pyproject.toml). The page workers send their entries back, and
`course serve`'s partial builds keep the index whole: both go through these three functions, so a
change in mkdocs-material's internals is fixed here only. Nothing here imports MkDocs.
"""

from __future__ import annotations

PLUGIN = "material/search"


def index(config):
    """The search plugin's index being built, or None (no search plugin, or an unknown shape)."""
    found = getattr(config.plugins.get(PLUGIN), "search_index", None)
    return found if isinstance(getattr(found, "entries", None), list) else None


def add_entries(config, entries: list) -> None:
    """Entries rendered elsewhere (by a page worker) join this build's index."""
    index(config).entries.extend(entries)


def replace_entries(config, entries: list) -> None:
    """The whole index, merged by the caller: the plugin must not merge in the previous build's."""
    index(config).entries = entries
    config.plugins[PLUGIN].search_index_prev = None
