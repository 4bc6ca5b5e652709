"""Translations beside their originals: `page.de.md` (mkdocs-static-i18n's suffix form) and
`quiz.de.yml`. Each records, in `translated_from:`, the hash of the original it was made from, so a
changed original makes its translation stale, never silently. A translated quiz keeps every id,
type, answer and link of its original: only text differs (see same_structure).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from .diagnostics import Report, SourceSpan
from .loading.files import read_text
from .loading.tree import files_under
from .loading.yaml_source import parse_yaml
from .settings import Settings

SUFFIX = re.compile(r"^(?P<stem>.+)\.(?P<lang>[a-z]{2}(?:-[A-Z]{2})?)\.(?P<ext>md|ya?ml)$")
RECORD = "translated_from"
_RECORD_LINE = re.compile(rf"^{RECORD}:[ \t]*[\"']?([0-9a-f]*)[\"']?[ \t]*$", re.M)
# Quiz keys whose values are not text to translate: they must equal the original's. (A picked gap's
# `answer` is text, translated with its choices: same_answers checks it stays the same choice.)
FIXED_KEYS = {"id", "type", "kind", "module", "review", "pass_mark", "pool", "correct", "order", "minutes", "weight"}
# Lists of accepted typed answers: a translation lists its own, as many as its language needs (an
# answer typed in any language of the course counts in all: builder/grading.py).
ACCEPTED = {"answers"}
_WORD = re.compile(r"\w+")
# A ```quiz fence and what it holds (a quiz id, or quiz/question)
_QUIZ_FENCE = re.compile(r"^([ \t]*)(`{3,}|~{3,})[ \t]*quiz[ \t]*\n(.*?)\n\1\2[ \t]*$", re.M | re.S)


def quiz_embeds(markdown: str) -> list[str]:
    """What a page's ```quiz fences embed, in order."""
    return [m.group(3).strip() for m in _QUIZ_FENCE.finditer(markdown)]


def is_translation(path: Path) -> bool:
    return SUFFIX.match(path.name) is not None


def language_of(path: Path) -> str | None:
    match = SUFFIX.match(path.name)
    return match.group("lang") if match else None


def original_of(path: Path) -> Path:
    match = SUFFIX.match(path.name)
    return path.with_name(f"{match.group('stem')}.{match.group('ext')}") if match else path


def translation_path(original: Path, lang: str) -> Path:
    return original.with_name(f"{original.stem}.{lang}{original.suffix}")


_ASSET = re.compile(r"^(?P<stem>.+)\.(?P<lang>[a-z]{2}(?:-[A-Z]{2})?)(?P<ext>\.[^./]+)$")


def translated_asset(src: str, languages, exists) -> tuple[str, str] | None:
    """(original, lang) when the file at docs-relative SRC is the translation of another file
    (`figures/map.de.svg` beside `figures/map.svg`, mkdocs-static-i18n's suffix form for media):
    lang is one of the course's translation LANGUAGES and the original EXISTS (a callable). A
    language's site serves it at the original's place, so a translated page keeps the original's
    link; the other sites leave it out. Anything else (`jquery.min.js`, `only.de.svg` alone) is a
    file of its own."""
    match = _ASSET.match(src.rsplit("/", 1)[-1])
    if not match or match.group("lang") not in languages or match.group("ext") in (".md", ".yml", ".yaml"):
        return None
    original = src[: len(src) - len(match.group(0))] + match.group("stem") + match.group("ext")
    return (original, match.group("lang")) if exists(original) else None


def in_language(original: Path, lang: str) -> Path:
    """What a build in lang reads for an original: its translation if there is one, else itself."""
    if not lang:
        return original
    translated = translation_path(original, lang)
    return translated if translated.is_file() else original


def site_languages(settings: Settings) -> tuple[str, ...]:
    """The languages the course is built in: the originals' first, then each with a translation."""
    return (settings.language, *(lang for lang in languages(settings) if lang != settings.language))


def with_fallbacks(course):
    """A course read in a translation: which pages and quizzes show their original (their source
    file is not a translation), so the site can say so in the reader's language."""
    from dataclasses import replace

    pages = frozenset(p.src for p in course.pages() if not p.generated and not is_translation(Path(p.span.path)))
    quizzes = frozenset(q.id for q in course.quizzes.values() if not is_translation(Path(q.span.path)))
    generated = frozenset(p.src for p in course.pages() if p.generated and p.embeds and p.embeds[0].quiz_id in quizzes)
    return replace(course, info=replace(course.info, fallback_pages=pages | generated, fallback_quizzes=quizzes))


def source_hash(path: Path) -> str:
    """What a translation records of its original: its text's hash (line endings ignored)."""
    text = path.read_text(encoding="utf-8").replace("\r\n", "\n")
    return hashlib.sha256(text.encode()).hexdigest()[:12]


def recorded_hash(text: str) -> tuple[str | None, int]:
    """(hash, line) of the translated_from record in a translation's front matter or top level."""
    match = _RECORD_LINE.search(text)
    return (match.group(1) or None, text.count("\n", 0, match.start()) + 1) if match else (None, 0)


@dataclass(frozen=True)
class Entry:
    """One original and its translation into one language."""

    lang: str
    kind: str  # "page" or "quiz"
    original: Path
    translation: Path
    status: str  # "translated", "stale", "missing" or "unrecorded"
    words: int  # words of the original's text
    questions: int  # of a quiz; 0 for a page


def originals(settings: Settings) -> list[Path]:
    """The course's source pages and quizzes (never a translation)."""
    found = []
    for folder, exts in ((settings.docs_dir, (".md",)), (settings.quizzes_dir, (".yml", ".yaml"))):
        if folder.is_dir():
            found += [p for p in files_under(folder, set()) if p.suffix in exts and not is_translation(p)]
    return found


def translations(settings: Settings) -> list[Path]:
    found = []
    for folder in (settings.docs_dir, settings.quizzes_dir):
        if folder.is_dir():
            found += [p for p in files_under(folder, set()) if is_translation(p)]
    return found


def languages(settings: Settings) -> list[str]:
    """Every language the course has at least one translation in."""
    return sorted({language_of(p) for p in translations(settings)})


def entry(original: Path, lang: str) -> Entry:
    text = original.read_text(encoding="utf-8")
    kind = "page" if original.suffix == ".md" else "quiz"
    questions = len(_questions(text)) if kind == "quiz" else 0
    target = translation_path(original, lang)
    if not target.is_file():
        status = "missing"
    else:
        recorded, _ = recorded_hash(target.read_text(encoding="utf-8"))
        status = "unrecorded" if recorded is None else "translated" if recorded == source_hash(original) else "stale"
    return Entry(lang, kind, original, target, status, _words(text, kind), questions)


def status(settings: Settings, lang: str) -> list[Entry]:
    return [entry(p, lang) for p in originals(settings)]


def check(settings: Settings, report: Report) -> None:
    """Diagnostics for every translation: orphaned, unrecorded, stale, structurally different."""
    for path in translations(settings):
        span = SourceSpan(settings.rel(path))
        report.files_checked += 1
        text = read_text(path, span, report)
        if text is None:
            continue
        original = original_of(path)
        lang = language_of(path)
        if not original.is_file():
            report.warning(span.at(1), "translation.orphan", f"translation into '{lang}' of {settings.rel(original)}, which does not exist",
                           "rename it after its original, or delete it")
            continue
        recorded, line = recorded_hash(text)
        command = f"course translate {lang} {settings.rel(original)} --done"
        if recorded is None:
            report.warning(span.at(1), "translation.unrecorded", f"translation does not record which version of {settings.rel(original)} it was made from",
                           f"when it matches the original, run `{command}`")
        elif recorded != source_hash(original):
            report.warning(span.at(line), "translation.stale",
                           f"translation is stale: {settings.rel(original)} changed since it was translated ({recorded} -> {source_hash(original)})",
                           f"bring the translation up to date, then run `{command}`")
        if path.suffix == ".md":
            _compare_pages(settings, original, text, span, report)
        else:
            _compare_quizzes(settings, original, text, span, report)


def _compare_pages(settings, original: Path, text: str, span: SourceSpan, report: Report) -> None:
    want = quiz_embeds(original.read_text(encoding="utf-8"))
    have = quiz_embeds(text)
    if want != have:
        report.error(span.at(1), "translation.structure",
                     f"translation embeds {_list(have)}, its original {settings.rel(original)} embeds {_list(want)}",
                     "keep every ```quiz fence of the original, in the same order and with the same ids")


def _compare_quizzes(settings, original: Path, text: str, span: SourceSpan, report: Report) -> None:
    scratch = Report()
    want, _ = parse_yaml(original.read_text(encoding="utf-8"), SourceSpan(settings.rel(original)), scratch)
    have, index = parse_yaml(text, span, report)
    if want is None or have is None:
        return  # a syntax error is reported by itself (the original's by the course check)
    if isinstance(have, dict):
        have = {k: v for k, v in have.items() if k != RECORD}
    problem = same_structure(want, have) or same_answers(want, have)
    if problem:
        where, message = problem
        report.error(index.at(where), "translation.structure", f"{message} (original: {settings.rel(original)})",
                     "translate only text: keep every key, id, type, choice, correct answer and link of the original")


def same_structure(want, have, path: tuple = ()) -> tuple[tuple, str] | None:
    """(key path, what differs) when HAVE is not WANT with only text changed; None when it is."""
    name = "/".join(str(p) for p in path) or "the quiz"
    if isinstance(want, dict):
        if not isinstance(have, dict):
            return path, f"'{name}' should be a mapping as in the original"
        missing, extra = [k for k in want if k not in have], [k for k in have if k not in want]
        if missing or extra:
            return path, f"'{name}' has keys {sorted(map(str, have))}, the original {sorted(map(str, want))}"
        for key in want:
            fixed = key in FIXED_KEYS and not isinstance(want[key], (dict, list))
            if fixed and want[key] != have[key]:
                return path + (key,), f"'{'/'.join(map(str, path + (key,)))}' is {_show(have[key])}, the original's is {_show(want[key])}: it is not text to translate"
            if key in ACCEPTED and _texts_only(want[key]) and _texts_only(have[key]):
                continue  # typed answers: each language accepts its own, as many as it needs
            found = None if fixed else same_structure(want[key], have[key], path + (key,))
            if found:
                return found
        return None
    if isinstance(want, list):
        if not isinstance(have, list) or len(have) != len(want):
            return path, f"'{name}' has {len(have) if isinstance(have, list) else 'no'} items, the original {len(want)}"
        for i, (a, b) in enumerate(zip(want, have)):
            found = same_structure(a, b, path + (i,))
            if found:
                return found
        return None
    if isinstance(want, str) != isinstance(have, str) or (not isinstance(want, str) and want != have):
        return path, f"'{name}' is {_show(have)}, the original's is {_show(want)}: it is not text to translate"
    return None


def same_answers(want: dict, have: dict) -> tuple[tuple, str] | None:
    """(key path, what differs) when a translated quiz of the same structure would grade otherwise:
    answers are stored by position (builder/grading.py), so a picked gap's answer must be the choice
    at the original's position, and matching pairs must share right-hand sides as the original's do."""
    for n, (a, b) in enumerate(zip(_list_at(want, "questions"), _list_at(have, "questions"))):
        if not isinstance(a, dict) or not isinstance(b, dict):
            continue
        path = ("questions", n)
        if a.get("type") == "matching":
            if _sharing(a.get("pairs")) != _sharing(b.get("pairs")):
                return path + ("pairs",), (f"'questions/{n}/pairs' shares right-hand sides differently from the original's: "
                                           "pairs with the same right-hand side in the original need the same text in the translation, and only they")
        if a.get("type") == "cloze" and isinstance(a.get("blanks"), dict) and isinstance(b.get("blanks"), dict):
            for name, blank in a["blanks"].items():
                other = b["blanks"].get(name)
                if _picked(blank) is not None and isinstance(other, dict) and _picked(other) != _picked(blank):
                    where = "/".join(map(str, path + ("blanks", name, "answer")))
                    return path + ("blanks", name, "answer"), (f"'{where}' is not the choice the original's answer is: the answer must be "
                                                               f"choice {_picked(blank) + 1} of {len(blank['choices'])}, as in the original")
    return None


def _list_at(data, key: str) -> list:
    value = data.get(key) if isinstance(data, dict) else None
    return value if isinstance(value, list) else []


def _sharing(pairs) -> list | None:
    """Which pairs share a right-hand side: each pair's first pair with the same one."""
    if not isinstance(pairs, list):
        return None
    first: dict = {}
    return [first.setdefault(str(p.get("right")) if isinstance(p, dict) else i, i) for i, p in enumerate(pairs)]


def _picked(blank) -> int | None:
    """A picked gap's answer as its position among the choices (None: typed, or not a choice)."""
    if not isinstance(blank, dict) or not isinstance(blank.get("choices"), list) or blank.get("answer") not in blank["choices"]:
        return None
    return blank["choices"].index(blank["answer"])


def _texts_only(value) -> bool:
    return isinstance(value, list) and all(isinstance(v, (str, int, float)) for v in value)


def _show(value) -> str:
    """A value as the YAML file spells it."""
    return str(value).lower() if isinstance(value, bool) else repr(value)


def _list(ids: list[str]) -> str:
    return "no quiz" if not ids else "quiz " + ", ".join(f"'{i}'" for i in ids)


def scaffold(original: Path, lang: str) -> Path:
    """Start a translation: a copy of the original recording its hash, to translate in place."""
    target = translation_path(original, lang)
    text = original.read_text(encoding="utf-8")
    target.write_text(with_record(text, source_hash(original), original.suffix == ".md"), encoding="utf-8")
    return target


def mark_done(original: Path, lang: str) -> Path:
    """Record that the translation now matches the original as it is."""
    target = translation_path(original, lang)
    text = target.read_text(encoding="utf-8")
    target.write_text(with_record(text, source_hash(original), original.suffix == ".md"), encoding="utf-8")
    return target


def with_record(text: str, digest: str, page: bool) -> str:
    line = f"{RECORD}: {digest}"
    if _RECORD_LINE.search(text):
        return _RECORD_LINE.sub(line, text, count=1)
    if not page:
        head = re.match(r"(?:#[^\n]*\n)*", text).end()  # after leading comments (schema line)
        return text[:head] + line + "\n" + text[head:]
    if text.startswith("---\n"):
        return "---\n" + line + "\n" + text[4:]
    return f"---\n{line}\n---\n\n{text}"


def _words(text: str, kind: str) -> int:
    if kind == "page":
        body = re.sub(r"^---\n.*?\n---\n", "", text, flags=re.S)
        body = re.sub(r"```.*?```", "", body, flags=re.S)
        return len(_WORD.findall(body))
    return len(_WORD.findall(" ".join(_texts(_load(text)))))


def _questions(text: str) -> list:
    data = _load(text)
    return data.get("questions") or [] if isinstance(data, dict) else []


def _load(text: str):
    import yaml

    try:
        return yaml.safe_load(text)
    except yaml.YAMLError:
        return None


def _texts(data, key: str | None = None) -> list[str]:
    """Every text value of a quiz (what a translator translates)."""
    if isinstance(data, dict):
        return [t for k, v in data.items() if k not in FIXED_KEYS for t in _texts(v, k)]
    if isinstance(data, list):
        return [t for v in data for t in _texts(v, key)]
    return [data] if isinstance(data, str) else []
