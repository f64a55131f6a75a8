"""``dicomkit codegen fetch``: downloads from a local HTTP server serving real parts, and imports.

The server (``http.server.ThreadingHTTPServer`` on 127.0.0.1) serves the real files of the shared
standard folder under NEMA's paths, honours ``Range`` and can misbehave on purpose: drop the
connection mid-body, ignore ``Range``, flip bytes, serve another file.
"""

from __future__ import annotations

import importlib.util
import io
import json
import shutil
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from dicomkit.codegen.errors import CodegenError, FetchError
from dicomkit.codegen.fetch import (
    DEFAULT_PARTS,
    Fetcher,
    Progress,
    check_docbook,
    content_range,
    url_of,
)
from dicomkit.codegen.manifest import Entry, Manifest
from dicomkit.codegen.sha import sha256_file, sha256_folder, size_part
from tests.conftest import missing

NEMA_PATH = "/medical/dicom"


@dataclass
class Misbehaviour:
    """How the test server departs from a well-behaved one."""

    drop_after: int | None = None  # close the connection after this many body bytes ...
    drops: int = 1  # ... on this many requests (then serve normally)
    ignore_range: bool = False  # answer 200 with the whole body to Range requests
    corrupt: bool = False  # flip some bytes of the body (same length)


@dataclass
class PartServer:
    """A local HTTP server for real parts; records every request as (path, Range, status)."""

    files: dict[str, bytes]
    bad: Misbehaviour = field(default_factory=Misbehaviour)
    requests: list[tuple[str, str | None, int]] = field(default_factory=list)
    httpd: ThreadingHTTPServer | None = None

    @property
    def base_url(self) -> str:
        assert self.httpd is not None
        host, port = self.httpd.server_address[:2]
        return f"http://{host!s}:{port}{NEMA_PATH}"

    def handler(self) -> type[BaseHTTPRequestHandler]:
        owner = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:
                pass

            def _reply(self, status: int, body: bytes, headers: dict[str, str]) -> None:
                owner.requests.append((self.path, self.headers.get("Range"), status))
                self.send_response(status)
                for k, v in headers.items():
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self) -> None:
                body = owner.files.get(self.path)
                if body is None:
                    page = b"<html><body><h1>404 Not Found</h1></body></html>"
                    self._reply(404, page, {"Content-Type": "text/html"})
                    return
                bad = owner.bad
                if bad.corrupt:
                    flipped = bytearray(body)
                    for i in range(len(flipped) // 3, len(flipped), 50_000):
                        flipped[i] ^= 0x20
                    body = bytes(flipped)
                start = 0
                rng = self.headers.get("Range")
                status, headers = 200, {"Content-Type": "application/xml"}
                if rng and not bad.ignore_range:
                    start = int(rng.removeprefix("bytes=").rstrip("-"))
                    if start >= len(body):
                        self._reply(416, b"", {"Content-Range": f"bytes */{len(body)}"})
                        return
                    status = 206
                    headers["Content-Range"] = f"bytes {start}-{len(body) - 1}/{len(body)}"
                rest = body[start:]
                if bad.drop_after is not None and bad.drops > 0:
                    bad.drops -= 1
                    owner.requests.append((self.path, rng, status))
                    self.send_response(status)
                    for k, v in headers.items():
                        self.send_header(k, v)
                    self.send_header("Content-Length", str(len(rest)))
                    self.end_headers()
                    self.wfile.write(rest[: bad.drop_after])
                    self.wfile.flush()
                    self.close_connection = True
                    return
                self._reply(status, rest, headers)

        return Handler


@pytest.fixture
def serve(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[..., PartServer]]:
    """Start a server for ``{url path: bytes}``; every server started is stopped afterwards."""
    for var in ("http_proxy", "HTTP_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")
    started: list[tuple[ThreadingHTTPServer, threading.Thread]] = []

    def start(files: dict[str, bytes], bad: Misbehaviour | None = None) -> PartServer:
        server = PartServer(files, bad or Misbehaviour())
        httpd = ThreadingHTTPServer(("127.0.0.1", 0), server.handler())
        httpd.daemon_threads = True
        server.httpd = httpd
        thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
        thread.start()
        started.append((httpd, thread))
        return server

    yield start
    for httpd, thread in started:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


def docbook_path(edition: str, part: int) -> str:
    """The URL path of a DocBook part under the test server's NEMA-like tree."""
    return f"{NEMA_PATH}/{edition}/source/docbook/part{part:02d}/part{part:02d}.xml"


def make_fetcher(tmp_path: Path, edition: str, server: PartServer | None = None,
                 stream: io.StringIO | None = None, retries: int = 3) -> Fetcher:
    return Fetcher(edition=edition, cache=tmp_path / "cache",
                   manifest=Manifest.load(tmp_path / "manifest.json"),
                   base_url=server.base_url if server else "http://127.0.0.1:9",
                   stream=stream if stream is not None else io.StringIO(),
                   retries=retries, backoff=0.0, timeout=10.0)


def leftovers(cache: Path) -> list[str]:
    """Names in the cache that are partial or temporary."""
    return sorted(p.name for p in cache.rglob("*") if p.name.endswith((".part", ".old")))


class TTY(io.StringIO):
    """A text stream that says it is a terminal, as stderr in a console does."""

    def isatty(self) -> bool:
        return True


# --- downloads ---------------------------------------------------------------------------------


def test_clean_download_equals_source_and_is_recorded(serve, part_path, tmp_path):
    src = part_path("2024c", 8)
    server = serve({docbook_path("2024c", 8): src.read_bytes()})
    log = io.StringIO()
    outcome = make_fetcher(tmp_path, "2024c", server, log).download(8)
    dest = tmp_path / "cache" / "2024c" / "part08.xml"
    assert outcome.path == dest and outcome.status == "recorded"
    assert dest.read_bytes() == src.read_bytes()
    assert leftovers(tmp_path / "cache") == []
    recorded = Manifest.load(tmp_path / "manifest.json").get("2024c", 8, "docbook")
    assert recorded == Entry(sha256_file(src), src.stat().st_size)
    assert server.requests == [(docbook_path("2024c", 8), None, 200)]
    # not a terminal: one line when the part starts, one when it ends
    lines = log.getvalue().splitlines()
    assert len(lines) == 2 and "\r" not in log.getvalue()
    assert lines[0] == f"PS3.8 2024c (docbook): fetching {server.base_url}" \
                       f"/2024c/source/docbook/part08/part08.xml"
    assert lines[1].startswith("PS3.8 2024c (docbook): done, 398.0 KiB in ")
    assert "recorded in the manifest" in lines[1] and "/s)" in lines[1]


def test_download_is_verified_against_a_known_manifest_entry(serve, part_path, tmp_path):
    src = part_path("2024c", 8)
    manifest = Manifest(tmp_path / "manifest.json")
    manifest.set("2024c", 8, "docbook", Entry(sha256_file(src), src.stat().st_size))
    manifest.save()
    before = (tmp_path / "manifest.json").read_bytes()
    server = serve({docbook_path("2024c", 8): src.read_bytes()})
    outcome = make_fetcher(tmp_path, "2024c", server).download(8)
    assert outcome.status == "verified"
    assert (tmp_path / "manifest.json").read_bytes() == before


def test_dropped_connection_is_resumed_with_range_and_gives_identical_bytes(
        serve, part_path, tmp_path):
    src = part_path("2024c", 7)
    body = src.read_bytes()
    server = serve({docbook_path("2024c", 7): body}, Misbehaviour(drop_after=100_000))
    log = io.StringIO()
    make_fetcher(tmp_path, "2024c", server, log).download(7)
    assert (tmp_path / "cache" / "2024c" / "part07.xml").read_bytes() == body
    assert server.requests == [(docbook_path("2024c", 7), None, 200),
                               (docbook_path("2024c", 7), "bytes=100000-", 206)]
    assert f"connection closed after 100000 of {len(body)} bytes; retrying" in log.getvalue()
    assert leftovers(tmp_path / "cache") == []


def test_server_ignoring_range_on_resume_restarts_from_the_start(serve, part_path, tmp_path):
    src = part_path("2024c", 7)
    body = src.read_bytes()
    server = serve({docbook_path("2024c", 7): body},
                   Misbehaviour(drop_after=150_000, ignore_range=True))
    log = io.StringIO()
    make_fetcher(tmp_path, "2024c", server, log).download(7)
    assert (tmp_path / "cache" / "2024c" / "part07.xml").read_bytes() == body
    assert [r[1:] for r in server.requests] == [(None, 200), ("bytes=150000-", 200)]
    assert "server ignored the range request" in log.getvalue()


def test_partial_file_of_an_earlier_run_is_resumed(serve, part_path, tmp_path):
    src = part_path("2024c", 8)
    body = src.read_bytes()
    partial = tmp_path / "cache" / "2024c" / "part08.xml.part"
    partial.parent.mkdir(parents=True)
    partial.write_bytes(body[:123_456])
    server = serve({docbook_path("2024c", 8): body})
    make_fetcher(tmp_path, "2024c", server).download(8)
    assert server.requests == [(docbook_path("2024c", 8), "bytes=123456-", 206)]
    assert (tmp_path / "cache" / "2024c" / "part08.xml").read_bytes() == body
    assert not partial.exists()


def test_416_for_an_already_complete_partial_file_is_accepted(serve, part_path, tmp_path):
    src = part_path("2024c", 8)
    body = src.read_bytes()
    partial = tmp_path / "cache" / "2024c" / "part08.xml.part"
    partial.parent.mkdir(parents=True)
    partial.write_bytes(body)
    server = serve({docbook_path("2024c", 8): body})
    make_fetcher(tmp_path, "2024c", server).download(8)
    assert [r[2] for r in server.requests] == [416]
    assert (tmp_path / "cache" / "2024c" / "part08.xml").read_bytes() == body


def test_416_for_an_oversized_partial_file_starts_over(serve, part_path, tmp_path):
    src = part_path("2024c", 8)
    body = src.read_bytes()
    partial = tmp_path / "cache" / "2024c" / "part08.xml.part"
    partial.parent.mkdir(parents=True)
    partial.write_bytes(body + b"garbage")
    server = serve({docbook_path("2024c", 8): body})
    make_fetcher(tmp_path, "2024c", server).download(8)
    assert [r[1:] for r in server.requests] == [(f"bytes={len(body) + 7}-", 416), (None, 200)]
    assert (tmp_path / "cache" / "2024c" / "part08.xml").read_bytes() == body


def test_exhausted_retries_keep_the_partial_file_for_the_next_run(serve, part_path, tmp_path):
    src = part_path("2024c", 8)
    body = src.read_bytes()
    server = serve({docbook_path("2024c", 8): body}, Misbehaviour(drop_after=40_000, drops=3))
    with pytest.raises(FetchError) as err:
        make_fetcher(tmp_path, "2024c", server, retries=2).download(8)
    partial = tmp_path / "cache" / "2024c" / "part08.xml.part"
    assert "failed after 3 attempts" in str(err.value) and "next run resumes" in str(err.value)
    assert err.value.url == server.base_url + "/2024c/source/docbook/part08/part08.xml"
    assert partial.read_bytes() == body[:120_000]  # three attempts, each resumed
    assert not (tmp_path / "cache" / "2024c" / "part08.xml").exists()
    make_fetcher(tmp_path, "2024c", server).download(8)  # the server behaves now
    assert server.requests[-1][1:] == ("bytes=120000-", 206)
    assert (tmp_path / "cache" / "2024c" / "part08.xml").read_bytes() == body


def test_corrupted_body_is_rejected_by_sha256_and_nothing_is_kept(serve, part_path, tmp_path):
    src = part_path("2024c", 8)
    manifest = Manifest(tmp_path / "manifest.json")
    manifest.set("2024c", 8, "docbook", Entry(sha256_file(src), src.stat().st_size))
    manifest.save()
    server = serve({docbook_path("2024c", 8): src.read_bytes()}, Misbehaviour(corrupt=True))
    with pytest.raises(FetchError) as err:
        make_fetcher(tmp_path, "2024c", server).download(8)
    message = str(err.value)
    assert f"expected sha256 {sha256_file(src)} and {src.stat().st_size} bytes" in message
    assert "got sha256 " in message and "Fetch it again" in message
    assert server.base_url + "/2024c/source/docbook/part08/part08.xml" in message
    assert not (tmp_path / "cache" / "2024c" / "part08.xml").exists()
    assert leftovers(tmp_path / "cache") == []
    # the manifest keeps what it knew
    assert Manifest.load(tmp_path / "manifest.json").get("2024c", 8, "docbook") == Entry(
        sha256_file(src), src.stat().st_size)


def test_body_naming_another_edition_is_refused(serve, part_path, tmp_path):
    other = part_path("2024a", 7)  # the real PS3.7 of 2024a, served as 2024c
    server = serve({docbook_path("2024c", 7): other.read_bytes()})
    with pytest.raises(FetchError, match=r"names itself PS3\.7 2024a .* not PS3\.7 2024c"):
        make_fetcher(tmp_path, "2024c", server).download(7)
    assert list((tmp_path / "cache").rglob("*.xml*")) == []
    assert not (tmp_path / "manifest.json").exists()


def test_body_naming_another_part_is_refused(serve, part_path, tmp_path):
    server = serve({docbook_path("2024c", 8): part_path("2024c", 7).read_bytes()})
    with pytest.raises(FetchError, match=r"names itself PS3\.7 2024c .* not PS3\.8 2024c"):
        make_fetcher(tmp_path, "2024c", server).download(8)
    assert list((tmp_path / "cache").rglob("*.xml*")) == []


def test_html_error_page_served_with_200_is_refused(serve, tmp_path):
    page = (b"<!DOCTYPE html>\n<html><head><title>Service Unavailable</title></head>"
            b"<body><p>The site is down for maintenance.</p></body></html>")
    server = serve({docbook_path("2024c", 8): page})
    with pytest.raises(FetchError, match=r"root element is <html>, not DocBook's <book>"):
        make_fetcher(tmp_path, "2024c", server).download(8)
    assert list((tmp_path / "cache").rglob("*.xml*")) == []


def test_non_xml_body_is_refused(serve, tmp_path):
    server = serve({docbook_path("2024c", 8): b"Service temporarily unavailable\n"})
    with pytest.raises(FetchError, match="not well-formed XML"):
        make_fetcher(tmp_path, "2024c", server).download(8)
    assert list((tmp_path / "cache").rglob("*.xml*")) == []


def test_404_gives_a_clear_error_without_retrying(serve, tmp_path):
    server = serve({})
    with pytest.raises(FetchError) as err:
        make_fetcher(tmp_path, "2099z", server).download(8)
    message = str(err.value)
    assert message.startswith(server.base_url + "/2099z/source/docbook/part08/part08.xml -> ")
    assert "HTTP 404" in message and "check the edition name" in message
    assert len(server.requests) == 1
    assert list((tmp_path / "cache").rglob("*part08*")) == []


def test_unreachable_server_fails_after_retries(tmp_path):
    with pytest.raises(FetchError, match="failed after 2 attempts.*nothing was received"):
        make_fetcher(tmp_path, "2024c", retries=1).download(8)


def test_cached_part_is_verified_not_downloaded_again(serve, part_path, tmp_path):
    src = part_path("2024c", 8)
    server = serve({docbook_path("2024c", 8): src.read_bytes()})
    make_fetcher(tmp_path, "2024c", server).download(8)
    outcome = make_fetcher(tmp_path, "2024c", server).download(8)
    assert outcome.status == "verified" and len(server.requests) == 1
    # a cached copy that differs from the manifest is an error, not silently used
    (tmp_path / "cache" / "2024c" / "part08.xml").write_bytes(
        part_path("2024c", 8).read_bytes().replace(b"Network", b"Netw0rk", 1))
    with pytest.raises(FetchError, match="cached copy is not the one the manifest knows"):
        make_fetcher(tmp_path, "2024c", server).download(8)


def test_chtml_download_crawls_every_chunk_of_the_folder(serve, part_path, tmp_path):
    folder = part_path("2024c", 8, "chtml")
    files = {f"{NEMA_PATH}/2024c/output/chtml/part08/{p.name}": p.read_bytes()
             for p in folder.iterdir()}
    server = serve(files)
    outcome = make_fetcher(tmp_path, "2024c", server).download(8, "chtml")
    dest = tmp_path / "cache" / "2024c-chtml" / "part08"
    assert outcome.path == dest and outcome.entry.missing == ()
    assert sha256_folder(dest) == sha256_folder(folder)
    assert len(server.requests) == len(files)
    assert leftovers(tmp_path / "cache") == []


def test_progress_bar_is_redrawn_on_a_terminal(serve, part_path, tmp_path):
    src = part_path("2024c", 7)
    server = serve({docbook_path("2024c", 7): src.read_bytes()})
    tty = TTY()
    make_fetcher(tmp_path, "2024c", server, tty).download(7)
    out = tty.getvalue()
    assert out.count("\r") >= 2
    last_bar = out.rsplit("\r", 1)[1]
    total = f"{src.stat().st_size / 1024:.1f} KiB"
    assert last_bar.startswith(f"PS3.7 2024c (docbook)  [{'#' * 30}]  {total} / {total}  100.0%")
    assert out.rstrip().splitlines()[-1].startswith("PS3.7 2024c (docbook): done, ")


def test_progress_line_shows_bytes_percent_and_rate():
    p = Progress("PS3.8 2024c (docbook)", TTY(), interval=0.0)
    p.update(102_400, 409_600)
    assert p.line().startswith("PS3.8 2024c (docbook)  [#######.......................]  "
                               "100.0 KiB / 400.0 KiB   25.0%  ")
    assert p.line().endswith("/s")
    p.update(2048, None, "3 files")
    assert p.line().startswith("PS3.8 2024c (docbook)  2.0 KiB  3 files  ")


def test_content_range_header_is_parsed():
    assert content_range("bytes 100-399/400") == (100, 400)
    assert content_range("bytes */400") == (None, 400)
    assert content_range("bytes 0-9/*") == (0, None)
    assert content_range(None) == (None, None)


def test_url_of_follows_nema_layout_under_a_mirror():
    assert url_of("2024c", 7) == ("https://dicom.nema.org/medical/dicom/2024c/source/docbook/"
                                  "part07/part07.xml")
    assert url_of("2024c", 16, "chtml", "http://mirror.example/dicom/") == (
        "http://mirror.example/dicom/2024c/output/chtml/part16/")


def test_default_parts_include_those_the_generators_read():
    from dicomkit.codegen.generate import PARTS

    assert set(PARTS) <= set(DEFAULT_PARTS) and {3, 4, 16} <= set(DEFAULT_PARTS)


# --- imports (--from) ------------------------------------------------------------------------


def test_import_of_a_docbook_file(standard_dir, part_path, tmp_path):
    src = part_path("2024c", 8)
    outcome = make_fetcher(tmp_path, "2024c").import_local(standard_dir, 8, "docbook")
    assert outcome.status == "recorded"
    assert (tmp_path / "cache" / "2024c" / "part08.xml").read_bytes() == src.read_bytes()
    assert Manifest.load(tmp_path / "manifest.json").get("2024c", 8, "docbook") == Entry(
        sha256_file(src), src.stat().st_size)


def test_import_of_a_real_chtml_folder(standard_dir, part_path, tmp_path):
    folder = part_path("2024c", 8, "chtml")
    # DIR may be the edition's folder itself
    outcome = make_fetcher(tmp_path, "2024c").import_local(standard_dir / "2024c-chtml", 8,
                                                           "chtml")
    dest = tmp_path / "cache" / "2024c-chtml" / "part08"
    assert outcome.path == dest and outcome.status == "recorded"
    assert sha256_folder(dest) == sha256_folder(folder)
    assert Manifest.load(tmp_path / "manifest.json").get("2024c", 8, "chtml") == Entry(
        sha256_folder(folder), size_part(folder))
    again = make_fetcher(tmp_path, "2024c").import_local(standard_dir, 8, "chtml")
    assert again.status == "verified" and leftovers(tmp_path / "cache") == []


def test_import_of_an_incomplete_chtml_folder_records_what_it_lacks(part_path, tmp_path):
    folder = part_path("2024c", 6, "chtml")
    outcome = make_fetcher(tmp_path, "2024c").import_local(folder.parent, 6, "chtml")
    assert outcome.entry.missing == ("chapter_6.html",)
    entry = Manifest.load(tmp_path / "manifest.json").get("2024c", 6, "chtml")
    assert entry is not None and entry.missing == ("chapter_6.html",)


def test_more_complete_chtml_copy_replaces_the_recorded_one(part_path, tmp_path):
    folder = part_path("2024c", 8, "chtml")
    partial = tmp_path / "from" / "2024c-chtml" / "part08"
    shutil.copytree(folder, partial)
    (partial / "sect_9.3.html").unlink()
    first = make_fetcher(tmp_path, "2024c").import_local(tmp_path / "from", 8, "chtml")
    assert first.status == "recorded" and first.entry.missing == ("sect_9.3.html",)
    full = make_fetcher(tmp_path, "2024c").import_local(folder.parent, 8, "chtml")
    assert full.status == "replaced" and full.entry.missing == ()
    assert Manifest.load(tmp_path / "manifest.json").get("2024c", 8, "chtml") == Entry(
        sha256_folder(folder), size_part(folder))
    # the other way round is a mismatch: a less complete copy never replaces a complete one
    with pytest.raises(FetchError, match=r"this copy lacks sect_9\.3\.html, the recorded one "
                                         r"nothing"):
        make_fetcher(tmp_path, "2024c").import_local(tmp_path / "from", 8, "chtml")
    assert sha256_folder(tmp_path / "cache" / "2024c-chtml" / "part08") == sha256_folder(folder)


def test_import_of_an_edited_chtml_folder_is_refused_by_the_manifest(part_path, tmp_path):
    folder = part_path("2024c", 8, "chtml")
    make_fetcher(tmp_path, "2024c").import_local(folder.parent, 8, "chtml")
    edited = tmp_path / "from" / "part08"
    shutil.copytree(folder, edited)
    page = edited / "chapter_9.html"
    page.write_bytes(page.read_bytes().replace(b"Association", b"Asociation", 1))
    with pytest.raises(FetchError, match="does not match the manifest"):
        make_fetcher(tmp_path, "2024c").import_local(tmp_path / "from", 8, "chtml")
    assert sha256_folder(tmp_path / "cache" / "2024c-chtml" / "part08") == sha256_folder(folder)
    assert leftovers(tmp_path / "cache") == []


def test_import_refuses_a_chtml_folder_of_another_part(part_path, tmp_path):
    folder = tmp_path / "from" / "2024c-chtml" / "part08"
    shutil.copytree(part_path("2024c", 7, "chtml"), folder)
    (folder / "PS3.7.html").rename(folder / "PS3.8.html")
    with pytest.raises(FetchError, match=r"names itself PS3\.7 2024c"):
        make_fetcher(tmp_path, "2024c").import_local(tmp_path / "from", 8, "chtml")


def test_import_refuses_a_file_of_another_edition(standard_dir, tmp_path):
    # 2024a/part07.xml, offered as PS3.7 2024c (DIR given as an edition folder)
    with pytest.raises(FetchError, match=r"names itself PS3\.7 2024a"):
        make_fetcher(tmp_path, "2024c").import_local(standard_dir / "2024a", 7, "docbook")
    assert not (tmp_path / "cache").exists() or list((tmp_path / "cache").rglob("*.xml*")) == []


def test_import_of_a_part_not_there_names_where_it_looked(standard_dir, tmp_path):
    with pytest.raises(FetchError, match=r"PS3\.9 2024c \(docbook\) is not there; looked at "):
        make_fetcher(tmp_path, "2024c").import_local(standard_dir, 9, "docbook")


def test_check_docbook_accepts_the_2013_spelling(part_path):
    check_docbook(part_path("2013", 6), "2013", 6, "test")  # "DICOM PS 3.6 2013 - ..."


# --- the command -------------------------------------------------------------------------------


def test_command_downloads_through_dicomkit_main(serve, part_path, tmp_path, capsys):
    if importlib.util.find_spec("dicomkit.codegen.diff") is None:
        missing("dicomkit.codegen.diff (the 'codegen' parser registers every verb)")
    from dicomkit.cli.main import main

    src = part_path("2024c", 8)
    server = serve({docbook_path("2024c", 8): src.read_bytes()})
    argv = ["codegen", "fetch", "2024c", "--parts", "8", "--base-url", server.base_url,
            "--cache", str(tmp_path / "cache"), "--manifest", str(tmp_path / "m.json")]
    assert main(argv) == 0
    out, err = capsys.readouterr()
    assert out.startswith("PS3.8 2024c (docbook): recorded in the manifest (sha256 ")
    assert "PS3.8 2024c (docbook): fetching http://127.0.0.1:" in err
    assert (tmp_path / "cache" / "2024c" / "part08.xml").read_bytes() == src.read_bytes()
    data = json.loads((tmp_path / "m.json").read_text())
    assert data["editions"]["2024c"]["parts"]["8"]["docbook"]["sha256"] == sha256_file(src)
    # a missing part makes the command fail with the URL in the message
    argv[4] = "9"
    assert main(argv) == 1
    assert "part09.xml" in capsys.readouterr().err


def test_command_rejects_a_malformed_edition(tmp_path):
    import argparse

    from dicomkit.codegen import fetch

    parser = argparse.ArgumentParser()
    fetch.add_arguments(parser)
    args = parser.parse_args(["latest", "--cache", str(tmp_path)])
    with pytest.raises(CodegenError, match="not an edition name"):
        fetch.run(args)
