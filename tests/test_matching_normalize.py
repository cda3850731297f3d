"""Normalisation: every script and spelling of a name folds to the same parts."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sanctions_screen.matching.normalize import fold, normalize


@given(st.text())
def test_fold_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)


@given(st.text())
def test_normalize_is_idempotent_on_its_own_output(text: str) -> None:
    once = normalize(text)
    assert normalize(once.text).tokens == once.tokens


@given(st.text())
def test_normalize_never_raises_and_yields_ascii(text: str) -> None:
    assert all(t.isascii() for t in normalize(text).tokens)


@pytest.mark.parametrize(
    ("name", "tokens", "forms"),
    [
        ("ООО «Аполлон»", ("apollon",), ("llc",)),
        ("APOLLON OOO", ("apollon",), ("llc",)),
        ("Apollon Limited Liability Company", ("apollon",), ("llc",)),
        ("ZEEL - M CO., LTD.", ("zeel", "m"), ("company_limited",)),
        ("OBSHCHESTVO S OGRANICHENNOI OTVETSTVENNOSTYU ROMASHKA", ("romashka",), ("llc",)),
        ("ПАО Сбербанк", ("sberbank",), ("jsc",)),
        ("박광훈", ("bak", "gwang", "hun"), ()),
        ("CH'OE, Myo'ng-hyo'n", ("choe", "myong", "hyon"), ()),
        ("Mr. Pak Gwang-hun", ("pak", "gwang", "hun"), ()),
        ("Three Stars", ("3", "stars"), ()),
        ("Олександр Іванович", ("oleksandr", "ivanovych"), ()),
        ("Müller GmbH", ("muller",), ("llc",)),
        ("Limited", ("limited",), ()),
    ],
)
def test_normalize_examples(name: str, tokens: tuple[str, ...], forms: tuple[str, ...]) -> None:
    result = normalize(name)
    assert result.tokens == tokens
    assert result.legal_forms == forms


def test_arabic_script_is_marked_consonantal() -> None:
    result = normalize("محمد علي")
    assert result.tokens == ("mhmd", "ly")
    assert result.abjad == (True, True)


def test_han_becomes_pinyin_syllables() -> None:
    assert normalize("习近平").tokens == ("xi", "jin", "ping")


def test_short_legal_forms_are_spelt_exactly() -> None:
    # "yui" shares a phonetic key with "oy" (a Finnish legal form) but is a name.
    assert normalize("Yui Lahbous").tokens == ("yui", "lahbous")
