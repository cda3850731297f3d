"""Machine-readable renderers: JSON, NDJSON and CSV."""

from __future__ import annotations

import csv
import json
from typing import TextIO

from ..gate import fail_on, is_gating
from ..models import Report
from .serialize import lists_by_name, report_to_dict, result_to_dict

# A spreadsheet runs a cell that starts with one of these as a formula.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
CSV_COLUMNS = (
    "source",
    "row",
    "id",
    "name",
    "score",
    "entry_id",
    "matched_name",
    "entry_name",
    "kind",
    "programs",
    "list",
    "list_as_of",
    "list_sha256",
    "gating",
    "suppressed",
    "suppression_reason",
    "notes",
)


def render_json(report: Report, out: TextIO) -> None:
    json.dump(report_to_dict(report), out, indent=2, ensure_ascii=False)
    out.write("\n")


def render_ndjson(report: Report, out: TextIO) -> None:
    """One JSON object per counterparty, so a pipeline can stream and grep them."""
    gate = fail_on(report)
    lists = lists_by_name(report)
    for result in report.results:
        out.write(json.dumps(result_to_dict(result, gate, lists), ensure_ascii=False))
        out.write("\n")


def safe_cell(value: object) -> str:
    """Neutralise a cell a spreadsheet would execute by prefixing a quote."""
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_PREFIXES):
        return "'" + text
    return text


def render_csv(report: Report, out: TextIO) -> None:
    """One row per hit; a counterparty without hits gets one row with empty hit columns."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    gate = fail_on(report)
    lists = lists_by_name(report)
    for result in report.results:
        cp = result.counterparty
        base = [cp.source, cp.row, cp.id, cp.name]
        if not result.hits:
            writer.writerow([safe_cell(v) for v in base] + [""] * (len(CSV_COLUMNS) - len(base)))
        for hit in result.hits:
            row = base + [
                hit.score,
                hit.entry.id,
                hit.matched_name.name,
                hit.entry.primary_name,
                hit.entry.kind.value,
                ";".join(hit.entry.programs),
                hit.list_name,
                lists[hit.list_name].as_of if hit.list_name in lists else "",
                lists[hit.list_name].sha256 if hit.list_name in lists else "",
                "yes" if is_gating(hit, gate) else "no",
                "yes" if hit.suppression is not None else "no",
                hit.suppression.reason if hit.suppression is not None else "",
                " | ".join(hit.notes),
            ]
            writer.writerow([safe_cell(v) for v in row])
