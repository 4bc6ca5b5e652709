"""A deterministic synthetic course for the benchmark, written in three variants.

    python3 bench/generate.py large bench/out/large

writes, from one seeded plan:

    ours/        our course: modules/ with ```quiz fences, quizzes/*.yml, mkdocs.yml (+ course plugin)
    pages/       the same pages without the fences, the same mkdocs.yml without the course plugin
    mkdocs-quiz/ the same pages with the same questions written inline for mkdocs-quiz
    secrets.json answer, feedback, hint and explanation texts that must never reach the search index

Pages hold what real modules hold (docs/authoring.md): headings, lists, tables, admonitions, images
(small SVGs beside the pages), links to other modules' headings; quizzes mix every graded question
type with feedback on every option.
"""

from __future__ import annotations

import json
import math
import random
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from text import Words  # noqa: E402
from variants import write_variants  # noqa: E402

SIZES = {
    # name: (modules, pages per module including the overview, questions)
    "tiny": (3, 4, 24),
    "medium": (20, 10, 400),
    "large": (100, 10, 2000),
}
SEED = 20261123
TYPES = ("single", "single", "multiple", "true_false", "short_answer", "cloze", "matching", "ordering")


@dataclass
class PagePlan:
    module: "ModulePlan"
    name: str  # file name, e.g. 03-planning-talk.md
    title: str
    headings: list[str]
    embeds: list[str] = field(default_factory=list)  # quiz ids

    @property
    def src(self) -> str:
        return f"{self.module.folder}/{self.name}"


@dataclass
class ModulePlan:
    number: int
    id: str
    title: str
    pages: list[PagePlan] = field(default_factory=list)  # pages[0] is the overview (index.md)
    quizzes: list[dict] = field(default_factory=list)

    @property
    def folder(self) -> str:
        return f"{self.number:03d}-{self.id}"


def plan(size: str) -> list[ModulePlan]:
    """Modules, pages, headings and quizzes: everything the writers need, from one seed."""
    n_modules, n_pages, n_questions = SIZES[size]
    rng = random.Random(SEED)
    words = Words(rng)
    modules = []
    for m in range(1, n_modules + 1):
        topic = words.topic()
        module = ModulePlan(m, f"{topic.replace(' ', '-')}-{m}", f"Module {m}: {topic.capitalize()}")
        for p in range(n_pages):
            title = module.title if p == 0 else f"{words.phrase(3, 5).capitalize()} ({m}.{p})"
            headings = [f"{words.phrase(2, 4).capitalize()} {m}-{p}-{h}" for h in range(1, rng.randint(3, 5) + 1)]
            name = "index.md" if p == 0 else f"{p:02d}-{words.slug(title)}.md"
            module.pages.append(PagePlan(module, name, title, headings))
        modules.append(module)
    per_module = max(1, n_questions // n_modules)
    for module in modules:
        _plan_quizzes(module, per_module, modules, rng, words)
    return modules


def _plan_quizzes(module: ModulePlan, count: int, modules: list[ModulePlan], rng, words: Words) -> None:
    """Two inline checks and one assessment per module (about 1/5, 1/5 and 3/5 of the questions)."""
    checks = max(1, count // 5)
    sizes = [("check", checks), ("check", checks), ("assessment", count - 2 * checks)]
    pages = module.pages[1:]
    hosts = [pages[min(1, len(pages) - 1)], pages[min(4, len(pages) - 1)], pages[-1]]
    for n, ((kind, size), host) in enumerate(zip(sizes, hosts), 1):
        if size <= 0:
            continue
        quiz_id = f"{module.id}-{'end' if kind == 'assessment' else f'check-{n}'}"
        questions = [_question(q, rng, words, modules) for q in range(1, size + 1)]
        quiz = {"id": quiz_id, "module": module.id, "title": f"{words.phrase(2, 4).capitalize()}: check your learning",
                "kind": kind, "questions": questions}
        if kind == "assessment":
            # the pass mark the question count can express exactly (about 70%): course check warns otherwise
            pass_mark = math.floor(100 * math.ceil(0.7 * size) / size + 0.5)
            quiz.update(pass_mark=pass_mark, shuffle=True, intro=words.sentence())
        module.quizzes.append(quiz)
        host.embeds.append(quiz_id)


def _question(number: int, rng, words: Words, modules: list[ModulePlan]) -> dict:
    kind = TYPES[(number + rng.randrange(len(TYPES))) % len(TYPES)]
    q: dict = {"id": f"q{number}-{words.slug(words.phrase(1, 2))}", "type": kind, "prompt": words.question()}
    if kind in ("single", "multiple"):
        n = rng.randint(3, 5)
        right = {0} if kind == "single" else set(rng.sample(range(n), rng.randint(2, n - 1)))
        q["choices"] = [{"text": words.phrase(4, 9).capitalize(), **({"correct": True} if i in right else {}),
                         "feedback": words.feedback(i in right)} for i in range(n)]
        rng.shuffle(q["choices"])
    elif kind == "true_false":
        q.update(answer=rng.random() < 0.5, if_true=words.feedback(True), if_false=words.feedback(False))
    elif kind == "short_answer":
        q.update(answers=[words.secret_term(), words.secret_term()], feedback=words.feedback(False))
    elif kind == "cloze":
        picked = [words.phrase(2, 3) for _ in range(3)]
        q.update(text=f"{words.sentence()[:-1]} [[typed]], and then [[picked]].",
                 blanks={"typed": {"answers": [words.secret_term()]}, "picked": {"choices": picked, "answer": picked[1]}},
                 feedback=words.feedback(False))
    elif kind == "matching":
        lefts, rights = words.distinct(4, 2, 3), words.distinct(4, 1, 2)
        q.update(pairs=[{"left": left.capitalize(), "right": right} for left, right in zip(lefts, rights)],
                 feedback=words.feedback(False))
    elif kind == "ordering":
        q.update(items=[w.capitalize() for w in words.distinct(rng.randint(3, 5), 3, 5)], feedback=words.feedback(False))
    if rng.random() < 0.4:
        q["hint"] = words.sentence()
    q["explanation"] = words.sentences(2)
    target = rng.choice(modules)
    page = rng.choice(target.pages[1:] or target.pages)
    q["review"] = f"{page.src}#{words.anchor(rng.choice(page.headings))}"
    return q


def secrets(modules: list[ModulePlan]) -> list[str]:
    """Texts the search index must never hold: answers, feedback, hints, explanations."""
    found = []
    for module in modules:
        for quiz in module.quizzes:
            for q in quiz["questions"]:
                found += [q.get(k) for k in ("hint", "explanation", "feedback", "if_true", "if_false")]
                found += [c["feedback"] for c in q.get("choices", ())]
                found += list(q.get("answers", ()))
                found += [a for b in q.get("blanks", {}).values() for a in b.get("answers", ())]
    return sorted({s for s in found if s})


def generate(size: str, out: Path, config: Path) -> Path:
    """Write the three variants of the course of SIZE under OUT; return OUT."""
    out = Path(out)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    modules = plan(size)
    base = yaml.safe_load(Path(config).read_text(encoding="utf-8"))
    write_variants(modules, out, base, random.Random(SEED + 1))
    (out / "secrets.json").write_text(json.dumps(secrets(modules), indent=0), encoding="utf-8")
    return out


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in SIZES:
        print(f"usage: generate.py {{{'|'.join(SIZES)}}} OUT_DIR", file=sys.stderr)
        return 2
    root = Path(__file__).resolve().parent.parent
    generate(argv[0], Path(argv[1]), root / "mkdocs.yml")
    print(f"wrote the {argv[0]} course to {argv[1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
