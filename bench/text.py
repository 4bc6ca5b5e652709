"""Seeded filler text for the synthetic course: words, sentences, questions, feedback, secret terms."""

from __future__ import annotations

import re

VOCABULARY = """
pupil pupils teacher teachers class classroom school lesson lessons language languages home family
families parent parents carer learning reading writing talk talking listening vocabulary word words
text texts story stories group groups partner task tasks question questions answer feedback time
week weeks term first second new arrival arrivals newcomer newcomers welcome routine routines visual
visuals picture pictures gesture gestures support scaffold scaffolds model models example examples
plan plans goal goals progress record records check checks practice practices safety calm trust
belonging culture cultures identity identities community communities interpreter mediation meeting
meetings colleague colleagues mentor timetable subject subjects maths science history geography
music art sport break lunch playground friend friends buddy buddies name names greeting greetings
respect expectation expectations high clear simple short long slow steady careful kind warm open
shared daily weekly regular small large quiet busy every each many some few most often always
never together alone before after during while because although so therefore however instead
build builds notice notices explain explains show shows ask asks listen listens read reads write
writes speak speaks repeat repeats choose chooses compare compares describe describes plan plans
""".split()
TOPICS = (
    "welcome", "language", "trauma", "belonging", "assessment", "mediation", "reading", "writing",
    "numeracy", "families", "wellbeing", "inclusion", "vocabulary", "oracy", "planning", "feedback",
)
SYLLABLES = ("ka", "lo", "mi", "ren", "tor", "vis", "dan", "el", "qu", "ix", "pra", "sol", "ny", "ber", "go", "za")


class Words:
    def __init__(self, rng) -> None:
        self.rng = rng
        self._secret = 0

    def word(self) -> str:
        return self.rng.choice(VOCABULARY)

    def phrase(self, low: int, high: int) -> str:
        return " ".join(self.word() for _ in range(self.rng.randint(low, high)))

    def distinct(self, count: int, low: int, high: int) -> list[str]:
        seen: list[str] = []
        while len(seen) < count:
            candidate = self.phrase(low, high)
            if candidate not in seen:
                seen.append(candidate)
        return seen

    def topic(self) -> str:
        return self.rng.choice(TOPICS)

    def sentence(self, low: int = 8, high: int = 18) -> str:
        return self.phrase(low, high).capitalize() + "."

    def sentences(self, count: int) -> str:
        return " ".join(self.sentence() for _ in range(count))

    def rich_sentence(self) -> str:
        """A sentence with some inline Markdown: emphasis, strong, code."""
        parts = self.phrase(8, 18).split()
        r = self.rng.random()
        if r < 0.2:
            i = self.rng.randrange(len(parts))
            parts[i] = f"**{parts[i]}**"
        elif r < 0.35:
            i = self.rng.randrange(len(parts))
            parts[i] = f"*{parts[i]}*"
        elif r < 0.4:
            i = self.rng.randrange(len(parts))
            parts[i] = f"`{parts[i]}`"
        return " ".join(parts).capitalize() + "."

    def question(self) -> str:
        return f"{self.phrase(6, 14).capitalize()}?"

    def feedback(self, right: bool) -> str:
        return f"{'Right' if right else 'Not quite'}: {self.phrase(8, 16)}."

    def secret_term(self) -> str:
        """A made-up term that never appears in page text, so a leak into the index is detectable."""
        self._secret += 1
        body = "".join(self.rng.choice(SYLLABLES) for _ in range(3))
        return f"{body}{self._secret}"

    @staticmethod
    def slug(text: str) -> str:
        return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40].strip("-")

    @staticmethod
    def anchor(heading: str) -> str:
        """The id Python-Markdown's toc extension gives a heading of plain words and digits."""
        return re.sub(r"[-\s]+", "-", re.sub(r"[^\w\s-]", "", heading).strip().lower())
