"""Where the list bundled with the package lives, installed or in a source checkout."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

BUNDLED_FILE = "ofac-dprk-2022.yaml"


def bundled_list_path() -> Path:
    """The bundled list: packaged as ``sanctions_screen/lists/`` in the wheel, ``lists/`` in git."""
    packaged = resources.files("sanctions_screen").joinpath("lists", BUNDLED_FILE)
    if packaged.is_file():
        return Path(str(packaged))
    return Path(__file__).resolve().parent.parent / "lists" / BUNDLED_FILE
