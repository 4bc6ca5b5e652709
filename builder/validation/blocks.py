"""Blocks in pages (`!!! name`): unknown names, and edition-only blocks that would misbehave."""

from __future__ import annotations

from ..diagnostics import Report, SourceSpan, did_you_mean
from ..editions import BLOCKS, KNOWN_BLOCKS
from ..loading.markdown_source import RawPage
from ..model import Note


def page_notes(raw: RawPage, span: SourceSpan, report: Report) -> tuple[Note, ...]:
    """Check the page's blocks; return its edition-only notes for the model."""
    for name, line in raw.admonitions:
        if name not in KNOWN_BLOCKS:
            report.error(
                span.at(line),
                "block.unknown",
                f"unknown block '!!! {name}'",
                did_you_mean(name, sorted(KNOWN_BLOCKS))
                or f"facilitator-only: {', '.join(BLOCKS)}; for everyone: note, tip, warning, try …",
            )
    notes = []
    for block in raw.notes:
        where = span.at(block.first + 1 + raw.body_offset)
        if not block.body.strip():
            report.error(where, "block.empty", f"the '{block.name}' block is empty", "indent its text by four spaces under the '!!!' line")
        fences = [f.line for f in raw.fences if block.first + raw.body_offset < f.line <= block.last + raw.body_offset]
        if fences:
            report.error(
                span.at(fences[0]),
                "block.quiz-inside",
                f"a quiz inside a '{block.name}' block: learners would never see it",
                f"move the ```quiz fence out of the block; answer keys show in the facilitator edition anyway",
            )
        notes.append(Note(block.name, block.title, block.body, where))
    return tuple(notes)



