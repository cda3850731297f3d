"""OFAC XML readers: the legacy sdn.xml sample and the consolidated Enhanced XML."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from sanctions_screen.models import EntityKind, Identifier, NameStrength, NameType, SanctionsList
from sanctions_screen.sources import load_list


@pytest.fixture(scope="module")
def enhanced(shared_data: Path) -> SanctionsList:
    return load_list(shared_data / "ofac" / "consolidated" / "CONS_ENHANCED.XML")


def test_legacy_sdn_xml_sample(shared_data: Path) -> None:
    sample = load_list(shared_data / "ofac" / "samples" / "sdn.xml")
    assert len(sample.entries) == 8
    assert sample.meta.as_of == "2020-04-22"
    assert sample.meta.format == "ofac-xml"
    saeed = sample.entries[0]
    assert saeed.id == "10689"
    assert saeed.primary_name == "SAEED, Muhammad"
    assert saeed.kind is EntityKind.PERSON
    assert saeed.programs == ("SDGT",)
    assert saeed.birth_dates == ("1950-06-05",)
    assert saeed.nationalities == ("Pakistan",)
    assert ("HAFIZ SAHIB", NameStrength.WEAK) in {(n.name, n.strength) for n in saeed.names}
    assert (
        Identifier("Passport", "BE5978421", "Pakistan", "issued 14 Nov 2007; expires 12 Nov 2012")
        in saeed.identifiers
    )
    assert saeed.addresses[0].city == "Lahore City, Lahore District"


def test_enhanced_counts_and_meta(enhanced: SanctionsList) -> None:
    assert len(enhanced.entries) == 443
    assert enhanced.meta.as_of == "2025-01-10"
    assert enhanced.meta.name == "OFAC Consolidated (non-SDN) Sanctions List, Enhanced XML"
    assert Counter(e.kind for e in enhanced.entries)[EntityKind.PERSON] > 50


def test_enhanced_person(enhanced: SanctionsList) -> None:
    haniya = next(e for e in enhanced.entries if e.id == "9639")
    assert [n.name for n in haniya.names] == [
        "HANIYA, Ismail Abdul Salah",
        "HANIYA, Ismail",
        "HANIYYA, Ismaeel",
    ]
    assert haniya.birth_dates == ("1962",)
    assert haniya.birth_places == ("Shati",)
    assert haniya.programs == ("NS-PLC",)
    assert haniya.listed_on == "2006-04-12"


def test_enhanced_cyrillic_translation_fka_and_documents(enhanced: SanctionsList) -> None:
    vtb = next(
        e for e in enhanced.entries if e.primary_name == "VTB BANK PUBLIC JOINT STOCK COMPANY"
    )
    cyrillic = [n for n in vtb.names if n.script == "Cyrillic"]
    assert "БАНК ВТБ ПУБЛИЧНОЕ АКЦИОНЕРНОЕ ОБЩЕСТВО" in {n.name for n in cyrillic}
    assert ("VNESHTORGBANK", NameType.FKA) in {(n.name, n.type) for n in vtb.names}
    assert Identifier("Tax ID No.", "7702070139", "Russia") in vtb.identifiers
    assert sum(1 for n in vtb.names if n.type is NameType.PRIMARY) == 1


def test_enhanced_relationships_become_links(enhanced: SanctionsList) -> None:
    linked = [e for e in enhanced.entries if "VTB BANK PUBLIC JOINT STOCK COMPANY" in e.linked_to]
    assert linked
