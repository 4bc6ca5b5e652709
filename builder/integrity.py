"""Checksum manifests for schools' copies: which files a copy must hold, and whether it does.

The manifest is in `sha256sum` format, so school IT can also check it with `sha256sum -c`.
"""

from __future__ import annotations

import hashlib
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

MANIFEST = "CHECKSUMS.sha256"


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def write_manifest(folder: Path) -> Path:
    lines = [
        f"{digest(path.read_bytes())}  {path.relative_to(folder).as_posix()}"
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.name != MANIFEST
    ]
    target = folder / MANIFEST
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return target


@dataclass
class CopyReport:
    missing: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    checked: int = 0
    error: str | None = None

    @property
    def ok(self) -> bool:
        return not (self.missing or self.changed or self.extra or self.error)


def verify_copy(location: Path) -> CopyReport:
    """Compare a copy (a folder, or a zip with the copy at its root or in one top folder)."""
    files = _zip_files(location) if location.is_file() else _folder_files(location)
    report = CopyReport()
    if files is None:
        report.error = f"{location} is neither a folder nor a zip file"
        return report
    manifest_name = next((n for n in files if PurePosixPath(n).name == MANIFEST and n.count("/") <= 1), None)
    if manifest_name is None:
        report.error = f"no {MANIFEST} in {location}: not a course copy, or its manifest is lost"
        return report
    base = manifest_name[: -len(MANIFEST)]
    expected = {}
    for line in files[manifest_name]().decode("utf-8", "replace").splitlines():
        checksum, _, name = line.partition("  ")
        if name:
            expected[base + name] = checksum
    for name, checksum in sorted(expected.items()):
        if name not in files:
            report.missing.append(name[len(base):])
        elif digest(files[name]()) != checksum:
            report.changed.append(name[len(base):])
        report.checked += 1
    report.extra = sorted(n[len(base):] for n in files if n.startswith(base) and n not in expected and n != manifest_name)
    return report


def _folder_files(folder: Path):
    if not folder.is_dir():
        return None
    return {
        p.relative_to(folder).as_posix(): (lambda p=p: p.read_bytes())
        for p in folder.rglob("*")
        if p.is_file()
    }


def _zip_files(path: Path):
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError):
        return None
    return {info.filename: (lambda n=info.filename: archive.read(n)) for info in archive.infolist() if not info.is_dir()}
