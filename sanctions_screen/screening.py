"""The screening core: every counterparty against every name of every entry.

Pure: no I/O, no printing. ``Screener`` normalises each list name once, then
for each counterparty keeps the names a cheap C-level prefilter lets through
and scores only those carefully.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from .matching import score
from .matching.normalize import NormalName, normalize
from .models import Counterparty, Entry, EntryName, Hit, SanctionsList, ScreeningResult

# The prefilter (rapidfuzz token_set_ratio on normalised text) must never
# drop a name the careful scorer would report, so it runs this many points
# below the report threshold.
PREFILTER_MARGIN = 30.0


@dataclass(frozen=True, slots=True)
class IndexedName:
    entry: Entry
    list_name: str
    name: EntryName
    normal: NormalName


class Screener:
    """Holds the normalised names of the lists and screens counterparties against them."""

    def __init__(self, lists: Sequence[SanctionsList]) -> None:
        self.lists = tuple(lists)
        self._names: list[IndexedName] = []
        for sanctions_list in self.lists:
            for entry in sanctions_list.entries:
                for entry_name in entry.names:
                    normal = normalize(entry_name.name)
                    if normal.tokens:
                        self._names.append(
                            IndexedName(entry, sanctions_list.meta.name, entry_name, normal)
                        )
        self._texts = [n.normal.text for n in self._names]

    def screen_one(self, counterparty: Counterparty, threshold: float, top: int) -> ScreeningResult:
        query = normalize(counterparty.name)
        if not query.tokens:
            return ScreeningResult(counterparty, ())
        best: dict[tuple[str, str], Hit] = {}  # one hit per (list, entry): its best name
        for _, _, index in process.extract_iter(
            query.text,
            self._texts,
            scorer=fuzz.token_set_ratio,
            score_cutoff=max(0.0, threshold - PREFILTER_MARGIN),
        ):
            indexed = self._names[index]
            result = score(query, indexed.normal, indexed.name.strength, counterparty.kind)
            if result.score < threshold:
                continue
            key = (indexed.list_name, indexed.entry.id)
            current = best.get(key)
            if current is None or result.score > current.score:
                best[key] = Hit(
                    entry=indexed.entry,
                    list_name=indexed.list_name,
                    score=round(result.score, 1),
                    matched_name=indexed.name,
                    explanation=_explain(result.method, result.alignment),
                )
        hits = sorted(best.values(), key=lambda h: (-h.score, h.list_name, h.entry.id))
        return ScreeningResult(counterparty, tuple(hits[:top]))

    def screen(
        self, counterparties: Iterable[Counterparty], threshold: float, top: int
    ) -> Iterator[ScreeningResult]:
        for counterparty in counterparties:
            yield self.screen_one(counterparty, threshold, top)


def _explain(method: str, alignment: tuple[tuple[str, str, float], ...]) -> tuple[str, ...]:
    parts = [f"{a}~{b} {sim:.2f}" for a, b, sim in alignment]
    return (f"{method}: " + ", ".join(parts),)
