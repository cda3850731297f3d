"""The OFAC-compatible algorithm: FAQ 249's documented behaviours."""

from __future__ import annotations

from sanctions_screen.matching import compare
from sanctions_screen.matching.ofac import jaro_winkler, soundex, whole_string


def test_soundex_reference_codes() -> None:
    assert soundex("Robert") == soundex("Rupert") == "R163"
    assert soundex("Tymczak") == "T522"
    assert soundex("Pfister") == "P236"
    assert soundex("Ashcraft") == "A261"


def test_jaro_winkler_applies_the_prefix_bonus() -> None:
    assert jaro_winkler("MARTHA", "MARHTA") > 0.96
    assert jaro_winkler("ABC", "ABC") == 1.0


def test_exact_name_scores_100() -> None:
    assert compare("KIM JONG UN", "KIM, Jong Un", algorithm="ofac") == 100.0


def test_one_shared_part_scores_high_as_ofac_does() -> None:
    # OFAC's known leniency: one shared name part carries the per-part score.
    assert compare("APOLLO TYRES", "APOLLON", algorithm="ofac") >= 80


def test_whole_string_needs_the_first_letter() -> None:
    assert whole_string(["BUSH", "GEORGE"], ["GEORGE", "BUSH"]) == 0.0
    assert whole_string(["GEORGE", "BUSH"], ["GEORGE", "BUSH"]) == 100.0
    # Parts still count: GEORGE matches, BUSH / HASWANI adds nothing (OFAC shows 50).
    assert compare("GEORGE BUSH", "HASWANI, George", algorithm="ofac") == 50.0


def test_cyrillic_against_latin_scores_nothing() -> None:
    assert compare("ООО Аполлон", "APOLLON OOO", algorithm="ofac") == 0.0


def test_below_half_similar_is_not_a_candidate() -> None:
    assert compare("XYZ", "APOLLON", algorithm="ofac") == 0.0


def test_short_query_parts_are_ignored() -> None:
    assert compare("KIM JONG UN", "KIM, Jong Il", algorithm="ofac") == 100.0
