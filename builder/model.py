"""The typed course model: frozen dataclasses built by validation, read by render and exporters.

Every object keeps the span of the source it came from, so later stages can still point at a line.
Nothing here reads files or knows about MkDocs.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .diagnostics import SourceSpan

QUESTION_TYPES = (
    "single",
    "multiple",
    "true_false",
    "short_answer",
    "matching",
    "ordering",
    "cloze",
    "reflection",
)
QUIZ_KINDS = ("check", "assessment")
LEVELS = ("introductory", "intermediate", "advanced")
# What the build adds at the root of modules/: the learner's pages, the storage page, the runtime.
LEARNER_PAGE_NAMES = ("progress.md", "journal.md", "record.md")
GENERATED_AT_ROOT = (*LEARNER_PAGE_NAMES, "storage.html", "assets/course")


@dataclass(frozen=True)
class Choice:
    text: str
    correct: bool
    feedback: str | None
    span: SourceSpan


@dataclass(frozen=True)
class Pair:
    left: str
    right: str
    span: SourceSpan


@dataclass(frozen=True)
class Blank:
    """One gap in a cloze text: typed (`answers`) or picked from `choices`."""

    name: str
    answers: tuple[str, ...]
    choices: tuple[str, ...]
    span: SourceSpan


@dataclass(frozen=True)
class Question:
    id: str
    type: str
    prompt: str
    span: SourceSpan
    hint: str | None = None
    explanation: str | None = None
    review: str | None = None
    choices: tuple[Choice, ...] = ()
    answer: bool | None = None  # true_false
    if_true: str | None = None
    if_false: str | None = None
    answers: tuple[str, ...] = ()  # short_answer
    feedback: str | None = None  # short_answer, matching, ordering, cloze: shown when wrong
    pairs: tuple[Pair, ...] = ()
    reuse: bool = False  # matching: one option may go beside several left items
    items: tuple[str, ...] = ()
    text: str | None = None  # cloze
    blanks: tuple[Blank, ...] = ()
    lines: dict[str, int] = field(default_factory=dict, compare=False)  # key -> source line
    # The same question in the course's other languages: an answer given in any of them is graded
    # the same everywhere (builder/grading.py, grading_key).
    versions: tuple[Question, ...] = field(default=(), compare=False, repr=False)

    def span_of(self, key: str) -> SourceSpan:
        return self.span.at(self.lines.get(key, self.span.line))

    @property
    def graded(self) -> bool:
        return self.type != "reflection"


@dataclass(frozen=True)
class Quiz:
    id: str
    module: str
    title: str
    kind: str
    questions: tuple[Question, ...]
    span: SourceSpan
    pass_mark: int = 70
    pool: int | None = None
    shuffle: bool = False
    intro: str | None = None
    lines: dict[str, int] = field(default_factory=dict, compare=False)  # key -> source line

    def span_of(self, key: str) -> SourceSpan:
        return self.span.at(self.lines.get(key, self.span.line))

    def question(self, question_id: str) -> Question | None:
        return next((q for q in self.questions if q.id == question_id), None)


@dataclass(frozen=True)
class QuizEmbed:
    """A ```quiz fence in a page: a whole quiz, or one question of it."""

    quiz_id: str
    question_id: str | None
    span: SourceSpan


@dataclass(frozen=True)
class Link:
    target: str
    is_image: bool
    has_alt: bool
    span: SourceSpan


@dataclass(frozen=True)
class Note:
    """An edition-only block in a page (`!!! facilitator`): only its editions ever render it."""

    kind: str  # a name in editions.BLOCKS
    title: str | None
    text: str  # Markdown
    span: SourceSpan


@dataclass(frozen=True)
class Page:
    src: str  # path under modules/, POSIX, e.g. "02-trauma/01-safety.md"
    title: str
    order: float
    words: int
    anchors: frozenset[str]
    embeds: tuple[QuizEmbed, ...]
    span: SourceSpan
    tasks: int = 0  # `!!! try` classroom tasks, and `::: challenge` / `exercise` / `discussion` blocks
    generated: bool = False  # an assessment page the pipeline adds
    minutes: tuple[float, float] | None = None  # (reading, activity) minutes the page declares
    notes: tuple[Note, ...] = ()  # facilitator notes, in page order


@dataclass(frozen=True)
class Module:
    id: str
    folder: str
    title: str
    summary: str
    minutes: int
    level: str
    objectives: tuple[str, ...]
    prerequisites: tuple[str, ...]
    references: tuple[str, ...]
    pages: tuple[Page, ...]  # overview first, then in order
    span: SourceSpan
    # what completion also waits for: "quiz-id" (all of it) or "quiz-id/question-id" (one reflection or question)
    requires: tuple[str, ...] = ()
    lines: dict[str, int] = field(default_factory=dict, compare=False)  # front-matter key -> line

    def span_of(self, key: str) -> SourceSpan:
        return self.span.at(self.lines.get(key, self.span.line))


@dataclass(frozen=True)
class Activity:
    """One timed step of a session plan."""

    title: str
    minutes: int
    steps: str  # Markdown: what the facilitator and the group do
    span: SourceSpan
    grouping: str | None = None  # whole group, pairs, small groups, individual …
    uses: tuple[str, ...] = ()  # pages (module/page.md#anchor) and quizzes (quiz or quiz/question)
    questions: tuple[str, ...] = ()  # discussion questions (Markdown)
    answers: str | None = None  # Markdown: suggested answers, what to listen for
    lines: dict[str, int] = field(default_factory=dict, compare=False)

    def span_of(self, key: str) -> SourceSpan:
        return self.span.at(self.lines.get(key, self.span.line))


@dataclass(frozen=True)
class SessionPlan:
    """A facilitator's plan for running a module with a group (sessions/<module id>.yml)."""

    module: str
    title: str
    minutes: int  # the session's length
    activities: tuple[Activity, ...]
    span: SourceSpan
    format: str | None = None  # face to face, online, blended
    materials: tuple[str, ...] = ()
    preparation: str | None = None  # Markdown
    follow_up: str | None = None  # Markdown
    lines: dict[str, int] = field(default_factory=dict, compare=False)

    def span_of(self, key: str) -> SourceSpan:
        return self.span.at(self.lines.get(key, self.span.line))

    @property
    def planned_minutes(self) -> int:
        return sum(a.minutes for a in self.activities)


@dataclass(frozen=True)
class CourseInfo:
    id: str
    title: str
    version: str
    language: str = "en"
    organisation: str = ""  # issues the certificates (mkdocs.yml: plugins: course: organisation)
    signatory: str = ""  # the name and role under the certificate's signature line
    # Languages (docs/translating.md): `language` is this site's; the originals are in `original`;
    # `languages` are every language the course is built in, the original's first. A page (by src)
    # or quiz (by id) in a fallback set shows the original in a translated site.
    original: str = ""
    languages: tuple[str, ...] = ()
    fallback_pages: frozenset[str] = frozenset()
    fallback_quizzes: frozenset[str] = frozenset()

    def is_fallback(self, src: str) -> bool:
        return self.language != self.original and src in self.fallback_pages


@dataclass(frozen=True)
class Course:
    info: CourseInfo
    home: Page | None
    modules: tuple[Module, ...]
    quizzes: dict[str, Quiz] = field(default_factory=dict)
    extras: tuple[Page, ...] = ()  # top-level pages that belong to no module
    sessions: dict[str, SessionPlan] = field(default_factory=dict)  # module id -> its session plan

    def module(self, module_id: str) -> Module | None:
        return next((m for m in self.modules if m.id == module_id), None)

    def quizzes_of(self, module_id: str) -> list[Quiz]:
        return [q for q in self.quizzes.values() if q.module == module_id]

    def page(self, src: str) -> Page | None:
        return next((p for p in self.pages() if p.src == src), None)

    def pages(self) -> list[Page]:
        """Every page in reading order: home, each module's pages, then the extra pages."""
        pages = [self.home] if self.home else []
        for module in self.modules:
            pages.extend(module.pages)
        return pages + list(self.extras)

    @property
    def total_minutes(self) -> int:
        return sum(m.minutes for m in self.modules)
