"""BIS Denied Persons List, tab-separated ``dpl.txt``.

Header ``Name Street_Address City State Country Postal_Code Effective_Date
Expiration_Date Standard_Order Last_Update Action FR_Citation``, values in
double quotes. A party with several addresses has one row per address; rows
with the same name and effective date are one entry. The file has no ids,
so an entry's id is a short digest of its name and effective date (stable
across editions), and no kind, so companies are told from people by their
legal-form words. The list's date is the latest ``Last_Update`` that is not
in the future (the published file holds at least one mistyped year 3033).
"""

from __future__ import annotations

import datetime
import hashlib
from pathlib import Path

from ..errors import ListError
from ..models import Address, Entry, EntryName, SanctionsList
from .base import csv_records, list_meta
from .fields import guess_kind, iso_any, iso_from_mdy, unique

EXPECTED = 'BIS dpl.txt: tab-separated, header "Name", "Street_Address", ... "FR_Citation"'
SOURCE_URL = "https://www.bis.doc.gov/dpl/dpl.txt"
REQUIRED = ("Name", "Street_Address", "City", "Country", "Effective_Date", "FR_Citation")


class BisDplReader:
    format_name = "bis-dpl-txt"
    description = "BIS Denied Persons List, tab-separated dpl.txt"

    def can_read(self, path: Path, head: bytes) -> bool:
        first = head.lstrip(b"\xef\xbb\xbf").split(b"\n", 1)[0]
        return first.replace(b'"', b"").startswith(b"Name\tStreet_Address\t")

    def read(self, path: Path) -> SanctionsList:
        groups: dict[tuple[str, str], list[dict[str, str]]] = {}
        hint = f"expected {EXPECTED}; BIS may have changed the format"
        for number, row in csv_records(path, REQUIRED, hint, delimiter="\t"):
            if not row.get("Name"):
                raise ListError("row without a Name", path=str(path), row=number, hint=EXPECTED)
            groups.setdefault((row["Name"], row.get("Effective_Date", "")), []).append(row)
        if not groups:
            raise ListError("no rows after the header", path=str(path), hint=EXPECTED)
        return SanctionsList(
            meta=list_meta(
                self.format_name,
                path,
                name="US BIS Denied Persons List",
                publisher="U.S. Department of Commerce, Bureau of Industry and Security",
                as_of=_as_of([row for rows in groups.values() for row in rows]),
                source_url=SOURCE_URL,
            ),
            entries=tuple(
                _entry(name, effective, rows) for (name, effective), rows in groups.items()
            ),
        )


def _as_of(rows: list[dict[str, str]]) -> str | None:
    today = datetime.date.today().isoformat()
    dates = [iso_any(r.get("Last_Update")) for r in rows]
    plausible = [d for d in dates if d is not None and d <= today]
    return max(plausible, default=None)


def _entry(name: str, effective: str, rows: list[dict[str, str]]) -> Entry:
    digest = hashlib.sha256(f"{name}|{effective}".encode()).hexdigest()[:12]
    addresses = [
        Address(
            street=r.get("Street_Address") or None,
            city=r.get("City") or None,
            region=r.get("State") or None,
            postal_code=r.get("Postal_Code") or None,
            country=r.get("Country") or None,
        )
        for r in rows
    ]
    first = rows[0]
    return Entry(
        id=f"DPL-{digest}",
        kind=guess_kind(name),
        names=(EntryName(name),),
        countries=unique(a.country for a in addresses if a.country),
        addresses=unique(a for a in addresses if a.one_line()),
        listed_on=iso_from_mdy(effective),
        listing_source=first.get("FR_Citation") or None,
        remarks="; ".join(
            p
            for p in (
                first.get("Action"),
                f"expires {first['Expiration_Date']}" if first.get("Expiration_Date") else None,
                "standard order" if first.get("Standard_Order") == "Y" else None,
            )
            if p
        )
        or None,
    )
