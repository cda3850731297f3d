"""Writing a rendered report: to stdout, or atomically to ``-o FILE``."""

from __future__ import annotations

import io
import os
import sys
import tempfile
from pathlib import Path

from rich.console import Console

from .errors import ScreenError
from .exitcodes import ExitCode
from .formats import OutputFormat, render
from .models import Report


class OutputError(ScreenError):
    exit_code = ExitCode.OUTPUT_ERROR


def stdout_wants_color() -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org)."""
    return Console().is_terminal and not os.environ.get("NO_COLOR")


def write_report(report: Report, fmt: OutputFormat, output: Path | None) -> None:
    if output is None:
        color = stdout_wants_color()
        buffer = io.StringIO()
        render(report, fmt, buffer, color=color)
        _write_stdout(buffer.getvalue())
        return
    buffer = io.StringIO()
    render(report, fmt, buffer, color=False, width=100)
    write_atomically(output, buffer.getvalue())


def _write_stdout(text: str) -> None:
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        # `| head` closed the pipe: stop quietly, and keep Python from
        # complaining when it flushes stdout again at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def write_atomically(path: Path, text: str) -> None:
    """Write via a temporary file and rename, so a reader never sees half a report."""
    directory = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=directory)
    except OSError as exc:
        raise OutputError(
            f"cannot write report: {exc.strerror}",
            path=str(path),
            hint="check that the directory exists and is writable",
        ) from exc
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; a report is an ordinary file
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(f"cannot write report: {exc.strerror}", path=str(path)) from exc


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
