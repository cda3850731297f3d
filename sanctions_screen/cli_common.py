"""What every command module shares: the program name, the env-var prefix, the stderr console."""

from __future__ import annotations

from rich.console import Console

PROG = "sanctions-screen"
ENV_PREFIX = "SANCTIONS_SCREEN"  # every CI-relevant option reads ENV_PREFIX + "_" + LONG_NAME


def stderr_console() -> Console:
    """Messages for people on stderr; soft_wrap keeps each message on one line for grep."""
    return Console(stderr=True, highlight=False, soft_wrap=True)
