"""``sanctions-screen explain``: why a name scores what it scores against list entries.

Prints, for the best candidates (or for one entry given with ``--entry``),
the list name that matched, how the parts aligned and what raised or lowered
the score. Exit status 0 whenever it could explain; errors as for ``screen``.
"""

from __future__ import annotations

from pathlib import Path

import click

from . import app
from .cli import handle_errors
from .cli_common import DEFAULT_LISTS_HELP, list_paths_option
from .cli_options import algorithm_option
from .errors import UsageError
from .models import Counterparty, EntityKind, Hit

# Candidates below this are not worth explaining unless asked for by --entry.
EXPLAIN_FLOOR = 50.0


@click.command()
@click.argument("name")
@click.option("--entry", "-e", "entry_id", help="Explain against this list entry ID only.")
@list_paths_option(f"List file or directory (repeatable). {DEFAULT_LISTS_HELP}")
@click.option("--kind", type=click.Choice([k.value for k in EntityKind]), help="What NAME is.")
@click.option("--birth-date", help="Counterparty's date of birth, YYYY-MM-DD or YYYY.")
@click.option("--country", help="Counterparty's country or nationality.")
@click.option("--top", type=click.IntRange(1), default=3, show_default=True)
@algorithm_option
@handle_errors
def explain(
    name: str,
    entry_id: str | None,
    list_paths: tuple[Path, ...],
    kind: str | None,
    birth_date: str | None,
    country: str | None,
    top: int,
    algorithm: str,
) -> None:
    """Explain how NAME scores against the closest list entries.

    \b
    Examples:
      sanctions-screen explain "Alexander Gaevoy"
      sanctions-screen explain "Pak Gwang-hun" --entry 23516
      sanctions-screen explain "Kim Jong Un" --algorithm ofac
    """
    if not name.strip():
        raise click.BadParameter("the name is empty", param_hint="NAME")
    loaded = app.load(list_paths, algorithm=algorithm)
    cp = Counterparty(
        name=name,
        source="<argument>",
        row=1,
        kind=EntityKind(kind) if kind else None,
        birth_date=birth_date,
        country=country,
    )
    if entry_id is not None:
        hit = loaded.screener.explain_entry(cp, entry_id)
        if hit is None:
            raise UsageError(f"no entry with ID {entry_id!r} in the lists", hint="check --entry")
        hits: tuple[Hit, ...] = (hit,)
    else:
        hits = loaded.screener.screen_one(cp, EXPLAIN_FLOOR, top).hits
    if not hits:
        click.echo(f"{name!r}: no list name scores {EXPLAIN_FLOOR:g} or more ({algorithm}).")
        return
    for hit in hits:
        click.echo(
            f"{hit.score:5.1f}  {hit.entry.primary_name} "
            f"[{hit.list_name}, entry {hit.entry.id}, {hit.entry.kind.value}]"
        )
        for line in hit.explanation:
            click.echo(f"       {line}")
