"""Shared test helpers: copy a fixture course, overlay files, run the CLI through main(argv)."""

from __future__ import annotations

import contextlib
import io
import shutil
from pathlib import Path

import pytest

TESTS = Path(__file__).parent
PROJECTS = TESTS / "projects"
REPO = TESTS.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", help="rewrite golden files from the current output")


@pytest.fixture
def update_golden(request) -> bool:
    return request.config.getoption("--update-golden")


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, headless, shared by every browser test (one Playwright per process)."""
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        instance = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield instance
        instance.close()


def copy_project(name: str, dest: Path) -> Path:
    shutil.copytree(PROJECTS / name, dest, dirs_exist_ok=True)
    return dest


def overlay(root: Path, spec: str) -> None:
    """Apply '=== path [encoding]' sections: write each file (a body of '!delete' removes it,
    '!symlink TARGET' makes a symbolic link)."""
    sections = spec.split("=== ")[1:]
    for section in sections:
        header, _, body = section.partition("\n")
        parts = header.split()
        path, encoding = root / parts[0], (parts[1] if len(parts) > 1 else "utf-8")
        if body.strip() == "!delete":
            if path.is_dir():
                shutil.rmtree(path)
            else:
                path.unlink()
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        if body.startswith("!symlink "):
            path.symlink_to(body.split(None, 1)[1].strip())
            continue
        path.write_bytes(body.encode(encoding))


def run_cli(*argv: str) -> tuple[int, str]:
    """Exit status and everything the command printed (stdout then stderr)."""
    from builder.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(list(argv))
    return status, out.getvalue() + err.getvalue()
