"""Typed, immutable models shared by readers, the matching core and renderers.

Readers turn bytes into :class:`SanctionsList`; the core turns lists and
:class:`Counterparty` records into :class:`ScreeningResult`; renderers turn
results into bytes. Nothing here does I/O.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


class EntityKind(str, enum.Enum):
    """What a list entry (or a counterparty) is."""

    PERSON = "person"
    ORGANIZATION = "organization"
    VESSEL = "vessel"
    AIRCRAFT = "aircraft"

    @classmethod
    def parse(cls, text: str | None) -> EntityKind | None:
        """Map the many spellings lists and input files use to a kind; None if unknown."""
        if text is None:
            return None
        return _KIND_WORDS.get(text.strip().lower())


_KIND_WORDS: dict[str, EntityKind] = {
    **{w: EntityKind.PERSON for w in ("person", "individual", "natural person", "p", "i")},
    **{
        w: EntityKind.ORGANIZATION
        for w in (
            "organization",
            "organisation",
            "entity",
            "company",
            "legalentity",
            "legal entity",
            "org",
            "business",
            "o",
            "e",
        )
    },
    **{w: EntityKind.VESSEL for w in ("vessel", "ship", "v")},
    **{w: EntityKind.AIRCRAFT for w in ("aircraft", "a")},
}


class NameType(str, enum.Enum):
    """How a name relates to its entry."""

    PRIMARY = "primary"
    AKA = "aka"  # also known as
    FKA = "fka"  # formerly known as
    NKA = "nka"  # now known as


class NameStrength(str, enum.Enum):
    """OFAC's distinction: weak aliases are broad or generic and cause more false hits."""

    STRONG = "strong"
    WEAK = "weak"


@dataclass(frozen=True, slots=True)
class EntryName:
    """One name of a list entry, as the list writes it."""

    name: str
    type: NameType = NameType.PRIMARY
    strength: NameStrength = NameStrength.STRONG
    script: str | None = None  # e.g. "Cyrillic" when the list says so


@dataclass(frozen=True, slots=True)
class Identifier:
    """A document or registration number: tax ID, passport, IMO, SWIFT/BIC ..."""

    type: str
    value: str
    country: str | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Address:
    """A postal address; every part is optional because lists often give only a city."""

    street: str | None = None
    city: str | None = None
    region: str | None = None
    postal_code: str | None = None
    country: str | None = None

    def one_line(self) -> str:
        parts = (self.street, self.city, self.region, self.postal_code, self.country)
        return ", ".join(p for p in parts if p)


@dataclass(frozen=True, slots=True)
class Entry:
    """One listed party with every name and attribute the list publishes."""

    id: str
    kind: EntityKind
    names: tuple[EntryName, ...]
    programs: tuple[str, ...] = ()
    birth_dates: tuple[str, ...] = ()  # ISO 8601: YYYY-MM-DD, YYYY-MM, YYYY or "A to B"
    birth_places: tuple[str, ...] = ()
    nationalities: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    addresses: tuple[Address, ...] = ()
    identifiers: tuple[Identifier, ...] = ()
    gender: str | None = None
    listed_on: str | None = None  # ISO date of designation
    listing_source: str | None = None  # the action or notice that designated it
    remarks: str | None = None
    linked_to: tuple[str, ...] = ()

    @property
    def primary_name(self) -> str:
        for n in self.names:
            if n.type is NameType.PRIMARY:
                return n.name
        return self.names[0].name


@dataclass(frozen=True, slots=True)
class ListMeta:
    """What a reviewer needs to know about the list a hit came from."""

    name: str
    publisher: str | None = None
    as_of: str | None = None  # ISO date the publisher gives for this edition
    source_url: str | None = None
    format: str | None = None  # reader that produced it, e.g. "sanctions-screen-yaml"
    path: str | None = None
    sha256: str | None = None  # of the file(s) read, so a report can be reproduced


@dataclass(frozen=True, slots=True)
class SanctionsList:
    meta: ListMeta
    entries: tuple[Entry, ...]

    @property
    def name_count(self) -> int:
        return sum(len(e.names) for e in self.entries)


@dataclass(frozen=True, slots=True)
class Counterparty:
    """One name to screen, with where it came from so every result can be traced."""

    name: str
    source: str  # file path, or "-" for stdin, or "<argument>"
    row: int  # CSV: line number in the file (header = 1); YAML: item position, from 1
    id: str | None = None
    kind: EntityKind | None = None
    country: str | None = None
    birth_date: str | None = None
    extra: tuple[tuple[str, str], ...] = ()  # other columns, carried through untouched


@dataclass(frozen=True, slots=True)
class Suppression:
    """A reviewer's allowlist decision that this hit is a false positive."""

    reason: str
    reviewer: str
    decided_on: str  # ISO date
    expires: str | None = None  # ISO date; the decision applies up to and including it


@dataclass(frozen=True, slots=True)
class Hit:
    """A candidate match between one counterparty and one list entry."""

    entry: Entry
    list_name: str
    score: float
    matched_name: EntryName
    explanation: tuple[str, ...] = ()
    suppression: Suppression | None = None  # set by the allowlist; still reported
    notes: tuple[str, ...] = ()  # e.g. why an allowlist decision no longer applies

    @property
    def entry_id(self) -> str:
        return self.entry.id


@dataclass(frozen=True, slots=True)
class ScreeningResult:
    counterparty: Counterparty
    hits: tuple[Hit, ...] = ()


@dataclass(frozen=True, slots=True)
class ScreeningOptions:
    threshold: float
    top: int
    algorithm: str = "default"
    fail_on: float | None = None  # lowest unsuppressed score that fails the gate; None: threshold


@dataclass(frozen=True, slots=True)
class Report:
    """Everything a renderer needs: results plus the context that makes them auditable."""

    results: tuple[ScreeningResult, ...]
    lists: tuple[ListMeta, ...]
    list_sizes: tuple[tuple[int, int], ...]  # (entries, names) per list, aligned with ``lists``
    options: ScreeningOptions
    inputs: tuple[str, ...] = ()
    generated_at: str = ""
    tool_version: str = ""
    extra: dict[str, object] = field(default_factory=dict)
    input_sha256: tuple[tuple[str, str], ...] = ()  # (input source, sha256 of its bytes)

    @property
    def hit_count(self) -> int:
        return sum(len(r.hits) for r in self.results)

    @property
    def flagged_count(self) -> int:
        return sum(1 for r in self.results if r.hits)
