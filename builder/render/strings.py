"""Every user-facing string of the learner's side, in one table, so translations can follow.

Templates read it through `t(key)`; the runtime receives the same table as JSON.
"""

STRINGS: dict[str, str] = {
    "question": "Question",
    "of": "of",
    "check": "Check answer",
    "check_all": "Check answers",
    "submit": "Submit answers",
    "retry": "Try again",
    "new_attempt": "Start a new attempt",
    "hint": "Show hint",
    "hide_hint": "Hide hint",
    "correct": "Correct.",
    "incorrect": "Not quite.",
    "partly": "Partly right.",
    "your_answer": "Your answer",
    "choose": "Choose…",
    "position": "Position",
    "blank": "Blank",
    "reflection_label": "Your reflection (saved in this browser as you type; it goes to your journal)",
    "saved": "Saved.",
    "save_failed": "Could not save: this browser is not storing data (storage full, disabled or private mode). Export your progress to keep it.",
    "unanswered": "Answer the question first.",
    "score": "Your score: {score}% (pass mark {pass}%).",
    "best": "Best so far: {score}%.",
    "passed": "Passed. Well done.",
    "failed": "Not passed yet. Re-read the sections below, then try again.",
    "review": "Re-read",
    "explanation": "Explanation",
    "kind_check": "Knowledge check",
    "kind_assessment": "Assessment",
    "pass_mark_note": "Pass mark: {pass}%. You can try as often as you like; your best attempt counts.",
    "pool_note": "Each attempt draws {pool} of {total} questions.",
    "noscript": "The quiz needs JavaScript to give feedback. You can still read the questions.",
    "page_progress": "My progress",
    "page_journal": "Journal",
    "page_record": "Completion record",
    "true": "True",
    "false": "False",
}


def t(key: str, **values) -> str:
    text = STRINGS[key]
    return text.format(**values) if values else text
