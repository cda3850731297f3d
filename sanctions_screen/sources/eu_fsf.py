"""EU Financial Sanctions Files (FSF) XML, current and legacy.

* Current (``xmlFullSanctionsList_1_1``): root ``<export>`` in namespace
  ``http://eu.europa.ec/fpi/fsd/export``, one ``<sanctionEntity>`` per
  target, facts in attributes. The first ``<nameAlias>`` is taken as the
  primary name; ``strong="false"`` marks a weak alias.
* Legacy FSF 1.0 (until about 2016): root ``<WHOLE Date="DD/MM/YYYY">``,
  one ``<ENTITY>`` per target with ``<NAME>``, ``<BIRTH>``, ``<CITIZEN>``,
  ``<PASSPORT>`` and ``<ADDRESS>`` children, facts in child elements.
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
from .fields import iso_any, iso_from_dmy, script_of, unique, unique_names
from .xml_safe import iter_records, missing, root_element, text

NAMESPACE = "http://eu.europa.ec/fpi/fsd/export"
EXPECTED = "EU FSF XML: <export> (namespace fpi/fsd/export) holding <sanctionEntity> records"
EXPECTED_LEGACY = "EU FSF 1.0 XML: <WHOLE> holding <ENTITY> records"
SOURCE_URL = "https://webgate.ec.europa.eu/fsd/fsf/public/files/xmlFullSanctionsList_1_1/content"
LIST_NAME = "EU Consolidated Financial Sanctions List"
PUBLISHER = "European Commission, DG FISMA"
_KINDS = {"person": EntityKind.PERSON, "P": EntityKind.PERSON}


class EuFsfXmlReader:
    format_name = "eu-fsf-xml"
    description = "EU Financial Sanctions Files XML, current format (root <export>)"

    def can_read(self, path: Path, head: bytes) -> bool:
        root = root_element(head)
        return root is not None and root[0] == "export" and root[1] == NAMESPACE

    def read(self, path: Path) -> SanctionsList:
        as_of: str | None = None
        entries: list[Entry] = []
        records = frozenset({"sanctionEntity"})
        for elem in iter_records(path, root="export", records=records, expected=EXPECTED):
            if elem.tag == "export":
                as_of = iso_any(elem.get("generationDate"))
            else:
                entries.append(_entry(elem, path, len(entries) + 1))
        return _result(entries, path, as_of, self.format_name, LIST_NAME, EXPECTED)


class EuFsfLegacyXmlReader:
    format_name = "eu-fsf-legacy-xml"
    description = "EU Financial Sanctions Files XML, legacy 1.0 format (root <WHOLE>)"

    def can_read(self, path: Path, head: bytes) -> bool:
        root = root_element(head)
        return root is not None and root[0] == "WHOLE"

    def read(self, path: Path) -> SanctionsList:
        as_of: str | None = None
        entries: list[Entry] = []
        records = frozenset({"ENTITY"})
        for elem in iter_records(path, root="WHOLE", records=records, expected=EXPECTED_LEGACY):
            if elem.tag == "WHOLE":
                as_of = iso_from_dmy(elem.get("Date"))
            else:
                entries.append(_legacy_entry(elem, path, len(entries) + 1))
        name = f"{LIST_NAME} (legacy FSF 1.0 file)"
        return _result(entries, path, as_of, self.format_name, name, EXPECTED_LEGACY)


def _result(
    entries: list[Entry], path: Path, as_of: str | None, fmt: str, name: str, expected: str
) -> SanctionsList:
    if not entries:
        raise ListError("no sanction entity records", path=str(path), hint=f"expected {expected}")
    return SanctionsList(
        meta=list_meta(
            fmt,
            path,
            name=name,
            publisher=PUBLISHER,
            as_of=as_of,
            source_url=SOURCE_URL,
        ),
        entries=tuple(entries),
    )


def _attr(elem: Element, name: str) -> str | None:
    value = (elem.get(name) or "").strip()
    return value or None


def _entry(elem: Element, path: Path, number: int) -> Entry:
    entry_id = _attr(elem, "euReferenceNumber") or _attr(elem, "logicalId")
    if entry_id is None:
        raise missing(path, "euReferenceNumber or logicalId", EXPECTED, number)
    names: list[EntryName] = []
    genders: list[str] = []
    for alias in elem.iterfind("nameAlias"):
        whole = _attr(alias, "wholeName")
        if whole is None:
            continue
        strength = NameStrength.STRONG if alias.get("strong") != "false" else NameStrength.WEAK
        name_type = NameType.AKA if names else NameType.PRIMARY
        names.append(EntryName(whole, name_type, strength, script_of(whole)))
        genders.extend(g for g in [_attr(alias, "gender")] if g)
    if not names:
        raise missing(path, "<nameAlias wholeName=...>", EXPECTED, number)
    subject = elem.find("subjectType")
    kind = _KINDS.get(subject.get("code", "") if subject is not None else "")
    addresses = [_address(a) for a in elem.iterfind("address")]
    births = list(elem.iterfind("birthdate"))
    return Entry(
        id=entry_id,
        kind=kind or EntityKind.ORGANIZATION,
        names=unique_names(names),
        programs=unique(
            p for p in (_attr(r, "programme") for r in elem.iterfind("regulation")) if p
        ),
        birth_dates=unique(
            d for d in (iso_any(_attr(b, "birthdate") or _attr(b, "year")) for b in births) if d
        ),
        birth_places=unique(
            p
            for p in (_join(_attr(b, "city"), _attr(b, "place"), _country(b)) for b in births)
            if p
        ),
        nationalities=unique(c for c in map(_country, elem.iterfind("citizenship")) if c),
        countries=unique(a.country for a in addresses if a.country),
        addresses=tuple(a for a in addresses if a.one_line()),
        identifiers=tuple(
            Identifier(
                _attr(i, "identificationTypeDescription") or "ID",
                _attr(i, "number") or "",
                _country(i),
            )
            for i in elem.iterfind("identification")
            if _attr(i, "number")
        ),
        gender=genders[0] if genders else None,
        listed_on=iso_any(_attr(elem, "designationDate")),
        listing_source=_attr(elem, "unitedNationId"),
        remarks=text(elem, "remark"),
    )


def _country(elem: Element) -> str | None:
    description = _attr(elem, "countryDescription")
    return None if description in (None, "UNKNOWN") else description


def _join(*parts: str | None) -> str | None:
    return ", ".join(p for p in parts if p) or None


def _address(elem: Element) -> Address:
    return Address(
        street=_join(_attr(elem, "street"), _attr(elem, "poBox"), _attr(elem, "place")),
        city=_attr(elem, "city"),
        region=_attr(elem, "region"),
        postal_code=_attr(elem, "zipCode"),
        country=_country(elem),
    )


def _legacy_entry(elem: Element, path: Path, number: int) -> Entry:
    entry_id = _attr(elem, "Id")
    if entry_id is None:
        raise missing(path, "Id attribute on <ENTITY>", EXPECTED_LEGACY, number)
    names = [
        EntryName(n, NameType.AKA, script=script_of(n))
        for n in (text(name, "WHOLENAME") for name in elem.iterfind("NAME"))
        if n
    ]
    if not names:
        raise missing(path, "<NAME><WHOLENAME>", EXPECTED_LEGACY, number)
    names[0] = EntryName(names[0].name, NameType.PRIMARY, script=names[0].script)
    genders = [g for g in (text(n, "GENDER") for n in elem.iterfind("NAME")) if g]
    births = list(elem.iterfind("BIRTH"))
    addresses = [
        Address(
            street=text(a, "STREET"),
            city=text(a, "CITY"),
            postal_code=text(a, "ZIPCODE"),
            country=text(a, "COUNTRY"),
        )
        for a in elem.iterfind("ADDRESS")
    ]
    return Entry(
        id=entry_id,
        kind=_KINDS.get(elem.get("Type", ""), EntityKind.ORGANIZATION),
        names=unique_names(names),
        programs=unique(p for p in [_attr(elem, "programme")] if p),
        birth_dates=unique(d for d in (iso_any(text(b, "DATE")) for b in births) if d),
        birth_places=unique(
            p for p in (_join(text(b, "PLACE"), text(b, "COUNTRY")) for b in births) if p
        ),
        nationalities=unique(
            c for c in (text(c, "COUNTRY") for c in elem.iterfind("CITIZEN")) if c
        ),
        countries=unique(a.country for a in addresses if a.country),
        addresses=tuple(a for a in addresses if a.one_line()),
        identifiers=tuple(
            Identifier("Passport or ID", n, text(p, "COUNTRY"))
            for p in elem.iterfind("PASSPORT")
            for n in [text(p, "NUMBER")]
            if n
        ),
        gender=genders[0] if genders else None,
        listed_on=iso_any(_attr(elem, "reg_date")),
        remarks=_attr(elem, "remark"),
    )
