"""The small interface every list reader implements, and helpers they share."""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Protocol

from ..errors import ListError
from ..models import ListMeta, SanctionsList

HEAD_BYTES = 4096  # how much of a file readers get to recognise it by content


class ListReader(Protocol):
    """Turns the files of one list format into a :class:`SanctionsList`.

    ``can_read`` looks only at content (the first bytes of the file, or the
    files in a directory), never at the file name, so a renamed download
    is still read by the right reader.
    """

    format_name: str
    description: str

    def can_read(self, path: Path, head: bytes) -> bool: ...

    def read(self, path: Path) -> SanctionsList: ...


def sha256_of(paths: Iterable[Path]) -> str:
    """One digest over the bytes of every file read, in the given order."""
    digest = hashlib.sha256()
    for path in paths:
        with path.open("rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                digest.update(chunk)
    return digest.hexdigest()


def read_head(path: Path) -> bytes:
    try:
        with path.open("rb") as fh:
            return fh.read(HEAD_BYTES)
    except OSError as exc:
        raise ListError(f"cannot read list file: {exc.strerror}", path=str(path)) from exc


def decode_legacy(data: bytes) -> str:
    """Decode an official file that may be UTF-8 (with BOM) or Windows-1252/Latin-1."""
    data = data.rstrip(b"\x1a")  # DOS end-of-file byte OFAC still appends
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def csv_records(
    path: Path, required: Sequence[str], hint: str, *, delimiter: str = ","
) -> Iterator[tuple[int, dict[str, str]]]:
    """The data rows of a CSV list file with a header: (line number, stripped cells).

    A missing required column, unreadable bytes or broken quoting is a
    ListError naming the file; ``hint`` says what was expected.
    """
    text = read_text(path)
    try:
        reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
        lacking = [c for c in required if c not in (reader.fieldnames or [])]
        if lacking:
            raise ListError(
                f"header lacks column(s) {', '.join(lacking)}", path=str(path), row=1, hint=hint
            )
        for number, raw in enumerate(reader, start=2):
            yield number, {k: (v or "").strip() for k, v in raw.items() if isinstance(k, str)}
    except csv.Error as exc:
        raise ListError(f"malformed CSV ({exc})", path=str(path), hint=hint) from exc


def read_text(path: Path) -> str:
    """A list file's text (UTF-8 or cp1252, see ``decode_legacy``); ListError if unreadable."""
    try:
        return decode_legacy(path.read_bytes())
    except OSError as exc:
        raise ListError(f"cannot read list file: {exc.strerror}", path=str(path)) from exc


def list_meta(
    format_name: str,
    path: Path,
    *,
    name: str,
    publisher: str | None,
    as_of: str | None,
    source_url: str | None,
    files: Sequence[Path] | None = None,
) -> ListMeta:
    """A list's metadata with the reader, the path and the sha256 of the file(s) read."""
    return ListMeta(
        name=name,
        publisher=publisher,
        as_of=as_of,
        source_url=source_url,
        format=format_name,
        path=str(path),
        sha256=sha256_of(files if files is not None else [path]),
    )
