"""The parsed-list cache: read a big official list once, load it fast afterwards.

One cache file per list path, in the per-user cache directory. It holds a
key (sha256 of the list's bytes, the tool version, the reader and the
Python version), a sha256 of the payload, and the list as ``marshal``-ed
plain tuples (:mod:`.listcodec`). A file whose key or checksum does not
match, or that does not decode, is ignored and rewritten: the cache is
rebuilt silently, never trusted blindly, and never fatal. An unwritable
cache directory only means every load is a cold load.

What the key covers: the bytes of the list file (or of every file in a list
directory) and, for a single file, the name, size and modification time of
the files beside it, because a reader may read companions such as
``alt.csv`` next to ``sdn.csv``.
"""

from __future__ import annotations

import dataclasses
import hashlib
import marshal
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from . import __version__
from .listcodec import decode, encode
from .models import SanctionsList
from .paths import cache_dir
from .sources import load_list, reader_for

MAGIC = b"SSLC1\n"  # sanctions-screen list cache, layout 1
DIGEST_SIZE = 32  # bytes of a raw sha256
HASH_CHUNK = 1 << 20
CACHE_SUBDIR = "lists"


def cached_loader(directory: Path | None = None) -> Callable[[Path], SanctionsList]:
    """A drop-in for :func:`load_list` that goes through the cache in ``directory``."""
    if directory is None:
        try:
            directory = cache_dir() / CACHE_SUBDIR
        except RuntimeError:  # no home directory to put a cache in: load without one
            return load_list
    where = directory

    def load(path: Path) -> SanctionsList:
        return load_list_cached(path, where)

    return load


def load_list_cached(path: Path, directory: Path) -> SanctionsList:
    """Like :func:`load_list`, but from the cache when the files have not changed."""
    if not path.exists():
        return load_list(path)  # the reader's error names the missing path
    reader = reader_for(path).format_name
    try:
        key = cache_key(path, reader)
    except OSError:
        return load_list(path)
    cache_file = directory / _file_name(path, reader)
    cached = _read(cache_file, key)
    if cached is not None:
        return dataclasses.replace(cached, meta=dataclasses.replace(cached.meta, path=str(path)))
    loaded = load_list(path)
    _write(cache_file, key, loaded)
    return loaded


def cache_key(path: Path, reader: str) -> bytes:
    digest = hashlib.sha256()
    for part in (__version__, reader, sys.version, str(marshal.version)):
        digest.update(part.encode() + b"\0")
    if path.is_dir():
        for member in sorted(p for p in path.iterdir() if p.is_file()):
            digest.update(member.name.encode() + b"\0")
            _hash_file(member, digest)
        return digest.digest()
    _hash_file(path, digest)
    for sibling in sorted(p for p in path.parent.iterdir() if p != path and p.is_file()):
        stat = sibling.stat()
        digest.update(f"{sibling.name}\0{stat.st_size}\0{stat.st_mtime_ns}\0".encode())
    return digest.digest()


def _hash_file(path: Path, digest: hashlib._Hash) -> None:
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(HASH_CHUNK), b""):
            digest.update(chunk)


def _file_name(path: Path, reader: str) -> str:
    where = f"{path.resolve()}\0{reader}".encode()
    return hashlib.sha256(where).hexdigest()[:32] + ".bin"


def _read(cache_file: Path, key: bytes) -> SanctionsList | None:
    try:
        data = cache_file.read_bytes()
    except OSError:
        return None
    header = len(MAGIC) + 2 * DIGEST_SIZE
    if len(data) < header or not data.startswith(MAGIC):
        return None
    stored_key = data[len(MAGIC) : len(MAGIC) + DIGEST_SIZE]
    checksum = data[len(MAGIC) + DIGEST_SIZE : header]
    payload = data[header:]
    if stored_key != key or hashlib.sha256(payload).digest() != checksum:
        return None
    try:
        return decode(marshal.loads(payload))
    except Exception:  # CodecError, EOFError, ...: a cache must never be why a screen fails
        return None


def _write(cache_file: Path, key: bytes, sanctions_list: SanctionsList) -> None:
    """Write atomically; any failure leaves the cache as it was and is not an error."""
    try:
        payload = marshal.dumps(encode(sanctions_list))
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=cache_file.parent)
    except (OSError, ValueError):
        return
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(MAGIC + key + hashlib.sha256(payload).digest() + payload)
        os.replace(tmp, cache_file)
    except OSError:
        Path(tmp).unlink(missing_ok=True)
