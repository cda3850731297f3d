"""Name normalisation: the same name, however written, becomes the same parts.

Steps, in order: Unicode NFKC and case folding; each word romanised by its
script (Cyrillic by language, Hangul syllable by syllable, Arabic and Persian
to consonants, Han and anything else through ``anyascii``); accents and
apostrophes stripped; punctuation folded to spaces; legal forms set aside as
class tokens (``OOO`` = ``LLC`` = ``Limited Liability Company``); honorifics
dropped; number words written as digits. Each part also gets a phonetic key
(``phonetic.yml``) so transliteration variants meet.

All domain data lives in ``data/*.yml`` and is loaded once.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any

import yaml
from anyascii import anyascii

_NON_WORD = re.compile(r"[^\w]+")
_APOSTROPHES = re.compile(r"[\u0027\u2018\u2019\u02bc\u02bb`´]")  # McCune-Reischauer o'/k'
_HANGUL_FIRST, _HANGUL_LAST = 0xAC00, 0xD7A3
# Arabic words written with the article attached ("العلي"): split it off when
# the rest is at least this long, so it aligns with "AL ALI" and "ALALI".
MIN_ARABIC_STEM_AFTER_ARTICLE = 2


@cache
def load_data(name: str) -> Any:
    """One YAML resource from ``matching/data``, parsed once."""
    text = resources.files("sanctions_screen.matching").joinpath(f"data/{name}").read_text("utf-8")
    return yaml.safe_load(text)


@lru_cache(maxsize=1)
def _tables() -> dict[str, dict[int, str]]:
    raw = load_data("scripts.yml")
    ru = dict(raw["cyrillic_ru"])
    return {
        "ru": str.maketrans(ru),
        "uk": str.maketrans({**ru, **raw["cyrillic_uk"]}),
        "be": str.maketrans({**ru, **raw["cyrillic_be"]}),
        "ar": str.maketrans(dict(raw["arabic"])),
    }


def _script(ch: str) -> str:
    code = ord(ch)
    if code < 0x250:
        return "latin"
    if 0x400 <= code <= 0x52F:
        return "cyrillic"
    if 0x600 <= code <= 0x6FF or 0x750 <= code <= 0x77F or 0xFB50 <= code <= 0xFEFF:
        return "arabic"
    if _HANGUL_FIRST <= code <= _HANGUL_LAST:
        return "hangul"
    if 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF:
        return "han"
    return "other"


def _hangul_syllable(ch: str) -> str:
    raw = load_data("scripts.yml")
    index = ord(ch) - _HANGUL_FIRST
    initial, rest = divmod(index, 21 * 28)
    medial, final = divmod(rest, 28)
    return str(
        raw["hangul_initials"][initial]
        + raw["hangul_medials"][medial]
        + raw["hangul_finals"][final]
    )


def _romanise_word(word: str) -> list[tuple[str, bool]]:
    """One word in any script as Latin parts, each flagged if written without vowels."""
    scripts = {_script(c) for c in word if c.isalpha()}
    if scripts <= {"latin"}:
        return [(word, False)]
    if scripts == {"cyrillic"}:
        lang = "uk" if re.search("[іїєґ]", word) else "be" if "ў" in word else "ru"
        return [(word.translate(_tables()[lang]), False)]
    if scripts == {"arabic"}:
        latin = word.translate(_tables()["ar"])
        if latin.startswith("al") and len(latin) - 2 >= MIN_ARABIC_STEM_AFTER_ARTICLE:
            return [("al", True), (latin[2:], True)]
        return [(latin, True)]
    if scripts == {"hangul"}:
        # Korean names are written syllable by syllable in Latin lists
        # ("Kwang Hun"); joined forms are re-joined by the scorer.
        return [(_hangul_syllable(c), False) for c in word if _script(c) == "hangul"]
    if scripts == {"han"}:
        return [(anyascii(c).lower(), False) for c in word if _script(c) == "han"]
    return [(anyascii(word).lower(), False)]


def fold(text: str) -> str:
    """Lower-case ASCII text with punctuation as single spaces, any script romanised."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = _APOSTROPHES.sub("", text)
    words = _NON_WORD.sub(" ", text.replace("_", " ")).split()
    return " ".join(part for word in words for part, _ in _fold_word(word))


def _fold_word(word: str) -> list[tuple[str, bool]]:
    out: list[tuple[str, bool]] = []
    for part, abjad in _romanise_word(word):
        part = "".join(
            c for c in unicodedata.normalize("NFKD", part) if not unicodedata.combining(c)
        )
        if not part.isascii():
            part = anyascii(part).lower()
        for piece in _NON_WORD.sub(" ", part.lower().replace("_", " ")).split():
            out.append((piece, abjad))
    return out


@dataclass(frozen=True, slots=True)
class NormalName:
    """A name split into the parts that carry identity, with legal forms set aside.

    ``keys`` holds each part's phonetic key and ``abjad`` marks parts that
    came from Arabic script (consonants only); both align with ``tokens``.
    ``surname`` holds the parts written before a comma ("KIM, Jong Un"), the
    way lists write a person's family name; empty without a comma.
    """

    tokens: tuple[str, ...]
    legal_forms: tuple[str, ...]
    keys: tuple[str, ...] = ()
    abjad: tuple[bool, ...] = ()
    surname: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        return " ".join(self.tokens)


# Legal-form words this long are also recognised by phonetic key
# (OGRANICHENNOI / OGRANICHENNOY); shorter ones (OY, AS, AO) must be spelt
# exactly, or names like YUI would turn into legal forms.
MIN_KEYED_LEGAL_FORM = 5

Pattern = tuple[tuple[str, str], ...]  # (folded word, phonetic key) per word


@lru_cache(maxsize=1)
def _legal_form_patterns() -> dict[str, tuple[tuple[Pattern, str], ...]]:
    """Legal-form spellings indexed by their first word's key, longest spelling first."""
    patterns: dict[Pattern, str] = {}
    for key, spellings in load_data("legal_forms.yml").items():
        for spelling in spellings:
            words = tuple((w, phonetic_key(w)) for w in fold(spelling).split())
            if words:
                patterns[words] = key
    by_first: dict[str, list[tuple[Pattern, str]]] = {}
    # Longest first: "limited liability company" before "company".
    for words, key in sorted(patterns.items(), key=lambda kv: -len(kv[0])):
        by_first.setdefault(words[0][1], []).append((words, key))
    return {first: tuple(group) for first, group in by_first.items()}


def _same_word(word: str, key: str, pattern: tuple[str, str]) -> bool:
    return word == pattern[0] or (len(pattern[0]) >= MIN_KEYED_LEGAL_FORM and key == pattern[1])


@lru_cache(maxsize=1)
def _name_parts() -> tuple[frozenset[str], dict[str, str]]:
    raw = load_data("name_parts.yml")
    return frozenset(raw["honorifics"]), {str(k): str(v) for k, v in raw["numbers"].items()}


@lru_cache(maxsize=1)
def _phonetic_rules() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(p), r) for p, r in load_data("phonetic.yml")["rules"])


@lru_cache(maxsize=200_000)
def phonetic_key(token: str) -> str:
    """The part's phonetic key: transliteration variants of one name share it."""
    if token.isdigit() or len(token) < 2:
        return token
    for pattern, repl in _phonetic_rules():
        token = pattern.sub(repl, token)
    return token


# Digraphs that Arabic romanisations write for one letter, folded the same
# way on both sides before vowels are dropped.
_DIGRAPHS = (
    ("kh", "h"),
    ("gh", "g"),
    ("dh", "d"),
    ("th", "t"),
    ("sh", "s"),
    ("ph", "f"),
    ("q", "k"),
)


@lru_cache(maxsize=200_000)
def consonants(token: str) -> str:
    """The consonant skeleton used to compare with parts written in Arabic script."""
    for digraph, letter in _DIGRAPHS:
        token = token.replace(digraph, letter)
    # A final I or Y is written in Arabic (MOHAMMADI ends in a letter).
    last = "y" if token[-1:] in ("i", "y") and len(token) > 2 else ""
    return re.sub(r"(.)\1", r"\1", re.sub(r"[aeiouyw']", "", token)) + last


def _split_legal_forms(parts: list[tuple[str, bool]]) -> tuple[list[tuple[str, bool]], list[str]]:
    kept: list[tuple[str, bool]] = []
    forms: list[str] = []
    patterns = _legal_form_patterns()
    keys = [phonetic_key(p) for p, _ in parts]
    i = 0
    while i < len(parts):
        for pattern, key in patterns.get(keys[i], ()):
            window = list(zip(parts[i : i + len(pattern)], keys[i : i + len(pattern)]))
            if len(window) == len(pattern) and all(
                _same_word(w, k, p) for ((w, _), k), p in zip(window, pattern)
            ):
                forms.append(key)
                i += len(pattern)
                break
        else:
            kept.append(parts[i])
            i += 1
    return kept, forms


def normalize(name: str) -> NormalName:
    """Split ``name`` into identity parts and legal-form class tokens.

    If nothing but legal forms or honorifics is left (``"Limited"``), the
    words stay as identity parts: there is nothing else to match on.
    """
    text = unicodedata.normalize("NFKC", name).casefold()
    text = _APOSTROPHES.sub("", text)
    parts = [
        p for word in _NON_WORD.sub(" ", text.replace("_", " ")).split() for p in _fold_word(word)
    ]
    if not parts:
        return NormalName((), ())
    honorifics, numbers = _name_parts()
    parts = [(numbers.get(p, p), a) for p, a in parts]
    kept, forms = _split_legal_forms(parts)
    lead = 0
    while lead < len(kept) - 1 and kept[lead][0] in honorifics:
        lead += 1
    kept = kept[lead:]
    if not kept:
        kept, forms = parts, []
    tokens = tuple(p for p, _ in kept)
    head, comma, _ = name.partition(",")
    surname = normalize(head).tokens if comma and head.strip() else ()
    return NormalName(
        tokens,
        tuple(forms),
        tuple(phonetic_key(t) for t in tokens),
        tuple(a for _, a in kept),
        tuple(t for t in surname if t in tokens),
    )
