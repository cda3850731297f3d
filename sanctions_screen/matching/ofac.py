"""OFAC-compatible scoring: what OFAC's Sanctions List Search would report.

OFAC FAQ 249 documents the tool: it uses "two matching logic algorithms" —
a character-based Jaro-Winkler over the whole name and a Soundex-aided
comparison of name parts — and reports the higher of the two; a list name
is a candidate only if it shares the first letter with the query and is at
least 50% similar. Public parity studies of the live tool show the first
letter gates the whole-string comparison only (``GEORGE BUSH`` finds
``HASWANI, George`` at 50 through the name parts), so that is what we do.
Only the name is scored; OFAC recommends no threshold.

Our reading of the parts not spelled out, from public parity studies of the
live tool:
- names are upper-cased and stripped of punctuation only: no
  transliteration, no legal-form handling (a Cyrillic query scores 0);
- the Winkler prefix bonus is applied whatever the plain Jaro score;
- per-part score: each query part of three or more letters takes its best
  Jaro-Winkler against the list name's parts, raised to ``SOUNDEX_PART_SCORE``
  when the Soundex codes agree; pairs below ``PART_FLOOR`` count 0; the
  score is the mean over the query's parts.
These reproduce its known quirks: one shared part can score 85, and
``BUSH GEORGE`` finds nothing that ``GEORGE BUSH`` finds.
"""

from __future__ import annotations

import re
import unicodedata

from rapidfuzz.distance import Jaro

from .default import NameScore

WINKLER_PREFIX = 4
WINKLER_SCALE = 0.1
# Part pairs below this Jaro-Winkler add nothing (OFAC parity studies).
PART_FLOOR = 0.5
# Parts of this length or shorter are ignored on the query side, unless
# nothing else is left (KIM JONG UN is compared as KIM JONG).
SHORT_PART = 2
# A part whose Soundex code equals the list part's scores at least this.
SOUNDEX_PART_SCORE = 0.9
# FAQ 249: candidates are at least 50% similar.
MIN_CANDIDATE_SCORE = 50.0

_SOUNDEX = {
    c: d
    for d, letters in enumerate(("", "bfpv", "cgjkqsxz", "dt", "l", "mn", "r"))
    for c in letters
}


def ofac_tokens(name: str) -> list[str]:
    """Upper-case parts; apostrophes and periods vanish, other punctuation splits."""
    text = unicodedata.normalize("NFKC", name).upper()
    text = re.sub(r"['’.]", "", text)
    return [t for t in re.split(r"[^\w]+", text) if t]


def jaro_winkler(a: str, b: str) -> float:
    """Jaro-Winkler with the prefix bonus applied whatever the plain Jaro score."""
    if not a or not b:
        return 0.0
    jaro = Jaro.similarity(a, b)
    prefix = 0
    for x, y in zip(a[:WINKLER_PREFIX], b[:WINKLER_PREFIX]):
        if x != y:
            break
        prefix += 1
    return jaro + prefix * WINKLER_SCALE * (1.0 - jaro)


def soundex(word: str) -> str:
    """American Soundex of an ASCII word ('' for anything else)."""
    letters = [c for c in word.lower() if "a" <= c <= "z"]
    if not letters:
        return ""
    code = letters[0].upper()
    last = _SOUNDEX.get(letters[0], -1)
    for c in letters[1:]:
        digit = _SOUNDEX.get(c, -1)
        if digit > 0 and digit != last:
            code += str(digit)
        if c not in "hw":
            last = digit
    return (code + "000")[:4]


def whole_string(query: list[str], cand: list[str]) -> float:
    q, c = " ".join(query), " ".join(cand)
    if not q or not c or q[0] != c[0]:
        return 0.0
    return 100.0 * jaro_winkler(q, c)


def per_part(query: list[str], cand: list[str]) -> float:
    parts = [t for t in query if len(t) > SHORT_PART] or query
    if not parts or not cand:
        return 0.0
    total = 0.0
    for part in parts:
        code = soundex(part)
        best = 0.0
        for other in cand:
            sim = jaro_winkler(part, other)
            if code and code == soundex(other):
                sim = max(sim, SOUNDEX_PART_SCORE)
            best = max(best, sim)
        total += best if best >= PART_FLOOR else 0.0
    return 100.0 * total / len(parts)


def score_ofac(query_name: str, list_name: str) -> NameScore:
    """OFAC Sanctions List Search score of one query against one list name."""
    q, c = ofac_tokens(query_name), ofac_tokens(list_name)
    if not q or not c:
        return NameScore(0.0, (), "ofac", notes=("nothing to compare",))
    whole = whole_string(q, c)
    parts = per_part(q, c)
    score = max(whole, parts)
    if score < MIN_CANDIDATE_SCORE:
        score = 0.0
    return NameScore(
        score,
        ((" ".join(q), " ".join(c), round(score / 100, 3), "ofac"),),
        "ofac",
        notes=(
            f"whole-string Jaro-Winkler {whole:.1f}, per-part Jaro-Winkler/Soundex {parts:.1f}",
        ),
    )
