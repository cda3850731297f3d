"""``lists diff`` and the diff core."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from sanctions_screen.cli import main
from sanctions_screen.listdiff import FieldChange, diff_lists, only_changed
from sanctions_screen.models import ListMeta, SanctionsList
from sanctions_screen.sources import load_list

from .conftest import SHARED_DATA
from .factories import NEW_ENTRIES, OLD_ENTRIES, entry, write_list

EXCERPT = SHARED_DATA / "ofac" / "excerpts" / "dprk_2022_sdn.csv"


def editions(tmp_path: Path) -> tuple[Path, Path]:
    return (
        write_list(tmp_path / "old.yaml", OLD_ENTRIES, as_of="2026-10-01"),
        write_list(tmp_path / "new.yaml", NEW_ENTRIES, as_of="2026-11-01"),
    )


def test_diff_core_finds_added_removed_and_changed(tmp_path: Path) -> None:
    old, new = editions(tmp_path)
    delta = diff_lists(load_list(old), load_list(new))
    assert [e.id for e in delta.added] == ["4"]
    assert [e.id for e in delta.removed] == ["3"]
    assert [c.new.id for c in delta.changed] == ["2"]
    assert delta.unchanged_count == 1
    assert delta.changed[0].changes == (
        FieldChange("names", (), ("ZEELM (aka, strong)",)),
        FieldChange("identifiers", (), ("Tax ID No.: 2539039058",)),
    )
    assert [e.id for e in delta.changed_entries()] == ["4", "2"]


def test_reordering_is_not_a_change(tmp_path: Path) -> None:
    old = write_list(tmp_path / "a.yaml", OLD_ENTRIES)
    new = write_list(tmp_path / "b.yaml", tuple(reversed(OLD_ENTRIES)))
    delta = diff_lists(load_list(old), load_list(new))
    assert not (delta.added or delta.removed or delta.changed)


def test_diff_json(tmp_path: Path) -> None:
    old, new = editions(tmp_path)
    result = CliRunner().invoke(main, ["lists", "diff", str(old), str(new), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["summary"] == {"added": 1, "removed": 1, "changed": 1, "unchanged": 1}
    assert data["old"]["as_of"] == "2026-10-01"
    assert data["new"]["sha256"]
    assert data["added"] == [
        {"id": "4", "name": "PARSEK LLC", "kind": "organization", "programs": ["NPWMD"]}
    ]
    assert data["removed"][0]["name"] == "RK BRIZ, OOO"
    changes = data["changed"][0]["changes"]
    assert {"field": "names", "removed": [], "added": ["ZEELM (aka, strong)"]} in changes


def test_diff_table(tmp_path: Path) -> None:
    old, new = editions(tmp_path)
    result = CliRunner().invoke(main, ["lists", "diff", str(old), str(new)])
    assert result.exit_code == 0
    out = result.stdout
    assert "1 added, 1 removed, 1 changed, 1 unchanged" in out
    assert "PARSEK LLC" in out and "RK BRIZ, OOO" in out
    assert "identifiers: + Tax ID No.: 2539039058" in out
    assert "\x1b[" not in out


def test_diff_of_identical_lists_says_so(tmp_path: Path) -> None:
    old, _ = editions(tmp_path)
    result = CliRunner().invoke(main, ["lists", "diff", str(old), str(old)])
    assert result.exit_code == 0
    assert "No differences." in result.stdout


def test_converted_list_does_not_differ_from_its_source(tmp_path: Path) -> None:
    converted = tmp_path / "dprk.yaml"
    result = CliRunner().invoke(main, ["lists", "convert", str(EXCERPT), "-o", str(converted)])
    assert result.exit_code == 0, result.stderr
    result = CliRunner().invoke(
        main, ["lists", "diff", str(EXCERPT), str(converted), "--format", "json"]
    )
    assert json.loads(result.stdout)["summary"] == {
        "added": 0,
        "removed": 0,
        "changed": 0,
        "unchanged": 43,
    }


def test_diff_with_a_bad_file_exits_3(tmp_path: Path) -> None:
    old, _ = editions(tmp_path)
    bad = tmp_path / "bad.txt"
    bad.write_text("hello\n")
    result = CliRunner().invoke(main, ["lists", "diff", str(old), str(bad)])
    assert result.exit_code == 3
    assert result.stderr.startswith(f"sanctions-screen: error: {bad}: not a list format")


def test_diff_of_two_different_lists_warns(tmp_path: Path) -> None:
    old = write_list(tmp_path / "a.yaml", OLD_ENTRIES, name="One")
    new = write_list(tmp_path / "b.yaml", OLD_ENTRIES, name="Other")
    result = CliRunner().invoke(main, ["lists", "diff", str(old), str(new)])
    assert result.exit_code == 0
    assert "warning: comparing two different lists ('One' and 'Other')" in result.stderr


_ids = st.sampled_from([str(i) for i in range(8)])
_names = st.sampled_from(["APOLLON OOO", "ZIL-M LLC", "RK BRIZ", "PARSEK LLC"])
_entries = st.dictionaries(_ids, st.tuples(_names, st.sets(_names, max_size=2)), max_size=8)


def _as_list(spec: dict[str, tuple[str, set[str]]]) -> SanctionsList:
    entries = tuple(entry(i, n, aliases=tuple(sorted(a))) for i, (n, a) in spec.items())
    return SanctionsList(ListMeta("L"), entries)


@given(_entries, _entries)
def test_diff_accounts_for_every_entry(old_spec: dict, new_spec: dict) -> None:  # type: ignore[type-arg]
    old, new = _as_list(old_spec), _as_list(new_spec)
    delta = diff_lists(old, new)
    assert {e.id for e in delta.added} == set(new_spec) - set(old_spec)
    assert {e.id for e in delta.removed} == set(old_spec) - set(new_spec)
    assert len(delta.added) + len(delta.changed) + delta.unchanged_count == len(new.entries)
    for change in delta.changed:
        assert change.changes and change.old != change.new
    assert not diff_lists(new, new).changed_entries()
    kept, _, _ = only_changed([new], [old])
    old_by_id = {e.id: e for e in old.entries}
    must_screen = {e.id for e in new.entries if old_by_id.get(e.id) != e}
    assert {e.id for e in kept[0].entries} == must_screen
