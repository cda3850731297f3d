"""Shared fixtures. Real list files are read in place from ../shared/data."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA = Path(os.environ.get("SANCTIONS_SCREEN_SHARED_DATA", ROOT.parent / "shared" / "data"))
EXAMPLES = ROOT / "examples"
BUNDLED = ROOT / "lists" / "ofac-dprk-2022.yaml"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.fail(f"real list data not found at {SHARED_DATA}; set SANCTIONS_SCREEN_SHARED_DATA")
    return SHARED_DATA


# Options a developer may have set in their shell that would change what a test sees.
ISOLATED_ENV = (
    "SANCTIONS_SCREEN_LIST",
    "SANCTIONS_SCREEN_MAX_LIST_AGE",
    "SANCTIONS_SCREEN_NO_CACHE",
    "SANCTIONS_SCREEN_ONLY_CHANGED_SINCE",
    "SANCTIONS_SCREEN_TIMEOUT",
    *(f"SANCTIONS_SCREEN_URL_{s}" for s in ("OFAC_SDN", "OFAC_CONS", "UN", "UK_OFSI", "US_CSL")),
)


@pytest.fixture(autouse=True)
def isolated_user_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Never read or write the developer's own data and cache directories in a test."""
    base = tmp_path_factory.mktemp("user-dirs")
    monkeypatch.setenv("SANCTIONS_SCREEN_DATA_DIR", str(base / "data"))
    monkeypatch.setenv("SANCTIONS_SCREEN_CACHE_DIR", str(base / "cache"))
    for name in ISOLATED_ENV:
        monkeypatch.delenv(name, raising=False)
