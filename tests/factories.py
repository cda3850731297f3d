"""Small lists built in code and written in our YAML format, for tests that need exact contents."""

from __future__ import annotations

from pathlib import Path

from sanctions_screen.models import (
    EntityKind,
    Entry,
    EntryName,
    Identifier,
    ListMeta,
    NameType,
    SanctionsList,
)
from sanctions_screen.sources.native_yaml import dump_document

LIST_NAME = "Test list"


def entry(
    entry_id: str,
    name: str,
    *,
    aliases: tuple[str, ...] = (),
    programs: tuple[str, ...] = ("DPRK2",),
    identifiers: tuple[Identifier, ...] = (),
    kind: EntityKind = EntityKind.ORGANIZATION,
) -> Entry:
    names = (EntryName(name), *(EntryName(a, NameType.AKA) for a in aliases))
    return Entry(entry_id, kind, names, programs=programs, identifiers=identifiers)


def write_list(
    path: Path,
    entries: tuple[Entry, ...],
    *,
    as_of: str | None = "2026-11-01",
    name: str = LIST_NAME,
) -> Path:
    meta = ListMeta(name=name, publisher="Test publisher", as_of=as_of)
    path.write_text(dump_document(SanctionsList(meta, entries)), encoding="utf-8")
    return path


OLD_ENTRIES = (
    entry("1", "APOLLON OOO", aliases=("APOLLON LLC",)),
    entry("2", "ZEEL - M CO., LTD.", aliases=("ZIL-M LLC",)),
    entry("3", "RK BRIZ, OOO"),
)
NEW_ENTRIES = (
    entry("1", "APOLLON OOO", aliases=("APOLLON LLC",)),  # unchanged
    entry(
        "2",
        "ZEEL - M CO., LTD.",
        aliases=("ZIL-M LLC", "ZEELM"),
        identifiers=(Identifier("Tax ID No.", "2539039058"),),
    ),  # changed
    entry("4", "PARSEK LLC", programs=("NPWMD",)),  # added; 3 removed
)
