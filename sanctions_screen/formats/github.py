"""GitHub Actions workflow commands: one annotation per hit on the counterparty's row.

Hits that fail the gate are ``::error``, other open hits ``::warning`` and
suppressed hits ``::notice``; a last ``::notice`` sums the run up. Values
are escaped as the Actions runner expects, so a name can never end the
command early or start another one.
"""

from __future__ import annotations

from typing import TextIO

from ..gate import all_hits, counts, fail_on, is_gating
from ..models import Counterparty, Hit, Report
from .ci_common import hit_message, source_line, source_path, status_note
from .serialize import TOOL_NAME


def escape_data(text: str) -> str:
    """Escape the message part of a workflow command."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value (file, title ...): also ``:`` and ``,``, which delimit properties."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(name: str, message: str, **properties: str | int | None) -> str:
    props = ",".join(
        f"{key}={escape_property(str(value))}"
        for key, value in properties.items()
        if value is not None
    )
    return f"::{name}{' ' + props if props else ''}::{escape_data(message)}\n"


def _annotation(cp: Counterparty, hit: Hit, gate: float) -> str:
    if hit.suppression is not None:
        level, title = "notice", "Sanctions hit (suppressed)"
    elif is_gating(hit, gate):
        level, title = "error", "Sanctions hit"
    else:
        level, title = "warning", f"Sanctions hit below --fail-on {gate:g}"
    note = status_note(hit)
    message = hit_message(cp, hit) + (f". {note}" if note else "")
    return command(level, message, file=source_path(cp), line=source_line(cp), title=title)


def render_github(report: Report, out: TextIO) -> None:
    gate = fail_on(report)
    for cp, hit in all_hits(report):
        out.write(_annotation(cp, hit, gate))
    c = counts(report)
    out.write(
        command(
            "notice",
            f"screened {c['counterparties']} counterparties: {c['gating_hits']} hits fail the gate "
            f"(score >= {gate:g}), {c['suppressed']} suppressed by the allowlist, "
            f"{c['hits']} hits in all",
            title=TOOL_NAME,
        )
    )
