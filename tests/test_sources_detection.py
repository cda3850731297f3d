"""Every real file is picked by the right reader, by content; anything else is a ListError."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from sanctions_screen.cli import main
from sanctions_screen.errors import ListError
from sanctions_screen.exitcodes import ExitCode
from sanctions_screen.sources import READERS, load_list, load_lists, reader_for

REAL_FILES = {
    "ofac/sdn.csv": "ofac-csv",
    "ofac/consolidated/cons_prim.csv": "ofac-csv",
    "ofac/samples/sdn.xml": "ofac-xml",
    "ofac/consolidated/CONS_ENHANCED.XML": "ofac-enhanced-xml",
    "un/UN_consolidated.xml": "un-xml",
    "un/samples/sample_unsc.xml": "un-xml",
    "uk_ofsi/UK_Sanctions_List.csv": "uk-ofsi-csv",
    "uk_ofsi/samples/sample_hmt.csv": "uk-ofsi-csv",
    "eu/sample_eu.xml": "eu-fsf-xml",
    "eu/legacy_2016/data.xml": "eu-fsf-legacy-xml",
    "us_csl/consolidated.csv": "us-csl-csv",
    "us_bis/dpl.txt": "bis-dpl-txt",
    "opensanctions/targets.simple.csv": "opensanctions-simple-csv",
    "opensanctions/yente_fixtures/entities.ftm.json": "opensanctions-ftm-json",
    "opensanctions/yente_fixtures/entities.delta.json": "opensanctions-ftm-json",
    "opensanctions/sa_wiki_peps/entities.ftm.json": "opensanctions-ftm-json",
}


def test_format_names_are_unique() -> None:
    names = [r.format_name for r in READERS]
    assert len(names) == len(set(names))


@pytest.mark.parametrize(("relative", "format_name"), sorted(REAL_FILES.items()))
def test_real_file_picks_its_reader(shared_data: Path, relative: str, format_name: str) -> None:
    path = shared_data / relative
    assert reader_for(path).format_name == format_name
    matching = [r.format_name for r in READERS if r.can_read(path, path.read_bytes()[:4096])]
    assert matching == [format_name]  # exactly one reader claims each file


@pytest.mark.parametrize(
    "relative", ["un/samples/sample_unsc.xml", "us_bis/dpl.txt", "eu/sample_eu.xml"]
)
def test_renamed_file_is_still_read(shared_data: Path, tmp_path: Path, relative: str) -> None:
    renamed = tmp_path / "download (3).dat"
    shutil.copyfile(shared_data / relative, renamed)
    assert len(load_list(renamed).entries) == len(load_list(shared_data / relative).entries)


def test_several_lists_have_distinct_names(shared_data: Path) -> None:
    lists = load_lists([shared_data / relative for relative in REAL_FILES])
    names = [lst.meta.name for lst in lists]
    # The two UK files and the two UN files are editions of the same list.
    assert len(set(names)) == len(names) - 2


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"\x1a\r\n", "empty"),
        (b"name,country\nACME,US\n", "not a list format"),
        (b"<?xml version='1.0'?><html><body/></html>", "not a list format"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "not a list format"),
        (b"PK\x03\x04\x14\x00\x00\x00", "compressed archive"),
        (b"\x1f\x8b\x08\x00", "compressed archive"),
    ],
)
def test_unrecognised_file_is_a_list_error(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "sdn.csv"
    path.write_bytes(content)
    with pytest.raises(ListError, match=message) as info:
        load_list(path)
    assert str(path) in str(info.value)
    assert info.value.exit_code == ExitCode.INPUT_ERROR


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            b'<CONSOLIDATED_LIST dateGenerated="2026-01-01"><PEOPLE/></CONSOLIDATED_LIST>',
            "INDIVIDUAL",
        ),
        (b"<sdnList><publshInformation/></sdnList>", "sdnEntry"),
        (b"<WHOLE Date='01/01/2016'><ENTITY Id='1'/></WHOLE>", "WHOLENAME"),
        (
            b'<export xmlns="http://eu.europa.ec/fpi/fsd/export"><sanctionEntity/></export>',
            "euReferenceNumber",
        ),
        (b"<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL>", "not well-formed"),
        (b'"Name"\t"Street"\n"X"\t"Y"\n', "not a list format"),
        (b"_id,source,entity_number,type,programs,name\n1,x,1,,,\n", "alt_names"),
        (b'{"id": "x", "schema": "Person", "properties": {}}\n', "no name"),
        (b'{"id": "x", "schema": "Person", "properties": {}\n', "not JSON"),
    ],
)
def test_known_format_with_changed_shape(tmp_path: Path, content: bytes, expected: str) -> None:
    path = tmp_path / "list"
    path.write_bytes(content)
    with pytest.raises(ListError, match=expected):
        load_list(path)


def test_cli_exits_3_on_an_unknown_list(tmp_path: Path) -> None:
    unknown = tmp_path / "list.csv"
    unknown.write_text("name,country\nACME,US\n")
    result = CliRunner().invoke(main, ["check", "ACME", "--list", str(unknown)])
    assert result.exit_code == 3
    assert ExitCode(result.exit_code) is ExitCode.INPUT_ERROR
    assert str(unknown) in result.output


def test_one_run_over_several_lists_names_each_hit_list(shared_data: Path) -> None:
    args = ["check", "APOLLON OOO", "--format", "json"]
    for relative in ("ofac/excerpts/dprk_2022_sdn.csv", "us_csl/consolidated.csv"):
        args += ["--list", str(shared_data / relative)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == ExitCode.HITS
    report = json.loads(result.stdout)
    hit_lists = {hit["list"] for hit in report["results"][0]["hits"]}
    assert hit_lists == {
        "OFAC Specially Designated Nationals (SDN) List",
        "US Consolidated Screening List (trade.gov)",
    }
