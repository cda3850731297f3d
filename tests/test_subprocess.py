"""The installed entry point, run for real through a pipe."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from sanctions_screen.exitcodes import ExitCode

from .conftest import EXAMPLES


def entry_point() -> list[str]:
    beside = Path(sys.executable).parent / "sanctions-screen"  # the running venv's own script
    exe = str(beside) if beside.is_file() else shutil.which("sanctions-screen")
    if exe is None:
        pytest.fail(
            "the sanctions-screen console script is not installed; run the README's "
            "test command (pip install '.[test]')"
        )
    return [exe]


def run(args: list[str], stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    env.pop("SANCTIONS_SCREEN_LIST", None)
    return subprocess.run(
        [*entry_point(), *args], input=stdin, capture_output=True, env=env, timeout=120, check=False
    )


def test_table_through_a_pipe_has_no_ansi_codes():
    proc = run(["screen", str(EXAMPLES / "vendors.csv")])
    assert proc.returncode == ExitCode.HITS
    assert b"\x1b[" not in proc.stdout
    assert b"ZIL-M LLC" in proc.stdout
    assert b"screened 42 counterparties" in proc.stderr


def test_json_from_stdin_is_valid_json():
    proc = run(
        ["screen", "-", "--input-format", "csv", "--format", "json"],
        stdin=b"vendor_name\nOOO Apollon\nNordic Timber AB\n",
    )
    assert proc.returncode == ExitCode.HITS
    doc = json.loads(proc.stdout)
    assert doc["results"][0]["hits"][0]["entry_id"] == "35753"
    assert doc["results"][1]["hits"] == []


def test_module_entry_point_matches():
    proc = subprocess.run(
        [sys.executable, "-m", "sanctions_screen", "check", "Nordic Timber AB"],
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == ExitCode.OK
    assert b"No hits" in proc.stdout


def test_error_is_one_line_without_traceback(tmp_path):
    proc = run(["screen", str(tmp_path / "missing.csv")])
    assert proc.returncode == ExitCode.INPUT_ERROR
    assert proc.stdout == b""
    lines = proc.stderr.decode().strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("sanctions-screen: error: ")


def test_bundled_list_works_from_any_directory(tmp_path):
    exe = entry_point()
    proc = subprocess.run(
        [*exe, "check", "Zil-M LLC", "-f", "json"],
        cwd=tmp_path,
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == ExitCode.HITS
    assert json.loads(proc.stdout)["lists"][0]["entries"] == 43
