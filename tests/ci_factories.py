"""Factories for the CI-gate tests: small, real-looking models without reading files."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from sanctions_screen.allowlist import Decision, Verdict, entry_fingerprint, name_fingerprint
from sanctions_screen.models import (
    Counterparty,
    EntityKind,
    Entry,
    EntryName,
    Hit,
    Identifier,
    ListMeta,
    NameType,
    Report,
    ScreeningOptions,
    ScreeningResult,
)

LIST_NAME = "OFAC SDN: DPRK-related designations of 2022"
TODAY = dt.date(2026, 11, 28)

ZEEL = Entry(
    id="35754",
    kind=EntityKind.ORGANIZATION,
    names=(EntryName("ZEEL - M CO., LTD."), EntryName("ZIL-M LLC", NameType.AKA)),
    programs=("DPRK2",),
    identifiers=(Identifier("Tax ID No.", "2539039058"),),
)
APOLLON = Entry(
    id="35753",
    kind=EntityKind.ORGANIZATION,
    names=(EntryName("APOLLON OOO"), EntryName("APOLLON LLC", NameType.AKA)),
    programs=("DPRK2",),
)


def counterparty(
    name: str, row: int = 2, cp_id: str | None = None, source: str = "vendors.csv"
) -> Counterparty:
    return Counterparty(name=name, source=source, row=row, id=cp_id)


def hit(entry: Entry = ZEEL, score: float = 97.0, matched: int = 1) -> Hit:
    index = min(matched, len(entry.names) - 1)
    return Hit(entry, LIST_NAME, score, entry.names[index], ("token: zil~zil 1.00",))


def report(
    *results: tuple[Counterparty, tuple[Hit, ...]],
    threshold: float = 80.0,
    fail_on: float | None = None,
) -> Report:
    return Report(
        results=tuple(ScreeningResult(cp, hits) for cp, hits in results),
        lists=(ListMeta(LIST_NAME, as_of="2024-05-03", sha256="ab" * 32),),
        list_sizes=((43, 87),),
        options=ScreeningOptions(threshold=threshold, top=5, fail_on=fail_on),
        inputs=("vendors.csv",),
        generated_at="2026-11-28T03:00:00+00:00",
        tool_version="0.1.0",
        input_sha256=(("vendors.csv", "cd" * 32),),
    )


def decision(
    cp: Counterparty,
    entry: Entry = ZEEL,
    verdict: Verdict = Verdict.FALSE_POSITIVE,
    **changes: object,
) -> Decision:
    made = Decision(
        counterparty_id=cp.id,
        counterparty_name=cp.name,
        counterparty_fingerprint=name_fingerprint(cp.name),
        list_name=LIST_NAME,
        entry_id=entry.id,
        entry_fingerprint=entry_fingerprint(entry),
        verdict=verdict,
        reason="different company: Zil-M Logistics GmbH, Hamburg",
        reviewer="A. Analyst",
        decided_on="2026-11-01",
    )
    return replace(made, **changes)  # type: ignore[arg-type]
