"""SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

Each list entry that produced a hit is a rule (``<list slug>/<entry id>``),
each hit a result located at the counterparty's line in its input file. The
``partialFingerprints`` value depends on the counterparty (id, else name)
and the entry, not on the line, so the alert stays the same when rows move.
Suppressed hits carry an ``accepted`` external suppression with the reason.
"""

from __future__ import annotations

import json
from typing import Any, TextIO
from urllib.parse import quote

from ..gate import all_hits, fail_on, is_gating
from ..models import Counterparty, Hit, Report
from .ci_common import hit_fingerprint, hit_message, rule_id, source_line, source_path, status_note
from .serialize import TOOL_NAME, audit_to_dict

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "sanctionsHit/v1"


def _rule(hit: Hit) -> dict[str, Any]:
    entry = hit.entry
    programs = ", ".join(entry.programs) or "none given"
    names = "; ".join(n.name for n in entry.names)
    return {
        "id": rule_id(hit),
        "name": "SanctionsListMatch",
        "shortDescription": {"text": f"Possible match with sanctioned party {entry.primary_name}"},
        "fullDescription": {
            "text": f"{hit.list_name} entry {entry.id} ({entry.kind.value}); programs: {programs}; "
            f"names: {names}"
        },
        "help": {
            "text": "Review the counterparty against the entry's names, dates of birth and "
            "identifiers. If it is a different party, record a false_positive decision with "
            "`sanctions-screen review`; if it is the listed party, escalate."
        },
        "defaultConfiguration": {"level": "error"},
        "properties": {"tags": list(dict.fromkeys(["sanctions", *entry.programs]))},
    }


def _location(cp: Counterparty) -> list[dict[str, Any]]:
    path = source_path(cp)
    if path is None:
        return []
    physical: dict[str, Any] = {"artifactLocation": {"uri": quote(path, safe="/:")}}
    line = source_line(cp)
    if line is not None:
        physical["region"] = {"startLine": line}
    return [{"physicalLocation": physical}]


def _result(cp: Counterparty, hit: Hit, rule_index: int, gate: float) -> dict[str, Any]:
    message = hit_message(cp, hit)
    note = status_note(hit)
    result: dict[str, Any] = {
        "ruleId": rule_id(hit),
        "ruleIndex": rule_index,
        "level": "error" if hit.score >= gate else "warning",
        "message": {"text": f"{message}. {note}" if note else message},
        "locations": _location(cp),
        "partialFingerprints": {FINGERPRINT_KEY: hit_fingerprint(cp, hit)},
        "properties": {
            "score": hit.score,
            "gating": is_gating(hit, gate),
            "counterparty": {"name": cp.name, "id": cp.id, "source": cp.source, "row": cp.row},
            "matchedName": hit.matched_name.name,
            "explanation": list(hit.explanation),
        },
    }
    if hit.suppression is not None:
        s = hit.suppression
        result["suppressions"] = [
            {
                "kind": "external",
                "status": "accepted",
                "justification": f"{s.reason} (reviewed by {s.reviewer} on {s.decided_on})",
            }
        ]
    return result


def sarif_document(report: Report) -> dict[str, Any]:
    gate = fail_on(report)
    pairs = sorted(all_hits(report), key=lambda p: (rule_id(p[1]), p[0].source, p[0].row))
    rules: dict[str, tuple[int, dict[str, Any]]] = {}
    for _, hit in pairs:
        if rule_id(hit) not in rules:
            rules[rule_id(hit)] = (len(rules), _rule(hit))
    results = [_result(cp, hit, rules[rule_id(hit)][0], gate) for cp, hit in pairs]
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": TOOL_NAME,
                "version": report.tool_version,
                "semanticVersion": report.tool_version,
                "rules": [rule for _, rule in rules.values()],
            }
        },
        "invocations": [
            {"executionSuccessful": True, "endTimeUtc": report.generated_at.replace("+00:00", "Z")}
        ],
        "results": results,
        "properties": {"audit": audit_to_dict(report)},
    }
    if not report.generated_at:
        del run["invocations"][0]["endTimeUtc"]
    return {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}


def render_sarif(report: Report, out: TextIO) -> None:
    json.dump(sarif_document(report), out, indent=2, ensure_ascii=False)
    out.write("\n")
