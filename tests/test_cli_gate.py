"""The CI gate through the CLI: exit codes, --fail-on, --allowlist, --audit-log, fail closed."""

from __future__ import annotations

import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from sanctions_screen import cli
from sanctions_screen.allowlist import name_fingerprint
from sanctions_screen.exitcodes import ExitCode
from sanctions_screen.screening import Screener

LIST_NAME = "OFAC SDN: DPRK-related designations of 2022"
ZEEL_FINGERPRINT = "sha256:"  # filled from a JSON report in the fixture below


def run(*args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(cli.main, list(args), env=env, catch_exceptions=False)


@pytest.fixture()
def vendors(tmp_path: Path) -> Path:
    path = tmp_path / "vendors.csv"
    path.write_text(
        "id,name\nV-1,Acme Office Supplies Ltd\nV-2,Zil-M LLC\nV-3,Alexandr Chasovnikoff\n"
        "V-4,Northwind Traders\n",
        encoding="utf-8",
    )
    return path


@pytest.fixture()
def clean(tmp_path: Path) -> Path:
    path = tmp_path / "clean.csv"
    path.write_text("id,name\nC-1,Northwind Traders\nC-2,Blue Harbor Logistics\n")
    return path


def json_report(*args: str, env: dict[str, str] | None = None) -> tuple[int, dict]:
    result = run(*args, "-f", "json", "-q", env=env)
    return result.exit_code, json.loads(result.stdout)


def allowlist_for(tmp_path: Path, report: dict, cp_name: str, **overrides: str) -> Path:
    result = next(r for r in report["results"] if r["name"] == cp_name)
    hit = result["hits"][0]
    fields = {
        "cp_id": result["id"],
        "cp_fp": name_fingerprint(cp_name),
        "entry_id": hit["entry_id"],
        "entry_fp": hit["entry_fingerprint"],
        "decision": "false_positive",
        "extra": "",
    }
    fields.update(overrides)
    path = tmp_path / "allowlist.yaml"
    path.write_text(
        f"""version: 1
decisions:
  - counterparty: {{id: "{fields["cp_id"]}", name: "{cp_name}", fingerprint: "{fields["cp_fp"]}"}}
    entry: {{list: "{LIST_NAME}", id: "{fields["entry_id"]}", fingerprint: "{fields["entry_fp"]}"}}
    decision: {fields["decision"]}
    reason: a different person, born 1950
    reviewer: A. Analyst
    date: 2026-11-01
{fields["extra"]}""",
        encoding="utf-8",
    )
    return path


def test_hits_exit_1_and_clean_exits_0(vendors: Path, clean: Path) -> None:
    assert run("screen", str(vendors), "-q").exit_code == ExitCode.HITS
    assert run("screen", str(clean), "-q").exit_code == ExitCode.OK


def test_fail_on_separates_the_gate_from_the_report(vendors: Path) -> None:
    # Zil-M LLC scores 100, Alexandr Chasovnikoff about 87: at --fail-on 95 both are
    # reported, only one gates; at --fail-on 100.0 with Zil-M gone, nothing gates.
    code, report = json_report("screen", str(vendors), "--fail-on", "95")
    assert code == ExitCode.HITS
    assert report["summary"]["hits"] == 2
    assert report["summary"]["gating_hits"] == 1
    scores = {r["name"]: r["hits"][0]["gating"] for r in report["results"] if r["hits"]}
    assert scores == {"Zil-M LLC": True, "Alexandr Chasovnikoff": False}


def test_fail_on_env_var(tmp_path: Path) -> None:
    path = tmp_path / "v.csv"
    path.write_text("name\nAlexandr Chasovnikoff\n")
    env = {"SANCTIONS_SCREEN_FAIL_ON": "95"}
    code, report = json_report("screen", str(path), env=env)
    assert code == ExitCode.OK
    assert report["summary"]["hits"] == 1
    assert report["options"]["fail_on"] == 95.0


def test_fail_on_below_threshold_is_a_usage_error(vendors: Path) -> None:
    result = run("screen", str(vendors), "--threshold", "85", "--fail-on", "70")
    assert result.exit_code == ExitCode.USAGE
    assert "--fail-on 70 is below --threshold 85" in result.stderr
    assert result.stdout == ""


def test_allowlisted_false_positive_passes_but_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "v.csv"
    path.write_text("id,name\nV-3,Alexandr Chasovnikoff\nV-4,Northwind Traders\n")
    _, before = json_report("screen", str(path))
    allow = allowlist_for(tmp_path, before, "Alexandr Chasovnikoff")
    code, after = json_report("screen", str(path), "--allowlist", str(allow))
    assert code == ExitCode.OK
    (hit,) = next(r for r in after["results"] if r["name"] == "Alexandr Chasovnikoff")["hits"]
    assert hit["suppressed"] is True
    assert hit["suppression"]["reason"] == "a different person, born 1950"
    assert after["audit"]["allowlist"]["decisions"] == 1
    # The same through the environment, as a CI job would set it.
    env = {"SANCTIONS_SCREEN_ALLOWLIST": str(allow)}
    assert run("screen", str(path), "-q", env=env).exit_code == ExitCode.OK


def test_allowlist_does_not_hide_other_hits(vendors: Path, tmp_path: Path) -> None:
    _, before = json_report("screen", str(vendors))
    allow = allowlist_for(tmp_path, before, "Alexandr Chasovnikoff")
    code, after = json_report("screen", str(vendors), "--allowlist", str(allow))
    assert code == ExitCode.HITS
    assert after["summary"]["gating_hits"] == 1
    assert after["summary"]["suppressed"] == 1


def test_expired_decision_fails_the_gate_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "v.csv"
    path.write_text("id,name\nV-3,Alexandr Chasovnikoff\n")
    _, before = json_report("screen", str(path))
    allow = allowlist_for(
        tmp_path, before, "Alexandr Chasovnikoff", extra="    expires: 2020-01-01\n"
    )
    result = run("screen", str(path), "--allowlist", str(allow))
    assert result.exit_code == ExitCode.HITS
    assert "no longer applies: expired on 2020-01-01" in result.stderr


def test_true_match_decision_fails_the_gate(tmp_path: Path) -> None:
    path = tmp_path / "v.csv"
    path.write_text("id,name\nV-3,Alexandr Chasovnikoff\n")
    _, before = json_report("screen", str(path))
    allow = allowlist_for(tmp_path, before, "Alexandr Chasovnikoff", decision="true_match")
    assert run("screen", str(path), "-q", "--allowlist", str(allow)).exit_code == ExitCode.HITS


def test_malformed_allowlist_exits_3_naming_file_and_line(vendors: Path, tmp_path: Path) -> None:
    allow = tmp_path / "allow.yaml"
    allow.write_text("version: 1\ndecisions:\n  - decision: maybe\n")
    result = run("screen", str(vendors), "--allowlist", str(allow))
    assert result.exit_code == ExitCode.INPUT_ERROR
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"sanctions-screen: error: {allow}, row 3: decision 1:")


def test_missing_allowlist_exits_3(vendors: Path, tmp_path: Path) -> None:
    result = run("screen", str(vendors), "--allowlist", str(tmp_path / "nope.yaml"))
    assert result.exit_code == ExitCode.INPUT_ERROR
    assert "no such allowlist file" in result.stderr


# Fail closed -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such list file"),
        ("", "the list file is empty"),
        ("just some text\n", "not a list format"),
        ("format: sanctions-screen-list/1\nlist: {name: X}\nentries: []\n", "no entries"),
    ],
)
def test_a_list_that_cannot_be_loaded_fails(
    vendors: Path, tmp_path: Path, content: str | None, message: str
) -> None:
    lst = tmp_path / "list.yaml"
    if content is not None:
        lst.write_text(content)
    result = run("screen", str(vendors), "--list", str(lst), "-f", "json")
    assert result.exit_code == ExitCode.INPUT_ERROR
    assert message in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("id,name\nV-1,!!!\n", "has no letters or digits to screen"),
        ("id,name\nV-1,\n", "column is empty"),
        ("id,name\nV-1,Acme,extra\n", "fields but the header has"),
        ("", "the input is empty"),
        ("id,name\n", "no counterparties"),
    ],
)
def test_a_row_that_cannot_be_screened_fails(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "v.csv"
    path.write_text(content)
    result = run("screen", str(path), "-f", "json")
    assert result.exit_code == ExitCode.INPUT_ERROR
    assert message in result.stderr
    assert result.stdout == ""


def test_unscreenable_row_is_named(tmp_path: Path) -> None:
    path = tmp_path / "v.csv"
    path.write_text("id,name\nV-1,Acme\nV-2,— —\n")
    result = run("screen", str(path))
    assert f"{path}, row 3:" in result.stderr


def test_check_with_an_unscreenable_name_fails() -> None:
    assert run("check", "!!!").exit_code == ExitCode.INPUT_ERROR


def test_a_crash_while_screening_is_not_a_pass(
    vendors: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("index corrupted")

    monkeypatch.setattr(Screener, "screen_one", boom)
    result = run("screen", str(vendors))
    assert result.exit_code == ExitCode.INTERNAL_ERROR
    assert "internal error" in result.stderr


# Audit log ---------------------------------------------------------------------


def test_audit_log_appends_one_line_per_run(vendors: Path, clean: Path, tmp_path: Path) -> None:
    log = tmp_path / "audit.jsonl"
    run("screen", str(vendors), "-q", "--audit-log", str(log))
    run("screen", str(clean), "-q", env={"SANCTIONS_SCREEN_AUDIT_LOG": str(log)})
    first, second = (json.loads(x) for x in log.read_text().splitlines())
    assert first["exit_code"] == 1 and second["exit_code"] == 0
    assert first["command"] == "screen"
    assert first["tool"]["version"]
    assert first["algorithm"] == "default"
    assert first["thresholds"] == {"threshold": 80.0, "fail_on": 80.0, "top": 5}
    assert first["lists"][0]["as_of"] == "2024-05-03"
    assert len(first["lists"][0]["sha256"]) == 64
    assert first["inputs"][0]["path"] == str(vendors)
    assert len(first["inputs"][0]["sha256"]) == 64
    assert first["counts"]["gating_hits"] == 2
    assert first["generated_at"]


def test_audit_log_that_cannot_be_written_exits_4(vendors: Path, tmp_path: Path) -> None:
    result = run("screen", str(vendors), "-q", "--audit-log", str(tmp_path / "no" / "a.jsonl"))
    assert result.exit_code == ExitCode.OUTPUT_ERROR
    assert "cannot open audit log" in result.stderr


def test_json_report_records_input_hashes(vendors: Path) -> None:
    import hashlib

    _, report = json_report("screen", str(vendors))
    digest = hashlib.sha256(vendors.read_bytes()).hexdigest()
    assert report["audit"]["inputs"] == [
        {"path": str(vendors), "sha256": digest, "counterparties": 4}
    ]


# Environment variables ---------------------------------------------------------

# Options that only make sense typed by a person, never set by a CI job.
NOT_FOR_CI = {("check", "kind")}


@pytest.mark.parametrize("command", ["screen", "check", "review"])
def test_every_ci_option_reads_an_env_var(command: str) -> None:
    cmd = cli.main.commands[command]
    for param in cmd.params:
        if not isinstance(param, click.Option) or param.name in {"help"}:
            continue
        if (command, param.name) in NOT_FOR_CI:
            continue
        long = next(o for o in param.opts if o.startswith("--"))
        expected = "SANCTIONS_SCREEN_" + long[2:].upper().replace("-", "_")
        assert param.envvar == expected, f"{command} {long}"


TWO_ENTRY_LIST = """\
format: sanctions-screen-list/1
list:
  name: Test list
  as_of: '2026-01-01'
entries:
- id: 'A1'
  kind: organization
  name: ZIL-M LLC
  programs: [TEST]
- id: 'A2'
  kind: organization
  name: ZIL-M LTD
  programs: [TEST]
"""


def test_a_suppressed_hit_never_pushes_an_open_one_out_of_top(tmp_path: Path) -> None:
    lst = tmp_path / "two.yaml"
    lst.write_text(TWO_ENTRY_LIST)
    vendors = tmp_path / "v.csv"
    vendors.write_text("id,name\nV-1,Zil-M LLC\n")
    _, before = json_report("screen", str(vendors), "--list", str(lst))
    assert [h["entry_id"] for h in before["results"][0]["hits"]] == ["A1", "A2"]
    allow = tmp_path / "allow.yaml"
    hit = before["results"][0]["hits"][0]
    allow.write_text(
        f"""version: 1
decisions:
  - counterparty: {{id: V-1, fingerprint: "{name_fingerprint("Zil-M LLC")}"}}
    entry: {{list: Test list, id: A1, fingerprint: "{hit["entry_fingerprint"]}"}}
    decision: false_positive
    reason: checked
    reviewer: A. Analyst
    date: 2026-11-01
"""
    )
    code, after = json_report(
        "screen", str(vendors), "--list", str(lst), "--top", "1", "--allowlist", str(allow)
    )
    assert code == ExitCode.HITS
    hits = {h["entry_id"]: h["suppressed"] for h in after["results"][0]["hits"]}
    assert hits == {"A1": True, "A2": False}
    assert after["options"]["top"] == 1
