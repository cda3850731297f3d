"""`sanctions-screen review`: prompts fed through CliRunner, decisions written to the allowlist."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from sanctions_screen import cli
from sanctions_screen.allowlist import Verdict
from sanctions_screen.allowlist_file import load_allowlist
from sanctions_screen.exitcodes import ExitCode


@pytest.fixture()
def report(tmp_path: Path) -> Path:
    vendors = tmp_path / "vendors.csv"
    vendors.write_text("id,name\nV-1,Acme Ltd\nV-2,Zil-M LLC\nV-3,Aleksandr Gayevoi\n")
    out = tmp_path / "report.json"
    result = CliRunner().invoke(
        cli.main, ["screen", str(vendors), "-f", "json", "-o", str(out), "-q"]
    )
    assert result.exit_code == ExitCode.HITS
    return out


def review(report: Path, allow: Path, answers: str, *extra: str):
    return CliRunner().invoke(
        cli.main,
        ["review", str(report), "--allowlist", str(allow), *extra],
        input=answers,
        catch_exceptions=False,
    )


def test_review_records_decisions_and_the_gate_honours_them(report: Path, tmp_path: Path) -> None:
    allow = tmp_path / "allow.yaml"
    answers = "A. Analyst\nt\nsame tax id 2539039058\nf\nborn 1950, not 1986\n2027-06-30\n"
    result = review(report, allow, answers)
    assert result.exit_code == 0, result.output
    # The evidence is shown before the question.
    for evidence in ("Zil-M LLC", "ZEEL - M CO., LTD.", "DPRK2", "2539039058", "1986-06-16"):
        assert evidence in result.stdout
    zeel, gayevoy = load_allowlist(allow).decisions
    assert (zeel.verdict, zeel.counterparty_id, zeel.entry_id) == (
        Verdict.TRUE_MATCH,
        "V-2",
        "35754",
    )
    assert zeel.expires is None
    assert (gayevoy.verdict, gayevoy.reason, gayevoy.reviewer) == (
        Verdict.FALSE_POSITIVE,
        "born 1950, not 1986",
        "A. Analyst",
    )
    assert gayevoy.expires == "2027-06-30"

    vendors = tmp_path / "vendors.csv"
    rerun = CliRunner().invoke(
        cli.main, ["screen", str(vendors), "-f", "json", "-q", "--allowlist", str(allow)]
    )
    assert rerun.exit_code == ExitCode.HITS  # the true match still fails the gate
    summary = json.loads(rerun.stdout)["summary"]
    assert (summary["gating_hits"], summary["suppressed"]) == (1, 1)

    again = review(report, allow, "")
    assert "No open hits to review." in again.stdout


def test_skip_and_quit_write_nothing_for_skipped(report: Path, tmp_path: Path) -> None:
    allow = tmp_path / "allow.yaml"
    result = review(report, allow, "s\nq\n", "--reviewer", "B. Reviewer")
    assert result.exit_code == 0
    assert "0 decision(s) written" in result.stdout
    assert not allow.exists()


def test_end_of_input_keeps_the_decisions_made(report: Path, tmp_path: Path) -> None:
    allow = tmp_path / "allow.yaml"
    env = {"SANCTIONS_SCREEN_REVIEWER": "C. Env"}
    result = CliRunner().invoke(
        cli.main,
        ["review", str(report), "--allowlist", str(allow)],
        input="f\nnot them\n\n",
        env=env,
    )
    assert result.exit_code == 0
    (only,) = load_allowlist(allow).decisions
    assert only.reviewer == "C. Env"
    assert only.counterparty_name == "Zil-M LLC"


def test_bad_answers_are_asked_again(report: Path, tmp_path: Path) -> None:
    allow = tmp_path / "allow.yaml"
    answers = "x\nf\n\nreason given\n2001-01-01\nsoon\n\nq\n"
    result = review(report, allow, answers, "--reviewer", "D")
    assert result.exit_code == 0
    assert "Please select one of the available options" in result.stdout
    assert "An answer is needed here." in result.stdout
    assert "That date has passed." in result.stdout
    assert "YYYY-MM-DD" in result.stdout
    (only,) = load_allowlist(allow).decisions
    assert only.expires is None


def test_merges_into_an_existing_allowlist(report: Path, tmp_path: Path) -> None:
    allow = tmp_path / "allow.yaml"
    review(report, allow, "f\nfirst\n\n", "--reviewer", "E")
    result = review(report, allow, "f\nsecond\n\n", "--reviewer", "E")
    assert result.exit_code == 0
    reasons = [d.reason for d in load_allowlist(allow).decisions]
    assert reasons == ["first", "second"]  # the second run showed only the open hit


def test_not_a_report_exits_3(tmp_path: Path) -> None:
    bogus = tmp_path / "report.json"
    bogus.write_text('{"hello": 1}')
    result = review(bogus, tmp_path / "allow.yaml", "")
    assert result.exit_code == ExitCode.INPUT_ERROR
    assert "not a sanctions-screen JSON report" in result.stderr


def test_malformed_allowlist_exits_3_before_asking(report: Path, tmp_path: Path) -> None:
    allow = tmp_path / "allow.yaml"
    allow.write_text("version: 1\ndecisions: [1]\n")
    result = review(report, allow, "")
    assert result.exit_code == ExitCode.INPUT_ERROR
    assert str(allow) in result.stderr


def test_names_are_shown_literally_not_as_markup(tmp_path: Path) -> None:
    vendors = tmp_path / "vendors.csv"
    vendors.write_text("id,name\nV-1,[/]Zil-M LLC [/]\n")
    out = tmp_path / "report.json"
    CliRunner().invoke(cli.main, ["screen", str(vendors), "-f", "json", "-o", str(out), "-q"])
    result = review(out, tmp_path / "allow.yaml", "q\n", "--reviewer", "F")
    assert result.exit_code == 0, result.output
    assert "[/]Zil-M LLC [/]" in result.stdout
    assert "[t]rue match, [f]alse positive" in result.stdout
