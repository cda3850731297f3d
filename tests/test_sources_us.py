"""US readers: trade.gov Consolidated Screening List CSV and the BIS Denied Persons List."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from sanctions_screen.models import EntityKind, Identifier, SanctionsList
from sanctions_screen.sources import load_list


@pytest.fixture(scope="module")
def csl(shared_data: Path) -> SanctionsList:
    return load_list(shared_data / "us_csl" / "consolidated.csv")


def test_csl_rows_per_source_list(csl: SanctionsList) -> None:
    assert len(csl.entries) == 14_160
    assert len({e.id for e in csl.entries}) == 14_160
    sources = Counter(e.listing_source for e in csl.entries)
    assert sources["Specially Designated Nationals (SDN) - Treasury Department"] == 10_026
    assert sources["Entity List (EL) - Bureau of Industry and Security"] == 2_001
    assert sources["Denied Persons List (DPL) - Bureau of Industry and Security"] == 462
    assert len(sources) == 13
    assert csl.meta.name == "US Consolidated Screening List (trade.gov)"


def test_csl_apollon_row(csl: SanctionsList) -> None:
    apollon = next(e for e in csl.entries if e.id == "35753")
    assert apollon.primary_name == "APOLLON OOO"
    assert {"APOLLON", "APOLLON LLC"} <= {n.name for n in apollon.names}
    assert Identifier("Tax ID No.", "2540211930", "RU") in apollon.identifiers
    # OFAC facts that share the ids column are not identifiers.
    assert all("Date" not in i.type for i in apollon.identifiers)
    assert apollon.countries == ("RU",)
    assert apollon.programs == ("DPRK2",)
    assert apollon.linked_to == ("PAK, Kwang Hun",)


def test_csl_person_with_birth_date(csl: SanctionsList) -> None:
    rim = next(e for e in csl.entries if e.id == "21944")
    assert rim.kind is EntityKind.PERSON
    assert rim.birth_dates == ("1973-03-25",)
    assert rim.nationalities == ("SY",)


def test_bis_dpl(shared_data: Path) -> None:
    dpl = load_list(shared_data / "us_bis" / "dpl.txt")
    # 665 address rows; rows with the same name and effective date are one denied party.
    assert sum(len(e.addresses) for e in dpl.entries) <= 665
    assert len(dpl.entries) == 547
    assert dpl.meta.as_of == "2023-11-28"  # a mistyped 3033 Last_Update is ignored
    villa = next(e for e in dpl.entries if e.primary_name == "AARON ABRAHAM VILLA")
    assert villa.kind is EntityKind.PERSON
    assert villa.listed_on == "2022-08-24"
    assert villa.addresses[0].city == "EL PASO"
    airline = next(e for e in dpl.entries if e.primary_name == "AL NASER WINGS AIRLINES")
    assert airline.kind is EntityKind.ORGANIZATION
    assert len(airline.addresses) > 1
    assert len({e.id for e in dpl.entries}) == len(dpl.entries)
