"""The default name scorer: weighted alignment of name parts.

Both names are normalised (``normalize.py``). Parts split on one side and
joined on the other (``KWANG HUN`` / ``KWANGHUN``, ``ZEEL M`` / ``ZEELM``) are
first re-joined. Parts are then aligned one to one, best pairs first,
whatever their order; each pair's similarity and reason come from
``parts.part_similarity``. Every part weighs what it tells about identity
(``parts.part_weight``: rare parts 1, TRADING or KOREA ~0.15-0.3, particles
and initials less), and the score is a weighted mean of how much of the
counterparty's evidence is covered by the list name and the other way round.
The counterparty side weighs more (``QUERY_WEIGHT``): a list name's parts
missing from a vendor file (a dropped patronymic) is normal, while extra
distinctive words in the vendor's name point to another party.

Rules on top: a match built only on common words is capped below any useful
threshold; a person's name needs two aligned parts when both sides have two,
and its family name (written before the comma in a list) must align; an
organisation written as one word is also compared whole with the list name
joined; an exactly equal name (legal forms aside) scores 100.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import OSA

from ..models import EntityKind
from .normalize import NormalName, phonetic_key
from .parts import (
    PARTICLE_WEIGHT,
    PATRONYMIC_FACTOR,
    is_particle,
    is_patronymic,
    part_similarity,
    part_weight,
)

# Weight of the counterparty's coverage against the list name's coverage.
# Tuned on the benchmark (bench/bench_matching.py): 0.6-0.7 all give recall
# above 0.97; 0.65 had the fewest false positives on the lookalike set.
QUERY_WEIGHT = 0.65
# The aligned parts' weights (each the lower of its two sides, times the
# similarity) must add up to this, or the score is capped at
# COMMON_ONLY_CAP: "Korea Trading" shares only common words (0.15 each) with
# "KOREA KWANGSON TRADING", while two common person names together
# ("Ahmad Hasan", ~0.3 each) are evidence. Tuned on the benchmark's
# lookalike and common-name negatives.
MIN_DISTINCTIVE_EVIDENCE = 0.5
# Persons need more: two common names together ("Ali Moradi", "Mohammed
# Aziz") are shared by thousands of people, so at least one uncommon part
# must align. Such matches stay visible at 70 for a reviewer who has a date
# of birth to check.
MIN_PERSON_EVIDENCE = 1.0
COMMON_ONLY_CAP = 75.0
# A part matched this well counts fully towards that evidence: a rare
# one-word name with a one-letter typo (CAPASTORTA / CAPOSTORTA) or a
# transliteration is not a match on common words.
FULL_EVIDENCE_SIMILARITY = 0.85
# ... unless both names of an organization are covered this well: a company
# name made only of common words ("EUROPE TRANSPORTATION LIMITED") still
# matches its variants. Persons get no such exception: "Sergey Morozov" is
# thousands of people, and only a date of birth tells them apart.
FULL_COVERAGE = 0.75
# A person's name with two or more parts on each side matched on a single
# part ("John Kim" / "KIM, Jong Un") is capped here: OFAC's own search
# scores such pairs 85+, the main complaint about it.
ONE_PART_PERSON_CAP = 65.0
# Both sides of a person's name keep a part the other lacks ("Amir PONENTE
# PARRA" / "PONENTE PARRA, Miguel"): the given names disagree, so the score
# is multiplied by this. Patronymics, particles and initials don't count.
BOTH_UNMATCHED_PERSON_FACTOR = 0.88
# A one-word organisation name ("Oracle", "Kia") against a list name that
# keeps another distinctive word ("STELLAR ORACLE", "KIA NIROU"): the word
# is shared, the company probably not.
ONE_WORD_ORGANIZATION_FACTOR = 0.9
DISTINCTIVE_WEIGHT = 0.5
# Both organisation names keep a word the other lacks ("White Textiles" /
# "WHITE STAR"): one shared word, two different companies.
BOTH_UNMATCHED_ORGANIZATION_FACTOR = 0.9
ORG_TELLING_WEIGHT = 0.1
# A counterparty written with a legal form ("Kia Corporation") is not the
# person an entry names ("SADEGHI, Kia").
LEGAL_FORM_ON_PERSON_FACTOR = 0.8
# Parts joined on one side and split on the other are compared whole; the
# join is trusted only if the joined form is this long.
MIN_JOINED_LENGTH = 4
MAX_JOIN = 4
# A joined form matched by phonetic key only may lose this many letters to
# the key (SANI YAYA must not become SANIA), and may not take in a single
# letter (SONIA I is not SONY).
MAX_JOIN_KEY_SHRINK = 2
# An organisation's name written as one word against a list name of several
# (or the other way round) is also compared whole, all parts joined, when
# both are this long: a typo in a joined code (EP-LDC / EPTLDC) then costs
# one letter, not the whole name. Persons are not: LI YANG is not LIANG;
# nor are names whose parts are all common words ("Trading" / "TRADING A").
MIN_JOINED_WHOLE = 6
MIN_JOINED_WHOLE_SIMILARITY = 0.8
# Two one-word names of five letters or fewer that match only by edit
# distance (TESCO / TEACO, BAYER / BAJER) are easy to confuse: such scores are
# multiplied by this. A one-letter typo in a longer word (TRIMIX / TRIIIX)
# stays above the default threshold.
SINGLE_PART_FUZZY_FACTOR = 0.95
SHORT_WORD = 5
# A list writes a person's family name before the comma ("GUPTA, Rajesh
# Kumar"). If that family name aligns with nothing in the counterparty (or
# only with an initial), the shared given names are all the evidence: common
# to many people, so the score is capped here, visible at 70 only.
SURNAME_UNMATCHED_CAP = 75.0
# In an Arabic name the part after BIN / IBN is the father's name
# ("Abdullah bin Faisal" is Abdullah, son of Faisal). When the list name
# writes no such particle, that part is weighed like a patronymic.
FILIATION = frozenset({"bin", "ibn", "bint", "ben", "bn"})


@dataclass(frozen=True, slots=True)
class NameScore:
    """A 0-100 score with the part alignment that produced it.

    ``alignment`` holds (counterparty part, list part, similarity, reason);
    ``notes`` say what capped or moved the score.
    """

    score: float
    alignment: tuple[tuple[str, str, float, str], ...]
    method: str
    unmatched_query: tuple[str, ...] = ()
    unmatched_list: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()


Parts = tuple[tuple[str, str, bool], ...]  # (part, phonetic key, from Arabic script)


@lru_cache(maxsize=100_000)
def _parts(name: NormalName) -> Parts:
    abjad = name.abjad or (False,) * len(name.tokens)
    keys = name.keys or tuple(phonetic_key(t) for t in name.tokens)
    return tuple(zip(name.tokens, keys, abjad))


@lru_cache(maxsize=100_000)
def _joins(side: Parts) -> tuple[frozenset[str], frozenset[str]]:
    """(spellings and keys of runs of 2+ parts joined, spellings and keys of single parts)."""
    joined: set[str] = set()
    for n in range(2, min(MAX_JOIN, len(side)) + 1):
        for i in range(len(side) - n + 1):
            text = "".join(t for t, _, _ in side[i : i + n])
            joined.update((text, phonetic_key(text)))
    single = {t for t, _, _ in side if len(t) >= MIN_JOINED_LENGTH}
    single.update(k for _, k, _ in side if len(k) >= MIN_JOINED_LENGTH)
    return frozenset(joined), frozenset(single)


def _rejoin(side: Parts, other: Parts, by_spelling: bool = False) -> Parts:
    """Join runs of parts on ``side`` whose concatenation is a part of ``other``.

    ``by_spelling``: the joined form must be spelt as the other part, not
    only share its phonetic key (persons: LI YANG is not LIANG).
    """
    if len(side) < 2:
        return side
    targets = _joins(other)[1]
    if _joins(side)[0].isdisjoint(targets):
        return side
    out: list[tuple[str, str, bool]] = []
    i = 0
    while i < len(side):
        for n in range(min(MAX_JOIN, len(side) - i), 1, -1):
            joined = "".join(t for t, _, _ in side[i : i + n])
            key = phonetic_key(joined)
            by_key = (
                not by_spelling
                and key in targets
                and abs(len(joined) - len(key)) <= MAX_JOIN_KEY_SHRINK
                and all(len(t) > 1 for t, _, _ in side[i : i + n])
            )
            if joined in targets or by_key:
                out.append((joined, key, any(a for _, _, a in side[i : i + n])))
                i += n
                break
        else:
            out.append(side[i])
            i += 1
    return tuple(out)


def _joined_whole(q: Parts, c: Parts) -> tuple[float, str, str] | None:
    """Both names joined whole, if alike by spelling (EP-LDC / EPTLDC): (similarity, q, c)."""
    jq = "".join(t for t, _, _ in q)
    jc = "".join(t for t, _, _ in c)
    if min(len(jq), len(jc)) < MIN_JOINED_WHOLE:
        return None
    sim = OSA.normalized_similarity(jq, jc)
    return (sim, jq, jc) if sim >= MIN_JOINED_WHOLE_SIMILARITY else None


def _telling(
    side: Parts, weights: list[float], done: set[int], floor: float = PARTICLE_WEIGHT
) -> bool:
    """Whether ``side`` keeps an unaligned part that tells people apart."""
    return any(
        i not in done and len(t) > 1 and not is_patronymic(t) and weights[i] > floor
        for i, (t, _, _) in enumerate(side)
    )


def _align(q: Parts, c: Parts) -> list[tuple[int, int, float, str]]:
    """Greedy one-to-one alignment of parts, best pairs first."""
    pairs = []
    for i, (qt, qk, qa) in enumerate(q):
        for j, (ct, ck, ca) in enumerate(c):
            sim, why = part_similarity(qt, qk, qa, ct, ck, ca)
            if sim > 0.0:
                pairs.append((sim, -i, -j, why))
    pairs.sort(reverse=True)
    used_q: set[int] = set()
    used_c: set[int] = set()
    aligned: list[tuple[int, int, float, str]] = []
    for sim, ni, nj, why in pairs:
        i, j = -ni, -nj
        if i in used_q or j in used_c:
            continue
        used_q.add(i)
        used_c.add(j)
        aligned.append((i, j, sim, why))
    return aligned


def score_names(query: NormalName, cand: NormalName, kind: EntityKind | None = None) -> NameScore:
    """Score a counterparty name against one list name, 0-100, with the alignment.

    ``kind`` is what the list entry is (persons get the two-part rule).
    """
    if not query.tokens or not cand.tokens:
        return NameScore(0.0, (), "empty")
    if sorted(query.tokens) == sorted(cand.tokens):
        return NameScore(100.0, tuple((t, t, 1.0, "exact") for t in query.tokens), "exact")
    person = kind is EntityKind.PERSON
    q = _rejoin(_parts(query), _parts(cand), person)
    c = _rejoin(_parts(cand), q, person)
    aligned = _align(q, c)
    wq = [part_weight(t, k) for t, k, _ in q]
    wc = [part_weight(t, k) for t, k, _ in c]
    if kind is EntityKind.PERSON and FILIATION.isdisjoint(cand.tokens):
        for i in range(1, len(q)):
            if q[i - 1][0] in FILIATION:
                wq[i] *= PATRONYMIC_FACTOR
    q_cov = sum(wq[i] * sim for i, _, sim, _ in aligned) / sum(wq)
    c_cov = sum(wc[j] * sim for _, j, sim, _ in aligned) / sum(wc)
    score = 100.0 * (QUERY_WEIGHT * q_cov + (1 - QUERY_WEIGHT) * c_cov)
    notes: list[str] = []
    evidence = sum(
        min(wq[i], wc[j]) * (1.0 if sim >= FULL_EVIDENCE_SIMILARITY else sim)
        for i, j, sim, _ in aligned
    )
    need = MIN_PERSON_EVIDENCE if kind is EntityKind.PERSON else MIN_DISTINCTIVE_EVIDENCE
    done_q = {i for i, _, _, _ in aligned}
    done_c = {j for _, j, _, _ in aligned}
    covered = kind is not EntityKind.PERSON and min(q_cov, c_cov) >= FULL_COVERAGE
    if evidence < need and score > COMMON_ONLY_CAP and not covered:
        score = COMMON_ONLY_CAP
        notes.append(f"capped at {COMMON_ONLY_CAP:g}: only common words align")
    strong = sum(
        1
        for i, j, sim, _ in aligned
        if len(q[i][0]) > 1 and sim >= 0.7 and not is_particle(q[i][0])
    )
    if (
        kind is EntityKind.PERSON
        and min(len(q), len(c)) >= 2
        and strong < 2
        and score > ONE_PART_PERSON_CAP
    ):
        score = ONE_PART_PERSON_CAP
        notes.append(f"capped at {ONE_PART_PERSON_CAP:g}: one name part of a person aligns")
    surname = {t for t in cand.surname if not is_particle(t)}
    if (
        kind is EntityKind.PERSON
        and surname
        and score > SURNAME_UNMATCHED_CAP
        and not any(
            why != "initial" and sim >= 0.7 and any(s in c[j][0] for s in surname)
            for _, j, sim, why in aligned
        )
    ):
        score = SURNAME_UNMATCHED_CAP
        notes.append(f"capped at {SURNAME_UNMATCHED_CAP:g}: the family name does not align")
    if (
        len(q) == len(c) == 1
        and aligned
        and aligned[0][3] == "fuzzy"
        and min(len(q[0][0]), len(c[0][0])) <= SHORT_WORD
    ):
        score *= SINGLE_PART_FUZZY_FACTOR
        notes.append(f"x{SINGLE_PART_FUZZY_FACTOR:g}: one-word names alike by spelling only")
    if (
        kind is not EntityKind.PERSON
        and len(q) == 1
        and any(j not in done_c and wc[j] >= DISTINCTIVE_WEIGHT for j in range(len(c)))
    ):
        score *= ONE_WORD_ORGANIZATION_FACTOR
        notes.append(f"x{ONE_WORD_ORGANIZATION_FACTOR:g}: one word shared, the list name has more")
    if (
        kind is not EntityKind.PERSON
        and _telling(q, wq, done_q, ORG_TELLING_WEIGHT)
        and _telling(c, wc, done_c, ORG_TELLING_WEIGHT)
    ):
        score *= BOTH_UNMATCHED_ORGANIZATION_FACTOR
        notes.append(
            f"x{BOTH_UNMATCHED_ORGANIZATION_FACTOR:g}: both names keep words the other lacks"
        )
    if kind is EntityKind.PERSON:
        if _telling(q, wq, done_q) and _telling(c, wc, done_c):
            score *= BOTH_UNMATCHED_PERSON_FACTOR
            notes.append(
                f"x{BOTH_UNMATCHED_PERSON_FACTOR:g}: both names keep parts the other lacks"
            )
        if query.legal_forms:
            score *= LEGAL_FORM_ON_PERSON_FACTOR
            notes.append(f"x{LEGAL_FORM_ON_PERSON_FACTOR:g}: counterparty has a legal form")
    if (
        kind is not EntityKind.PERSON
        and len(q) != len(c)
        and min(sum(wq), sum(wc)) >= MIN_DISTINCTIVE_EVIDENCE
    ):
        joined = _joined_whole(q, c)
        if joined is not None and joined[0] * 100.0 > score:
            sim, jq, jc = joined
            return NameScore(
                sim * 100.0,
                ((jq, jc, round(sim, 3), "fuzzy"),),
                "joined",
                notes=("compared whole, parts joined",),
            )
    return NameScore(
        score,
        tuple((q[i][0], c[j][0], round(sim, 3), why) for i, j, sim, why in aligned),
        "aligned",
        tuple(t for i, (t, _, _) in enumerate(q) if i not in done_q),
        tuple(t for j, (t, _, _) in enumerate(c) if j not in done_c),
        tuple(notes),
    )
