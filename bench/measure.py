"""Measuring one command: wall time and peak memory of its whole process tree; a serve rebuild."""

from __future__ import annotations

import os
import socket
import subprocess
import threading
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}


@dataclass
class Run:
    seconds: float
    peak_mib: float
    cpu_seconds: float  # user + system time of the process and the children it waited for
    status: int
    output: str


def run(argv: list[str], cwd: Path | None = None) -> Run:
    """Run argv to completion; peak memory is the larger of the process's own maximum RSS and the
    sampled proportional set size (PSS) of its whole process tree, so worker processes count too."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, cwd=cwd, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    sampler = _TreeSampler(proc.pid)
    sampler.start()
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    sampler.stop()
    peak_kib = max(usage.ru_maxrss, sampler.peak_kib)
    cpu = usage.ru_utime + usage.ru_stime
    return Run(seconds, peak_kib / 1024, cpu, proc.returncode, out.decode("utf-8", "replace"))


class _TreeSampler(threading.Thread):
    def __init__(self, pid: int, every: float = 0.1) -> None:
        super().__init__(daemon=True)
        self.pid, self.every, self.peak_kib = pid, every, 0
        self._stop_flag = threading.Event()

    def stop(self) -> None:
        self._stop_flag.set()
        self.join()

    def run(self) -> None:
        while not self._stop_flag.wait(self.every):
            self.peak_kib = max(self.peak_kib, sum(_pss_kib(p) for p in _tree(self.pid)))


def _tree(root: int) -> list[int]:
    parents: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            parents.setdefault(ppid, []).append(int(entry))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(parents.get(pid, ()))
    return found


def _pss_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def serve_rebuilds(argv: list[str], page: Path, url: str, edits: int = 3, timeout: float = 120) -> list[float]:
    """Start a preview server, then edit PAGE EDITS times; each figure is the time from saving
    the file to the server answering with the edited text."""
    proc = subprocess.Popen(argv, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    original = page.read_text(encoding="utf-8")
    times = []
    try:
        _wait_for(url, None, proc, timeout)
        for n in range(1, edits + 1):
            marker = f"benchmarkedit{n}x{os.getpid()}"
            time.sleep(0.5)  # let the watcher settle after the previous build
            start = time.perf_counter()
            page.write_text(f"{original.rstrip()}\n\nA sentence added while previewing: {marker}.\n", encoding="utf-8")
            _wait_for(url, marker, proc, timeout)
            times.append(time.perf_counter() - start)
    finally:
        page.write_text(original, encoding="utf-8")
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    return times


def _wait_for(url: str, text: str | None, proc: subprocess.Popen, timeout: float) -> None:
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"the preview server stopped (exit {proc.returncode})")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                body = response.read().decode("utf-8", "replace")
            if text is None or text in body:
                return
        except OSError:
            pass
        time.sleep(0.02)
    raise TimeoutError(f"{url} did not show {text!r} within {timeout} s")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
