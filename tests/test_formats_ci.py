"""The CI formats, each parsed and checked against its specification."""

from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sanctions_screen.allowlist import apply_decisions
from sanctions_screen.formats import RENDERERS, OutputFormat, render
from sanctions_screen.formats.github import escape_data, escape_property
from sanctions_screen.formats.markdown import cell

from .ci_factories import APOLLON, TODAY, counterparty, decision, hit, report

SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-2.1.0-subset.schema.json").read_text())


def sample(fail_on: float | None = None):
    """A gating hit, a suppressed hit, a hit below --fail-on, a clean row and a YAML item."""
    cleared = counterparty("Zil-M Logistics", row=2, cp_id="V-1")
    real = counterparty("OOO Apollon", row=3, cp_id="V-2")
    weak = counterparty("Zil M, Trading: 100%\nnext", row=4, cp_id="V-3")
    clean = counterparty("Northwind Traders", row=5, cp_id="V-4")
    from_yaml = counterparty("Apollon LLC", row=1, source="more/vendors.yaml")
    rep = report(
        (cleared, (hit(),)),
        (real, (hit(APOLLON, score=100.0),)),
        (weak, (hit(score=84.0),)),
        (clean, ()),
        (from_yaml, (hit(APOLLON, score=95.0),)),
        fail_on=fail_on,
    )
    return apply_decisions(rep, [decision(cleared)], TODAY)


def rendered(rep, fmt: OutputFormat) -> str:
    out = io.StringIO()
    render(rep, fmt, out, width=300)
    return out.getvalue()


def test_every_format_has_a_renderer() -> None:
    assert set(RENDERERS) == set(OutputFormat)


@pytest.mark.parametrize("fmt", list(OutputFormat))
def test_every_format_marks_the_suppressed_hit_with_its_reason(fmt: OutputFormat) -> None:
    text = rendered(sample(), fmt)
    assert "different company: Zil-M Logistics GmbH" in text.replace("\\", "")


# SARIF -------------------------------------------------------------------


def test_sarif_validates_against_the_schema() -> None:
    doc = json.loads(rendered(sample(90.0), OutputFormat.SARIF))
    jsonschema.Draft7Validator(SCHEMA, format_checker=jsonschema.FormatChecker()).validate(doc)
    assert doc["version"] == "2.1.0"


def test_sarif_empty_report_is_valid() -> None:
    doc = json.loads(rendered(report((counterparty("Northwind"), ())), OutputFormat.SARIF))
    jsonschema.Draft7Validator(SCHEMA).validate(doc)
    assert doc["runs"][0]["results"] == []


def test_sarif_schema_subset_rejects_a_misspelt_property() -> None:
    doc = json.loads(rendered(sample(), OutputFormat.SARIF))
    doc["runs"][0]["results"][0]["partialFingerprint"] = {}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(doc, SCHEMA)


def test_sarif_locates_csv_hits_at_their_line_and_links_rules() -> None:
    run = json.loads(rendered(sample(90.0), OutputFormat.SARIF))["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    by_name = {r["properties"]["counterparty"]["name"]: r for r in run["results"]}
    apollon = by_name["OOO Apollon"]
    assert apollon["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "vendors.csv"},
        "region": {"startLine": 3},
    }
    assert rules[apollon["ruleIndex"]]["id"] == apollon["ruleId"]
    assert apollon["ruleId"].endswith("/35753")
    assert apollon["level"] == "error"
    assert by_name["Zil M, Trading: 100%\nnext"]["level"] == "warning"  # below --fail-on 90
    # YAML rows are item numbers, not lines: the file without a region.
    yaml_hit = by_name["Apollon LLC"]["locations"][0]["physicalLocation"]
    assert yaml_hit == {"artifactLocation": {"uri": "more/vendors.yaml"}}


def test_sarif_suppressed_hit_has_an_accepted_suppression() -> None:
    run = json.loads(rendered(sample(), OutputFormat.SARIF))["runs"][0]
    by_name = {r["properties"]["counterparty"]["name"]: r for r in run["results"]}
    (suppression,) = by_name["Zil-M Logistics"]["suppressions"]
    assert suppression["kind"] == "external"
    assert suppression["status"] == "accepted"
    assert "different company" in suppression["justification"]
    assert "suppressions" not in by_name["OOO Apollon"]


def test_sarif_fingerprints_and_rule_ids_are_stable_when_rows_move() -> None:
    first = sample()
    moved = replace(
        first,
        results=tuple(
            replace(r, counterparty=replace(r.counterparty, row=r.counterparty.row + 10))
            for r in reversed(first.results)
        ),
        generated_at="2027-01-01T00:00:00+00:00",
    )

    def keys(rep):
        run = json.loads(rendered(rep, OutputFormat.SARIF))["runs"][0]
        return {(r["ruleId"], r["partialFingerprints"]["sanctionsHit/v1"]) for r in run["results"]}

    assert keys(first) == keys(moved)
    assert len(keys(first)) == 4


def test_sarif_records_the_audit_trail() -> None:
    run = json.loads(rendered(sample(), OutputFormat.SARIF))["runs"][0]
    audit = run["properties"]["audit"]
    assert audit["lists"][0]["sha256"] == "ab" * 32
    assert audit["inputs"][0]["sha256"] == "cd" * 32
    assert audit["counts"]["suppressed"] == 1


# JUnit -------------------------------------------------------------------


def test_junit_structure() -> None:
    root = ET.fromstring(rendered(sample(90.0), OutputFormat.JUNIT))
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == ["vendors.csv", "more/vendors.yaml"]
    csv_suite = suites[0]
    cases = csv_suite.findall("testcase")
    assert len(cases) == int(csv_suite.get("tests")) == 4
    failed = [c for c in cases if c.find("failure") is not None]
    assert len(failed) == int(csv_suite.get("failures")) == 1
    assert "OOO Apollon" in failed[0].get("name")
    assert failed[0].get("line") == "3"
    assert failed[0].find("failure").get("type") == "sanctions-hit"
    suppressed = next(c for c in cases if "Zil-M Logistics" in c.get("name"))
    assert suppressed.find("failure") is None
    assert "suppressed" in suppressed.find("system-out").text
    below = next(c for c in cases if "V-3" in c.get("name"))
    assert below.find("failure") is None
    assert "below --fail-on 90" in below.find("system-out").text
    props = {p.get("name"): p.get("value") for p in csv_suite.iter("property")}
    assert props["thresholds.fail_on"] == "90.0"
    assert props["input.1.sha256"] == "cd" * 32
    assert root.get("failures") == "2"  # the YAML item at 95 fails too


def test_junit_one_failure_per_gating_hit() -> None:
    cp = counterparty("Zil-M Apollon", cp_id="V-9")
    rep = report((cp, (hit(score=99.0), hit(APOLLON, score=90.0))))
    (case,) = ET.fromstring(rendered(rep, OutputFormat.JUNIT)).iter("testcase")
    assert len(case.findall("failure")) == 2


def test_junit_survives_control_characters() -> None:
    rep = report((counterparty("Bad\x01Name"), (hit(),)))
    ET.fromstring(rendered(rep, OutputFormat.JUNIT))


# GitHub workflow commands ------------------------------------------------------


def test_github_escaping_rules() -> None:
    assert escape_data("100% a\r\nb") == "100%25 a%0D%0Ab"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"


def test_github_annotations() -> None:
    lines = rendered(sample(90.0), OutputFormat.GITHUB).splitlines()
    assert lines[0].startswith(
        "::notice file=vendors.csv,line=2,title=Sanctions hit (suppressed)::"
    )
    assert lines[1].startswith("::error file=vendors.csv,line=3,title=Sanctions hit::")
    assert lines[2].startswith("::warning file=vendors.csv,line=4,")
    # The name's % is escaped and its newline cannot start a new command.
    assert "Zil M, Trading: 100%25" in lines[2]
    assert lines[3].startswith("::error file=more/vendors.yaml,title=")  # no line for YAML
    assert lines[-1].startswith("::notice title=sanctions-screen::screened 5 counterparties")
    assert len(lines) == 5


# Markdown ----------------------------------------------------------------------


def test_markdown_summary() -> None:
    text = rendered(sample(90.0), OutputFormat.MARKDOWN)
    assert text.startswith("## Sanctions screening: FAIL")
    assert "### Hits that fail the gate (2)" in text
    assert "### Hits below \\-\\-fail\\-on 90 (1)" in text or "below --fail-on 90 (1)" in text
    assert "### Suppressed (reviewed false positives) (1)" in text
    assert "<details><summary>Audit trail</summary>" in text
    assert ("cd" * 32) in text


def test_markdown_pass_when_nothing_gates() -> None:
    text = rendered(report((counterparty("Northwind"), ())), OutputFormat.MARKDOWN)
    assert text.startswith("## Sanctions screening: PASS")


def test_markdown_cells_cannot_break_the_table_or_inject() -> None:
    text = cell("a|b <script> @team **x**\nnext")
    assert "|" not in text.replace("\\|", "")
    assert "<script>" not in text
    assert "@team" not in text
    assert "\n" not in text


# JSON / CSV / NDJSON / table ------------------------------------------------------


def test_json_marks_suppression_gating_and_notes() -> None:
    doc = json.loads(rendered(sample(90.0), OutputFormat.JSON))
    hits = {r["name"]: r["hits"] for r in doc["results"]}
    cleared = hits["Zil-M Logistics"][0]
    assert cleared["suppressed"] is True
    assert cleared["gating"] is False
    assert cleared["suppression"]["reviewer"] == "A. Analyst"
    assert hits["OOO Apollon"][0]["gating"] is True
    assert hits["Zil M, Trading: 100%\nnext"][0]["gating"] is False
    assert doc["summary"]["gating_hits"] == 2
    assert doc["summary"]["suppressed"] == 1
    assert doc["audit"]["thresholds"] == {"threshold": 80.0, "fail_on": 90.0, "top": 5}


def test_ndjson_lines_mark_suppression() -> None:
    lines = [json.loads(x) for x in rendered(sample(), OutputFormat.NDJSON).splitlines()]
    assert lines[0]["hits"][0]["suppressed"] is True
    assert lines[1]["hits"][0]["suppressed"] is False


def test_csv_marks_suppression() -> None:
    import csv

    rows = list(csv.DictReader(io.StringIO(rendered(sample(), OutputFormat.CSV))))
    cleared = next(r for r in rows if r["name"] == "Zil-M Logistics")
    assert (cleared["suppressed"], cleared["gating"]) == ("yes", "no")
    assert cleared["suppression_reason"].startswith("different company")


def test_table_marks_suppression() -> None:
    out = io.StringIO()
    render(sample(), OutputFormat.TABLE, out, width=200)
    assert "SUPPRESSED: different company" in out.getvalue()


# Properties: escaping holds for any text ------------------------------------------


def _unescape(text: str) -> str:
    for escaped, raw in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(escaped, raw)
    return text


@given(st.text())
def test_github_escaping_is_reversible_and_single_line(text: str) -> None:
    data, prop = escape_data(text), escape_property(text)
    assert "\n" not in data and "\r" not in data
    assert not {":", ",", "\n", "\r"} & set(prop)
    assert _unescape(prop) == text
    assert _unescape(data) == text


@given(st.text())
def test_markdown_cell_never_breaks_a_row(text: str) -> None:
    value = cell(text)
    assert "\n" not in value and "\r" not in value
    assert "<" not in value
    assert "|" not in value.replace("\\|", "")


@given(st.text(min_size=1))
def test_junit_is_well_formed_for_any_name(name: str) -> None:
    rep = report((counterparty(name), (hit(),)))
    ET.fromstring(rendered(rep, OutputFormat.JUNIT))
