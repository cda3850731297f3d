"""Plain-data views of results, shared by the JSON, NDJSON, CSV and CI renderers."""

from __future__ import annotations

from typing import Any

from ..allowlist import entry_fingerprint, name_fingerprint
from ..gate import counts, fail_on, is_gating
from ..models import Hit, ListMeta, Report, ScreeningResult, Suppression

TOOL_NAME = "sanctions-screen"


def suppression_to_dict(suppression: Suppression | None) -> dict[str, Any] | None:
    if suppression is None:
        return None
    return {
        "reason": suppression.reason,
        "reviewer": suppression.reviewer,
        "date": suppression.decided_on,
        "expires": suppression.expires,
    }


def lists_by_name(report: Report) -> dict[str, ListMeta]:
    """Each hit names its list; this finds the edition (as-of date, sha256) behind the name."""
    return {meta.name: meta for meta in report.lists}


def hit_to_dict(
    hit: Hit, gate: float | None = None, lists: dict[str, ListMeta] | None = None
) -> dict[str, Any]:
    entry = hit.entry
    meta = (lists or {}).get(hit.list_name)
    return {
        "entry_id": entry.id,
        "list": hit.list_name,
        "list_as_of": meta.as_of if meta is not None else None,
        "list_sha256": meta.sha256 if meta is not None else None,
        "score": hit.score,
        "matched_name": hit.matched_name.name,
        "matched_name_type": hit.matched_name.type.value,
        "matched_name_strength": hit.matched_name.strength.value,
        "entry_name": entry.primary_name,
        "entry_names": [n.name for n in entry.names],
        "kind": entry.kind.value,
        "programs": list(entry.programs),
        "birth_dates": list(entry.birth_dates),
        "identifiers": [{"type": i.type, "value": i.value} for i in entry.identifiers],
        "listed_on": entry.listed_on,
        "explanation": list(hit.explanation),
        "entry_fingerprint": entry_fingerprint(entry),
        "gating": is_gating(hit, gate) if gate is not None else hit.suppression is None,
        "suppressed": hit.suppression is not None,
        "suppression": suppression_to_dict(hit.suppression),
        "notes": list(hit.notes),
    }


def result_to_dict(
    result: ScreeningResult,
    gate: float | None = None,
    lists: dict[str, ListMeta] | None = None,
) -> dict[str, Any]:
    cp = result.counterparty
    return {
        "id": cp.id,
        "name": cp.name,
        "source": cp.source,
        "row": cp.row,
        "name_fingerprint": name_fingerprint(cp.name),
        "kind": cp.kind.value if cp.kind is not None else None,
        "country": cp.country,
        "birth_date": cp.birth_date,
        "hits": [hit_to_dict(h, gate, lists) for h in result.hits],
    }


def list_to_dict(meta: ListMeta, entries: int, names: int) -> dict[str, Any]:
    return {
        "name": meta.name,
        "publisher": meta.publisher,
        "as_of": meta.as_of,
        "source_url": meta.source_url,
        "format": meta.format,
        "path": meta.path,
        "sha256": meta.sha256,
        "entries": entries,
        "names": names,
    }


def summary_to_dict(report: Report) -> dict[str, Any]:
    return counts(report)


def audit_to_dict(report: Report) -> dict[str, Any]:
    """Enough to reproduce a decision later: tool, algorithm, thresholds, data hashes, counts."""
    rows: dict[str, int] = {}
    for result in report.results:
        rows[result.counterparty.source] = rows.get(result.counterparty.source, 0) + 1
    return {
        "tool": {"name": TOOL_NAME, "version": report.tool_version},
        "algorithm": report.options.algorithm,
        "generated_at": report.generated_at,
        "thresholds": {
            "threshold": report.options.threshold,
            "fail_on": fail_on(report),
            "top": report.options.top,
        },
        "lists": [
            {"name": m.name, "as_of": m.as_of, "sha256": m.sha256, "path": m.path, "entries": e}
            for m, (e, _) in zip(report.lists, report.list_sizes)
        ],
        "inputs": [
            {"path": source, "sha256": digest, "counterparties": rows.get(source, 0)}
            for source, digest in report.input_sha256
        ],
        "allowlist": report.extra.get("allowlist"),
        "counts": counts(report),
    }


def report_to_dict(report: Report) -> dict[str, Any]:
    gate = fail_on(report)
    return {
        "tool": {"name": TOOL_NAME, "version": report.tool_version},
        "generated_at": report.generated_at,
        "lists": [list_to_dict(m, e, n) for m, (e, n) in zip(report.lists, report.list_sizes)],
        "inputs": list(report.inputs),
        "options": {
            "threshold": report.options.threshold,
            "fail_on": gate,
            "top": report.options.top,
            "algorithm": report.options.algorithm,
        },
        "summary": summary_to_dict(report),
        "audit": audit_to_dict(report),
        "results": [result_to_dict(r, gate, lists_by_name(report)) for r in report.results],
        **{k: v for k, v in report.extra.items() if k != "allowlist"},
    }
