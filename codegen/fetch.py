"""``dicomkit codegen fetch``: download, or import with ``--from``, parts of one edition of the standard.

Parts land in the git-ignored cache ``standard/cache/`` in the layout of the shared standard folder:
``<edition>/partNN.xml`` for DocBook and ``<edition>-chtml/partNN/`` for chunked XHTML, where
:func:`dicomkit.codegen.standard.default_roots` looks first.

Every part goes through the same steps, whether it comes from NEMA's server or a local copy:

1. It is written beside its final name (``partNN.xml.part``, ``partNN.part/``). An interrupted
   download is resumed with an HTTP ``Range`` request, by the retry loop or by the next run; a
   server that answers ``200`` instead of ``206`` is followed from the start, one that answers
   ``416`` either confirms the file is whole or makes it start over.
2. It must be what it claims: a DocBook ``<book>`` (or a chtml title page ``PS3.N.html``) whose
   subtitle names the edition and part asked for (``DICOM PS3.7 2024c - Message Exchange``). An
   HTML error page served with ``200``, or another edition, is refused and removed.
3. Its sha256 and size are checked against ``standard/manifest.json`` (:mod:`.manifest`); a
   mismatch is refused and removed, an unknown part is recorded there.
4. Only then is it renamed into place, so nothing half-written ever sits at the final name.

HTTP uses only :mod:`urllib`; the progress bar is drawn on stderr when it is a terminal, otherwise
one line is printed when each part starts and ends.
"""

from __future__ import annotations

import argparse
import http.client
import re
import shutil
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, TextIO

from lxml import etree

from dicomkit.codegen.errors import FetchError
from dicomkit.codegen.manifest import Entry, Manifest, manifest_path
from dicomkit.codegen.sha import sha256_part, size_part
from dicomkit.codegen.standard import BASE_URL, FORMS, candidate_paths, part_url, project_root
from dicomkit.codegen.text import normalize, parse_edition

#: Parts fetched when ``--parts`` is not given: those the generators read (PS3.5, 3.6, 3.7, 3.8)
#: and those later generators read (PS3.3 IODs and modules, PS3.4 services, PS3.16 templates).
DEFAULT_PARTS = (3, 4, 5, 6, 7, 8, 16)
#: Attempts after the first when a connection drops or the server answers 5xx.
RETRIES = 4
#: Seconds before the first retry; doubled for each further one.
BACKOFF = 1.0
#: Seconds without data before a connection counts as dropped.
TIMEOUT = 60.0
CHUNK = 64 * 1024
USER_AGENT = "dicomkit-codegen-fetch/1 (Python urllib)"

DOCBOOK_NS = "http://docbook.org/ns/docbook"
XHTML_NS = "http://www.w3.org/1999/xhtml"
_EDITION_NAME = re.compile(r"^\d{4}[a-z]?$")
_CONTENT_RANGE = re.compile(r"^\s*bytes\s+(?:(\d+)-(\d+)|\*)/(\d+|\*)\s*$")
_CHTML_LINK = re.compile(r'(?:href|src)="([^"#/:?]+\.(?:html|css))(?:#[^"]*)?"')
_RELEASE_INFO = re.compile(
    r'<span[^>]*class="documentreleaseinformation"[^>]*>(.*?)</span>|<h2[^>]*>(.*?)</h2>', re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
#: Elements read from the start of a DocBook file before giving up on finding its subtitle.
_HEAD_ELEMENTS = 200
_RETRYABLE_STATUS = frozenset({408, 425, 429, 500, 502, 503, 504})


def url_of(edition: str, part: int, form: str = "docbook", base_url: str = BASE_URL) -> str:
    """NEMA's address of a part (:func:`part_url`), under ``base_url`` instead of NEMA's site."""
    url: str = part_url(edition, part, form)
    return base_url.rstrip("/") + url[len(BASE_URL):]


def human(n: float) -> str:
    """A byte count for people: ``412.3 KiB``."""
    for unit in ("B", "KiB", "MiB", "GiB"):
        if abs(n) < 1024 or unit == "GiB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    raise AssertionError("unreachable")  # pragma: no cover


class Progress:
    """A progress report for one part on a text stream (stderr by default).

    On a terminal it redraws one line ``label [####....] 120.0 KiB / 400.0 KiB  30.0%  2.1 MiB/s``
    at most every ``interval`` seconds; elsewhere (a log, a pipe) it prints one line when the part
    starts and one when it ends, so logs stay readable.
    """

    def __init__(self, label: str, stream: TextIO | None = None, interval: float = 0.1) -> None:
        self.label = label
        self.stream = stream if stream is not None else sys.stderr
        isatty = getattr(self.stream, "isatty", None)
        self.tty = bool(isatty()) if callable(isatty) else False
        self.interval = interval
        self.done = 0
        self.total: int | None = None
        self.detail = ""
        self.transferred = 0
        self._t0 = time.monotonic()
        self._last_draw = 0.0
        self._width = 0

    def start(self, source: str) -> None:
        """Announce the part and where it comes from."""
        self._t0 = time.monotonic()
        if self.tty:
            self._draw(force=True)
        else:
            print(f"{self.label}: fetching {source}", file=self.stream, flush=True)

    def update(self, done: int, total: int | None, detail: str = "") -> None:
        """The part now has ``done`` of ``total`` bytes (total None when unknown)."""
        self.transferred += done - self.done if done >= self.done else done
        self.done, self.total, self.detail = done, total, detail
        if self.tty:
            self._draw()

    def rate(self) -> float:
        """Bytes per second moved in this run (bytes resumed from an earlier run not counted)."""
        return self.transferred / max(time.monotonic() - self._t0, 1e-6)

    def line(self) -> str:
        """The text of the bar as it is drawn now."""
        parts = [self.label]
        if self.total:
            frac = min(self.done / self.total, 1.0)
            filled = int(frac * 30)
            parts.append(f"[{'#' * filled}{'.' * (30 - filled)}]")
            parts.append(f"{human(self.done)} / {human(self.total)}")
            parts.append(f"{100 * frac:5.1f}%")
        else:
            parts.append(human(self.done))
        if self.detail:
            parts.append(self.detail)
        parts.append(f"{human(self.rate())}/s")
        return "  ".join(parts)

    def _draw(self, force: bool = False) -> None:
        now = time.monotonic()
        if not force and now - self._last_draw < self.interval:
            return
        self._last_draw = now
        text = self.line()
        pad = max(self._width - len(text), 0)
        self._width = len(text)
        self.stream.write("\r" + text + " " * pad)
        self.stream.flush()

    def note(self, message: str) -> None:
        """Print a message (a retry, a restart) without garbling the bar."""
        if self.tty:
            self.stream.write("\r" + " " * self._width + "\r")
            self._width = 0
        print(f"{self.label}: {message}", file=self.stream, flush=True)
        if self.tty:
            self._draw(force=True)

    def finish(self, summary: str) -> None:
        """End the part's report with a summary (size, time, what the manifest said)."""
        elapsed = time.monotonic() - self._t0
        tail = f"{human(self.done)} in {elapsed:.1f} s ({human(self.rate())}/s); {summary}"
        if self.tty:
            self._draw(force=True)
            self.stream.write("\n")
        print(f"{self.label}: done, {tail}", file=self.stream, flush=True)


class _Retry(Exception):
    """An attempt failed in a way worth another (resuming) attempt."""


def content_range(value: str | None) -> tuple[int | None, int | None]:
    """``(first byte, complete length)`` of a ``Content-Range`` header; None where not given."""
    m = _CONTENT_RANGE.match(value or "")
    if not m:
        return None, None
    first = int(m.group(1)) if m.group(1) is not None else None
    total = int(m.group(3)) if m.group(3) != "*" else None
    return first, total


def download_file(url: str, partial: Path, *,
                  report: Callable[[int, int | None], None] | None = None,
                  note: Callable[[str], None] | None = None,
                  retries: int = RETRIES, backoff: float = BACKOFF,
                  timeout: float = TIMEOUT) -> int:
    """Download ``url`` into ``partial``, resuming what it already holds; return its size.

    The file is left at ``partial``: the caller checks it and renames it into place. Bytes already
    in ``partial`` are kept and the rest asked for with ``Range: bytes=N-``. A ``200`` answer to
    that (a server that ignores ranges) starts the file over; a ``416`` means the file is already
    whole (when its size is the resource's) or else starts it over. A dropped connection, a body
    shorter than its ``Content-Length``, a timeout or a 5xx answer is retried ``retries`` times,
    waiting ``backoff`` seconds and doubling; each retry resumes. Other HTTP errors are final.

    Raises
    ------
    FetchError
        The server refused the file, or every attempt failed (the partial file is then kept, so
        the next run resumes it).
    """
    partial.parent.mkdir(parents=True, exist_ok=True)
    attempt = 0
    while True:
        have = partial.stat().st_size if partial.exists() else 0
        req = urllib.request.Request(url, headers={"User-Agent": USER_AGENT,
                                                   "Accept-Encoding": "identity"})
        if have:
            req.add_header("Range", f"bytes={have}-")
        why: str
        try:
            with urllib.request.urlopen(req, timeout=timeout) as resp:
                status = resp.status
                length_header = resp.headers.get("Content-Length")
                length = int(length_header) if length_header and length_header.isdigit() else None
                if status == 206:
                    first, total = content_range(resp.headers.get("Content-Range"))
                    if first != have:
                        partial.unlink(missing_ok=True)
                        raise _Retry(f"server resumed at byte {first} instead of {have}; "
                                     f"starting over")
                    mode = "ab"
                elif status == 200:
                    if have and note:
                        note(f"server ignored the range request (answered 200 to resume at "
                             f"byte {have}); starting over")
                    have, total, mode = 0, length, "wb"
                else:
                    raise FetchError(url, partial, f"unexpected HTTP status {status} "
                                                   f"{resp.reason}; try again later")
                got = 0
                with partial.open(mode) as fh:
                    if report:
                        report(have, total)
                    while True:
                        chunk = resp.read(CHUNK)
                        if not chunk:
                            break
                        fh.write(chunk)
                        got += len(chunk)
                        if report:
                            report(have + got, total)
                if length is not None and got < length:
                    raise _Retry(f"connection closed after {got} of {length} bytes")
                size = have + got
                if total is not None and size != total:
                    partial.unlink(missing_ok=True)
                    raise _Retry(f"got {size} bytes but the server announced {total}; "
                                 f"starting over")
                return size
        except urllib.error.HTTPError as exc:
            if exc.code == 416:
                _, total = content_range(exc.headers.get("Content-Range"))
                if have and total == have:
                    if report:
                        report(have, total)
                    return have
                if note:
                    note(f"server cannot resume at byte {have} (HTTP 416, length {total}); "
                         f"starting over")
                partial.unlink(missing_ok=True)
                why = "HTTP 416 on resume"
            elif exc.code in _RETRYABLE_STATUS:
                why = f"HTTP {exc.code} {exc.reason}"
            else:
                hint = ("check the edition name (NEMA's editions are listed at "
                        "https://dicom.nema.org/medical/dicom/) and the part number, or "
                        "--base-url" if exc.code == 404 else "check the address and try again")
                raise FetchError(url, partial, f"HTTP {exc.code} {exc.reason}; {hint}") from exc
        except _Retry as exc:
            why = str(exc)
        except (urllib.error.URLError, OSError, http.client.HTTPException) as exc:
            reason = exc.reason if isinstance(exc, urllib.error.URLError) else exc
            why = f"{type(exc).__name__}: {reason}"
        attempt += 1
        if attempt > retries:
            kept = (f"the {partial.stat().st_size} bytes received are kept in {partial} and the "
                    f"next run resumes them" if partial.exists() and partial.stat().st_size
                    else "nothing was received")
            raise FetchError(url, partial, f"failed after {attempt} attempts ({why}); {kept}; "
                                           f"check the network (or proxy settings) and run the "
                                           f"fetch again")
        delay = backoff * 2 ** (attempt - 1)
        if note:
            note(f"{why}; retrying in {delay:.1f} s (attempt {attempt + 1} of {retries + 1})")
        time.sleep(delay)


def _not_docbook(origin: str, path: Path, what: str) -> FetchError:
    return FetchError(origin, path, f"{what}; this is not a DocBook part of the standard (an "
                                    f"error page or the wrong file?); it was not kept: check the "
                                    f"address or the --from folder")


def check_docbook(path: Path, edition: str, part: int, origin: str) -> None:
    """Refuse a file that is not the DocBook book of PS3.``part`` ``edition``.

    Only the beginning of the file is parsed: the root must be DocBook's ``<book>`` and its
    ``<subtitle>`` (e.g. ``DICOM PS3.7 2024c - Message Exchange``) must name this part and edition.
    """
    try:
        with path.open("rb") as fh:
            root_tag, subtitle = _docbook_head(fh)
    except etree.XMLSyntaxError as exc:
        raise _not_docbook(origin, path, f"it is not well-formed XML ({exc})") from exc
    if root_tag is None:
        raise _not_docbook(origin, path, "it is empty")
    if root_tag != f"{{{DOCBOOK_NS}}}book":
        local = root_tag.rpartition("}")[2]
        raise _not_docbook(origin, path, f"its root element is <{local}>, not DocBook's <book>")
    if subtitle is None:
        raise _not_docbook(origin, path, "its <book> has no <subtitle> naming part and edition")
    _check_names(origin, path, subtitle, edition, part)


def _docbook_head(fh: BinaryIO) -> tuple[str | None, str | None]:
    """Root tag and subtitle text of an XML stream, parsing no further than the subtitle."""
    root_tag: str | None = None
    for n, (event, el) in enumerate(etree.iterparse(
            fh, events=("start", "end"), no_network=True, resolve_entities=False,
            load_dtd=False, huge_tree=True)):
        if root_tag is None:
            root_tag = str(el.tag)
            if root_tag != f"{{{DOCBOOK_NS}}}book":
                return root_tag, None
        if event == "end" and el.tag == f"{{{DOCBOOK_NS}}}subtitle":
            return root_tag, normalize("".join(el.itertext()))
        if n > _HEAD_ELEMENTS:
            break
    return root_tag, None


def _check_names(origin: str, path: Path, text: str, edition: str, part: int) -> None:
    named = parse_edition(text)
    if named is None:
        raise FetchError(origin, path, f"its title {text!r} names no part and edition "
                                       f"(expected 'DICOM PS3.{part} {edition} - ...'); "
                                       f"it was not kept")
    if named != (part, edition):
        raise FetchError(origin, path, f"names itself PS3.{named[0]} {named[1]} ({text!r}), not "
                                       f"PS3.{part} {edition}; it was not kept: check the "
                                       f"edition and part asked for, or the --from folder")


def chtml_links(text: str) -> set[str]:
    """Files of the same chtml folder that a page links to (chunks and the stylesheet)."""
    return set(_CHTML_LINK.findall(text))


def chtml_title(part: int) -> str:
    """File name of a chtml part's title page."""
    return f"PS3.{part}.html"


def check_chtml(folder: Path, edition: str, part: int, origin: str) -> None:
    """Refuse a folder that is not the chtml of PS3.``part`` ``edition``.

    The title page ``PS3.N.html`` must be XHTML and its first
    ``<span class="documentreleaseinformation">`` (or ``<h2>``) must name this part and edition.
    """
    title = folder / chtml_title(part)
    if not title.is_file():
        raise FetchError(origin, folder, f"no {title.name}: not a chtml folder of PS3.{part}; "
                                         f"check the --from folder")
    text = title.read_bytes()[: 1 << 16].decode("utf-8", "replace")
    if XHTML_NS not in text:
        raise FetchError(origin, title, "not XHTML (an error page?); it was not kept")
    m = _RELEASE_INFO.search(text)
    if not m:
        raise FetchError(origin, title, "has no release line naming part and edition "
                                        "(documentreleaseinformation or <h2>); it was not kept")
    _check_names(origin, title, normalize(_TAG.sub("", m.group(1) or m.group(2))), edition, part)


def missing_chunks(folder: Path) -> tuple[str, ...]:
    """Files that pages of a chtml folder link to but the folder lacks (an incomplete copy)."""
    have = {p.name for p in folder.iterdir()}
    linked: set[str] = set()
    for page in folder.glob("*.html"):
        linked |= chtml_links(page.read_text(encoding="utf-8", errors="replace"))
    return tuple(sorted(linked - have))


@dataclass(frozen=True)
class Outcome:
    """What became of one part: where it is, its manifest entry, and what the manifest said.

    ``status`` is ``"verified"`` (matches the manifest), ``"recorded"`` (new to the manifest) or
    ``"replaced"`` (a more complete chtml copy than the one recorded).
    """

    edition: str
    part: int
    form: str
    path: Path
    entry: Entry
    status: str

    def verdict(self) -> str:
        """What the manifest said, with the hash and size."""
        what = {"verified": "matches the manifest", "recorded": "recorded in the manifest",
                "replaced": "replaced a less complete copy in the manifest"}[self.status]
        gaps = f", lacks {', '.join(self.entry.missing)}" if self.entry.missing else ""
        return f"{what} (sha256 {self.entry.sha256[:16]}..., {self.entry.size} bytes{gaps})"

    def summary(self) -> str:
        """One line for people."""
        return f"PS3.{self.part} {self.edition} ({self.form}): {self.verdict()} -> {self.path}"


def _remove(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path)
    else:
        path.unlink(missing_ok=True)


def _place(staged: Path, dest: Path) -> None:
    """Move a checked file or folder to its final name, replacing what was there."""
    if staged.is_dir():
        old = dest.with_name(dest.name + ".old")
        _remove(old)
        if dest.exists():
            dest.rename(old)
        staged.rename(dest)
        _remove(old)
    else:
        staged.replace(dest)


def settle(manifest: Manifest, edition: str, part: int, form: str, staged: Path, dest: Path,
           origin: str) -> Outcome:
    """Check a complete staged part against the manifest, then move it into place.

    A part the manifest does not know is recorded (and the manifest saved). A mismatch removes
    the staged copy and raises :class:`FetchError`; the final name is left as it was.
    """
    new = Entry(sha256_part(staged), size_part(staged),
                missing_chunks(staged) if form == "chtml" else ())
    known = manifest.get(edition, part, form)
    if known is None:
        status = "recorded"
    elif (known.sha256, known.size) == (new.sha256, new.size):
        status = "verified"
    elif known.missing and set(new.missing) < set(known.missing):
        status = "replaced"
    else:
        if staged != dest:
            _remove(staged)
        gaps = ""
        if new.missing != known.missing:
            gaps = (f" (this copy lacks {', '.join(new.missing) or 'nothing'}, the recorded one "
                    f"{', '.join(known.missing) or 'nothing'})")
        raise FetchError(origin, dest, (
            f"PS3.{part} {edition} ({form}) does not match the manifest {manifest.path}: expected "
            f"sha256 {known.sha256} and {known.size} bytes, got sha256 {new.sha256} and "
            f"{new.size} bytes{gaps}. The copy was not kept. Fetch it again (a transfer may have "
            f"been corrupted); if NEMA has republished the part, check the new file and remove "
            f"its entry from the manifest so that it is recorded afresh"))
    if staged != dest:
        _place(staged, dest)
    if status != "verified":
        manifest.set(edition, part, form, new)
        manifest.save()
    return Outcome(edition, part, form, dest, new, status)


@dataclass
class Fetcher:
    """Fetches or imports parts of one edition into a cache, checked against a manifest.

    Parameters
    ----------
    edition
        NEMA's edition name, e.g. ``2024c``.
    cache
        Folder receiving ``<edition>/partNN.xml`` and ``<edition>-chtml/partNN/``.
    manifest
        The edition manifest (verified against, recorded into).
    base_url
        Replaces ``https://dicom.nema.org/medical/dicom`` in NEMA's addresses.
    stream
        Where progress goes (stderr when None).
    retries, backoff, timeout
        See :func:`download_file`.
    force
        Fetch again even when the cache already holds the part.
    """

    edition: str
    cache: Path
    manifest: Manifest
    base_url: str = BASE_URL
    stream: TextIO | None = None
    retries: int = RETRIES
    backoff: float = BACKOFF
    timeout: float = TIMEOUT
    force: bool = False

    def dest(self, part: int, form: str) -> Path:
        """The final place of a part in the cache."""
        first: Path = candidate_paths(self.cache, self.edition, part, form)[0]
        return first

    def _label(self, part: int, form: str) -> str:
        return f"PS3.{part} {self.edition} ({form})"

    def _check(self, path: Path, part: int, form: str, origin: str) -> None:
        if form == "chtml":
            check_chtml(path, self.edition, part, origin)
        else:
            check_docbook(path, self.edition, part, origin)

    def _cached(self, part: int, form: str) -> Outcome | None:
        dest = self.dest(part, form)
        if self.force or not dest.exists():
            return None
        progress = Progress(self._label(part, form), self.stream)
        progress.start(str(dest))
        self._check(dest, part, form, str(dest))
        try:
            outcome = settle(self.manifest, self.edition, part, form, dest, dest, str(dest))
        except FetchError as exc:
            raise FetchError(None, dest, f"the cached copy is not the one the manifest knows "
                                         f"({exc}); delete it or fetch again with --force") from exc
        progress.update(outcome.entry.size, outcome.entry.size)
        progress.finish(f"already in the cache; {outcome.verdict()}")
        return outcome

    def download(self, part: int, form: str = "docbook") -> Outcome:
        """Download one part from NEMA (or ``base_url``) into the cache."""
        if form not in FORMS:
            raise FetchError(None, None, f"unknown form {form!r} (expected one of "
                                         f"{', '.join(FORMS)})")
        cached = self._cached(part, form)
        if cached is not None:
            return cached
        url = url_of(self.edition, part, form, self.base_url)
        progress = Progress(self._label(part, form), self.stream)
        progress.start(url)
        dest = self.dest(part, form)
        staged = dest.with_name(dest.name + ".part")
        if form == "chtml":
            self._crawl(url, part, staged, progress)
        else:
            self._get(url, staged, progress, lambda d, t: progress.update(d, t))
            try:
                check_docbook(staged, self.edition, part, url)
            except FetchError:
                staged.unlink(missing_ok=True)
                raise
        outcome = settle(self.manifest, self.edition, part, form, staged, dest, url)
        progress.finish(outcome.verdict())
        return outcome

    def _get(self, url: str, partial: Path, progress: Progress,
             report: Callable[[int, int | None], None]) -> int:
        return download_file(url, partial, report=report, note=progress.note,
                             retries=self.retries, backoff=self.backoff, timeout=self.timeout)

    def _crawl(self, url: str, part: int, staged: Path, progress: Progress) -> None:
        """Download a chtml folder: the title page, then every chunk linked, breadth first.

        Files already complete in ``staged`` (an earlier, interrupted run) are not fetched again.
        """
        title = chtml_title(part)
        queue, seen = [title], {title}
        done_bytes = 0
        files = 0
        staged.mkdir(parents=True, exist_ok=True)
        while queue:
            name = queue.pop(0)
            target = staged / name
            if not target.exists():
                base = done_bytes
                partial = target.with_name(name + ".part")

                def report(d: int, t: int | None, base: int = base, n: int = files) -> None:
                    progress.update(base + d, None, f"{n} files")

                self._get(url + name, partial, progress, report)
                partial.replace(target)
            done_bytes += target.stat().st_size
            files += 1
            progress.update(done_bytes, None, f"{files} files")
            if name == title:
                try:
                    check_chtml(staged, self.edition, part, url + name)
                except FetchError:
                    _remove(staged)
                    raise
            if name.endswith(".html"):
                for link in sorted(chtml_links(target.read_text(encoding="utf-8",
                                                                errors="replace"))):
                    if link not in seen:
                        seen.add(link)
                        queue.append(link)

    def find_local(self, source: Path, part: int, form: str) -> Path | None:
        """Where a part is in a ``--from`` folder (a standard folder or one edition's folder)."""
        nn = f"part{part:02d}"
        if form == "docbook":
            places: list[Path] = [*candidate_paths(source, self.edition, part, form),
                                  source / f"{nn}.xml"]
            return next((p for p in places if p.is_file()), None)
        places = [*candidate_paths(source, self.edition, part, form), source / nn]
        return next((p for p in places if (p / chtml_title(part)).is_file()), None)

    def local_parts(self, source: Path, form: str) -> list[int]:
        """Every part found in a ``--from`` folder in one form."""
        return [p for p in range(1, 23) if self.find_local(source, p, form) is not None]

    def import_local(self, source: Path, part: int, form: str) -> Outcome:
        """Copy one part from a local folder into the cache, with the download's checks."""
        src = self.find_local(source, part, form)
        if src is None:
            nn = f"part{part:02d}"
            looked = [*candidate_paths(source, self.edition, part, form),
                      source / (f"{nn}.xml" if form == "docbook" else nn)]
            raise FetchError(str(source), None, f"PS3.{part} {self.edition} ({form}) is not "
                                                f"there; looked at {', '.join(map(str, looked))}")
        progress = Progress(self._label(part, form), self.stream)
        progress.start(str(src))
        self._check(src, part, form, str(src))
        dest = self.dest(part, form)
        if src.resolve() == dest.resolve():
            outcome = settle(self.manifest, self.edition, part, form, dest, dest, str(src))
            progress.finish(outcome.verdict())
            return outcome
        staged = dest.with_name(dest.name + ".part")
        _remove(staged)
        dest.parent.mkdir(parents=True, exist_ok=True)
        total = size_part(src)
        if form == "chtml":
            done = 0

            def copy(s: str, d: str) -> object:
                nonlocal done
                shutil.copyfile(s, d)
                done += Path(d).stat().st_size
                progress.update(done, total)
                return d

            shutil.copytree(src, staged, copy_function=copy)
        else:
            with src.open("rb") as fin, staged.open("wb") as fout:
                while chunk := fin.read(1 << 20):
                    fout.write(chunk)
                    progress.update(fout.tell(), total)
        outcome = settle(self.manifest, self.edition, part, form, staged, dest, str(src))
        progress.finish(outcome.verdict())
        return outcome


def parse_parts(text: str) -> list[int]:
    """``"3,6,16"`` -> ``[3, 6, 16]``; raise :class:`FetchError` on anything else."""
    out = []
    for item in text.split(","):
        item = item.strip()
        if not item.isdigit() or not 1 <= int(item) <= 22:
            raise FetchError(None, None, f"--parts: {item!r} is not a part number 1..22 "
                                         f"(write e.g. --parts 3,6,16)")
        out.append(int(item))
    return sorted(set(out))


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``fetch``."""
    parser.add_argument("edition", metavar="EDITION", help="NEMA's edition name, e.g. 2025e")
    parser.add_argument("--parts", help="comma-separated part numbers (default: "
                                        f"{','.join(map(str, DEFAULT_PARTS))}; with --from: "
                                        "every part found there)")
    parser.add_argument("--form", choices=FORMS,
                        help="docbook (one XML file per part, the default for downloads) or "
                             "chtml (NEMA's chunked XHTML folders); with --from: every form found")
    parser.add_argument("--from", dest="source", type=Path, metavar="DIR",
                        help="import local copies instead of downloading: DIR holds "
                             "<edition>/partNN.xml and/or <edition>-chtml/partNN/, or is one "
                             "edition's folder")
    parser.add_argument("--cache", type=Path, help="where parts go (default: standard/cache)")
    parser.add_argument("--manifest", type=Path,
                        help="edition manifest to verify against and record into "
                             "(default: standard/manifest.json)")
    parser.add_argument("--base-url", default=BASE_URL,
                        help=f"server and path standing for {BASE_URL} (a mirror)")
    parser.add_argument("--retries", type=int, default=RETRIES,
                        help=f"retries of a dropped connection, each resuming (default {RETRIES})")
    parser.add_argument("--force", action="store_true",
                        help="download again even when the cache holds the part")


def run(args: argparse.Namespace) -> int:
    """Fetch or import each part asked for; print one line per part; 1 if any failed."""
    edition: str = args.edition
    if not _EDITION_NAME.match(edition):
        raise FetchError(None, None, f"{edition!r} is not an edition name like 2024c or 2013 "
                                     f"(see https://dicom.nema.org/medical/dicom/)")
    project = project_root()
    fetcher = Fetcher(edition=edition,
                      cache=args.cache or project / "standard" / "cache",
                      manifest=Manifest.load(args.manifest or manifest_path(project)),
                      base_url=args.base_url, retries=args.retries, force=args.force)
    jobs: list[tuple[int, str]]
    if args.source is not None:
        if not args.source.is_dir():
            raise FetchError(str(args.source), None, "--from: no such folder")
        forms = [args.form] if args.form else list(FORMS)
        jobs = []
        for form in forms:
            jobs += [(p, form) for p in fetcher.local_parts(args.source, form)]
        if args.parts:
            wanted = parse_parts(args.parts)
            found = {p for p, _ in jobs}
            jobs = [(p, f) for p, f in jobs if p in wanted]
            # a part asked for but absent: import_local reports where it looked
            jobs += [(p, forms[0]) for p in wanted if p not in found]
            jobs.sort(key=lambda j: (forms.index(j[1]), j[0]))
        if not jobs:
            raise FetchError(str(args.source), None, f"no part of edition {edition} found there "
                                                     f"(expected {edition}/partNN.xml, "
                                                     f"{edition}-chtml/partNN/ or partNN.xml)")
    else:
        parts = parse_parts(args.parts) if args.parts else list(DEFAULT_PARTS)
        jobs = [(p, args.form or "docbook") for p in parts]
    failures = 0
    for part, form in jobs:
        try:
            if args.source is not None:
                outcome = fetcher.import_local(args.source, part, form)
            else:
                outcome = fetcher.download(part, form)
        except FetchError as exc:
            failures += 1
            print(f"dicomkit codegen fetch: error: {exc}", file=sys.stderr)
            continue
        print(outcome.summary())
    if failures:
        print(f"dicomkit codegen fetch: {failures} of {len(jobs)} part(s) failed",
              file=sys.stderr)
        return 1
    return 0
