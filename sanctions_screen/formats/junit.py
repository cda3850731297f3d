"""JUnit XML, for GitLab, Jenkins and other CI test report viewers.

One ``testsuite`` per input file, one ``testcase`` per counterparty and one
``failure`` per hit that fails the gate. Suppressed hits and hits below
``--fail-on`` are not failures; they are listed in the test case's
``system-out`` so a reviewer still sees them. The audit trail is recorded
as ``properties`` of every suite.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Any, TextIO

from ..gate import counts, fail_on, is_gating
from ..models import Report, ScreeningResult
from .ci_common import hit_message, source_line, status_note, where
from .serialize import TOOL_NAME, audit_to_dict

# XML 1.0 cannot carry most control characters, even escaped.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _properties(report: Report) -> list[tuple[str, str]]:
    audit = audit_to_dict(report)
    props: list[tuple[str, str]] = [
        ("tool.version", str(report.tool_version)),
        ("algorithm", str(audit["algorithm"])),
        ("generated_at", str(audit["generated_at"])),
    ]
    props += [(f"thresholds.{k}", str(v)) for k, v in audit["thresholds"].items()]
    for i, lst in enumerate(audit["lists"], start=1):
        props += [(f"list.{i}.{k}", str(lst[k])) for k in ("name", "as_of", "sha256")]
    for i, source in enumerate(audit["inputs"], start=1):
        props += [(f"input.{i}.{k}", str(source[k])) for k in ("path", "sha256")]
    allowlist: Any = audit["allowlist"]
    if isinstance(allowlist, dict):
        props += [(f"allowlist.{k}", str(v)) for k, v in allowlist.items()]
    props += [(f"counts.{k}", str(v)) for k, v in audit["counts"].items()]
    return props


def _testcase(result: ScreeningResult, gate: float) -> tuple[ET.Element, bool]:
    cp = result.counterparty
    case = ET.Element(
        "testcase",
        {
            "classname": _clean(f"{TOOL_NAME}.{cp.source}"),
            "name": _clean(f"{where(cp)}: {cp.name}"),
        },
    )
    case.set("time", "0")
    line = source_line(cp)
    case.set("file", _clean(cp.source))
    if line is not None:
        case.set("line", str(line))
    failed = False
    other: list[str] = []
    for hit in result.hits:
        message = hit_message(cp, hit)
        note = status_note(hit)
        if is_gating(hit, gate):
            failed = True
            failure = ET.SubElement(
                case, "failure", {"message": _clean(message), "type": "sanctions-hit"}
            )
            details = [message, *hit.explanation, *hit.notes]
            failure.text = _clean("\n".join(details))
        else:
            why = note or f"below --fail-on {gate:g}"
            other.append(f"not failing: {message} ({why})")
    if other:
        ET.SubElement(case, "system-out").text = _clean("\n".join(other))
    return case, failed


def render_junit(report: Report, out: TextIO) -> None:
    gate = fail_on(report)
    by_source: dict[str, list[ScreeningResult]] = {}
    for result in report.results:
        by_source.setdefault(result.counterparty.source, []).append(result)
    root = ET.Element("testsuites", {"name": TOOL_NAME})
    total_failures = 0
    properties = _properties(report)
    for source, results in by_source.items():
        suite = ET.SubElement(root, "testsuite", {"name": _clean(source)})
        props = ET.SubElement(suite, "properties")
        for name, value in properties:
            ET.SubElement(props, "property", {"name": name, "value": _clean(value)})
        failures = 0
        for result in results:
            case, failed = _testcase(result, gate)
            suite.append(case)
            failures += failed
        suite.set("tests", str(len(results)))
        suite.set("failures", str(failures))
        suite.set("errors", "0")
        suite.set("skipped", "0")
        if report.generated_at:
            suite.set("timestamp", report.generated_at[:19])
        total_failures += failures
    root.set("tests", str(counts(report)["counterparties"]))
    root.set("failures", str(total_failures))
    root.set("errors", "0")
    ET.indent(root)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(ET.tostring(root, encoding="unicode"))
    out.write("\n")
