"""US Consolidated Screening List CSV (trade.gov ``consolidated.csv``).

One row per listed party from 13 export-control and sanctions lists of the
Departments of Commerce, State and the Treasury; the ``source`` column names
the list. Multi-valued columns are ``; ``-separated. ``ids`` holds
``COUNTRY, number, type`` triples mixed with OFAC's non-identifying facts
(directive dates and the like), which are left out. The file carries no
publication date.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from ..errors import ListError
from ..models import (
    Address,
    EntityKind,
    Entry,
    EntryName,
    Identifier,
    NameType,
    SanctionsList,
)
from .base import csv_records, list_meta
from .fields import guess_kind, iso_any, script_of, split_list, unique, unique_names

EXPECTED = "trade.gov consolidated.csv with a header holding _id, source, name, alt_names ..."
SOURCE_URL = "https://data.trade.gov/downloadable_consolidated_screening_list/v1/consolidated.csv"
REQUIRED = ("_id", "source", "type", "programs", "name", "addresses", "alt_names", "ids")
_LINKED_RE = re.compile(r"Linked To: ([^)]+)\)")
_HEADER_START = b"_id,source,entity_number,type,programs,name"


class UsCslCsvReader:
    format_name = "us-csl-csv"
    description = "US Consolidated Screening List CSV (trade.gov consolidated.csv)"

    def can_read(self, path: Path, head: bytes) -> bool:
        return head.lstrip(b"\xef\xbb\xbf").startswith(_HEADER_START)

    def read(self, path: Path) -> SanctionsList:
        entries: list[Entry] = []
        seen: dict[str, int] = {}
        hint = f"expected {EXPECTED}; trade.gov may have changed the format"
        for number, row in csv_records(path, REQUIRED, hint):
            entry = _entry(row, path, number)
            # The same party can sit on two lists (SDN and SSI) under one _id.
            seen[entry.id] = seen.get(entry.id, 0) + 1
            if seen[entry.id] > 1:
                entry = replace(entry, id=f"{entry.id}-{seen[entry.id]}")
            entries.append(entry)
        if not entries:
            raise ListError("no rows after the header", path=str(path), hint=EXPECTED)
        return SanctionsList(
            meta=list_meta(
                self.format_name,
                path,
                name="US Consolidated Screening List (trade.gov)",
                publisher="U.S. Department of Commerce, International Trade Administration",
                as_of=None,
                source_url=SOURCE_URL,
            ),
            entries=tuple(entries),
        )


def _cell(row: dict[str, str], key: str) -> str:
    return (row.get(key) or "").strip()


def _entry(row: dict[str, str], path: Path, number: int) -> Entry:
    entry_id, name = _cell(row, "_id"), _cell(row, "name")
    if not entry_id or not name:
        raise ListError("row without _id or name", path=str(path), row=number, hint=EXPECTED)
    names = [EntryName(name)] + [
        EntryName(alias, NameType.AKA, script=script_of(alias))
        for alias in split_list(_cell(row, "alt_names"))
    ]
    addresses = [_address(a) for a in split_list(_cell(row, "addresses"))]
    vessel_flag = _cell(row, "vessel_flag")
    identifiers = _ids(_cell(row, "ids"))
    if _cell(row, "call_sign"):
        identifiers.append(Identifier("Call Sign", _cell(row, "call_sign")))
    return Entry(
        id=entry_id,
        kind=EntityKind.parse(_cell(row, "type")) or guess_kind(name),
        names=unique_names(names),
        programs=unique(split_list(_cell(row, "programs"))),
        birth_dates=unique(d for d in map(iso_any, split_list(_cell(row, "dates_of_birth"))) if d),
        birth_places=unique(split_list(_cell(row, "places_of_birth"))),
        nationalities=unique(
            split_list(_cell(row, "nationalities")) + split_list(_cell(row, "citizenships"))
        ),
        countries=unique(
            [a.country for a in addresses if a.country] + ([vessel_flag] if vessel_flag else [])
        ),
        addresses=tuple(a for a in addresses if a.one_line()),
        identifiers=tuple(identifiers),
        listed_on=iso_any(_cell(row, "start_date") or None),
        listing_source=_cell(row, "source") or None,
        remarks=_cell(row, "remarks") or None,
        linked_to=tuple(_LINKED_RE.findall(_cell(row, "remarks"))),
    )


def _address(text: str) -> Address:
    """``street, city, postal code, CC``: only the trailing country code is reliably placed."""
    parts = [p.strip() for p in text.split(",") if p.strip()]
    if len(parts) > 1 and len(parts[-1]) == 2 and parts[-1].isalpha():
        return Address(street=", ".join(parts[:-1]) or None, country=parts[-1])
    return Address(street=", ".join(parts) or None)


def _ids(text: str) -> list[Identifier]:
    found: list[Identifier] = []
    for item in split_list(text):
        parts = [p.strip() for p in item.split(",")]
        if len(parts) < 2:
            continue
        kind = parts[-1]
        # Facts such as "Secondary sanctions risk:" or "Organization Established Date"
        # share the column but identify nothing.
        if kind.endswith((":", "-")) or "Date" in kind or "Sanctions Information" in kind:
            continue
        country = parts[0] if len(parts) >= 3 and len(parts[0]) == 2 else None
        value = ", ".join(parts[1:-1] if country else parts[:-1])
        if value:
            found.append(Identifier(kind, value, country))
    return found
