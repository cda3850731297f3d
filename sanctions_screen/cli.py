"""The command line: parse options, call the application layer, render, map to an exit code.

stdout carries only the report; the summary, warnings and errors go to stderr.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from . import __version__, app, gate
from .cli_common import DEFAULT_LISTS_HELP, ENV_PREFIX, PROG, list_paths_option, stderr_console
from .cli_gate import GatePolicy, allowlist_warnings, finish_run, gate_options
from .cli_options import algorithm_option, list_options, load_for_screening
from .errors import ScreenError
from .exitcodes import ExitCode
from .formats import OutputFormat
from .inputs import STDIN, InputFormat
from .matching import DEFAULT_THRESHOLD
from .models import Counterparty, EntityKind, Report, ScreeningOptions

F = TypeVar("F", bound=Callable[..., Any])
DEFAULT_TOP = 5


def screening_options(func: F) -> F:
    """Options shared by ``screen`` and ``check``: lists, threshold and output."""
    decorators = [
        list_paths_option(
            f"List file or directory to screen against (repeatable). {DEFAULT_LISTS_HELP}"
        ),
        click.option(
            "--threshold",
            "-t",
            type=click.FloatRange(0, 100),
            default=DEFAULT_THRESHOLD,
            show_default=True,
            envvar=f"{ENV_PREFIX}_THRESHOLD",
            help="Lowest score (0-100) reported as a hit.",
        ),
        click.option(
            "--top",
            type=click.IntRange(1),
            default=DEFAULT_TOP,
            show_default=True,
            envvar=f"{ENV_PREFIX}_TOP",
            help="Hits kept per counterparty.",
        ),
        click.option(
            "--format",
            "-f",
            "fmt",
            type=click.Choice([f.value for f in OutputFormat]),
            default=OutputFormat.TABLE.value,
            show_default=True,
            envvar=f"{ENV_PREFIX}_FORMAT",
            help="Report format on stdout or -o.",
        ),
        click.option(
            "--output",
            "-o",
            type=click.Path(dir_okay=False, path_type=Path),
            envvar=f"{ENV_PREFIX}_OUTPUT",
            help="Write the report to FILE (atomically) instead of stdout.",
        ),
        click.option(
            "--quiet",
            "-q",
            is_flag=True,
            envvar=f"{ENV_PREFIX}_QUIET",
            help="No summary on stderr (errors are still shown).",
        ),
    ]
    for decorator in reversed(decorators):
        func = decorator(func)
    return algorithm_option(func)


def handle_errors(func: F) -> F:
    """Map every failure to one stderr line and an exit code; tracebacks only on request."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except ScreenError as exc:
            stderr_console().print(f"{PROG}: error: {exc.one_line()}", markup=False)
            sys.exit(exc.exit_code)
        except (click.exceptions.Exit, click.ClickException, SystemExit):
            raise
        except KeyboardInterrupt:
            stderr_console().print(f"{PROG}: interrupted", markup=False)
            sys.exit(ExitCode.INTERRUPTED)
        except Exception as exc:  # a bug: say so, and how to get the details
            if os.environ.get(f"{ENV_PREFIX}_DEBUG"):
                raise
            stderr_console().print(
                f"{PROG}: internal error: {type(exc).__name__}: {exc} "
                f"(this is a bug; rerun with {ENV_PREFIX}_DEBUG=1 for a traceback and report it)",
                markup=False,
            )
            sys.exit(ExitCode.INTERNAL_ERROR)

    return wrapper  # type: ignore[return-value]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", "-V", prog_name=PROG)
def main() -> None:
    """Screen counterparty names against sanctions lists.

    \b
    Examples:
      sanctions-screen screen examples/vendors.csv
      sanctions-screen check "Zil-M LLC"
    """


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "--name-column",
    "-n",
    envvar=f"{ENV_PREFIX}_NAME_COLUMN",
    help="Column (or YAML key) holding the name, if not found by its header.",
)
@click.option(
    "--input-format",
    type=click.Choice([f.value for f in InputFormat]),
    envvar=f"{ENV_PREFIX}_INPUT_FORMAT",
    help="Format of the inputs; needed for - (stdin) unless it can be guessed.",
)
@screening_options
@gate_options
@list_options
@handle_errors
def screen(
    inputs: tuple[str, ...],
    name_column: str | None,
    input_format: str | None,
    list_paths: tuple[Path, ...],
    threshold: float,
    top: int,
    fmt: str,
    output: Path | None,
    quiet: bool,
    policy: GatePolicy,
    algorithm: str,
) -> None:
    """Screen the counterparties in CSV or YAML INPUTS files (- for stdin).

    Exit status: 0 no hit fails the gate, 1 a hit fails it, 2 usage error,
    3 input, list or allowlist error, 4 output error.

    \b
    Examples:
      sanctions-screen screen examples/vendors.csv
      sanctions-screen screen vendors.csv customers.yaml --format json -o report.json
      cat vendors.csv | sanctions-screen screen - --input-format csv -f ndjson
    """
    if list(inputs).count(STDIN) > 1:
        raise click.UsageError("stdin (-) can be read only once")
    policy = policy.prepared(threshold, top)
    loaded = load_for_screening(list_paths, algorithm)
    batches = app.read_inputs(
        inputs, InputFormat(input_format) if input_format else None, name_column
    )
    console = stderr_console()
    for batch in batches:
        for warning in batch.warnings:
            console.print(f"{PROG}: warning: {warning}", markup=False)
    counterparties = [cp for batch in batches for cp in batch.counterparties]
    options = ScreeningOptions(
        threshold=threshold, top=policy.screening_top(top), algorithm=algorithm
    )
    digests = [(batch.source, batch.sha256) for batch in batches]
    report = app.screen(loaded, counterparties, options, inputs, input_sha256=digests)
    _finish(report, OutputFormat(fmt), output, quiet, policy, "screen")


@main.command()
@click.argument("name")
@click.option(
    "--kind", type=click.Choice([k.value for k in EntityKind]), help="What NAME is, if known."
)
@screening_options
@gate_options
@list_options
@handle_errors
def check(
    name: str,
    kind: str | None,
    list_paths: tuple[Path, ...],
    threshold: float,
    top: int,
    fmt: str,
    output: Path | None,
    quiet: bool,
    policy: GatePolicy,
    algorithm: str,
) -> None:
    """Screen one NAME given on the command line.

    \b
    Examples:
      sanctions-screen check "Zil-M LLC"
      sanctions-screen check "Pak Gwang-hun" --format json
    """
    if not name.strip():
        raise click.BadParameter("the name is empty", param_hint="NAME")
    policy = policy.prepared(threshold, top)
    loaded = load_for_screening(list_paths, algorithm)
    counterparty = Counterparty(
        name=name, source="<argument>", row=1, kind=EntityKind(kind) if kind else None
    )
    options = ScreeningOptions(
        threshold=threshold, top=policy.screening_top(top), algorithm=algorithm
    )
    report = app.screen(loaded, [counterparty], options)
    _finish(report, OutputFormat(fmt), output, quiet, policy, "check")


def _finish(
    report: Report,
    fmt: OutputFormat,
    output: Path | None,
    quiet: bool,
    policy: GatePolicy,
    command: str,
) -> None:
    report, code = finish_run(report, fmt, output, policy, command)
    if not quiet:
        console = stderr_console()
        for warning in allowlist_warnings(report):
            console.print(f"{PROG}: warning: {warning}", markup=False)
        console.print(summary_line(report), markup=False)
    sys.exit(code)


def summary_line(report: Report) -> str:
    counts = gate.counts(report)
    lists = "; ".join(
        f"{m.name} ({entries} entries, as of {m.as_of or 'unknown'}, "
        f"sha256 {(m.sha256 or '')[:12]})"
        for m, (entries, _) in zip(report.lists, report.list_sizes)
    )
    return (
        f"{PROG}: screened {_count(len(report.results), 'counterparty', 'counterparties')} "
        f"against {lists}: {_count(report.hit_count, 'hit', 'hits')} on "
        f"{_count(report.flagged_count, 'counterparty', 'counterparties')} "
        f"at threshold {report.options.threshold:g}; {counts['gating_hits']} fail the gate "
        f"(fail-on {gate.fail_on(report):g}), {counts['suppressed']} suppressed"
    )


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


# Imported last: these commands use handle_errors defined above.
from .cli_explain import explain  # noqa: E402
from .cli_lists import lists  # noqa: E402
from .cli_review import review_command  # noqa: E402

main.add_command(explain)
main.add_command(review_command)
main.add_command(lists)
