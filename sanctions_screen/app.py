"""The application layer: load lists, read inputs, screen, and assemble a report.

The CLI calls these with parsed options and renders what they return; they
never print and never exit.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from . import __version__
from .bundled import bundled_list_path
from .inputs import InputBatch, InputFormat, read_input
from .models import Counterparty, Report, SanctionsList, ScreeningOptions
from .screening import Screener
from .sources import load_lists


@dataclass(frozen=True, slots=True)
class LoadedLists:
    lists: tuple[SanctionsList, ...]
    screener: Screener


def load(list_paths: Sequence[Path], algorithm: str = "default") -> LoadedLists:
    """The lists given with ``--list``, or the bundled list when none is given."""
    paths = list(list_paths) or [bundled_list_path()]
    lists = tuple(load_lists(paths))
    return LoadedLists(lists, Screener(lists, algorithm))


def read_inputs(
    sources: Sequence[str], input_format: InputFormat | None, name_column: str | None
) -> list[InputBatch]:
    return [read_input(s, input_format=input_format, name_column=name_column) for s in sources]


def screen(
    loaded: LoadedLists,
    counterparties: Sequence[Counterparty],
    options: ScreeningOptions,
    inputs: Sequence[str] = (),
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
    )
