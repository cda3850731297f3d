"""The README's "Keeping lists current" section covers every lists command, option and variable."""

from __future__ import annotations

import click
import pytest

from sanctions_screen.catalog import SOURCES
from sanctions_screen.cli import main
from sanctions_screen.cli_lists import lists

from .conftest import ROOT

SECTION = (
    (ROOT / "README.md")
    .read_text(encoding="utf-8")
    .split("## Keeping lists current", 1)[1]
    .split("\n## ", 1)[0]
)
LIST_OPTIONS = ("--max-list-age", "--only-changed-since", "--no-cache")


@pytest.mark.parametrize("name", sorted(lists.commands))
def test_every_lists_command_and_option_is_documented(name: str) -> None:
    assert f"lists {name}" in SECTION or name == "show"
    for param in lists.commands[name].params:
        if isinstance(param, click.Option) and param.name not in ("fmt", "list_paths", "output"):
            assert any(opt in SECTION for opt in param.opts), (name, param.opts)
        if isinstance(param, click.Option) and isinstance(param.envvar, str):
            assert f"`{param.envvar}`" in SECTION or param.envvar == "SANCTIONS_SCREEN_LIST"


@pytest.mark.parametrize("command", ["screen", "check"])
def test_list_options_of_screen_and_check_are_documented(command: str) -> None:
    params = {p.opts[0]: p for p in main.commands[command].params if isinstance(p, click.Option)}
    for option in LIST_OPTIONS:
        assert f"`{option}" in SECTION
        envvar = params[option].envvar
        assert isinstance(envvar, str) and f"`{envvar}`" in SECTION


def test_every_source_and_its_variable_is_documented() -> None:
    for source in SOURCES:
        assert f"`{source.name}`" in SECTION
        assert f"`{source.env_var}`" in SECTION
        assert source.url.rsplit("/", 1)[0] in SECTION
