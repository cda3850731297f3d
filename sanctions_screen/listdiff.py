"""What changed between two editions of a list: entries added, removed and changed, by id.

Pure: takes two parsed lists, returns a frozen :class:`ListDiff`. Used by
``lists diff`` and by ``screen --only-changed-since``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .models import Address, Entry, EntryName, Identifier, SanctionsList

# Entry fields compared, in the order changes are reported.
COMPARED_FIELDS: tuple[str, ...] = tuple(
    f.name for f in dataclasses.fields(Entry) if f.name != "id"
)


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One field of one entry: items removed and added (single values are one-item tuples)."""

    field: str
    removed: tuple[str, ...]
    added: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class EntryChange:
    old: Entry
    new: Entry
    changes: tuple[FieldChange, ...]


@dataclass(frozen=True, slots=True)
class ListDiff:
    old: SanctionsList
    new: SanctionsList
    added: tuple[Entry, ...]
    removed: tuple[Entry, ...]
    changed: tuple[EntryChange, ...]

    @property
    def unchanged_count(self) -> int:
        return len(self.new.entries) - len(self.added) - len(self.changed)

    def changed_entries(self) -> tuple[Entry, ...]:
        """Entries of the new edition that are new or changed: what a re-screen must cover."""
        return self.added + tuple(c.new for c in self.changed)


def diff_lists(old: SanctionsList, new: SanctionsList) -> ListDiff:
    old_by_id = {e.id: e for e in old.entries}
    new_ids = {e.id for e in new.entries}
    added: list[Entry] = []
    changed: list[EntryChange] = []
    for entry in new.entries:
        before = old_by_id.get(entry.id)
        if before is None:
            added.append(entry)
        elif before != entry:
            changes = compare_entries(before, entry)
            if changes:
                changed.append(EntryChange(before, entry, changes))
    removed = tuple(e for e in old.entries if e.id not in new_ids)
    return ListDiff(old, new, tuple(added), removed, tuple(changed))


def compare_entries(old: Entry, new: Entry) -> tuple[FieldChange, ...]:
    """Field by field; order inside a field does not count as a change."""
    changes = []
    for name in COMPARED_FIELDS:
        before = _as_items(getattr(old, name))
        after = _as_items(getattr(new, name))
        removed = tuple(x for x in before if x not in after)
        added = tuple(x for x in after if x not in before)
        if removed or added:
            changes.append(FieldChange(name, removed, added))
    return tuple(changes)


def _as_items(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, tuple):
        return tuple(dict.fromkeys(_describe(v) for v in value))
    return (_describe(value),)


def _describe(value: Any) -> str:
    if isinstance(value, EntryName):
        detail = [value.type.value, value.strength.value]
        if value.script:
            detail.append(value.script)
        return f"{value.name} ({', '.join(detail)})"
    if isinstance(value, Address):
        return value.one_line()
    if isinstance(value, Identifier):
        parts = [f"{value.type}: {value.value}"]
        parts.extend(p for p in (value.country, value.note) if p)
        return ", ".join(parts)
    if hasattr(value, "value") and not isinstance(value, str):  # an enum
        return str(value.value)
    return str(value)


def pair_by_name(
    current: Sequence[SanctionsList], old: Sequence[SanctionsList]
) -> list[tuple[SanctionsList, SanctionsList | None]]:
    """Each current list with the old edition of the same name (None when there is none).

    A single old list pairs with a single current list even when the names differ,
    so ``--only-changed-since old.yaml`` works for a list that was renamed.
    """
    if len(current) == 1 and len(old) == 1:
        return [(current[0], old[0])]
    by_name = {o.meta.name: o for o in old}
    return [(c, by_name.get(c.meta.name)) for c in current]


def only_changed(
    current: Sequence[SanctionsList], old: Sequence[SanctionsList]
) -> tuple[tuple[SanctionsList, ...], tuple[str, ...], list[dict[str, Any]]]:
    """Cut every current list down to what changed since its old edition.

    Returns the lists to screen, notes for the user, and a record for the report.
    A list with no old edition is kept whole: screening too much beats a miss.
    """
    kept: list[SanctionsList] = []
    notes: list[str] = []
    record: list[dict[str, Any]] = []
    pairs = pair_by_name(current, old)
    used = {id(before) for _, before in pairs}
    notes.extend(
        f"{o.meta.path}: {o.meta.name} matches no list being screened; ignored"
        for o in old
        if id(o) not in used
    )
    for new, before in pairs:
        if before is None:
            kept.append(new)
            notes.append(
                f"{new.meta.name}: no earlier edition given with --only-changed-since; "
                "screening all of it"
            )
            continue
        delta = diff_lists(before, new)
        entries = delta.changed_entries()
        kept.append(dataclasses.replace(new, entries=entries))
        notes.append(
            f"{new.meta.name}: screening only the {len(delta.added)} added and "
            f"{len(delta.changed)} changed entries since {before.meta.path} "
            f"(as of {before.meta.as_of or 'unknown'})"
        )
        record.append(
            {
                "list": new.meta.name,
                "old_path": before.meta.path,
                "old_as_of": before.meta.as_of,
                "old_sha256": before.meta.sha256,
                "added": len(delta.added),
                "changed": len(delta.changed),
                "removed": len(delta.removed),
            }
        )
    return tuple(kept), tuple(notes), record
