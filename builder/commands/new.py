"""`course new course|module|quiz`: scaffolds that pass `course check`.

A new course is complete and passes `course check --strict`. A new module or quiz holds scaffold
text (builder/validation/placeholders.py) that `check` lists until the trainer replaces it.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import sys
from importlib import resources
from pathlib import Path

from ..settings import slug as settings_slug
from ..validation import placeholders as p
from ..validation.modules import module_id
from .common import add_root

MODULE_INDEX = f"""\
---
title: "{{title}}"
summary: "{p.MODULE_SUMMARY}"
minutes: 30
level: introductory
objectives:
  - {p.OBJECTIVE_1}
  - {p.OBJECTIVE_2}
references: []
---

# {{title}}

{p.MODULE_TEXT}
"""

FIRST_PAGE = f"""\
# First page

{p.PAGE_TEXT} Link to other pages with relative paths, for example
[the overview](index.md).
"""

QUIZ = f"""\
# yaml-language-server: $schema=../schema/quiz.schema.json
id: {{quiz_id}}
module: {{module}}
title: "Check your understanding"
kind: {{kind}}
{{pass_mark}}questions:
  - id: first-question
    type: single
    prompt: "{p.QUESTION}"
    choices:
      - text: "{p.RIGHT}"
        correct: true
        feedback: "{p.RIGHT_WHY}"
      - text: "{p.WRONG}"
        feedback: "{p.WRONG_WHY}"
    explanation: "{p.TAKEAWAY}"
"""
SCHEMA = "schema/quiz.schema.json"


MAX_SLUG = 60


def add_parser(sub) -> None:
    parser = sub.add_parser("new", help="scaffold a course, a module or a quiz", description=__doc__)
    what = parser.add_subparsers(dest="what", metavar="WHAT", required=True)
    course = what.add_parser("course", help='a whole course in an empty or new folder: course new course "Title"')
    course.add_argument("title")
    add_root(course)
    course.set_defaults(run=new_course)
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
        _write_schema(settings.root)
    except OSError as error:
        print(f"error: cannot create {settings.rel(folder)}: {error.strerror or error}", file=sys.stderr)
        return 1
    print(f"created {settings.rel(folder)}/ (module id '{slug}'): edit index.md's front matter and the first page, then run `course check`: it lists the scaffold text still to replace")
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
    _write_schema(settings.root)
    print(f"created {settings.rel(path)} (quiz id '{quiz_id}'): write its questions, then run `course check`: it lists the scaffold text still to replace")
    if args.kind == "check":
        pages = sorted(p for p in folders[args.module].glob("*.md") if p.name != "index.md") or [folders[args.module] / "index.md"]
        page = pages[-1]
        with page.open("a", encoding="utf-8") as out:
            out.write(f"\n```quiz\n{quiz_id}\n```\n")
        print(f"embedded it at the end of {settings.rel(page)}; move the fence where it belongs")
    else:
        print("an assessment no page embeds gets its own page at the end of the module")
    return 0


def new_course(args) -> int:
    root = Path(args.root)
    if root.exists() and (not root.is_dir() or any(root.iterdir())):
        print(f"error: '{root}' is not empty: a new course needs an empty or new folder", file=sys.stderr)
        return 2
    slug = settings_slug(args.title)
    if not slug:
        print(f"error: cannot make a course id from the title '{args.title}'", file=sys.stderr)
        return 2
    values = {'"{title}"': json.dumps(args.title, ensure_ascii=False), "{title}": html.escape(args.title, quote=False), "{course_id}": slug}
    template = resources.files("builder") / "scaffold" / "course"
    with resources.as_file(template) as source:
        for path in sorted(Path(source).rglob("*")):
            if path.is_file():
                rel = path.relative_to(source).as_posix().replace("gitignore", ".gitignore")
                text = path.read_text(encoding="utf-8")
                for token, value in values.items():
                    text = text.replace(token, value)
                (root / rel).parent.mkdir(parents=True, exist_ok=True)
                (root / rel).write_text(text, encoding="utf-8")
    _write_schema(root)
    print(f"created the course '{args.title}' (id '{slug}') in {root}: run `course check --strict`, then `course serve` to see it")
    return 0


def _write_schema(root: Path) -> None:
    """The quiz JSON Schema inside the trainer's folder, where quiz files' `$schema` line points."""
    target = Path(root) / SCHEMA
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        with resources.as_file(resources.files("builder") / "schema" / "quiz.schema.json") as schema:
            shutil.copyfile(schema, target)
