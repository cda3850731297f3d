"""Renderers: a report in, bytes for stdout or ``-o FILE`` out. One per ``OutputFormat``."""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import TextIO

from ..models import Report
from .github import render_github
from .junit import render_junit
from .machine import render_csv, render_json, render_ndjson
from .markdown import render_markdown
from .sarif import render_sarif
from .table import render_table


class OutputFormat(str, enum.Enum):
    TABLE = "table"
    JSON = "json"
    CSV = "csv"
    NDJSON = "ndjson"
    SARIF = "sarif"
    JUNIT = "junit"
    GITHUB = "github"
    MARKDOWN = "markdown"


Renderer = Callable[[Report, TextIO], None]

RENDERERS: dict[OutputFormat, Renderer] = {
    OutputFormat.JSON: render_json,
    OutputFormat.CSV: render_csv,
    OutputFormat.NDJSON: render_ndjson,
    OutputFormat.TABLE: render_table,
    OutputFormat.SARIF: render_sarif,
    OutputFormat.JUNIT: render_junit,
    OutputFormat.GITHUB: render_github,
    OutputFormat.MARKDOWN: render_markdown,
}


def render(
    report: Report, fmt: OutputFormat, out: TextIO, *, color: bool = False, width: int | None = None
) -> None:
    if fmt is OutputFormat.TABLE:
        render_table(report, out, color=color, width=width)
    else:
        RENDERERS[fmt](report, out)


__all__ = ["RENDERERS", "OutputFormat", "render"]
