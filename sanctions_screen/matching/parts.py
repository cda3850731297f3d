"""How alike two name parts are, and how much evidence each part carries.

``part_similarity`` compares two normalised parts and says why they match:
``exact``, ``variant`` (a known equivalent spelling, ``name_variants.yml``),
``translit`` (equal phonetic keys), ``consonants`` (a part written in Arabic
script against its vowelled romanisation), ``initial`` or ``fuzzy`` (edit
similarity, for typos). ``part_weight`` says how much a part counts: rare
parts count fully, common words (TRADING, KOREA, MUHAMMAD) little.
"""

from __future__ import annotations

from functools import lru_cache

from rapidfuzz.distance import OSA, Indel

from .normalize import consonants, load_data, phonetic_key

# Similarity credited to a known spelling variant (PAK / BAK, RI / LEE) and to
# equal phonetic keys (GAYEVOY / GAEVOI). A little below 1 so an exact
# spelling still outranks a variant. Chosen so a full-name variant lands at
# ~95, well above every threshold a user would set.
VARIANT_SIMILARITY = 0.95
TRANSLIT_SIMILARITY = 0.95
# A part written in Arabic script carries no short vowels, so an equal
# consonant skeleton is good but not conclusive evidence (MHMD is MUHAMMAD,
# but also MAHMOUD's neighbour). Tuned on the benchmark's Arabic category.
CONSONANT_SIMILARITY = 0.9
# A single letter against a part starting with it ("A." for ANDREYEVICH).
INITIAL_SIMILARITY = 0.7
# Typo tolerance: edit similarity (optimal string alignment, so a swap of
# neighbouring letters is one edit; one edit in four letters = 0.75) below
# this is no evidence at all. Parts shorter than MIN_FUZZY_LENGTH must be
# equal, variants or share a phonetic key: one edit in a short part (JOHN /
# JONG, ENI / GENI) is usually another name. Tuned on the benchmark's typo
# positives against its common-name negatives.
MIN_FUZZY_SIMILARITY = 0.75
MIN_FUZZY_LENGTH = 5
# ... except that a part of four letters or more that is the other with one
# letter added (YAYA / YAHYA, BILD / BUILD) or one letter swapped for a
# letter of the same sound class (IWAD / AWAD, RIZA / REZA) is credited
# this much: enough to count as an aligned part of a person's name, not
# enough to make a name alone. MARY / MARK and JOHN / JONG stay apart.
SHORT_EDIT_LENGTH = 4
SHORT_EDIT_SIMILARITY = 0.75
SOUND_CLASSES = ("aeiouy", "vw", "ckq", "sz", "jy")
# Gendered forms of a Slavic surname (TYURIN / TYURINA, IVANOV / IVANOVA)
# name different people: the feminine form adds an A to these endings.
MASCULINE_ENDINGS = ("ov", "ev", "in", "yn")
# Phonetic keys are compared by edit distance only from this length: keys
# are shorter than spellings, so one edit weighs more (KHALID / HAMID are
# HALID / HAMID as keys).
MIN_KEY_FUZZY_LENGTH = 6
# Phonetic keys this short collide by chance (ABB / AAB, BYD / BID).
MIN_TRANSLIT_KEY_LENGTH = 4
# Consonant skeletons shorter than this never match.
MIN_CONSONANTS = 2
# Consonant skeletons compared by edit similarity need this much.
MIN_CONSONANT_SIMILARITY = 0.8

# Weight of a part with no frequency data: fully distinctive.
RARE_WEIGHT = 1.0
# Particles (AL, BIN, ABU, OF, THE) and single letters say almost nothing.
PARTICLE_WEIGHT = 0.15
INITIAL_WEIGHT = 0.3
# A patronymic (ANDREYEVICH) is often left out of vendor files and is
# shared by many people: it counts half.
PATRONYMIC_FACTOR = 0.5


@lru_cache(maxsize=1)
def _variants() -> dict[str, frozenset[int]]:
    groups: dict[str, set[int]] = {}
    number = 0
    for family in load_data("name_variants.yml").values():
        for group in family:
            number += 1
            for spelling in group:
                groups.setdefault(str(spelling), set()).add(number)
    return {k: frozenset(v) for k, v in groups.items()}


@lru_cache(maxsize=1)
def _weights() -> tuple[dict[str, float], frozenset[str], tuple[str, ...]]:
    common = load_data("common_words.yml")
    weights: dict[str, float] = {}
    for token in common["person"]:
        weights[phonetic_key(str(token))] = float(common["generic_person"])
    for token in common["organization"]:
        weights[phonetic_key(str(token))] = float(common["generic_organization"])
    for key, value in load_data("token_weights.yml")["weights"].items():
        key = str(key)
        weights[key] = min(float(value), weights.get(key, RARE_WEIGHT))
    parts = load_data("name_parts.yml")
    particles = frozenset(str(p) for p in parts["particles"])
    return weights, particles, tuple(parts["patronymic_suffixes"])


def part_weight(token: str, key: str) -> float:
    """How much evidence the part carries, 0-1."""
    weights, particles, patronymics = _weights()
    if token in particles:
        return PARTICLE_WEIGHT
    if len(token) == 1:
        return INITIAL_WEIGHT
    weight = weights.get(key, RARE_WEIGHT)
    if token.endswith(patronymics):
        weight *= PATRONYMIC_FACTOR
    return weight


def is_patronymic(token: str) -> bool:
    return token.endswith(_weights()[2])


def is_particle(token: str) -> bool:
    return token in _weights()[1]


def part_similarity(
    a: str, key_a: str, abjad_a: bool, b: str, key_b: str, abjad_b: bool
) -> tuple[float, str]:
    """Similarity 0-1 of two parts and the reason for it."""
    if a == b:
        return 1.0, "exact"
    if abjad_a or abjad_b:
        return _consonant_similarity(a, b)
    if len(b) == 1:
        # A single letter in a list name is part of an acronym (U.I.), not a
        # Korean syllable to take variants of.
        return 0.0, ""
    groups = _variants()
    group_a = groups.get(a)
    if group_a is not None and group_a & groups.get(b, frozenset()):
        return VARIANT_SIMILARITY, "variant"
    shorter = min(len(a), len(b))
    if _gendered(a, b) or _gendered(b, a):
        return 0.0, ""
    if key_a == key_b and max(len(key_a), shorter) >= MIN_TRANSLIT_KEY_LENGTH:
        return TRANSLIT_SIMILARITY, "translit"
    if len(a) == 1:
        # Only the counterparty's single letters are initials: a list's
        # "I.P.C." is an acronym, not three initials.
        return (INITIAL_SIMILARITY, "initial") if a == b[0] else (0.0, "")
    if shorter < MIN_FUZZY_LENGTH:
        if shorter >= SHORT_EDIT_LENGTH and _one_soft_edit(a, b):
            return SHORT_EDIT_SIMILARITY, "fuzzy"
        return 0.0, ""
    # OSA counts a swap of two neighbouring letters (DOUAD / DAOUD) as one edit.
    sim = OSA.normalized_similarity(a, b)
    if min(len(key_a), len(key_b)) >= MIN_KEY_FUZZY_LENGTH:
        sim = max(sim, OSA.normalized_similarity(key_a, key_b))
    return (sim, "fuzzy") if sim >= MIN_FUZZY_SIMILARITY else (0.0, "")


def _one_soft_edit(a: str, b: str) -> bool:
    """One letter added, or one letter replaced by one of its sound class."""
    if Indel.distance(a, b) == 1:
        return True
    if len(a) != len(b):
        return False
    diff = [(x, y) for x, y in zip(a, b) if x != y]
    return len(diff) == 1 and any(diff[0][0] in c and diff[0][1] in c for c in SOUND_CLASSES)


def _gendered(a: str, b: str) -> bool:
    """Whether ``b`` is the feminine form of the surname ``a`` (TYURIN / TYURINA)."""
    return (
        len(b) == len(a) + 1 and b.startswith(a) and b[-1] == "a" and a.endswith(MASCULINE_ENDINGS)
    )


def _consonant_similarity(a: str, b: str) -> tuple[float, str]:
    ca, cb = consonants(a), consonants(b)
    if min(len(ca), len(cb)) < MIN_CONSONANTS:
        # One consonant says nothing (DYA / TAY), except the article AL.
        return (CONSONANT_SIMILARITY, "consonants") if a == b == "al" else (0.0, "")
    if ca == cb:
        return CONSONANT_SIMILARITY, "consonants"
    if min(len(ca), len(cb)) >= MIN_FUZZY_LENGTH:
        sim = Indel.normalized_similarity(ca, cb)
        if sim >= MIN_CONSONANT_SIMILARITY:
            return sim * CONSONANT_SIMILARITY, "consonants"
    return 0.0, ""
