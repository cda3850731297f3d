"""Our own list format: ``sanctions-screen-list/1`` YAML, documented in lists/README.md."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

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

FORMAT_TAG = "sanctions-screen-list/1"

try:  # the C loader is ~10x faster on big lists; fall back where libyaml is missing
    _Loader: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader

# Our schema nests five levels deep. libyaml builds nodes recursively in C, so a
# document like "[[[[..." 100,000 levels deep crashes the interpreter instead of
# raising; the event pass below (iterative, about a tenth of the load time)
# refuses such a file first. It also refuses aliases (``*name``): the format has
# no use for them, and nested aliases are YAML's "billion laughs".
MAX_NESTING = 64
_OPENERS = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
_CLOSERS = (yaml.MappingEndEvent, yaml.SequenceEndEvent)


class NativeYamlReader:
    format_name = "sanctions-screen-yaml"
    description = "sanctions-screen's own YAML list format (lists/README.md)"

    def can_read(self, path: Path, head: bytes) -> bool:
        return FORMAT_TAG.encode() in head[:1024]

    def read(self, path: Path) -> SanctionsList:
        try:
            data = path.read_bytes()
            _check_nesting(data, path)
            doc = yaml.load(data, Loader=_Loader)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = f"line {mark.line + 1}: " if mark is not None else ""
            raise ListError(
                f"{line}invalid YAML ({getattr(exc, 'problem', exc)})",
                path=str(path),
                hint="fix the YAML syntax",
            ) from exc
        except OSError as exc:
            raise ListError(f"cannot read list file: {exc.strerror}", path=str(path)) from exc
        try:
            return parse_document(doc, path)
        except (TypeError, AttributeError, ValueError) as exc:
            # A value of the wrong shape (a number where a list of aliases belongs ...).
            raise ListError(
                f"unexpected structure ({exc})",
                path=str(path),
                hint="see the sanctions-screen-list/1 schema in lists/README.md",
            ) from exc


def _check_nesting(data: bytes, path: Path) -> None:
    depth = 0
    for event in yaml.parse(data, Loader=_Loader):
        if isinstance(event, _OPENERS):
            depth += 1
            if depth > MAX_NESTING:
                raise ListError(
                    f"YAML nested deeper than {MAX_NESTING} levels",
                    path=str(path),
                    hint="this is not a sanctions-screen list; check the file",
                )
        elif isinstance(event, _CLOSERS):
            depth -= 1
        elif isinstance(event, yaml.AliasEvent):
            raise ListError(
                f"YAML alias *{event.anchor} (the list format does not use anchors and aliases)",
                path=str(path),
                hint="write the values out in full",
            )


def parse_document(doc: Any, path: Path) -> SanctionsList:
    if not isinstance(doc, dict) or doc.get("format") != FORMAT_TAG:
        raise ListError(f"expected a mapping with `format: {FORMAT_TAG}`", path=str(path))
    meta = doc.get("list")
    if not isinstance(meta, dict) or not meta.get("name"):
        raise ListError(
            "missing `list:` metadata with at least a `name`",
            path=str(path),
            hint="see lists/README.md for the schema",
        )
    raw_entries = doc.get("entries")
    if not isinstance(raw_entries, list):
        raise ListError(
            "missing `entries:` list", path=str(path), hint="see lists/README.md for the schema"
        )
    entries = tuple(_entry(item, path, i) for i, item in enumerate(raw_entries, start=1))
    seen: set[str] = set()
    for entry in entries:
        if entry.id in seen:
            raise ListError(
                f"duplicate entry id {entry.id!r}",
                path=str(path),
                hint="every entry needs a unique id",
            )
        seen.add(entry.id)
    return SanctionsList(
        meta=list_meta(
            NativeYamlReader.format_name,
            path,
            name=str(meta["name"]),
            publisher=_opt(meta.get("publisher")),
            as_of=_opt(meta.get("as_of")),
            source_url=_opt(meta.get("source_url")),
        ),
        entries=entries,
    )


def _opt(value: Any) -> str | None:
    return None if value is None else str(value)


def _strs(item: dict[str, Any], key: str) -> tuple[str, ...]:
    value = item.get(key) or ()
    if isinstance(value, (str, int)):
        value = (value,)
    return tuple(str(v) for v in value)


def _entry(item: Any, path: Path, index: int) -> Entry:
    def fail(message: str) -> ListError:
        return ListError(
            f"entry {index}: {message}", path=str(path), hint="see lists/README.md for the schema"
        )

    if not isinstance(item, dict):
        raise fail("expected a mapping")
    for key in ("id", "kind", "name"):
        if not item.get(key):
            raise fail(f"missing `{key}`")
    kind = EntityKind.parse(str(item["kind"]))
    if kind is None:
        raise fail(f"unknown kind {item['kind']!r} (person, organization, vessel, aircraft)")
    names = [EntryName(str(item["name"]), NameType.PRIMARY, NameStrength.STRONG)]
    for alias in item.get("aliases") or ():
        if isinstance(alias, str):
            alias = {"name": alias}
        if not isinstance(alias, dict) or not alias.get("name"):
            raise fail("every alias needs a `name`")
        try:
            names.append(
                EntryName(
                    name=str(alias["name"]),
                    type=NameType(str(alias.get("type", "aka")).lower().replace(".", "")),
                    strength=NameStrength(str(alias.get("strength", "strong")).lower()),
                    script=_opt(alias.get("script")),
                )
            )
        except ValueError as exc:
            raise fail(f"alias {alias['name']!r}: {exc}") from exc
    identifiers = []
    for ident in item.get("identifiers") or ():
        if not isinstance(ident, dict) or not ident.get("type") or ident.get("value") is None:
            raise fail("every identifier needs a `type` and a `value`")
        identifiers.append(
            Identifier(
                str(ident["type"]),
                str(ident["value"]),
                _opt(ident.get("country")),
                _opt(ident.get("note")),
            )
        )
    addresses = []
    for addr in item.get("addresses") or ():
        if not isinstance(addr, dict):
            raise fail("every address must be a mapping")
        addresses.append(
            Address(
                *(_opt(addr.get(k)) for k in ("street", "city", "region", "postal_code", "country"))
            )
        )
    listing = item.get("listing") or {}
    return Entry(
        id=str(item["id"]),
        kind=kind,
        names=tuple(names),
        programs=_strs(item, "programs"),
        birth_dates=_strs(item, "birth_dates"),
        birth_places=_strs(item, "birth_places"),
        nationalities=_strs(item, "nationalities"),
        countries=_strs(item, "countries"),
        addresses=tuple(addresses),
        identifiers=tuple(identifiers),
        gender=_opt(item.get("gender")),
        listed_on=_opt(listing.get("date")),
        listing_source=_opt(listing.get("source")),
        remarks=_opt(item.get("remarks")),
        linked_to=_strs(item, "linked_to"),
    )


def to_document(sanctions_list: SanctionsList) -> dict[str, Any]:
    """The YAML document for a list, leaving out empty fields so the file stays readable."""
    meta = sanctions_list.meta
    doc: dict[str, Any] = {
        "format": FORMAT_TAG,
        "list": _compact(
            {
                "name": meta.name,
                "publisher": meta.publisher,
                "as_of": meta.as_of,
                "source_url": meta.source_url,
            }
        ),
        "entries": [_entry_doc(e) for e in sanctions_list.entries],
    }
    return doc


def dump_document(sanctions_list: SanctionsList) -> str:
    return yaml.safe_dump(
        to_document(sanctions_list), sort_keys=False, allow_unicode=True, width=100
    )


def _compact(mapping: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in mapping.items() if v not in (None, (), [], {}, "")}


def _entry_doc(entry: Entry) -> dict[str, Any]:
    aliases = [
        _compact(
            {"name": n.name, "type": n.type.value, "strength": n.strength.value, "script": n.script}
        )
        for n in entry.names[1:]
    ]
    return _compact(
        {
            "id": entry.id,
            "kind": entry.kind.value,
            "name": entry.primary_name,
            "aliases": aliases,
            "programs": list(entry.programs),
            "birth_dates": list(entry.birth_dates),
            "birth_places": list(entry.birth_places),
            "gender": entry.gender,
            "nationalities": list(entry.nationalities),
            "countries": list(entry.countries),
            "addresses": [
                _compact(
                    {
                        "street": a.street,
                        "city": a.city,
                        "region": a.region,
                        "postal_code": a.postal_code,
                        "country": a.country,
                    }
                )
                for a in entry.addresses
            ],
            "identifiers": [
                _compact({"type": i.type, "value": i.value, "country": i.country, "note": i.note})
                for i in entry.identifiers
            ],
            "linked_to": list(entry.linked_to),
            "listing": _compact({"date": entry.listed_on, "source": entry.listing_source}),
            "remarks": entry.remarks,
        }
    )
