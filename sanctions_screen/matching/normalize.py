"""Name normalisation: the same name, however written, becomes the same tokens.

Steps, in order: Unicode NFKC and case folding; script transliteration
(Cyrillic here, by a table); accents stripped; punctuation and spacing
folded; legal forms mapped to one class token each (``OOO`` = ``LLC`` =
``Limited Liability Company``) so a matcher can set them aside.
Domain data (legal forms) lives in ``data/*.yml``, loaded once.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

# Russian, Ukrainian and Belarusian Cyrillic to Latin, close to the BGN/PCGN
# conventions OFAC's romanisations follow (Gayevoy, Andreyevich, Vladivostok).
CYRILLIC = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "д": "d",
    "е": "e",
    "ё": "e",
    "ж": "zh",
    "з": "z",
    "и": "i",
    "й": "y",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "kh",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "shch",
    "ъ": "",
    "ы": "y",
    "ь": "",
    "э": "e",
    "ю": "yu",
    "я": "ya",
    "і": "i",
    "ї": "yi",
    "є": "ye",
    "ґ": "g",
    "ў": "u",
}
_TRANSLIT = str.maketrans(CYRILLIC)
_NON_WORD = re.compile(r"[^\w]+")
_APOSTROPHES = re.compile(r"[\u0027\u2018\u2019\u02bc\u02bb`´]")  # McCune-Reischauer o'/k'
LEGAL_FORM_PREFIX = "@"  # class tokens look like "@llc": no real name token starts with it


def fold(text: str) -> str:
    """Lower-case ASCII-ish text with punctuation as single spaces."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = text.translate(_TRANSLIT)
    text = _APOSTROPHES.sub("", text)
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = text.replace("_", " ")
    return _NON_WORD.sub(" ", text).strip()


@dataclass(frozen=True, slots=True)
class NormalName:
    """A name split into the tokens that carry identity and the legal forms set aside."""

    tokens: tuple[str, ...]
    legal_forms: tuple[str, ...]

    @property
    def text(self) -> str:
        return " ".join(self.tokens)


@lru_cache(maxsize=1)
def _legal_form_patterns() -> dict[str, tuple[tuple[tuple[str, ...], str], ...]]:
    """Legal-form spellings indexed by their first token, longest spelling first."""
    raw = yaml.safe_load(
        resources.files("sanctions_screen.matching")
        .joinpath("data/legal_forms.yml")
        .read_text(encoding="utf-8")
    )
    patterns: dict[tuple[str, ...], str] = {}
    for key, spellings in raw.items():
        for spelling in spellings:
            tokens = tuple(fold(spelling).split())
            if tokens:
                patterns[tokens] = key
    by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    # Longest first: "limited liability company" before "company".
    for tokens, key in sorted(patterns.items(), key=lambda kv: -len(kv[0])):
        by_first.setdefault(tokens[0], []).append((tokens, key))
    return {first: tuple(group) for first, group in by_first.items()}


def normalize(name: str) -> NormalName:
    """Split ``name`` into identity tokens and legal-form class tokens.

    If a name is nothing but legal forms (``"Limited"``), the words stay as
    identity tokens: there is nothing else to match on.
    """
    tokens = fold(name).split()
    kept: list[str] = []
    forms: list[str] = []
    i = 0
    patterns = _legal_form_patterns()
    while i < len(tokens):
        for pattern, key in patterns.get(tokens[i], ()):
            if tuple(tokens[i : i + len(pattern)]) == pattern:
                forms.append(key)
                i += len(pattern)
                break
        else:
            kept.append(tokens[i])
            i += 1
    if not kept:
        return NormalName(tuple(tokens), ())
    return NormalName(tuple(kept), tuple(forms))
