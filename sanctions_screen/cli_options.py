"""Options that choose the lists and the algorithm of ``screen`` and ``check``.

They are added with one ``@list_options`` decorator and read back with
:func:`load_for_screening`, so the commands' signatures stay as they are.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import click

from . import app
from .cli_common import PROG, stderr_console
from .lists_store import ListSelection
from .matching import ALGORITHMS, DEFAULT_ALGORITHM

F = TypeVar("F", bound=Callable[..., Any])
ENV_MAX_LIST_AGE = "SANCTIONS_SCREEN_MAX_LIST_AGE"
ENV_NO_CACHE = "SANCTIONS_SCREEN_NO_CACHE"
ENV_ONLY_CHANGED_SINCE = "SANCTIONS_SCREEN_ONLY_CHANGED_SINCE"
ENV_ALGORITHM = "SANCTIONS_SCREEN_ALGORITHM"
_META_KEY = "sanctions_screen.list_selection"


def _remember(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
    ctx.meta.setdefault(_META_KEY, {})[param.name] = value
    return value


def no_cache_option(func: F) -> F:
    return click.option(
        "--no-cache",
        is_flag=True,
        envvar=ENV_NO_CACHE,
        expose_value=False,
        callback=_remember,
        help="Parse the lists afresh instead of using the parsed-list cache.",
    )(func)


def list_options(func: F) -> F:
    """``--max-list-age``, ``--only-changed-since`` and ``--no-cache``."""
    decorators = [
        click.option(
            "--max-list-age",
            type=click.IntRange(0),
            metavar="DAYS",
            envvar=ENV_MAX_LIST_AGE,
            expose_value=False,
            callback=_remember,
            help="Fail (exit 3) when a list is older than DAYS or does not state its date.",
        ),
        click.option(
            "--only-changed-since",
            "only_changed_since",
            multiple=True,
            metavar="OLD_LIST",
            type=click.Path(exists=True, path_type=Path),
            envvar=ENV_ONLY_CHANGED_SINCE,
            expose_value=False,
            callback=_remember,
            help="Screen only against entries added or changed since this earlier edition "
            "of the list (repeatable, one per list).",
        ),
        no_cache_option,
    ]
    for decorator in reversed(decorators):
        func = decorator(func)
    return func


def current_selection() -> ListSelection:
    """What ``@list_options`` parsed for the running command."""
    values = click.get_current_context().meta.get(_META_KEY, {})
    return ListSelection(
        use_cache=not values.get("no_cache", False),
        max_age_days=values.get("max_list_age"),
        only_changed_since=tuple(values.get("only_changed_since") or ()),
    )


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


def load_for_screening(
    list_paths: Sequence[Path], algorithm: str = DEFAULT_ALGORITHM
) -> app.LoadedLists:
    """Load the lists the way the options ask, and tell the user what was narrowed."""
    loaded = app.load(list_paths, current_selection(), algorithm)
    console = stderr_console()
    for note in loaded.notes:
        console.print(f"{PROG}: note: {note}", markup=False)
    return loaded
