"""OFAC Enhanced XML: ``SDN_ENHANCED.XML`` and ``CONS_ENHANCED.XML`` (root ``<sanctionsData>``).

One ``<entity>`` per listed party. Names come as translations per script
(Latin, Cyrillic, Chinese ...), each kept as its own name with its script;
``isLowQuality`` marks OFAC's weak aliases. Dates of birth, places of birth,
nationality, gender, websites and similar facts are ``<feature>`` elements;
documents are ``<identityDocument>``; "Linked To" is ``<relationship>``.
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
from .fields import iso_any, unique, unique_names
from .xml_safe import iter_records, missing, root_element, text, texts

ROOT = "sanctionsData"
EXPECTED = "OFAC Enhanced XML: <sanctionsData> holding <publicationInfo> and <entity> records"
SOURCE_URL = "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/"
_ALIAS_TYPES = {"A.K.A.": NameType.AKA, "F.K.A.": NameType.FKA, "N.K.A.": NameType.NKA}
# Feature types whose value identifies the party (the rest, e.g. directive
# dates, stay out of matching).
_IDENTIFIER_FEATURES = frozenset(
    {
        "Website",
        "Email Address",
        "Phone Number",
        "SWIFT/BIC",
        "ISIN",
        "BIK (RU)",
        "Equity Ticker",
        "MMSI",
        "Vessel Call Sign",
        "Aircraft Tail Number",
        "Aircraft Manufacturer's Serial Number (MSN)",
    }
)
_ADDRESS_PARTS = {
    "ADDRESS1": "street",
    "ADDRESS2": "street",
    "ADDRESS3": "street",
    "CITY": "city",
    "STATE/PROVINCE": "region",
    "REGION": "region",
    "POSTAL CODE": "postal_code",
}


class OfacEnhancedXmlReader:
    format_name = "ofac-enhanced-xml"
    description = "OFAC Enhanced XML: SDN_ENHANCED.XML or CONS_ENHANCED.XML (root <sanctionsData>)"

    def can_read(self, path: Path, head: bytes) -> bool:
        root = root_element(head)
        return root is not None and root[0] == ROOT and "ofac" in root[1].lower()

    def read(self, path: Path) -> SanctionsList:
        as_of: str | None = None
        list_names: list[str] = []
        entries: list[Entry] = []
        records = frozenset({"publicationInfo", "entity"})
        for elem in iter_records(path, root=ROOT, records=records, expected=EXPECTED):
            if elem.tag == "publicationInfo":
                as_of = iso_any(text(elem, "dataAsOf"))
                list_names = texts(elem, "filters/sanctionsLists/sanctionsList")
            elif elem.tag == "entity":
                entries.append(_entry(elem, path, len(entries) + 1))
        if not entries:
            raise ListError("no <entity> records", path=str(path), hint=f"expected {EXPECTED}")
        return SanctionsList(
            meta=list_meta(
                self.format_name,
                path,
                name=_list_name(list_names),
                publisher="U.S. Department of the Treasury, OFAC",
                as_of=as_of,
                source_url=SOURCE_URL,
            ),
            entries=tuple(entries),
        )


def _list_name(filters: list[str]) -> str:
    if filters == ["Consolidated List"]:
        return "OFAC Consolidated (non-SDN) Sanctions List, Enhanced XML"
    if filters == ["SDN List"]:
        return "OFAC Specially Designated Nationals (SDN) List, Enhanced XML"
    return f"OFAC {' + '.join(filters) or 'sanctions list'}, Enhanced XML"


def _entry(elem: Element, path: Path, number: int) -> Entry:
    entity_id = elem.get("id")
    if not entity_id:
        raise missing(path, "id attribute on <entity>", EXPECTED, number)
    names = _names(elem)
    if not names:
        raise missing(path, "<formattedFullName>", EXPECTED, number)
    features = _features(elem)
    addresses = [_address(a) for a in elem.iterfind("addresses/address")]
    gender = features.get("Gender", [])
    dates = [elem_date.get("datePublished") for elem_date in elem.iterfind("sanctionsLists/*")]
    return Entry(
        id=entity_id,
        kind=EntityKind.parse(text(elem.find("generalInfo"), "entityType"))
        or EntityKind.ORGANIZATION,
        names=unique_names(names),
        programs=unique(texts(elem, "sanctionsPrograms/sanctionsProgram")),
        birth_dates=unique(d for d in map(iso_any, features.get("Birthdate", [])) if d),
        birth_places=unique(features.get("Place of Birth", [])),
        nationalities=unique(
            features.get("Nationality Country", []) + features.get("Citizenship Country", [])
        ),
        countries=unique(
            [a.country for a in addresses if a.country]
            + features.get("Nationality of Registration", [])
            + features.get("Vessel Flag", [])
        ),
        addresses=tuple(a for a in addresses if a.one_line()),
        identifiers=tuple(_documents(elem)) + tuple(_feature_identifiers(features)),
        gender=gender[0] if gender else None,
        listed_on=min((d for d in dates if d), default=None),
        listing_source="; ".join(texts(elem, "sanctionsLists/sanctionsList")) or None,
        remarks=text(elem, "remarks"),
        linked_to=unique(texts(elem, "relationships/relationship/relatedEntity")),
    )


def _names(elem: Element) -> list[EntryName]:
    names: list[EntryName] = []
    # The primary name first, whatever order the file gives.
    ordered = sorted(elem.iterfind("names/name"), key=lambda n: text(n, "isPrimary") != "true")
    for name in ordered:
        primary = text(name, "isPrimary") == "true"
        alias_type = _ALIAS_TYPES.get(text(name, "aliasType") or "", NameType.AKA)
        weak = text(name, "isLowQuality") == "true"
        for translation in name.iterfind("translations/translation"):
            full = text(translation, "formattedFullName")
            if full is None:
                continue
            script = text(translation, "script")
            latin = script in (None, "Latin")
            # One primary name: the primary's first Latin translation; other scripts are akas.
            is_primary = primary and latin and not names
            kind = NameType.PRIMARY if is_primary else (NameType.AKA if primary else alias_type)
            strength = NameStrength.WEAK if weak else NameStrength.STRONG
            names.append(EntryName(full, kind, strength, None if latin else script))
    return names


def _features(elem: Element) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for feature in elem.iterfind("features/feature"):
        kind, value = text(feature, "type"), text(feature, "value")
        if kind is not None and value is not None:
            found.setdefault(kind.rstrip(":- "), []).append(value)
    return found


def _feature_identifiers(features: dict[str, list[str]]) -> list[Identifier]:
    return [
        Identifier(kind, value)
        for kind, values in features.items()
        if kind in _IDENTIFIER_FEATURES or kind.startswith("Digital Currency Address")
        for value in values
    ]


def _documents(elem: Element) -> list[Identifier]:
    documents: list[Identifier] = []
    for doc in elem.iterfind("identityDocuments/identityDocument"):
        number = text(doc, "documentNumber")
        if number is not None:
            documents.append(
                Identifier(text(doc, "type") or "ID", number, text(doc, "issuingCountry"))
            )
    return documents


def _address(elem: Element) -> Address:
    parts: dict[str, list[str]] = {}
    translation = elem.find("translations/translation")
    if translation is not None:
        for part in translation.iterfind("addressParts/addressPart"):
            field, value = _ADDRESS_PARTS.get(text(part, "type") or ""), text(part, "value")
            if field is not None and value is not None:
                parts.setdefault(field, []).append(value)

    def joined(field: str) -> str | None:
        return ", ".join(parts[field]) if field in parts else None

    return Address(
        street=joined("street"),
        city=joined("city"),
        region=joined("region"),
        postal_code=joined("postal_code"),
        country=text(elem, "country"),
    )
