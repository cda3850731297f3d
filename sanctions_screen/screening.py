"""The screening core: every counterparty against every name of every entry.

Pure: no I/O, no printing; a name with nothing to screen is an InputFileError
(fail closed). ``Screener`` normalises each list name once and indexes it
(``matching.index.CandidateIndex``); for each counterparty the index returns
the few names that could reach the threshold and only those are scored by
the chosen algorithm, then moved by secondary attributes.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from .errors import InputFileError
from .matching import DEFAULT_ALGORITHM, NameScore, get_algorithm
from .matching.evidence import NO_FACTS, CounterpartyFacts, Evidence, weigh
from .matching.index import CandidateIndex, IndexedName
from .matching.normalize import NormalName, normalize
from .models import Counterparty, Hit, NameStrength, SanctionsList, ScreeningResult

# Most points secondary attributes can add (DOB +5, country +3): the index
# must hand over names this far below the threshold.
MAX_ATTRIBUTE_BONUS = 8.0


class Screener:
    """Holds the indexed names of the lists and screens counterparties against them."""

    def __init__(self, lists: Sequence[SanctionsList], algorithm: str = DEFAULT_ALGORITHM) -> None:
        self.lists = tuple(lists)
        self.algorithm = get_algorithm(algorithm)
        names: list[IndexedName] = []
        for sanctions_list in self.lists:
            for entry in sanctions_list.entries:
                for entry_name in entry.names:
                    normal = normalize(entry_name.name)
                    if normal.tokens:
                        names.append(
                            IndexedName(entry, sanctions_list.meta.name, entry_name, normal)
                        )
        self.index = CandidateIndex(names, whole_string=self.algorithm.name == "ofac")

    def screen_one(self, counterparty: Counterparty, threshold: float, top: int) -> ScreeningResult:
        query = normalize(counterparty.name)
        if not query.tokens:
            # Fail closed: a name with nothing to compare would otherwise pass with no hits.
            raise InputFileError(
                f"the name {counterparty.name!r} has no letters or digits to screen",
                path=counterparty.source,
                row=counterparty.row,
                hint="fix the name or delete the row; an unscreened row cannot pass",
            )
        best: dict[tuple[str, str], Hit] = {}  # one hit per (list, entry): its best name
        facts = CounterpartyFacts.of(counterparty) if self.algorithm.uses_attributes else NO_FACTS
        has_attributes = bool(facts.birth_date or facts.country)
        bonus = MAX_ATTRIBUTE_BONUS if has_attributes else 0.0
        evidence: dict[int, Evidence] = {}  # per entry: every name of an entry weighs the same
        for name_id in self._candidates(counterparty, query, facts, threshold - bonus):
            indexed = self.index.names[name_id]
            if id(indexed.entry) not in evidence:
                evidence[id(indexed.entry)] = weigh(facts, indexed.entry)
            scored = self._score(counterparty.name, query, indexed, evidence[id(indexed.entry)])
            if scored.final < threshold:
                continue  # no explanation text is built for names that are not reported
            hit = self._hit(indexed, scored)
            key = (hit.list_name, hit.entry.id)
            current = best.get(key)
            if current is None or _rank(hit, counterparty) > _rank(current, counterparty):
                best[key] = hit
        hits = sorted(best.values(), key=lambda h: (-h.score, h.list_name, h.entry.id))
        return ScreeningResult(counterparty, tuple(hits[:top]))

    def _candidates(
        self, cp: Counterparty, query: NormalName, facts: CounterpartyFacts, floor: float
    ) -> set[int]:
        found = self.index.candidates(cp.name, query, floor)
        for _, value in facts.identifiers:
            found.update(self.index.by_identifier(value))
        return found

    def screen(
        self, counterparties: Iterable[Counterparty], threshold: float, top: int
    ) -> Iterator[ScreeningResult]:
        for counterparty in counterparties:
            yield self.screen_one(counterparty, threshold, top)

    def _score(
        self, name: str, query: NormalName, indexed: IndexedName, evidence: Evidence
    ) -> _Scored:
        result = self.algorithm.scorer(
            name,
            query,
            indexed.name.name,
            indexed.normal,
            indexed.name.strength,
            indexed.entry.kind,
        )
        final = 100.0 if evidence.identifier_hit else result.score + evidence.delta
        return _Scored(result, evidence, max(0.0, min(100.0, final)))

    def _hit(self, indexed: IndexedName, scored: _Scored) -> Hit:
        return Hit(
            entry=indexed.entry,
            list_name=indexed.list_name,
            score=round(scored.final, 1),
            matched_name=indexed.name,
            explanation=explain(
                self.algorithm.name, indexed, scored.result, scored.evidence, scored.final
            ),
        )

    def explain_entry(self, cp: Counterparty, entry_id: str) -> Hit | None:
        """The best-scoring name of entry ``entry_id`` for ``cp``, whatever its score."""
        query = normalize(cp.name)
        facts = CounterpartyFacts.of(cp) if self.algorithm.uses_attributes else NO_FACTS
        hits = [
            self._hit(n, self._score(cp.name, query, n, weigh(facts, n.entry)))
            for n in self.index.names
            if n.entry.id == entry_id
        ]
        return max(hits, key=lambda h: h.score, default=None)


@dataclass(frozen=True, slots=True)
class _Scored:
    result: NameScore
    evidence: Evidence
    final: float


def _rank(hit: Hit, cp: Counterparty) -> tuple[float, bool, float]:
    """Best name of an entry: highest score, then a strong name, then the most alike in writing.

    Two names of one entry often score the same (an identifier match makes
    every name 100; ``Kwang``/``Gwang`` normalise alike); the reviewer should
    then see the strong alias the counterparty file actually resembles.
    """
    strong = hit.matched_name.strength is NameStrength.STRONG
    written = fuzz.token_sort_ratio(cp.name.casefold(), hit.matched_name.name.casefold())
    return hit.score, strong, written


def explain(
    algorithm: str, indexed: IndexedName, result: NameScore, evidence: Evidence, final: float
) -> tuple[str, ...]:
    """Readable lines saying why a counterparty scored ``final`` against a list name."""
    name = indexed.name
    lines = [
        f"matched {name.type.value} name {name.name!r} ({name.strength.value}) "
        f"of entry {indexed.entry.id}; algorithm {algorithm}",
    ]
    if result.alignment:
        lines.append(
            f"{result.method}: "
            + "; ".join(f"{a} = {b} ({why} {sim:.2f})" for a, b, sim, why in result.alignment)
        )
    if result.unmatched_query:
        lines.append("counterparty parts not in the list name: " + " ".join(result.unmatched_query))
    if result.unmatched_list:
        lines.append("list name parts not in the counterparty: " + " ".join(result.unmatched_list))
    lines.extend(result.notes)
    lines.extend(evidence.notes)
    if evidence.identifier_hit:
        lines.append("identifier match: a hit whatever the name score")
    lines.append(
        f"name score {result.score:.1f}"
        + (f", attributes {evidence.delta:+g}" if evidence.delta else "")
        + f" -> {final:.1f}"
    )
    return tuple(lines)
