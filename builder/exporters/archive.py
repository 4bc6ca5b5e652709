"""Zipping a folder, shared by every exporter: written beside the target, then renamed into place."""

from __future__ import annotations

import zipfile
from pathlib import Path


def zip_folder(folder: Path, archive: Path, prefix: str = "", first: tuple[str, ...] = ()) -> Path:
    """Zip every file of FOLDER into ARCHIVE (under PREFIX/ when given); FIRST names go first."""
    partial = archive.with_name(archive.name + ".part")
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    files.sort(key=lambda p: p.relative_to(folder).as_posix() not in first)
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for path in files:
            name = path.relative_to(folder).as_posix()
            zf.write(path, f"{prefix}/{name}" if prefix else name)
    partial.replace(archive)
    return archive
