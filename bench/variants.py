"""Write one planned course three ways: ours (fences + YAML), pages alone, and mkdocs-quiz inline."""

from __future__ import annotations

import copy
from pathlib import Path

import yaml

from text import Words

# pages-course: the pages alone built by `course build` (our plugin, no quizzes), so that the quizzes'
# own cost shows apart from what the plugin and its parallel rendering change
VARIANTS = ("pages", "pages-course", "ours", "mkdocs-quiz")
QUIZ_MARK = "\x00QUIZ:"  # stands for an embed in the shared page text until a variant writes it
SVG = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 320 120" role="img">
<title>{title}</title>
<rect x="4" y="4" width="312" height="112" rx="8" fill="#eef" stroke="#336"/>
<rect x="{x}" y="30" width="90" height="60" rx="6" fill="#cdf" stroke="#336"/>
<text x="24" y="24" font-family="sans-serif" font-size="14">{title}</text>
<path d="M20 100 L{x} 60 L300 {y}" fill="none" stroke="#933" stroke-width="3"/>
</svg>
"""


def write_variants(modules, out: Path, base_config: dict, rng) -> None:
    words = Words(rng)
    texts = {page.src: _page_text(page, modules, rng, words) for m in modules for page in m.pages}
    home = _home_text(modules, words)
    quizzes = {quiz["id"]: quiz for m in modules for quiz in m.quizzes}
    for variant in VARIANTS:
        root = out / variant
        docs = root / "modules"
        docs.mkdir(parents=True)
        (docs / "index.md").write_text(home, encoding="utf-8")
        for module in modules:
            folder = docs / module.folder
            (folder / "figures").mkdir(parents=True)
            for n in (1, 2):
                svg = SVG.format(title=f"Diagram {n} of module {module.number}", x=40 + 20 * n, y=20 + 10 * n)
                (folder / "figures" / f"diagram-{n}.svg").write_text(svg, encoding="utf-8")
            for page in module.pages:
                text = _embed(texts[page.src], variant, quizzes)
                (folder / page.name).write_text(text, encoding="utf-8")
        if variant == "ours":
            (root / "quizzes").mkdir()
            for quiz in quizzes.values():
                body = yaml.safe_dump(quiz, sort_keys=False, allow_unicode=True, width=100)
                header = "# yaml-language-server: $schema=../schema/quiz.schema.json\n"
                (root / "quizzes" / f"{quiz['id']}.yml").write_text(header + body, encoding="utf-8")
        config = _config(base_config, variant, modules)
        (root / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")


def _config(base: dict, variant: str, modules) -> dict:
    """The project's mkdocs.yml with only the quiz plugin changed (and, for the others, our nav)."""
    config = copy.deepcopy(base)
    config["site_name"] = "Benchmark course"
    config["docs_dir"], config["site_dir"] = "modules", "site"
    plugins = []
    for entry in config.get("plugins") or []:
        name = entry if isinstance(entry, str) else next(iter(entry))
        if name != "course":
            plugins.append(entry)
        elif variant in ("ours", "pages-course"):
            plugins.append({"course": {"course_id": "bench", "version": "1.0.0"}})
        elif variant == "mkdocs-quiz":
            plugins.append("mkdocs_quiz")
    config["plugins"] = plugins
    if variant in ("pages", "mkdocs-quiz"):  # the navigation our plugin derives, written out for MkDocs
        config["nav"] = [{"Home": "index.md"}] + [
            {m.title: [{p.title: p.src} for p in m.pages]} for m in modules
        ]
    return config


def _embed(text: str, variant: str, quizzes: dict) -> str:
    out = []
    for line in text.split("\n"):
        if not line.startswith(QUIZ_MARK):
            out.append(line)
            continue
        quiz = quizzes[line[len(QUIZ_MARK):]]
        if variant == "ours":
            out += ["```quiz", quiz["id"], "```"]
        elif variant == "mkdocs-quiz":
            out += [f"**{quiz['title']}**", ""]
            for q in quiz["questions"]:
                out += [mkdocs_quiz_block(q), ""]
        else:
            out.pop()  # the blank line before the embed
    return "\n".join(out)


def mkdocs_quiz_block(q: dict) -> str:
    """One question in mkdocs-quiz 1.7's syntax: <quiz> prompt, - [x]/- [ ] answers, > feedback."""
    lines = ["<quiz>", q["prompt"]]
    if q["type"] in ("single", "multiple"):
        for c in q["choices"]:
            lines += [f"- [{'x' if c.get('correct') else ' '}] {c['text']}", f"> {c['feedback']}"]
    elif q["type"] == "true_false":
        lines += [f"- [{'x' if q['answer'] else ' '}] True", f"> {q['if_true']}",
                  f"- [{' ' if q['answer'] else 'x'}] False", f"> {q['if_false']}"]
    else:  # typed answers become mkdocs-quiz's fill-in-the-blank form
        lines.append("")
        if q["type"] == "short_answer":
            lines.append(f"Your answer: [[{q['answers'][0]}]]")
        elif q["type"] == "cloze":
            blanks = q["blanks"]
            text = q["text"].replace("[[typed]]", f"[[{blanks['typed']['answers'][0]}]]")
            lines.append(text.replace("[[picked]]", f"[[{blanks['picked']['answer']}]]"))
        elif q["type"] == "matching":
            lines += [f"- {p['left']}: [[{p['right']}]]" for p in q["pairs"]]
        elif q["type"] == "ordering":
            lines += [f"{i}. [[{item}]]" for i, item in enumerate(q["items"], 1)]
        lines += ["", "---"]
    lines += ["", q["explanation"], "</quiz>"]
    return "\n".join(lines)


def _home_text(modules, words: Words) -> str:
    lines = ["# Benchmark course", "", words.sentences(3), "", "## Modules", ""]
    lines += [f"- [{m.title}]({m.folder}/index.md)" for m in modules]
    return "\n".join(lines) + "\n"


def _page_text(page, modules, rng, words: Words) -> str:
    lines = []
    if page.name == "index.md":
        front = {
            "title": page.title,
            "summary": words.sentence(),
            "minutes": 60 + 15 * rng.randrange(4),
            "level": rng.choice(["introductory", "intermediate", "advanced"]),
            "objectives": [words.phrase(5, 9) for _ in range(3)],
            "references": [f"Author {n} ({2000 + n}). {words.phrase(3, 6).capitalize()}." for n in range(1, 4)],
        }
        lines += ["---", yaml.safe_dump(front, sort_keys=False, width=100).strip(), "---", ""]
    lines += [f"# {page.title}", "", _paragraph(words, rng, 4), ""]
    embeds = list(page.embeds)
    for n, heading in enumerate(page.headings):
        lines += [f"## {heading}", "", _paragraph(words, rng, rng.randint(3, 6)), ""]
        lines += _block(n, page, modules, rng, words)
        if n == 1 and embeds:
            lines += ["", *(QUIZ_MARK + quiz_id for quiz_id in embeds[:1])]
            embeds = embeds[1:]
        lines += ["", _paragraph(words, rng, rng.randint(2, 5)), ""]
    for quiz_id in embeds:
        lines += ["", QUIZ_MARK + quiz_id, ""]
    return "\n".join(lines).rstrip() + "\n"


def _paragraph(words: Words, rng, count: int) -> str:
    sentences = [words.rich_sentence() for _ in range(count)]
    # hard-wrapped at about 100 columns, as authors write
    text, lines, line = " ".join(sentences), [], ""
    for word in text.split():
        if len(line) + len(word) > 100:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return "\n".join(lines + [line])


def _block(n: int, page, modules, rng, words: Words) -> list[str]:
    """One of: a list with a cross-module link, a table, an admonition, an image; in turn."""
    kind = (n + page.module.number) % 4
    if kind == 0:
        other = rng.choice([m for m in modules if m is not page.module] or modules)
        target = rng.choice(other.pages)
        link = f"../{other.folder}/{target.name}#{words.anchor(rng.choice(target.headings))}"
        items = [f"- {words.phrase(4, 10).capitalize()}" for _ in range(rng.randint(3, 6))]
        items.append(f"- See [{words.phrase(2, 4)}]({link}) in *{other.title}*.")
        numbered = [f"{i}. {words.phrase(3, 8).capitalize()}" for i in range(1, rng.randint(3, 5))]
        return items + [""] + numbered
    if kind == 1:
        rows = ["| Stage | What the pupil does | What you do |", "|---|---|---|"]
        rows += [f"| {i} | {words.phrase(3, 7)} | {words.phrase(4, 9)} |" for i in range(1, rng.randint(4, 7))]
        return rows
    if kind == 2:
        style = rng.choice(['!!! note "Remember"', '!!! tip', '??? info "More detail"', '!!! try "In your classroom"'])
        return [style, *("    " + line for line in _paragraph(words, rng, 3).split("\n"))]
    figure = rng.randint(1, 2)
    return [f"![{words.phrase(4, 8).capitalize()}](figures/diagram-{figure}.svg)"]
