"""Shared test helpers: copy a fixture course, overlay files, run the CLI through main(argv)."""

from __future__ import annotations

import contextlib
import io
import re
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


# -- the printed course (tests/test_print.py, tests/test_editions.py) ----------------------------

def shipped_course(root: Path = REPO):
    from builder.diagnostics import Report
    from builder.pipeline import load_course
    from builder.settings import load_settings

    settings = load_settings(root, Report())
    course, report = load_course(settings)
    assert course is not None, report.format("text")
    return course, settings


def _typeset(edition: str, out: Path):
    """(laid-out WeasyPrint document, PDF text with whitespace collapsed) for the shipped course."""
    from pypdf import PdfReader

    from builder.commands.export_pdf import make_book
    from builder.diagnostics import Report
    from builder.exporters import pdf

    course, settings = shipped_course()
    laid_out = pdf.render(make_book(course, settings, edition, Report()))
    laid_out.write_pdf(out)
    text = " ".join(page.extract_text() or "" for page in PdfReader(out).pages)
    return laid_out, squash(text), " ".join(text.split()), out


def squash(text: str) -> str:
    """Letters and digits only, lower case: line breaks, hyphenation points and quotes differ
    between Markdown, HTML and PDF text; words do not."""
    return re.sub(r"[^0-9a-z]+", "", text.casefold())


@pytest.fixture(scope="session")
def workbook(tmp_path_factory):
    return _typeset("learner", tmp_path_factory.mktemp("pdf") / "workbook.pdf")


@pytest.fixture(scope="session")
def facilitator(tmp_path_factory):
    return _typeset("facilitator", tmp_path_factory.mktemp("pdf") / "facilitator.pdf")
