"""``lists update``: fetch an official list, verify it, and only then make it current.

A new copy is downloaded into a fresh ``.incoming-*`` directory beside the
store, read with the reader the registry picks, and checked: it parses, it
is not empty, and it does not hold implausibly fewer entries than the copy
it replaces. Only then does the current copy move to ``previous/`` and the
new one take its place. Any failure removes the incoming directory and
leaves the current copy as it was.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .catalog import Source, files_of
from .download import (
    DEFAULT_TIMEOUT_SECONDS,
    Fetched,
    ProgressSink,
    Validators,
    fetch,
    http_date_to_iso,
)
from .errors import ListError
from .lists_store import METADATA_FILE, current_dir, previous_dir, read_metadata
from .paths import data_dir
from .sources import load_list
from .sources.base import read_head

# A new edition with fewer than this share of the current copy's entries is
# far more likely a broken or partial publication than a real mass delisting.
MIN_ENTRY_RATIO = 0.5
HTML_MARKERS = (b"<!doctype html", b"<html")
UNTOUCHED = "the current copy is untouched"
NOTHING_INSTALLED = "nothing was installed"


@dataclass(frozen=True, slots=True)
class UpdateOptions:
    force: bool = False
    timeout: float = DEFAULT_TIMEOUT_SECONDS
    root: Path | None = None  # the data directory; None for :func:`~.paths.data_dir`


@dataclass(frozen=True, slots=True)
class Outcome:
    source: str
    updated: bool  # False: the server said nothing changed
    entries: int
    as_of: str | None
    path: Path


def update_source(
    source: Source, options: UpdateOptions, progress: ProgressSink | None = None
) -> Outcome:
    """Bring one source up to date; raises :class:`ListError` and keeps the old copy on failure."""
    root = options.root if options.root is not None else data_dir()
    try:
        try:
            root.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ListError(
                f"cannot write the data directory: {exc.strerror}", path=str(root)
            ) from exc
        with _exclusive(root, source.name):
            return _update(source, root, options, progress)
    except ListError as exc:
        kept = UNTOUCHED if current_dir(source.name, root).exists() else NOTHING_INSTALLED
        exc.detail = f"{source.name}: {exc.detail}; {kept}"
        raise


def _update(
    source: Source, root: Path, options: UpdateOptions, progress: ProgressSink | None
) -> Outcome:
    current = current_dir(source.name, root)
    old_meta = read_metadata(current)
    try:
        incoming = Path(tempfile.mkdtemp(prefix=f".incoming-{source.name}-", dir=root))
    except OSError as exc:
        raise ListError(f"cannot write the data directory: {exc.strerror}", path=str(root)) from exc
    try:
        records, changed = _fetch_all(source, incoming, current, old_meta, options, progress)
        if not changed and old_meta is not None:
            return Outcome(
                source.name, False, int(old_meta.get("entries", 0)), old_meta.get("as_of"), current
            )
        metadata = _verify(source, incoming, old_meta, records, options.force)
        _write_json(incoming / METADATA_FILE, metadata)
        _install(incoming, current, previous_dir(source.name, root))
        return Outcome(source.name, True, metadata["entries"], metadata["as_of"], current)
    finally:
        shutil.rmtree(incoming, ignore_errors=True)


@contextlib.contextmanager
def _exclusive(root: Path, source: str) -> Iterator[None]:
    """One update of a source at a time (advisory lock where the platform has flock)."""
    try:
        import fcntl
    except ImportError:  # Windows: no flock; concurrent updates are the user's to avoid
        yield
        return
    try:
        handle = (root / f".lock-{source}").open("a")
    except OSError as exc:
        raise ListError(f"cannot create a lock file: {exc.strerror}", path=str(root)) from exc
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            raise ListError(
                "another `lists update` of this source is running", hint="wait for it to finish"
            ) from exc
        yield


def _fetch_all(
    source: Source,
    incoming: Path,
    current: Path,
    old_meta: dict[str, Any] | None,
    options: UpdateOptions,
    progress: ProgressSink | None,
) -> tuple[dict[str, dict[str, Any]], bool]:
    """Download every file of the source; a file the server says is unchanged is copied over."""
    old_files = (old_meta or {}).get("files", {})
    records: dict[str, dict[str, Any]] = {}
    changed = False
    for item in files_of(source):
        old = old_files.get(item.name) if isinstance(old_files, dict) else None
        validators = None
        if isinstance(old, dict) and (current / item.name).is_file():
            validators = Validators(old.get("etag"), old.get("last_modified"))
        got: Fetched = fetch(
            item.url,
            incoming / item.name,
            validators=validators,
            timeout=options.timeout,
            progress=progress,
        )
        if got.modified:
            changed = True
        else:
            shutil.copy2(current / item.name, incoming / item.name)
        records[item.name] = {
            "url": item.url,
            "etag": got.validators.etag,
            "last_modified": got.validators.last_modified,
        }
    return records, changed


def _verify(
    source: Source,
    incoming: Path,
    old_meta: dict[str, Any] | None,
    records: dict[str, dict[str, Any]],
    force: bool,
) -> dict[str, Any]:
    main = incoming / source.main_file
    head = read_head(main).lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(HTML_MARKERS):
        raise ListError(
            f"{source.url} sent a web page, not the list",
            hint="the address may have moved; set it with --url or " + source.env_var,
        )
    try:  # the registry's reader: fails on garbage, unknown formats and lists without entries
        loaded = load_list(main)
    except ListError as exc:
        where = f"row {exc.row}: " if exc.row is not None else ""
        raise ListError(
            f"the copy from {source.url} is not a usable list: {where}{exc.detail}"
        ) from exc
    count = len(loaded.entries)
    old_count = int((old_meta or {}).get("entries") or 0)
    if old_count and count < old_count * MIN_ENTRY_RATIO and not force:
        raise ListError(
            f"refusing the new copy: {count} entries against {old_count} in the current one "
            f"(less than {MIN_ENTRY_RATIO:.0%})",
            hint="if the list really shrank, run again with --force",
        )
    today = dt.datetime.now(dt.timezone.utc).date().isoformat()
    main_modified = http_date_to_iso(records[source.main_file].get("last_modified"))
    return {
        "source": source.name,
        "title": source.title,
        "url": source.url,
        "main_file": source.main_file,
        "format": loaded.meta.format,
        "list_name": loaded.meta.name,
        # The list's own date when it has one, else when the server last changed it, else today.
        "as_of": loaded.meta.as_of or main_modified or today,
        "downloaded_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "entries": count,
        "names": loaded.name_count,
        "sha256": loaded.meta.sha256,
        "files": records,
    }


def _install(incoming: Path, current: Path, previous: Path) -> None:
    """Keep the current copy as the previous one, then move the new copy in."""
    try:
        current.parent.mkdir(parents=True, exist_ok=True)
        if current.exists():
            previous.parent.mkdir(parents=True, exist_ok=True)
            shutil.rmtree(previous, ignore_errors=True)
            os.replace(current, previous)
        try:
            os.replace(incoming, current)
        except OSError:
            if previous.exists() and not current.exists():
                os.replace(previous, current)  # put the old copy back
            raise
    except OSError as exc:
        raise ListError(f"cannot install the new copy: {exc.strerror}", path=str(current)) from exc


def _write_json(path: Path, data: dict[str, Any]) -> None:
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
