"""Rendering a site's pages in several processes: each forked worker renders one share of the pages.

MkDocs renders pages one after another on one core. `course build` forks, once the navigation is
known, one worker per further core; each process renders its own contiguous share of the pages and
the workers send back what the main process still needs (their search index entries and log
records). Only on Linux (fork is cheap and safe there); elsewhere, and for small sites, the build
stays in one process. Nothing here knows MkDocs: the plugin's hooks drive it.
"""

from __future__ import annotations

import gc
import os
import pickle
import sys
import traceback
from collections.abc import Sequence

MIN_PAGES = 60  # below this, forking costs more than it saves


def available_cores() -> int:
    if not sys.platform.startswith("linux") or not hasattr(os, "fork"):
        return 1
    return max(1, min(len(os.sched_getaffinity(0)), 4))


def split(weights: Sequence[float], shares: int) -> list[range]:
    """Contiguous index ranges with about equal total weight, in order."""
    total, bounds, running, start = sum(weights) or 1, [], 0.0, 0
    for i, weight in enumerate(weights):
        running += weight
        if len(bounds) < shares - 1 and running >= total * (len(bounds) + 1) / shares:
            bounds.append(range(start, i + 1))
            start = i + 1
    bounds.append(range(start, len(weights)))
    return bounds + [range(len(weights), len(weights))] * (shares - len(bounds))


class Workers:
    """The main process (share 0) and its forked workers (shares 1 …), joined by one pipe each."""

    def __init__(self, count: int) -> None:
        self.count, self.share, self.children = count, 0, []  # children: (pid, read fd)
        self._write_fd = None

    @property
    def is_worker(self) -> bool:
        return self.share > 0

    def fork(self) -> int:
        """Start the workers; returns this process's share (0 in the main process)."""
        gc.freeze()  # objects made so far are shared copy-on-write: keep the collector off them
        for share in range(1, self.count):
            read_fd, write_fd = os.pipe()
            pid = os.fork()
            if pid == 0:
                os.close(read_fd)
                for _, fd in self.children:
                    os.close(fd)
                self.share, self.children, self._write_fd = share, [], write_fd
                return share
            os.close(write_fd)
            self.children.append((pid, read_fd))
        return 0

    def finish(self, payload) -> None:
        """In a worker: send PAYLOAD (or the error being handled) to the main process and exit."""
        try:
            data = pickle.dumps(("ok", payload))
        except Exception:  # pragma: no cover - a payload that cannot be sent is a bug
            data = pickle.dumps(("error", traceback.format_exc()))
        self._send_and_exit(data, 0)

    def fail(self, message: str) -> None:
        self._send_and_exit(pickle.dumps(("error", message)), 1)

    def _send_and_exit(self, data: bytes, status: int) -> None:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
            with os.fdopen(self._write_fd, "wb") as pipe:
                pipe.write(data)
        finally:
            os._exit(status)

    def gather(self) -> list:
        """In the main process: each worker's payload, in share order. Raises if one failed."""
        results, errors = [], []
        for pid, fd in self.children:
            with os.fdopen(fd, "rb") as pipe:
                data = pipe.read()
            _, status = os.waitpid(pid, 0)
            if not data:
                errors.append(f"page worker {pid} stopped (exit status {os.waitstatus_to_exitcode(status)})")
                continue
            kind, payload = pickle.loads(data)
            (results if kind == "ok" else errors).append(payload)
        self.children = []
        gc.unfreeze()
        if errors:
            raise RuntimeError("\n".join(errors))
        return results
