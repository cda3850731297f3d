"""OFAC's legacy CSV files: ``sdn.csv`` (or ``cons_prim.csv``) with its companions.

Layout (OFAC ``dat_spec.txt``): no header row, ``-0-`` for null, Latin-1,
CRLF, a trailing 0x1A byte. Main file columns: ent_num, name, type,
programs, title, call sign, vessel type, tonnage, GRT, vessel flag, vessel
owner, remarks. Companions beside it: ``alt.csv`` (strong aliases),
``add.csv`` (addresses), ``sdn_comments.csv`` (remarks that did not fit).
Companion rows whose entry is missing are skipped: OFAC publishes the files
separately, and a mirror may hold them from different days.
"""

from __future__ import annotations

import csv
import io
import re
from collections import defaultdict
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
from .base import list_meta, read_head, read_text
from .ofac_remarks import parse_remarks

NULL = "-0-"
MAIN_COLUMNS = 12
# A main-file row starts with a numeric ent_num and a quoted name.
_MAIN_ROW_RE = re.compile(rb'^\s*\d+,"[^"]*"?,(?:"[a-z]+"|-0- ?),"')
# alt.csv / add.csv rows start with two numbers: ent_num, alt_num or add_num.
_COMPANION_ROW_RE = re.compile(rb"^\s*\d+,\d+,")
_KINDS = {
    "individual": EntityKind.PERSON,
    "vessel": EntityKind.VESSEL,
    "aircraft": EntityKind.AIRCRAFT,
}
# Main file stem -> stems of its companions, for both OFAC lists.
_COMPANIONS = {
    "sdn": {"alt": "alt", "add": "add", "comments": "sdn_comments"},
    "cons_prim": {"alt": "cons_alt", "add": "cons_add", "comments": "cons_comments"},
}
_LISTS = {
    "sdn": (
        "OFAC Specially Designated Nationals (SDN) List",
        "https://www.treasury.gov/ofac/downloads/sdn.csv",
    ),
    "cons_prim": (
        "OFAC Consolidated (non-SDN) Sanctions List",
        "https://www.treasury.gov/ofac/downloads/consolidated/cons_prim.csv",
    ),
}


@dataclass
class _RawEntry:
    """A main-file row while its companions' rows are gathered."""

    row: list[str]
    remarks: str | None
    names: list[EntryName] = field(default_factory=list)
    addresses: list[Address] = field(default_factory=list)


class OfacCsvReader:
    format_name = "ofac-csv"
    description = "OFAC legacy CSV: sdn.csv or cons_prim.csv with alt/add/comments beside it"

    def can_read(self, path: Path, head: bytes) -> bool:
        if path.is_dir():
            return _main_file(path) is not None
        # Companion files are claimed too, so that pointing at one gets a useful error.
        return _looks_like_main(head) or _looks_like_companion(head)

    def read(self, path: Path) -> SanctionsList:
        if path.is_file() and _looks_like_companion(read_head(path)):
            raise ListError(
                "this is an OFAC companion file (aliases or addresses), not a list by itself",
                path=str(path),
                hint="point --list at sdn.csv (or cons_prim.csv), or at the directory holding them",
            )
        main = _main_file(path) if path.is_dir() else path
        if main is None:
            raise ListError("no sdn.csv or cons_prim.csv in this directory", path=str(path))
        kind_key = "cons_prim" if "cons" in main.name.lower() else "sdn"
        companions = _companion_paths(main, kind_key)
        entries = _read_main(main)
        for ent_num, names in _read_aliases(companions.get("alt")).items():
            if ent_num in entries:
                entries[ent_num].names.extend(names)
        for ent_num, addresses in _read_addresses(companions.get("add")).items():
            if ent_num in entries:
                entries[ent_num].addresses.extend(addresses)
        for ent_num, more in _read_comments(companions.get("comments")).items():
            if ent_num in entries:
                entries[ent_num].remarks = (entries[ent_num].remarks or "") + more
        name, url = _LISTS[kind_key]
        files = [main, *companions.values()]
        return SanctionsList(
            meta=list_meta(
                self.format_name,
                path,
                name=name,
                publisher="U.S. Department of the Treasury, OFAC",
                as_of=None,
                source_url=url,
                files=files,
            ),
            entries=tuple(_build_entry(raw) for raw in entries.values()),
        )


def _looks_like_main(head: bytes) -> bool:
    first = head.lstrip(b"\xef\xbb\xbf").split(b"\n", 1)[0]
    return bool(_MAIN_ROW_RE.match(first))


def _looks_like_companion(head: bytes) -> bool:
    first = head.lstrip(b"\xef\xbb\xbf").split(b"\n", 1)[0]
    return bool(_COMPANION_ROW_RE.match(first))


def _main_file(directory: Path) -> Path | None:
    for stem in ("sdn", "cons_prim"):
        for candidate in (directory / f"{stem}.csv", directory / f"{stem.upper()}.CSV"):
            if candidate.is_file() and _looks_like_main(read_head(candidate)):
                return candidate
    return None


def _companion_paths(main: Path, kind_key: str) -> dict[str, Path]:
    """Companions beside the main file; ``dprk_sdn.csv`` pairs with ``dprk_alt.csv``."""
    found: dict[str, Path] = {}
    lower = main.name.lower()
    for role, stem in _COMPANIONS[kind_key].items():
        main_stem = kind_key
        if main_stem not in lower:
            continue
        candidate = main.with_name(lower.replace(main_stem, stem, 1))
        if candidate != main and candidate.is_file():
            found[role] = candidate
    return found


def _rows(path: Path) -> list[list[str]]:
    text = read_text(path)
    try:
        return [row for row in csv.reader(io.StringIO(text)) if row and any(f.strip() for f in row)]
    except csv.Error as exc:
        raise ListError(
            f"malformed CSV ({exc})", path=str(path), hint="download the file again from OFAC"
        ) from exc


def _val(field: str) -> str | None:
    field = field.strip()
    return None if field in (NULL, "") else field


def _read_main(path: Path) -> dict[str, _RawEntry]:
    entries: dict[str, _RawEntry] = {}
    for number, row in enumerate(_rows(path), start=1):
        if len(row) != MAIN_COLUMNS or not row[0].strip().isdigit():
            raise ListError(
                f"expected {MAIN_COLUMNS} columns starting with a numeric ent_num, got {len(row)}",
                path=str(path),
                row=number,
                hint="OFAC may have changed the format; download the file again or report this",
            )
        ent_num = row[0].strip()
        if not row[1].strip():
            raise ListError("entry without a name", path=str(path), row=number)
        entries[ent_num] = _RawEntry(row=row, remarks=_val(row[11]))
    return entries


def _read_aliases(path: Path | None) -> dict[str, list[EntryName]]:
    result: dict[str, list[EntryName]] = defaultdict(list)
    if path is None:
        return result
    for number, row in enumerate(_rows(path), start=1):
        if len(row) < 4:
            raise ListError("expected at least 4 alias columns", path=str(path), row=number)
        name = _val(row[3])
        if name is None:
            continue
        alias_type = (_val(row[2]) or "aka").lower().replace(".", "")
        try:
            kind = NameType(alias_type)
        except ValueError:
            kind = NameType.AKA
        result[row[0].strip()].append(EntryName(name, kind, NameStrength.STRONG))
    return result


def _read_addresses(path: Path | None) -> dict[str, list[Address]]:
    result: dict[str, list[Address]] = defaultdict(list)
    if path is None:
        return result
    for number, row in enumerate(_rows(path), start=1):
        if len(row) < 5:
            raise ListError("expected at least 5 address columns", path=str(path), row=number)
        address = Address(street=_val(row[2]), city=_val(row[3]), country=_val(row[4]))
        if address.one_line():
            result[row[0].strip()].append(address)
    return result


def _read_comments(path: Path | None) -> dict[str, str]:
    result: dict[str, str] = {}
    if path is None:
        return result
    for row in _rows(path):
        if len(row) >= 2 and row[0].strip().isdigit():
            result[row[0].strip()] = result.get(row[0].strip(), "") + row[1]
    return result


def _build_entry(raw: _RawEntry) -> Entry:
    row, remarks = raw.row, raw.remarks
    facts = parse_remarks(remarks or "")
    kind = _KINDS.get((_val(row[2]) or "").lower(), EntityKind.ORGANIZATION)
    identifiers = list(facts.identifiers)
    call_sign = _val(row[5])
    if call_sign:
        identifiers.append(Identifier("Call Sign", call_sign))
    countries = list(facts.countries)
    flag = _val(row[9])
    if flag:
        countries.append(flag)
    names = [EntryName(row[1].strip(), NameType.PRIMARY, NameStrength.STRONG)]
    names.extend(raw.names)
    names.extend(facts.weak_aliases)
    countries.extend(a.country for a in raw.addresses if a.country)
    programs = tuple(p.strip() for p in (_val(row[3]) or "").strip("[]").split("] [") if p.strip())
    title = _val(row[4])
    remark_parts = [f"Title: {title}"] if title else []
    if remarks:
        remark_parts.append(remarks)
    return Entry(
        id=row[0].strip(),
        kind=kind,
        names=tuple(names),
        programs=programs,
        birth_dates=tuple(facts.birth_dates),
        birth_places=tuple(facts.birth_places),
        nationalities=tuple(facts.nationalities),
        countries=tuple(dict.fromkeys(countries)),
        addresses=tuple(raw.addresses),
        identifiers=tuple(identifiers),
        gender=facts.gender,
        remarks="; ".join(remark_parts) or None,
        linked_to=tuple(facts.linked_to),
    )
