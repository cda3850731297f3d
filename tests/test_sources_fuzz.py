"""Robustness: whatever bytes a list file holds, the only failure a reader may show is ListError.

Seeds are the real files (the first SEED_BYTES of the big ones) from ../shared/data.
Example counts are kept small so the whole module runs in a few seconds.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sanctions_screen.errors import ListError
from sanctions_screen.sources import READERS, load_list
from sanctions_screen.sources.base import ListReader

BUNDLED = Path(__file__).resolve().parent.parent / "lists" / "ofac-dprk-2022.yaml"

SEED_BYTES = 48_000  # enough for dozens of records of every format, small enough to be quick
SEEDS = {
    "ofac-csv": "ofac/excerpts/dprk_2022_sdn.csv",
    "ofac-xml": "ofac/samples/sdn.xml",
    "ofac-enhanced-xml": "ofac/consolidated/CONS_ENHANCED.XML",
    "un-xml": "un/samples/sample_unsc.xml",
    "uk-ofsi-csv": "uk_ofsi/samples/sample_hmt.csv",
    "eu-fsf-xml": "eu/sample_eu.xml",
    "eu-fsf-legacy-xml": "eu/legacy_2016/data.xml",
    "us-csl-csv": "us_csl/consolidated.csv",
    "bis-dpl-txt": "us_bis/dpl.txt",
    "opensanctions-ftm-json": "opensanctions/yente_fixtures/entities.ftm.json",
    "opensanctions-simple-csv": "opensanctions/targets.simple.csv",
    "sanctions-screen-yaml": str(BUNDLED),  # our own format: the bundled list in the repo
}
XML_ROOTS = {
    "ofac-xml": '<sdnList xmlns="http://tempuri.org/sdnList.xsd">',
    "ofac-enhanced-xml": '<sanctionsData xmlns="https://sanctionslistservice.ofac.treas.gov/x">',
    "un-xml": "<CONSOLIDATED_LIST>",
    "eu-fsf-xml": '<export xmlns="http://eu.europa.ec/fpi/fsd/export">',
    "eu-fsf-legacy-xml": "<WHOLE>",
}
FUZZ = settings(
    max_examples=12,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
_seed_cache: dict[str, bytes] = {}


# Our own check, or the limit newer PyYAML releases enforce themselves.
TOO_DEEP = r"nested deeper|nesting depth"


def seed(shared_data: Path, format_name: str) -> bytes:
    if format_name not in _seed_cache:
        with (shared_data / SEEDS[format_name]).open("rb") as fh:
            _seed_cache[format_name] = fh.read(SEED_BYTES)
    return _seed_cache[format_name]


def reader(format_name: str) -> ListReader:
    return next(r for r in READERS if r.format_name == format_name)


def _scratch() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as directory:
        yield Path(directory) / "sdn.csv"  # a name some readers pair companions by


def only_list_errors(data: bytes, format_name: str | None = None) -> None:
    """Write ``data`` and read it (detected, or with one reader): success or ListError only."""
    for path in _scratch():
        path.write_bytes(data)
        try:
            if format_name is None:
                load_list(path)
            else:
                reader(format_name).read(path)
        except ListError as exc:
            assert str(path) in str(exc)


def test_every_reader_has_a_seed() -> None:
    assert set(SEEDS) == {r.format_name for r in READERS}


@pytest.mark.parametrize("format_name", sorted(SEEDS))
def test_seed_prefix_reads_or_fails_cleanly(shared_data: Path, format_name: str) -> None:
    only_list_errors(seed(shared_data, format_name))


@pytest.mark.parametrize("format_name", sorted(SEEDS))
@FUZZ
@given(cut=st.floats(0, 1))
def test_truncated_file(shared_data: Path, format_name: str, cut: float) -> None:
    data = seed(shared_data, format_name)
    only_list_errors(data[: int(len(data) * cut)])


@pytest.mark.parametrize("format_name", sorted(SEEDS))
@FUZZ
@given(flips=st.lists(st.tuples(st.floats(0, 1), st.integers(0, 255)), min_size=1, max_size=30))
def test_corrupted_bytes(
    shared_data: Path, format_name: str, flips: list[tuple[float, int]]
) -> None:
    data = bytearray(seed(shared_data, format_name))
    for where, value in flips:
        data[min(int(where * len(data)), len(data) - 1)] = value
    only_list_errors(bytes(data))


@pytest.mark.parametrize("format_name", sorted(SEEDS))
@pytest.mark.parametrize("encoding", ["utf-16", "utf-32", "cp1252", "koi8-r"])
def test_mis_encoded_file(shared_data: Path, format_name: str, encoding: str) -> None:
    text = seed(shared_data, format_name).decode("utf-8", errors="replace")
    only_list_errors(text.encode(encoding, errors="replace"))


@pytest.mark.parametrize("format_name", sorted(SEEDS))
@FUZZ
@given(tail=st.binary(max_size=2_000))
def test_random_bytes_after_a_real_head(shared_data: Path, format_name: str, tail: bytes) -> None:
    head = seed(shared_data, format_name)[:300]
    only_list_errors(head + tail)
    only_list_errors(tail, format_name)  # a reader handed garbage directly


@pytest.mark.parametrize("format_name", sorted(SEEDS))
def test_huge_field(shared_data: Path, format_name: str) -> None:
    data = seed(shared_data, format_name)
    middle = len(data) // 2
    only_list_errors(data[:middle] + b"A" * 3_000_000 + data[middle:])
    only_list_errors(data[:middle] + b'"' + b"x," * 500_000 + data[middle:])


@pytest.mark.parametrize("format_name", sorted(XML_ROOTS))
def test_deeply_nested_xml(format_name: str) -> None:
    root = XML_ROOTS[format_name].encode()
    depth = 100_000
    with pytest.raises(ListError, match="nested deeper"):
        for path in _scratch():
            path.write_bytes(root + b"<a>" * depth + b"</a>" * depth)
            load_list(path)


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
{root}<x>&lol9;</x>"""
EXTERNAL_ENTITY = """<?xml version="1.0"?>
<!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
{root}<x>&xxe;</x>"""
EXTERNAL_DTD = """<?xml version="1.0"?>
<!DOCTYPE foo SYSTEM "http://127.0.0.1:9/evil.dtd">
{root}<x/>"""


@pytest.mark.parametrize("format_name", sorted(XML_ROOTS))
@pytest.mark.parametrize("template", [BILLION_LAUGHS, EXTERNAL_ENTITY, EXTERNAL_DTD])
def test_entity_laden_xml_is_refused(format_name: str, template: str) -> None:
    document = template.replace("{root}", XML_ROOTS[format_name])
    for path in _scratch():
        path.write_text(document)
        with pytest.raises(ListError, match="DTD or entity"):
            reader(format_name).read(path)


YAML_HEAD = "format: sanctions-screen-list/1\n"


@pytest.mark.parametrize(
    ("document", "message"),
    [
        (YAML_HEAD + "list: " + "[" * 100_000, TOO_DEEP),  # crashes libyaml unchecked
        (YAML_HEAD + "list: " + "{a: " * 100_000, TOO_DEEP),
        ("# " + YAML_HEAD + "- " * 100_000 + "x", TOO_DEEP),
        (
            YAML_HEAD + "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a]\n",
            "alias",
        ),
        (
            YAML_HEAD + "list: {name: x}\nentries:\n- {id: 1, kind: person, name: x, aliases: 3}\n",
            "structure",
        ),
    ],
)
def test_hostile_yaml(document: str, message: str) -> None:
    for path in _scratch():
        path.write_text(document)
        with pytest.raises(ListError, match=message):
            load_list(path)
