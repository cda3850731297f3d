"""examples/ci and .pre-commit-hooks.yaml: every command they run is a real CLI invocation."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import click
import pytest
import yaml

from sanctions_screen import cli

ROOT = Path(__file__).resolve().parent.parent
CI = ROOT / "examples" / "ci"
DATA = Path(__file__).parent / "data"
STOP_TOKENS = {"|", "||", "&&", ";", ">", ">>", "<", "2>"}


def all_envvars() -> set[str]:
    names: set[str] = set()
    for command in cli.main.commands.values():
        for param in command.params:
            envvar = getattr(param, "envvar", None)
            if isinstance(envvar, str):
                names.add(envvar)
    return names


def invocations(script: str) -> list[list[str]]:
    """The argument lists of every `sanctions-screen ...` in a shell snippet."""
    found = []
    for line in script.replace("\\\n", " ").splitlines():
        lexer = shlex.shlex(line, posix=True, punctuation_chars="|&;<>")
        lexer.whitespace_split = True
        tokens = list(lexer)
        for start, token in enumerate(tokens):
            if token == "sanctions-screen" and (start == 0 or tokens[start - 1] in STOP_TOKENS):
                args = []
                for arg in tokens[start + 1 :]:
                    if arg in STOP_TOKENS:
                        break
                    args.append(arg)
                found.append(args)
    return found


def check_invocation(args: list[str]) -> click.Context:
    """Parse args as the CLI would; unknown options or bad values raise."""
    assert args, "sanctions-screen without a command"
    command = cli.main.commands[args[0]]
    return command.make_context(args[0], args[1:])


def steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job["steps"]]


def test_github_workflow_runs_real_commands_and_uploads_the_sarif() -> None:
    workflow = yaml.safe_load((CI / "github-actions.yml").read_text())
    assert workflow["permissions"]["security-events"] == "write"
    assert set(workflow["env"]) <= all_envvars()
    runs = [args for step in steps(workflow) for args in invocations(step.get("run", ""))]
    assert len(runs) == 3
    contexts = [check_invocation(args) for args in runs]
    formats = {ctx.params["fmt"] for ctx in contexts}
    assert formats == {"sarif", "github", "markdown"}
    gate = next(ctx for ctx in contexts if ctx.params["fmt"] == "sarif")
    upload = next(s for s in steps(workflow) if "upload-sarif" in s.get("uses", ""))
    assert upload["uses"].startswith("github/codeql-action/upload-sarif@")
    assert upload["with"]["sarif_file"] == str(gate.params["output"])
    assert "always()" in upload["if"]
    final = steps(workflow)[-1]
    assert final["name"] == "Gate" and "exit 1" in final["run"]


def test_gitlab_job_writes_the_junit_report_it_publishes() -> None:
    config = yaml.safe_load((CI / "gitlab-ci.yml").read_text())
    job = config["sanctions-screen"]
    assert set(job["variables"]) <= all_envvars()
    (args,) = [a for line in job["script"] for a in invocations(line)]
    ctx = check_invocation(args)
    assert ctx.params["fmt"] == "junit"
    assert job["artifacts"]["reports"]["junit"] == str(ctx.params["output"])
    assert job["artifacts"]["when"] == "always"


def test_pre_commit_hook_definition() -> None:
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    assert {"id", "name", "entry", "language"} <= set(hook)
    assert hook["language"] == "python"  # installs this package into the hook's env
    (args,) = invocations(hook["entry"])
    check_invocation([*args, "vendors.csv"])  # pre-commit appends the file names
    files, exclude = re.compile(hook["files"]), re.compile(hook["exclude"])

    def picked(path: str) -> bool:
        return bool(files.search(path)) and not exclude.search(path)

    assert picked("vendors.csv") and picked("data/suppliers-2026.yaml")
    assert not picked("src/app.py") and not picked("vendors/vendors-allowlist.yaml")
    config = yaml.safe_load((CI / "pre-commit-config.yaml").read_text())
    used = config["repos"][0]["hooks"][0]
    assert used["id"] == hook["id"]
    check_invocation(["screen", *used["args"], "vendors.csv"])


def vendors_file() -> Path:
    lead = ROOT / "examples" / "vendors.csv"
    return lead if lead.exists() else DATA / "vendors-ci.csv"


def gate(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith("SANCTIONS_SCREEN_")}
    base.update(
        PYTHONPATH=str(ROOT), SCREEN_CMD=f"{sys.executable} -m sanctions_screen", **(env or {})
    )
    return subprocess.run(
        ["bash", str(CI / "screen-gate.sh"), *args],
        capture_output=True,
        text=True,
        env=base,
        timeout=120,
    )


@pytest.mark.parametrize(
    ("vendors", "env", "status", "says"),
    [
        ("example", {}, 1, "BLOCK"),
        (str(DATA / "vendors-clean.csv"), {}, 0, "PASS"),
        ("missing.csv", {}, 3, "could not be read"),
        (str(DATA / "vendors-clean.csv"), {"SANCTIONS_SCREEN_FAIL_ON": "lots"}, 2, "bad command"),
    ],
)
def test_screen_gate_script_branches_on_the_exit_status(
    tmp_path: Path, vendors: str, env: dict[str, str], status: int, says: str
) -> None:
    path = str(vendors_file()) if vendors == "example" else vendors
    done = gate(path, str(tmp_path / "report.json"), env=env)
    assert done.returncode == status, done.stderr
    assert says in done.stderr
    if status in (0, 1):
        assert (tmp_path / "report.json").exists()
