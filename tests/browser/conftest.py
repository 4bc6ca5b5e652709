"""Browser fixtures: the fixture courses built once and served under a sub-path (Chromium: tests/conftest.py).

Sites: `minimal` (every question type), `journey` (two modules, instant navigation, light and dark
palettes), `journey-v2` (the same course with pages and questions added, reordered and removed) and
`offline` (journey exported for file://). The server maps URL prefixes to site folders; the update
test points /cpd/update/ at v1, then at v2, as a school would replace its copy.
"""

from __future__ import annotations

import http.server
import re
import threading
import urllib.parse
from pathlib import Path
from types import SimpleNamespace

import pytest

from conftest import REPO, copy_project, run_cli

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"


def build_sites(tmp_path_factory, base: str) -> dict[str, Path]:
    built = {}
    for name in ("minimal", "journey", "journey-v2"):
        root = copy_project(name, tmp_path_factory.mktemp(name))
        config = root / "mkdocs.yml"
        # mkdocs-material's instant navigation only takes over links under the site_url's path
        config.write_text(re.sub(r"(?m)^site_url: .*$", f"site_url: {base}/cpd/{name}/", config.read_text()))
        status, output = run_cli("build", "--root", str(root), "--site-dir", str(root / "site"))
        assert status == 0, output
        built[name] = root / "site"
    root = copy_project("journey", tmp_path_factory.mktemp("journey-offline"))
    status, output = run_cli("export", "offline", "--root", str(root), "--out", str(root / "dist"))
    assert status == 0, output
    built["offline"] = root / "dist" / "journey-1.0.0-offline"
    return built


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    """A threaded http.server on loopback: /cpd/<name>/ serves a built site."""
    mounts: dict[str, Path] = {}

    class Handler(http.server.SimpleHTTPRequestHandler):
        def translate_path(self, path):
            path = urllib.parse.unquote(path.split("?")[0].split("#")[0])
            for prefix, site in mounts.items():
                if path.startswith(prefix):
                    return str(Path(site) / path[len(prefix):])
            return "/nonexistent"

        def end_headers(self):
            self.send_header("Cache-Control", "no-store")  # the update test swaps a site in place
            super().end_headers()

        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    base = f"http://127.0.0.1:{httpd.server_port}"
    sites = build_sites(tmp_path_factory, base)
    mounts.update({f"/cpd/{name}/": site for name, site in sites.items() if name != "offline"})
    mounts["/cpd/update/"] = sites["journey"]
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield SimpleNamespace(url=lambda name: f"{base}/cpd/{name}/", mounts=mounts, sites=sites)
    httpd.shutdown()


def serve_built(server, root: Path, name: str, *options: str) -> str:
    """Build the course at ROOT with its site_url set to /cpd/NAME/ (mkdocs-material's instant
    navigation only takes over links under it) and serve it there; returns that URL."""
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    line = f"site_url: {server.url(name)}"
    config.write_text(re.sub(r"(?m)^site_url: .*$", line, text) if re.search(r"(?m)^site_url: ", text) else text + line + "\n",
                      encoding="utf-8")
    status, output = run_cli("build", *options, "--root", str(root), "--site-dir", str(root / "site"))
    assert status == 0, output
    server.mounts[f"/cpd/{name}/"] = root / "site"
    return server.url(name)


def bilingual_project(dest: Path) -> Path:
    """The journey course with journey-de's German translations copied over it."""
    return copy_project("journey-de", copy_project("journey", dest))


@pytest.fixture(scope="module")
def bilingual(server, tmp_path_factory):
    """The two-language journey course served at /cpd/journey-bi/ (German at de/)."""
    return serve_built(server, bilingual_project(tmp_path_factory.mktemp("journey-bi")), "journey-bi")


def bilingual_offline(tmp_path: Path) -> Path:
    """The two-language course exported for file://; returns the copy's folder."""
    root = bilingual_project(tmp_path / "journey-bi")
    status, output = run_cli("export", "offline", "--root", str(root), "--out", str(root / "dist"))
    assert status == 0, output
    return root / "dist" / "journey-1.0.0-offline"


@pytest.fixture
def context(browser):
    """A fresh browser profile (empty storage); fails the test on any JavaScript error."""
    ctx = browser.new_context(accept_downloads=True, viewport={"width": 1280, "height": 900}, locale="en-GB")
    errors: list[str] = []
    ctx.on("weberror", lambda error: errors.append(str(error.error)))
    ctx.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    yield ctx
    ctx.close()
    assert errors == []


@pytest.fixture
def page(context):
    return context.new_page()
