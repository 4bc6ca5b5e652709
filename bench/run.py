"""`make bench`: generate the synthetic courses, build each several ways, print every figure with its target.

    python3 bench/run.py                      # medium and large, as docs/performance.md reports
    python3 bench/run.py --large medium       # a quicker look

In one run, alternating (a) the pages alone (`mkdocs build`), (a') the pages alone through
`course build` (our plugin, no quizzes), (b) our course with quizzes (`course build`), (a') and
(b) again in one process (`--jobs 1`), and (c) the same questions in mkdocs-quiz, each build in its
own process. Then the learner's side: start-up of built pages in a CPU-throttled Chromium
(bench/learner.py). mkdocs-quiz is installed only
for the benchmark, into bench/.venv, beside the same MkDocs, mkdocs-material, pymdown-extensions and
Markdown versions as this Python's; with --no-install (and no such bench/.venv) or without network
it is left out and its figures are marked as not measured.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import generate  # noqa: E402
import learner  # noqa: E402
import measure  # noqa: E402
import report  # noqa: E402

REPO = HERE.parent
VENV = HERE / ".venv"
MKDOCS_QUIZ = "mkdocs-quiz==1.7.1"
STACK = ("mkdocs", "mkdocs-material", "pymdown-extensions", "Markdown")  # pinned to this Python's versions
COURSE = [sys.executable, "-c", "import sys; from builder.cli import main; sys.exit(main(sys.argv[1:]))"]


def parse(argv):
    p = argparse.ArgumentParser(prog="bench/run.py", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--medium", default="medium", choices=generate.SIZES, help="the size for the serve figure")
    p.add_argument("--large", default="large", choices=generate.SIZES, help="the size the targets apply to")
    p.add_argument("--runs", type=int, default=0, help="builds of each kind, alternating (default: 5)")
    p.add_argument("--check-runs", type=int, default=5)
    p.add_argument("--serve-edits", type=int, default=3)
    p.add_argument("--learner-runs", type=int, default=5, help="page loads of each page measured (0: leave out)")
    p.add_argument("--out", type=Path, default=HERE / "out")
    p.add_argument("--no-install", action="store_true", help="use mkdocs-quiz only if bench/.venv already has it")
    return p.parse_args(argv)


def mkdocs_quiz_python(install: bool) -> Path | None:
    """A Python with mkdocs-quiz and the very MkDocs, mkdocs-material, pymdown-extensions and
    Markdown versions this one runs, in bench/.venv: (c) then differs from (a) only by the plugin."""
    python = VENV / "bin" / "python"
    pins = [MKDOCS_QUIZ] + [f"{name}=={version(name)}" for name in STACK]
    def usable() -> bool:
        check = "import mkdocs_quiz, material; from importlib.metadata import version as v; print(" + \
            ", ".join(f"v({name!r})" for name in STACK) + ")"
        found = subprocess.run([python, "-c", check], capture_output=True, text=True) if python.exists() else None
        return bool(found and found.returncode == 0 and found.stdout.split() == [version(n) for n in STACK])
    if usable() or not install:
        return python if usable() else None
    say(f"installing {', '.join(pins)} into {VENV.relative_to(REPO)} (for the benchmark only)")
    shutil.rmtree(VENV, ignore_errors=True)
    subprocess.run([sys.executable, "-m", "venv", VENV], check=True)
    result = subprocess.run([python, "-m", "pip", "install", "-q", *pins], capture_output=True, text=True)
    if result.returncode:
        say(result.stderr.strip()[-2000:])
    return python if usable() else None


# What each variant's folder is built with: `mkdocs build` or `course build` (which checks first).
COURSE_BUILT = ("pages-course", "ours")
ONE_PROCESS = "/jobs1"  # suffix of the builds that run `course build --jobs 1`


def build_command(build: str, root: Path, site: Path, quiz_python: Path | None) -> list:
    variant = build.removesuffix(ONE_PROCESS)
    if variant in COURSE_BUILT:
        return [*COURSE, "build", "--root", root / variant, "--site-dir", site] + (["--jobs", "1"] if build != variant else [])
    python = quiz_python if variant == "mkdocs-quiz" else sys.executable
    return [python, "-m", "mkdocs", "build", "-q", "-f", root / variant / "mkdocs.yml", "-d", site]


def bench_builds(size: str, out: Path, runs: int, quiz_python: Path | None) -> dict:
    variants = ("pages", "pages-course", "ours") + (("mkdocs-quiz",) if quiz_python else ())
    builds = variants + tuple(v + ONE_PROCESS for v in COURSE_BUILT)
    times: dict = {b: [] for b in builds}
    cpu: dict = {b: [] for b in builds}
    memory: dict = {b: [] for b in builds}
    for n in range(runs):
        for build in builds[n % len(builds):] + builds[: n % len(builds)]:  # alternate the order
            site = out / "site" / build.replace("/", "-")
            shutil.rmtree(site, ignore_errors=True)
            result = measure.run(build_command(build, out, site, quiz_python))
            if result.status != 0:
                raise SystemExit(f"{size}/{build} build failed:\n{result.output}")
            times[build].append(result.seconds)
            cpu[build].append(result.cpu_seconds)
            memory[build].append(result.peak_mib)
            say(f"  {size} run {n + 1}/{runs}: {build:18} {result.seconds:6.2f} s (CPU {result.cpu_seconds:6.2f} s)"
                f" {result.peak_mib:6.0f} MiB")
    return {"time": {b: report.median(t) for b, t in times.items()},
            "cpu": {b: report.median(t) for b, t in cpu.items()},
            "memory": {b: report.median(m) for b, m in memory.items()},
            "raw_times": times, "runs": runs, "variants": variants}


def site_figures(out: Path, size: str, variants: tuple) -> dict:
    modules = generate.plan(size)
    middle = modules[len(modules) // 2]
    check_page = content_page(size)
    exam_page = next(p for p in middle.pages if any(e.endswith("-end") for e in p.embeds)).src
    site = {v: out / "site" / v for v in variants}
    html = {v: {src: report.page_html(site[v], src).read_text(encoding="utf-8") for src in (check_page, exam_page)} for v in variants}
    every = [report.page_html(site["ours"], p.src).stat().st_size for m in modules for p in m.pages]
    secrets = json.loads((out / "secrets.json").read_text(encoding="utf-8"))
    return {
        "site": {v: report.site_bytes(site[v]) for v in variants},
        "pages": {v: len(html[v][check_page].encode()) for v in variants},
        "index": {v: (site[v] / "search" / "search_index.json").stat().st_size for v in variants},
        "page": len(html["ours"][check_page].encode()),
        "page_max": max(every),
        "inline": max(report.added_inline_bytes(html["ours"][s], html["pages"][s]) for s in (check_page, exam_page)),
        "runtime": report.runtime_bytes(),
        "secrets": len(secrets),
        "leaks": report.leaks(site["ours"], secrets),
    }


def bench_check(out: Path, runs: int) -> tuple[float, float]:
    """Medians of the wall time and of the CPU time of `course check`."""
    times, cpu = [], []
    for _ in range(runs):
        result = measure.run([*COURSE, "check", "--root", out / "ours"])
        if result.status != 0:
            raise SystemExit(f"course check failed:\n{result.output}")
        times.append(result.seconds)
        cpu.append(result.cpu_seconds)
    say(f"  course check: {', '.join(f'{t:.2f} s' for t in times)} (CPU {', '.join(f'{t:.2f} s' for t in cpu)})")
    return report.median(times), report.median(cpu)


def bench_learner(out: Path, size: str, runs: int) -> dict | None:
    """Start-up of a content page (the one with a check, as for the page size) and of My progress."""
    missing = learner.available()
    if missing or runs <= 0:
        say(f"learner start-up not measured: {missing or 'no runs asked for'}")
        return None
    pages = {"content": report.page_url(content_page(size)), "progress": "progress/"}
    found = learner.measure(out / "site" / "ours", pages, runs)
    for name in pages:
        say(f"  {size} {name} start-up: {', '.join(f'{t:.0f} ms' for t in found[name]['starts'])}")
    return found


def content_page(size: str) -> str:
    """The middle module's page that holds a check: the page the page-size figures are about."""
    modules = generate.plan(size)
    middle = modules[len(modules) // 2]
    return next(p for p in middle.pages if p.embeds and "-check-" in p.embeds[0]).src


def bench_serve(out: Path, size: str, edits: int) -> float:
    module = generate.plan(size)[0]
    page = module.pages[min(3, len(module.pages) - 1)]
    port = measure.free_port()
    url = f"http://127.0.0.1:{port}/{page.src.removesuffix('.md')}/"
    argv = [*COURSE, "serve", "--root", out / "ours", "-a", f"127.0.0.1:{port}"]
    times = measure.serve_rebuilds(argv, out / "ours" / "modules" / page.src, url, edits)
    say(f"  serve rebuilds: {', '.join(f'{t:.2f} s' for t in times)}")
    return report.median(times)


def main(argv: list[str] | None = None) -> dict:
    args = parse(argv if argv is not None else sys.argv[1:])
    quiz_python = mkdocs_quiz_python(install=not args.no_install)
    if quiz_python is None:
        say("mkdocs-quiz is not available: its column is left out")
    sizes = list(dict.fromkeys([args.medium, args.large]))
    results = {}
    for size in sizes:
        out = args.out / size
        say(f"generating the {size} course into {out}")
        generate.generate(size, out, REPO / "mkdocs.yml")
        runs = args.runs or 5
        results[size] = bench_builds(size, out, runs, quiz_python)
        results[size].update(site_figures(out, size, results[size]["variants"]))
        results[size]["learner"] = bench_learner(out, size, args.learner_runs)
        results[size]["learner_runs"] = args.learner_runs
    large = results[args.large]
    large["check"], large["check_cpu"] = bench_check(args.out / args.large, args.check_runs)
    large["serve"] = bench_serve(args.out / args.medium, args.medium, args.serve_edits)
    rows = report.targets(large)
    text = _text(args, results, rows)
    print(text)
    (args.out / "report.md").write_text(text + "\n", encoding="utf-8")
    data = {"sizes": results, "targets": [vars(f) | {"result": f.result} for f in rows]}
    (args.out / "report.json").write_text(json.dumps(data, indent=1, default=str), encoding="utf-8")
    return data


def _text(args, results: dict, rows: list) -> str:
    parts = []
    for size, r in results.items():
        m, p, q = generate.SIZES[size]
        parts += [f"## {size}: {m} modules x {p} pages, {q} questions", "", report.builds_table(r, r["variants"]), ""]
        if r.get("learner"):
            parts += [report.learner_table(r), ""]
    parts += [f"## targets ({args.large} course; serve: {args.medium} course)", "", report.targets_table(rows)]
    failed = [f.key for f in rows if f.ok is False]
    parts += ["", "all targets met" if not failed else f"missed: {', '.join(failed)}"]
    return "\n".join(parts)


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


if __name__ == "__main__":
    main()
