"""List readers: detect a list file's format by its content and read it.

Add a format by writing a class that satisfies :class:`~.base.ListReader`
and appending an instance to ``READERS``. A file no reader recognises is an
error, never an empty list.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..errors import ListError
from ..models import SanctionsList
from .base import ListReader, read_head
from .bis_dpl import BisDplReader
from .eu_fsf import EuFsfLegacyXmlReader, EuFsfXmlReader
from .native_yaml import NativeYamlReader
from .ofac_csv import OfacCsvReader
from .ofac_enhanced import OfacEnhancedXmlReader
from .ofac_xml import OfacXmlReader
from .opensanctions_csv import OpenSanctionsCsvReader
from .opensanctions_ftm import OpenSanctionsFtmReader
from .uk_ofsi import UkOfsiCsvReader
from .un_xml import UnXmlReader
from .us_csl import UsCslCsvReader

READERS: tuple[ListReader, ...] = (
    NativeYamlReader(),
    OfacCsvReader(),
    OfacXmlReader(),
    OfacEnhancedXmlReader(),
    UnXmlReader(),
    UkOfsiCsvReader(),
    EuFsfXmlReader(),
    EuFsfLegacyXmlReader(),
    UsCslCsvReader(),
    BisDplReader(),
    OpenSanctionsFtmReader(),
    OpenSanctionsCsvReader(),
)

# OFAC ships SDN_ENHANCED.ZIP; mirrors often gzip the CSVs.
_ARCHIVE_MAGIC = (b"PK\x03\x04", b"\x1f\x8b")


def reader_for(path: Path) -> ListReader:
    """The reader that recognises ``path`` (a file, or a directory some readers accept)."""
    head = b"" if path.is_dir() else read_head(path)
    if not path.is_dir() and not head.strip(b"\x1a\r\n\t \xef\xbb\xbf"):
        raise ListError(
            "the list file is empty",
            path=str(path),
            hint="download it again or point --list at another file",
        )
    for reader in READERS:
        if reader.can_read(path, head):
            return reader
    if head.startswith(_ARCHIVE_MAGIC):
        raise ListError(
            "this is a compressed archive (zip or gzip), not a list file",
            path=str(path),
            hint="unpack it and point --list at the file inside",
        )
    known = ", ".join(r.format_name for r in READERS)
    raise ListError(
        "not a list format sanctions-screen recognises",
        path=str(path),
        hint=f"supported: {known}; see `sanctions-screen lists --help`",
    )


def load_list(path: Path) -> SanctionsList:
    """Read one list file (or a directory holding one multi-file list)."""
    if not path.exists():
        raise ListError(
            "no such list file or directory", path=str(path), hint="check the --list path"
        )
    result = reader_for(path).read(path)
    if not result.entries:
        raise ListError(
            "the list holds no entries",
            path=str(path),
            hint="an empty list would pass every name; fix or replace the file",
        )
    return result


def load_lists(
    paths: list[Path], load: Callable[[Path], SanctionsList] | None = None
) -> list[SanctionsList]:
    """Read every ``--list`` argument; a directory no single reader claims is read file by file.

    ``load`` reads one list (default :func:`load_list`); the list cache passes its own.
    """
    load = load_list if load is None else load
    loaded: list[SanctionsList] = []
    for path in paths:
        if path.is_dir() and not any(r.can_read(path, b"") for r in READERS):
            files = sorted(p for p in path.iterdir() if p.is_file() and not p.name.startswith("."))
            files = [p for p in files if p.suffix.lower() not in {".md", ".py"}]
            if not files:
                raise ListError(
                    "the directory holds no list files",
                    path=str(path),
                    hint="point --list at a list file or a directory of them",
                )
            loaded.extend(load(p) for p in files)
        else:
            loaded.append(load(path))
    return loaded
