"""The allowlist file: YAML in, validated :class:`Decision` records out, and back.

A malformed file is an input error naming the file, the line and the fix:
an allowlist that is silently half-read could wave a real match through.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .allowlist import FINGERPRINT_PREFIX, Decision, Verdict
from .errors import InputFileError
from .output import write_atomically

ALLOWLIST_VERSION = 1
DECISION_KEYS = {"counterparty", "entry", "decision", "reason", "reviewer", "date", "expires"}
COUNTERPARTY_KEYS = {"id", "name", "fingerprint"}
ENTRY_KEYS = {"list", "id", "name", "fingerprint"}
HEADER = (
    "# sanctions-screen allowlist: reviewed hits (see README, 'Use in CI').\n"
    "# Written by `sanctions-screen review`; comments in this file are not kept.\n"
)


@dataclass(frozen=True, slots=True)
class Allowlist:
    path: str
    sha256: str
    decisions: tuple[Decision, ...]


class _Invalid(ValueError):
    """A problem in one decision; the loader adds the file and line."""


def load_allowlist(path: Path) -> Allowlist:
    """Read and validate an allowlist; a missing file is an error (say so, never pass)."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputFileError(
            "no such allowlist file",
            path=str(path),
            hint="check --allowlist, or create it with `sanctions-screen review`",
        ) from None
    except OSError as exc:
        raise InputFileError(f"cannot read allowlist: {exc.strerror}", path=str(path)) from exc
    return Allowlist(str(path), hashlib.sha256(data).hexdigest(), parse_allowlist(data, str(path)))


def parse_allowlist(data: bytes, source: str) -> tuple[Decision, ...]:
    try:
        text = data.decode("utf-8-sig")
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        doc = yaml.safe_load(text)
    except (UnicodeDecodeError, yaml.YAMLError) as exc:
        mark = getattr(exc, "problem_mark", None)
        raise InputFileError(
            f"invalid allowlist YAML ({getattr(exc, 'problem', None) or exc})",
            path=source,
            row=mark.line + 1 if mark is not None else None,
            hint="fix the YAML syntax on that line",
        ) from exc
    if doc is None:
        return ()
    if not isinstance(doc, dict) or not isinstance(doc.get("decisions", []), list):
        raise InputFileError(
            "expected a mapping with `version: 1` and a `decisions:` list",
            path=source,
            hint="see the allowlist schema in the README",
        )
    if doc.get("version", ALLOWLIST_VERSION) != ALLOWLIST_VERSION:
        raise InputFileError(
            f"unsupported allowlist version {doc.get('version')!r}",
            path=source,
            hint=f"this sanctions-screen reads version {ALLOWLIST_VERSION}",
        )
    items = doc.get("decisions") or []
    lines = _item_lines(root)
    decisions = []
    for index, item in enumerate(items):
        line = lines[index] if index < len(lines) else None
        try:
            decisions.append(decision_from_dict(item))
        except _Invalid as exc:
            raise InputFileError(
                f"decision {index + 1}: {exc}",
                path=source,
                row=line,
                hint="see the allowlist schema in the README",
            ) from None
    return tuple(decisions)


def _item_lines(root: yaml.Node | None) -> list[int]:
    """1-based line of each item under ``decisions:``, for error messages."""
    if not isinstance(root, yaml.MappingNode):
        return []
    for key, value in root.value:
        if getattr(key, "value", None) == "decisions" and isinstance(value, yaml.SequenceNode):
            return [item.start_mark.line + 1 for item in value.value]
    return []


def _mapping(value: object, what: str, allowed: set[str]) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _Invalid(f"`{what}` must be a mapping")
    unknown = sorted(str(k) for k in value if k not in allowed)
    if unknown:
        raise _Invalid(f"unknown key(s) {', '.join(unknown)} in `{what}`")
    return value


def _text(data: dict[str, Any], key: str, what: str, *, required: bool = True) -> str | None:
    value = data.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise _Invalid(f"`{what}` is required")
        return None
    if isinstance(value, (dict, list, bool)):
        raise _Invalid(f"`{what}` must be text")
    return str(value).strip()


def _date(data: dict[str, Any], key: str, *, required: bool) -> str | None:
    value = data.get(key)
    if value is None:
        if required:
            raise _Invalid(f"`{key}` is required (YYYY-MM-DD)")
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat()
    try:
        return dt.date.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise _Invalid(f"`{key}` must be a date written YYYY-MM-DD, not {value!r}") from None


def _fingerprint(data: dict[str, Any], what: str) -> str:
    value = _text(data, "fingerprint", f"{what}.fingerprint")
    assert value is not None
    if not value.startswith(FINGERPRINT_PREFIX):
        raise _Invalid(f"`{what}.fingerprint` must start with {FINGERPRINT_PREFIX}")
    return value


def decision_from_dict(item: object) -> Decision:
    data = _mapping(item, "decision", DECISION_KEYS)
    party = _mapping(data.get("counterparty"), "counterparty", COUNTERPARTY_KEYS)
    entry = _mapping(data.get("entry"), "entry", ENTRY_KEYS)
    party_id = _text(party, "id", "counterparty.id", required=False)
    party_name = _text(party, "name", "counterparty.name", required=False)
    if party_id is None and party_name is None:
        raise _Invalid("`counterparty` needs an `id` or a `name`")
    verdict_text = _text(data, "decision", "decision")
    try:
        verdict = Verdict(verdict_text)
    except ValueError:
        choices = " or ".join(v.value for v in Verdict)
        raise _Invalid(f"`decision` must be {choices}, not {verdict_text!r}") from None
    list_name, entry_id = _text(entry, "list", "entry.list"), _text(entry, "id", "entry.id")
    reason, reviewer = _text(data, "reason", "reason"), _text(data, "reviewer", "reviewer")
    decided_on = _date(data, "date", required=True)
    assert list_name and entry_id and reason and reviewer and decided_on
    return Decision(
        counterparty_id=party_id,
        counterparty_name=party_name,
        counterparty_fingerprint=_fingerprint(party, "counterparty"),
        list_name=list_name,
        entry_id=entry_id,
        entry_fingerprint=_fingerprint(entry, "entry"),
        verdict=verdict,
        reason=reason,
        reviewer=reviewer,
        decided_on=decided_on,
        expires=_date(data, "expires", required=False),
        entry_name=_text(entry, "name", "entry.name", required=False),
    )


def decision_to_dict(decision: Decision) -> dict[str, Any]:
    party: dict[str, Any] = {}
    if decision.counterparty_id is not None:
        party["id"] = decision.counterparty_id
    if decision.counterparty_name is not None:
        party["name"] = decision.counterparty_name
    party["fingerprint"] = decision.counterparty_fingerprint
    entry: dict[str, Any] = {"list": decision.list_name, "id": decision.entry_id}
    if decision.entry_name is not None:
        entry["name"] = decision.entry_name
    entry["fingerprint"] = decision.entry_fingerprint
    out: dict[str, Any] = {
        "counterparty": party,
        "entry": entry,
        "decision": decision.verdict.value,
        "reason": decision.reason,
        "reviewer": decision.reviewer,
        "date": decision.decided_on,
    }
    if decision.expires is not None:
        out["expires"] = decision.expires
    return out


def dump_allowlist(decisions: Sequence[Decision]) -> str:
    body = {"version": ALLOWLIST_VERSION, "decisions": [decision_to_dict(d) for d in decisions]}
    text = yaml.safe_dump(body, sort_keys=False, allow_unicode=True, width=100)
    return HEADER + text


def save_allowlist(path: Path, decisions: Sequence[Decision]) -> None:
    """Rewrite the allowlist atomically, so a crash never leaves half a file."""
    write_atomically(path, dump_allowlist(decisions))
