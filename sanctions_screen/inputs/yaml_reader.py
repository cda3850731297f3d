"""YAML counterparty files: a list of mappings or plain names, or a mapping holding one."""

from __future__ import annotations

from typing import Any

import yaml

from ..errors import InputFileError
from ..models import Counterparty
from .columns import ColumnMap, make_counterparty

# Keys under which a top-level mapping may hold the list, in order of preference.
LIST_KEYS = (
    "counterparties",
    "vendors",
    "suppliers",
    "customers",
    "payees",
    "names",
    "entities",
    "parties",
    "items",
    "records",
)

try:
    _Loader: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _Loader = yaml.SafeLoader


def read_yaml(text: str, source: str, columns: ColumnMap) -> list[Counterparty]:
    try:
        doc = yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise InputFileError(
            f"invalid YAML ({getattr(exc, 'problem', None) or exc})",
            path=source,
            row=mark.line + 1 if mark is not None else None,
            hint="fix the YAML syntax on that line",
        ) from exc
    items = _find_list(doc, source)
    out: list[Counterparty] = []
    for row, item in enumerate(items, start=1):
        if isinstance(item, (str, int, float)) and not isinstance(item, bool):
            record = {"name": str(item)}
        elif isinstance(item, dict):
            record = {str(k): "" if v is None else str(v) for k, v in item.items()}
        else:
            raise InputFileError(
                "expected a name or a mapping with a name",
                path=source,
                row=row,
                hint="write `- name: ACME LTD` or `- ACME LTD`",
            )
        roles = columns.find(list(record))
        if roles["name"] is None or not record[roles["name"]].strip():
            raise InputFileError(
                "item has no name",
                path=source,
                row=row,
                hint=columns.missing_name_hint(list(record)),
            )
        out.append(make_counterparty(record, roles, source, row))
    return out


def _find_list(doc: Any, source: str) -> list[Any]:
    if isinstance(doc, list):
        return doc
    if isinstance(doc, dict):
        lowered = {str(k).lower(): v for k, v in doc.items()}
        for key in LIST_KEYS:
            if isinstance(lowered.get(key), list):
                return list(lowered[key])
        lists = [v for v in doc.values() if isinstance(v, list)]
        if len(lists) == 1:
            return list(lists[0])
    raise InputFileError(
        "expected a list of counterparties, or a mapping with one list under e.g. `vendors:`",
        path=source,
        hint="see examples/vendors.yaml",
    )
