"""The real entry point through a pipe: JSON on stdout, no ANSI codes, the right exit code."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from .conftest import ROOT


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "sanctions_screen", *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=120,
    )


def test_lists_show_json_through_a_pipe() -> None:
    proc = run("lists", "show", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    assert "\x1b[" not in proc.stdout
    assert json.loads(proc.stdout)[0]["entries"] == 43


def test_lists_table_through_a_pipe_has_no_colour_and_validate_fails_with_3() -> None:
    proc = run("lists")
    assert proc.returncode == 0
    assert "\x1b[" not in proc.stdout
    proc = run("lists", "validate", str(ROOT / "README.md"))
    assert proc.returncode == 3
    assert proc.stdout == ""
    assert proc.stderr.startswith("sanctions-screen: error: ")
