"""Fixtures for schools' copies: an exported offline package, a request log, nginx (Chromium: tests/conftest.py)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
import zipfile
from pathlib import Path

import pytest

from conftest import copy_project, run_cli


@pytest.fixture(scope="session")
def exported(tmp_path_factory) -> dict:
    """The minimal course exported offline: the zip, its folder, and a fresh extraction."""
    root = copy_project("minimal", tmp_path_factory.mktemp("course"))
    status, output = run_cli("export", "offline", "--root", str(root))
    assert status == 0, output
    archive = next((root / "dist").glob("*.zip"))
    extracted = tmp_path_factory.mktemp("usb-stick")
    with zipfile.ZipFile(archive) as zf:
        zf.extractall(extracted)
    (copy,) = [p for p in extracted.iterdir() if p.is_dir()]
    return {"root": root, "zip": archive, "folder": root / "dist" / archive.stem, "copy": copy}


class RequestLog:
    """Every request a page makes; `outside(prefix)` lists those that leave the copy."""

    def __init__(self, page):
        self.urls: list[str] = []
        page.on("request", lambda request: self.urls.append(request.url))

    def outside(self, prefix: str) -> list[str]:
        return [u for u in self.urls if not u.startswith(prefix) and not u.startswith(("data:", "blob:", "about:"))]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def nginx(tmp_path_factory, exported):
    """Debian's nginx on loopback, serving a normally built site under /cpd/."""
    binary = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(binary).exists():
        pytest.skip("nginx is not installed")
    root = exported["root"]
    status, output = run_cli("build", "--root", str(root), "--site-dir", str(root / "site"))
    assert status == 0, output
    work = tmp_path_factory.mktemp("nginx")
    port = free_port()
    # As root, nginx's workers would switch to 'nobody', who cannot read pytest's private tmp dirs.
    user = "user root;" if os.geteuid() == 0 else ""
    (work / "nginx.conf").write_text(f"""
{user}
daemon off;
pid {work}/nginx.pid;
error_log {work}/error.log;
events {{ worker_connections 64; }}
http {{
  include /etc/nginx/mime.types;
  access_log {work}/access.log;
  client_body_temp_path {work}/body;
  proxy_temp_path {work}/proxy;
  fastcgi_temp_path {work}/fastcgi;
  uwsgi_temp_path {work}/uwsgi;
  scgi_temp_path {work}/scgi;
  server {{
    listen 127.0.0.1:{port};
    location /cpd/ {{ alias {root / 'site'}/; index index.html; }}
  }}
}}
""")
    process = subprocess.Popen([binary, "-c", str(work / "nginx.conf"), "-p", str(work)], stderr=subprocess.PIPE)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.1)
    yield {"url": f"http://127.0.0.1:{port}/cpd/", "site": root / "site", "log": work / "access.log"}
    process.terminate()
    process.wait(10)
