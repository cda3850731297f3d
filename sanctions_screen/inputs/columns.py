"""Which column (or YAML key) holds the name, the id and the other attributes."""

from __future__ import annotations

from collections.abc import Sequence

from ..models import Counterparty, EntityKind

# Header names recognised case-insensitively, in order of preference.
NAME_HEADERS = (
    "name",
    "full_name",
    "fullname",
    "vendor",
    "vendor_name",
    "vendorname",
    "counterparty",
    "counterparty_name",
    "supplier",
    "supplier_name",
    "company",
    "company_name",
    "customer",
    "customer_name",
    "payee",
    "payee_name",
    "beneficiary",
    "beneficiary_name",
    "party",
    "party_name",
    "entity",
    "entity_name",
    "legal_name",
    "organisation",
    "organization",
    "business_name",
)
ID_HEADERS = (
    "id",
    "vendor_id",
    "counterparty_id",
    "supplier_id",
    "customer_id",
    "payee_id",
    "ref",
    "reference",
    "record_id",
    "account",
    "account_id",
    "number",
)
KIND_HEADERS = ("kind", "type", "entity_type", "party_type")
COUNTRY_HEADERS = ("country", "nationality", "country_code", "citizenship")
DOB_HEADERS = ("dob", "date_of_birth", "birth_date", "birthdate", "born")


def _key(header: str) -> str:
    return header.strip().lower().replace(" ", "_").replace("-", "_")


class ColumnMap:
    """Resolves the columns once per file, then turns rows into counterparties."""

    def __init__(self, name_column: str | None = None) -> None:
        self.name_column = name_column

    def find(self, headers: Sequence[str]) -> dict[str, str | None]:
        """Map roles (name, id, kind, country, dob) to the file's own header spelling.

        The name role is None when no header looks like a name column.
        """
        by_key = {_key(h): h for h in headers if h is not None}

        def pick(candidates: Sequence[str]) -> str | None:
            for candidate in candidates:
                if candidate in by_key:
                    return by_key[candidate]
            return None

        name = pick((_key(self.name_column),)) if self.name_column else pick(NAME_HEADERS)
        return {
            "name": name,
            "id": pick(ID_HEADERS),
            "kind": pick(KIND_HEADERS),
            "country": pick(COUNTRY_HEADERS),
            "dob": pick(DOB_HEADERS),
        }

    def missing_name_hint(self, headers: Sequence[str]) -> str:
        shown = ", ".join(repr(h) for h in headers[:8]) or "none"
        if self.name_column:
            return f"no column {self.name_column!r}; the columns are {shown}"
        return f"no name column among {shown}; pass --name-column COLUMN"


def make_counterparty(
    record: dict[str, str], roles: dict[str, str | None], source: str, row: int
) -> Counterparty:
    """Build a counterparty from a row; the caller checks the name is present."""

    def get(role: str) -> str | None:
        column = roles.get(role)
        value = record.get(column) if column is not None else None
        value = value.strip() if isinstance(value, str) else value
        return value or None

    used = {c for c in roles.values() if c is not None}
    extra = tuple(
        (k, v)
        for k, v in record.items()
        if k not in used and k is not None and isinstance(v, str) and v.strip()
    )
    return Counterparty(
        name=get("name") or "",
        source=source,
        row=row,
        id=get("id"),
        kind=EntityKind.parse(get("kind")),
        country=get("country"),
        birth_date=get("dob"),
        extra=extra,
    )
