"""Counterparty files: CSV and YAML in, every row traced to its file, row and id."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from sanctions_screen.errors import InputFileError
from sanctions_screen.exitcodes import ExitCode
from sanctions_screen.inputs import InputFormat, read_input
from sanctions_screen.models import EntityKind

from .conftest import EXAMPLES


def write(tmp_path: Path, name: str, content: str | bytes) -> str:
    path = tmp_path / name
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return str(path)


def test_example_csv_keeps_file_row_and_id():
    batch = read_input(str(EXAMPLES / "vendors.csv"))
    first = batch.counterparties[0]
    assert (first.name, first.row, first.id, first.country) == (
        "Acme Industrial Supply Inc.",
        2,
        "V-1001",
        "United States",
    )
    assert first.source.endswith("vendors.csv")
    assert ("tax_id", "36-4127790") in first.extra
    assert len(batch.sha256) == 64
    assert batch.warnings == ()


def test_yaml_example_matches_csv_example():
    csv_batch = read_input(str(EXAMPLES / "vendors.csv"))
    yaml_batch = read_input(str(EXAMPLES / "vendors.yaml"))
    assert [(c.id, c.name) for c in csv_batch.counterparties] == [
        (c.id, c.name) for c in yaml_batch.counterparties
    ]


@pytest.mark.parametrize(
    "header",
    [
        "Name",
        "VENDOR",
        "vendor_name",
        "Counterparty",
        "supplier",
        "Company",
        "full_name",
        "Vendor Name",
    ],
)
def test_name_column_found_by_header(tmp_path, header):
    batch = read_input(write(tmp_path, "v.csv", f"id,{header}\n7,Zil-M LLC\n"))
    assert batch.counterparties[0].name == "Zil-M LLC"
    assert batch.counterparties[0].id == "7"


def test_name_column_option(tmp_path):
    path = write(tmp_path, "v.csv", "code,label,legal_entity\n1,x,OOO Apollon\n")
    batch = read_input(path, name_column="Legal_Entity")
    assert batch.counterparties[0].name == "OOO Apollon"
    with pytest.raises(InputFileError, match="no column 'nope'"):
        read_input(path, name_column="nope")


@pytest.mark.parametrize("delimiter", [";", "\t", "|"])
def test_delimiter_is_sniffed(tmp_path, delimiter):
    text = delimiter.join(["id", "name", "country"]) + "\n"
    text += delimiter.join(["1", "Apollon, OOO", "Russia"]) + "\n"
    batch = read_input(write(tmp_path, "v.csv", text))
    assert batch.counterparties[0].name == "Apollon, OOO"
    assert batch.counterparties[0].country == "Russia"


def test_optional_columns_carried(tmp_path):
    text = (
        "ref,supplier,type,nationality,date_of_birth\n"
        "A1,Alexander Gayevoy,individual,RU,1986-06-16\n"
    )
    cp = read_input(write(tmp_path, "v.csv", text)).counterparties[0]
    assert (cp.id, cp.kind, cp.country, cp.birth_date) == (
        "A1",
        EntityKind.PERSON,
        "RU",
        "1986-06-16",
    )


def test_utf8_bom_and_cyrillic(tmp_path):
    data = "\ufeffname\nООО «Аполлон»\n".encode()
    batch = read_input(write(tmp_path, "v.csv", data))
    assert batch.counterparties[0].name == "ООО «Аполлон»"
    assert batch.warnings == ()


def test_cp1252_falls_back_with_a_warning(tmp_path):
    data = "name\nMüller Stahlbau GmbH\n".encode("cp1252")
    batch = read_input(write(tmp_path, "v.csv", data))
    assert batch.counterparties[0].name == "Müller Stahlbau GmbH"
    assert len(batch.warnings) == 1 and "Windows-1252" in batch.warnings[0]


def test_blank_lines_are_skipped_rows_keep_their_line_numbers(tmp_path):
    batch = read_input(write(tmp_path, "v.csv", "name\nA Co\n\nB Co\n"))
    assert [(c.name, c.row) for c in batch.counterparties] == [("A Co", 2), ("B Co", 4)]


@pytest.mark.parametrize(
    ("content", "message", "row"),
    [
        ("name,country\nAcme, Inc,US\n", "has 3 fields but the header has 2", 2),
        ('name,country\n"Acme Inc,US\nOther,DE\n', "malformed CSV", None),
        ("id,country\n1,US\n", "cannot find the name column", 1),
        ("name,country\n,US\n", "column is empty", 2),
        ("name\n", "holds no counterparties", None),
    ],
)
def test_malformed_csv(tmp_path, content, message, row):
    path = write(tmp_path, "v.csv", content)
    with pytest.raises(InputFileError) as info:
        read_input(path)
    assert message in str(info.value)
    assert path in str(info.value)
    if row is not None:
        assert f"row {row}" in str(info.value)
    assert info.value.exit_code is ExitCode.INPUT_ERROR


def test_missing_and_empty_files(tmp_path):
    with pytest.raises(InputFileError, match="no such input file"):
        read_input(str(tmp_path / "nope.csv"))
    with pytest.raises(InputFileError, match="empty"):
        read_input(write(tmp_path, "empty.csv", b""))
    with pytest.raises(InputFileError, match="directory"):
        read_input(str(tmp_path))


@pytest.mark.parametrize(
    "content",
    [
        "- Zil-M LLC\n- name: OOO Apollon\n  id: 9\n",
        "vendors:\n  - Zil-M LLC\n  - {name: OOO Apollon, id: 9}\n",
        "whatever:\n  - Zil-M LLC\n  - {vendor: OOO Apollon, id: 9}\n",
    ],
)
def test_yaml_shapes(tmp_path, content):
    batch = read_input(write(tmp_path, "v.yaml", content))
    assert [(c.name, c.row, c.id) for c in batch.counterparties] == [
        ("Zil-M LLC", 1, None),
        ("OOO Apollon", 2, "9"),
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("vendors: [unclosed\n", "invalid YAML"),
        ("just a string\n", "expected a list"),
        ("- {id: 1}\n", "item has no name"),
        ("- [nested, list]\n", "expected a name or a mapping"),
    ],
)
def test_malformed_yaml(tmp_path, content, message):
    path = write(tmp_path, "v.yaml", content)
    with pytest.raises(InputFileError, match=message) as info:
        read_input(path)
    assert path in str(info.value)


def test_stdin(monkeypatch):
    class FakeStdin:
        buffer = io.BytesIO(b"name\nZil-M LLC\n")

    monkeypatch.setattr("sys.stdin", FakeStdin())
    batch = read_input("-", input_format=InputFormat.CSV)
    assert batch.counterparties[0].source == "-"
    assert batch.counterparties[0].name == "Zil-M LLC"


def test_doubled_quotes_inside_a_quoted_name(tmp_path):
    path = write(tmp_path, "v.csv", 'id,name\nV-1,"ACME ""Best"" Trading, Ltd"\n')
    assert read_input(path).counterparties[0].name == 'ACME "Best" Trading, Ltd'
