"""Which lists a screen uses, and the per-user store ``lists update`` fills.

Layout of the data directory (:func:`~.paths.data_dir`)::

    lists/<source>/             the current copy: the official files + source.json
    previous/<source>/          the copy the last update replaced
    .incoming-<source>-*/       a download in progress (removed when it fails)

A plain ``screen`` uses every list in ``lists/`` and falls back to the
bundled list when there is none; ``--list`` replaces both.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .bundled import bundled_list_path
from .catalog import SOURCES
from .errors import ListError
from .models import SanctionsList
from .paths import data_dir
from .sources import load_list, load_lists

METADATA_FILE = "source.json"
CURRENT_DIR = "lists"
PREVIOUS_DIR = "previous"

Loader = Callable[[Path], SanctionsList]


@dataclass(frozen=True, slots=True)
class ListSelection:
    """How the CLI asked for lists to be chosen and checked."""

    use_cache: bool = True
    max_age_days: int | None = None
    only_changed_since: tuple[Path, ...] = ()


@dataclass(frozen=True, slots=True)
class Installed:
    """A list fetched by ``lists update``."""

    source: str
    main_path: Path
    metadata: dict[str, Any]


def current_dir(source: str, root: Path | None = None) -> Path:
    return (root if root is not None else data_dir()) / CURRENT_DIR / source


def previous_dir(source: str, root: Path | None = None) -> Path:
    return (root if root is not None else data_dir()) / PREVIOUS_DIR / source


def read_metadata(directory: Path) -> dict[str, Any] | None:
    """The ``source.json`` of a stored copy; None when it is missing or unreadable."""
    try:
        data = json.loads((directory / METADATA_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def installed(root: Path | None = None) -> list[Installed]:
    """Lists in the data directory, in catalog order; a copy without its metadata is skipped."""
    found = []
    for source in SOURCES:
        directory = current_dir(source.name, root)
        metadata = read_metadata(directory)
        if metadata is None:
            continue
        main = directory / str(metadata.get("main_file", source.main_file))
        if main.is_file():
            found.append(Installed(source.name, main, metadata))
    return found


def load_installed(item: Installed, loader: Loader = load_list) -> SanctionsList:
    """Read a stored list, completing its as-of date and address from the download record."""
    return _complete(loader(item.main_path), item.metadata)


def with_download_records(loader: Loader) -> Loader:
    """A loader that completes a list read from a stored copy (or ``previous/``) from its
    ``source.json``, so ``--list`` and ``--only-changed-since`` paths into the data
    directory get their as-of dates too."""

    def load(path: Path) -> SanctionsList:
        loaded = loader(path)
        metadata = read_metadata(path if path.is_dir() else path.parent)
        return loaded if metadata is None else _complete(loaded, metadata)

    return load


def _complete(loaded: SanctionsList, metadata: dict[str, Any]) -> SanctionsList:
    meta = loaded.meta
    as_of = meta.as_of or _str_or_none(metadata.get("as_of"))
    url = _str_or_none(metadata.get("url")) or meta.source_url
    return dataclasses.replace(loaded, meta=dataclasses.replace(meta, as_of=as_of, source_url=url))


def lists_for_screening(
    list_paths: Sequence[Path], loader: Loader = load_list, root: Path | None = None
) -> tuple[SanctionsList, ...]:
    """``--list`` paths when given; else the updated lists; else the bundled list."""
    if list_paths:
        return tuple(load_lists(list(list_paths), loader))
    stored = installed(root)
    if stored:
        return tuple(load_installed(item, loader) for item in stored)
    return tuple(load_lists([bundled_list_path()], loader))


def check_age(lists: Sequence[SanctionsList], max_age_days: int, today: dt.date) -> None:
    """Fail closed when a list is older than ``max_age_days`` or its date is unknown."""
    for sanctions_list in lists:
        meta = sanctions_list.meta
        as_of = parse_date(meta.as_of)
        if as_of is None:
            raise ListError(
                f"{meta.name}: as-of date {'unknown' if meta.as_of is None else repr(meta.as_of)}, "
                f"so its age cannot be checked against --max-list-age {max_age_days}",
                path=meta.path,
                hint="run `sanctions-screen lists update` or give a list that states its date",
            )
        age = (today - as_of).days
        if age > max_age_days:
            raise ListError(
                f"{meta.name} is {age} days old (as of {as_of.isoformat()}), "
                f"older than --max-list-age {max_age_days}",
                path=meta.path,
                hint="run `sanctions-screen lists update` or raise --max-list-age",
            )


def parse_date(text: str | None) -> dt.date | None:
    """The date part of an ISO date or date-time; None when absent or not a date."""
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text.strip()[:10])
    except ValueError:
        return None


def _str_or_none(value: object) -> str | None:
    return None if value is None else str(value)
