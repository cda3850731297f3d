"""The command line through Click's runner: options, streams and exit codes."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from sanctions_screen import __version__
from sanctions_screen.cli import main
from sanctions_screen.exitcodes import ExitCode
from sanctions_screen.formats import OutputFormat

from .conftest import BUNDLED, EXAMPLES

VENDORS = str(EXAMPLES / "vendors.csv")


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


def test_version():
    result = run("--version")
    assert result.exit_code == 0
    assert __version__ in result.stdout


@pytest.mark.parametrize("command", [[], ["screen"], ["check"]])
def test_help_has_an_example(command):
    result = run(*command, "--help")
    assert result.exit_code == 0
    assert "Example" in result.stdout
    assert "sanctions-screen " in result.stdout


def test_screen_examples_finds_hits_and_exits_1():
    result = run("screen", VENDORS)
    assert result.exit_code == ExitCode.HITS
    assert "ZIL-M LLC" in result.stdout
    assert "screened 42 counterparties" in result.stderr
    assert "sha256" in result.stderr
    assert "screened" not in result.stdout  # the summary never pollutes stdout


def test_no_hits_exits_0(tmp_path):
    clean = tmp_path / "clean.csv"
    clean.write_text("name\nAcme Industrial Supply Inc.\nNordic Timber AB\n")
    result = run("screen", str(clean))
    assert result.exit_code == ExitCode.OK
    assert "No hits" in result.stdout


def test_json_report_shape():
    result = run("screen", VENDORS, "--format", "json")
    doc = json.loads(result.stdout)
    assert doc["options"] == {"threshold": 80.0, "fail_on": 80.0, "top": 5, "algorithm": "default"}
    (listed,) = doc["lists"]
    assert listed["entries"] == 43 and listed["as_of"] == "2024-05-03"
    assert len(listed["sha256"]) == 64
    assert doc["summary"]["counterparties"] == len(doc["results"]) == 42
    zil = next(r for r in doc["results"] if r["name"] == "Zil-M LLC")
    assert zil["id"] == "V-1002" and zil["row"] == 3
    hit = zil["hits"][0]
    assert {"entry_id", "list", "score", "matched_name", "entry_name", "kind", "programs"} <= set(
        hit
    )
    assert (hit["entry_id"], hit["entry_name"], hit["programs"]) == (
        "35754",
        "ZEEL - M CO., LTD.",
        ["DPRK2"],
    )


def test_machine_formats_are_emitted_even_with_zero_hits(tmp_path):
    clean = tmp_path / "clean.csv"
    clean.write_text("name\nNordic Timber AB\n")
    doc = json.loads(run("screen", str(clean), "-f", "json").stdout)
    assert doc["results"][0]["hits"] == []
    csv_out = run("screen", str(clean), "-f", "csv").stdout.splitlines()
    assert csv_out[0].startswith("source,row,id,name,score")
    assert len(csv_out) == 2


def test_ndjson_one_line_per_counterparty():
    lines = run("screen", VENDORS, "-f", "ndjson").stdout.splitlines()
    assert len(lines) == 42
    assert all(json.loads(line)["row"] >= 2 for line in lines)


def test_threshold_and_top():
    strict = json.loads(run("screen", VENDORS, "-f", "json", "-t", "99").stdout)
    loose = json.loads(run("screen", VENDORS, "-f", "json", "-t", "50", "--top", "1").stdout)
    assert 0 < strict["summary"]["hits"] < loose["summary"]["hits"]
    assert all(h["score"] >= 99 for r in strict["results"] for h in r["hits"])
    assert all(len(r["hits"]) <= 1 for r in loose["results"])


def test_output_file(tmp_path):
    out = tmp_path / "report.json"
    result = run("screen", VENDORS, "-f", "json", "-o", str(out))
    assert result.exit_code == ExitCode.HITS
    assert result.stdout == ""
    assert json.loads(out.read_text())["summary"]["flagged"] > 0


def test_output_file_in_missing_directory(tmp_path):
    result = run("screen", VENDORS, "-o", str(tmp_path / "no" / "r.json"))
    assert result.exit_code == ExitCode.OUTPUT_ERROR
    assert result.stderr.startswith("sanctions-screen: error: ")


def test_several_inputs_and_stdin():
    result = run(
        "screen", VENDORS, "-", "--input-format", "csv", "-f", "json", input="name\nPak Gwang-hun\n"
    )
    doc = json.loads(result.stdout)
    assert doc["summary"]["counterparties"] == 43
    stdin_row = doc["results"][-1]
    assert (stdin_row["source"], stdin_row["row"]) == ("-", 2)
    assert stdin_row["hits"][0]["entry_id"] == "23516"


def test_quiet_silences_summary_not_errors(tmp_path):
    assert run("screen", VENDORS, "-q").stderr == ""
    result = run("screen", str(tmp_path / "nope.csv"), "-q")
    assert "error" in result.stderr


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        ("name,country\nAcme, Inc,US\n", "row 2"),
        ("id\n1\n", "--name-column"),
        ("", "empty"),
    ],
)
def test_bad_input_is_one_line_exit_3(tmp_path, content, fragment):
    path = tmp_path / "v.csv"
    path.write_text(content)
    result = run("screen", str(path))
    assert result.exit_code == ExitCode.INPUT_ERROR
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"sanctions-screen: error: {path}")
    assert fragment in lines[0]
    assert result.stdout == ""


def test_missing_input_file(tmp_path):
    result = run("screen", str(tmp_path / "nope.csv"))
    assert result.exit_code == ExitCode.INPUT_ERROR
    assert "no such input file" in result.stderr


def test_bad_list_exit_3(tmp_path):
    bad = tmp_path / "list.yaml"
    bad.write_text("nothing: here\n")
    result = run("screen", VENDORS, "--list", str(bad))
    assert result.exit_code == ExitCode.INPUT_ERROR
    assert "not a list format" in result.stderr


def test_list_option_replaces_bundled(tmp_path):
    own = tmp_path / "own.yaml"
    own.write_text(
        "format: sanctions-screen-list/1\nlist: {name: Internal watch list}\n"
        "entries:\n  - {id: W1, kind: organization, name: NORDIC TIMBER AB}\n"
    )
    doc = json.loads(run("screen", VENDORS, "-f", "json", "-l", str(own)).stdout)
    assert [lst["name"] for lst in doc["lists"]] == ["Internal watch list"]
    assert doc["summary"]["flagged"] == 1
    both = json.loads(
        run("screen", VENDORS, "-f", "json", "-l", str(own), "-l", str(BUNDLED)).stdout
    )
    assert len(both["lists"]) == 2


def test_usage_errors_exit_2():
    assert run("screen").exit_code == ExitCode.USAGE
    assert run("screen", VENDORS, "--threshold", "150").exit_code == ExitCode.USAGE
    assert run("screen", VENDORS, "--format", "pdf").exit_code == ExitCode.USAGE
    assert run("screen", "-", "-", "--input-format", "csv").exit_code == ExitCode.USAGE


def test_check_one_name():
    result = run("check", "Alexander Gayevoy", "-f", "json")
    assert result.exit_code == ExitCode.HITS
    hit = json.loads(result.stdout)["results"][0]["hits"][0]
    assert hit["entry_id"] == "35757"
    assert run("check", "Nordic Timber AB").exit_code == ExitCode.OK
    assert run("check", "  ").exit_code == ExitCode.USAGE


def test_table_fits_80_columns():
    result = CliRunner(env={"COLUMNS": "80"}).invoke(main, ["screen", VENDORS])
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80
    assert "\x1b[" not in result.stdout


def test_every_output_format_renders(tmp_path):
    for fmt in OutputFormat:
        result = run("screen", VENDORS, "-f", fmt.value)
        assert result.exit_code == ExitCode.HITS, fmt
        assert result.stdout.strip(), fmt


def test_internal_error_is_reported_without_traceback(monkeypatch):
    def boom(*_args, **_kwargs):
        raise RuntimeError("kaput")

    monkeypatch.setattr("sanctions_screen.app.load", boom)
    result = CliRunner().invoke(main, ["check", "x"])
    assert result.exit_code == ExitCode.INTERNAL_ERROR
    assert "internal error: RuntimeError: kaput" in result.stderr
    assert "Traceback" not in result.stderr


def test_csv_output_neutralises_formulas(tmp_path):
    path = tmp_path / "v.csv"
    path.write_text('name\n"=HYPERLINK(""http://x"")"\n')
    rows = list(csv.DictReader(io.StringIO(run("screen", str(path), "-f", "csv").stdout)))
    assert rows[0]["name"] == '\'=HYPERLINK("http://x")'


def test_line_formats_name_the_list_edition_on_every_hit():
    listed = json.loads(run("screen", VENDORS, "-f", "json").stdout)["lists"][0]
    rows = [
        r
        for r in csv.DictReader(io.StringIO(run("screen", VENDORS, "-f", "csv").stdout))
        if r["entry_id"]
    ]
    assert rows and {(r["list_as_of"], r["list_sha256"]) for r in rows} == {
        (listed["as_of"], listed["sha256"])
    }
    hits = [
        h
        for line in run("screen", VENDORS, "-f", "ndjson").stdout.splitlines()
        for h in json.loads(line)["hits"]
    ]
    assert hits and all(h["list_sha256"] == listed["sha256"] for h in hits)


def test_yaml_from_stdin():
    result = run(
        "screen",
        "-",
        "--input-format",
        "yaml",
        "-f",
        "json",
        input="vendors:\n  - {id: 7, name: OOO Apollon}\n  - Nordic Timber AB\n",
    )
    doc = json.loads(result.stdout)
    assert result.exit_code == ExitCode.HITS
    assert [(r["source"], r["row"], r["id"]) for r in doc["results"]] == [
        ("-", 1, "7"),
        ("-", 2, None),
    ]


def test_huge_field_is_a_row_error_not_a_crash(tmp_path):
    path = tmp_path / "v.csv"
    path.write_text('name,notes\nAcme Ltd,"' + "x" * 200_000 + '"\n')
    result = run("screen", str(path))
    assert result.exit_code == ExitCode.INPUT_ERROR
    (line,) = result.stderr.strip().splitlines()
    assert str(path) in line and "row" in line
