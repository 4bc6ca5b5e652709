"""Listing a source folder without following symbolic links that leave it.

A link under modules/ or quizzes/ that points elsewhere (a home folder, /etc, a key) would be read,
copied into site/ and zipped into every offline copy. Such links, and links that lead nowhere, are
reported with their path and never followed; links that stay inside the folder are fine.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class BadLink:
    path: Path
    target: str  # where it points, as the link says
    broken: bool  # leads nowhere (or round in a loop), rather than outside


def bad_links(folder: Path) -> list[BadLink]:
    """Every symbolic link under FOLDER that leaves it or leads nowhere, sorted by path."""
    folder = Path(folder).resolve()
    found = []
    for dirpath, dirnames, filenames in os.walk(folder, followlinks=False):
        for name in dirnames + filenames:
            path = Path(dirpath, name)
            if not path.is_symlink():
                continue
            target = os.readlink(path)
            try:
                real = path.resolve(strict=True)
            except (OSError, RuntimeError):  # missing target, or a loop
                found.append(BadLink(path, target, True))
                continue
            if not real.is_relative_to(folder):
                found.append(BadLink(path, target, False))
    return sorted(found, key=lambda link: link.path)


def files_under(folder: Path, skip: set[Path]) -> list[Path]:
    """Files under FOLDER, sorted, not descending into linked folders (their targets are listed
    where they really are) and leaving out SKIP and everything under it."""
    result = []
    for dirpath, dirnames, filenames in os.walk(folder, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if Path(dirpath, d) not in skip)
        for name in filenames:
            path = Path(dirpath, name)
            if path not in skip and path.is_file():
                result.append(path)
    return sorted(result)
