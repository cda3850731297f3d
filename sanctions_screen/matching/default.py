"""The default name scorer: token alignment over normalised names.

Both names are normalised (``normalize.py``) so legal forms, case, accents,
punctuation and Cyrillic script neither make nor block a match. The name
parts are then aligned one to one, whatever their order, and the score is a
weighted mean of how well the counterparty's parts are covered by the list
name's and the other way round. The counterparty side weighs more: a list
name's parts missing from a vendor file (a dropped patronymic) is normal,
while extra words in the vendor's name are evidence of a different party.
A second view compares the names with all spaces removed when one side has
split or joined a word, so ``ZEELM`` and ``ZEEL - M`` line up.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz.distance import Indel

from .normalize import NormalName

# Weight of the counterparty's coverage against the list name's coverage.
# Tuned on the example vendors: 0.65 lets "Alexander Gayevoy" reach
# "GAYEVOY, Aleksandr Andreyevich" while "Apollon Tours" stays below 80
# against the one-word weak alias "APOLLON".
QUERY_WEIGHT = 0.65
# Two name parts shorter than this must be equal to count as aligned:
# edit similarity between "o" and "yo" says nothing.
MIN_FUZZY_TOKEN_LENGTH = 3
# A part pair below this similarity is treated as unaligned (0), so a chain
# of weak resemblances cannot add up to a hit.
MIN_TOKEN_SIMILARITY = 0.70
# Joined view: only trusted when the joined strings are long enough that a
# high ratio is not chance.
MIN_JOINED_LENGTH = 4


@dataclass(frozen=True, slots=True)
class NameScore:
    score: float  # 0-100
    alignment: tuple[tuple[str, str, float], ...]  # (counterparty part, list part, similarity)
    method: str


def token_similarity(a: str, b: str) -> float:
    """0-1 similarity of two name parts."""
    if a == b:
        return 1.0
    if min(len(a), len(b)) < MIN_FUZZY_TOKEN_LENGTH:
        return 0.0
    sim = Indel.normalized_similarity(a, b)
    return sim if sim >= MIN_TOKEN_SIMILARITY else 0.0


def _align(query: tuple[str, ...], cand: tuple[str, ...]) -> list[tuple[int, int, float]]:
    """Greedy one-to-one alignment of parts, best pairs first."""
    pairs = sorted(
        ((token_similarity(q, c), i, j) for i, q in enumerate(query) for j, c in enumerate(cand)),
        reverse=True,
    )
    used_q: set[int] = set()
    used_c: set[int] = set()
    aligned: list[tuple[int, int, float]] = []
    for sim, i, j in pairs:
        if sim <= 0.0:
            break
        if i in used_q or j in used_c:
            continue
        used_q.add(i)
        used_c.add(j)
        aligned.append((i, j, sim))
    return aligned


def score_names(query: NormalName, cand: NormalName) -> NameScore:
    """Score a counterparty name against one list name, 0-100, with the alignment."""
    q, c = query.tokens, cand.tokens
    if not q or not c:
        return NameScore(0.0, (), "empty")
    if sorted(q) == sorted(c):
        return NameScore(100.0, tuple((t, t, 1.0) for t in q), "exact")
    aligned = _align(q, c)
    q_len = sum(len(t) for t in q)
    c_len = sum(len(t) for t in c)
    q_cov = sum(sim * len(q[i]) for i, _, sim in aligned) / q_len
    c_cov = sum(sim * len(c[j]) for _, j, sim in aligned) / c_len
    aligned_score = 100.0 * (QUERY_WEIGHT * q_cov + (1 - QUERY_WEIGHT) * c_cov)
    best = NameScore(
        aligned_score, tuple((q[i], c[j], round(s, 3)) for i, j, s in aligned), "aligned"
    )
    joined_q, joined_c = "".join(q), "".join(c)
    # Only where the part counts differ, i.e. one side split or joined a word;
    # with equal counts the alignment already saw every part.
    if min(len(joined_q), len(joined_c)) >= MIN_JOINED_LENGTH and len(q) != len(c):
        joined = 100.0 * Indel.normalized_similarity(joined_q, joined_c)
        if joined > best.score:
            best = NameScore(joined, ((joined_q, joined_c, round(joined / 100, 3)),), "joined")
    return best
