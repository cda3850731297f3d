"""Safe outputs: spreadsheet formulas neutralised, -o atomic, a closed pipe ends quietly."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from sanctions_screen import cli, output
from sanctions_screen.exitcodes import ExitCode
from sanctions_screen.formats.machine import safe_cell

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("danger", ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"])
def test_safe_cell_neutralises_formulas(danger: str) -> None:
    assert safe_cell(danger) == "'" + danger


def test_safe_cell_leaves_plain_text() -> None:
    assert safe_cell("Zil-M LLC") == "Zil-M LLC"
    assert safe_cell(None) == ""


def test_csv_report_neutralises_every_dangerous_cell(tmp_path: Path) -> None:
    vendors = tmp_path / "v.csv"
    vendors.write_text("id,name\n=cmd,=HYPERLINK(A1)\n+1,+Acme\n-2,-Acme\n@3,@Acme\n")
    result = CliRunner().invoke(cli.main, ["screen", str(vendors), "-f", "csv", "-q"])
    assert result.exit_code == ExitCode.OK
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 4
    for row in rows:
        for value in (row["id"], row["name"]):
            assert value.startswith("'"), value


def test_csv_input_with_doubled_quotes(tmp_path: Path) -> None:
    vendors = tmp_path / "v.csv"
    vendors.write_text('id,name\nV-1,"=HYPERLINK(""http://x"",""y"")"\n')
    result = CliRunner().invoke(cli.main, ["screen", str(vendors), "-f", "csv", "-q"])
    assert result.exit_code == ExitCode.OK
    (row,) = csv.DictReader(io.StringIO(result.stdout))
    assert row["name"] == '\'=HYPERLINK("http://x","y")'


def test_output_file_is_replaced_atomically(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    vendors = tmp_path / "v.csv"
    vendors.write_text("name\nZil-M LLC\n")
    report = tmp_path / "report.json"
    report.write_text("previous report")

    def fail_replace(src: str, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(output.os, "replace", fail_replace)
    result = CliRunner().invoke(cli.main, ["screen", str(vendors), "-f", "json", "-o", str(report)])
    assert result.exit_code == ExitCode.OUTPUT_ERROR
    assert "No space left on device" in result.stderr
    assert report.read_text() == "previous report"  # never half a report
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json", "v.csv"]  # no temp left


def test_output_file_written_whole(tmp_path: Path) -> None:
    vendors = tmp_path / "v.csv"
    vendors.write_text("name\nZil-M LLC\n")
    report = tmp_path / "report.sarif"
    result = CliRunner().invoke(
        cli.main, ["screen", str(vendors), "-f", "sarif", "-o", str(report), "-q"]
    )
    assert result.exit_code == ExitCode.HITS
    assert result.stdout == ""
    assert json.loads(report.read_text())["version"] == "2.1.0"


def test_output_into_missing_directory_exits_4(tmp_path: Path) -> None:
    vendors = tmp_path / "v.csv"
    vendors.write_text("name\nAcme\n")
    result = CliRunner().invoke(
        cli.main, ["screen", str(vendors), "-o", str(tmp_path / "no" / "r.json")]
    )
    assert result.exit_code == ExitCode.OUTPUT_ERROR


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SANCTIONS_SCREEN_")}
    env["PYTHONPATH"] = str(ROOT)
    return env


def test_broken_pipe_ends_quietly(tmp_path: Path) -> None:
    vendors = tmp_path / "many.csv"
    rows = "".join(f"V-{i},Blue Harbor Logistics {i} International Trading\n" for i in range(3000))
    vendors.write_text("id,name\n" + rows)
    proc = subprocess.Popen(
        [sys.executable, "-m", "sanctions_screen", "screen", str(vendors), "-f", "ndjson"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=_env(),
    )
    assert proc.stdout is not None and proc.stderr is not None
    first = proc.stdout.readline()  # like `| head -1`
    proc.stdout.close()
    stderr = proc.stderr.read().decode()
    code = proc.wait(timeout=120)
    assert json.loads(first)["id"] == "V-0"
    assert "Traceback" not in stderr
    assert "BrokenPipe" not in stderr
    assert "Exception ignored" not in stderr
    assert code == ExitCode.OK


def test_real_process_through_a_pipe(tmp_path: Path) -> None:
    vendors = tmp_path / "v.csv"
    vendors.write_text("id,name\nV-1,Zil-M LLC\nV-2,Acme\n")
    done = subprocess.run(
        [sys.executable, "-m", "sanctions_screen", "screen", str(vendors), "-f", "json"],
        capture_output=True,
        env=_env(),
        timeout=120,
    )
    assert done.returncode == ExitCode.HITS
    assert b"\x1b[" not in done.stdout
    assert json.loads(done.stdout)["summary"]["gating_hits"] == 1
    assert b"screened 2 counterparties" in done.stderr
