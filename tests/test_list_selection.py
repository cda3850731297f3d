"""Which lists ``screen`` and ``check`` use, ``--max-list-age`` and ``--only-changed-since``."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from sanctions_screen.cli import main
from sanctions_screen.errors import ListError
from sanctions_screen.lists_store import check_age, parse_date
from sanctions_screen.models import ListMeta, SanctionsList

from .conftest import BUNDLED
from .factories import NEW_ENTRIES, OLD_ENTRIES, entry, write_list
from .test_lists_cli import install_fake

TODAY = dt.datetime.now(dt.timezone.utc).date()


def days_ago(days: int) -> str:
    return (TODAY - dt.timedelta(days=days)).isoformat()


def check_json(*args: str, env: dict[str, str] | None = None) -> tuple[int, dict, str]:  # type: ignore[type-arg]
    result = CliRunner().invoke(main, ["check", *args, "--format", "json"], env=env)
    report = json.loads(result.stdout) if result.stdout else {}
    return result.exit_code, report, result.stderr


def test_plain_check_uses_the_bundled_list_without_updates() -> None:
    code, report, err = check_json("Zil-M LLC")
    assert code == 1
    assert [item["path"] for item in report["lists"]] == [str(BUNDLED)]
    assert "OFAC SDN: DPRK-related designations of 2022 (43 entries, as of 2024-05-03" in err


def test_plain_check_uses_updated_lists_and_list_replaces_them(tmp_path: Path) -> None:
    installed = install_fake()
    code, report, err = check_json("Zil-M LLC")
    assert code == 1, err
    assert [(i["name"], i["path"], i["as_of"]) for i in report["lists"]] == [
        ("Updated list", str(installed), "2026-11-20")
    ]
    assert "Updated list (3 entries, as of 2026-11-20, sha256 " in err
    other = write_list(tmp_path / "other.yaml", OLD_ENTRIES, name="Other")
    code, report, _ = check_json("Zil-M LLC", "--list", str(other))
    assert [i["name"] for i in report["lists"]] == ["Other"]


def test_max_list_age_passes_a_fresh_list(tmp_path: Path) -> None:
    fresh = write_list(tmp_path / "fresh.yaml", OLD_ENTRIES, as_of=days_ago(2))
    code, _, err = check_json("Zil-M LLC", "--list", str(fresh), "--max-list-age", "7")
    assert code == 1, err


def test_max_list_age_fails_an_old_list_naming_it(tmp_path: Path) -> None:
    old = write_list(tmp_path / "old.yaml", OLD_ENTRIES, as_of=days_ago(40))
    code, report, err = check_json("Zil-M LLC", "--list", str(old), "--max-list-age", "30")
    assert code == 3
    assert report == {}
    assert err == (
        f"sanctions-screen: error: {old}: Test list is 40 days old (as of {days_ago(40)}), "
        "older than --max-list-age 30 (run `sanctions-screen lists update` or raise "
        "--max-list-age)\n"
    )


def test_max_list_age_from_the_environment_on_screen(tmp_path: Path) -> None:
    old = write_list(tmp_path / "old.yaml", OLD_ENTRIES, as_of=days_ago(40))
    vendors = tmp_path / "vendors.csv"
    vendors.write_text("name\nAcme Corp\n")
    result = CliRunner().invoke(
        main,
        ["screen", str(vendors), "--list", str(old)],
        env={"SANCTIONS_SCREEN_MAX_LIST_AGE": "30"},
    )
    assert result.exit_code == 3
    assert "40 days old" in result.stderr


def test_max_list_age_fails_closed_on_an_unknown_date(tmp_path: Path) -> None:
    undated = write_list(tmp_path / "undated.yaml", OLD_ENTRIES, as_of=None)
    code, _, err = check_json("Zil-M LLC", "--list", str(undated), "--max-list-age", "30")
    assert code == 3
    assert "Test list: as-of date unknown, so its age cannot be checked" in err


def test_max_list_age_rejects_a_negative_value() -> None:
    result = CliRunner().invoke(main, ["check", "x", "--max-list-age", "-1"])
    assert result.exit_code == 2


def test_check_age_core() -> None:
    def lst(as_of: str | None) -> SanctionsList:
        return SanctionsList(ListMeta("L", as_of=as_of), (entry("1", "A"),))

    today = dt.date(2026, 11, 28)
    check_age([lst("2026-11-28"), lst("2026-10-29T10:00:00Z")], 30, today)
    with pytest.raises(ListError, match="31 days old"):
        check_age([lst("2026-10-28")], 30, today)
    with pytest.raises(ListError, match="as-of date 'May 2024'"):
        check_age([lst("May 2024")], 30, today)
    assert parse_date(None) is None
    assert parse_date("2024-05-03 12:00") == dt.date(2024, 5, 3)


def test_only_changed_since_screens_only_new_and_changed_entries(tmp_path: Path) -> None:
    old = write_list(tmp_path / "old.yaml", OLD_ENTRIES, as_of="2026-10-01")
    new = write_list(tmp_path / "new.yaml", NEW_ENTRIES)
    base = ["--list", str(new), "--only-changed-since", str(old)]
    code, report, err = check_json("Apollon LLC", *base)  # entry 1: unchanged
    assert code == 0, err
    assert report["lists"][0]["entries"] == 2
    assert report["only_changed_since"] == [
        {
            "list": "Test list",
            "old_path": str(old),
            "old_as_of": "2026-10-01",
            "old_sha256": report["only_changed_since"][0]["old_sha256"],
            "added": 1,
            "changed": 1,
            "removed": 1,
        }
    ]
    assert "note: Test list: screening only the 1 added and 1 changed entries since" in err
    code, report, _ = check_json("Zeelm", *base)  # entry 2: changed
    assert code == 1
    assert report["results"][0]["hits"][0]["entry_id"] == "2"
    code, report, _ = check_json("Parsek LLC", *base)  # entry 4: added
    assert code == 1
    code, _, _ = check_json("Apollon LLC", "--list", str(new))  # without the option: a hit
    assert code == 1


def test_only_changed_since_keeps_a_list_without_an_old_edition_whole(tmp_path: Path) -> None:
    old = write_list(tmp_path / "old.yaml", OLD_ENTRIES, name="Old name")
    new = write_list(tmp_path / "new.yaml", NEW_ENTRIES)
    code, report, err = check_json(
        "Apollon LLC",
        "--list",
        str(new),
        "--list",
        str(BUNDLED),
        "--only-changed-since",
        str(old),
    )
    assert code == 1
    assert "Test list: no earlier edition given with --only-changed-since; screening all" in err
    assert f"{old}: Old name matches no list being screened; ignored" in err
    assert report["only_changed_since"] == []


def test_only_changed_since_needs_an_existing_file(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["check", "x", "--only-changed-since", str(tmp_path / "nope.yaml")]
    )
    assert result.exit_code == 2
    assert "does not exist" in result.stderr


def test_a_list_path_into_the_data_directory_gets_its_recorded_date(tmp_path: Path) -> None:
    installed = install_fake()  # the YAML itself states no date
    code, report, _ = check_json("Zil-M LLC", "--list", str(installed), "--max-list-age", "100000")
    assert code == 1
    assert report["lists"][0]["as_of"] == "2026-11-20"
    result = CliRunner().invoke(
        main, ["lists", "diff", str(installed), str(installed), "--format", "json"]
    )
    assert json.loads(result.stdout)["old"]["as_of"] == "2026-11-20"
