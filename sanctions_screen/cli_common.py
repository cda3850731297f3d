"""What every command module shares: the program name, the env-var prefix, the stderr console."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click
from rich.console import Console

F = TypeVar("F", bound=Callable[..., Any])
DEFAULT_LISTS_HELP = (
    "Default: the lists fetched by `lists update`, else the bundled OFAC DPRK 2022 list."
)

PROG = "sanctions-screen"
ENV_PREFIX = "SANCTIONS_SCREEN"  # every CI-relevant option reads ENV_PREFIX + "_" + LONG_NAME


def stderr_console() -> Console:
    """Messages for people on stderr; soft_wrap keeps each message on one line for grep."""
    return Console(stderr=True, highlight=False, soft_wrap=True)


def list_paths_option(help_text: str) -> Callable[[F], F]:
    """``--list/-l PATH`` (repeatable, env ``SANCTIONS_SCREEN_LIST``) as every command takes it."""
    return click.option(
        "--list",
        "-l",
        "list_paths",
        multiple=True,
        envvar=f"{ENV_PREFIX}_LIST",
        type=click.Path(path_type=Path),
        help=help_text,
    )
