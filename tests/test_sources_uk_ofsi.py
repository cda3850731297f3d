"""UK OFSI consolidated list CSV reader: name rows grouped by Group ID."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from sanctions_screen.errors import ListError
from sanctions_screen.models import EntityKind, Identifier, NameStrength, NameType, SanctionsList
from sanctions_screen.sources import load_list


@pytest.fixture(scope="module")
def uk(shared_data: Path) -> SanctionsList:
    return load_list(shared_data / "uk_ofsi" / "UK_Sanctions_List.csv")


def test_one_entry_per_group_id(uk: SanctionsList) -> None:
    assert len(uk.entries) == 4_686
    assert uk.meta.as_of == "2025-04-10"
    kinds = Counter(e.kind for e in uk.entries)
    assert set(kinds) == {EntityKind.PERSON, EntityKind.ORGANIZATION, EntityKind.VESSEL}
    assert all(sum(n.type is NameType.PRIMARY for n in e.names) == 1 for e in uk.entries)


def test_entry_with_cyrillic_name(uk: SanctionsList) -> None:
    abramov = next(e for e in uk.entries if e.id == "15610")
    assert abramov.primary_name == "ABRAMOV, Alexander Grigoryevich"
    cyrillic = [n for n in abramov.names if n.script == "Cyrillic"]
    assert [n.name for n in cyrillic] == ["АБРАМОВ Александр Григорьевич"]
    assert abramov.birth_dates == ("1959-02-20",)
    assert abramov.nationalities == ("Russia",)
    assert abramov.gender == "Male"
    assert abramov.programs == ("Russia",)
    assert abramov.listed_on == "2022-11-02"


def test_non_latin_names_kept_with_script(uk: SanctionsList) -> None:
    scripts = Counter(n.script for e in uk.entries for n in e.names if n.script)
    assert scripts["Cyrillic"] > 500
    assert "Cryillic" not in scripts  # typo in the published file is corrected
    assert {"Arabic", "Chinese"} <= set(scripts)


def test_low_quality_alias_is_weak(uk: SanctionsList) -> None:
    assert any(n.strength is NameStrength.WEAK for e in uk.entries for n in e.names)


def test_ship_imo_number(uk: SanctionsList) -> None:
    ships = [e for e in uk.entries if e.kind is EntityKind.VESSEL]
    assert ships
    aktiva = next(e for e in ships if "AKTIVA" in {n.name for n in e.names})
    assert Identifier("IMO", "7408873") in aktiva.identifiers
    assert "North Korea" in aktiva.countries


def test_native_sample(shared_data: Path) -> None:
    sample = load_list(shared_data / "uk_ofsi" / "samples" / "sample_hmt.csv")
    assert sample.meta.as_of == "2020-04-27"
    hojati = next(e for e in sample.entries if e.id == "9053")
    assert hojati.primary_name == "HOJATI, Mohsen"
    assert ("محسن حجتی", "Arabic") in {(n.name, n.script) for n in hojati.names}
    assert hojati.birth_dates == ("1955-09-28",)
    hubarieva = next(e for e in sample.entries if e.id == "13063")
    # OFSI writes 00 for an unknown day or month: 10/00/1983 says only "1983".
    assert {"1983-07-05", "1983", "1984-04"} <= set(hubarieva.birth_dates)


def test_missing_required_column(tmp_path: Path) -> None:
    path = tmp_path / "ConList.csv"
    path.write_text(
        "Last Updated,01/01/2025\nName 6,Name 1,Group Type,Alias Type\nX,Y,Individual,AKA\n"
    )
    with pytest.raises(ListError, match="Group ID"):
        load_list(path)


def test_group_without_any_name(tmp_path: Path) -> None:
    path = tmp_path / "ConList.csv"
    header = "Name 6,Name 1,Name Non-Latin Script,Group Type,Alias Type,Regime,Group ID"
    path.write_text(f"Last Updated,01/01/2025\n{header}\n,,,Individual,AKA,Russia,42\n")
    with pytest.raises(ListError, match="Group ID 42 has no name"):
        load_list(path)


def test_script_guessed_when_the_file_omits_it(tmp_path: Path) -> None:
    path = tmp_path / "ConList.csv"
    header = "Name 6,Name 1,Name Non-Latin Script,Group Type,Alias Type,Regime,Group ID"
    row = "IVANOV,Ivan,Иванов Иван,Individual,Primary name,Russia,42"
    path.write_text(f"Last Updated,01/01/2025\n{header}\n{row}\n")
    entry = load_list(path).entries[0]
    assert [(n.name, n.script) for n in entry.names] == [
        ("IVANOV, Ivan", None),
        ("Иванов Иван", "Cyrillic"),
    ]
