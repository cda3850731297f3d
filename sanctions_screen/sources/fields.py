"""Small field helpers the list readers share: dates, splitting, de-duplication."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import TypeVar

from ..models import EntityKind, EntryName
from .ofac_remarks import iso_date as ofac_iso_date

T = TypeVar("T")

_DMY_RE = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_ISO_RE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?:T.*)?$")


def iso_from_dmy(text: str | None) -> str | None:
    """``28/09/1955`` -> ``1955-09-28``; OFSI writes ``00`` for an unknown day or month."""
    if text is None or not text.strip():
        return None
    text = text.strip()
    match = _DMY_RE.match(text)
    if match is None:
        return iso_any(text)
    day, month, year = (int(g) for g in match.groups())
    if month == 0 or month > 12:
        return str(year)
    if day == 0 or day > 31:
        return f"{year}-{month:02d}"
    return f"{year}-{month:02d}-{day:02d}"


def iso_from_mdy(text: str | None) -> str | None:
    """``04/22/2020`` (US order) -> ``2020-04-22``."""
    if text is None or not text.strip():
        return None
    match = _DMY_RE.match(text.strip())
    if match is None:
        return iso_any(text)
    month, day, year = match.groups()
    return iso_from_dmy(f"{day}/{month}/{year}")


def iso_any(text: str | None) -> str | None:
    """ISO dates (or timestamps) cut to the date; OFAC's ``16 Jun 1986``; else as written."""
    if text is None or not text.strip():
        return None
    text = text.strip()
    match = _ISO_RE.match(text)
    if match is not None:
        return "-".join(g for g in match.groups() if g is not None)
    return ofac_iso_date(text)


def split_list(text: str | None, separator: str = ";") -> list[str]:
    """Non-blank, stripped parts of a separated cell."""
    if text is None:
        return []
    return [part.strip() for part in text.split(separator) if part.strip()]


def unique(items: Iterable[T]) -> tuple[T, ...]:
    """Items in first-seen order without repeats."""
    return tuple(dict.fromkeys(items))


def unique_names(names: Iterable[EntryName]) -> tuple[EntryName, ...]:
    """Names without repeats of the same spelling; the first (primary) occurrence wins."""
    seen: set[str] = set()
    kept: list[EntryName] = []
    for name in names:
        key = " ".join(name.name.split()).casefold()
        if key and key not in seen:
            seen.add(key)
            kept.append(name)
    return tuple(kept)


# Unicode character-name prefixes -> the script name lists use for them.
_SCRIPTS = (
    ("CYRILLIC", "Cyrillic"),
    ("ARABIC", "Arabic"),
    ("HANGUL", "Hangul"),
    ("CJK", "Han"),
    ("HIRAGANA", "Japanese"),
    ("KATAKANA", "Japanese"),
    ("HEBREW", "Hebrew"),
    ("GREEK", "Greek"),
    ("GEORGIAN", "Georgian"),
    ("ARMENIAN", "Armenian"),
    ("THAI", "Thai"),
    ("DEVANAGARI", "Devanagari"),
)


def script_of(text: str) -> str | None:
    """The non-Latin script a name is written in (by its first such letter); None for Latin."""
    for char in text:
        if not char.isalpha() or char.isascii():
            continue
        name = unicodedata.name(char, "")
        for prefix, script in _SCRIPTS:
            if name.startswith(prefix):
                return script
    return None


# Legal-form and business words that mark an unlabelled party as a business, for lists
# (BIS DPL, some CSL rows) that do not say whether a party is a person or a company.
_ORG_WORDS = re.compile(
    r"\b(?:INC|LTD|LLC|L\.L\.C|CO|CORP|CORPORATION|COMPANY|LIMITED|GMBH|S\.?A|SRL|BV|AG|PLC"
    r"|AIRLINES?|TRADING|INDUSTRIES|GROUP|ENTERPRISES?|INTERNATIONAL|TECHNOLOG(?:Y|IES))\b\.?",
    re.IGNORECASE,
)


def guess_kind(name: str) -> EntityKind:
    """Organization when the name holds a business word, else person."""
    return EntityKind.ORGANIZATION if _ORG_WORDS.search(name) else EntityKind.PERSON
