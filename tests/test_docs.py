"""The README tells the truth: exit codes, options, set-up commands."""

from __future__ import annotations

import re

import click
import pytest

from sanctions_screen.cli import main
from sanctions_screen.exitcodes import ExitCode

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
TEST_COMMAND = "python -m pip install '.[test]' && python -m pytest"


def test_exit_code_table_matches_enum():
    section = README.split("## Exit codes", 1)[1].split("\n## ", 1)[0]
    documented = {int(code) for code in re.findall(r"^\| (\d+) \|", section, re.MULTILINE)}
    assert documented == {int(code) for code in ExitCode}


@pytest.mark.parametrize("command", ["screen", "check"])
def test_every_option_is_documented(command):
    cmd = main.commands[command]
    for param in cmd.params:
        if isinstance(param, click.Option):
            assert any(f"`{opt}" in README or f", {opt}" in README for opt in param.opts), (
                f"{command} {param.opts} is not in the README"
            )


def test_ci_runs_the_readme_test_command():
    assert TEST_COMMAND in README
    assert TEST_COMMAND in (ROOT / ".ci" / "run").read_text()
    assert "python -m pip install . && sanctions-screen screen examples/vendors.csv" in README


def test_every_env_var_of_an_option_is_documented():
    documented = set(re.findall(r"`(SANCTIONS_SCREEN_[A-Z_]+)`", README))
    declared = {
        p.envvar
        for c in main.commands.values()
        for p in c.params
        if isinstance(p, click.Option) and isinstance(p.envvar, str)
    }
    assert declared
    assert declared <= documented
