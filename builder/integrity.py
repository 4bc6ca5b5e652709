"""Checksum manifests for schools' copies: which files a copy must hold, and whether it does.

The manifest is in `sha256sum` format, so school IT can also check it with `sha256sum -c`.
"""

from __future__ import annotations

import hashlib
import zipfile
import zlib
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
    try:
        files = _zip_files(location) if location.is_file() else _folder_files(location)
    except (OSError, ValueError):  # a name too long for the disk, or unreadable
        files = None
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
    manifest = _read(files[manifest_name], limit=MAX_MANIFEST)
    if manifest is None:
        report.error = f"{MANIFEST} in {location} cannot be read: the copy is damaged"
        return report
    for line in manifest.decode("utf-8", "replace").splitlines():
        checksum, _, name = line.partition("  ")
        if name:
            expected[base + name] = checksum
    for name, checksum in sorted(expected.items()):
        if name not in files:
            report.missing.append(name[len(base):])
        elif _digest_of(files[name]) != checksum:  # None when unreadable: damaged
            report.changed.append(name[len(base):])
        report.checked += 1
    report.extra = sorted(n[len(base):] for n in files if n.startswith(base) and n not in expected and n != manifest_name)
    return report


# what a damaged zip member or an unreadable file raises when read
_READ_ERRORS = (OSError, zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, ValueError, RuntimeError)


MAX_MANIFEST = 16 * 1024 * 1024


def _read(opener, limit: int) -> bytes | None:
    try:
        with opener() as stream:
            data = stream.read(limit + 1)
    except _READ_ERRORS:
        return None
    return data if len(data) <= limit else None


def _digest_of(opener) -> str | None:
    """SHA-256 read in chunks (a member that inflates to gigabytes is never held in memory)."""
    sha = hashlib.sha256()
    try:
        with opener() as stream:
            while chunk := stream.read(1 << 20):
                sha.update(chunk)
    except _READ_ERRORS:
        return None
    return sha.hexdigest()


def _folder_files(folder: Path):
    if not folder.is_dir():
        return None
    return {
        p.relative_to(folder).as_posix(): (lambda p=p: p.open("rb"))
        for p in folder.rglob("*")
        if p.is_file()
    }


def _zip_files(path: Path):
    try:
        archive = zipfile.ZipFile(path)
    except _READ_ERRORS:
        return None
    return {info.filename: (lambda n=info.filename: archive.open(n)) for info in archive.infolist() if not info.is_dir()}
