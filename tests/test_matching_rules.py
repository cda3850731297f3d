"""Rules added to the default scorer for the matching-quality push (issue 5)."""

from __future__ import annotations

import pytest

from sanctions_screen.matching import DEFAULT_THRESHOLD, compare
from sanctions_screen.models import Counterparty, Entry, EntryName, ListMeta, SanctionsList
from sanctions_screen.models import EntityKind as K
from sanctions_screen.screening import Screener


@pytest.mark.parametrize(
    ("query", "listed", "kind"),
    [
        ("Rajesh Gupta", "GUPTA, Rajesh Kumar", K.PERSON),  # family name aligns
        ("Natalya Tyurina", "TYURINA, Natalya", K.PERSON),
        ("Yaya Haqqani", "HAQQANI, Yahya", K.PERSON),  # one letter added to a short part
        ("Hlib Nikitin", "NIKITIN, Gleb", K.PERSON),  # Ukrainian form of a given name
        ("RAK82010", "RA-82010", K.AIRCRAFT),  # joined code with a typo
        ("State Administration Council", "STATE ADMINISTRATIVE COUNCIL", K.ORGANIZATION),
    ],
)
def test_variants_reach_the_threshold(query: str, listed: str, kind: K) -> None:
    assert compare(query, listed, kind) >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "listed", "kind"),
    [
        ("Rajesh Kumar", "GUPTA, Rajesh Kumar", K.PERSON),  # given names only
        ("Natalya Tyurin", "TYURINA, Natalya", K.PERSON),  # the masculine form
        ("Abdullah bin Faisal", "FAISAL, Abdullah", K.PERSON),  # son of Faisal
        ("Mary Taylor", "TAYLOR, Mark", K.PERSON),
        ("John Kim", "KIM, Jong", K.PERSON),
        ("Li Yang", "LIANG, Yu", K.PERSON),  # not joined by phonetic key for persons
        ("Trading", "TRADING A", K.ORGANIZATION),  # a common word alone
        ("White Textiles B.V.", "WHITE STAR DMCC", K.ORGANIZATION),
    ],
)
def test_lookalikes_stay_below_the_threshold(query: str, listed: str, kind: K) -> None:
    assert compare(query, listed, kind) < DEFAULT_THRESHOLD


def test_long_part_two_edits_away_is_a_candidate() -> None:
    """The index finds what the scorer accepts, even two edits away."""
    entry = Entry("1", K.ORGANIZATION, (EntryName("STATE ADMINISTRATIVE COUNCIL"),))
    screener = Screener([SanctionsList(ListMeta("test"), (entry,))])
    result = screener.screen_one(
        Counterparty("State Administration Council", "test", 1), DEFAULT_THRESHOLD, 5
    )
    assert [h.entry.id for h in result.hits] == ["1"]
