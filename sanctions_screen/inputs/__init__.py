"""Counterparty readers: CSV and YAML files (or stdin) in, ``Counterparty`` records out.

Every record keeps its source file, row number and id so a hit can be
traced back to the line a reviewer has to look at.
"""

from __future__ import annotations

import enum
import hashlib
import sys
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputFileError
from ..models import Counterparty
from .columns import ColumnMap
from .csv_reader import read_csv
from .yaml_reader import read_yaml

STDIN = "-"


class InputFormat(str, enum.Enum):
    CSV = "csv"
    YAML = "yaml"


@dataclass(frozen=True, slots=True)
class InputBatch:
    """The counterparties of one input file, with what a report needs to cite it."""

    source: str
    counterparties: tuple[Counterparty, ...]
    sha256: str
    warnings: tuple[str, ...] = ()


def read_input(
    source: str, *, input_format: InputFormat | None = None, name_column: str | None = None
) -> InputBatch:
    """Read one input file, or stdin when ``source`` is ``-``."""
    data = _read_bytes(source)
    if not data.strip(b"\xef\xbb\xbf \t\r\n"):
        raise InputFileError(
            "the input is empty",
            path=source,
            hint="give a CSV with a header row and one counterparty per row",
        )
    text, warnings = _decode(data, source)
    fmt = input_format or _guess_format(source, text)
    columns = ColumnMap(name_column)
    if fmt is InputFormat.CSV:
        counterparties = read_csv(text, source, columns)
    else:
        counterparties = read_yaml(text, source, columns)
    if not counterparties:
        raise InputFileError(
            "the input holds no counterparties", path=source, hint="add rows below the header"
        )
    return InputBatch(
        source, tuple(counterparties), hashlib.sha256(data).hexdigest(), tuple(warnings)
    )


def _read_bytes(source: str) -> bytes:
    if source == STDIN:
        return sys.stdin.buffer.read()
    path = Path(source)
    if path.is_dir():
        raise InputFileError(
            "is a directory, not an input file",
            path=source,
            hint="name the CSV or YAML file inside it",
        )
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise InputFileError(
            "no such input file", path=source, hint="check the path, or use - to read stdin"
        ) from None
    except OSError as exc:
        raise InputFileError(f"cannot read input file: {exc.strerror}", path=source) from exc


def _decode(data: bytes, source: str) -> tuple[str, list[str]]:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        if b"\x00" in data:
            raise InputFileError(
                "looks like UTF-16 or a binary file", path=source, hint="save it as UTF-8 CSV"
            ) from exc
        warning = (
            f"{source}: not valid UTF-8 (byte {exc.start}); read as Windows-1252 - "
            "check accented names, or save the file as UTF-8"
        )
        return data.decode("cp1252", errors="replace"), [warning]


def _guess_format(source: str, text: str) -> InputFormat:
    suffix = Path(source).suffix.lower() if source != STDIN else ""
    if suffix in {".yaml", ".yml"}:
        return InputFormat.YAML
    if suffix in {".csv", ".tsv", ".txt"}:
        return InputFormat.CSV
    first = text.lstrip().split("\n", 1)[0].rstrip()
    if first.startswith(("---", "- ")) or (first.endswith(":") and "," not in first):
        return InputFormat.YAML
    return InputFormat.CSV


__all__ = ["STDIN", "InputBatch", "InputFormat", "read_input"]
