"""What the CI renderers (SARIF, JUnit, GitHub, Markdown) share: locations and wording."""

from __future__ import annotations

import hashlib
import re
from pathlib import PurePath

from ..allowlist import canonical
from ..models import Counterparty, Hit

# Sources that are not files a CI system could annotate.
NOT_A_FILE = ("-", "<argument>")
# Input files whose counterparty row number is the line number in the file.
LINE_ADDRESSED_SUFFIXES = (".csv", ".tsv", ".txt")


def source_path(cp: Counterparty) -> str | None:
    """The input file as a forward-slash path, or None for stdin and arguments."""
    if cp.source in NOT_A_FILE:
        return None
    return PurePath(cp.source).as_posix()


def source_line(cp: Counterparty) -> int | None:
    """The counterparty's line in its file: CSV rows are lines; YAML rows are item numbers."""
    path = source_path(cp)
    if path is None or not path.lower().endswith(LINE_ADDRESSED_SUFFIXES):
        return None
    return cp.row


def where(cp: Counterparty) -> str:
    if cp.source == "<argument>":
        return "the command line"
    label = "row" if source_line(cp) is not None else "item"
    text = f"{cp.source} {label} {cp.row}"
    return text + (f" (id {cp.id})" if cp.id else "")


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "list"


def rule_id(hit: Hit) -> str:
    """Stable per list entry: the same entry is the same rule in every run."""
    return f"{slug(hit.list_name)}/{hit.entry.id}"


def hit_fingerprint(cp: Counterparty, hit: Hit) -> str:
    """The same counterparty (id, else name) on the same entry is the same alert, on any row."""
    who = f"id:{cp.id.strip()}" if cp.id else f"name:{canonical(cp.name)}"
    text = "\x1f".join((who, hit.list_name, hit.entry.id))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def hit_message(cp: Counterparty, hit: Hit) -> str:
    """One sentence a reviewer can act on."""
    matched = hit.matched_name.name
    entry = hit.entry.primary_name
    via = f" (as {matched!r})" if matched != entry else ""
    programs = ", ".join(hit.entry.programs) or "no program"
    return (
        f"{cp.name!r} matches {entry!r}{via}, {hit.list_name} entry {hit.entry.id} "
        f"[{programs}], score {hit.score:.1f}"
    )


def status_note(hit: Hit) -> str:
    """Suppression and allowlist notes, for appending to a message; empty when there are none."""
    parts = []
    if hit.suppression is not None:
        s = hit.suppression
        parts.append(f"suppressed: {s.reason} (reviewed by {s.reviewer} on {s.decided_on})")
    parts.extend(hit.notes)
    return "; ".join(parts)
