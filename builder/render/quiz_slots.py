"""Quiz fences in built pages: pymdownx.superfences renders each ```quiz fence through QuizSlots.

The seam, hook by hook: `fence()` is the custom fence the plugin registers with superfences in
on_config, so Python-Markdown reads quiz fences wherever it reads fences and never rewrites what
they hold; `begin(src)` in on_page_markdown; the fence's `format` returns a stub holding only the
quiz's title, intro and prompts (what the search index sees, never choices or answers);
`problems(src)` in on_page_content compares the fences rendered with the page's embeds in the
checked model (a fence one reader sees and the other does not stops the build); `fill()` in
on_post_page swaps each stub for the quiz's form. Nothing here imports MkDocs.
"""

from __future__ import annotations

from ..model import Course
from . import languages
from .quiz_html import key_name, render_quiz, search_text


class QuizSlots:
    def __init__(self, course: Course) -> None:
        self.course = course
        self.pages = {p.src: p for p in course.pages()}
        self.page: str | None = None  # the page being rendered
        self.rendered: dict[str, list[tuple[str, str, str | None]]] = {}  # src -> [(stub, quiz id, question id)]

    def fence(self) -> dict:
        return {"name": "quiz", "class": "quiz", "format": self.format}

    def begin(self, src: str) -> None:
        self.page = src
        self.rendered[src] = []

    def format(self, source, language, css_class, options, md, **kwargs) -> str:
        quiz_id, _, question_id = source.strip().partition("/")
        quiz_id, question = quiz_id.strip(), question_id.strip() or None
        slots = self.rendered.setdefault(self.page or "", [])
        quiz = self.course.quizzes.get(quiz_id)
        text = search_text(quiz, question) if quiz and (question is None or quiz.question(question)) else ""
        stub = f"<!--cb-quiz-{len(slots)}-->{text}<!--/cb-quiz-->"
        slots.append((stub, quiz_id, question))
        return stub

    def problems(self, src: str) -> list[str]:
        """Diagnostics (as text) when the fences rendered differ from the page's checked embeds."""
        page = self.pages.get(src)
        expected = [(e.quiz_id, e.question_id, e.span) for e in page.embeds] if page else []
        rendered = [(quiz_id, question) for _, quiz_id, question in self.rendered.get(src, [])]
        if [(q, x) for q, x, _ in expected] == rendered:
            return []
        shown = set(rendered)
        problems = [
            f"{span}: error: the quiz fence '{quiz_id}' was not rendered as a quiz: leave a blank line "
            f"before and after it, at the indentation of the text around it [embed.not-rendered]"
            for quiz_id, question, span in expected
            if (quiz_id, question) not in shown
        ]
        return problems or [f"{page.span.path if page else src}: error: the page renders quiz fences that `course check` does not see [embed.not-rendered]"]

    def fill(self, src: str, output: str, key_src, extra=None) -> str:
        """The page with each stub replaced by its form; key_src(name) is the URL of a key script.

        extra(quiz, question id, language, the quiz text's language) adds HTML after a form (the
        facilitator edition's answer key)."""
        info = self.course.info
        for stub, quiz_id, question in self.rendered.pop(src, []):
            quiz = self.course.quizzes[quiz_id]
            form = render_quiz(quiz, key_src(key_name(quiz_id, question)), question, info.language, self._text_lang(quiz_id))
            if quiz_id in info.fallback_quizzes and not info.is_fallback(src):  # a page in the original says so once
                form = languages.notice(info, "fallback_quiz") + form
            after = extra(quiz, question, info.language, languages.text_language(info, quiz_id)) if extra else ""
            output = output.replace(stub, form + after, 1)
        return output

    def _text_lang(self, quiz_id: str) -> str | None:
        """In a translation's site, the language a quiz's own text is in (its original's, when it
        has no translation yet), so screen readers speak it right."""
        info = self.course.info
        return None if info.language == info.original else languages.text_language(info, quiz_id)
