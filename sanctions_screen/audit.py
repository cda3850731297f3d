"""The audit log: one JSON line per run, appended, never rewritten."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from .errors import ScreenError
from .exitcodes import ExitCode
from .formats.serialize import audit_to_dict
from .models import Report


class AuditLogError(ScreenError):
    exit_code = ExitCode.OUTPUT_ERROR


def audit_record(
    report: Report, exit_code: int, fmt: str, output: Path | None, command: str
) -> dict[str, Any]:
    """What one run decided, and from what: the report's audit trail plus the outcome."""
    return {
        **audit_to_dict(report),
        "command": command,
        "format": fmt,
        "output": str(output) if output is not None else None,
        "exit_code": int(exit_code),
    }


def append_audit_line(path: Path, record: dict[str, Any]) -> None:
    """Append one line with a single write to an O_APPEND file, so runs never interleave."""
    line = (json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8")
    try:
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    except OSError as exc:
        raise AuditLogError(
            f"cannot open audit log: {exc.strerror}",
            path=str(path),
            hint="check that the directory exists and is writable",
        ) from exc
    try:
        written = os.write(fd, line)
        if written != len(line):
            raise AuditLogError(
                "audit log line written only in part", path=str(path), hint="check free disk space"
            )
    except OSError as exc:
        raise AuditLogError(f"cannot write audit log: {exc.strerror}", path=str(path)) from exc
    finally:
        os.close(fd)
