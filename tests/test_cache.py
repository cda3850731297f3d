"""The parsed-list cache: same list warm as cold, rebuilt when stale or damaged, never fatal."""

from __future__ import annotations

import hashlib
import marshal
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from sanctions_screen import cache
from sanctions_screen.cli import main
from sanctions_screen.listcodec import CodecError, decode, encode
from sanctions_screen.sources import load_list

from .conftest import BUNDLED, SHARED_DATA

EXCERPTS = SHARED_DATA / "ofac" / "excerpts"


@pytest.fixture
def ofac_copy(tmp_path: Path) -> Path:
    """A writable copy of the DPRK 2022 OFAC excerpt, so a test can change a file."""
    target = tmp_path / "ofac"
    shutil.copytree(EXCERPTS, target)
    return target / "dprk_2022_sdn.csv"


def cache_files(directory: Path) -> list[Path]:
    return sorted(p for p in directory.glob("*.bin"))


def test_codec_round_trips_a_real_list() -> None:
    original = load_list(EXCERPTS / "dprk_2022_sdn.csv")
    assert decode(encode(original)) == original


def test_warm_load_equals_cold_load(tmp_path: Path, ofac_copy: Path) -> None:
    cold = cache.load_list_cached(ofac_copy, tmp_path / "c")
    assert len(cache_files(tmp_path / "c")) == 1
    warm = cache.load_list_cached(ofac_copy, tmp_path / "c")
    assert warm == cold == load_list(ofac_copy)


def test_warm_load_does_not_parse(
    tmp_path: Path, ofac_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache.load_list_cached(ofac_copy, tmp_path / "c")

    def no_parsing(path: Path) -> None:
        raise AssertionError("parsed although the cache is fresh")

    monkeypatch.setattr(cache, "load_list", no_parsing)
    assert len(cache.load_list_cached(ofac_copy, tmp_path / "c").entries) == 43


def test_a_changed_companion_file_invalidates_the_cache(tmp_path: Path, ofac_copy: Path) -> None:
    first = cache.load_list_cached(ofac_copy, tmp_path / "c")
    alt = ofac_copy.with_name("dprk_2022_alt.csv")
    alt.write_bytes(alt.read_bytes().replace(b"ZIL-M LLC", b"ZIL-M LTD"))
    os.utime(alt, ns=(1, 1))
    second = cache.load_list_cached(ofac_copy, tmp_path / "c")
    assert second != first
    assert second == load_list(ofac_copy)


def test_a_changed_main_file_invalidates_the_cache(tmp_path: Path, ofac_copy: Path) -> None:
    cache.load_list_cached(ofac_copy, tmp_path / "c")
    lines = ofac_copy.read_bytes().split(b"\r\n")
    ofac_copy.write_bytes(b"\r\n".join(lines[:10]))
    assert len(cache.load_list_cached(ofac_copy, tmp_path / "c").entries) == 10


@pytest.mark.parametrize(
    "damage",
    [
        lambda b: b[: len(b) // 2],  # truncated
        lambda b: b"",  # empty
        lambda b: b[:-1] + bytes([b[-1] ^ 0xFF]),  # one byte flipped in the payload
        lambda b: b"garbage" * 100,  # not a cache file at all
        lambda b: b[:6] + bytes(32) + b[38:],  # key zeroed
    ],
)
def test_a_damaged_cache_file_is_rebuilt_silently(
    tmp_path: Path, ofac_copy: Path, damage: Callable[[bytes], bytes]
) -> None:
    expected = cache.load_list_cached(ofac_copy, tmp_path / "c")
    (cache_file,) = cache_files(tmp_path / "c")
    cache_file.write_bytes(damage(cache_file.read_bytes()))
    assert cache.load_list_cached(ofac_copy, tmp_path / "c") == expected
    assert cache.load_list_cached(ofac_copy, tmp_path / "c") == expected  # and rewritten


@settings(max_examples=50, deadline=None)
@given(junk=st.binary(max_size=2000), with_header=st.booleans())
def test_random_cache_bytes_are_ignored(
    tmp_path_factory: pytest.TempPathFactory, junk: bytes, with_header: bool
) -> None:
    target = tmp_path_factory.mktemp("junk") / "x.bin"
    key = cache.cache_key(BUNDLED, "sanctions-screen-yaml")
    target.write_bytes((cache.MAGIC + key if with_header else b"") + junk)
    assert cache._read(target, key) is None


@pytest.mark.parametrize("payload", [("1", 5, 6), [1, 2], "text", ("1", (None,) * 7, ((),))])
def test_a_well_formed_file_with_the_wrong_content_is_ignored(
    tmp_path: Path, payload: object
) -> None:
    key = cache.cache_key(BUNDLED, "sanctions-screen-yaml")
    data = marshal.dumps(payload)
    target = tmp_path / "x.bin"
    target.write_bytes(cache.MAGIC + key + hashlib.sha256(data).digest() + data)
    assert cache._read(target, key) is None


def test_decode_rejects_wrong_shapes() -> None:
    for bad in (None, (), ("1",), ("2", (), ()), ("1", ("x",), ()), ("1", (None,) * 7, ())):
        with pytest.raises(CodecError):
            decode(bad)


def test_an_unwritable_cache_directory_is_not_an_error(tmp_path: Path, ofac_copy: Path) -> None:
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("a file where the cache directory should be")
    loaded = cache.load_list_cached(ofac_copy, blocker / "lists")
    assert len(loaded.entries) == 43


def test_screen_uses_the_cache_and_no_cache_skips_it(ofac_copy: Path) -> None:
    cache_root = Path(os.environ["SANCTIONS_SCREEN_CACHE_DIR"])
    args = ["check", "Zil-M LLC", "--list", str(ofac_copy), "-q"]
    result = CliRunner().invoke(main, [*args, "--no-cache"])
    assert result.exit_code == 1, result.stderr
    assert not cache_root.exists()
    result = CliRunner().invoke(main, args, env={"SANCTIONS_SCREEN_NO_CACHE": "1"})
    assert not cache_root.exists()
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1, result.stderr
    assert len(cache_files(cache_root / "lists")) == 1
