"""Output folders: which folders a command may replace, and writing only inside them.

A build replaces its whole output folder and an export replaces files inside its own, so a wrong
`--site-dir .` or `--out modules` would delete the course. A command may only take a folder that
does not exist yet, is empty, or holds the marker an earlier build or export left in it; and never
one that holds, or lies inside, the course's sources. Staging folders carry the process id of the
run that made them, so the next run can clean those a killed run left behind without touching a
build that is still going. Nothing here knows MkDocs.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from pathlib import Path

MARKER = ".course-builder-output"
MARKER_TEXT = (
    "This folder was made by Course Builder (course build / course export / mkdocs build).\n"
    "The next build or export replaces everything in it. Delete this file to protect the folder.\n"
)


class UnsafeOutput(Exception):
    """The output folder may not be used; str() says why, for a usage error (exit 2)."""


def check_target(target: Path, root: Path, inputs: list[Path], option: str) -> None:
    """Raise UnsafeOutput unless TARGET may be (re)made by a build or an export.

    root: the course folder; inputs: its source folders and files (docs_dir, quizzes_dir,
    mkdocs.yml). option: how the user named the folder, for the message ("--site-dir" …).
    """
    target = Path(target).resolve()
    for source in [Path(root).resolve(), *(Path(s).resolve() for s in inputs)]:
        if source.is_relative_to(target):
            raise UnsafeOutput(f"{option} '{target}' holds the course's own files ({source}): writing the output there would delete them")
    for source in (Path(s).resolve() for s in inputs):
        if source.is_dir() and target.is_relative_to(source):
            raise UnsafeOutput(f"{option} '{target}' is inside the source folder {source}: the output would be read back as course content")
    if target.is_symlink() or (target.exists() and not target.is_dir()):
        raise UnsafeOutput(f"{option} '{target}' is not a folder")
    if target.is_dir() and not is_ours(target):
        raise UnsafeOutput(
            f"{option} '{target}' is a folder that Course Builder did not make, and it is not empty: "
            f"refusing to use it (a build or export leaves a {MARKER} file in its output folder; "
            f"choose a new or empty folder)"
        )


def is_ours(folder: Path) -> bool:
    """Empty, or marked by an earlier build or export."""
    try:
        return (folder / MARKER).is_file() or not any(folder.iterdir())
    except OSError:
        return False


def mark(folder: Path) -> None:
    (Path(folder) / MARKER).write_text(MARKER_TEXT, encoding="utf-8")


def staging_dir(parent: Path, name: str, kind: str) -> Path:
    """A new folder beside NAME for this run (.NAME.KIND-PID-xxxx), readable like a normal folder.

    mkdtemp makes folders 0700; a web server running as another user could not read the site.
    """
    clean_stale(parent, name)
    folder = Path(tempfile.mkdtemp(prefix=f".{name}.{kind}-{os.getpid()}-", dir=parent))
    os.chmod(folder, 0o777 & ~_umask())
    return folder


_STAGING = re.compile(r"^\.(?P<name>.+)\.(?:new|old)-(?P<pid>\d+)-[^/]+$")


def clean_stale(parent: Path, name: str) -> list[Path]:
    """Remove .NAME.new-* and .NAME.old-* folders left by runs that no longer exist."""
    removed = []
    try:
        entries = list(Path(parent).iterdir())
    except OSError:
        return removed
    for entry in entries:
        match = _STAGING.match(entry.name)
        if match and match["name"] == name and entry.is_dir() and not entry.is_symlink() and not _alive(int(match["pid"])):
            shutil.rmtree(entry, ignore_errors=True)
            removed.append(entry)
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True  # this run's own staging folder
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _umask() -> int:
    current = os.umask(0o022)
    os.umask(current)
    return current


def inside(folder: Path, name: str) -> Path:
    """FOLDER/NAME, refusing a NAME that would lead outside FOLDER (every exporter writes through it)."""
    folder = Path(folder).resolve()
    if not name or name in (".", "..") or "/" in name or "\\" in name or "\0" in name:
        raise UnsafeOutput(f"'{name}' is not a plain file name: refusing to write it")
    path = folder / name
    if path.resolve().parent != folder:
        raise UnsafeOutput(f"'{name}' would be written outside {folder}")
    return path
