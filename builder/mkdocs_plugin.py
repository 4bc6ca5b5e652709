"""The `course` MkDocs plugin: thin hooks that call the pipeline and the renderers.

This module and the build/serve commands are the only code that imports MkDocs, so the core can
move to mkdocs-material's successor.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.utils import get_relative_url

from . import output_dir, parallel
from .diagnostics import Report
from .editions import FACILITATOR, LEARNER, for_edition
from .loading import shared_links
from .pipeline import load_course
from .preview import Preview
from .privacy import remote_loads, scan_site
from .render import fenced_divs, html_urls, math, overview, site
from .render.compact import compact_html
from .render.printed import answer_key_html
from .render.quiz_html import key_name, render_quiz, search_text
from .render.strings import t
from .settings import Settings

log = logging.getLogger("mkdocs.plugins.course")
_SLOT = re.compile(r"<p>CBQUIZSLOT(\d+)X</p>")
# Plugins whose state the page workers know how to bring together (see builder/parallel.py).
_PARALLEL_SAFE = {"material/search", "course", "material/offline"}


class CourseConfig(Config):
    course_id = c.Optional(c.Type(str))
    version = c.Type(str, default="0.0.0")
    language = c.Type(str, default="en")
    quizzes_dir = c.Type(str, default="quizzes")
    sessions_dir = c.Type(str, default="sessions")
    organisation = c.Type(str, default="")  # printed on certificates and the workbook's cover
    signatory = c.Type(str, default="")  # name and role under the certificate's signature line
    strict = c.Type(bool, default=False)


class CoursePlugin(BasePlugin[CourseConfig]):
    offline = False  # set by `course export offline` before the build
    edition = LEARNER  # `course build --edition facilitator` sets it before the build

    checked = None  # (settings, course) from `course build`, which has just checked the course
    jobs = 1  # processes to render pages in, set by `course build`
    workers: parallel.Workers | None = None
    # `course serve` sets this on the class (so it outlives the plugin, which MkDocs makes anew for
    # every rebuild): partial rebuilds, see builder/preview.py.
    preview: Preview | None = None

    def __init__(self) -> None:
        super().__init__()
        self.forms: dict[str, dict[str, tuple]] = {}  # page src -> {search text stub: (quiz id, question id)}
        self.page_loads: dict = {}  # page dest -> its third-party loads, scanned as it is written

    def on_config(self, config):
        root = Path(config.config_file_path or ".").parent
        self.settings = Settings.from_config(root, dict(config), dict(self.config))
        _check_site_dir(config, self.settings)
        if self.checked and self.checked[0] == self.settings:
            course = self.checked[1]  # loaded once per build: no second parse of every page
        else:
            course, report = load_course(self.settings, Report())
            if self.config.strict:
                report = report.strict()
            for diagnostic in report.sorted():
                (log.error if diagnostic.severity.value == "error" else log.warning)(diagnostic.format_text())
            if not report.ok or course is None:
                raise PluginError(f"course: {report.summary()}")
        self.course = course
        if not config.nav:
            config.nav = site.navigation(course, sessions=self.edition == FACILITATOR)
        site.add_assets(config)
        site.add_extensions(config, ("attr_list", "md_in_html", *fenced_divs.EXTENSIONS))
        if self.offline:
            # Pages open from disk: file links, and the search worker through a local shim
            # (mkdocs-material's offline plugin would otherwise add a CDN script).
            config.use_directory_urls = False
            config.extra["polyfills"] = [*config.extra.get("polyfills", []), site.SHIM]
        return config

    def on_files(self, files: Files, config) -> Files:
        for file in [f for f in files if f.src_uri.rsplit("/", 1)[-1] == shared_links.NAME]:
            files.remove(file)  # definitions for the pages, not a page (builder/loading/shared_links.py)
        for src, content in site.generated_pages(self.course, self.edition).items():
            files.append(File.generated(config, src, content=content))
        def url_of(src: str) -> str:
            file = files.get_file_from_path(src)
            return file.url if file else src

        if self.offline:
            files.append(File.generated(config, site.SHIM, content=site.shim_source()))
        for src, content in site.asset_files(self.course, url_of).items():
            files.append(File.generated(config, src, content=content))
        for src, content in site.key_files(self.course, url_of).items():
            files.append(File.generated(config, src, content=content))
        self.files = files
        return files

    def on_page_markdown(self, markdown, page, config, files):
        # The edition is decided here, on the source: the learner edition never renders a
        # facilitator block, so no page, search entry or copy of the site can hold its text.
        # `::: instructor` divs become facilitator blocks first (cut here from the learner's).
        markdown = fenced_divs.translate(markdown, facilitator=self.edition == FACILITATOR)
        markdown = for_edition(markdown, self.edition)
        if self.edition == FACILITATOR and page.is_homepage:
            markdown = f'!!! facilitator "{t("edition_facilitator")}"\n    {t("edition_banner")}\n\n' + markdown
        self.slots = []
        if "][" in markdown and page.file.abs_src_path:
            markdown += "\n\n" + shared_links.definitions_for(Path(page.file.abs_src_path), self.settings.docs_dir)
        def url_of(src: str) -> str | None:  # a site file's URL from this page, for raw-HTML links
            file = files.get_file_from_path(src)
            return get_relative_url(file.url, page.url) if file else None

        markdown = html_urls.rewrite(markdown, page.file.src_uri, url_of)
        markdown = overview.decorate(markdown, page.file.src_uri, self.course)
        return site.replace_fences(markdown, self.slots)

    def on_page_content(self, html, page, config, files):
        html = math.to_mathml(html, lambda message: log.warning(f"{page.file.src_uri}: {message}"))
        forms = self.forms[page.file.src_uri] = {}

        def slot(match: re.Match) -> str:
            # Until on_post_page puts the form in, the page holds only the quiz's searchable text,
            # so the search index never sees choices, and indexes quickly.
            quiz_id, question_id = self.slots[int(match.group(1))]
            stub = f"<!--cb-quiz-{match.group(1)}-->{search_text(self.course.quizzes[quiz_id], question_id)}<!--/cb-quiz-->"
            forms[stub] = (quiz_id, question_id)
            return stub

        root = get_relative_url(".", page.url)
        marker = f'<span class="cb-page" data-cb-page="{page.file.src_uri}" data-cb-root="{root}" hidden></span>'
        # the marker goes last: before the first heading, it would give the search index an extra section
        return _SLOT.sub(slot, html) + marker

    @event_priority(-100)  # last: the page as it is written
    def on_post_page(self, output, page, config):
        for stub, (quiz_id, question_id) in self.forms.pop(page.file.src_uri, {}).items():
            key_src = get_relative_url(f"{site.KEY_DIR}/{key_name(quiz_id, question_id)}.js", page.url)
            form = render_quiz(self.course.quizzes[quiz_id], key_src, question_id)
            if self.edition == FACILITATOR:
                form += answer_key_html(self.course.quizzes[quiz_id], question_id)
            output = output.replace(stub, form, 1)
        output = compact_html(output)
        self.page_loads[page.file.dest_uri] = remote_loads(output)
        return output

    def on_pre_build(self, config):
        if self.preview:
            roots = [self.settings.docs_dir, self.settings.quizzes_dir, Path(config.config_file_path or "mkdocs.yml")]
            self.preview.before_build(roots, site.navigation(self.course), Path(config.site_dir))

    def on_nav(self, nav, config, files):
        pages = files.documentation_pages()
        search = _search_index(config)
        self.workers = None
        if self.jobs > 1 and len(pages) >= parallel.MIN_PAGES and search is not None and set(config.plugins) <= _PARALLEL_SAFE:
            self._fork(config, files, pages)
        return nav

    def _fork(self, config, files, pages) -> None:
        """Render only this process's share of the pages; worker processes render the rest."""
        weights = [Path(f.abs_src_path).stat().st_size if f.abs_src_path else 2000 for f in pages]
        shares = parallel.split(weights, self.jobs)
        self.workers = parallel.Workers(self.jobs)
        share = self.workers.fork()
        mine = {pages[i].src_uri for i in shares[share]}
        every = files.documentation_pages
        files.documentation_pages = lambda **kw: [f for f in every(**kw) if f.src_uri in mine]
        if share:  # the main process writes everything else
            files.copy_static_files = lambda **kw: None
            config.theme.static_templates = set()
            config.extra_templates = []
            self.records = _LogCollector.install()

    @event_priority(100)  # before the search plugin writes its index
    def on_post_build(self, config):
        if self.workers and self.workers.is_worker:
            self.workers.finish((_search_index(config).entries, self.records.records, self.page_loads))
        if self.workers:
            try:
                results = self.workers.gather()
            except RuntimeError as error:
                raise PluginError(f"course: {error}")
            for entries, records, page_loads in results:
                for name, level, message in records:
                    logging.getLogger(name).log(level, message)
                _search_index(config).entries.extend(entries)
                self.page_loads.update(page_loads)
        if self.preview and _search_index(config) is not None:
            index = _search_index(config)
            index.entries = self.preview.merge_search(index.entries)
            config.plugins["material/search"].search_index_prev = None  # merged here already
        problems = scan_site(Path(config.site_dir), self.page_loads)
        for path, load in problems:
            log.error(f"{path}:{load.line}:{load.col}: error: built page loads '{load.url}' from another site [privacy.remote-request]")
        if problems:
            raise PluginError(f"course: {len(problems)} third-party request(s) in the built site; a school's copy must make none")
        output_dir.mark(Path(config.site_dir))  # so the next build may replace it

    def on_build_error(self, error):
        if self.workers and self.workers.is_worker:
            self.workers.fail(f"{type(error).__name__}: {error}")

    def on_serve(self, server, config, builder):
        server.watch(str(self.settings.quizzes_dir))
        return server


def _check_site_dir(config, settings: Settings) -> None:
    """Plain `mkdocs build` empties site_dir first: never when it holds the course or someone's files."""
    inputs = [settings.docs_dir, settings.quizzes_dir] + ([config.config_file_path] if config.config_file_path else [])
    try:
        output_dir.check_target(Path(config.site_dir), settings.root, inputs, "site_dir")
    except output_dir.UnsafeOutput as error:
        raise PluginError(f"course: {error}")


def _search_index(config):
    """mkdocs-material's search index, whose entries the page workers send back."""
    index = getattr(config.plugins.get("material/search"), "search_index", None)
    return index if isinstance(getattr(index, "entries", None), list) else None


class _LogCollector(logging.Handler):
    """In a page worker: MkDocs' log records, kept for the main process to log (and count)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[tuple[str, int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.name, record.levelno, record.getMessage()))

    @classmethod
    def install(cls) -> "_LogCollector":
        logger, collector = logging.getLogger("mkdocs"), cls()
        for handler in list(logger.handlers):
            logger.removeHandler(handler)
        logger.addHandler(collector)
        return collector
