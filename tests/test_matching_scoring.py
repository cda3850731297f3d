"""The default scorer: specific behaviours and properties."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sanctions_screen.matching import DEFAULT_THRESHOLD, compare
from sanctions_screen.models import Counterparty, EntityKind
from sanctions_screen.screening import Screener
from sanctions_screen.sources import load_list

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "lists" / "ofac-dprk-2022.yaml"


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener([load_list(BUNDLED)])


def top_entry(screener: Screener, name: str, **attrs: object) -> tuple[str | None, float]:
    result = screener.screen_one(Counterparty(name, "test", 1, **attrs), DEFAULT_THRESHOLD, 3)  # type: ignore[arg-type]
    if not result.hits:
        return None, 0.0
    return result.hits[0].entry.id, result.hits[0].score


@given(st.text(max_size=60), st.text(max_size=60))
def test_scores_stay_in_range_and_never_raise(a: str, b: str) -> None:
    for algorithm in ("default", "ofac"):
        assert 0.0 <= compare(a, b, algorithm=algorithm) <= 100.0


@given(st.lists(st.sampled_from(["pak", "kwang", "hun", "apollon", "zil", "briz"]), min_size=1))
def test_part_order_does_not_change_the_score(parts: list[str]) -> None:
    assert compare(" ".join(parts), "PAK, Kwang Hun") == compare(
        " ".join(reversed(parts)), "PAK, Kwang Hun"
    )


def test_every_listed_name_scores_100_against_itself(screener: Screener) -> None:
    for indexed in screener.index.names:
        cp = Counterparty(indexed.name.name, "test", 1)
        hits = screener.screen_one(cp, DEFAULT_THRESHOLD, 50).hits
        assert any(h.entry.id == indexed.entry.id and h.score == 100.0 for h in hits), indexed


@pytest.mark.parametrize(
    ("name", "entry"),
    [
        ("ООО «Аполлон»", "35753"),
        ("Apollon Ltd", "35753"),
        ("Zil-M LLC", "35754"),
        ("ZEELM", "35754"),
        ("RK Breeze LLC", "35758"),
        ("Alexander Gayevoy", "35757"),
        ("Alexander Gaevoy", "35757"),
        ("Aleksandr A. Gayevoi", "35757"),
        ("Pak Gwang-hun", "23516"),
        ("Park Kwang Hoon", "23516"),
        ("Kwanghun Pak", "23516"),
        ("박광훈", "23516"),
        ("Гаевой Александр Андреевич", "35757"),
    ],
)
def test_day_one_variants_hit_their_entry(screener: Screener, name: str, entry: str) -> None:
    assert top_entry(screener, name)[0] == entry


def test_legal_form_alone_never_matches() -> None:
    assert compare("ООО Ромашка", "ООО Василёк") < 50
    assert compare("Trading Company LLC", "KOREA TRADING COMPANY") < DEFAULT_THRESHOLD
    assert compare("Korea Trading LLC", "KOREA KWANGSON TRADING CORPORATION") < DEFAULT_THRESHOLD


def test_one_shared_person_part_is_not_a_hit() -> None:
    assert compare("John Kim", "KIM, Jong Un", "person") < DEFAULT_THRESHOLD
    assert compare("Kim", "KIM, Jong Un", "person") < DEFAULT_THRESHOLD


def test_short_names_neither_explode_nor_hide() -> None:
    assert compare("O Yong Ho", "O, Yong Ho", "person") == 100.0
    assert compare("Eni", "GENI SARL") < DEFAULT_THRESHOLD
    assert compare("ABB Ltd", "AAB") < DEFAULT_THRESHOLD


def test_a_distinctive_word_plus_another_is_not_a_hit() -> None:
    assert compare("Apollon Dental Clinic GmbH", "APOLLON OOO") < DEFAULT_THRESHOLD


def test_dob_contradiction_lowers_and_agreement_raises(screener: Screener) -> None:
    _, plain = top_entry(screener, "Alexander Gayevoy")
    _, wrong = top_entry(screener, "Alexander Gayevoy", birth_date="1950-01-01")
    _, right = top_entry(screener, "Alexander Gayevoy", birth_date="1986-06-16")
    assert wrong < plain <= right


def test_identifier_match_is_a_hit_by_itself(screener: Screener) -> None:
    cp = Counterparty("Totally Different Name", "t", 1, extra=(("tax_id", "2540211930"),))
    hits = screener.screen_one(cp, DEFAULT_THRESHOLD, 3).hits
    assert hits and hits[0].entry.id == "35753" and hits[0].score == 100.0
    assert any("identifier" in line for line in hits[0].explanation)


def test_identifier_contradiction_lowers(screener: Screener) -> None:
    _, plain = top_entry(screener, "Apollon LLC")
    _, other = top_entry(screener, "Apollon Trading LLC")
    cp = Counterparty("Apollon Trading LLC", "t", 1, extra=(("tax_id", "9999999999"),))
    hits = screener.screen_one(cp, 0.0 + 1, 3).hits
    assert plain == 100.0
    assert all(h.score < other for h in hits if h.entry.id == "35753")


def test_kind_mismatch_lowers(screener: Screener) -> None:
    _, as_person = top_entry(screener, "Zil-M", kind=EntityKind.PERSON)
    _, unknown = top_entry(screener, "Zil-M")
    assert as_person < unknown


def test_every_hit_is_explained(screener: Screener) -> None:
    hit = screener.screen_one(Counterparty("Park Kwang Hoon", "t", 1), 80, 1).hits[0]
    text = "\n".join(hit.explanation)
    assert "PAK, Kwang Hun" in text or "PAK, Gwang Hun" in text
    assert "variant" in text and "->" in text


def test_compare_equals_the_cli_score(screener: Screener) -> None:
    for name in ("Alexander Gayevoy", "Park Kwang Hoon", "Apollon Ltd", "Zil-M LLC"):
        hit = screener.screen_one(Counterparty(name, "t", 1), 0.1, 1).hits[0]
        kind = hit.entry.kind
        assert compare(name, hit.matched_name.name, kind) == hit.score


@given(st.permutations(["Zil-M LLC", "Alexander Gaevoy", "Siemens AG", "Pak Gwang-hun", "Kim"]))
def test_counterparty_order_does_not_change_results(names: list[str]) -> None:
    screener = _shared_screener()
    forward = {
        r.counterparty.name: [(h.entry.id, h.score) for h in r.hits]
        for r in screener.screen([Counterparty(n, "t", i) for i, n in enumerate(names)], 80, 5)
    }
    backward = {
        r.counterparty.name: [(h.entry.id, h.score) for h in r.hits]
        for r in screener.screen(
            [Counterparty(n, "t", i) for i, n in enumerate(reversed(names))], 80, 5
        )
    }
    assert forward == backward


_SCREENER: list[Screener] = []


def _shared_screener() -> Screener:
    if not _SCREENER:
        _SCREENER.append(Screener([load_list(BUNDLED)]))
    return _SCREENER[0]
