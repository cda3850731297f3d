"""Candidate index: which list names could reach the threshold for a query.

Careful scoring costs tens of microseconds a pair; the full SDN has ~37k
names. The index keeps an inverted map from each name part's phonetic key
(and from the keys of adjacent parts joined, for ``KWANG HUN`` /
``KWANGHUN``) to the names holding it. A query part is looked up exactly,
through its known spelling variants, and fuzzily against the vocabulary of
keys of similar length with rapidfuzz's C scorer. Each name found collects
the weight of the query parts it covers; names whose share of the query's
evidence cannot lift them to the threshold, or that share only common words
with it, are dropped before scoring.

Fuzzy lookup uses deletion neighbourhoods (the "symmetric delete" idea):
every vocabulary key is filed under itself with each one letter deleted, so
a query key finds all keys one edit away with a few dictionary lookups.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from ..models import Entry, EntryName
from .default import COMMON_ONLY_CAP, MIN_DISTINCTIVE_EVIDENCE, QUERY_WEIGHT
from .evidence import _id_value
from .normalize import NormalName, consonants, phonetic_key
from .ofac import MIN_CANDIDATE_SCORE, ofac_tokens
from .parts import MIN_FUZZY_SIMILARITY, SHORT_EDIT_LENGTH, _variants, part_weight

# Keys shorter than this are looked up exactly only: the careful scorer
# never matches shorter parts by edit distance (parts.SHORT_EDIT_LENGTH).
MIN_FUZZY_LOOKUP_LENGTH = SHORT_EDIT_LENGTH
# Slack, in points, between the index's bound and the threshold: the bound
# is computed on keys and weights that the scorer refines.
BOUND_MARGIN = 8.0
# Long parts are also filed under their first and last AFFIX letters and
# compared by edit similarity with the query parts sharing either.
MIN_AFFIX_LOOKUP_LENGTH = 8
AFFIX = 5
MAX_JOIN = 4


@dataclass(frozen=True, slots=True)
class IndexedName:
    entry: Entry
    list_name: str
    name: EntryName
    normal: NormalName


class CandidateIndex:
    """Inverted index over the normalised parts of every list name."""

    def __init__(self, names: Sequence[IndexedName], whole_string: bool = False) -> None:
        self.names = list(names)
        self.whole_string = whole_string
        self._postings: dict[str, list[int]] = defaultdict(list)
        self._consonants: dict[str, set[str]] = defaultdict(set)  # skeleton -> keys
        self._identifiers: dict[str, list[int]] = defaultdict(list)
        for i, n in enumerate(self.names):
            keys = n.normal.keys
            pairs = (keys[j] + keys[j + 1] for j in range(len(keys) - 1))
            for key in {*keys, *n.normal.tokens, *pairs}:
                self._postings[key].append(i)
            for token, key in zip(n.normal.tokens, keys):
                self._consonants[consonants(token)].add(key)
            for ident in n.entry.identifiers:
                self._identifiers[_id_value(ident.value)].append(i)
        self._deletes: dict[str, set[str]] = defaultdict(set)
        # Spellings are filed too: a typo can move a key two edits away; and
        # adjacent parts joined, for a joined name with a typo (RA-82010 /
        # RAK82010).
        vocabulary = {k for n in self.names for k in (*n.normal.keys, *n.normal.tokens)}
        for n in self.names:
            keys = n.normal.keys
            vocabulary.update(keys[j] + keys[j + 1] for j in range(len(keys) - 1))
        self._affixes: dict[str, set[str]] = defaultdict(set)
        for key in vocabulary:
            if len(key) >= MIN_FUZZY_LOOKUP_LENGTH:
                for variant in _deletions(key):
                    self._deletes[variant].add(key)
            if len(key) >= MIN_AFFIX_LOOKUP_LENGTH:
                self._affixes["<" + key[:AFFIX]].add(key)
                self._affixes[">" + key[-AFFIX:]].add(key)
        self._upper = (
            [" ".join(ofac_tokens(n.name.name)) for n in self.names] if whole_string else []
        )
        self.fuzzy = lru_cache(maxsize=100_000)(self._fuzzy)

    def by_identifier(self, value: str) -> list[int]:
        return self._identifiers.get(value, []) if len(value) >= 5 else []

    def _fuzzy(self, key: str) -> tuple[tuple[str, float], ...]:
        """Vocabulary keys equal to ``key``, its known variants, or one edit away."""
        found: dict[str, float] = {key: 1.0} if key in self._postings else {}
        for token in _variants_of(key):
            vkey = phonetic_key(token)
            if vkey in self._postings:
                found[vkey] = 1.0
        if len(key) >= MIN_FUZZY_LOOKUP_LENGTH:
            for variant in _deletions(key):
                for other in self._deletes.get(variant, ()):
                    if other not in found:
                        found[other] = Levenshtein.normalized_similarity(key, other)
        if len(key) >= MIN_AFFIX_LOOKUP_LENGTH:
            # Long parts two or more edits apart (ADMINISTRATION /
            # ADMINISTRATIVE) share a beginning or an ending.
            bucket = self._affixes.get("<" + key[:AFFIX], set()) | self._affixes.get(
                ">" + key[-AFFIX:], set()
            )
            for other, sim, _ in process.extract_iter(
                key,
                bucket - found.keys(),
                scorer=Levenshtein.normalized_similarity,
                score_cutoff=MIN_FUZZY_SIMILARITY,
            ):
                found[other] = sim
        return tuple(found.items())

    def candidates(self, raw: str, query: NormalName, floor: float) -> set[int]:
        """Ids of names that could score ``floor`` or more against ``query``."""
        if self.whole_string:
            return self._whole_string_candidates(raw) | self._part_candidates(query, 0.0)
        return self._part_candidates(query, floor)

    def _part_candidates(self, query: NormalName, floor: float) -> set[int]:
        weights = [part_weight(t, k) for t, k in zip(query.tokens, query.keys)]
        covered: dict[int, float] = defaultdict(float)
        for pos, (token, key) in enumerate(zip(query.tokens, query.keys)):
            best: dict[int, float] = {}
            if query.abjad[pos]:
                lookups: tuple[tuple[str, float], ...] = tuple(self._consonant_lookup(token))
            else:
                lookups = self.fuzzy(key) + self.fuzzy(token)
            for vkey, sim in lookups:
                for i in self._postings.get(vkey, ()):
                    if best.get(i, 0.0) < sim:
                        best[i] = sim
            for i, sim in best.items():
                covered[i] += weights[pos] * sim
        # Query parts joined (KWANG HUN against KWANGHUN): cover all joined parts.
        keys = query.keys
        for n in range(2, min(MAX_JOIN, len(keys)) + 1):
            for start in range(len(keys) - n + 1):
                joined = phonetic_key("".join(query.tokens[start : start + n]))
                for i in self._postings.get(joined, ()):
                    covered[i] += sum(weights[start : start + n])
        total = sum(weights) or 1.0
        need = (floor - BOUND_MARGIN - 100.0 * (1 - QUERY_WEIGHT)) / (100.0 * QUERY_WEIGHT)
        # Below the cap for common-word matches, shared common words alone
        # cannot reach the floor: such names are not worth scoring.
        min_evidence = MIN_DISTINCTIVE_EVIDENCE if floor > COMMON_ONLY_CAP else 0.0
        return {i for i, w in covered.items() if w / total >= need and w >= min_evidence}

    def _consonant_lookup(self, token: str) -> list[tuple[str, float]]:
        """Keys of list parts whose consonants equal those of a part in Arabic script."""
        return [(k, 1.0) for k in self._consonants.get(consonants(token), ())]

    def _whole_string_candidates(self, raw: str) -> set[int]:
        query = " ".join(ofac_tokens(raw))
        if not query:
            return set()
        return {
            i
            for _, _, i in process.extract_iter(
                query, self._upper, scorer=fuzz.ratio, score_cutoff=MIN_CANDIDATE_SCORE
            )
            if self._upper[i][:1] == query[:1]
        }


def _deletions(key: str) -> set[str]:
    return {key, *(key[:i] + key[i + 1 :] for i in range(len(key)))}


@lru_cache(maxsize=100_000)
def _variants_of(key: str) -> tuple[str, ...]:
    """Known spelling variants of the parts whose phonetic key is ``key``."""
    groups = _variants()
    mine: frozenset[int] = frozenset().union(
        *(g for t, g in groups.items() if phonetic_key(t) == key)
    )
    return tuple(t for t, g in groups.items() if g & mine)
