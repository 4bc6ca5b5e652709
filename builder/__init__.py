"""Course Builder: Markdown modules and YAML quizzes -> a static, self-paced course site."""

from .diagnostics import Diagnostic, Report, Severity, SourceSpan
from .model import Course, Module, Page, Question, Quiz
from .pipeline import load_course
from .settings import Settings, load_settings

__version__ = "0.1.0"

__all__ = [
    "Course",
    "Diagnostic",
    "Module",
    "Page",
    "Question",
    "Quiz",
    "Report",
    "Settings",
    "Severity",
    "SourceSpan",
    "load_course",
    "load_settings",
    "__version__",
]
