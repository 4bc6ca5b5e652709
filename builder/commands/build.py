"""`course build`: check, then build the site with MkDocs into a fresh folder and swap it in.

A failed build leaves the previous site exactly as it was.
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import sys
from pathlib import Path

from .. import output_dir
from ..editions import EDITIONS, LEARNER
from .common import EXIT_USAGE, add_report_options, add_root, checked_course, print_report


def add_parser(sub) -> None:
    parser = sub.add_parser("build", help="check, then build the site atomically", description=__doc__)
    add_root(parser)
    add_report_options(parser)
    parser.add_argument("--site-dir", type=Path, help="where to write the site (default: mkdocs.yml's site_dir)")
    parser.add_argument("--jobs", type=positive_int, help="processes to render pages in (default: one per core, at most 4)")
    add_edition(parser)
    parser.set_defaults(run=run)


def positive_int(text: str) -> int:
    """--jobs: a whole number of processes, at least 1 (argparse turns the error into exit 2)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


def add_edition(parser) -> None:
    parser.add_argument(
        "--edition", choices=EDITIONS, default=LEARNER,
        help="learner (default), or facilitator: trainers' notes, session plans and answer keys "
        "(built into SITE_DIR-facilitator unless --site-dir says where)",
    )


def run(args) -> int:
    course, settings, report = checked_course(args)
    print_report(report, args.format, always=not report.ok or bool(report.diagnostics))
    if course is None:
        print("build stopped: nothing was written", file=sys.stderr)
        return 1
    return build_site(settings.root, args.site_dir, strict=args.strict, checked=(settings, course), jobs=args.jobs,
                      edition=args.edition)


def build_site(root: Path, site_dir: Path | None = None, strict: bool = False, offline: bool = False,
               checked=None, jobs: int | None = None, edition: str = LEARNER) -> int:
    """Build into a temporary sibling folder, then swap it in for site_dir in one rename.

    checked: (settings, course) when the caller has just checked the course; the plugin reuses it.
    """
    root = Path(root).resolve()
    config = _load(root, strict)
    if config is None:
        return 1
    if checked and "course" in config.plugins:
        config.plugins["course"].checked = checked
    if "course" in config.plugins:
        config.plugins["course"].edition = edition
    target = Path(site_dir).resolve() if site_dir else Path(config.site_dir).resolve()
    if edition != LEARNER and not site_dir:  # never in place of the learners' site
        target = target.with_name(f"{target.name}-{edition}")
    try:
        output_dir.check_target(target, root, source_paths(config), "--site-dir" if site_dir else "site_dir")
    except output_dir.UnsafeOutput as error:
        print(f"course build: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = output_dir.staging_dir(target.parent, target.name, "new")
    if not run_languages(root, config, staging, offline, jobs, strict):
        shutil.rmtree(staging, ignore_errors=True)
        print(f"build stopped: {_kept(target)}", file=sys.stderr)
        return 1
    output_dir.mark(staging)
    _swap(staging, target)
    print(f"built {_count(target)} files into {target}")
    return 0


def source_paths(config) -> list[Path]:
    """What a build reads: an output folder may neither hold nor lie inside these."""
    plugin = config.plugins.get("course")
    quizzes = plugin.config.quizzes_dir if plugin is not None else "quizzes"
    config_file = Path(config.config_file_path)
    return [Path(config.docs_dir), config_file.parent / quizzes, config_file]


def _load(root: Path, strict: bool):
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    _quiet_mkdocs(True)
    try:
        return load_config(config_file=str(root / "mkdocs.yml"), strict=strict)
    except (ConfigurationError, Abort) as error:
        print(f"mkdocs.yml: error: {error} [config.invalid]", file=sys.stderr)
        return None


def run_languages(root: Path, config, out_dir: Path, offline: bool = False, jobs: int | None = None,
                  strict: bool = False) -> bool:
    """The originals' site into out_dir, then one site per translation language into out_dir/<lang>/:
    each its own MkDocs build (theme strings, `<html lang>`, search index in its language) of the
    same pages, read from page.<lang>.md where one exists (docs/translating.md)."""
    plugin = config.plugins.get("course")
    edition = plugin.edition if plugin is not None else LEARNER
    if not run_mkdocs(config, out_dir, offline, jobs):
        return False
    info = plugin.course.info if plugin is not None else None
    for lang in info.languages[1:] if info else ():
        config = _load(root, strict)
        if config is None:
            return False
        for_language(config, lang, info.language, edition)
        if not run_mkdocs(config, out_dir / lang, offline, jobs):
            return False
    return True


def for_language(config, lang: str, original: str, edition: str = LEARNER) -> None:
    """A freshly loaded config, made to build the site of the translation into lang."""
    config.theme["language"] = lang  # the theme's own words and <html lang>; the search plugin follows it
    if config.site_url:  # canonical links, the sitemap and instant navigation's scope: this language's
        config.site_url = f"{config.site_url.rstrip('/')}/{lang}/"
    plugin = config.plugins["course"]
    plugin.translation, plugin.source_language, plugin.edition = lang, original, edition
    plugin.preview = None  # partial rebuilds (course serve) track the originals' site only


def run_mkdocs(config, out_dir: Path, offline: bool = False, jobs: int | None = None) -> bool:
    """Run MkDocs' build into out_dir. Offline: file:// links, inlined search, local shim.

    Pages are rendered in JOBS processes (default: one per core; see builder/parallel.py).
    """
    from mkdocs.commands.build import build
    from mkdocs.exceptions import Abort, ConfigurationError, PluginError

    from ..parallel import available_cores

    config.site_dir = str(out_dir)
    course = config.plugins.get("course")
    if course is not None:
        course.jobs = available_cores() if jobs is None else jobs
    if offline:
        from material.plugins.offline.plugin import OfflinePlugin

        config.plugins["course"].offline = True  # adds the vendored iframe-worker shim first
        plugin = OfflinePlugin()
        plugin.load_config({"enabled": True})
        config.plugins["material/offline"] = plugin
    try:
        build(config)
    except (PluginError, ConfigurationError, Abort) as error:
        print(f"build failed: {error}", file=sys.stderr)
        return False
    finally:
        if course is not None and course.workers and course.workers.is_worker:
            os._exit(1)  # a page worker never returns into the command; the main process goes on
    return True


def _swap(staging: Path, target: Path) -> None:
    old = None
    if target.exists():
        old = output_dir.staging_dir(target.parent, target.name, "old")
        old.rmdir()
        target.rename(old)
    staging.rename(target)
    if old:
        shutil.rmtree(old, ignore_errors=True)


def _kept(target: Path) -> str:
    return f"the previous {target.name}/ is unchanged" if target.exists() else "nothing was written"


def _count(target: Path) -> int:
    return sum(1 for p in target.rglob("*") if p.is_file())


class _StderrHandler(logging.Handler):
    """Writes to whatever sys.stderr is at the time (tests redirect it per call)."""

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        # the course plugin's diagnostics are already formatted as path:line: error: …
        prefix = "" if ": error: " in message or ": warning: " in message else f"{record.levelname}: "
        print(prefix + message, file=sys.stderr)


def _quiet_mkdocs(quiet: bool) -> None:
    logger = logging.getLogger("mkdocs")
    if not any(isinstance(h, _StderrHandler) for h in logger.handlers):
        logger.addHandler(_StderrHandler())
    logger.setLevel(logging.WARNING if quiet else logging.INFO)
