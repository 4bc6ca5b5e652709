"""Figures from the built sites, each with its target, and the tables `make bench` prints."""

from __future__ import annotations

import json
import re
import statistics
from dataclasses import dataclass
from pathlib import Path

KIB, MIB = 1024, 1024 * 1024
ASSETS = Path(__file__).resolve().parent.parent / "builder" / "assets"
_INLINE = re.compile(r"<(script|style)\b([^>]*)>(.*?)</\1>", re.S | re.I)


@dataclass
class Figure:
    key: str
    label: str
    value: str
    target: str
    ok: bool | None  # None: no target, or skipped

    @property
    def result(self) -> str:
        return {True: "PASS", False: "FAIL", None: "—" if self.target == "—" else "SKIP"}[self.ok]


def site_bytes(site: Path) -> int:
    return sum(p.stat().st_size for p in site.rglob("*") if p.is_file())


def page_html(site: Path, src: str) -> Path:
    """Where MkDocs (use_directory_urls) writes the page modules/SRC."""
    return site / page_url(src) / "index.html"


def page_url(src: str) -> str:
    """The site-relative URL of the page modules/SRC (use_directory_urls)."""
    stem = src.removesuffix(".md").removesuffix("index").rstrip("/")
    return f"{stem}/" if stem else ""


def inline_blocks(html: str) -> list[str]:
    """Inline <script> and <style> blocks (not <script src=…>)."""
    return [m.group(0) for m in _INLINE.finditer(html) if "src=" not in m.group(2)]


def added_inline_bytes(ours: str, pages: str) -> int:
    """The largest inline block in our page that the same page without quizzes does not have."""
    baseline = set(inline_blocks(pages))
    return max((len(b.encode()) for b in inline_blocks(ours) if b not in baseline), default=0)


# What each file of the runtime may weigh, gzip-compressed as servers send it (issue 9: "the size
# budget counts the shipped runtime gzip-compressed"); tests/test_runtime_assets.py holds the same.
RUNTIME_BUDGETS = {"course.js": 16_000, "course-pages.js": 8_000, "course.css": 4_000}


def runtime_bytes() -> dict[str, int]:
    """Each runtime file as shipped, gzip -9 bytes."""
    import gzip

    from builder.render.runtime import learner_pages_source, runtime_source  # joined from builder/assets/runtime/

    texts = {"course.js": runtime_source(), "course-pages.js": learner_pages_source(),
             "course.css": (ASSETS / "course.css").read_text(encoding="utf-8")}
    return {name: len(gzip.compress(text.encode(), 9)) for name, text in texts.items()}


def index_text(site: Path) -> str:
    data = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    text = " ".join(f"{d.get('title', '')} {d.get('text', '')}" for d in data["docs"])
    return " ".join(text.split())


def leaks(site: Path, secrets: list[str]) -> list[str]:
    text = index_text(site)
    return [s for s in secrets if " ".join(s.split()) in text]


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def fmt_s(seconds: float) -> str:
    return f"{seconds:.2f} s"


def fmt_bytes(n: float) -> str:
    return f"{n / MIB:.1f} MiB" if n >= MIB else f"{n / KIB:.1f} KiB"


def targets(r: dict) -> list[Figure]:
    """Every figure of the issue with its target. r holds the measured values (see run.py)."""
    t = r["time"]
    quiz_ok = t.get("mkdocs-quiz") is not None
    def fig(key, label, value, target, ok):
        return Figure(key, label, value, target, ok)
    over = t["ours"] / t["pages-course"] - 1
    over_1 = t["ours/jobs1"] / t["pages-course/jobs1"] - 1
    over_mkdocs = t["ours/jobs1"] / t["pages"] - 1
    mem = r["memory"]["ours"] / r["memory"]["pages"]
    share = r["index"]["ours"] / r["index"]["pages"] - 1
    rt = sum(r["runtime"].values())
    rows = [
        fig("build_overhead", "quizzes' cost: ours / the pages alone, both `course build` (parallel)", f"{over:+.1%}",
            "≤ +10%", over <= 0.10),
        fig("build_overhead_one", "quizzes' cost in one process: the same, both `course build --jobs 1`", f"{over_1:+.1%}",
            "≤ +15%", over_1 <= 0.15),
        fig("build_overhead_cpu", "quizzes' cost in CPU time, one process (steadier than wall time on a busy machine)",
            f"{r['cpu']['ours/jobs1'] / r['cpu']['pages-course/jobs1'] - 1:+.1%}", "—", None),
        fig("build_vs_mkdocs", "our build in one process (`--jobs 1`) / the pages alone by `mkdocs build`",
            f"{over_mkdocs:+.1%}", "—", None),
        fig("build_vs_quiz", "our full build / mkdocs-quiz's build",
            f"{t['ours'] / t['mkdocs-quiz']:.2f}x" if quiz_ok else "not measured", "≤ 0.5x",
            (t["ours"] / t["mkdocs-quiz"] <= 0.5) if quiz_ok else None),
        fig("check", f"`course check` (wall time; CPU time {fmt_s(r['check_cpu'])})", fmt_s(r["check"]), "≤ 1.5 s",
            r["check"] <= 1.5),
        fig("page_html", "content page HTML (a page with a check)", fmt_bytes(r["page"]), "≤ 70 KiB", r["page"] <= 70 * KIB),
        fig("page_html_max", "largest content page HTML (the assessment page)", fmt_bytes(r["page_max"]), "≤ 70 KiB",
            r["page_max"] <= 70 * KIB),
        fig("runtime", "our runtime JS + CSS, gzip (" + ", ".join(f"{k} {fmt_bytes(v)}" for k, v in r["runtime"].items()) + ")",
            fmt_bytes(rt), "each file within its budget: " + ", ".join(f"{k} {v / 1000:g} KB" for k, v in RUNTIME_BUDGETS.items()),
            all(v <= RUNTIME_BUDGETS.get(k, 0) for k, v in r["runtime"].items())),
        fig("inline", "largest inline block our plugin adds to a page", fmt_bytes(r["inline"]), "≤ 2 KiB", r["inline"] <= 2 * KIB),
        fig("site", "built site on disk", f"{r['site']['ours'] / 1e6:.1f} MB", "≤ 100 MB", r["site"]["ours"] <= 100e6),
        fig("memory", "peak memory / the pages alone", f"{mem:.2f}x", "≤ 1.25x", mem <= 1.25),
        fig("index_share", "quizzes' share of the search index", f"{share:+.1%}", "≤ +5%", share <= 0.05),
        fig("index_leaks", f"answers, feedback, hints or explanations in the search index (of {r['secrets']})",
            str(len(r["leaks"])), "0", not r["leaks"]),
        fig("serve", "`course serve`: one-page edit shown (medium course)", fmt_s(r["serve"]), "≤ 1.5 s", r["serve"] <= 1.5),
    ]
    return rows + learner_targets(r.get("learner"))


def learner_targets(found: dict | None) -> list[Figure]:
    labels = {"content": ("start_content", "content page start-up (DOMContentLoaded → data-cb-ready, CPU 4x slower)", 50),
              "progress": ("start_progress", "My progress start-up (the same)", 200)}
    rows = []
    for name, (key, label, limit) in labels.items():
        value = found[name]["start"] if found else None
        rows.append(Figure(key, label, f"{value:.0f} ms" if found else "not measured", f"≤ {limit} ms",
                           (value <= limit) if found else None))
        own = found[name].get("own") if found else None
        rows.append(Figure(key + "_own", f"{label.split(' (')[0]}: the runtime's own work (its start → data-cb-ready)",
                           f"{own:.0f} ms" if own is not None else "not measured", f"≤ {limit} ms",
                           (own <= limit) if own is not None else None))
    m = (found or {}).get("manifest")
    rows.append(Figure("manifest", f"manifest.js ({fmt_bytes(m['bytes'])}): compile + run, CPU 4x slower" if m
                       else "manifest.js: compile + run", f"{m['compile'] + m['run']:.1f} ms" if m else "not measured",
                       "—", None))
    return rows


def learner_table(r: dict) -> str:
    found = r["learner"]
    lines = [f"| learner start-up, Chromium, CPU 4x slower (median of {r['learner_runs']} loads) | |", "|---|---|",
             f"| content page (with a check): DOMContentLoaded → data-cb-ready | {found['content']['start']:.0f} ms |",
             f"| My progress: DOMContentLoaded → data-cb-ready | {found['progress']['start']:.0f} ms |"]
    for name, label in (("content", "content page"), ("progress", "My progress")):
        if found[name].get("own") is not None:
            lines.append(f"| {label}: the runtime's own work, its start → data-cb-ready | {found[name]['own']:.0f} ms |")
    m = found.get("manifest")
    if m:
        lines.append(f"| manifest.js ({fmt_bytes(m['bytes'])}): compile / run | {m['compile']:.1f} ms / {m['run']:.1f} ms |")
    return "\n".join(lines)


NAMES = {"pages": "(a) pages alone, `mkdocs build`", "pages-course": "(a') pages alone, `course build`",
         "ours": "(b) ours, with quizzes", "mkdocs-quiz": "(c) mkdocs-quiz"}


def builds_table(r: dict, variants: tuple[str, ...]) -> str:
    lines = ["| | " + " | ".join(NAMES[v] for v in variants) + " |", "|---" * (len(variants) + 1) + "|"]
    def row(label, key, fmt, suffix=""):
        cells = [fmt(r[key][v + suffix]) if r[key].get(v + suffix) is not None else "—" for v in variants]
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    row(f"build time (median of {r['runs']})", "time", fmt_s)
    row("build time / (a)", "time", lambda v: f"{v / r['time']['pages']:.2f}x")
    row("build time in one process (`--jobs 1`)", "time", fmt_s, "/jobs1")
    row("one process / (a)", "time", lambda v: f"{v / r['time']['pages']:.2f}x", "/jobs1")
    row("CPU time, all processes (median)", "cpu", fmt_s)
    row("CPU time in one process (`--jobs 1`)", "cpu", fmt_s, "/jobs1")
    row("peak memory (median)", "memory", lambda v: f"{v:.0f} MiB")
    row("site on disk", "site", lambda v: f"{v / 1e6:.1f} MB")
    row("content page HTML (page with a check)", "pages", fmt_bytes)
    row("search index", "index", fmt_bytes)
    return "\n".join(lines)


def targets_table(rows: list[Figure]) -> str:
    lines = ["| figure | measured | target | result |", "|---|---|---|---|"]
    lines += [f"| {f.label} | {f.value} | {f.target} | {f.result} |" for f in rows]
    return "\n".join(lines)
