"""The official lists ``lists update`` can fetch, and where from.

Each source is one list: a main file plus, for OFAC's legacy CSV, the
companion files published beside it. The main file's address can be
overridden per source, first match wins: ``lists update --url SOURCE=URL``;
``SANCTIONS_SCREEN_URL_<SOURCE>`` (the source name upper-cased, ``-`` as
``_``); a ``SOURCE: URL`` line in ``sources.yaml`` in the data directory.
Companions are fetched from the same directory as the main file.
"""

from __future__ import annotations

import os
import urllib.parse
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

from .errors import UsageError

ENV_URL_PREFIX = "SANCTIONS_SCREEN_URL_"
CONFIG_FILE = "sources.yaml"  # in the data directory


@dataclass(frozen=True, slots=True)
class Source:
    name: str  # what users type: ``lists update ofac-sdn``
    title: str
    url: str  # the main file
    main_file: str  # its name in the data directory, whatever the address calls it
    companions: tuple[str, ...] = ()  # file names fetched from the main file's directory

    @property
    def env_var(self) -> str:
        return ENV_URL_PREFIX + self.name.upper().replace("-", "_")


OFAC_DOWNLOADS = "https://www.treasury.gov/ofac/downloads"

SOURCES: tuple[Source, ...] = (
    Source(
        "ofac-sdn",
        "OFAC Specially Designated Nationals (SDN) List, legacy CSV",
        f"{OFAC_DOWNLOADS}/sdn.csv",
        "sdn.csv",
        ("alt.csv", "add.csv", "sdn_comments.csv"),
    ),
    Source(
        "ofac-cons",
        "OFAC Consolidated (non-SDN) Sanctions List, legacy CSV",
        f"{OFAC_DOWNLOADS}/consolidated/cons_prim.csv",
        "cons_prim.csv",
        ("cons_alt.csv", "cons_add.csv", "cons_comments.csv"),
    ),
    Source(
        "un",
        "UN Security Council Consolidated List, XML",
        "https://scsanctions.un.org/resources/xml/en/consolidated.xml",
        "consolidated.xml",
    ),
    Source(
        "uk-ofsi",
        "UK OFSI Consolidated List of Financial Sanctions Targets, CSV",
        "https://ofsistorage.blob.core.windows.net/publishlive/2022format/ConList.csv",
        "ConList.csv",
    ),
    Source(
        "us-csl",
        "US Consolidated Screening List (trade.gov), CSV",
        "https://data.trade.gov/downloadable_consolidated_screening_list/v1/consolidated.csv",
        "consolidated.csv",
    ),
)
SOURCE_NAMES = tuple(s.name for s in SOURCES)


@dataclass(frozen=True, slots=True)
class FileToFetch:
    name: str  # file name in the data directory
    url: str


def resolve(
    names: tuple[str, ...],
    overrides: Mapping[str, str] | None = None,
    environ: Mapping[str, str] | None = None,
    config: Mapping[str, str] | None = None,
) -> tuple[Source, ...]:
    """The sources to update (all when ``names`` is empty), with their addresses overridden."""
    env = os.environ if environ is None else environ
    config = config or {}
    chosen = [s for s in SOURCES if not names or s.name in names]
    unknown = sorted(set(names) - set(SOURCE_NAMES))
    if unknown:
        raise UsageError(
            f"unknown list source {', '.join(unknown)}",
            hint=f"choose from {', '.join(SOURCE_NAMES)}",
        )
    result = []
    for source in chosen:
        url = (
            (overrides or {}).get(source.name)
            or env.get(source.env_var)
            or config.get(source.name)
            or source.url
        )
        result.append(Source(source.name, source.title, url, source.main_file, source.companions))
    return tuple(result)


def parse_url_overrides(values: tuple[str, ...]) -> dict[str, str]:
    """``SOURCE=URL`` pairs from the command line."""
    overrides: dict[str, str] = {}
    for value in values:
        name, sep, url = value.partition("=")
        if not sep or name not in SOURCE_NAMES or not url:
            raise UsageError(
                f"--url {value!r} is not SOURCE=URL",
                hint=f"SOURCE is one of {', '.join(SOURCE_NAMES)}",
            )
        overrides[name] = url
    return overrides


def read_config(path: Path) -> dict[str, str]:
    """``SOURCE: URL`` pairs from ``sources.yaml``; no file means no overrides."""
    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise UsageError(f"cannot read the source addresses: {exc}", path=str(path)) from exc
    if doc is None:
        return {}
    bad = (
        [repr(k) for k, v in doc.items() if k not in SOURCE_NAMES or not isinstance(v, str)]
        if isinstance(doc, dict)
        else ["the whole file"]
    )
    if bad:
        raise UsageError(
            f"expected `SOURCE: URL` lines, not {', '.join(bad)}",
            path=str(path),
            hint=f"SOURCE is one of {', '.join(SOURCE_NAMES)}",
        )
    return {str(k): str(v) for k, v in doc.items()}


def files_of(source: Source) -> tuple[FileToFetch, ...]:
    """The main file and its companions, each with its address."""
    main = FileToFetch(source.main_file, source.url)
    return (main, *(FileToFetch(c, urllib.parse.urljoin(source.url, c)) for c in source.companions))
