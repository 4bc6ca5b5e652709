"""An LMS for the SCORM tests: the journey course's packages, scorm-again in tests/scorm/harness.html,
served from one origin as an LMS serves its player and the package (/lms/...).

POST /lms/commit-fails answers 500: scorm-again's commit to it fails, as an LMS's would.
"""

from __future__ import annotations

import http.server
import threading
import urllib.parse
import zipfile
from pathlib import Path
from types import SimpleNamespace

import pytest

from conftest import REPO, copy_project, run_cli

STANDARDS = {"scorm12": "12", "scorm2004": "2004"}


def build_packages(root: Path) -> dict[str, Path]:
    project = copy_project("journey", root / "journey")
    folders = {}
    for fmt in STANDARDS:
        status, output = run_cli("export", fmt, "--root", str(project), "--out", str(root / "dist"))
        assert status == 0, output
        folder = root / fmt
        with zipfile.ZipFile(root / "dist" / f"journey-1.0.0-{fmt}.zip") as zf:
            zf.extractall(folder)
        folders[fmt] = folder
    return folders


def serve(packages: dict[str, Path]):
    mounts = {"/lms/node/": REPO / "node_modules", "/lms/harness.html": REPO / "tests" / "scorm" / "harness.html"}
    mounts.update({f"/lms/{fmt}/": folder for fmt, folder in packages.items()})

    class Handler(http.server.SimpleHTTPRequestHandler):
        def translate_path(self, path):
            path = urllib.parse.unquote(path.split("?")[0].split("#")[0])
            for prefix, target in mounts.items():
                if path.startswith(prefix):
                    return str(Path(target) / path[len(prefix):]) if prefix.endswith("/") else str(target)
            return "/nonexistent"

        def do_POST(self):  # noqa: N802 (http.server's naming)
            self.send_response(500 if self.path.startswith("/lms/commit-fails") else 200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(b'{"result": false, "errorCode": 101}')

        def log_message(self, *args):
            pass

    class Server(http.server.ThreadingHTTPServer):
        def handle_error(self, request, client_address):  # a browser that hangs up mid-file is no error
            import sys

            if not isinstance(sys.exc_info()[1], ConnectionError):
                super().handle_error(request, client_address)

    httpd = Server(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_port}/lms/"
    return httpd, SimpleNamespace(base=base, packages=packages,
                                  harness=lambda fmt, **q: base + "harness.html?" + urllib.parse.urlencode(
                                      {"std": STANDARDS[fmt], "launch": f"{fmt}/launch.html", **q}))


@pytest.fixture(scope="session")
def lms(tmp_path_factory):
    """The journey course's SCORM 1.2 and 2004 packages behind the harness, built once per run."""
    httpd, server = serve(build_packages(tmp_path_factory.mktemp("scorm")))
    yield server
    httpd.shutdown()
