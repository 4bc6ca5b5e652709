"""`course new module "Title"` and `course new quiz MODULE`: scaffolds that pass `course check`."""

from __future__ import annotations

import re
import sys

from ..settings import slug as settings_slug
from ..validation.modules import module_id
from .common import add_root

MODULE_INDEX = """\
---
title: "{title}"
summary: "One sentence on what this module helps teachers do."
minutes: 30
level: introductory
objectives:
  - describe …
  - apply …
references: []
---

# {title}

What the module covers, who it is for and how long it takes.
"""

FIRST_PAGE = """\
# First page

Write the module's first page here. Link to other pages with relative paths, for example
[the overview](index.md).
"""

QUIZ = """\
# yaml-language-server: $schema=../schema/quiz.schema.json
id: {quiz_id}
module: {module}
title: "Check your understanding"
kind: {kind}
{pass_mark}questions:
  - id: first-question
    type: single
    prompt: "Write the question here."
    choices:
      - text: "The right answer"
        correct: true
        feedback: "Say why it is right."
      - text: "A tempting wrong answer"
        feedback: "Say why it is wrong, and what to think instead."
    explanation: "What the learner should take away."
"""


MAX_SLUG = 60


def add_parser(sub) -> None:
    parser = sub.add_parser("new", help="scaffold a module or a quiz", description=__doc__)
    what = parser.add_subparsers(dest="what", metavar="WHAT", required=True)
    module = what.add_parser("module", help='a module folder: course new module "Title"')
    module.add_argument("title")
    add_root(module)
    module.set_defaults(run=new_module)
    quiz = what.add_parser("quiz", help="a quiz file for a module: course new quiz MODULE-ID")
    quiz.add_argument("module")
    quiz.add_argument("--kind", choices=("check", "assessment"), default="check")
    add_root(quiz)
    quiz.set_defaults(run=new_quiz)


def _settings(args):
    from ..diagnostics import Report
    from ..settings import load_settings

    report = Report()
    settings = load_settings(args.root, report)
    if settings is None:
        print(report.format(), file=sys.stderr)
    return settings


def new_module(args) -> int:
    settings = _settings(args)
    if settings is None:
        return 1
    slug = settings_slug(args.title)[:MAX_SLUG].strip("-")  # a long title must not make a name too long for the disk
    if not slug:
        print(f"error: cannot make a folder name from the title '{args.title}'", file=sys.stderr)
        return 2
    folders = [p for p in settings.docs_dir.iterdir() if p.is_dir()] if settings.docs_dir.is_dir() else []
    if any(module_id(p.name) == slug for p in folders):
        print(f"error: a module with id '{slug}' already exists", file=sys.stderr)
        return 1
    numbers = [int(m.group(1)) for p in folders if (m := re.match(r"^(\d+)[-_ ]", p.name))]
    folder = settings.docs_dir / f"{(max(numbers) + 1) if numbers else 1:02d}-{slug}"
    try:
        folder.mkdir(parents=True)
        (folder / "index.md").write_text(MODULE_INDEX.format(title=args.title.replace('"', "'")), encoding="utf-8")
        (folder / "01-first-page.md").write_text(FIRST_PAGE, encoding="utf-8")
    except OSError as error:
        print(f"error: cannot create {settings.rel(folder)}: {error.strerror or error}", file=sys.stderr)
        return 1
    print(f"created {settings.rel(folder)}/ (module id '{slug}'): edit index.md's front matter, then run `course check`")
    return 0


def new_quiz(args) -> int:
    settings = _settings(args)
    if settings is None:
        return 1
    folders = {module_id(p.name): p for p in settings.docs_dir.iterdir() if p.is_dir()} if settings.docs_dir.is_dir() else {}
    if args.module not in folders:
        from ..diagnostics import did_you_mean

        hint = did_you_mean(args.module, folders) or f"known modules: {', '.join(sorted(folders)) or 'none'}"
        print(f"error: unknown module '{args.module}' ({hint})", file=sys.stderr)
        return 1
    settings.quizzes_dir.mkdir(parents=True, exist_ok=True)
    n = 1
    while (settings.quizzes_dir / f"{args.module}-{args.kind}-{n}.yml").exists():
        n += 1
    quiz_id = f"{args.module}-{args.kind}-{n}"
    path = settings.quizzes_dir / f"{quiz_id}.yml"
    pass_mark = "pass_mark: 70\n" if args.kind == "assessment" else ""
    path.write_text(QUIZ.format(quiz_id=quiz_id, module=args.module, kind=args.kind, pass_mark=pass_mark), encoding="utf-8")
    print(f"created {settings.rel(path)} (quiz id '{quiz_id}')")
    if args.kind == "check":
        pages = sorted(p for p in folders[args.module].glob("*.md") if p.name != "index.md") or [folders[args.module] / "index.md"]
        page = pages[-1]
        with page.open("a", encoding="utf-8") as out:
            out.write(f"\n```quiz\n{quiz_id}\n```\n")
        print(f"embedded it at the end of {settings.rel(page)}; move the fence where it belongs")
    else:
        print("an assessment no page embeds gets its own page at the end of the module")
    return 0
