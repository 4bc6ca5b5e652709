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
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.utils import get_relative_url

from .diagnostics import Report
from .pipeline import load_course
from .privacy import scan_site
from .render import site
from .render.quiz_html import render_quiz
from .settings import Settings

log = logging.getLogger("mkdocs.plugins.course")
_SLOT = re.compile(r"<p>CBQUIZSLOT(\d+)X</p>")


class CourseConfig(Config):
    course_id = c.Optional(c.Type(str))
    version = c.Type(str, default="0.0.0")
    language = c.Type(str, default="en")
    quizzes_dir = c.Type(str, default="quizzes")
    strict = c.Type(bool, default=False)


class CoursePlugin(BasePlugin[CourseConfig]):
    offline = False  # set by `course export offline` before the build

    def on_config(self, config):
        root = Path(config.config_file_path or ".").parent
        self.settings = Settings.from_config(root, dict(config), dict(self.config))
        course, report = load_course(self.settings, Report())
        if self.config.strict:
            report = report.strict()
        for diagnostic in report.sorted():
            (log.error if diagnostic.severity.value == "error" else log.warning)(diagnostic.format_text())
        if not report.ok or course is None:
            raise PluginError(f"course: {report.summary()}")
        self.course = course
        if not config.nav:
            config.nav = site.navigation(course)
        site.add_assets(config)
        if self.offline:
            # Pages open from disk: file links, and the search worker through a local shim
            # (mkdocs-material's offline plugin would otherwise add a CDN script).
            config.use_directory_urls = False
            config.extra["polyfills"] = [*config.extra.get("polyfills", []), site.SHIM]
        return config

    def on_files(self, files: Files, config) -> Files:
        for src, content in site.generated_pages(self.course).items():
            files.append(File.generated(config, src, content=content))
        def url_of(src: str) -> str:
            file = files.get_file_from_path(src)
            return file.url if file else src

        if self.offline:
            files.append(File.generated(config, site.SHIM, content=site.shim_source()))
        for src, content in site.asset_files(self.course, url_of).items():
            files.append(File.generated(config, src, content=content))
        self.files = files
        return files

    def on_page_markdown(self, markdown, page, config, files):
        self.slots = []
        return site.replace_fences(markdown, self.slots)

    def on_page_content(self, html, page, config, files):
        def url_for(target: str) -> str:
            path, _, anchor = target.partition("#")
            file = files.get_file_from_path(path)
            url = get_relative_url(file.url, page.url) if file else path
            return url + (f"#{anchor}" if anchor else "")

        def slot(match: re.Match) -> str:
            quiz_id, question_id = self.slots[int(match.group(1))]
            return render_quiz(self.course.quizzes[quiz_id], url_for, question_id)

        root = get_relative_url(".", page.url)
        marker = f'<span class="cb-page" data-cb-page="{page.file.src_uri}" data-cb-root="{root}" hidden></span>'
        return marker + _SLOT.sub(slot, html)

    def on_post_build(self, config):
        problems = scan_site(Path(config.site_dir))
        for path, load in problems:
            log.error(f"{path}:{load.line}:{load.col}: error: built page loads '{load.url}' from another site [privacy.remote-request]")
        if problems:
            raise PluginError(f"course: {len(problems)} third-party request(s) in the built site; a school's copy must make none")

    def on_serve(self, server, config, builder):
        server.watch(str(self.settings.quizzes_dir))
        return server
