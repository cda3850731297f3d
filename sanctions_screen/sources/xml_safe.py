"""Safe, streaming XML for the list readers.

Every XML list goes through :func:`iter_records`, which

* parses with ``defusedxml``: a document type declaration (and with it any
  entity definition, internal or external) is refused outright, so neither
  "billion laughs" expansion nor reading local files through an external
  entity can happen. No official list uses a DTD;
* streams with ``iterparse`` and drops each record from the tree once the
  reader has used it, so memory stays flat however long the list is;
* strips XML namespaces from tag names, so readers can write ``find("uid")``
  whatever namespace a publisher's edition declares;
* refuses absurd nesting, and turns every parser failure into a
  :class:`~sanctions_screen.errors.ListError` naming the file.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from xml.etree.ElementTree import Element, ParseError

import defusedxml.ElementTree as safe_et
from defusedxml import DefusedXmlException

from ..errors import ListError

# Real lists nest at most 9 levels (OFAC Enhanced XML names); anything far
# deeper is a damaged or hostile file, and refusing it early keeps memory flat.
MAX_DEPTH = 40
# Records (entries, publication headers) sit at most this deep: root = 1.
RECORD_DEPTH = 3

_PROLOG_RE = re.compile(rb"<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>", re.DOTALL)
_FIRST_TAG_RE = re.compile(rb"<([A-Za-z_][\w.:-]*)")
_XMLNS_RE = re.compile(rb"""\sxmlns=["']([^"']*)["']""")


def root_element(head: bytes) -> tuple[str, str] | None:
    """(local name, default namespace) of the first element in ``head``; None if not XML."""
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if not text.startswith(b"<"):
        return None
    text = _PROLOG_RE.sub(b"", text).lstrip()
    match = _FIRST_TAG_RE.match(text)
    if match is None:
        return None
    name = match.group(1).decode("ascii", "replace").rsplit(":", 1)[-1]
    tag_end = text.find(b">", match.end())
    namespace = _XMLNS_RE.search(text[: tag_end if tag_end > 0 else len(text)])
    return name, namespace.group(1).decode("ascii", "replace") if namespace else ""


def local(tag: str) -> str:
    """``{namespace}name`` -> ``name``."""
    return tag.rsplit("}", 1)[-1]


def iter_records(
    path: Path, *, root: str, records: frozenset[str], expected: str
) -> Iterator[Element]:
    """Yield the root element first (attributes only), then each finished record.

    ``records`` are local tag names of elements at most ``RECORD_DEPTH`` deep.
    Each record is cleared after the caller has handled it. ``expected``
    describes the format for error messages.
    """
    open_elements: list[Element] = []  # the path from the root to the current element
    try:
        events = safe_et.iterparse(str(path), events=("start", "end"), forbid_dtd=True)
        for event, elem in events:
            if event == "start":
                open_elements.append(elem)
                elem.tag = local(elem.tag)
                if len(open_elements) > MAX_DEPTH:
                    raise _fail(path, f"XML nested deeper than {MAX_DEPTH} levels", expected)
                if len(open_elements) == 1:
                    if elem.tag != root:
                        raise _fail(path, f"root element <{elem.tag}>", expected)
                    yield elem
                continue
            open_elements.pop()
            if len(open_elements) < RECORD_DEPTH and elem.tag in records:
                yield elem
                # Drop the record from the tree too, so memory stays flat on large lists.
                elem.clear()
                if open_elements:
                    open_elements[-1].remove(elem)
    except DefusedXmlException as exc:
        raise ListError(
            f"refused XML with a DTD or entity declarations ({type(exc).__name__})",
            path=str(path),
            hint="official lists never declare entities; download the file again",
        ) from exc
    except ParseError as exc:
        line = exc.position[0] if exc.position else "?"
        raise ListError(
            f"not well-formed XML at line {line}",
            path=str(path),
            hint=f"expected {expected}; the file may be truncated, download it again",
        ) from exc
    except (OSError, ValueError, LookupError, RecursionError) as exc:
        raise ListError(
            f"cannot read XML ({exc})", path=str(path), hint=f"expected {expected}"
        ) from exc


def _fail(path: Path, found: str, expected: str) -> ListError:
    return ListError(
        f"unexpected {found}",
        path=str(path),
        hint=f"expected {expected}; the publisher may have changed the format",
    )


def text(elem: Element | None, tag: str) -> str | None:
    """Stripped text of the first child ``tag``; None when missing or blank."""
    if elem is None:
        return None
    child = elem.find(tag)
    if child is None or child.text is None:
        return None
    value = child.text.strip()
    return value or None


def texts(elem: Element, path: str) -> list[str]:
    """Stripped, non-blank texts of every element matching ``path``."""
    found = (child.text.strip() for child in elem.iterfind(path) if child.text)
    return [value for value in found if value]


def missing(path: Path, what: str, expected: str, record: int) -> ListError:
    """The error for a record that lacks something every record of the format has."""
    return ListError(
        f"record {record} has no {what}",
        path=str(path),
        hint=f"expected {expected}; the publisher may have changed the format",
    )
