"""Per-user directories, following the XDG base directory conventions.

The data directory holds lists fetched by ``lists update``; the cache
directory holds parsed lists that can be rebuilt at any time.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_DIR = "sanctions-screen"
ENV_DATA_DIR = "SANCTIONS_SCREEN_DATA_DIR"
ENV_CACHE_DIR = "SANCTIONS_SCREEN_CACHE_DIR"


def data_dir() -> Path:
    """``$SANCTIONS_SCREEN_DATA_DIR``, else ``$XDG_DATA_HOME``, else ~/.local/share (+ app dir)."""
    return _xdg(ENV_DATA_DIR, "XDG_DATA_HOME", Path(".local") / "share")


def cache_dir() -> Path:
    """``$SANCTIONS_SCREEN_CACHE_DIR``, else ``$XDG_CACHE_HOME``, else ~/.cache (+ app dir)."""
    return _xdg(ENV_CACHE_DIR, "XDG_CACHE_HOME", Path(".cache"))


def _xdg(own: str, xdg: str, home_default: Path) -> Path:
    explicit = os.environ.get(own)
    if explicit:
        return Path(explicit).expanduser()
    base = os.environ.get(xdg)
    # The spec says a relative XDG path is invalid and must be ignored.
    if base and Path(base).is_absolute():
        return Path(base) / APP_DIR
    return Path.home() / home_default / APP_DIR
