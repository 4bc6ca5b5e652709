"""A MkDocs build whose pages are rendered by forked workers: the share of the pages each process renders.

The seam: `PageWorkers.start(config, files, jobs)` in the `on_nav` hook (returns None when the build
stays in one process), then `finish(config, page_loads)` in `on_post_build`, which returns every
worker's page loads, and `fail(error)` in `on_build_error`. To give each process its share, this
module narrows MkDocs' `Files.documentation_pages` and, in the workers, turns off what only the
main process writes (static files, the theme's static templates, extra templates); worker log
records and search entries come back to the main process (see builder/parallel.py for the forking
and builder/search_state.py for the index). Nothing here imports MkDocs.
"""

from __future__ import annotations

import logging
from pathlib import Path

from . import parallel, search_state

# Plugins whose state the page workers know how to bring together.
PARALLEL_SAFE = {"material/search", "course", "material/offline"}


class PageWorkers:
    def __init__(self, workers: parallel.Workers, collector: "_LogCollector | None") -> None:
        self.workers, self.collector = workers, collector

    @property
    def is_worker(self) -> bool:
        return self.workers.is_worker

    @classmethod
    def start(cls, config, files, jobs: int) -> "PageWorkers | None":
        """Fork when it pays; this process then renders only its own share of the pages."""
        pages = files.documentation_pages()
        fits = jobs > 1 and len(pages) >= parallel.MIN_PAGES and search_state.index(config) is not None
        if not fits or not set(config.plugins) <= PARALLEL_SAFE:
            return None
        weights = [Path(f.abs_src_path).stat().st_size if f.abs_src_path else 2000 for f in pages]
        shares = parallel.split(weights, jobs)
        workers = parallel.Workers(jobs)
        share = workers.fork()
        mine = {pages[i].src_uri for i in shares[share]}
        every = files.documentation_pages
        files.documentation_pages = lambda **kw: [f for f in every(**kw) if f.src_uri in mine]
        collector = None
        if share:  # the main process writes everything else
            files.copy_static_files = lambda **kw: None
            config.theme.static_templates = set()
            config.extra_templates = []
            collector = _LogCollector.install()
        return cls(workers, collector)

    def finish(self, config, page_loads: dict) -> dict:
        """In a worker: send this share's results and exit. In the main process: gather every
        worker's results into this build (log records, search entries); returns their page loads.
        Raises RuntimeError when a worker failed."""
        if self.workers.is_worker:
            self.workers.finish((search_state.index(config).entries, self.collector.records, page_loads))
        gathered: dict = {}
        for entries, records, loads in self.workers.gather():
            for name, level, message in records:
                logging.getLogger(name).log(level, message)
            search_state.add_entries(config, entries)
            gathered.update(loads)
        return gathered

    def fail(self, error: BaseException) -> None:
        if self.workers.is_worker:
            self.workers.fail(f"{type(error).__name__}: {error}")


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
