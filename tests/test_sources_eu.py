"""EU Financial Sanctions Files XML readers (current export and legacy 1.0)."""

from __future__ import annotations

from pathlib import Path

from sanctions_screen.models import EntityKind, Identifier, NameType
from sanctions_screen.sources import load_list


def test_current_format_sample(shared_data: Path) -> None:
    eu = load_list(shared_data / "eu" / "sample_eu.xml")
    assert len(eu.entries) == 7
    assert eu.meta.as_of == "2020-04-15"
    assert eu.meta.format == "eu-fsf-xml"
    first = eu.entries[0]
    assert first.id == "EU.2026.82"
    assert first.kind is EntityKind.PERSON
    assert first.primary_name == "Abid Hammadou"
    assert "Abdelhamid Abou Zeid" in {n.name for n in first.names if n.type is NameType.AKA}
    assert first.birth_dates == ("1965-12-12", "1958")
    assert first.nationalities == ("ALGERIA",)
    assert first.programs == ("TAQA",)
    last = eu.entries[-1]
    assert Identifier("National passport", "L191609", "TUNISIA") in last.identifiers
    assert last.addresses[0].city == "Tunis"


def test_legacy_whole_format(shared_data: Path) -> None:
    eu = load_list(shared_data / "eu" / "legacy_2016" / "data.xml")
    assert len(eu.entries) == 595
    assert eu.meta.as_of == "2016-02-11"
    assert eu.meta.name != load_list(shared_data / "eu" / "sample_eu.xml").meta.name
    mugabe = eu.entries[0]
    assert mugabe.primary_name == "Robert Gabriel Mugabe"
    assert mugabe.birth_dates[0] == "1924-02-21"
    assert mugabe.programs == ("ZWE",)
    assert mugabe.gender == "M"
