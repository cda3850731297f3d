"""UN Security Council Consolidated List XML (root ``<CONSOLIDATED_LIST>``).

``<INDIVIDUAL>`` and ``<ENTITY>`` records. A person's name is written in
parts (``FIRST_NAME`` .. ``FOURTH_NAME``) in the order the UN uses; the
original-script name, when given, is kept as an alias with its script.
Individual aliases carry a quality: ``Low`` ones are weak aliases.
"""

from __future__ import annotations

from pathlib import Path
from xml.etree.ElementTree import Element

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
from .base import list_meta
from .fields import iso_any, script_of, unique, unique_names
from .xml_safe import iter_records, missing, root_element, text, texts

ROOT = "CONSOLIDATED_LIST"
EXPECTED = "UN consolidated list XML: <CONSOLIDATED_LIST> holding <INDIVIDUAL> and <ENTITY> records"
SOURCE_URL = "https://scsanctions.un.org/resources/xml/en/consolidated.xml"
_NAME_PARTS = ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")
_ALIAS_TYPES = {"a.k.a.": NameType.AKA, "f.k.a.": NameType.FKA, "n.k.a.": NameType.NKA}


class UnXmlReader:
    format_name = "un-xml"
    description = "UN Security Council consolidated list XML (root <CONSOLIDATED_LIST>)"

    def can_read(self, path: Path, head: bytes) -> bool:
        root = root_element(head)
        return root is not None and root[0] == ROOT

    def read(self, path: Path) -> SanctionsList:
        as_of: str | None = None
        entries: list[Entry] = []
        records = frozenset({"INDIVIDUAL", "ENTITY"})
        for elem in iter_records(path, root=ROOT, records=records, expected=EXPECTED):
            if elem.tag == ROOT:
                as_of = iso_any(elem.get("dateGenerated"))
            else:
                entries.append(_entry(elem, path, len(entries) + 1))
        if not entries:
            raise ListError(
                "no <INDIVIDUAL> or <ENTITY> records", path=str(path), hint=f"expected {EXPECTED}"
            )
        return SanctionsList(
            meta=list_meta(
                self.format_name,
                path,
                name="UN Security Council Consolidated List",
                publisher="United Nations Security Council",
                as_of=as_of,
                source_url=SOURCE_URL,
            ),
            entries=tuple(entries),
        )


def _entry(elem: Element, path: Path, number: int) -> Entry:
    person = elem.tag == "INDIVIDUAL"
    entry_id = text(elem, "REFERENCE_NUMBER") or text(elem, "DATAID")
    primary = " ".join(p for p in (text(elem, part) for part in _NAME_PARTS) if p)
    if entry_id is None:
        raise missing(path, "<REFERENCE_NUMBER> or <DATAID>", EXPECTED, number)
    if not primary:
        raise missing(path, "<FIRST_NAME>", EXPECTED, number)
    names = [EntryName(primary), *_aliases(elem, "INDIVIDUAL_ALIAS" if person else "ENTITY_ALIAS")]
    original = text(elem, "NAME_ORIGINAL_SCRIPT")
    if original is not None:
        names.append(EntryName(original, NameType.AKA, script=script_of(original)))
    prefix = "INDIVIDUAL" if person else "ENTITY"
    addresses = [_address(a) for a in elem.iterfind(f"{prefix}_ADDRESS")]
    return Entry(
        id=entry_id,
        kind=EntityKind.PERSON if person else EntityKind.ORGANIZATION,
        names=unique_names(names),
        programs=unique(texts(elem, "UN_LIST_TYPE")),
        birth_dates=unique(
            d for d in map(_birth_date, elem.iterfind(f"{prefix}_DATE_OF_BIRTH")) if d
        ),
        birth_places=unique(p for p in map(_place, elem.iterfind(f"{prefix}_PLACE_OF_BIRTH")) if p),
        nationalities=unique(texts(elem, "NATIONALITY/VALUE")),
        countries=unique(a.country for a in addresses if a.country),
        addresses=tuple(a for a in addresses if a.one_line()),
        identifiers=tuple(_documents(elem, f"{prefix}_DOCUMENT")),
        gender=text(elem, "GENDER"),
        listed_on=iso_any(text(elem, "LISTED_ON")),
        listing_source=text(elem, "REFERENCE_NUMBER"),
        remarks=text(elem, "COMMENTS1"),
    )


def _aliases(elem: Element, tag: str) -> list[EntryName]:
    aliases: list[EntryName] = []
    for alias in elem.iterfind(tag):
        name = text(alias, "ALIAS_NAME")
        if name is None:
            continue
        quality = (text(alias, "QUALITY") or "").lower()
        weak = NameStrength.WEAK if quality == "low" else NameStrength.STRONG
        aliases.append(
            EntryName(name, _ALIAS_TYPES.get(quality, NameType.AKA), weak, script_of(name))
        )
    return aliases


def _birth_date(elem: Element) -> str | None:
    start, end = text(elem, "FROM_YEAR"), text(elem, "TO_YEAR")
    if start and end:
        return f"{start} to {end}"
    return iso_any(text(elem, "DATE") or text(elem, "YEAR"))


def _place(elem: Element) -> str | None:
    parts = (text(elem, tag) for tag in ("CITY", "STATE_PROVINCE", "COUNTRY"))
    return ", ".join(p for p in parts if p) or None


def _address(elem: Element) -> Address:
    return Address(
        street=text(elem, "STREET"),
        city=text(elem, "CITY"),
        region=text(elem, "STATE_PROVINCE"),
        postal_code=text(elem, "ZIP_CODE"),
        country=text(elem, "COUNTRY"),
    )


def _documents(elem: Element, tag: str) -> list[Identifier]:
    documents: list[Identifier] = []
    for doc in elem.iterfind(tag):
        number = text(doc, "NUMBER")
        if number is None:
            continue
        kind = text(doc, "TYPE_OF_DOCUMENT") or "ID"
        detail = text(doc, "TYPE_OF_DOCUMENT2")
        country = text(doc, "ISSUING_COUNTRY") or text(doc, "COUNTRY_OF_ISSUE")
        notes = [n for n in (detail, text(doc, "NOTE")) if n]
        documents.append(Identifier(kind, number, country, "; ".join(notes) or None))
    return documents
