"""OFAC legacy CSV reader against the real files in ../shared/data/ofac."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from sanctions_screen.errors import ListError
from sanctions_screen.models import (
    EntityKind,
    Entry,
    Identifier,
    NameStrength,
    NameType,
    SanctionsList,
)
from sanctions_screen.sources import load_list


@pytest.fixture(scope="module")
def sdn(shared_data: Path) -> SanctionsList:
    return load_list(shared_data / "ofac" / "sdn.csv")


def by_id(lst: SanctionsList) -> dict[str, Entry]:
    return {e.id: e for e in lst.entries}


def test_full_sdn_counts_match_provenance(sdn: SanctionsList) -> None:
    assert len(sdn.entries) == 14_965
    kinds = Counter(e.kind for e in sdn.entries)
    assert kinds == {
        EntityKind.PERSON: 6_854,
        EntityKind.VESSEL: 851,
        EntityKind.AIRCRAFT: 376,
        EntityKind.ORGANIZATION: 6_884,
    }
    assert sdn.meta.name == "OFAC Specially Designated Nationals (SDN) List"
    assert sdn.meta.format == "ofac-csv"


def test_apollon_with_weak_alias_tax_id_and_link(sdn: SanctionsList) -> None:
    apollon = by_id(sdn)["35753"]
    assert apollon.primary_name == "APOLLON OOO"
    names = {(n.name, n.type, n.strength) for n in apollon.names}
    assert ("APOLLON LLC", NameType.AKA, NameStrength.STRONG) in names  # from alt.csv
    assert ("APOLLON", NameType.AKA, NameStrength.WEAK) in names  # only in the remarks
    assert Identifier("Tax ID No.", "2540211930", "Russia") in apollon.identifiers
    assert Identifier("Registration Number", "1152540004253", "Russia") in apollon.identifiers
    assert apollon.programs == ("DPRK2",)
    assert apollon.linked_to == ("PAK, Kwang Hun",)
    assert apollon.addresses[0].country == "Russia"
    assert "Vladivostok" in apollon.addresses[0].one_line()


def test_person_facts_from_remarks(sdn: SanctionsList) -> None:
    gayevoy = by_id(sdn)["35757"]
    assert gayevoy.kind is EntityKind.PERSON
    assert gayevoy.birth_dates == ("1986-06-16",)
    assert gayevoy.birth_places == ("Artem, Primorkiy Kray, Russia",)
    assert gayevoy.nationalities == ("Russia",)
    assert gayevoy.gender == "Male"
    assert [n.name for n in gayevoy.names][1:] == [
        "GAEVOI, Aleksandr Andreevich",
        "GAEVOY, Aleksandr",
    ]
    pak = by_id(sdn)["23516"]
    assert pak.birth_dates == ("1970-01-01 to 1970-12-31",)


def test_zeel_m_two_weak_aliases(sdn: SanctionsList) -> None:
    weak = [n.name for n in by_id(sdn)["35754"].names if n.strength is NameStrength.WEAK]
    assert weak == ["ZIL - M", "ZEELM"]


def test_vessel_imo_and_flag(sdn: SanctionsList) -> None:
    vessels = [e for e in sdn.entries if e.kind is EntityKind.VESSEL]
    with_imo = [e for e in vessels if any(i.type == "IMO" for i in e.identifiers)]
    assert len(with_imo) > 700
    assert all(i.value.isdigit() for e in with_imo for i in e.identifiers if i.type == "IMO")


def test_remarks_continued_in_sdn_comments(sdn: SanctionsList) -> None:
    sberbank = by_id(sdn)["17018"]
    assert sberbank.remarks is not None
    # The main row stops mid-word; sdn_comments.csv carries on with "tive Date ...".
    assert "'Effective Date (EO 14024 Directive)' associated with this name" in sberbank.remarks


def test_orphan_companion_rows_are_skipped(sdn: SanctionsList, shared_data: Path) -> None:
    ids = set(by_id(sdn))
    alt_ids = {
        line.split(",", 1)[0]
        for line in (shared_data / "ofac" / "alt.csv").read_text("latin-1").splitlines()
        if line[:1].isdigit()
    }
    assert alt_ids - ids  # the 2025 alt.csv refers to entries the 2024 sdn.csv lacks
    assert len(ids) == 14_965


def test_directory_reads_the_same_list(shared_data: Path, sdn: SanctionsList) -> None:
    assert len(load_list(shared_data / "ofac").entries) == len(sdn.entries)


def test_2022_snapshot_holds_the_march_designations(shared_data: Path) -> None:
    snapshot = load_list(shared_data / "ofac" / "snapshots" / "2022-03-12" / "sdn.csv")
    assert len(snapshot.entries) == 9_361
    assert {"35753", "35754", "35756", "35757", "35758"} <= {e.id for e in snapshot.entries}


def test_consolidated_non_sdn_list(shared_data: Path) -> None:
    cons = load_list(shared_data / "ofac" / "consolidated" / "cons_prim.csv")
    assert len(cons.entries) == 442
    assert cons.meta.name == "OFAC Consolidated (non-SDN) Sanctions List"
    haniya = by_id(cons)["9639"]
    assert haniya.birth_dates == ("1962",)
    assert [n.name for n in haniya.names] == [
        "HANIYA, Ismail Abdul Salah",
        "HANIYA, Ismail",
        "HANIYYA, Ismaeel",
    ]
    assert sum(len(e.addresses) for e in cons.entries) > 0


def test_excerpt_pairs_with_its_own_companions(shared_data: Path) -> None:
    excerpt = load_list(shared_data / "ofac" / "excerpts" / "dprk_2022_sdn.csv")
    assert len(excerpt.entries) == 43
    assert "APOLLON LLC" in {n.name for n in by_id(excerpt)["35753"].names}


def test_latin1_ctrl_z_and_crlf(tmp_path: Path) -> None:
    path = tmp_path / "sdn.csv"
    row = '36000,"MU\xd1OZ, Jos\xe9","individual","SDNT",' + "-0- ," * 7 + '"DOB 01 Feb 1960."\r\n'
    path.write_bytes(row.encode("latin-1") + b"\x1a")
    entry = load_list(path).entries[0]
    assert entry.primary_name == "MU\xd1OZ, Jos\xe9"
    assert entry.birth_dates == ("1960-02-01",)
    assert entry.remarks == "DOB 01 Feb 1960."


def test_changed_column_count_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "sdn.csv"
    path.write_text(
        '36000,"NAME","individual","SDNT",' + "-0- ," * 7 + "-0- \r\n"
        '36001,"X","individual","SDNT"\r\n'
    )
    with pytest.raises(ListError, match="row 2"):
        load_list(path)


@pytest.mark.parametrize("companion", ["alt.csv", "add.csv"])
def test_companion_file_alone_says_what_to_do(shared_data: Path, companion: str) -> None:
    with pytest.raises(ListError, match=r"companion file.*point --list at sdn\.csv"):
        load_list(shared_data / "ofac" / companion)


def test_passports_and_national_ids_from_remarks(sdn: SanctionsList) -> None:
    saeed = by_id(sdn)["10689"]
    assert (
        Identifier("Passport", "BE5978421", "Pakistan", "issued 14 Nov 2007 expires 12 Nov 2012")
        in saeed.identifiers
    )
    assert Identifier("National ID No.", "23250460642", "Pakistan") in saeed.identifiers
    assert saeed.birth_dates == ("1950-06-05",)


def test_vessel_imo_from_remarks(sdn: SanctionsList) -> None:
    ebano = next(e for e in sdn.entries if e.primary_name == "EBANO")
    assert ebano.kind is EntityKind.VESSEL
    assert Identifier("IMO", "7406784") in ebano.identifiers


def test_business_registration_document_and_telephone() -> None:
    from sanctions_screen.sources.ofac_remarks import parse_remarks

    facts = parse_remarks("Business Registration Document # F01000003035 (United States).")
    assert facts.identifiers == [
        Identifier("Business Registration Document #", "F01000003035", "United States")
    ]
