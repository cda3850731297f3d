"""UK OFSI Consolidated List of Asset Freeze Targets, CSV (``ConList.csv``).

Line 1 is ``Last Updated,DD/MM/YYYY``; line 2 the header. Each further row is
one *name variant* of a target, and rows sharing a ``Group ID`` are one
target: the reader gathers them into one entry, with the union of their
dates of birth, documents and addresses. A name in a non-Latin script
(``Name Non-Latin Script``) is kept as an alias with its script. Labelled
facts inside ``Other Information`` (``(Gender):Male``, ``(IMO number):…``)
are parsed out.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ListError
from ..models import (
    Address,
    EntityKind,
    Entry,
    EntryName,
    Identifier,
    NameStrength,
    NameType,
    SanctionsList,
)
from .base import list_meta, read_text
from .fields import iso_from_dmy, script_of, unique, unique_names

EXPECTED = "OFSI ConList.csv: a `Last Updated` line, then a header with Name 6 .. Group ID"
SOURCE_URL = "https://ofsistorage.blob.core.windows.net/publishlive/2022format/ConList.csv"
REQUIRED = ("Name 6", "Name 1", "Group Type", "Alias Type", "Regime", "Group ID")
_ALIAS_TYPES = {
    "primary name": NameType.PRIMARY,
    "prime alias": NameType.PRIMARY,  # older exports
    "fka": NameType.FKA,
}
_SCRIPT_FIXES = {"Cryillic": "Cyrillic", "Russian": "Cyrillic"}  # typos in the published file
_LABELLED_RE = re.compile(
    r"\(([A-Za-z][A-Za-z ]{1,38})\):\s*(.*?)(?=\s*\([A-Za-z][A-Za-z ]{1,38}\):|$)"
)


@dataclass
class _Group:
    """Rows of one Group ID while they are gathered."""

    kind: EntityKind
    primary: EntryName | None = None
    names: list[EntryName] = field(default_factory=list)
    rows: list[dict[str, str]] = field(default_factory=list)


class UkOfsiCsvReader:
    format_name = "uk-ofsi-csv"
    description = "UK OFSI consolidated list CSV (ConList.csv), one row per name variant"

    def can_read(self, path: Path, head: bytes) -> bool:
        text = head.lstrip(b"\xef\xbb\xbf")
        return (text.startswith(b"Last Updated,") or text.startswith(b"Name 6,")) and (
            b"Group ID" in text or b"Name 6," in text
        )

    def read(self, path: Path) -> SanctionsList:
        data = read_text(path)
        try:
            rows = csv.reader(io.StringIO(data))
            as_of, header = _preamble(rows, path)
            groups = _groups(rows, header, path)
        except csv.Error as exc:
            raise ListError(f"malformed CSV ({exc})", path=str(path), hint=EXPECTED) from exc
        if not groups:
            raise ListError("no name rows after the header", path=str(path), hint=EXPECTED)
        return SanctionsList(
            meta=list_meta(
                self.format_name,
                path,
                name="UK OFSI Consolidated List of Asset Freeze Targets",
                publisher="HM Treasury, Office of Financial Sanctions Implementation (OFSI)",
                as_of=as_of,
                source_url=SOURCE_URL,
            ),
            entries=tuple(_entry(gid, group, path) for gid, group in groups.items()),
        )


def _preamble(rows: Iterator[list[str]], path: Path) -> tuple[str | None, list[str]]:
    first = next(rows, [])
    as_of = None
    if first[:1] == ["Last Updated"]:
        as_of = iso_from_dmy(first[1] if len(first) > 1 else None)
        first = next(rows, [])
    header = [h.strip() for h in first]
    lacking = [c for c in REQUIRED if c not in header]
    if lacking:
        raise ListError(
            f"header lacks column(s) {', '.join(lacking)}",
            path=str(path),
            row=2 if as_of else 1,
            hint=f"expected {EXPECTED}; OFSI may have changed the format",
        )
    return as_of, header


def _groups(rows: Iterator[list[str]], header: list[str], path: Path) -> dict[str, _Group]:
    groups: dict[str, _Group] = {}
    for number, raw in enumerate(rows, start=3):
        if not any(cell.strip() for cell in raw):
            continue
        row = {h: (raw[i].strip() if i < len(raw) else "") for i, h in enumerate(header)}
        gid = row["Group ID"]
        if not gid:
            raise ListError("row has no Group ID", path=str(path), row=number, hint=EXPECTED)
        group = groups.get(gid)
        if group is None:
            kind = EntityKind.parse(row["Group Type"]) or EntityKind.ORGANIZATION
            group = groups[gid] = _Group(kind)
        group.rows.append(row)
        name = _row_name(row, group.kind)
        if name is None:
            continue
        quality = row.get("Alias Quality", "").lower()
        strength = NameStrength.WEAK if quality.startswith("low") else NameStrength.STRONG
        alias_type = _ALIAS_TYPES.get(row["Alias Type"].lower(), NameType.AKA)
        entry_name = EntryName(name, alias_type, strength)
        if alias_type is NameType.PRIMARY and group.primary is None:
            group.primary = entry_name
        elif alias_type is NameType.PRIMARY:
            group.names.append(EntryName(name, NameType.AKA, strength))
        else:
            group.names.append(entry_name)
        script_name = row.get("Name Non-Latin Script", "")
        if script_name:
            given = row.get("Non-Latin Script Type", "")
            script = _SCRIPT_FIXES.get(given, given) or script_of(script_name)
            group.names.append(EntryName(script_name, NameType.AKA, strength, script))
    return groups


def _row_name(row: dict[str, str], kind: EntityKind) -> str | None:
    given = " ".join(row[f"Name {i}"] for i in range(1, 6) if row.get(f"Name {i}"))
    surname = row["Name 6"]
    if kind is EntityKind.PERSON and surname and given:
        return f"{surname}, {given}"
    return " ".join(p for p in (given, surname) if p) or None


def _entry(gid: str, group: _Group, path: Path) -> Entry:
    rows = group.rows
    names = ([group.primary] if group.primary else []) + group.names
    if not names:
        raise ListError(f"Group ID {gid} has no name in any row", path=str(path), hint=EXPECTED)
    if names and names[0].type is not NameType.PRIMARY:
        names[0] = EntryName(names[0].name, NameType.PRIMARY, names[0].strength, names[0].script)
    # A group's rows usually repeat one long Other Information text: parse each text once.
    parsed = {
        t: dict(_LABELLED_RE.findall(t)) for t in {r.get("Other Information", "") for r in rows}
    }
    facts = [parsed[r.get("Other Information", "")] for r in rows]
    addresses = unique(_address(r) for r in rows)
    gender = next((f["Gender"] for f in facts if "Gender" in f), None)
    return Entry(
        id=gid,
        kind=group.kind,
        names=unique_names(names),
        programs=unique(r["Regime"] for r in rows if r["Regime"]),
        birth_dates=unique(d for d in (iso_from_dmy(r.get("DOB")) for r in rows) if d),
        birth_places=unique(
            p for p in (_join(r.get("Town of Birth"), r.get("Country of Birth")) for r in rows) if p
        ),
        nationalities=unique(n for r in rows for n in _split(r.get("Nationality"))),
        countries=unique(
            [a.country for a in addresses if a.country]
            + [f["Flag of ship"] for f in facts if "Flag of ship" in f]
        ),
        addresses=tuple(a for a in addresses if a.one_line()),
        identifiers=unique(i for r, f in zip(rows, facts) for i in _identifiers(r, f)),
        gender=gender,
        listed_on=iso_from_dmy(rows[0].get("Listed On")),
        remarks=rows[0].get("Other Information") or None,
        linked_to=unique(f["Parent company"] for f in facts if "Parent company" in f),
    )


def _split(text: str | None) -> list[str]:
    # OFSI numbers multiple values: "(1) Russia (2) Ukraine".
    parts = re.split(r"\(\d+\)", text or "")
    return [p.strip(" ,;") for p in parts if p.strip(" ,;")]


def _join(*parts: str | None) -> str | None:
    return ", ".join(p for p in parts if p) or None


def _address(row: dict[str, str]) -> Address:
    street = _join(*(row.get(f"Address {i}") for i in range(1, 7)))
    return Address(
        street=street,
        postal_code=row.get("Post/Zip Code") or None,
        country=row.get("Country") or None,
    )


def _identifiers(row: dict[str, str], facts: dict[str, str]) -> list[Identifier]:
    found: list[Identifier] = []
    details = row.get("National Identification Details") or row.get("NI Details")
    for label, number, note in (
        ("Passport", row.get("Passport Number"), row.get("Passport Details")),
        ("National ID", row.get("National Identification Number"), details),
    ):
        if number:
            found.append(Identifier(label, number, note=note or None))
    for label, kind in (("IMO number", "IMO"), ("Business Reg No", "Registration Number")):
        if facts.get(label):
            found.append(Identifier(kind, facts[label].rstrip(". ")))
    return found
