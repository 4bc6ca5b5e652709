"""The offline package: a built site that works from disk (file://), trimmed, with checksums, zipped.

The build itself (use_directory_urls off, search inlined, the vendored iframe-worker shim) is done
by `course export offline` through the build command; this module post-processes the folder.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from ..integrity import write_manifest
from ..output_dir import MARKER, inside
from .archive import zip_folder

LUNR_DIR = "assets/javascripts/lunr"


def trim(site: Path, languages: list[str]) -> list[str]:
    """Remove source maps and search language packs the course does not use. Returns what went."""
    removed = []
    for path in site.rglob("*.map"):
        removed.append(path.relative_to(site).as_posix())
        path.unlink()
    lunr = site / LUNR_DIR
    if lunr.is_dir():
        keep = {f"lunr.{lang}.min.js" for lang in languages if lang != "en"}
        if keep:  # non-English search needs the shared support files too
            keep |= {"lunr.stemmer.support.min.js", "lunr.multi.min.js"}
        for path in sorted(lunr.rglob("*")):
            if path.is_file() and path.name not in keep:
                removed.append(path.relative_to(site).as_posix())
                path.unlink()
    return removed


def package(site: Path, dist: Path, name: str) -> tuple[Path, Path]:
    """Copy the site to dist/NAME/, write its checksum manifest, and zip it as dist/NAME.zip.

    dist is an output folder the caller has checked (builder/output_dir.py): what is in it is ours.
    """
    folder = inside(dist, name)
    if folder.is_dir() and not folder.is_symlink():
        shutil.rmtree(folder)
    elif folder.exists() or folder.is_symlink():
        folder.unlink()
    shutil.copytree(site, folder, ignore=shutil.ignore_patterns(MARKER))
    write_manifest(folder)
    archive = zip_folder(folder, inside(dist, f"{name}.zip"), prefix=name)
    return folder, archive
