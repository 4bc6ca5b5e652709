"""Rendering: typed model -> HTML fragments (quizzes) through Jinja2 templates."""
