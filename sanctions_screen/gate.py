"""The gate policy: which hits fail a CI run. Pure: reads a report, decides nothing else.

A hit fails the gate when it is not suppressed by an allowlist decision and
its score is at or above ``--fail-on`` (by default the report threshold).
Hits below ``--fail-on`` are still reported, as warnings.
"""

from __future__ import annotations

from collections.abc import Iterator

from .models import Counterparty, Hit, Report


def fail_on(report: Report) -> float:
    """The lowest score that fails the gate for this report."""
    options = report.options
    return options.threshold if options.fail_on is None else options.fail_on


def is_gating(hit: Hit, threshold: float) -> bool:
    return hit.suppression is None and hit.score >= threshold


def all_hits(report: Report) -> Iterator[tuple[Counterparty, Hit]]:
    for result in report.results:
        for hit in result.hits:
            yield result.counterparty, hit


def gating_hits(report: Report) -> list[tuple[Counterparty, Hit]]:
    limit = fail_on(report)
    return [(cp, hit) for cp, hit in all_hits(report) if is_gating(hit, limit)]


def suppressed_count(report: Report) -> int:
    return sum(1 for _, hit in all_hits(report) if hit.suppression is not None)


def counts(report: Report) -> dict[str, int]:
    """The counts every machine-readable report and the audit log record."""
    return {
        "counterparties": len(report.results),
        "flagged": report.flagged_count,
        "hits": report.hit_count,
        "gating_hits": len(gating_hits(report)),
        "suppressed": suppressed_count(report),
    }
