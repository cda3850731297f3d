"""The README's "Use in CI" section, checked against the code."""

from __future__ import annotations

import re
from pathlib import Path

import click
import yaml

from sanctions_screen import cli
from sanctions_screen.allowlist_file import decision_from_dict
from sanctions_screen.exitcodes import ExitCode
from sanctions_screen.formats import OutputFormat

README = Path(__file__).resolve().parent.parent / "README.md"


def section() -> str:
    text = README.read_text(encoding="utf-8")
    start = text.index("## Use in CI")
    end = text.find("\n## ", start + 1)
    return text[start : end if end != -1 else None]


def table_rows(heading: str) -> list[list[str]]:
    part = section().split(heading, 1)[1]
    rows = []
    for line in part.splitlines()[1:]:
        if line.startswith("#"):
            break
        if line.startswith("|") and not line.startswith("|---"):
            rows.append([c.strip() for c in line.strip("|").split("|")])
    return rows[1:]  # without the header


def test_exit_status_table_matches_the_enum() -> None:
    rows = section().split("### ", 1)[0]
    documented = {int(m) for m in re.findall(r"^\| (\d+) \|", rows, flags=re.MULTILINE)}
    assert documented == {int(code) for code in ExitCode}


def test_every_format_is_documented() -> None:
    documented = {row[0].strip("`") for row in table_rows("### Report formats")}
    assert documented == {f.value for f in OutputFormat}


def test_env_var_table_matches_the_options() -> None:
    documented: dict[str, tuple[str, set[str]]] = {}
    for row in table_rows("### Environment variables"):
        name = row[0].strip("`")
        option = re.findall(r"`(--[a-z-]+)`", row[1])
        commands = {c.strip() for c in row[2].split(",")}
        documented[name] = (option[0] if option else "", commands)
    actual: dict[str, tuple[str, set[str]]] = {}
    for command_name, command in cli.main.commands.items():
        for param in command.params:
            if isinstance(param, click.Option) and isinstance(param.envvar, str):
                long = next(o for o in param.opts if o.startswith("--"))
                _, commands = actual.setdefault(param.envvar, (long, set()))
                commands.add(command_name)
    debug = documented.pop(f"{cli.ENV_PREFIX}_DEBUG")
    assert debug[0] == ""
    # Options other issues add are checked by their own sections, not this table.
    mine = {k: v for k, v in actual.items() if k in documented}
    assert mine == documented
    assert set(documented) <= set(actual)


def test_allowlist_example_is_a_valid_decision_shape() -> None:
    block = section().split("### Allowlist of reviewed decisions", 1)[1]
    example = block.split("```yaml\n", 1)[1].split("```", 1)[0]
    doc = yaml.safe_load(example.replace("sha256:…", "sha256:0123456789abcdef"))
    (item,) = doc["decisions"]
    decision = decision_from_dict(item)
    assert decision.expires == "2027-11-28"
