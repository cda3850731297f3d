"""Errors a user can fix. Each carries its exit code and a one-line message.

The CLI prints ``sanctions-screen: error: <message>`` and exits with the code;
anything else that escapes is a bug and exits with ExitCode.INTERNAL_ERROR.
"""

from __future__ import annotations

from .exitcodes import ExitCode


class ScreenError(Exception):
    """Base class: a problem the user can fix, with the exit code it maps to."""

    exit_code: ExitCode = ExitCode.INPUT_ERROR

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        row: int | None = None,
        hint: str | None = None,
    ) -> None:
        self.path = path
        self.row = row
        self.hint = hint
        self.detail = message
        super().__init__(self.one_line())

    def one_line(self) -> str:
        where = ""
        if self.path is not None:
            where = f"{self.path}"
            if self.row is not None:
                where += f", row {self.row}"
            where += ": "
        text = f"{where}{self.detail}"
        if self.hint:
            text += f" ({self.hint})"
        return text


class InputFileError(ScreenError):
    """A counterparty file is missing, unreadable, malformed or empty."""


class ListError(ScreenError):
    """A sanctions list is missing, unreadable, malformed, empty or of an unknown format."""


class UsageError(ScreenError):
    """Options that cannot work together or a value the CLI could not check by itself."""

    exit_code = ExitCode.USAGE
