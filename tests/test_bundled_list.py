"""The bundled list validates and carries every 2022 DPRK entry of OFAC's rows exactly."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from sanctions_screen.bundled import bundled_list_path
from sanctions_screen.models import EntityKind, NameStrength, NameType
from sanctions_screen.sources import load_list
from sanctions_screen.sources.ofac_csv import OfacCsvReader

from .conftest import BUNDLED


@pytest.fixture(scope="module")
def bundled():
    return load_list(BUNDLED)


@pytest.fixture(scope="module")
def excerpt(shared_data: Path):
    return OfacCsvReader().read(shared_data / "ofac" / "excerpts" / "dprk_2022_sdn.csv")


def test_bundled_path_points_at_the_repository_file():
    assert bundled_list_path().read_bytes() == BUNDLED.read_bytes()


def test_metadata(bundled):
    meta = bundled.meta
    assert meta.name.startswith("OFAC SDN")
    assert meta.as_of == "2024-05-03"
    assert meta.source_url and meta.source_url.startswith("https://")
    assert meta.publisher and "OFAC" in meta.publisher
    assert len(meta.sha256 or "") == 64


def test_holds_every_excerpt_entry_with_all_names(bundled, excerpt, shared_data):
    ent_nums = {
        row[0]
        for row in csv.reader(
            (shared_data / "ofac/excerpts/dprk_2022_sdn.csv").open(encoding="latin-1")
        )
        if row
    }
    assert len(ent_nums) == 43
    by_id = {e.id: e for e in bundled.entries}
    assert set(by_id) == ent_nums
    for source in excerpt.entries:
        entry = by_id[source.id]
        assert entry.names == source.names
        assert entry.programs == source.programs
        assert entry.birth_dates == source.birth_dates
        assert entry.identifiers == source.identifiers
        assert entry.addresses == source.addresses
        assert entry.kind == source.kind


def test_every_alias_of_alt_csv_is_carried(bundled, shared_data):
    names = {(e.id, n.name) for e in bundled.entries for n in e.names}
    for row in csv.reader(
        (shared_data / "ofac/excerpts/dprk_2022_alt.csv").open(encoding="latin-1")
    ):
        if row:
            assert (row[0], row[3]) in names


def test_apollon_with_weak_alias_and_ids(bundled):
    apollon = next(e for e in bundled.entries if e.id == "35753")
    assert apollon.primary_name == "APOLLON OOO"
    assert apollon.kind is EntityKind.ORGANIZATION
    weak = [n for n in apollon.names if n.strength is NameStrength.WEAK]
    assert [n.name for n in weak] == ["APOLLON"]
    assert ("Tax ID No.", "2540211930") in {(i.type, i.value) for i in apollon.identifiers}
    assert apollon.programs == ("DPRK2",)
    assert apollon.listed_on == "2022-03-11"
    assert apollon.linked_to == ("PAK, Kwang Hun",)


def test_zeel_m_weak_aliases(bundled):
    zeel = next(e for e in bundled.entries if e.id == "35754")
    assert [(n.name, n.type, n.strength) for n in zeel.names] == [
        ("ZEEL - M CO., LTD.", NameType.PRIMARY, NameStrength.STRONG),
        ("ZIL-M LLC", NameType.AKA, NameStrength.STRONG),
        ("ZIL - M", NameType.AKA, NameStrength.WEAK),
        ("ZEELM", NameType.AKA, NameStrength.WEAK),
    ]


def test_persons_have_dates_of_birth(bundled):
    gayevoy = next(e for e in bundled.entries if e.id == "35757")
    assert gayevoy.kind is EntityKind.PERSON
    assert gayevoy.birth_dates == ("1986-06-16",)
    assert gayevoy.nationalities == ("Russia",)
    assert {n.name for n in gayevoy.names} == {
        "GAYEVOY, Aleksandr Andreyevich",
        "GAEVOI, Aleksandr Andreevich",
        "GAEVOY, Aleksandr",
    }


def test_every_entry_has_a_designation_source(bundled):
    for entry in bundled.entries:
        assert entry.listing_source, entry.id
        assert entry.listed_on is None or entry.listed_on.startswith("2022-"), entry.id
    dated = {e.id for e in bundled.entries if e.listed_on is None}
    assert dated == {"23516"}


def test_vessel_imo_number(bundled):
    ship = next(e for e in bundled.entries if e.id == "39356")
    assert ("IMO", "6133570") in {(i.type, i.value) for i in ship.identifiers}
