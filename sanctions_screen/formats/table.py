"""The Rich table a person reads in a terminal: hits ranked by score."""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..gate import fail_on, is_gating
from ..models import Hit, Report, ScreeningResult

# Score bands for colour only; the threshold decides what is reported.
HIGH_SCORE = 95.0
MEDIUM_SCORE = 85.0


def _score_text(score: float) -> Text:
    style = "bold red" if score >= HIGH_SCORE else "yellow" if score >= MEDIUM_SCORE else "cyan"
    return Text(f"{score:.1f}", style=style)


def ranked_hits(report: Report) -> list[tuple[ScreeningResult, Hit]]:
    pairs = [(r, h) for r in report.results for h in r.hits]
    pairs.sort(key=lambda p: (-p[1].score, p[0].counterparty.source, p[0].counterparty.row))
    return pairs


def render_table(
    report: Report, out: TextIO, *, color: bool = False, width: int | None = None
) -> None:
    console = Console(
        file=out,
        force_terminal=color,
        no_color=not color,
        width=width,
        highlight=False,
        soft_wrap=False,
    )
    pairs = ranked_hits(report)
    if not pairs:
        console.print("No hits.")
        return
    flagged = len({(r.counterparty.source, r.counterparty.row) for r, _ in pairs})
    title = f"{len(pairs)} hit{'s' * (len(pairs) != 1)} on {flagged} counterpart" + (
        "y" if flagged == 1 else "ies"
    )
    several_lists = len(report.lists) > 1
    caption = None if several_lists else f"List: {report.lists[0].name}"
    table = Table(
        title=title,
        caption=caption,
        caption_justify="left",
        title_justify="left",
        header_style="bold",
    )
    table.add_column("Score", justify="right", no_wrap=True)
    table.add_column("Counterparty", ratio=3)
    table.add_column("Matched name", ratio=3)
    table.add_column("Entry")
    gate = fail_on(report)
    for result, hit in pairs:
        cp = result.counterparty
        where = f"{Path(cp.source).name}:{cp.row}" + (f"\nid {cp.id}" if cp.id else "")
        counterparty = Text(cp.name)
        counterparty.append(f"\n{where}", style="dim")
        _append_status(counterparty, hit, gate)
        matched = Text(hit.matched_name.name)
        if hit.matched_name.name != hit.entry.primary_name:
            matched.append(f"\n= {hit.entry.primary_name}", style="dim")
        if hit.matched_name.strength.value == "weak":
            matched.append(" (weak alias)", style="dim")
        entry = Text(f"{hit.entry.id} · {hit.entry.kind.value}")
        entry.append(f"\n{', '.join(hit.entry.programs)}", style="magenta")
        if several_lists:
            entry.append(f"\n{hit.list_name}", style="dim")
        table.add_row(_score_text(hit.score), counterparty, matched, entry)
    console.print(table)


def _append_status(text: Text, hit: Hit, gate: float) -> None:
    """Say why a reported hit does not fail the gate, and any allowlist note."""
    if hit.suppression is not None:
        s = hit.suppression
        text.append(f"\nSUPPRESSED: {s.reason} ({s.reviewer}, {s.decided_on})", style="green")
    elif not is_gating(hit, gate):
        text.append(f"\nbelow --fail-on {gate:g}", style="dim")
    for note in hit.notes:
        text.append(f"\nnote: {note}", style="yellow")
