"""A parsed list as plain tuples of str/None, and back: what the list cache stores.

``marshal`` can serialise only built-in types and cannot run code when read,
so the cache turns models into nested tuples here. ``decode`` rebuilds the
models through their constructors and raises :class:`CodecError` on any
shape it does not expect, so a damaged cache can never pass as a list.
"""

from __future__ import annotations

from typing import Any

from .models import (
    Address,
    EntityKind,
    Entry,
    EntryName,
    Identifier,
    ListMeta,
    NameStrength,
    NameType,
    SanctionsList,
)

CODEC_VERSION = "1"  # bump when the tuple layout below changes


class CodecError(ValueError):
    """The plain data does not have the shape ``encode`` writes."""


def encode(sanctions_list: SanctionsList) -> tuple[Any, ...]:
    meta = sanctions_list.meta
    meta_t = (
        meta.name,
        meta.publisher,
        meta.as_of,
        meta.source_url,
        meta.format,
        meta.path,
        meta.sha256,
    )
    return (CODEC_VERSION, meta_t, tuple(_encode_entry(e) for e in sanctions_list.entries))


def _encode_entry(e: Entry) -> tuple[Any, ...]:
    return (
        e.id,
        e.kind.value,
        tuple((n.name, n.type.value, n.strength.value, n.script) for n in e.names),
        e.programs,
        e.birth_dates,
        e.birth_places,
        e.nationalities,
        e.countries,
        tuple((a.street, a.city, a.region, a.postal_code, a.country) for a in e.addresses),
        tuple((i.type, i.value, i.country, i.note) for i in e.identifiers),
        e.gender,
        e.listed_on,
        e.listing_source,
        e.remarks,
        e.linked_to,
    )


def decode(data: Any) -> SanctionsList:
    """Rebuild a list from :func:`encode` output; :class:`CodecError` if it is not that."""
    try:
        version, meta_t, entries_t = data
        if version != CODEC_VERSION:
            raise CodecError(f"codec version {version!r}")
        meta = ListMeta(*_strs_or_none(meta_t, 7))
        entries = tuple(_decode_entry(e) for e in entries_t)
    except CodecError:
        raise
    except (TypeError, ValueError, KeyError) as exc:
        raise CodecError(str(exc)) from exc
    if not meta.name:
        raise CodecError("list without a name")
    return SanctionsList(meta=meta, entries=entries)


# Looking enums up by value through a dict is several times faster than Enum(value).
_KINDS = {k.value: k for k in EntityKind}
_TYPES = {t.value: t for t in NameType}
_STRENGTHS = {s.value: s for s in NameStrength}


def _decode_entry(t: Any) -> Entry:
    (
        entry_id,
        kind,
        names,
        programs,
        birth_dates,
        birth_places,
        nationalities,
        countries,
        addresses,
        identifiers,
        gender,
        listed_on,
        listing_source,
        remarks,
        linked_to,
    ) = t
    decoded_names = tuple(
        EntryName(name, _TYPES[ntype], _STRENGTHS[strength], script)
        for name, ntype, strength, script in names
    )
    if not isinstance(entry_id, str) or not decoded_names:
        raise CodecError("entry without an id or a name")
    return Entry(
        entry_id,
        _KINDS[kind],
        decoded_names,
        _str_tuple(programs),
        _str_tuple(birth_dates),
        _str_tuple(birth_places),
        _str_tuple(nationalities),
        _str_tuple(countries),
        tuple(Address(*_strs_or_none(a, 5)) for a in addresses),
        tuple(Identifier(*_strs_or_none(i, 4)) for i in identifiers),
        gender,
        listed_on,
        listing_source,
        remarks,
        _str_tuple(linked_to),
    )


def _str_tuple(value: Any) -> tuple[str, ...]:
    if type(value) is not tuple:
        raise CodecError("expected a tuple")
    return value


def _strs_or_none(value: Any, size: int) -> tuple[Any, ...]:
    if type(value) is not tuple or len(value) != size:
        raise CodecError(f"expected a tuple of {size}")
    return value
