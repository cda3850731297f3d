"""Plain-data views of results, shared by the JSON, NDJSON and CSV renderers."""

from __future__ import annotations

from typing import Any

from ..models import Hit, ListMeta, Report, ScreeningResult


def hit_to_dict(hit: Hit) -> dict[str, Any]:
    return {
        "entry_id": hit.entry.id,
        "list": hit.list_name,
        "score": hit.score,
        "matched_name": hit.matched_name.name,
        "matched_name_type": hit.matched_name.type.value,
        "matched_name_strength": hit.matched_name.strength.value,
        "entry_name": hit.entry.primary_name,
        "kind": hit.entry.kind.value,
        "programs": list(hit.entry.programs),
        "listed_on": hit.entry.listed_on,
        "explanation": list(hit.explanation),
    }


def result_to_dict(result: ScreeningResult) -> dict[str, Any]:
    cp = result.counterparty
    return {
        "id": cp.id,
        "name": cp.name,
        "source": cp.source,
        "row": cp.row,
        "hits": [hit_to_dict(h) for h in result.hits],
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
    return {
        "counterparties": len(report.results),
        "flagged": report.flagged_count,
        "hits": report.hit_count,
    }


def report_to_dict(report: Report) -> dict[str, Any]:
    return {
        "tool": {"name": "sanctions-screen", "version": report.tool_version},
        "generated_at": report.generated_at,
        "lists": [list_to_dict(m, e, n) for m, (e, n) in zip(report.lists, report.list_sizes)],
        "inputs": list(report.inputs),
        "options": {
            "threshold": report.options.threshold,
            "top": report.options.top,
            "algorithm": report.options.algorithm,
        },
        "summary": summary_to_dict(report),
        "results": [result_to_dict(r) for r in report.results],
        **report.extra,
    }
