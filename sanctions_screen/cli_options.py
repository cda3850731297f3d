"""Click options shared by several commands and owned by the matching layer."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

from .matching import ALGORITHMS, DEFAULT_ALGORITHM

F = TypeVar("F", bound=Callable[..., Any])
ENV_ALGORITHM = "SANCTIONS_SCREEN_ALGORITHM"


def algorithm_option(func: F) -> F:
    """``--algorithm/-a``: which registered matching algorithm scores the names."""
    return click.option(
        "--algorithm",
        "-a",
        type=click.Choice(sorted(ALGORITHMS)),
        default=DEFAULT_ALGORITHM,
        show_default=True,
        envvar=ENV_ALGORITHM,
        help="Matching algorithm: default (ours) or ofac (OFAC Sanctions List Search scores).",
    )(func)
