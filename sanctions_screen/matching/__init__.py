"""Matching: normalise names and score a counterparty against list names.

``compare(a, b)`` is the public, stable entry point: it returns exactly the
score the CLI reports for that pair of names (``b`` a strong list name of an
entry of ``kind``, no secondary attributes). Algorithms are registered by
name in ``ALGORITHMS``; ``default`` is ours, ``ofac`` reproduces OFAC's
Sanctions List Search.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..models import EntityKind, NameStrength
from .default import NameScore, score_names
from .normalize import NormalName, normalize
from .ofac import score_ofac

# Lowest score the CLI reports by default. Chosen on the benchmark
# (bench/bench_matching.py, full OFAC SDN, 2,256 positives, 4,389 clean
# names): at 80 recall is 0.95 with 5 false positives per 1,000 clean
# names; at 75 recall gains 1.4 points but false positives rise eight-fold
# (40), at 85 recall drops 1.8 points for 1.6 fewer false positives per 1,000.
DEFAULT_THRESHOLD = 80.0
# Weak aliases are broad by OFAC's own description: a fuzzy (not exact)
# match on one counts for a little less.
WEAK_ALIAS_FACTOR = 0.9


def score(
    query: NormalName,
    cand: NormalName,
    strength: NameStrength = NameStrength.STRONG,
    kind: EntityKind | None = None,
) -> NameScore:
    """Score normalised names with the default algorithm (``kind``: the list entry's)."""
    result = score_names(query, cand, kind)
    if strength is NameStrength.WEAK and result.score < 100.0:
        result = NameScore(
            result.score * WEAK_ALIAS_FACTOR,
            result.alignment,
            result.method,
            result.unmatched_query,
            result.unmatched_list,
            (*result.notes, f"x{WEAK_ALIAS_FACTOR:g}: weak alias"),
        )
    return result


@dataclass(frozen=True, slots=True)
class Algorithm:
    """A named way of scoring one counterparty name against one list name."""

    name: str
    summary: str
    # Score from raw names plus their normalised forms, the list name's strength
    # and the entry's kind.
    scorer: Callable[[str, NormalName, str, NormalName, NameStrength, EntityKind | None], NameScore]
    uses_attributes: bool  # whether DOB, country and identifiers move the score


def _default(
    qa: str, qn: NormalName, ca: str, cn: NormalName, s: NameStrength, k: EntityKind | None
) -> NameScore:
    return score(qn, cn, s, k)


def _ofac(
    qa: str, qn: NormalName, ca: str, cn: NormalName, s: NameStrength, k: EntityKind | None
) -> NameScore:
    return score_ofac(qa, ca)


ALGORITHMS: dict[str, Algorithm] = {
    "default": Algorithm(
        "default",
        "weighted alignment of normalised name parts, with transliteration and attributes",
        _default,
        True,
    ),
    "ofac": Algorithm(
        "ofac",
        "OFAC Sanctions List Search (FAQ 249): Jaro-Winkler and Soundex, names only",
        _ofac,
        False,
    ),
}
DEFAULT_ALGORITHM = "default"


def get_algorithm(name: str) -> Algorithm:
    """The registered algorithm called ``name`` (KeyError naming the choices if none)."""
    try:
        return ALGORITHMS[name]
    except KeyError:
        raise KeyError(f"unknown algorithm {name!r}; choose from {', '.join(ALGORITHMS)}") from None


def compare(
    name_a: str,
    name_b: str,
    kind: EntityKind | str | None = None,
    algorithm: str = DEFAULT_ALGORITHM,
) -> float:
    """Score two names 0-100, as the CLI would score counterparty ``name_a`` against ``name_b``."""
    if isinstance(kind, str):
        kind = EntityKind.parse(kind)
    algo = get_algorithm(algorithm)
    result = algo.scorer(
        name_a, normalize(name_a), name_b, normalize(name_b), NameStrength.STRONG, kind
    )
    return round(result.score, 1)


__all__ = [
    "ALGORITHMS",
    "DEFAULT_ALGORITHM",
    "DEFAULT_THRESHOLD",
    "Algorithm",
    "NameScore",
    "NormalName",
    "compare",
    "get_algorithm",
    "normalize",
    "score",
]
