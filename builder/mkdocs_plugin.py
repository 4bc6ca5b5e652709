"""The `course` MkDocs plugin: thin hooks that call the pipeline and the renderers.

This module and the build/serve commands are the only code that imports MkDocs, so the core can
move to mkdocs-material's successor.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.utils import get_relative_url

from . import output_dir, search_state
from .diagnostics import Report
from .editions import FACILITATOR, LEARNER, for_edition
from .page_workers import PageWorkers
from .pipeline import load_course
from .preview import Preview
from .privacy import remote_loads, scan_site, split_figures
from .loading import shared_links
from .render import brand, course_home, fenced_divs, html_urls, languages, math, overview, site, theme_text
from .render.compact import compact_html
from .render.printed import answer_key_html
from .render.quiz_slots import QuizSlots
from .render.strings import t
from .settings import Settings
from .translations import in_language, is_translation, translated_asset

log = logging.getLogger("mkdocs.plugins.course")


class CourseConfig(Config):
    course_id = c.Optional(c.Type(str))
    version = c.Type(str, default="0.0.0")
    language = c.Optional(c.Type(str))  # the interface's language; default: theme.language
    quizzes_dir = c.Type(str, default="quizzes")
    sessions_dir = c.Type(str, default="sessions")
    organisation = c.Type(str, default="")  # printed on certificates and the workbook's cover
    signatory = c.Type(str, default="")  # name and role under the certificate's signature line
    colour = c.Optional(c.Type(str))  # a school's brand colour (builder/render/brand.py)
    strict = c.Type(bool, default=False)
    lms = c.Optional(c.Choice(("scorm12", "scorm2004")))  # read by `course check` (builder/validation/packaging.py)


class CoursePlugin(BasePlugin[CourseConfig]):
    offline = False  # set by `course export offline` before the build
    edition = LEARNER  # `course build --edition facilitator` sets it before the build
    # `course build` sets these for a translation's site: its language and the originals' (whose
    # site_dir is this one's parent); plain `mkdocs build` builds the originals' site only
    translation = ""
    source_language = ""

    checked = None  # (settings, course) from `course build`, which has just checked the course
    jobs = 1  # processes to render pages in, set by `course build`
    workers: PageWorkers | None = None
    # `course serve` sets this on the class (so it outlives the plugin, which MkDocs makes anew for
    # every rebuild): partial rebuilds, see builder/preview.py.
    preview: Preview | None = None

    def __init__(self) -> None:
        super().__init__()
        self.page_loads: dict = {}  # page dest -> its third-party loads, scanned as it is written

    def on_config(self, config):
        root = Path(config.config_file_path or ".").parent
        self.settings = Settings.from_config(root, dict(config), dict(self.config))
        if self.translation:
            self.settings = replace(self.settings, language=self.source_language or self.settings.language, translation=self.translation)
        _check_site_dir(config, self.settings)
        if self.checked and self.checked[0] == self.settings:
            course = self.checked[1]  # loaded once per build: no second parse of every page
        else:
            course = self._load()
        self.course = course
        if not config.nav:
            config.nav = site.navigation(course, sessions=self.edition == FACILITATOR)
        theme_text.escape_config(config)  # after Settings has read the plain text
        site.add_assets(config)
        site.add_extensions(config, ("attr_list", "md_in_html", *fenced_divs.EXTENSIONS))
        if self.config.colour:
            config.extra_css.append(site.BRAND_CSS)
        self.slots = QuizSlots(course)
        site.register_quiz_fence(config, self.slots.fence())
        if self.offline:
            # Pages open from disk: file links, and the search worker through a local shim
            # (mkdocs-material's offline plugin would otherwise add a CDN script).
            config.use_directory_urls = False
            config.extra["polyfills"] = [*config.extra.get("polyfills", []), site.SHIM]
        return config

    def _load(self):
        course, report = load_course(self.settings, Report())
        if self.config.strict:
            report = report.strict()
        for diagnostic in report.sorted():
            (log.error if diagnostic.severity.value == "error" else log.warning)(diagnostic.format_text())
        if not report.ok or course is None:
            raise PluginError(f"course: {report.summary()}")
        return course

    def on_env(self, env, config, files):
        theme_text.install(env)
        return env

    def on_files(self, files: Files, config) -> Files:
        def url_of(src: str) -> str:
            file = files.get_file_from_path(src)
            return file.url if file else src

        for file in [f for f in files if f.src_uri.rsplit("/", 1)[-1] == shared_links.NAME]:
            files.remove(file)  # definitions for the pages, not a page (builder/loading/shared_links.py)
        for file in [f for f in files if f.src_uri.endswith(".md") and is_translation(Path(f.src_uri))]:
            files.remove(file)  # page.de.md: a translation, not a page of this site (builder/translations.py)
        if self.translation:  # a translation's site: page.de.md's text at page.md's place (ids and URLs)
            for file in files.documentation_pages():
                if file.abs_src_path:
                    file.abs_src_path = str(in_language(Path(file.abs_src_path), self.translation))
        self._translated_assets(files)
        for src, content in site.generated_pages(self.course, self.edition).items():
            files.append(File.generated(config, src, content=content))
        for src, content in site.generated_files(self.course, url_of, self.offline).items():
            files.append(File.generated(config, src, content=content))
        if self.config.colour:
            files.append(File.generated(config, site.BRAND_CSS, content=brand.stylesheet(self.config.colour)))
        return files

    def _translated_assets(self, files: Files) -> None:
        """fig.de.svg beside fig.svg: the German site serves it as fig.svg, no site as fig.de.svg."""
        langs = self.course.info.languages[1:]
        for file in [f for f in files if not f.is_documentation_page()]:
            found = translated_asset(file.src_uri, langs, lambda src: files.get_file_from_path(src) is not None)
            if found:
                files.remove(file)
                if found[1] == self.translation:
                    files.get_file_from_path(found[0]).abs_src_path = file.abs_src_path

    def on_page_markdown(self, markdown, page, config, files):
        theme_text.escape_meta(page.meta)
        self.slots.begin(page.file.src_uri)
        # The edition is decided here, on the source: the learner edition never renders a
        # facilitator block, so no page, search entry or copy of the site can hold its text.
        # `::: instructor` divs become facilitator blocks first (cut here from the learner's).
        markdown = fenced_divs.translate(markdown, facilitator=self.edition == FACILITATOR)
        markdown = for_edition(markdown, self.edition)
        if self.edition == FACILITATOR and page.is_homepage:
            lang = self.course.info.language
            markdown = f'!!! facilitator "{t("edition_facilitator", lang)}"\n    {t("edition_banner", lang)}\n\n' + markdown
        if "][" in markdown and page.file.abs_src_path:
            markdown += "\n\n" + shared_links.definitions_for(Path(page.file.abs_src_path), self.settings.docs_dir)

        def url_of(src: str) -> str | None:  # a site file's URL from this page, for raw-HTML links
            file = files.get_file_from_path(src)
            return get_relative_url(file.url, page.url) if file else None

        markdown = html_urls.rewrite(markdown, page.file.src_uri, url_of)
        markdown = overview.decorate(markdown, page.file.src_uri, self.course)
        return self._languages(page) + self._frame(markdown, page, files)

    def _languages(self, page) -> str:
        """The switcher to this page in the course's other languages (an HTML block before the text)."""
        info = self.course.info
        here = languages.prefix(info, info.language) + page.url
        block = languages.switcher(info, lambda lang: get_relative_url(languages.prefix(info, lang) + page.url, here))
        return f"{block}\n\n" if block else ""

    def _frame(self, markdown, page, files):
        """The home page's module cards, or a module page's position, under the page's title."""
        def url_of(src: str) -> str:
            file = files.get_file_from_path(src)
            return get_relative_url(file.url, page.url) if file else src

        src = page.file.src_uri
        if self.course.home and src == self.course.home.src:
            goals = page.meta.get("objectives")
            goals = tuple(str(g) for g in goals if isinstance(g, (str, int, float))) if isinstance(goals, list) else ()
            return course_home.after_title(markdown, course_home.home(self.course, goals, url_of))
        block = course_home.position(self.course, src)
        return course_home.after_title(markdown, block) if block else markdown

    def on_page_content(self, html, page, config, files):
        html = math.to_mathml(html, lambda message: log.warning(f"{page.file.src_uri}: {message}"))
        problems = self.slots.problems(page.file.src_uri)
        for problem in problems:
            log.error(problem)
        if problems:
            raise PluginError(f"course: {len(problems)} quiz fence(s) not rendered")
        root = get_relative_url(".", page.url)
        info = self.course.info
        if info.is_fallback(page.file.src_uri):
            html = languages.fallback_page(info, html)
        # every language's pages keep their progress in the originals' storage page (from file://)
        store = f' data-cb-store="{get_relative_url("storage.html", info.language + "/" + page.url)}"' if self.translation else ""
        marker = f'<span class="cb-page" data-cb-page="{page.file.src_uri}" data-cb-root="{root}"{store} hidden></span>'
        # the marker goes last: before the first heading, it would give the search index an extra section
        return html + marker

    @event_priority(-100)  # last: the page as it is written
    def on_post_page(self, output, page, config):
        extra = answer_key_html if self.edition == FACILITATOR else None
        output = self.slots.fill(page.file.src_uri, output, lambda name: get_relative_url(f"{site.KEY_DIR}/{name}.js", page.url), extra)
        output = compact_html(theme_text.root_direction(output))
        self.page_loads[page.file.dest_uri] = remote_loads(output)
        return output

    def on_pre_build(self, config):
        if self.preview:
            roots = [self.settings.docs_dir, self.settings.quizzes_dir, Path(config.config_file_path or "mkdocs.yml")]
            self.preview.before_build(roots, site.navigation(self.course), Path(config.site_dir))

    def on_nav(self, nav, config, files):
        self.workers = PageWorkers.start(config, files, self.jobs)
        return nav

    @event_priority(100)  # before the search plugin writes its index
    def on_post_build(self, config):
        if self.workers:
            try:
                self.page_loads.update(self.workers.finish(config, self.page_loads))
            except RuntimeError as error:
                raise PluginError(f"course: {error}")
        index = search_state.index(config)
        if self.preview and index is not None:
            search_state.replace_entries(config, self.preview.merge_search(index.entries))
        problems, blocked = split_figures(Path(config.site_dir), scan_site(Path(config.site_dir), self.page_loads))
        for path, load in blocked:  # course check has warned about it, at its source
            log.info(f"{path}: figure names '{load.url}' on another site; pages show it only as a picture, which loads nothing")
        for path, load in problems:
            log.error(f"{path}:{load.line}:{load.col}: error: built page loads '{load.url}' from another site [privacy.remote-request]")
        if problems:
            raise PluginError(f"course: {len(problems)} third-party request(s) in the built site; a school's copy must make none")
        output_dir.mark(Path(config.site_dir))  # so the next build may replace it

    def on_build_error(self, error):
        if self.workers:
            self.workers.fail(error)

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
