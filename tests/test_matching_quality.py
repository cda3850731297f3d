"""Aggregate quality floors over a small labelled set against the bundled list."""

from __future__ import annotations

from pathlib import Path

from sanctions_screen.matching import DEFAULT_THRESHOLD
from sanctions_screen.models import Counterparty
from sanctions_screen.screening import Screener
from sanctions_screen.sources import load_list

BUNDLED = Path(__file__).resolve().parent.parent / "lists" / "ofac-dprk-2022.yaml"

POSITIVES = [
    ("Zil-M LLC", "35754"),
    ("ZEEL M Co Ltd", "35754"),
    ("Zeelm", "35754"),
    ("Apollon Ltd", "35753"),
    ("ООО «Аполлон»", "35753"),
    ("OOO Apollon", "35753"),
    ("RK Briz", "35758"),
    ("RK Breeze OOO", "35758"),
    ("Alexander Gaevoy", "35757"),
    ("Aleksandr Gayevoy", "35757"),
    ("Aleksandr A. Gayevoi", "35757"),
    ("Chasovnikov Alexander", "35756"),
    ("Часовников Александр Александрович", "35756"),
    ("Pak Gwang-hun", "23516"),
    ("Park Kwang Hoon", "23516"),
    ("Bak Kwanghun", "23516"),
    ("Choe Myong Hyon", "27209"),
    ("Sim Kwang Sok", "27208"),
    ("Pyon Kwang Chol", "27207"),
    ("Roman Anatolyevich Alar", "34457"),
    ("Parsek LLC", "34458"),
]
NEGATIVES = [
    "Apollo Tyres Ltd",
    "Breeze Hotels GmbH",
    "Zillow Group Inc",
    "Kim Lee",
    "John Park",
    "ООО Ромашка",
    "Korea Trading LLC",
    "Vladivostok Fish Company",
    "Alexander Smith",
    "Gwangju Bank",
    "Parsons Corporation",
    "Siemens AG",
    "Maria Garcia",
    "Aleksandr Ivanov",
    "Sberbank",
    "Romashka LLC",
    "Trading Company Limited",
    "Kwang Industries",
    "Samsung Electronics Co., Ltd.",
    "Hyundai Merchant Marine",
]


def test_recall_and_false_positive_floors() -> None:
    screener = Screener([load_list(BUNDLED)])
    found = sum(
        any(
            h.entry.id == entry
            for h in screener.screen_one(Counterparty(name, "t", 1), DEFAULT_THRESHOLD, 5).hits
        )
        for name, entry in POSITIVES
    )
    flagged = sum(
        bool(screener.screen_one(Counterparty(name, "t", 1), DEFAULT_THRESHOLD, 5).hits)
        for name in NEGATIVES
    )
    assert found / len(POSITIVES) >= 0.95
    assert flagged / len(NEGATIVES) <= 0.05
