"""What ``sanctions-screen review`` works on: the open hits of a JSON report.

Reads a report written with ``--format json`` back into counterparties and
hits, so the allowlist rules (and fingerprints) are the very ones the
screen applies. No prompting here; ``cli_review`` does that.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .allowlist import Decision, Verdict, entry_fingerprint, is_settled, name_fingerprint
from .errors import InputFileError
from .models import Counterparty, EntityKind, Entry, EntryName, Hit, Identifier

HitPair = tuple[Counterparty, Hit]


def _entry(hit: dict[str, Any]) -> Entry:
    names = [str(n) for n in hit.get("entry_names") or [hit["entry_name"]]]
    return Entry(
        id=str(hit["entry_id"]),
        kind=EntityKind(hit["kind"]),
        names=tuple(EntryName(n) for n in names),
        programs=tuple(str(p) for p in hit.get("programs", [])),
        birth_dates=tuple(str(d) for d in hit.get("birth_dates", [])),
        identifiers=tuple(
            Identifier(str(i["type"]), str(i["value"])) for i in hit.get("identifiers", [])
        ),
        listed_on=hit.get("listed_on"),
    )


def _pair(result: dict[str, Any], hit: dict[str, Any]) -> tuple[HitPair, bool]:
    cp = Counterparty(
        name=str(result["name"]),
        source=str(result["source"]),
        row=int(result["row"]),
        id=None if result.get("id") is None else str(result["id"]),
        kind=EntityKind.parse(result.get("kind")),
        country=result.get("country"),
        birth_date=result.get("birth_date"),
    )
    matched = EntryName(str(hit["matched_name"]))
    parsed = Hit(
        entry=_entry(hit),
        list_name=str(hit["list"]),
        score=float(hit["score"]),
        matched_name=matched,
        explanation=tuple(str(e) for e in hit.get("explanation", [])),
        notes=tuple(str(n) for n in hit.get("notes", [])),
    )
    return (cp, parsed), bool(hit.get("suppressed"))


def load_report_hits(path: Path) -> list[tuple[HitPair, bool]]:
    """Every hit of a JSON report, with whether the report marked it suppressed."""
    hint = "write the report with `sanctions-screen screen ... --format json -o REPORT.json`"
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputFileError("no such report file", path=str(path), hint=hint) from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputFileError(f"not a JSON report ({exc})", path=str(path), hint=hint) from exc
    try:
        return [(_pair(r, h)) for r in doc["results"] for h in r["hits"]]
    except (KeyError, TypeError, ValueError) as exc:
        raise InputFileError(
            f"not a sanctions-screen JSON report (missing or bad {exc})", path=str(path), hint=hint
        ) from exc


def open_hits(
    hits: Sequence[tuple[HitPair, bool]], decisions: Sequence[Decision], today: dt.date
) -> list[HitPair]:
    """Hits the report did not suppress and that no decision in the allowlist settles."""
    return [
        pair
        for pair, suppressed in hits
        if not suppressed and not is_settled(decisions, pair[0], pair[1], today)
    ]


def make_decision(
    pair: HitPair,
    verdict: Verdict,
    reason: str,
    reviewer: str,
    today: dt.date,
    expires: dt.date | None = None,
) -> Decision:
    cp, hit = pair
    return Decision(
        counterparty_id=cp.id,
        counterparty_name=cp.name,
        counterparty_fingerprint=name_fingerprint(cp.name),
        list_name=hit.list_name,
        entry_id=hit.entry.id,
        entry_fingerprint=entry_fingerprint(hit.entry),
        verdict=verdict,
        reason=reason,
        reviewer=reviewer,
        decided_on=today.isoformat(),
        expires=expires.isoformat() if expires is not None else None,
        entry_name=hit.entry.primary_name,
    )
