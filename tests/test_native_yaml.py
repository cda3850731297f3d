"""Our YAML list format: round trip and schema errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from sanctions_screen.errors import ListError
from sanctions_screen.exitcodes import ExitCode
from sanctions_screen.sources import load_list, load_lists
from sanctions_screen.sources.native_yaml import dump_document

from .conftest import BUNDLED

MINIMAL = """format: sanctions-screen-list/1
list: {name: Test list}
entries:
  - {id: "1", kind: organization, name: ACME TRADING LLC, aliases: [ACME LLC]}
"""


def test_round_trip_is_lossless(tmp_path: Path):
    original = load_list(BUNDLED)
    copy = tmp_path / "copy.yaml"
    copy.write_text(dump_document(original), encoding="utf-8")
    again = load_list(copy)
    assert again.entries == original.entries
    assert again.meta.name == original.meta.name


def test_plain_string_alias_is_a_strong_aka(tmp_path: Path):
    path = tmp_path / "l.yaml"
    path.write_text(MINIMAL)
    entry = load_list(path).entries[0]
    assert [n.name for n in entry.names] == ["ACME TRADING LLC", "ACME LLC"]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (MINIMAL.replace("kind: organization", "kind: company-ish"), "unknown kind"),
        (MINIMAL.replace('id: "1", ', ""), "missing `id`"),
        (MINIMAL.replace("list: {name: Test list}", "list: {}"), "`name`"),
        (MINIMAL + '  - {id: "1", kind: person, name: X}\n', "duplicate entry id"),
        (MINIMAL.replace("entries:", "entries: [\n"), "invalid YAML"),
        (MINIMAL.replace("[ACME LLC]", "[{name: X, type: bogus}]"), "alias"),
    ],
)
def test_schema_errors_name_the_file(tmp_path: Path, body: str, message: str):
    path = tmp_path / "bad.yaml"
    path.write_text(body)
    with pytest.raises(ListError) as info:
        load_list(path)
    assert message in str(info.value)
    assert str(path) in str(info.value)
    assert info.value.exit_code is ExitCode.INPUT_ERROR


def test_empty_entries_is_an_error_not_an_empty_list(tmp_path: Path):
    path = tmp_path / "empty.yaml"
    path.write_text("format: sanctions-screen-list/1\nlist: {name: X}\nentries: []\n")
    with pytest.raises(ListError, match="no entries"):
        load_list(path)


def test_unknown_and_empty_files(tmp_path: Path):
    unknown = tmp_path / "list.txt"
    unknown.write_text("hello world\n")
    with pytest.raises(ListError, match="not a list format"):
        load_list(unknown)
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    with pytest.raises(ListError, match="empty"):
        load_list(empty)
    with pytest.raises(ListError, match="no such list"):
        load_list(tmp_path / "missing.yaml")


def test_directory_of_lists(tmp_path: Path):
    (tmp_path / "a.yaml").write_text(MINIMAL)
    (tmp_path / "b.yaml").write_text(MINIMAL.replace("Test list", "Other list"))
    (tmp_path / "README.md").write_text("notes")
    names = [lst.meta.name for lst in load_lists([tmp_path])]
    assert names == ["Test list", "Other list"]
