"""``sanctions-screen lists``: see, check, convert, compare and update the lists.

Click only: each command parses options, calls the core and picks a
renderer. stdout carries only the table or JSON; messages go to stderr.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import click
from rich.progress import (
    BarColumn,
    DownloadColumn,
    Progress,
    TaskID,
    TextColumn,
    TransferSpeedColumn,
)

from . import catalog, lists_render, lists_store
from .cache import cached_loader
from .cli import handle_errors
from .cli_common import ENV_PREFIX, PROG, list_paths_option, stderr_console
from .cli_options import current_selection, no_cache_option
from .download import DEFAULT_TIMEOUT_SECONDS
from .errors import ListError, ScreenError
from .exitcodes import ExitCode
from .listdiff import diff_lists
from .models import SanctionsList
from .output import stdout_wants_color, write_atomically
from .paths import data_dir
from .sources import load_list, load_lists
from .sources.native_yaml import dump_document
from .update import UpdateOptions, update_source

FORMATS = ("table", "json")


def _format_option(func: click.decorators.FC) -> click.decorators.FC:
    return click.option(
        "--format",
        "-f",
        "fmt",
        type=click.Choice(FORMATS),
        default="table",
        show_default=True,
        help="Output format on stdout.",
    )(func)


def _emit(text: str) -> None:
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:  # `| head` stopped reading: end quietly, as screen does
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


@click.group(invoke_without_command=True)
@click.pass_context
def lists(ctx: click.Context) -> None:
    """Show, validate, convert, compare and update sanctions lists.

    Run bare, it shows which lists a plain `screen` would use.

    \b
    Examples:
      sanctions-screen lists
      sanctions-screen lists update ofac-sdn
      sanctions-screen lists validate sdn.csv
      sanctions-screen lists diff old/sdn.csv new/sdn.csv --format json
    """
    if ctx.invoked_subcommand is None:
        ctx.invoke(show)


@lists.command()
@list_paths_option("Show these lists instead of the ones a plain screen picks.")
@_format_option
@no_cache_option
@handle_errors
def show(list_paths: tuple[Path, ...] = (), fmt: str = "table") -> None:
    """Show the lists a plain `screen` uses: name, publisher, as-of date, size, sha256, path.

    Those are the lists fetched by `lists update` when there are any, else the bundled list.
    """
    loader = lists_store.with_download_records(
        cached_loader() if current_selection().use_cache else load_list
    )
    loaded = lists_store.lists_for_screening(list_paths, loader)
    if fmt == "json":
        _emit(lists_render.to_json(lists_render.lists_as_data(loaded)))
        return
    origin = (
        "given with --list"
        if list_paths
        else f"updated, in {data_dir()}"
        if lists_store.installed()
        else "bundled (run `sanctions-screen lists update` to fetch the official lists)"
    )
    _emit(lists_render.lists_table(loaded, f"Lists a screen uses: {origin}", color=_color()))


@lists.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@_format_option
@handle_errors
def validate(files: tuple[Path, ...], fmt: str) -> None:
    """Read each list FILE (or directory) and report its size; exit 3 if any cannot be read."""
    good: list[tuple[str, SanctionsList]] = []
    failed = 0
    console = stderr_console()
    for path in files:
        try:  # a directory of list files is read file by file, as --list reads it
            good.extend((sl.meta.path or str(path), sl) for sl in load_lists([path]))
        except ScreenError as exc:
            failed += 1
            console.print(f"{PROG}: error: {exc.one_line()}", markup=False)
    if fmt == "json":
        data = lists_render.lists_as_data([sl for _, sl in good])
        _emit(lists_render.to_json({"valid": data, "failed": failed}))
    elif good:
        _emit(lists_render.validated_table(good, color=_color()))
    if failed:
        sys.exit(ExitCode.INPUT_ERROR)


@lists.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the YAML to FILE (atomically) instead of stdout.",
)
@handle_errors
def convert(file: Path, output: Path | None) -> None:
    """Convert a list in any supported format to sanctions-screen's YAML list format."""
    sanctions_list = load_list(file)
    text = dump_document(sanctions_list)
    if output is None:
        _emit(text)
        return
    write_atomically(output, text)
    stderr_console().print(
        f"{PROG}: wrote {len(sanctions_list.entries)} entries of {sanctions_list.meta.name} "
        f"to {output}",
        markup=False,
    )


@lists.command()
@click.argument("old", type=click.Path(path_type=Path))
@click.argument("new", type=click.Path(path_type=Path))
@_format_option
@handle_errors
def diff(old: Path, new: Path, fmt: str) -> None:
    """Entries added, removed and changed (by id) between an OLD and a NEW edition of a list."""
    load = lists_store.with_download_records(load_list)
    delta = diff_lists(load(old), load(new))
    if delta.old.meta.name != delta.new.meta.name:
        stderr_console().print(
            f"{PROG}: warning: comparing two different lists "
            f"({delta.old.meta.name!r} and {delta.new.meta.name!r}); entries match by id only",
            markup=False,
        )
    if fmt == "json":
        _emit(lists_render.to_json(lists_render.diff_as_data(delta)))
    else:
        _emit(lists_render.diff_table(delta, color=_color()))


@lists.command()
@_format_option
@handle_errors
def sources(fmt: str) -> None:
    """The official lists `lists update` fetches, their addresses and override variables."""
    resolved = catalog.resolve((), config=catalog.read_config(data_dir() / catalog.CONFIG_FILE))
    if fmt == "json":
        _emit(lists_render.to_json(lists_render.sources_as_data(resolved)))
    else:
        _emit(lists_render.sources_table(resolved, color=_color()))


@lists.command()
@click.argument("names", nargs=-1, metavar="[SOURCE]...")
@click.option(
    "--force", is_flag=True, help="Accept a new copy even with far fewer entries than the current."
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0, min_open=True),
    metavar="SECONDS",
    default=DEFAULT_TIMEOUT_SECONDS,
    show_default=True,
    envvar=f"{ENV_PREFIX}_TIMEOUT",
    help="Seconds to wait for a connection or for more data.",
)
@click.option(
    "--url",
    "urls",
    multiple=True,
    metavar="SOURCE=URL",
    help="Fetch SOURCE's main file from URL (repeatable). "
    "Also: SANCTIONS_SCREEN_URL_<SOURCE>, or sources.yaml in the data directory.",
)
@handle_errors
def update(names: tuple[str, ...], force: bool, timeout: float, urls: tuple[str, ...]) -> None:
    """Download fresh copies of the official lists (all when no SOURCE is named).

    A copy replaces the current one only after it parses, is not empty and is not
    implausibly smaller; the replaced copy is kept in previous/. SOURCE is one of
    ofac-sdn, ofac-cons, un, uk-ofsi, us-csl (see `lists sources`).

    Exit status: 0 every source updated or unchanged, 3 a source failed (its current
    copy is untouched).

    \b
    Examples:
      sanctions-screen lists update
      sanctions-screen lists update ofac-sdn --url ofac-sdn=https://mirror.example/sdn.csv
    """
    config = catalog.read_config(data_dir() / catalog.CONFIG_FILE)
    chosen = catalog.resolve(names, catalog.parse_url_overrides(urls), config=config)
    options = UpdateOptions(force=force, timeout=timeout)
    console = stderr_console()
    failed = 0
    for source in chosen:
        try:
            with _progress() as progress:
                outcome = update_source(source, options, progress)
        except ListError as exc:
            failed += 1
            console.print(f"{PROG}: error: {exc.one_line()}", markup=False)
            continue
        except KeyboardInterrupt:
            console.print(f"{PROG}: interrupted; {source.name}: the current copy is untouched")
            sys.exit(ExitCode.INTERRUPTED)
        state = "updated" if outcome.updated else "unchanged (not modified on the server)"
        console.print(
            f"{PROG}: {source.name}: {state}: {outcome.entries:,} entries, "
            f"as of {outcome.as_of or 'unknown'}, in {outcome.path}",
            markup=False,
        )
    if failed:
        sys.exit(ExitCode.INPUT_ERROR)


def _color() -> bool:
    return stdout_wants_color()


class _RichProgress:
    """A download bar on stderr; only made when stderr is a terminal."""

    def __init__(self, progress: Progress) -> None:
        self._progress = progress
        self._task: TaskID | None = None

    def start(self, label: str, total: int | None) -> None:
        self._task = self._progress.add_task(label, total=total)

    def advance(self, size: int) -> None:
        if self._task is not None:
            self._progress.advance(self._task, size)

    def finish(self) -> None:
        if self._task is not None:
            self._progress.remove_task(self._task)
            self._task = None


@contextlib.contextmanager
def _progress() -> Iterator[_RichProgress | None]:
    """A Rich download bar on stderr when it is a terminal; else no progress at all."""
    console = stderr_console()
    if not console.is_terminal:
        yield None
        return
    columns = (TextColumn("{task.description}"), BarColumn(), DownloadColumn())
    with Progress(*columns, TransferSpeedColumn(), console=console, transient=True) as bar:
        yield _RichProgress(bar)
