"""OFAC's legacy XML list, ``sdn.xml`` (root ``<sdnList>``, namespace ``tempuri.org/sdnList.xsd``).

Unlike the legacy CSV it carries weak aliases as ``<aka>`` rows with
``<category>weak</category>``, and dates of birth, nationalities and
documents as elements, so only "Linked To" still has to come from remarks.
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
from .fields import iso_any, iso_from_mdy, unique, unique_names
from .ofac_remarks import parse_remarks
from .xml_safe import iter_records, missing, root_element, text, texts

ROOT = "sdnList"
EXPECTED = "OFAC sdn.xml: <sdnList> holding <publshInformation> and <sdnEntry> records"
SOURCE_URL = "https://www.treasury.gov/ofac/downloads/sdn.xml"
_ALIAS_TYPES = {"a.k.a.": NameType.AKA, "f.k.a.": NameType.FKA, "n.k.a.": NameType.NKA}


class OfacXmlReader:
    format_name = "ofac-xml"
    description = "OFAC legacy XML: sdn.xml (root <sdnList>)"

    def can_read(self, path: Path, head: bytes) -> bool:
        root = root_element(head)
        return root is not None and root[0] == ROOT

    def read(self, path: Path) -> SanctionsList:
        as_of: str | None = None
        entries: list[Entry] = []
        records = frozenset({"publshInformation", "sdnEntry"})
        for elem in iter_records(path, root=ROOT, records=records, expected=EXPECTED):
            if elem.tag == "publshInformation":
                as_of = iso_from_mdy(text(elem, "Publish_Date"))
            elif elem.tag == "sdnEntry":
                entries.append(_entry(elem, path, len(entries) + 1))
        if not entries:
            raise ListError("no <sdnEntry> records", path=str(path), hint=f"expected {EXPECTED}")
        return SanctionsList(
            meta=list_meta(
                self.format_name,
                path,
                name="OFAC Specially Designated Nationals (SDN) List, XML edition",
                publisher="U.S. Department of the Treasury, OFAC",
                as_of=as_of,
                source_url=SOURCE_URL,
            ),
            entries=tuple(entries),
        )


def _full_name(elem: Element) -> str | None:
    last, first = text(elem, "lastName"), text(elem, "firstName")
    if last and first:
        return f"{last}, {first}"
    return last or first


def _entry(elem: Element, path: Path, number: int) -> Entry:
    uid, primary = text(elem, "uid"), _full_name(elem)
    if uid is None:
        raise missing(path, "<uid>", EXPECTED, number)
    if primary is None:
        raise missing(path, "<lastName>", EXPECTED, number)
    names = [EntryName(primary)]
    for aka in elem.iterfind("akaList/aka"):
        name = _full_name(aka)
        if name is None:
            continue
        strength = NameStrength.WEAK if text(aka, "category") == "weak" else NameStrength.STRONG
        alias_type = _ALIAS_TYPES.get((text(aka, "type") or "").lower(), NameType.AKA)
        names.append(EntryName(name, alias_type, strength))
    remarks = text(elem, "remarks")
    facts = parse_remarks(remarks or "")
    vessel_flag = text(elem.find("vesselInfo"), "vesselFlag")
    addresses = [_address(a) for a in elem.iterfind("addressList/address")]
    return Entry(
        id=uid,
        kind=EntityKind.parse(text(elem, "sdnType")) or EntityKind.ORGANIZATION,
        names=unique_names(names),
        programs=unique(texts(elem, "programList/program")),
        birth_dates=unique(
            d for d in map(iso_any, texts(elem, "dateOfBirthList/dateOfBirthItem/dateOfBirth")) if d
        ),
        birth_places=unique(texts(elem, "placeOfBirthList/placeOfBirthItem/placeOfBirth")),
        nationalities=unique(
            texts(elem, "nationalityList/nationality/country")
            + texts(elem, "citizenshipList/citizenship/country")
        ),
        countries=unique(
            [a.country for a in addresses if a.country] + ([vessel_flag] if vessel_flag else [])
        ),
        addresses=tuple(a for a in addresses if a.one_line()),
        identifiers=tuple(
            _identifier(i) for i in elem.iterfind("idList/id") if text(i, "idNumber")
        ),
        remarks=remarks,
        linked_to=tuple(facts.linked_to),
    )


def _address(elem: Element) -> Address:
    street = ", ".join(
        part for part in (text(elem, f"address{i}") for i in (1, 2, 3)) if part is not None
    )
    return Address(
        street=street or None,
        city=text(elem, "city"),
        region=text(elem, "stateOrProvince"),
        postal_code=text(elem, "postalCode"),
        country=text(elem, "country"),
    )


def _identifier(elem: Element) -> Identifier:
    dates = [
        f"{label} {value}"
        for label, value in (
            ("issued", text(elem, "issueDate")),
            ("expires", text(elem, "expirationDate")),
        )
        if value
    ]
    return Identifier(
        type=text(elem, "idType") or "ID",
        value=text(elem, "idNumber") or "",
        country=text(elem, "idCountry"),
        note="; ".join(dates) or None,
    )
