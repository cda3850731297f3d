"""``lists update`` end to end against a real HTTP server on 127.0.0.1.

The server serves the files of the shared data directory in place; each
route can also misbehave the way real servers do.
"""

from __future__ import annotations

import hashlib
import http.server
import json
import shutil
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from click.testing import CliRunner

from sanctions_screen.cli import main
from sanctions_screen.lists_store import current_dir, previous_dir

from .conftest import SHARED_DATA

OFAC = SHARED_DATA / "ofac"
EXCERPTS = OFAC / "excerpts"
LAST_MODIFIED = "Fri, 03 May 2024 12:00:00 GMT"
SLOW_SECONDS = 3.0
CLIENT_TIMEOUT = "0.5"
FULL_SDN_ENTRIES = 14965
SMALL_ENTRIES = 43

Behaviour = Callable[[http.server.BaseHTTPRequestHandler], None]


def serve_file(path: Path) -> Behaviour:
    """200 with ETag and Last-Modified, or 304 when the client already has this version."""

    def behave(handler: http.server.BaseHTTPRequestHandler) -> None:
        body = path.read_bytes()
        etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
        if handler.headers.get("If-None-Match") == etag:
            handler.send_response(304)
            handler.send_header("ETag", etag)
            handler.end_headers()
            return
        _send(handler, 200, body, {"ETag": etag, "Last-Modified": LAST_MODIFIED})

    return behave


def _send(
    handler: http.server.BaseHTTPRequestHandler,
    status: int,
    body: bytes,
    headers: dict[str, str] | None = None,
    length: int | None = None,
) -> None:
    handler.send_response(status)
    handler.send_header("Content-Length", str(len(body) if length is None else length))
    for key, value in (headers or {}).items():
        handler.send_header(key, value)
    handler.end_headers()
    handler.wfile.write(body)


def truncated(path: Path) -> Behaviour:
    def behave(handler: http.server.BaseHTTPRequestHandler) -> None:
        body = path.read_bytes()
        _send(handler, 200, body[: len(body) // 2], length=len(body))
        handler.close_connection = True

    return behave


def fixed(status: int, body: bytes) -> Behaviour:
    return lambda handler: _send(handler, status, body, {"Content-Type": "text/html"})


def slow(handler: http.server.BaseHTTPRequestHandler) -> None:
    time.sleep(SLOW_SECONDS)
    _send(handler, 200, b"too late")


@dataclass
class Server:
    base: str
    routes: dict[str, Behaviour]
    log: list[tuple[str, int]] = field(default_factory=list)

    def statuses(self, path: str) -> list[int]:
        return [status for p, status in self.log if p == path]


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[Server]:
    for var in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("no_proxy", "127.0.0.1")
    routes: dict[str, Behaviour] = {}
    log: list[tuple[str, int]] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            behave = routes.get(self.path)
            if behave is None:
                _send(self, 404, b"not found")
            else:
                behave(self)

        def send_response(self, code: int, message: str | None = None) -> None:
            log.append((self.path, code))
            super().send_response(code, message)

        def log_message(self, format: str, *args: object) -> None:
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    httpd.block_on_close = False  # a slow handler must not hold up the test's end
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield Server(f"http://127.0.0.1:{httpd.server_address[1]}", routes, log)
    finally:
        httpd.shutdown()
        httpd.server_close()


def full_sdn(server: Server, prefix: str = "/ofac") -> str:
    for name in ("sdn.csv", "alt.csv", "add.csv", "sdn_comments.csv"):
        server.routes[f"{prefix}/{name}"] = serve_file(OFAC / name)
    return f"{server.base}{prefix}/sdn.csv"


def small_sdn(server: Server, prefix: str = "/small") -> str:
    """The 43 DPRK 2022 rows: a real OFAC file far smaller than the full list."""
    for name, file in (
        ("sdn.csv", "dprk_2022_sdn.csv"),
        ("alt.csv", "dprk_2022_alt.csv"),
        ("add.csv", "dprk_2022_add.csv"),
    ):
        server.routes[f"{prefix}/{name}"] = serve_file(EXCERPTS / file)
    server.routes[f"{prefix}/sdn_comments.csv"] = serve_file(OFAC / "sdn_comments.csv")
    return f"{server.base}{prefix}/sdn.csv"


def run_update(*args: str, url: str | None = None) -> tuple[int, str, str]:
    env = {"SANCTIONS_SCREEN_URL_OFAC_SDN": url} if url else {}
    result = CliRunner().invoke(
        main, ["lists", "update", "ofac-sdn", "--timeout", CLIENT_TIMEOUT, *args], env=env
    )
    return result.exit_code, result.stdout, result.stderr


def data_root() -> Path:
    import os

    return Path(os.environ["SANCTIONS_SCREEN_DATA_DIR"])


@pytest.fixture(scope="module")
def installed_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data directory holding the full SDN as a first update left it (made once)."""
    return tmp_path_factory.mktemp("template")


@pytest.fixture
def installed(server: Server, installed_template: Path) -> Path:
    """This test's data directory with the full SDN installed, copied from the template."""
    template_lists = installed_template / "data"
    if not template_lists.exists():
        code, _, err = run_update(url=full_sdn(server))
        assert code == 0, err
        shutil.copytree(data_root(), template_lists)
    else:
        shutil.rmtree(data_root(), ignore_errors=True)
        shutil.copytree(template_lists, data_root())
    return current_dir("ofac-sdn", data_root())


def snapshot(directory: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(directory.iterdir())}


def test_first_update_installs_and_records_the_download(server: Server) -> None:
    code, out, err = run_update(url=full_sdn(server))
    assert code == 0, err
    assert out == ""
    assert "ofac-sdn: updated: 14,965 entries, as of 2024-05-03" in err
    current = current_dir("ofac-sdn", data_root())
    meta = json.loads((current / "source.json").read_text())
    assert meta["entries"] == FULL_SDN_ENTRIES
    assert meta["as_of"] == "2024-05-03"  # the server's Last-Modified: the CSV has no date
    assert meta["files"]["sdn.csv"]["etag"]
    assert sorted(meta["files"]) == ["add.csv", "alt.csv", "sdn.csv", "sdn_comments.csv"]
    assert (current / "sdn.csv").read_bytes() == (OFAC / "sdn.csv").read_bytes()


def test_a_plain_screen_then_uses_the_updated_list(server: Server, installed: Path) -> None:
    result = CliRunner().invoke(main, ["check", "Zil-M LLC", "--format", "json"])
    assert result.exit_code == 1, result.stderr
    report = json.loads(result.stdout)
    assert [lst["entries"] for lst in report["lists"]] == [FULL_SDN_ENTRIES]
    assert report["lists"][0]["as_of"] == "2024-05-03"
    assert report["lists"][0]["path"] == str(installed / "sdn.csv")
    assert "as of 2024-05-03" in result.stderr


def test_unchanged_list_is_not_downloaded_again(server: Server, installed: Path) -> None:
    before = snapshot(installed)
    code, _, err = run_update(url=full_sdn(server))
    assert code == 0, err
    assert "unchanged" in err
    assert server.statuses("/ofac/sdn.csv") == [304]
    assert snapshot(installed) == before
    assert not previous_dir("ofac-sdn", data_root()).exists()


@pytest.mark.parametrize(
    ("behaviour", "message"),
    [
        (None, "HTTP 404"),
        ("truncated", "cut short"),
        ("garbage", "not a list format"),
        ("html", "sent a web page, not the list"),
        ("slow", "no answer from"),
    ],
)
def test_a_failed_download_leaves_the_current_copy_untouched(
    server: Server, installed: Path, behaviour: str | None, message: str
) -> None:
    before = snapshot(installed)
    url = f"{server.base}/bad/sdn.csv"
    for name in ("alt.csv", "add.csv", "sdn_comments.csv"):
        server.routes[f"/bad/{name}"] = serve_file(OFAC / name)
    routes: dict[str, Behaviour] = {
        "truncated": truncated(OFAC / "sdn.csv"),
        "garbage": fixed(200, bytes(range(256)) * 64),
        "html": fixed(200, b"<!DOCTYPE html><html><body>Service unavailable</body></html>"),
        "slow": slow,
    }
    if behaviour is not None:
        server.routes["/bad/sdn.csv"] = routes[behaviour]
    code, out, err = run_update(url=url)
    assert code == 3
    assert out == ""
    line = err.strip()
    assert line.startswith("sanctions-screen: error: ofac-sdn: ")
    assert message in line
    assert "the current copy is untouched" in line
    assert "\n" not in line
    assert snapshot(installed) == before
    assert not any(p.name.startswith(".incoming") for p in data_root().iterdir())


def test_a_failed_first_download_installs_nothing(server: Server) -> None:
    code, _, err = run_update(url=f"{server.base}/nowhere/sdn.csv")
    assert code == 3
    assert err.endswith(
        f"HTTP 404 Not Found from {server.base}/nowhere/sdn.csv; nothing was installed\n"
    )
    assert not current_dir("ofac-sdn", data_root()).exists()


def test_an_implausibly_small_list_is_refused(server: Server, installed: Path) -> None:
    before = snapshot(installed)
    code, _, err = run_update(url=small_sdn(server))
    assert code == 3
    assert f"refusing the new copy: {SMALL_ENTRIES} entries against {FULL_SDN_ENTRIES}" in err
    assert "--force" in err
    assert snapshot(installed) == before


def test_force_accepts_a_small_list_and_keeps_the_previous_copy(
    server: Server, installed: Path
) -> None:
    before = snapshot(installed)
    code, _, err = run_update("--force", url=small_sdn(server))
    assert code == 0, err
    assert f"updated: {SMALL_ENTRIES} entries" in err
    assert json.loads((installed / "source.json").read_text())["entries"] == SMALL_ENTRIES
    assert snapshot(previous_dir("ofac-sdn", data_root())) == before


def test_url_option_overrides_the_environment(server: Server) -> None:
    result = CliRunner().invoke(
        main,
        ["lists", "update", "ofac-sdn", "--url", f"ofac-sdn={small_sdn(server)}"],
        env={"SANCTIONS_SCREEN_URL_OFAC_SDN": f"{server.base}/nowhere/sdn.csv"},
    )
    assert result.exit_code == 0, result.stderr
    assert f"{SMALL_ENTRIES} entries" in result.stderr


def test_one_failing_source_does_not_stop_the_others(server: Server) -> None:
    result = CliRunner().invoke(
        main,
        ["lists", "update", "ofac-sdn", "ofac-cons", "--timeout", CLIENT_TIMEOUT],
        env={
            "SANCTIONS_SCREEN_URL_OFAC_SDN": small_sdn(server),
            "SANCTIONS_SCREEN_URL_OFAC_CONS": f"{server.base}/nowhere/cons_prim.csv",
        },
    )
    assert result.exit_code == 3
    assert "ofac-sdn: updated" in result.stderr
    assert "error: ofac-cons: download failed: HTTP 404" in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["nonsense"], "unknown list source nonsense"),
        (["--url", "nonsense"], "is not SOURCE=URL"),
        (["--url", "ofac-sdn=ftp://example.org/sdn.csv"], "only http and https"),
    ],
)
def test_bad_update_arguments(args: list[str], message: str) -> None:
    result = CliRunner().invoke(main, ["lists", "update", *args])
    assert result.exit_code in (2, 3)
    assert message in result.stderr


def test_addresses_from_sources_yaml_in_the_data_directory(server: Server) -> None:
    data_root().mkdir(parents=True, exist_ok=True)
    (data_root() / "sources.yaml").write_text(f"ofac-sdn: {small_sdn(server)}\n")
    code, _, err = run_update()
    assert code == 0, err
    assert f"{SMALL_ENTRIES} entries" in err
    code, _, err = run_update(url=f"{server.base}/nowhere/sdn.csv")  # the variable wins
    assert code == 3
    assert "HTTP 404" in err


@pytest.mark.parametrize("content", ["nonsense: http://x/\n", "- a list\n", "ofac-sdn: [1]\n"])
def test_a_bad_sources_yaml_is_a_usage_error(content: str) -> None:
    data_root().mkdir(parents=True, exist_ok=True)
    (data_root() / "sources.yaml").write_text(content)
    code, _, err = run_update()
    assert code == 2
    assert err.startswith(f"sanctions-screen: error: {data_root() / 'sources.yaml'}: expected")


def test_ctrl_c_during_a_download_leaves_the_current_copy_untouched(
    server: Server, installed: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = snapshot(installed)

    def interrupted(url: str, dest: Path, **kwargs: object) -> None:
        dest.write_bytes(b"half a file")
        raise KeyboardInterrupt

    monkeypatch.setattr("sanctions_screen.update.fetch", interrupted)
    code, _, err = run_update(url=full_sdn(server))
    assert code == 130
    assert err == "sanctions-screen: interrupted; ofac-sdn: the current copy is untouched\n"
    assert snapshot(installed) == before
    assert not any(p.name.startswith(".incoming") for p in data_root().iterdir())


def test_an_oversized_download_is_refused(server: Server, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sanctions_screen.download.MAX_DOWNLOAD_BYTES", 1000)
    code, _, err = run_update(url=full_sdn(server))
    assert code == 3
    assert "is larger than 1,000 bytes" in err
    assert not current_dir("ofac-sdn", data_root()).exists()


def test_a_second_update_of_the_same_source_waits_its_turn(server: Server) -> None:
    import fcntl

    data_root().mkdir(parents=True, exist_ok=True)
    with (data_root() / ".lock-ofac-sdn").open("a") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        code, _, err = run_update(url=small_sdn(server))
    assert code == 3
    assert "ofac-sdn: another `lists update` of this source is running" in err
    assert run_update(url=small_sdn(server))[0] == 0
