"""`course translate LANG FILE`: start a translation of FILE (a page or a quiz) beside it, as
FILE's name with .LANG before its extension; with --done, record that the translation now
matches FILE as it is (so `course check` stops calling it stale)."""

from __future__ import annotations

import re
from pathlib import Path

from .. import translations
from .common import add_root

_LANG = re.compile(r"^[a-z]{2}(?:-[A-Z]{2})?$")


def add_parser(sub) -> None:
    parser = sub.add_parser("translate", help="start a translation of a page or quiz, or mark it up to date", description=__doc__)
    parser.add_argument("lang", help="language code, e.g. de or pt-BR")
    parser.add_argument("file", type=Path, help="the original page (modules/…/*.md) or quiz (quizzes/*.yml)")
    parser.add_argument("--done", action="store_true", help="record that the translation matches the original as it is now")
    add_root(parser)
    parser.set_defaults(run=run)


def run(args) -> int:
    original = args.file if args.file.is_absolute() else args.root / args.file
    if not _LANG.match(args.lang):
        print(f"error: '{args.lang}' is not a language code\n    hint: two lower-case letters (de), or with a region (pt-BR)")
        return 2
    if translations.is_translation(original) or original.suffix not in (".md", ".yml", ".yaml") or not original.is_file():
        print(f"error: {args.file}: not an original page or quiz of the course\n    hint: name the English file, e.g. modules/00-orientation/index.md")
        return 2
    target = translations.translation_path(original, args.lang)
    if args.done:
        if not target.is_file():
            print(f"error: {target}: no such translation\n    hint: start it with `course translate {args.lang} {args.file}`")
            return 1
        translations.mark_done(original, args.lang)
        print(f"{target}: recorded as up to date with {args.file} ({translations.source_hash(original)})")
        return 0
    if target.exists():
        print(f"error: {target} exists already: nothing was changed\n    hint: edit it, then run `course translate {args.lang} {args.file} --done`")
        return 1
    translations.scaffold(original, args.lang)
    print(f"{target}: created from {args.file}; translate its text, keeping ids, links and ```quiz fences")
    return 0
