"""`links.md`: reference-link definitions shared by every page of a folder (the Workbench convention).

Carpentries Workbench lessons keep `[label]: https://…` definitions in one `links.md` that the
Workbench appends to every episode. A `links.md` in `modules/` or in a module's folder does the same
here: its definitions serve every page in that folder and below, and it is not a page itself.
"""

from __future__ import annotations

from pathlib import Path

NAME = "links.md"


def is_links_file(path: Path) -> bool:
    return path.name == NAME


def definitions_for(page: Path, docs_dir: Path) -> str:
    """The text of every links.md from the page's folder up to docs_dir, nearest first ("" if none)."""
    texts = []
    folder = page.parent
    docs_dir = docs_dir.resolve()
    while True:
        candidate = folder / NAME
        if candidate.is_file() and not candidate.is_symlink():
            texts.append(candidate.read_text(encoding="utf-8", errors="replace"))
        if folder.resolve() == docs_dir or folder.parent == folder:
            break
        folder = folder.parent
    return "\n\n".join(texts)
