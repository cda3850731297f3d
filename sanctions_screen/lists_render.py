"""Text for the ``lists`` commands: Rich tables for people, JSON for programs.

Pure: plain data in, a string out. The CLI decides where it goes.
"""

from __future__ import annotations

import io
import json
import shutil
from collections.abc import Sequence
from typing import Any

from rich.console import Console
from rich.table import Table

from .catalog import Source
from .formats.serialize import list_to_dict
from .listdiff import ListDiff
from .models import Entry, SanctionsList

SHORT_HASH = 12  # enough hex digits of a sha256 for a person to compare by eye
PIPE_WIDTH = 160  # when stdout is not a terminal: wide enough for paths and addresses
TERMINAL_FALLBACK = (100, 24)


def _render(renderable: Any, color: bool, width: int | None) -> str:
    if width is None:
        width = shutil.get_terminal_size(TERMINAL_FALLBACK).columns if color else PIPE_WIDTH
    out = io.StringIO()
    console = Console(
        file=out, force_terminal=color, no_color=not color, width=width, highlight=False
    )
    console.print(renderable)
    return out.getvalue()


def to_json(data: Any) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def lists_as_data(lists: Sequence[SanctionsList]) -> list[dict[str, Any]]:
    return [list_to_dict(sl.meta, len(sl.entries), sl.name_count) for sl in lists]


def lists_table(
    lists: Sequence[SanctionsList], title: str, *, color: bool = False, width: int | None = None
) -> str:
    table = Table(title=title, title_justify="left", header_style="bold")
    for column, justify in (
        ("List", "left"),
        ("Publisher", "left"),
        ("As of", "left"),
        ("Entries", "right"),
        ("Names", "right"),
        ("sha256", "left"),
        ("Path", "left"),
    ):
        table.add_column(column, justify=justify, overflow="fold")  # type: ignore[arg-type]
    for sl in lists:
        meta = sl.meta
        table.add_row(
            meta.name,
            meta.publisher or "",
            meta.as_of or "unknown",
            f"{len(sl.entries):,}",
            f"{sl.name_count:,}",
            (meta.sha256 or "")[:SHORT_HASH],
            meta.path or "",
        )
    return _render(table, color, width)


def sources_table(
    sources: Sequence[Source], *, color: bool = False, width: int | None = None
) -> str:
    table = Table(title="Sources for `lists update`", title_justify="left", header_style="bold")
    table.add_column("Source", no_wrap=True)
    table.add_column("List")
    table.add_column("Address (override)", overflow="fold")
    for source in sources:
        files = ", ".join((source.main_file, *source.companions))
        table.add_row(source.name, f"{source.title}\n{files}", f"{source.url}\n${source.env_var}")
    return _render(table, color, width)


def sources_as_data(sources: Sequence[Source]) -> list[dict[str, Any]]:
    return [
        {
            "source": s.name,
            "title": s.title,
            "url": s.url,
            "files": [s.main_file, *s.companions],
            "env_var": s.env_var,
        }
        for s in sources
    ]


def _entry_brief(entry: Entry) -> dict[str, Any]:
    return {
        "id": entry.id,
        "name": entry.primary_name,
        "kind": entry.kind.value,
        "programs": list(entry.programs),
    }


def diff_as_data(delta: ListDiff) -> dict[str, Any]:
    old, new = delta.old, delta.new
    return {
        "old": list_to_dict(old.meta, len(old.entries), old.name_count),
        "new": list_to_dict(new.meta, len(new.entries), new.name_count),
        "summary": {
            "added": len(delta.added),
            "removed": len(delta.removed),
            "changed": len(delta.changed),
            "unchanged": delta.unchanged_count,
        },
        "added": [_entry_brief(e) for e in delta.added],
        "removed": [_entry_brief(e) for e in delta.removed],
        "changed": [
            {
                **_entry_brief(c.new),
                "changes": [
                    {"field": f.field, "removed": list(f.removed), "added": list(f.added)}
                    for f in c.changes
                ],
            }
            for c in delta.changed
        ],
    }


def diff_table(delta: ListDiff, *, color: bool = False, width: int | None = None) -> str:
    old, new = delta.old.meta, delta.new.meta
    title = (
        f"{new.name}: {len(delta.added)} added, {len(delta.removed)} removed, "
        f"{len(delta.changed)} changed, {delta.unchanged_count} unchanged "
        f"(as of {old.as_of or 'unknown'} -> {new.as_of or 'unknown'})"
    )
    if not (delta.added or delta.removed or delta.changed):
        return f"{title}\nNo differences.\n"
    table = Table(title=title, title_justify="left", header_style="bold")
    table.add_column("", no_wrap=True)
    table.add_column("Entry", no_wrap=True)
    table.add_column("Name")
    table.add_column("What changed")
    for entry in delta.added:
        table.add_row("+", entry.id, entry.primary_name, ", ".join(entry.programs))
    for entry in delta.removed:
        table.add_row("-", entry.id, entry.primary_name, ", ".join(entry.programs))
    for change in delta.changed:
        lines: list[str] = []
        for f in change.changes:
            lines.extend(f"{f.field}: - {item}" for item in f.removed)
            lines.extend(f"{f.field}: + {item}" for item in f.added)
        table.add_row("~", change.new.id, change.new.primary_name, "\n".join(lines))
    return _render(table, color, width)


def validated_table(
    rows: Sequence[tuple[str, SanctionsList]], *, color: bool = False, width: int | None = None
) -> str:
    table = Table(title="Valid lists", title_justify="left", header_style="bold")
    for column in ("File", "Format", "List", "As of", "Entries", "Names"):
        table.add_column(column)
    for path, sl in rows:
        table.add_row(
            path,
            sl.meta.format or "",
            sl.meta.name,
            sl.meta.as_of or "unknown",
            f"{len(sl.entries):,}",
            f"{sl.name_count:,}",
        )
    return _render(table, color, width)
