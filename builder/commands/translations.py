"""`course translations`: per language, what is translated, stale and missing, and the words left."""

from __future__ import annotations

from .. import translations
from .common import add_root, checked_course, print_report


def add_parser(sub) -> None:
    parser = sub.add_parser("translations", help="translation status per language: translated, stale, missing", description=__doc__)
    add_root(parser)
    parser.add_argument("--lang", action="append", default=[], help="a language to report (default: every language with a translation)")
    parser.add_argument("--files", action="store_true", help="also list each stale and missing file")
    parser.set_defaults(run=run, strict=False)


def run(args) -> int:
    course, settings, report = checked_course(args)
    if settings is None or course is None:
        print_report(report)
        return 1
    langs = args.lang or translations.languages(settings)
    if not langs:
        print("No translations yet. Start one with `course translate LANG FILE`.")
        return 0
    for lang in langs:
        entries = translations.status(settings, lang)
        print(table(lang, entries))
        if args.files:
            for e in entries:
                if e.status != "translated":
                    print(f"  {e.status:<10} {settings.rel(e.translation if e.status != 'missing' else e.original)}")
        print()
    return 0


def table(lang: str, entries: list) -> str:
    header = f"{lang:<10}{'total':>7}{'done':>7}{'stale':>7}{'missing':>9}{'words to translate':>20}"
    rows = [header, "-" * len(header)]
    for kind, label, unit in (("page", "pages", None), ("quiz", "quizzes", None), ("quiz", "questions", "questions")):
        group = [e for e in entries if e.kind == kind]
        count = (lambda es: sum(e.questions for e in es)) if unit else len
        done = [e for e in group if e.status == "translated"]
        stale = [e for e in group if e.status in ("stale", "unrecorded")]
        missing = [e for e in group if e.status == "missing"]
        words = "" if unit else str(sum(e.words for e in stale + missing))
        rows.append(f"{label:<10}{count(group):>7}{count(done):>7}{count(stale):>7}{count(missing):>9}{words:>20}")
    return "\n".join(rows)
