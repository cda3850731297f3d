"""Facts OFAC packs into the free-text remarks of its legacy CSV files.

The remarks field is a ``;``-separated run of labelled facts, e.g.
``DOB 16 Jun 1986; POB Artem, Primorkiy Kray, Russia; nationality Russia;
Gender Male; Tax ID No. 2540211930 (Russia); a.k.a. 'APOLLON'; Linked To:
APOLLON OOO.`` Weak aliases exist *only* here in the CSV files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..models import EntryName, Identifier, NameStrength, NameType

# Labels OFAC puts before an identifying number, longest first so that
# "Business Registration Number" wins over "Registration Number".
IDENTIFIER_LABELS: tuple[str, ...] = tuple(
    sorted(
        (
            "Tax ID No.",
            "Registration Number",
            "Passport",
            "Diplomatic Passport",
            "National ID No.",
            "Vessel Registration Identification",
            "Identification Number",
            "C.U.R.P.",
            "Cedula No.",
            "Aircraft Manufacturer's Serial Number (MSN)",
            "Government Gazette Number",
            "R.F.C.",
            "RFC",
            "Business Registration Number",
            "Registration ID",
            "MMSI",
            "Folio Mercantil No.",
            "Company Number",
            "Commercial Registry Number",
            "Unified Social Credit Code (USCC)",
            "United Social Credit Code Certificate (USCCC)",
            "Aircraft Construction Number (also called L/N or S/N or F/N)",
            "Legal Entity Number",
            "V.A.T. Number",
            "C.R. No.",
            "Economic Register Number (CBLS)",
            "Aircraft Tail Number",
            "SWIFT/BIC",
            "Trade License No.",
            "Matricula Mercantil No",
            "D.N.I.",
            "Chamber of Commerce Number",
            "D-U-N-S Number",
            "Central Registration System Number",
            "Birth Certificate Number",
            "BIK (RU)",
            "Enterprise Number",
            "Business Number",
            "Driver's License No.",
            "Electoral Registry No.",
            "National Foreign ID Number",
            "Personal ID Card",
            "UK Company Number",
            "Italian Fiscal Code",
            "Public Registration Number",
            "C.U.I.",
            "C.U.I.T.",
            "Residency Number",
            "Chinese Commercial Code",
            "I.F.E.",
            "SSN",
            "US FEIN",
            "Registered Charity No.",
            "Turkish Identification Number",
            "Numero de Identidad",
            "Aircraft Mode S Transponder Code",
            "LE Number",
            "Certificate of Incorporation Number",
            "Citizen's Card Number",
            "Travel Document Number",
            "Organization Code",
            "Credencial electoral",
            "Cartilla de Servicio Militar Nacional",
            "License",
            "Dubai Chamber of Commerce Membership No.",
            "Branch Unit Number",
            "Istanbul Chamber of Comm. No.",
            "Email Address",
            "Website",
            "Phone Number",
            "Digital Currency Address - [A-Z0-9]+",
            "Refugee ID Card",
            "Kenyan ID No.",
            "Pakistani National ID",
            "Stateless Person Passport",
            "Business Registration Document #",
            "Telephone No.",
            "Telephone",
        ),
        key=len,
        reverse=True,
    )
)

_IDENT_RE = re.compile(
    r"^(?:alt\.\s+)?(?P<label>"
    + "|".join(
        re.escape(label) if "[" not in label else label.replace(" - ", r" - ")
        for label in IDENTIFIER_LABELS
    )
    + r")\s+(?P<value>.+?)(?:\s+\((?P<country>[^()]+)\))?(?P<note>\s+(?:issued|expires)\b.*)?$"
)
_ALIAS_RE = re.compile(r"\b(?P<type>[afn])\.k\.a\.,?\s+'(?P<name>[^']+)'")
_MONTHS = {
    m: i
    for i, m in enumerate(
        ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
        start=1,
    )
}
_DATE_RE = re.compile(r"^(?:(?P<d>\d{1,2})\s+)?(?:(?P<m>[A-Z][a-z]{2})\s+)?(?P<y>\d{4})$")


@dataclass
class RemarkFacts:
    """What could be parsed out of one entry's remarks; the rest stays as remarks."""

    weak_aliases: list[EntryName] = field(default_factory=list)
    birth_dates: list[str] = field(default_factory=list)
    birth_places: list[str] = field(default_factory=list)
    nationalities: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    identifiers: list[Identifier] = field(default_factory=list)
    gender: str | None = None
    linked_to: list[str] = field(default_factory=list)


def iso_date(text: str) -> str:
    """``16 Jun 1986`` -> ``1986-06-16``; ``Jun 1986`` -> ``1986-06``; ranges kept as ``A to B``."""
    text = text.strip().removeprefix("circa ").strip()
    if " to " in text:
        start, _, end = text.partition(" to ")
        return f"{iso_date(start)} to {iso_date(end)}"
    match = _DATE_RE.match(text)
    if match is None or (match["m"] is not None and match["m"] not in _MONTHS):
        return text
    if match["m"] is None:
        return match["y"]
    month = f"{match['y']}-{_MONTHS[match['m']]:02d}"
    return month if match["d"] is None else f"{month}-{int(match['d']):02d}"


def parse_remarks(remarks: str) -> RemarkFacts:
    facts = RemarkFacts()
    for match in _ALIAS_RE.finditer(remarks):
        facts.weak_aliases.append(
            EntryName(match["name"].strip(), NameType(f"{match['type']}ka"), NameStrength.WEAK)
        )
    for raw in remarks.split(";"):
        part = raw.strip().rstrip(".").strip()
        if not part or ".k.a." in part:
            continue
        _parse_part(part, facts)
    return facts


def _parse_part(part: str, facts: RemarkFacts) -> None:
    bare = part.removeprefix("alt. ")
    if bare.startswith("DOB "):
        facts.birth_dates.append(iso_date(bare[4:]))
    elif bare.startswith("POB "):
        facts.birth_places.append(bare[4:].strip())
    elif bare.startswith(("nationality ", "citizen ")):
        facts.nationalities.append(bare.split(" ", 1)[1].strip())
    elif bare.startswith("Gender "):
        facts.gender = bare[7:].strip()
    elif bare.startswith("Linked To: "):
        facts.linked_to.append(bare[11:].strip())
    elif bare.startswith("Nationality of Registration "):
        facts.countries.append(bare[len("Nationality of Registration ") :].strip())
    else:
        ident = _IDENT_RE.match(part)
        if ident is not None:
            facts.identifiers.append(_identifier(ident))


def _identifier(match: re.Match[str]) -> Identifier:
    label, value = match["label"], match["value"].strip()
    if value.startswith("IMO "):  # "Vessel Registration Identification IMO 9263215"
        label = "IMO" if "Company" not in label else "IMO Company Number"
        value = value[4:].strip()
    note = match["note"].strip() if match["note"] else None
    return Identifier(label, value, match["country"], note)
