"""CliRunner tests for `explain` and `--algorithm`."""

from __future__ import annotations

import json

from click.testing import CliRunner

from sanctions_screen.cli import main
from sanctions_screen.exitcodes import ExitCode


def test_explain_shows_alignment_and_score() -> None:
    result = CliRunner().invoke(main, ["explain", "Alexander Gaevoy"])
    assert result.exit_code == 0, result.output
    assert "GAYEVOY, Aleksandr Andreyevich" in result.output
    assert "alexander = aleksandr (variant" in result.output
    assert "->" in result.output


def test_explain_one_entry_with_attributes() -> None:
    result = CliRunner().invoke(
        main, ["explain", "Pak Gwang-hun", "--entry", "23516", "--birth-date", "1950-01-01"]
    )
    assert result.exit_code == 0, result.output
    assert "entry 23516" in result.output
    assert "date of birth 1950-01-01 differs" in result.output


def test_explain_unknown_entry_is_a_usage_error() -> None:
    result = CliRunner().invoke(main, ["explain", "Zil-M", "--entry", "nope"])
    assert result.exit_code == ExitCode.USAGE


def test_algorithm_option_reaches_the_report() -> None:
    result = CliRunner().invoke(
        main, ["check", "Zil-M LLC", "--algorithm", "ofac", "--format", "json", "-q"]
    )
    assert result.exit_code == ExitCode.HITS, result.output
    report = json.loads(result.stdout)
    assert report["options"]["algorithm"] == "ofac"


def test_algorithm_from_the_environment() -> None:
    result = CliRunner().invoke(
        main,
        ["check", "ООО «Аполлон»", "--format", "json", "-q"],
        env={"SANCTIONS_SCREEN_ALGORITHM": "ofac"},
    )
    report = json.loads(result.stdout)
    assert report["options"]["algorithm"] == "ofac"
    # OFAC's search does not transliterate: the Cyrillic name finds nothing.
    assert result.exit_code == ExitCode.OK


def test_default_algorithm_finds_the_cyrillic_name() -> None:
    result = CliRunner().invoke(main, ["check", "ООО «Аполлон»", "--format", "json", "-q"])
    assert result.exit_code == ExitCode.HITS
    report = json.loads(result.stdout)
    assert report["options"]["algorithm"] == "default"


def test_unknown_algorithm_is_a_usage_error() -> None:
    result = CliRunner().invoke(main, ["check", "x", "--algorithm", "nope"])
    assert result.exit_code == ExitCode.USAGE
