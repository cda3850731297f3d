"""CSV counterparty files: a header row, the delimiter sniffed, rows checked."""

from __future__ import annotations

import csv
import io

from ..errors import InputFileError
from ..models import Counterparty
from .columns import ColumnMap, make_counterparty

DELIMITERS = ",;\t|"
SNIFF_BYTES = 64 * 1024
# Fields can be long (addresses, notes); the stdlib default of 128 KiB
# already rejects pathological ones with a clear csv.Error.


def _delimiter(text: str) -> str:
    """Sniff only the delimiter, from the header line; quoting stays standard (RFC 4180).

    The sniffer's other guesses (e.g. ``doublequote``) are unreliable on a
    header without quotes and would split names like ``"ACME ""Best"" Ltd"``.
    """
    first_line = text[:SNIFF_BYTES].split("\n", 1)[0]
    try:
        return csv.Sniffer().sniff(first_line, delimiters=DELIMITERS).delimiter
    except csv.Error:
        return ","  # one column, or nothing to go by


def read_csv(text: str, source: str, columns: ColumnMap) -> list[Counterparty]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text), strict=True)
    try:
        headers = next(reader)
    except StopIteration:
        raise InputFileError(
            "the CSV file is empty", path=source, hint="add a header row and counterparties"
        ) from None
    except csv.Error as exc:
        raise InputFileError(f"malformed CSV header ({exc})", path=source, row=1) from exc
    headers = [h.strip() for h in headers]
    roles = columns.find(headers)
    if roles["name"] is None:
        raise InputFileError(
            "cannot find the name column",
            path=source,
            row=1,
            hint=columns.missing_name_hint(headers),
        )
    name_index = headers.index(roles["name"])
    out: list[Counterparty] = []
    row_number = 0
    try:
        for fields in reader:
            row_number += 1
            if not fields or not any(f.strip() for f in fields):
                continue  # blank line
            if len(fields) != len(headers):
                raise InputFileError(
                    f"has {len(fields)} fields but the header has {len(headers)}",
                    path=source,
                    row=row_number + 1,
                    hint='quote names that contain the delimiter, e.g. "Acme, Inc."',
                )
            if not fields[name_index].strip():
                raise InputFileError(
                    f"the {roles['name']!r} column is empty",
                    path=source,
                    row=row_number + 1,
                    hint="fill in the name or delete the row; an unscreened row cannot pass",
                )
            record = dict(zip(headers, fields))
            out.append(make_counterparty(record, roles, source, row_number + 1))
    except csv.Error as exc:
        raise InputFileError(
            f"malformed CSV ({exc})",
            path=source,
            row=row_number + 2,
            hint="check for an unclosed quote on or before this line",
        ) from exc
    return out
