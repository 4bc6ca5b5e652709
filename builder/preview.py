"""`course serve` rebuilds only the page an edit touched, when that is enough.

MkDocs' preview rebuilds every page on every change (seconds on a course of a few hundred pages).
`course serve` runs MkDocs' "dirty" builds, which render only pages whose source is newer than
their output, and this class decides before each build whether that is enough: it is when the only
change is the text of existing pages and the navigation (every page's title and order) is the same.
Anything else (a quiz, an image, mkdocs.yml, a new, removed or renamed page, a changed title)
empties the output folder first, so every page is rendered again. It also keeps the search index
whole across partial builds: each build's entries replace those of the pages it rendered.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from .output_dir import MARKER


class Preview:
    def __init__(self) -> None:
        self.snapshot: dict[str, tuple[int, int]] | None = None
        self.navigation = None
        self.entries: list[dict] = []
        self.full = True

    def before_build(self, roots: list[Path], navigation, site_dir: Path) -> bool:
        """Decide whether this build renders every page; if so, empty SITE_DIR. Returns that."""
        snapshot = _snapshot(roots)
        changed = _changed(self.snapshot, snapshot)
        pages_only = self.snapshot is not None and all(path.endswith(".md") and path in self.snapshot for path in changed)
        self.full = not (pages_only and navigation == self.navigation)
        self.snapshot, self.navigation = snapshot, navigation
        if self.full and site_dir.is_dir():
            for item in site_dir.iterdir():
                if item.name == MARKER:
                    continue  # the folder stays ours, even if this build fails half-way
                shutil.rmtree(item) if item.is_dir() and not item.is_symlink() else item.unlink()
        return self.full

    def merge_search(self, entries: list[dict]) -> list[dict]:
        """The whole index after a build whose search entries are ENTRIES."""
        if not self.full:
            rendered = {e["location"].split("#", 1)[0] for e in entries}
            entries = [e for e in self.entries if e["location"].split("#", 1)[0] not in rendered] + entries
        self.entries = list(entries)
        return entries


def _snapshot(roots: list[Path]) -> dict[str, tuple[int, int]]:
    found = {}
    for root in roots:
        if root.is_file():
            stat = root.stat()
            found[str(root)] = (stat.st_mtime_ns, stat.st_size)
        elif root.is_dir():
            for path in root.rglob("*"):
                if path.is_file():
                    stat = path.stat()
                    found[str(path)] = (stat.st_mtime_ns, stat.st_size)
    return found


def _changed(before: dict | None, after: dict) -> set[str]:
    if before is None:
        return set(after)
    return {p for p in before.keys() | after.keys() if before.get(p) != after.get(p)}
