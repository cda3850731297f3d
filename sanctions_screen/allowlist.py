"""Reviewed decisions about hits, and how they apply to a report. Pure: no I/O.

A decision names one counterparty (by id, or by name when the file has no
id), one list entry (list name and entry id) and what a reviewer decided.
Only a ``false_positive`` decision suppresses, and only the hit of that
counterparty on that entry. It stops applying, and the hit is reported with
a note, when it has expired or when the counterparty's name or the entry's
names no longer have the fingerprints recorded at decision time.
"""

from __future__ import annotations

import datetime as dt
import enum
import hashlib
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from .models import Counterparty, Entry, Hit, Report, Suppression

FINGERPRINT_PREFIX = "sha256:"
# 16 hex digits (64 bits) detect an edit reliably and stay readable in YAML.
FINGERPRINT_DIGITS = 16


class Verdict(str, enum.Enum):
    FALSE_POSITIVE = "false_positive"
    TRUE_MATCH = "true_match"


@dataclass(frozen=True, slots=True)
class Decision:
    """One reviewed hit: counterparty x list entry -> verdict, with who, when and why."""

    counterparty_id: str | None
    counterparty_name: str | None
    counterparty_fingerprint: str
    list_name: str
    entry_id: str
    entry_fingerprint: str
    verdict: Verdict
    reason: str
    reviewer: str
    decided_on: str  # ISO date
    expires: str | None = None  # ISO date, inclusive
    entry_name: str | None = None  # for the reader of the file; not used to match

    @property
    def key(self) -> tuple[str, str, str, str]:
        """What a decision is about; a newer decision with the same key replaces an older one."""
        if self.counterparty_id is not None:
            who = ("id", self.counterparty_id.strip())
        else:
            who = ("name", canonical(self.counterparty_name or ""))
        return (*who, self.list_name, self.entry_id)


def canonical(text: str) -> str:
    """Case, Unicode form and spacing do not make a name a different name."""
    return unicodedata.normalize("NFC", " ".join(text.split())).casefold()


def _digest(text: str) -> str:
    return (
        FINGERPRINT_PREFIX + hashlib.sha256(text.encode("utf-8")).hexdigest()[:FINGERPRINT_DIGITS]
    )


def name_fingerprint(name: str) -> str:
    """Fingerprint of a counterparty name as screened."""
    return _digest(canonical(name))


def entry_fingerprint(entry: Entry) -> str:
    """Fingerprint of all the names of a list entry, in any order."""
    return _digest("\n".join(sorted({canonical(n.name) for n in entry.names})))


def applies_to(decision: Decision, counterparty: Counterparty, hit: Hit) -> bool:
    """Whether ``decision`` is about this counterparty and this entry (valid or not)."""
    if decision.list_name != hit.list_name or decision.entry_id != hit.entry.id:
        return False
    if decision.counterparty_id is not None:
        return counterparty.id is not None and counterparty.id.strip() == decision.counterparty_id
    if decision.counterparty_name is None:
        return False
    return canonical(decision.counterparty_name) == canonical(counterparty.name)


def why_stale(
    decision: Decision, counterparty: Counterparty, hit: Hit, today: dt.date
) -> str | None:
    """Why a matching decision no longer holds, or None if it still does."""
    if decision.expires is not None and dt.date.fromisoformat(decision.expires) < today:
        return f"expired on {decision.expires}"
    if decision.counterparty_fingerprint != name_fingerprint(counterparty.name):
        return f"the counterparty name changed since the decision (now {counterparty.name!r})"
    if decision.entry_fingerprint != entry_fingerprint(hit.entry):
        return "the list entry's names changed since the decision"
    return None


def judge(
    counterparty: Counterparty, hit: Hit, decisions: Iterable[Decision], today: dt.date
) -> Hit:
    """The hit with its suppression (if a valid false-positive decision exists) and notes."""
    suppression: Suppression | None = None
    true_match = False
    notes: list[str] = []
    for decision in decisions:
        if not applies_to(decision, counterparty, hit):
            continue
        by = f"{decision.reviewer} on {decision.decided_on}"
        if decision.verdict is Verdict.TRUE_MATCH:
            true_match = True
            notes.append(f"reviewed as a true match by {by}: {decision.reason}")
            continue
        stale = why_stale(decision, counterparty, hit, today)
        if stale is not None:
            notes.append(f"allowlist decision by {by} no longer applies: {stale}")
        elif suppression is None:
            suppression = Suppression(
                decision.reason, decision.reviewer, decision.decided_on, decision.expires
            )
    if true_match:
        suppression = None  # a confirmed match is never waved through
    if suppression is None and not notes:
        return hit
    return replace(hit, suppression=suppression, notes=hit.notes + tuple(notes))


def apply_decisions(report: Report, decisions: Sequence[Decision], today: dt.date) -> Report:
    """The report with every hit judged against the decisions; no hit is removed."""
    if not decisions:
        return report
    results = tuple(
        replace(r, hits=tuple(judge(r.counterparty, h, decisions, today) for h in r.hits))
        for r in report.results
    )
    return replace(report, results=results)


def merge(existing: Sequence[Decision], new: Sequence[Decision]) -> tuple[Decision, ...]:
    """Existing decisions with the new ones added; a new one replaces one with the same key."""
    merged = {d.key: d for d in existing}
    for decision in new:
        merged.pop(decision.key, None)
        merged[decision.key] = decision
    return tuple(merged.values())


def is_settled(
    decisions: Iterable[Decision],
    counterparty: Counterparty,
    hit: Hit,
    today: dt.date,
) -> bool:
    """Whether a reviewer already decided this hit and the decision still holds."""
    return any(
        applies_to(d, counterparty, hit)
        and (d.verdict is Verdict.TRUE_MATCH or why_stale(d, counterparty, hit, today) is None)
        for d in decisions
    )
