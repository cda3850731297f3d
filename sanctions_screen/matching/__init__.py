"""Matching: normalise names and score a counterparty against list names.

``compare(a, b)`` is the public, stable entry point: it returns exactly the
score the CLI reports for that pair of names.
"""

from __future__ import annotations

from ..models import EntityKind, NameStrength
from .default import NameScore, score_names
from .normalize import NormalName, normalize

# Lowest score the CLI reports by default. At 80 every example variant
# (Zil-M LLC, OOO Apollon, Alexander Gayevoy, Pak Gwang-hun) is found and
# none of the clean example vendors is flagged.
DEFAULT_THRESHOLD = 80.0
# Weak aliases are broad by OFAC's own description: a fuzzy (not exact)
# match on one counts for a little less.
WEAK_ALIAS_FACTOR = 0.95


def score(
    query: NormalName,
    cand: NormalName,
    strength: NameStrength = NameStrength.STRONG,
    kind: EntityKind | None = None,
) -> NameScore:
    """Score normalised names; the one function both ``compare`` and the screener use."""
    result = score_names(query, cand)
    if strength is NameStrength.WEAK and result.score < 100.0:
        result = NameScore(result.score * WEAK_ALIAS_FACTOR, result.alignment, result.method)
    return result


def compare(name_a: str, name_b: str, kind: EntityKind | str | None = None) -> float:
    """Score two names 0-100, as the CLI would score counterparty ``name_a`` against ``name_b``."""
    if isinstance(kind, str):
        kind = EntityKind.parse(kind)
    return round(score(normalize(name_a), normalize(name_b), kind=kind).score, 1)


__all__ = ["DEFAULT_THRESHOLD", "NameScore", "NormalName", "compare", "normalize", "score"]
