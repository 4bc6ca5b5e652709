"""`course serve`: live preview that rebuilds when anything in modules/ or quizzes/ changes.

While the course has errors (or mkdocs.yml cannot be read), every page shows them instead of the
course, and turns back into the course by itself once they are fixed.
"""

from __future__ import annotations

import logging
import sys
import tempfile
import traceback
from pathlib import Path

from .common import add_root, checked_course, print_report


def add_parser(sub) -> None:
    parser = sub.add_parser("serve", help="preview the course, reloading as you edit", description=__doc__)
    add_root(parser)
    parser.add_argument("-a", "--dev-addr", default="127.0.0.1:8000", help="IP:PORT to serve on (default 127.0.0.1:8000)")
    parser.add_argument("--no-open", action="store_true", help="accepted for compatibility; the browser is never opened")
    parser.add_argument("--full", action="store_true", help="render every page on every change (default: only what changed)")
    parser.set_defaults(run=run, strict=False)


def run(args) -> int:
    course, settings, report = checked_course(args)
    print_report(report, always=False)
    if settings is None and not (Path(args.root) / "mkdocs.yml").is_file():
        return 1  # not a course folder: nothing to watch
    host, _, port = args.dev_addr.rpartition(":")
    if not host or not port.isdigit():
        print(f"course serve: error: --dev-addr '{args.dev_addr}' is not IP:PORT", file=sys.stderr)
        return 2
    if course is None:
        print("the preview shows these errors until they are fixed")

    from .build import _quiet_mkdocs

    from ..mkdocs_plugin import CoursePlugin
    from ..preview import Preview

    _quiet_mkdocs(quiet=False)
    CoursePlugin.preview = None if args.full else Preview()
    logging.getLogger("mkdocs.commands.build").addFilter(_NoDirtyWarning())
    root = Path(args.root).resolve()
    watch = [root / "mkdocs.yml"] + ([settings.docs_dir, settings.quizzes_dir] if settings else [])
    PreviewServer(root / "mkdocs.yml", host, int(port), dirty=not args.full).run(watch)
    return 0


class PreviewServer:
    """MkDocs' live-reload server around a build that never leaves the browser waiting.

    MkDocs' own `serve` keeps every request waiting while a rebuild fails; here a failed build
    counts as a finished one, and until the next good build every page is the list of errors.
    """

    def __init__(self, config_file: Path, host: str, port: int, dirty: bool) -> None:
        from mkdocs.livereload import LiveReloadServer, _serve_url

        self.config_file, self.dirty = config_file, dirty
        self.site_dir = tempfile.mkdtemp(prefix="course_serve_")
        self.serve_url = _serve_url(host, port, "/")
        self.failure: str | None = None
        self.watched: set[str] = set()
        outer = self

        class Server(LiveReloadServer):
            def _serve_request(self, environ, start_response):
                path = environ["PATH_INFO"]
                if outer.failure is not None and not path.startswith("/livereload/") and _is_page(path):
                    with self._epoch_cond:
                        epoch = self._visible_epoch
                    return outer.error_response(self, epoch, start_response)
                return super()._serve_request(environ, start_response)

        self.server = Server(builder=self.build, host=host, port=port, root=self.site_dir, mount_path="/")

    def run(self, watch: list[Path]) -> None:
        import shutil

        try:
            self.build()
            for path in watch:
                self._watch(path)
            self.server.serve()
        except KeyboardInterrupt:
            pass
        finally:
            self.server.shutdown()
            shutil.rmtree(self.site_dir, ignore_errors=True)

    def build(self) -> None:
        """One build; on failure the errors become the page (never an exception: the server goes on)."""
        from mkdocs.commands.build import build
        from mkdocs.config import load_config
        from mkdocs.exceptions import Abort, MkDocsException

        records = _Collector.install()
        try:
            config = load_config(config_file=str(self.config_file), site_dir=self.site_dir)
            config.site_url = self.serve_url
            build(config, serve_url=self.serve_url, dirty=self.dirty)
            self._build_languages(config)
        except (MkDocsException, OSError, ValueError) as error:
            # the plugin has logged each diagnostic; a broken mkdocs.yml only says so here
            said = [] if records.messages and isinstance(error, Abort) else [f"build failed: {error}"]
            self.failure = "\n".join(records.messages + said)
            for line in said:
                logging.getLogger("mkdocs").error(line)
        except Exception:  # a bug: keep its traceback, on the page and in the terminal
            traceback.print_exc()
            self.failure = "\n".join(records.messages + [traceback.format_exc()])
        else:
            self.failure = None
            plugin = config.plugins.get("course")
            for path in [config.docs_dir, *config.watch] + ([plugin.settings.quizzes_dir] if plugin else []):
                self._watch(Path(path))
        finally:
            records.remove()
        if self.failure:
            logging.getLogger("mkdocs").info("the preview shows these errors until they are fixed")

    def _build_languages(self, config) -> None:
        """Each translation's site under its code, as `course build` writes it (a full build each)."""
        from mkdocs.commands.build import build
        from mkdocs.config import load_config

        from .build import for_language

        plugin = config.plugins.get("course")
        info = plugin.course.info if plugin is not None else None
        for lang in info.languages[1:] if info else ():
            translated = load_config(config_file=str(self.config_file), site_dir=str(Path(self.site_dir) / lang))
            translated.site_url = self.serve_url
            for_language(translated, lang, info.language)  # serves it under /<lang>/
            build(translated, serve_url=translated.site_url, dirty=False)

    def error_response(self, server, epoch: int, start_response):
        from ..render.error_page import error_page

        content = server._inject_js_into_html(error_page(self.failure or "").encode(), epoch)
        start_response("200 OK", [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(content)))])
        return [content]

    def _watch(self, path: Path) -> None:
        if str(path) not in self.watched and path.exists():
            self.watched.add(str(path))
            self.server.watch(str(path))


def _is_page(path: str) -> bool:
    return path.endswith("/") or path.endswith(".html") or "." not in path.rsplit("/", 1)[-1]


class _Collector(logging.Handler):
    """The build's warnings and errors, as the terminal shows them, for the error page."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        prefix = "" if ": error: " in message or ": warning: " in message else f"{record.levelname}: "
        self.messages.append(prefix + message)

    @classmethod
    def install(cls) -> "_Collector":
        collector = cls()
        logging.getLogger("mkdocs").addHandler(collector)
        return collector

    def remove(self) -> None:
        logging.getLogger("mkdocs").removeHandler(self)


class _NoDirtyWarning(logging.Filter):
    """MkDocs warns on every dirty build; the plugin makes them safe (builder/preview.py)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "'dirty' build" not in record.getMessage()
