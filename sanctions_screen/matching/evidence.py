"""Secondary attributes: what a counterparty file says besides the name.

Date of birth, country or nationality, kind, and identifiers (tax or
registration numbers, IMO, passport) carried in ``Counterparty.extra``. Each
agreement raises the name score a little and each contradiction lowers it;
an identifier equal to one the list publishes is a hit by itself. Only the
default algorithm uses these (OFAC's search scores names only).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..models import Counterparty, EntityKind, Entry
from .normalize import fold, load_data

# Points added or taken. A full-date DOB contradiction is strong evidence of
# a namesake (the DPRK list's GAYEVOY, DOB 1986-06-16, vs a vendor born
# 1990): it must pull a 95 variant match below the default threshold.
DOB_EXACT_BONUS = 5.0
DOB_YEAR_BONUS = 2.0
DOB_CONTRADICTION_PENALTY = 20.0
COUNTRY_BONUS = 3.0
# Lists give several countries per entry and addresses move: a mismatch is
# weak evidence.
COUNTRY_PENALTY = 5.0
# A person matched against an organization or the other way round.
KIND_PENALTY = 15.0
IDENTIFIER_CONTRADICTION_PENALTY = 10.0
# An identifier shorter than this is too easily equal by chance.
MIN_IDENTIFIER_LENGTH = 5

# Counterparty columns (folded header) holding identifiers, by class.
IDENTIFIER_COLUMNS = {
    "tax": ("tax_id", "taxid", "tax", "inn", "tin", "vat", "vat_number", "tax_number"),
    "registration": (
        "registration",
        "registration_number",
        "reg_no",
        "ogrn",
        "company_number",
        "registration_id",
        "lei",
        "uscc",
    ),
    "imo": ("imo", "imo_number"),
    "passport": ("passport", "passport_number"),
}
_LIST_TYPE_CLASS = (
    ("imo", "imo"),
    ("tax", "tax"),
    ("v.a.t", "tax"),
    ("registration", "registration"),
    ("company number", "registration"),
    ("unified social credit", "registration"),
    ("passport", "passport"),
)


@dataclass(frozen=True, slots=True)
class Evidence:
    delta: float
    identifier_hit: bool
    notes: tuple[str, ...]


def _id_value(text: str) -> str:
    value = re.sub(r"[^0-9a-z]", "", text.casefold())
    return value[3:] if value.startswith("imo") else value


def _list_class(id_type: str) -> str | None:
    folded = id_type.casefold()
    for needle, cls in _LIST_TYPE_CLASS:
        if needle in folded:
            return cls
    return None


@lru_cache(maxsize=1)
def _countries() -> dict[str, str]:
    table: dict[str, str] = {}
    for code, names in load_data("countries.yml").items():
        table[str(code)] = str(code)
        for name in names:
            table[fold(str(name))] = str(code)
    return table


@lru_cache(maxsize=4096)  # list countries repeat across thousands of entries
def country_code(text: str) -> str:
    folded = fold(text)
    return _countries().get(folded, folded)


def counterparty_identifiers(cp: Counterparty) -> tuple[tuple[str, str], ...]:
    """(class, value) of every identifier column in the counterparty's extra columns."""
    out = []
    for column, value in cp.extra:
        key = column.strip().casefold().replace(" ", "_").replace("-", "_")
        for cls, names in IDENTIFIER_COLUMNS.items():
            if key in names and _id_value(value):
                out.append((cls, _id_value(value)))
    return tuple(out)


@dataclass(frozen=True, slots=True)
class CounterpartyFacts:
    """What a counterparty says besides its name, read once per counterparty, not per candidate."""

    identifiers: tuple[tuple[str, str], ...] = ()
    birth_date: str | None = None
    country: str | None = None  # as written, for the explanation
    country_code: str | None = None
    kind: EntityKind | None = None

    @classmethod
    def of(cls, cp: Counterparty) -> CounterpartyFacts:
        return cls(
            identifiers=counterparty_identifiers(cp),
            birth_date=cp.birth_date,
            country=cp.country,
            country_code=country_code(cp.country) if cp.country else None,
            kind=cp.kind,
        )

    @property
    def empty(self) -> bool:
        return not (self.identifiers or self.birth_date or self.country or self.kind)


NO_FACTS = CounterpartyFacts()
NO_EVIDENCE = Evidence(0.0, False, ())


def weigh(facts: CounterpartyFacts, entry: Entry) -> Evidence:
    """Points for and against the match from attributes other than the name."""
    if facts.empty:
        return NO_EVIDENCE
    delta = 0.0
    notes: list[str] = []
    listed = [(_list_class(i.type), _id_value(i.value), i) for i in entry.identifiers]
    for cls, value in facts.identifiers:
        same = [i for lc, v, i in listed if v == value and len(v) >= MIN_IDENTIFIER_LENGTH]
        if same:
            return Evidence(0.0, True, (f"identifier {same[0].type} {same[0].value} equal",))
        if any(lc == cls for lc, _, _ in listed):
            delta -= IDENTIFIER_CONTRADICTION_PENALTY
            notes.append(f"-{IDENTIFIER_CONTRADICTION_PENALTY:g} {cls} number differs")
    if facts.birth_date and entry.birth_dates:
        d, note = _dob(facts.birth_date, entry.birth_dates)
        delta += d
        notes.append(note)
    if facts.country_code and (entry.countries or entry.nationalities):
        theirs = {country_code(c) for c in entry.countries + entry.nationalities}
        if facts.country_code in theirs:
            delta += COUNTRY_BONUS
            notes.append(f"+{COUNTRY_BONUS:g} country {facts.country} agrees")
        else:
            delta -= COUNTRY_PENALTY
            notes.append(f"-{COUNTRY_PENALTY:g} country {facts.country} not among the entry's")
    if facts.kind is not None and _kind_clash(facts.kind, entry.kind):
        delta -= KIND_PENALTY
        notes.append(
            f"-{KIND_PENALTY:g} counterparty is a {facts.kind.value}, entry a {entry.kind.value}"
        )
    return Evidence(delta, False, tuple(notes))


def _kind_clash(a: EntityKind, b: EntityKind) -> bool:
    return (a is EntityKind.PERSON) != (b is EntityKind.PERSON)


def _dob(mine: str, listed: tuple[str, ...]) -> tuple[float, str]:
    mine = mine.strip()[:10]
    years: set[str] = set()
    for value in listed:
        for part in value.split(" to "):
            part = part.strip()
            if part and part == mine:
                return DOB_EXACT_BONUS, f"+{DOB_EXACT_BONUS:g} date of birth {mine} agrees"
            years.add(part[:4])
        if " to " in value:
            low, high = (p.strip()[:4] for p in value.split(" to ", 1))
            if low <= mine[:4] <= high:
                return DOB_YEAR_BONUS, f"+{DOB_YEAR_BONUS:g} birth year {mine[:4]} in range"
    if mine[:4] in years:
        return DOB_YEAR_BONUS, f"+{DOB_YEAR_BONUS:g} birth year {mine[:4]} agrees"
    return (
        -DOB_CONTRADICTION_PENALTY,
        f"-{DOB_CONTRADICTION_PENALTY:g} date of birth {mine} differs from {', '.join(listed)}",
    )
