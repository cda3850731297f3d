"""``lists`` (show), ``lists validate``, ``lists convert`` and ``lists sources``."""

from __future__ import annotations

import json
import os
from pathlib import Path

import yaml
from click.testing import CliRunner

from sanctions_screen.cli import main
from sanctions_screen.lists_store import current_dir

from .conftest import BUNDLED, SHARED_DATA
from .factories import NEW_ENTRIES, write_list

EXCERPT = SHARED_DATA / "ofac" / "excerpts" / "dprk_2022_sdn.csv"


def install_fake(source: str = "ofac-sdn", *, as_of: str | None = None) -> Path:
    """Put a small YAML list where `lists update` would have put its download."""
    directory = current_dir(source, Path(os.environ["SANCTIONS_SCREEN_DATA_DIR"]))
    directory.mkdir(parents=True)
    write_list(directory / "list.yaml", NEW_ENTRIES, as_of=as_of, name="Updated list")
    metadata = {"source": source, "main_file": "list.yaml", "as_of": "2026-11-20", "entries": 3}
    (directory / "source.json").write_text(json.dumps(metadata))
    return directory / "list.yaml"


def invoke(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), env=env)
    return result.exit_code, result.stdout, result.stderr


def test_bare_lists_shows_the_bundled_list() -> None:
    code, out, err = invoke("lists")
    assert code == 0, err
    assert "bundled" in out
    assert "OFAC SDN: DPRK-related" in out
    assert "\x1b[" not in out
    assert (code, out) == invoke("lists", "show")[:2]


def test_show_json_has_everything_a_reviewer_needs() -> None:
    code, out, _ = invoke("lists", "show", "--format", "json")
    assert code == 0
    (item,) = json.loads(out)
    assert item["path"] == str(BUNDLED)
    assert item["entries"] == 43
    assert len(item["sha256"]) == 64
    assert set(item) >= {"name", "publisher", "as_of", "names", "format"}


def test_show_prefers_updated_lists_and_completes_their_date() -> None:
    path = install_fake()
    code, out, _ = invoke("lists", "show", "-f", "json")
    assert code == 0
    (item,) = json.loads(out)
    assert item["path"] == str(path)
    assert item["as_of"] == "2026-11-20"  # from the download record: the file states none
    code, out, _ = invoke("lists")
    assert "updated, in" in out and "Updated list" in out


def test_show_with_list_option(tmp_path: Path) -> None:
    install_fake()
    code, out, _ = invoke("lists", "show", "--list", str(EXCERPT), "-f", "json", "--no-cache")
    assert code == 0
    assert [i["entries"] for i in json.loads(out)] == [43]


def test_validate_reports_counts() -> None:
    code, out, err = invoke("lists", "validate", str(EXCERPT), str(BUNDLED))
    assert code == 0, err
    assert "ofac-csv" in out and "sanctions-screen-yaml" in out
    assert err == ""


def test_validate_json_and_a_failing_file(tmp_path: Path) -> None:
    bad = tmp_path / "vendors.csv"
    bad.write_text("name,country\nAcme,US\n")
    code, out, err = invoke("lists", "validate", str(BUNDLED), str(bad), "-f", "json")
    assert code == 3
    data = json.loads(out)
    assert data["failed"] == 1
    assert [v["entries"] for v in data["valid"]] == [43]
    # The supported formats named after this grow with the reader registry.
    assert err.startswith(f"sanctions-screen: error: {bad}: not a list format sanctions-screen")
    assert err.count("\n") == 1


def test_validate_missing_and_empty_files(tmp_path: Path) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"\x1a")
    code, _, err = invoke("lists", "validate", str(tmp_path / "nope.csv"), str(empty))
    assert code == 3
    assert "nope.csv: no such list file or directory" in err
    assert "empty.csv: the list file is empty" in err


def test_convert_to_stdout_and_to_a_file(tmp_path: Path) -> None:
    code, out, _ = invoke("lists", "convert", str(EXCERPT))
    assert code == 0
    doc = yaml.safe_load(out)
    assert doc["format"] == "sanctions-screen-list/1"
    assert len(doc["entries"]) == 43
    target = tmp_path / "out.yaml"
    code, out, err = invoke("lists", "convert", str(EXCERPT), "-o", str(target))
    assert code == 0
    assert out == ""
    assert f"wrote 43 entries of OFAC Specially Designated Nationals (SDN) List to {target}" in err
    assert invoke("lists", "validate", str(target))[0] == 0


def test_convert_errors(tmp_path: Path) -> None:
    code, _, err = invoke("lists", "convert", str(tmp_path / "missing.csv"))
    assert code == 3
    assert "missing.csv: no such list file or directory" in err
    code, _, err = invoke("lists", "convert", str(EXCERPT), "-o", str(tmp_path / "no" / "x.yaml"))
    assert code == 4
    assert err.startswith(f"sanctions-screen: error: {tmp_path / 'no' / 'x.yaml'}: cannot write")


def test_sources_lists_addresses_and_variables() -> None:
    code, out, _ = invoke(
        "lists", "sources", "-f", "json", env={"SANCTIONS_SCREEN_URL_UN": "http://127.0.0.1/un.xml"}
    )
    assert code == 0
    by_name = {s["source"]: s for s in json.loads(out)}
    assert set(by_name) == {"ofac-sdn", "ofac-cons", "un", "uk-ofsi", "us-csl"}
    assert by_name["ofac-sdn"]["files"] == ["sdn.csv", "alt.csv", "add.csv", "sdn_comments.csv"]
    assert by_name["un"]["url"] == "http://127.0.0.1/un.xml"
    assert by_name["uk-ofsi"]["env_var"] == "SANCTIONS_SCREEN_URL_UK_OFSI"
    code, out, _ = invoke("lists", "sources")
    assert "SANCTIONS_SCREEN_URL_OFAC_SDN" in out


def test_validate_a_directory_of_lists(tmp_path: Path) -> None:
    write_list(tmp_path / "a.yaml", NEW_ENTRIES, name="A")
    write_list(tmp_path / "b.yaml", NEW_ENTRIES, name="B")
    code, out, _ = invoke("lists", "validate", str(tmp_path), "-f", "json")
    assert code == 0
    assert [v["name"] for v in json.loads(out)["valid"]] == ["A", "B"]
