"""Reading source files as UTF-8 text, reporting files that are not."""

from __future__ import annotations

from pathlib import Path

from ..diagnostics import Report, SourceSpan


def read_text(path: Path, span: SourceSpan, report: Report) -> str | None:
    """The file's text, or None after reporting why it cannot be read."""
    try:
        data = path.read_bytes()
    except OSError as error:
        report.error(span, "file.unreadable", f"cannot read file: {error.strerror or error}")
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        report.error(
            span.at(line),
            "file.encoding",
            f"file is not valid UTF-8 (byte 0x{data[error.start]:02x} at offset {error.start})",
            "save the file as UTF-8 (most editors: 'Save with encoding')",
        )
        return None
    return text.removeprefix("\ufeff").replace("\r\n", "\n")
