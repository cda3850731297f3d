"""OpenSanctions ``targets.simple.csv``: one row per listed party, multi-values ``;``-joined.

Columns ``id, schema, name, aliases, birth_date, countries, addresses,
identifiers, sanctions, phones, emails, program_ids, dataset, first_seen,
last_seen, last_change``. Identifiers come without a type; IMO numbers are
recognised by their ``IMO`` prefix. The list's date is the latest
``last_seen``. OpenSanctions data is licensed CC BY-NC 4.0.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import ListError
from ..models import Address, Entry, EntryName, Identifier, NameType, SanctionsList
from .base import csv_records, list_meta
from .fields import iso_any, script_of, split_list, unique, unique_names
from .opensanctions_ftm import SCHEMA_KINDS, SOURCE_URL, dataset_label

EXPECTED = "OpenSanctions targets.simple.csv with a header id, schema, name, aliases, ..."
REQUIRED = ("id", "schema", "name", "aliases", "birth_date", "countries", "identifiers", "dataset")
_HEADER_START = (b'"id","schema","name","aliases"', b"id,schema,name,aliases")


class OpenSanctionsCsvReader:
    format_name = "opensanctions-simple-csv"
    description = "OpenSanctions targets.simple.csv"

    def can_read(self, path: Path, head: bytes) -> bool:
        return head.lstrip(b"\xef\xbb\xbf").startswith(_HEADER_START)

    def read(self, path: Path) -> SanctionsList:
        entries: list[Entry] = []
        datasets: set[str] = set()
        last_seen: list[str] = []
        for number, row in csv_records(path, REQUIRED, f"expected {EXPECTED}"):
            entry = _entry(row, path, number)
            if entry is None:
                continue
            entries.append(entry)
            datasets.update(split_list(row.get("dataset")))
            if row.get("last_seen"):
                last_seen.append(row["last_seen"])
        if not entries:
            raise ListError("no rows after the header", path=str(path), hint=EXPECTED)
        return SanctionsList(
            meta=list_meta(
                self.format_name,
                path,
                name=f"OpenSanctions {dataset_label(datasets)} (targets.simple.csv)",
                publisher="OpenSanctions (CC BY-NC 4.0)",
                as_of=iso_any(max(last_seen, default=None)),
                source_url=SOURCE_URL,
            ),
            entries=tuple(entries),
        )


def _entry(row: dict[str, str], path: Path, number: int) -> Entry | None:
    kind = SCHEMA_KINDS.get(row["schema"])
    if kind is None:
        return None
    if not row["id"] or not row["name"]:
        raise ListError("row without id or name", path=str(path), row=number, hint=EXPECTED)
    names = [EntryName(row["name"], script=script_of(row["name"]))] + [
        EntryName(alias, NameType.AKA, script=script_of(alias))
        for alias in split_list(row["aliases"])
    ]
    return Entry(
        id=row["id"],
        kind=kind,
        names=unique_names(names),
        programs=unique(split_list(row.get("program_ids"))),
        birth_dates=unique(d for d in map(iso_any, split_list(row["birth_date"])) if d),
        countries=unique(split_list(row["countries"])),
        addresses=tuple(Address(street=a) for a in split_list(row.get("addresses"))),
        identifiers=tuple(_identifier(i) for i in split_list(row["identifiers"])),
        remarks=row.get("sanctions", "").strip('"') or None,
    )


def _identifier(value: str) -> Identifier:
    if value.startswith("IMO") and value[3:].isdigit():
        return Identifier("IMO", value[3:])
    return Identifier("ID", value)
