"""The allowlist YAML: round trip, and one clear error per kind of mistake."""

from __future__ import annotations

from pathlib import Path

import pytest

from sanctions_screen.allowlist import Verdict
from sanctions_screen.allowlist_file import dump_allowlist, load_allowlist, save_allowlist
from sanctions_screen.errors import InputFileError
from sanctions_screen.exitcodes import ExitCode

from .ci_factories import counterparty, decision

VALID = """\
version: 1
decisions:
  - counterparty: {id: V-1, name: Zil-M Logistics, fingerprint: "sha256:0123456789abcdef"}
    entry: {list: "OFAC SDN", id: "35754", fingerprint: "sha256:0123456789abcdef"}
    decision: false_positive
    reason: other company
    reviewer: A. Analyst
    date: 2026-11-01
    expires: 2027-05-01
"""


def test_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "allow.yaml"
    made = (
        decision(counterparty("Zil-M Logistics", cp_id="V-1"), expires="2027-01-31"),
        decision(counterparty("Ооо «Аполлон»"), verdict=Verdict.TRUE_MATCH),
    )
    save_allowlist(path, made)
    loaded = load_allowlist(path)
    assert loaded.decisions == made
    assert len(loaded.sha256) == 64
    assert path.read_text(encoding="utf-8").startswith("# sanctions-screen allowlist")


def test_valid_file_with_yaml_dates(tmp_path: Path) -> None:
    path = tmp_path / "allow.yaml"
    path.write_text(VALID)
    (d,) = load_allowlist(path).decisions
    assert (d.decided_on, d.expires, d.entry_id) == ("2026-11-01", "2027-05-01", "35754")


def test_empty_file_has_no_decisions(tmp_path: Path) -> None:
    path = tmp_path / "allow.yaml"
    path.write_text("")
    assert load_allowlist(path).decisions == ()


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("decision: false_positive", "decision: cleared", "must be false_positive or true_match"),
        ("    reason: other company\n", "", "`reason` is required"),
        ("    reviewer: A. Analyst\n", "", "`reviewer` is required"),
        ("date: 2026-11-01", "date: 1 Nov 2026", "`date` must be a date"),
        ("expires: 2027-05-01", "expiry: 2027-05-01", "unknown key(s) expiry"),
        ("id: V-1, name: Zil-M Logistics, ", "", "needs an `id` or a `name`"),
        ('fingerprint: "sha256:0123456789abcdef"}\n    decision', "}\n    decision", "required"),
        ('{list: "OFAC SDN", ', "{", "`entry.list` is required"),
        ("version: 1", "version: 2", "unsupported allowlist version"),
    ],
)
def test_malformed_decision_names_file_line_and_fix(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    path = tmp_path / "allow.yaml"
    assert old in VALID
    path.write_text(VALID.replace(old, new, 1))
    with pytest.raises(InputFileError) as info:
        load_allowlist(path)
    text = info.value.one_line()
    assert message in text
    assert str(path) in text
    assert "README" in text or "version" in text
    assert info.value.exit_code is ExitCode.INPUT_ERROR
    if "version" not in message:
        assert info.value.row == 3  # the line where the decision starts


def test_invalid_yaml_reports_the_line(tmp_path: Path) -> None:
    path = tmp_path / "allow.yaml"
    path.write_text("version: 1\ndecisions:\n  - counterparty: [\n")
    with pytest.raises(InputFileError) as info:
        load_allowlist(path)
    assert info.value.row is not None


def test_not_a_mapping(tmp_path: Path) -> None:
    path = tmp_path / "allow.yaml"
    path.write_text("- just\n- a list\n")
    with pytest.raises(InputFileError, match="decisions"):
        load_allowlist(path)


def test_missing_file_is_an_error_not_an_empty_allowlist(tmp_path: Path) -> None:
    with pytest.raises(InputFileError, match="no such allowlist"):
        load_allowlist(tmp_path / "missing.yaml")


def test_dump_is_stable() -> None:
    made = [decision(counterparty("Zil-M Logistics", cp_id="V-1"))]
    assert dump_allowlist(made) == dump_allowlist(made)
