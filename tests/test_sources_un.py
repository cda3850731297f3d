"""UN Security Council consolidated list XML reader."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from sanctions_screen.models import EntityKind, NameStrength, NameType, SanctionsList
from sanctions_screen.sources import load_list


@pytest.fixture(scope="module")
def un(shared_data: Path) -> SanctionsList:
    return load_list(shared_data / "un" / "UN_consolidated.xml")


def test_counts_match_provenance(un: SanctionsList) -> None:
    kinds = Counter(e.kind for e in un.entries)
    assert kinds == {EntityKind.PERSON: 730, EntityKind.ORGANIZATION: 273}
    assert un.meta.as_of == "2026-02-27"
    assert un.meta.name == "UN Security Council Consolidated List"
    assert len({e.id for e in un.entries}) == len(un.entries)


def test_dprk_entity(un: SanctionsList) -> None:
    komid = next(e for e in un.entries if e.id == "KPe.001")
    assert komid.primary_name == "KOREA MINING DEVELOPMENT TRADING CORPORATION"
    assert komid.programs == ("DPRK",)
    assert komid.listed_on == "2009-04-24"
    assert "CHANGGWANG SINYONG CORPORATION" in {n.name for n in komid.names}
    assert komid.addresses[0].city == "Pyongyang"
    ryonbong = next(e for e in un.entries if e.id == "KPe.002")
    assert ("LYONGAKSAN GENERAL TRADING CORPORATION", NameType.FKA) in {
        (n.name, n.type) for n in ryonbong.names
    }


def test_dprk_person(un: SanctionsList) -> None:
    yun = next(e for e in un.entries if e.id == "KPi.001")
    assert yun.primary_name == "YUN HO-JIN"
    assert yun.birth_dates == ("1944-10-13",)
    assert yun.nationalities == ("Democratic People's Republic of Korea",)


def test_low_quality_alias_is_weak_and_original_script_kept(un: SanctionsList) -> None:
    weak = [n for e in un.entries for n in e.names if n.strength is NameStrength.WEAK]
    assert len(weak) > 100
    arabic = [n for e in un.entries for n in e.names if n.script == "Arabic"]
    assert "صدام حسين التكريتي" in {n.name for n in arabic}


def test_year_range_birth_date(un: SanctionsList) -> None:
    assert any(" to " in d for e in un.entries for d in e.birth_dates)


def test_sample_reads(shared_data: Path) -> None:
    sample = load_list(shared_data / "un" / "samples" / "sample_unsc.xml")
    # PROVENANCE.md says 7 individuals and 7 entities; the file holds only the 7 <INDIVIDUAL>s.
    assert len(sample.entries) == 7
    assert sample.meta.as_of == "2024-10-17"
