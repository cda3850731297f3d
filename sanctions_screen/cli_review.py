"""``sanctions-screen review``: walk a reviewer through the open hits of a JSON report.

Each decision is merged into the allowlist and the file rewritten atomically
straight away, so stopping half way (q, Ctrl-D) keeps what was decided.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import click
from rich.console import Console
from rich.prompt import Prompt
from rich.table import Table
from rich.text import Text

from .allowlist import Decision, Verdict, merge
from .allowlist_file import load_allowlist, save_allowlist
from .cli import handle_errors
from .cli_common import ENV_PREFIX
from .review import HitPair, load_report_hits, make_decision, open_hits

CHOICES = {"t": Verdict.TRUE_MATCH, "f": Verdict.FALSE_POSITIVE}


class _Stop(Exception):
    """The reviewer ended input (Ctrl-D or end of piped input)."""


def _ask(console: Console, question: str, *, required: bool = True, default: str = "") -> str:
    while True:
        try:
            answer = Prompt.ask(question, console=console, default=default, show_default=False)
        except EOFError:
            raise _Stop from None
        answer = answer.strip()
        if answer or not required:
            return answer
        console.print("An answer is needed here.")


def _ask_expiry(console: Console, today: dt.date) -> dt.date | None:
    while True:
        text = _ask(console, "Expires on (YYYY-MM-DD, empty for never)", required=False)
        if not text:
            return None
        try:
            date = dt.date.fromisoformat(text)
        except ValueError:
            console.print("Write the date as YYYY-MM-DD.")
            continue
        if date >= today:
            return date
        console.print("That date has passed.")


def show_evidence(console: Console, pair: HitPair, number: int, total: int) -> None:
    cp, hit = pair
    entry = hit.entry
    table = Table(title=f"Hit {number} of {total}", show_header=False, title_justify="left")
    table.add_column(style="bold")
    table.add_column()
    rows = [
        ("Counterparty", cp.name),
        ("From", f"{cp.source} row {cp.row}" + (f", id {cp.id}" if cp.id else "")),
        (
            "Its kind / country / DOB",
            " / ".join(
                x or "-" for x in (cp.kind.value if cp.kind else None, cp.country, cp.birth_date)
            ),
        ),
        ("Score", f"{hit.score:.1f}"),
        ("Matched name", hit.matched_name.name),
        ("Entry", f"{entry.primary_name} ({entry.kind.value}), {hit.list_name} id {entry.id}"),
        ("Entry names", "\n".join(n.name for n in entry.names)),
        ("Programs", ", ".join(entry.programs) or "-"),
        ("Identifiers", "\n".join(f"{i.type}: {i.value}" for i in entry.identifiers) or "-"),
        ("Dates of birth", ", ".join(entry.birth_dates) or "-"),
        ("Explanation", "\n".join(hit.explanation) or "-"),
    ]
    rows += [("Note", note) for note in hit.notes]
    for label, value in rows:
        table.add_row(label, Text(value))  # names are data, never Rich markup
    console.print(table)


def _review(
    console: Console,
    todo: list[HitPair],
    reviewer: str,
    today: dt.date,
    record: Callable[[Decision], None],
) -> int:
    """Ask about each hit and record each decision at once; stops on q or end of input."""
    made = 0
    try:
        for number, pair in enumerate(todo, start=1):
            show_evidence(console, pair, number, len(todo))
            choice = Prompt.ask(
                r"\[t]rue match, \[f]alse positive, \[s]kip, \[q]uit",
                choices=["t", "f", "s", "q"],
                console=console,
            )
            if choice == "q":
                break
            if choice == "s":
                continue
            verdict = CHOICES[choice]
            reason = _ask(console, "Reason")
            expires = _ask_expiry(console, today) if verdict is Verdict.FALSE_POSITIVE else None
            record(make_decision(pair, verdict, reason, reviewer, today, expires))
            made += 1
    except (_Stop, EOFError):
        console.print("End of input: stopping.")
    return made


@click.command("review")
@click.argument("report", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--allowlist",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    envvar=f"{ENV_PREFIX}_ALLOWLIST",
    help="Allowlist YAML to add the decisions to (created if missing).",
)
@click.option(
    "--reviewer",
    envvar=f"{ENV_PREFIX}_REVIEWER",
    help="Your name, recorded with each decision (asked if not given).",
)
@handle_errors
def review_command(report: Path, allowlist: Path, reviewer: str | None) -> None:
    """Review the open hits of REPORT (a --format json report) and record decisions.

    \b
    Examples:
      sanctions-screen screen vendors.csv -f json -o report.json
      sanctions-screen review report.json --allowlist allowlist.yaml
    """
    hits = load_report_hits(report)
    existing = load_allowlist(allowlist).decisions if allowlist.exists() else ()
    today = dt.datetime.now(dt.timezone.utc).date()
    todo = open_hits(hits, existing, today)
    console = Console(highlight=False)
    if not todo:
        console.print("No open hits to review.")
        return
    console.print(f"{len(todo)} open hit(s) in {report}.", markup=False)
    try:
        name = reviewer or _ask(console, "Reviewer name")
    except _Stop:
        return
    decisions = existing

    def record(decision: Decision) -> None:
        nonlocal decisions
        decisions = merge(decisions, [decision])
        save_allowlist(allowlist, decisions)

    made = _review(console, todo, name, today, record)
    console.print(f"{made} decision(s) written to {allowlist}.", markup=False)
