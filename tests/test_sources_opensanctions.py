"""OpenSanctions readers: FollowTheMoney JSON lines and targets.simple.csv (CC BY-NC: test only)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from sanctions_screen.models import EntityKind, Identifier
from sanctions_screen.sources import load_list


def test_targets_simple_csv(shared_data: Path) -> None:
    targets = load_list(shared_data / "opensanctions" / "targets.simple.csv")
    assert len(targets.entries) == 5_600
    kinds = Counter(e.kind for e in targets.entries)
    assert kinds[EntityKind.PERSON] == 1_543
    assert kinds[EntityKind.VESSEL] == 1_340
    assert kinds[EntityKind.ORGANIZATION] == 1_524 + 1_193
    assert targets.meta.as_of == "2026-03-13"
    assert targets.meta.name == "OpenSanctions Ukraine War and Sanctions (targets.simple.csv)"
    rosalin = next(e for e in targets.entries if e.id == "NK-24cf2zYe7LEKhr2zFck73j")
    assert [n.name for n in rosalin.names] == ["ROSALIN", "Ceram Sea", "Gold Sun", "Nurkez"]
    assert rosalin.identifiers == (Identifier("IMO", "9253325"),)
    assert rosalin.programs == ("UA-WS-MARE",)


def test_ftm_entities(shared_data: Path) -> None:
    ftm = load_list(shared_data / "opensanctions" / "yente_fixtures" / "entities.ftm.json")
    assert ftm.meta.name == "OpenSanctions eu_fsf (FollowTheMoney)"
    assert ftm.meta.as_of == "2024-06-01"
    kuzmenko = next(e for e in ftm.entries if e.id == "NK-2Ka3UvopqbpZmVDFjWd4LA")
    assert kuzmenko.kind is EntityKind.PERSON
    assert kuzmenko.birth_dates == ("1971-01-22",)
    assert ("Виталий Юрьевич КУЗЬМЕНКО", "Cyrillic") in {(n.name, n.script) for n in kuzmenko.names}
    assert Identifier("Tax ID", "366510784303") in kuzmenko.identifiers


def test_ftm_delta_file(shared_data: Path) -> None:
    delta = load_list(shared_data / "opensanctions" / "yente_fixtures" / "entities.delta.json")
    assert len(delta.entries) == 2
    assert delta.meta.name == "OpenSanctions 24 datasets (FollowTheMoney)"


def test_ftm_skips_non_targets(shared_data: Path) -> None:
    peps = load_list(shared_data / "opensanctions" / "sa_wiki_peps" / "entities.ftm.json")
    # 1,583 lines, of which Family, Occupancy, Position and Address records and
    # non-target persons are not listed parties.
    assert 0 < len(peps.entries) < 1_583
    assert all(
        e.kind is EntityKind.PERSON or e.kind is EntityKind.ORGANIZATION for e in peps.entries
    )
