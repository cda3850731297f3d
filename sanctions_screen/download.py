"""Fetch one file over HTTP(S) with the standard library, conditionally and completely.

Every way a download can go wrong becomes a :class:`~.errors.ListError`
naming the address: an HTTP error status, no answer within the timeout, a
connection that drops, or a body shorter than its ``Content-Length``
(``http.client`` does not raise for that when reading in chunks, so the
bytes are counted here).
"""

from __future__ import annotations

import email.utils
import http.client
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from . import __version__
from .errors import ListError

DEFAULT_TIMEOUT_SECONDS = 30.0  # longest wait for a connection or for the next bytes
CHUNK_BYTES = 64 * 1024
# The biggest official file (OFAC's SDN_ENHANCED.XML) is well under 100 MB; anything
# past this is a misbehaving server, and must not fill the disk.
MAX_DOWNLOAD_BYTES = 1 << 30
ALLOWED_SCHEMES = ("http", "https")
USER_AGENT = f"sanctions-screen/{__version__} (+lists update)"
HTTP_NOT_MODIFIED = 304


class ProgressSink(Protocol):
    """Where download progress goes; the CLI shows it as a bar on a terminal."""

    def start(self, label: str, total: int | None) -> None: ...

    def advance(self, size: int) -> None: ...

    def finish(self) -> None: ...


@dataclass(frozen=True, slots=True)
class Validators:
    """What the server said identifies this version, sent back on the next request."""

    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True, slots=True)
class Fetched:
    modified: bool  # False: the server answered 304 and nothing was written
    validators: Validators
    size: int = 0


def fetch(
    url: str,
    dest: Path,
    *,
    validators: Validators | None = None,
    timeout: float = DEFAULT_TIMEOUT_SECONDS,
    progress: ProgressSink | None = None,
) -> Fetched:
    """Download ``url`` into ``dest``, or report that it has not changed since ``validators``."""
    scheme = urllib.parse.urlsplit(url).scheme.lower()
    if scheme not in ALLOWED_SCHEMES:
        raise ListError(
            f"cannot download {url}: only http and https addresses are supported",
            hint="fix the address, or point --list at a local file",
        )
    request = urllib.request.Request(url, headers=_headers(validators))
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            got = Validators(response.headers.get("ETag"), response.headers.get("Last-Modified"))
            size = _save(response, url, dest, timeout, progress)
            return Fetched(True, got, size)
    except urllib.error.HTTPError as exc:
        if exc.code == HTTP_NOT_MODIFIED and validators is not None:
            return Fetched(False, validators)
        raise ListError(f"download failed: HTTP {exc.code} {exc.reason} from {url}") from exc
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, TimeoutError):
            raise _timed_out(url, timeout) from exc
        raise ListError(f"download failed: cannot reach {url} ({reason})") from exc
    except TimeoutError as exc:
        raise _timed_out(url, timeout) from exc
    except (http.client.HTTPException, ConnectionError) as exc:
        raise ListError(f"download failed: connection to {url} broke ({exc!r})") from exc


def _headers(validators: Validators | None) -> dict[str, str]:
    headers = {"User-Agent": USER_AGENT, "Accept-Encoding": "identity"}
    if validators is not None:
        if validators.etag:
            headers["If-None-Match"] = validators.etag
        if validators.last_modified:
            headers["If-Modified-Since"] = validators.last_modified
    return headers


def _save(
    response: http.client.HTTPResponse,
    url: str,
    dest: Path,
    timeout: float,
    progress: ProgressSink | None,
) -> int:
    length_header = response.headers.get("Content-Length")
    expected = int(length_header) if length_header and length_header.isdigit() else None
    if expected is not None and expected > MAX_DOWNLOAD_BYTES:
        raise _too_big(url)
    received = 0
    if progress is not None:
        progress.start(dest.name, expected)
    try:
        with dest.open("wb") as out:
            while chunk := response.read(CHUNK_BYTES):
                out.write(chunk)
                received += len(chunk)
                if received > MAX_DOWNLOAD_BYTES:
                    raise _too_big(url)
                if progress is not None:
                    progress.advance(len(chunk))
    except OSError as exc:
        if isinstance(exc, TimeoutError):
            raise _timed_out(url, timeout) from exc
        raise ListError(f"download failed: {url}: {exc}") from exc
    finally:
        if progress is not None:
            progress.finish()
    if expected is not None and received != expected:
        raise ListError(
            f"download failed: {url} was cut short ({received} of {expected} bytes)",
            hint="try again later",
        )
    return received


def _too_big(url: str) -> ListError:
    return ListError(f"download failed: {url} is larger than {MAX_DOWNLOAD_BYTES:,} bytes")


def _timed_out(url: str, timeout: float) -> ListError:
    return ListError(
        f"download failed: no answer from {url} within {timeout:g} s",
        hint="try again later or raise --timeout",
    )


def http_date_to_iso(value: str | None) -> str | None:
    """``Last-Modified: Fri, 03 May 2024 14:00:00 GMT`` as ``2024-05-03``; None if unparseable."""
    if not value:
        return None
    try:
        return email.utils.parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError):
        return None
