"""Diagnostics: what `course check` reports. Pure data plus the two output formats."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from pathlib import PurePosixPath


@dataclass(frozen=True, order=True)
class SourceSpan:
    """A place in a source file: project-relative POSIX path, 1-based line and column (0 = unknown)."""

    path: str
    line: int = 0
    col: int = 0

    def __str__(self) -> str:
        text = self.path
        if self.line:
            text += f":{self.line}"
            if self.col:
                text += f":{self.col}"
        return text

    def at(self, line: int, col: int = 0) -> "SourceSpan":
        return SourceSpan(self.path, line, col)


class Severity(enum.Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Diagnostic:
    span: SourceSpan
    severity: Severity
    code: str
    message: str
    hint: str | None = None

    def format_text(self) -> str:
        text = f"{self.span}: {self.severity.value}: {self.message} [{self.code}]"
        if self.hint:
            text += f"\n    hint: {self.hint}"
        return text

    def format_github(self) -> str:
        # GitHub workflow commands: ::error file=…,line=…,col=…,title=…::message
        parts = [f"file={self.span.path}"]
        if self.span.line:
            parts.append(f"line={self.span.line}")
        if self.span.col:
            parts.append(f"col={self.span.col}")
        parts.append(f"title={self.code}")
        message = self.message + (f" (hint: {self.hint})" if self.hint else "")
        message = message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return f"::{self.severity.value} {','.join(parts)}::{message}"


@dataclass
class Report:
    """Collects diagnostics from every stage; nothing is raised one by one."""

    diagnostics: list[Diagnostic] = field(default_factory=list)
    files_checked: int = 0

    def error(self, span: SourceSpan, code: str, message: str, hint: str | None = None) -> None:
        self.diagnostics.append(Diagnostic(span, Severity.ERROR, code, message, hint))

    def warning(self, span: SourceSpan, code: str, message: str, hint: str | None = None) -> None:
        self.diagnostics.append(Diagnostic(span, Severity.WARNING, code, message, hint))

    def extend(self, other: "Report") -> None:
        self.diagnostics.extend(other.diagnostics)
        self.files_checked += other.files_checked

    def sorted(self) -> list[Diagnostic]:
        return sorted(self.diagnostics, key=lambda d: (d.span, d.code, d.message))

    def strict(self) -> "Report":
        """The same report with warnings promoted to errors (`--strict`), except a translation's
        status (stale, unrecorded, orphaned): an edit of the original must not block its release."""
        promoted = [
            d if d.code.startswith("translation.") else Diagnostic(d.span, Severity.ERROR, d.code, d.message, d.hint)
            for d in self.diagnostics
        ]
        return Report(promoted, self.files_checked)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity is Severity.WARNING]

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self) -> str:
        errors, warnings = len(self.errors), len(self.warnings)
        if not errors and not warnings:
            return f"no problems in {self.files_checked} files"
        files = len({d.span.path for d in self.diagnostics})
        return (
            f"{_plural(errors, 'error')}, {_plural(warnings, 'warning')} "
            f"in {files} of {max(files, self.files_checked)} files"
        )

    def format(self, style: str = "text") -> str:
        lines = [
            d.format_github() if style == "github" else d.format_text() for d in self.sorted()
        ]
        lines.append(self.summary())
        return "\n".join(lines)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" + ("" if count == 1 else "s")


def relative(path: PurePosixPath | str, root) -> str:
    """Project-relative POSIX path for a diagnostic."""
    from pathlib import Path

    try:
        return Path(path).resolve().relative_to(Path(root).resolve()).as_posix()
    except ValueError:
        return Path(path).as_posix()


def did_you_mean(word: str, candidates) -> str | None:
    """'did you mean …' hint for an unknown key or id, or None when nothing is close."""
    import difflib

    close = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else None
