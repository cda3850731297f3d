"""The application layer: load lists, read inputs, screen, and assemble a report.

The CLI calls these with parsed options and renders what they return; they
never print and never exit.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import __version__, listdiff, lists_store
from .cache import cached_loader
from .inputs import InputBatch, InputFormat, read_input
from .lists_store import ListSelection
from .matching import DEFAULT_ALGORITHM
from .models import Counterparty, Report, SanctionsList, ScreeningOptions
from .screening import Screener
from .sources import load_list, load_lists


@dataclass(frozen=True, slots=True)
class LoadedLists:
    lists: tuple[SanctionsList, ...]
    screener: Screener
    notes: tuple[str, ...] = ()  # for the user on stderr, e.g. what --only-changed-since kept
    extra: dict[str, Any] = field(default_factory=dict)  # merged into the report


def load(
    list_paths: Sequence[Path],
    selection: ListSelection | None = None,
    algorithm: str = DEFAULT_ALGORITHM,
) -> LoadedLists:
    """The ``--list`` lists; else the updated lists in the data directory; else the bundled one."""
    selection = selection or ListSelection()
    loader = lists_store.with_download_records(
        cached_loader() if selection.use_cache else load_list
    )
    lists = lists_store.lists_for_screening(list_paths, loader)
    if selection.max_age_days is not None:
        today = dt.datetime.now(dt.timezone.utc).date()
        lists_store.check_age(lists, selection.max_age_days, today)
    if not selection.only_changed_since:
        return LoadedLists(lists, Screener(lists, algorithm))
    old = load_lists(list(selection.only_changed_since), loader)
    lists, notes, record = listdiff.only_changed(lists, old)
    return LoadedLists(lists, Screener(lists, algorithm), notes, {"only_changed_since": record})


def read_inputs(
    sources: Sequence[str], input_format: InputFormat | None, name_column: str | None
) -> list[InputBatch]:
    return [read_input(s, input_format=input_format, name_column=name_column) for s in sources]


def screen(
    loaded: LoadedLists,
    counterparties: Sequence[Counterparty],
    options: ScreeningOptions,
    inputs: Sequence[str] = (),
    *,
    input_sha256: Sequence[tuple[str, str]] = (),
) -> Report:
    results = tuple(loaded.screener.screen(counterparties, options.threshold, options.top))
    return Report(
        results=results,
        lists=tuple(lst.meta for lst in loaded.lists),
        list_sizes=tuple((len(lst.entries), lst.name_count) for lst in loaded.lists),
        options=options,
        inputs=tuple(inputs),
        generated_at=dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        tool_version=__version__,
        extra=dict(loaded.extra),
        input_sha256=tuple(input_sha256),
    )
