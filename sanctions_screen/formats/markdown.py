"""A Markdown summary for ``$GITHUB_STEP_SUMMARY`` and pull-request comments.

Names come from vendor files and lists, so every cell is escaped: no
Markdown, HTML or @-mention in a name can change the page around it.
"""

from __future__ import annotations

import re
from typing import TextIO

from ..gate import all_hits, counts, fail_on, is_gating
from ..models import Counterparty, Hit, Report
from .ci_common import status_note, where
from .serialize import audit_to_dict

# Inside a table cell only these change the rendering (the rest matter at a line start).
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]|~])")


def cell(text: object) -> str:
    """Text safe inside a Markdown table cell."""
    value = " ".join(str(text).split())
    value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    value = _MARKDOWN_SPECIAL.sub(r"\\\1", value)
    return value.replace("@", "&#64;")


def _row(cp: Counterparty, hit: Hit, extra: str) -> str:
    cells = [
        f"{hit.score:.1f}",
        f"{cell(cp.name)}<br>{cell(where(cp))}",
        cell(hit.matched_name.name),
        f"{cell(hit.entry.primary_name)}<br>{cell(hit.list_name)} {cell(hit.entry.id)}",
        cell(", ".join(hit.entry.programs)),
        cell(extra),
    ]
    return "| " + " | ".join(cells) + " |"


def _table(title: str, rows: list[tuple[Counterparty, Hit]], extra: str) -> list[str]:
    if not rows:
        return []
    lines = [f"### {title} ({len(rows)})", ""]
    lines.append(f"| Score | Counterparty | Matched name | Entry | Programs | {extra} |")
    lines.append("|---:|---|---|---|---|---|")
    lines += [_row(cp, hit, status_note(hit)) for cp, hit in rows]
    return [*lines, ""]


def render_markdown(report: Report, out: TextIO) -> None:
    gate = fail_on(report)
    c = counts(report)
    pairs = sorted(all_hits(report), key=lambda p: -p[1].score)
    gating = [p for p in pairs if is_gating(p[1], gate)]
    suppressed = [p for p in pairs if p[1].suppression is not None]
    below = [p for p in pairs if p[1].suppression is None and not is_gating(p[1], gate)]
    verdict = "FAIL" if gating else "PASS"
    lines = [
        f"## Sanctions screening: {verdict}",
        "",
        f"Screened **{c['counterparties']}** counterparties: **{c['gating_hits']}** hits fail "
        f"the gate (score >= {gate:g}), {c['suppressed']} suppressed by reviewed decisions, "
        f"{len(below)} below the gate; {c['hits']} hits in all.",
        "",
    ]
    lines += _table("Hits that fail the gate", gating, "Notes")
    lines += _table(f"Hits below --fail-on {gate:g}", below, "Notes")
    lines += _table("Suppressed (reviewed false positives)", suppressed, "Decision")
    lines += _audit(report)
    out.write("\n".join(lines) + "\n")


def _audit(report: Report) -> list[str]:
    audit = audit_to_dict(report)
    t = audit["thresholds"]
    lines = [
        "<details><summary>Audit trail</summary>",
        "",
        f"- {cell(audit['tool']['name'])} {cell(audit['tool']['version'])}, algorithm "
        f"{cell(audit['algorithm'])}, at {cell(audit['generated_at'])}",
        f"- threshold {t['threshold']:g}, fail-on {t['fail_on']:g}, top {t['top']}",
    ]
    for lst in audit["lists"]:
        lines.append(
            f"- list {cell(lst['name'])}, as of {cell(lst['as_of'] or 'unknown')}, "
            f"sha256 `{lst['sha256'] or 'unknown'}`"
        )
    for source in audit["inputs"]:
        lines.append(f"- input {cell(source['path'])}, sha256 `{source['sha256']}`")
    allowlist = audit["allowlist"]
    if isinstance(allowlist, dict):
        lines.append(f"- allowlist {cell(allowlist['path'])}, sha256 `{allowlist['sha256']}`")
    return [*lines, "", "</details>"]
