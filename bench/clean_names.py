"""Name material for the benchmark's clean (not listed) cases: loads ``data/clean_names.yml``.

The names are data, kept in YAML beside this file; see its header for where they come from.
"""

from __future__ import annotations

from pathlib import Path

import yaml

_DATA = yaml.safe_load((Path(__file__).parent / "data" / "clean_names.yml").read_text("utf-8"))

FIRST_NAMES: dict[str, list[str]] = _DATA["first_names"]
SURNAMES: dict[str, list[str]] = _DATA["surnames"]
COMPANIES: list[str] = _DATA["companies"]
PLACES: list[str] = _DATA["places"]
TRADE_WORDS: list[str] = _DATA["trade_words"]
HANGUL: dict[str, str] = _DATA["hangul"]
