"""CI gate options shared by ``screen`` and ``check``: --fail-on, --allowlist, --audit-log.

The decorator folds the three options into one :class:`GatePolicy` argument,
so the commands stay short; ``finish_run`` applies the allowlist, writes the
report and the audit line, and returns the exit code the gate stands for.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, TypeVar

import click

from .allowlist import apply_decisions
from .allowlist_file import Allowlist, load_allowlist
from .audit import append_audit_line, audit_record
from .cli_common import ENV_PREFIX
from .errors import UsageError
from .exitcodes import ExitCode
from .formats import OutputFormat
from .gate import all_hits, gating_hits
from .models import Report
from .output import write_report

F = TypeVar("F", bound=Callable[..., Any])


@dataclass(frozen=True, slots=True)
class GatePolicy:
    fail_on: float | None = None
    allowlist_path: Path | None = None
    audit_log: Path | None = None
    allowlist: Allowlist | None = None
    top: int | None = None

    def prepared(self, threshold: float, top: int) -> GatePolicy:
        """Check the options against the threshold and read the allowlist, before screening."""
        if self.fail_on is not None and self.fail_on < threshold:
            raise UsageError(
                f"--fail-on {self.fail_on:g} is below --threshold {threshold:g}; hits under the "
                "threshold are never found, so they could not fail the gate",
                hint=f"lower --threshold to {self.fail_on:g} or raise --fail-on",
            )
        if self.allowlist_path is None:
            return replace(self, top=top)
        return replace(self, allowlist=load_allowlist(self.allowlist_path), top=top)

    def screening_top(self, top: int) -> int:
        """Hits to keep while screening: each decision can suppress at most one hit of a
        counterparty, so with this many the best ``top`` unsuppressed hits are all kept."""
        return top + (len(self.allowlist.decisions) if self.allowlist is not None else 0)


def gate_options(func: F) -> F:
    """Add --fail-on, --allowlist and --audit-log, passed to the command as ``policy``."""

    @functools.wraps(func)
    def wrapper(
        *args: Any,
        fail_on: float | None,
        allowlist: Path | None,
        audit_log: Path | None,
        **kwargs: Any,
    ) -> Any:
        return func(*args, policy=GatePolicy(fail_on, allowlist, audit_log), **kwargs)

    decorators = [
        click.option(
            "--fail-on",
            type=click.FloatRange(0, 100),
            envvar=f"{ENV_PREFIX}_FAIL_ON",
            help="Lowest score of an unsuppressed hit that makes the exit status 1. "
            "Default: the threshold.",
        ),
        click.option(
            "--allowlist",
            type=click.Path(dir_okay=False, path_type=Path),
            envvar=f"{ENV_PREFIX}_ALLOWLIST",
            help="YAML file of reviewed decisions; false positives in it do not fail the gate.",
        ),
        click.option(
            "--audit-log",
            type=click.Path(dir_okay=False, path_type=Path),
            envvar=f"{ENV_PREFIX}_AUDIT_LOG",
            help="Append one JSON line describing this run to FILE.",
        ),
    ]
    result: Any = wrapper
    for decorator in reversed(decorators):
        result = decorator(result)
    return result  # type: ignore[no-any-return]


def finish_run(
    report: Report,
    fmt: OutputFormat,
    output: Path | None,
    policy: GatePolicy,
    command: str,
) -> tuple[Report, ExitCode]:
    """Judge hits against the allowlist, write the report and audit line; the gate's exit code."""
    if policy.allowlist is not None:
        info = {
            "path": policy.allowlist.path,
            "sha256": policy.allowlist.sha256,
            "decisions": len(policy.allowlist.decisions),
        }
        today = dt.datetime.now(dt.timezone.utc).date()
        report = apply_decisions(report, policy.allowlist.decisions, today)
        report = replace(report, extra={**report.extra, "allowlist": info})
        if policy.top is not None:
            report = keep_top(report, policy.top)
    report = replace(report, options=replace(report.options, fail_on=policy.fail_on))
    write_report(report, fmt, output)
    code = ExitCode.HITS if gating_hits(report) else ExitCode.OK
    if policy.audit_log is not None:
        append_audit_line(policy.audit_log, audit_record(report, code, fmt.value, output, command))
    return report, code


def keep_top(report: Report, top: int) -> Report:
    """The ``top`` best unsuppressed hits per counterparty, plus its suppressed hits.

    A suppressed hit must not push an open one out of the report (and out of the gate).
    """
    results = []
    for result in report.results:
        open_hits = [h for h in result.hits if h.suppression is None][:top]
        kept = {id(h) for h in open_hits} | {
            id(h) for h in result.hits if h.suppression is not None
        }
        results.append(replace(result, hits=tuple(h for h in result.hits if id(h) in kept)))
    options = replace(report.options, top=top)
    return replace(report, results=tuple(results), options=options)


def allowlist_warnings(report: Report) -> list[str]:
    """One line per hit whose allowlist decision no longer applies or that was confirmed."""
    return [
        f"{cp.source}, row {cp.row}: {cp.name!r} on {hit.list_name} entry {hit.entry.id}: {note}"
        for cp, hit in all_hits(report)
        for note in hit.notes
    ]
