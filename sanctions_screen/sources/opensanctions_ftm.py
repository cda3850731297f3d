"""OpenSanctions FollowTheMoney entities, JSON lines (``entities.ftm.json``).

One JSON object per line: ``{"id", "schema", "properties": {prop: [values]},
"datasets", "target", "last_seen", ...}``; delta files wrap each in
``{"op": "ADD"|"MOD"|"DEL", "entity": {...}}``. Only listed parties are
read: entities of a named-thing schema (Person, Organization, Company,
LegalEntity, Vessel, Airplane, PublicBody) that are targets; addresses,
sanctions, family and position records that support them are skipped.
OpenSanctions data is licensed CC BY-NC 4.0: fine to screen with, check the
licence before redistributing it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

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

EXPECTED = 'OpenSanctions FollowTheMoney JSON lines: one {"id", "schema", "properties"} per line'
SOURCE_URL = "https://data.opensanctions.org/datasets/latest/"
SCHEMA_KINDS = {
    "Person": EntityKind.PERSON,
    "Organization": EntityKind.ORGANIZATION,
    "Company": EntityKind.ORGANIZATION,
    "LegalEntity": EntityKind.ORGANIZATION,
    "PublicBody": EntityKind.ORGANIZATION,
    "Vessel": EntityKind.VESSEL,
    "Airplane": EntityKind.AIRCRAFT,
}
# FollowTheMoney properties that hold an identifying number, and the label used here.
_ID_PROPS = {
    "registrationNumber": "Registration Number",
    "taxNumber": "Tax ID",
    "innCode": "INN",
    "ogrnCode": "OGRN",
    "idNumber": "National ID",
    "passportNumber": "Passport",
    "imoNumber": "IMO",
    "mmsi": "MMSI",
    "swiftBic": "SWIFT/BIC",
    "leiCode": "LEI",
    "callSign": "Call Sign",
}
_NAME_PROPS = (
    ("name", NameType.AKA, NameStrength.STRONG),
    ("alias", NameType.AKA, NameStrength.STRONG),
    ("previousName", NameType.FKA, NameStrength.STRONG),
    ("weakAlias", NameType.AKA, NameStrength.WEAK),
)


class OpenSanctionsFtmReader:
    format_name = "opensanctions-ftm-json"
    description = "OpenSanctions FollowTheMoney entities, JSON lines (entities.ftm.json)"

    def can_read(self, path: Path, head: bytes) -> bool:
        text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
        return text.startswith(b"{") and b'"schema"' in text and b'"properties"' in text

    def read(self, path: Path) -> SanctionsList:
        entries: list[Entry] = []
        datasets: set[str] = set()
        last_seen: list[str] = []
        try:
            with path.open("rb") as fh:
                for number, line in enumerate(fh, start=1):
                    if not line.strip():
                        continue
                    entity = _entity(line, path, number)
                    if entity is None:
                        continue
                    datasets.update(str(d) for d in entity.get("datasets") or ())
                    if isinstance(entity.get("last_seen"), str):
                        last_seen.append(entity["last_seen"])
                    entry = _entry(entity, path, number)
                    if entry is not None:
                        entries.append(entry)
        except OSError as exc:
            raise ListError(f"cannot read list file: {exc.strerror}", path=str(path)) from exc
        if not entries:
            raise ListError("no listed parties (target entities)", path=str(path), hint=EXPECTED)
        return SanctionsList(
            meta=list_meta(
                self.format_name,
                path,
                name=f"OpenSanctions {dataset_label(datasets)} (FollowTheMoney)",
                publisher="OpenSanctions (CC BY-NC 4.0)",
                as_of=iso_any(max(last_seen, default=None)),
                source_url=SOURCE_URL,
            ),
            entries=tuple(entries),
        )


def dataset_label(datasets: set[str]) -> str:
    """Dataset names for the list name; a merged export names dozens, so count them instead."""
    if not datasets:
        return "entities"
    return ", ".join(sorted(datasets)) if len(datasets) <= 3 else f"{len(datasets)} datasets"


def _entity(line: bytes, path: Path, number: int) -> dict[str, Any] | None:
    """The entity a line holds, None for a deletion; a ListError for anything malformed."""
    try:
        obj = json.loads(line)
    except (ValueError, RecursionError) as exc:
        raise ListError(
            f"line {number} is not JSON ({str(exc)[:80]})", path=str(path), hint=EXPECTED
        ) from exc
    if isinstance(obj, dict) and "op" in obj:
        if obj.get("op") == "DEL":
            return None
        obj = obj.get("entity")
    if not (
        isinstance(obj, dict)
        and isinstance(obj.get("id"), str)
        and isinstance(obj.get("schema"), str)
        and isinstance(obj.get("properties"), dict)
    ):
        raise ListError(
            f"line {number} is not a FollowTheMoney entity", path=str(path), hint=EXPECTED
        )
    return obj


def _values(props: dict[str, Any], key: str) -> list[str]:
    values = props.get(key)
    if not isinstance(values, list):
        return []
    return [v.strip() for v in values if isinstance(v, str) and v.strip()]


def _entry(entity: dict[str, Any], path: Path, number: int) -> Entry | None:
    kind = SCHEMA_KINDS.get(entity["schema"])
    if kind is None or entity.get("target") is False:
        return None
    props: dict[str, Any] = entity["properties"]
    caption = entity.get("caption")
    names: list[EntryName] = []
    if isinstance(caption, str) and caption.strip():
        names.append(EntryName(caption.strip(), NameType.PRIMARY, script=script_of(caption)))
    for prop, name_type, strength in _NAME_PROPS:
        for value in _values(props, prop):
            this_type = name_type if names else NameType.PRIMARY
            names.append(EntryName(value, this_type, strength, script_of(value)))
    if not names:
        raise ListError(f"line {number}: entity has no name", path=str(path), hint=EXPECTED)
    gender = _values(props, "gender")
    return Entry(
        id=entity["id"],
        kind=kind,
        names=unique_names(names),
        programs=unique(_values(props, "programId") + _values(props, "program")),
        birth_dates=unique(d for d in map(iso_any, _values(props, "birthDate")) if d),
        birth_places=unique(_values(props, "birthPlace")),
        nationalities=unique(_values(props, "nationality") + _values(props, "citizenship")),
        countries=unique(
            _values(props, "country") + _values(props, "jurisdiction") + _values(props, "flag")
        ),
        addresses=tuple(Address(street=a) for a in unique(_values(props, "address"))),
        identifiers=unique(
            Identifier(label, value)
            for prop, label in _ID_PROPS.items()
            for value in _values(props, prop)
        ),
        gender=gender[0] if gender else None,
        listed_on=iso_any(next(iter(_values(props, "createdAt")), None)),
        remarks="; ".join(_values(props, "notes")) or None,
    )
