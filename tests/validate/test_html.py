"""The validation report page: self-contained, links to the standard, rendered by Chromium."""

from __future__ import annotations

import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from dicomkit.validate import validate
from dicomkit.validate.html import render_html, standard_url
from tests.conftest import missing
from tests.samples import samples


@pytest.mark.parametrize(("reference", "url"), [
    ("PS3.3 C.7.6.3", "part03.html#sect_C.7.6.3"),
    ("PS3.5 7.1.1, A.4", "part05.html#sect_7.1.1"),
    ("PS3.10 7", "part10.html#chapter_7"),
    ("PS3.5 6.2, Table 6.2-1", "part05.html#sect_6.2"),
    ("PS3.3 Table C.7-9", "part03.html#table_C.7-9"),
    ("", ""),
])
def test_standard_url(reference: str, url: str) -> None:
    got = standard_url(reference)
    assert got.endswith(url) if url else got == ""
    if url:
        assert got.startswith("https://dicom.nema.org/medical/dicom/current/output/html/")


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.fetches: list[str] = []
        self.links: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name == "href" and tag == "a":
                self.links.append(value or "")
            elif name in ("src", "href", "srcset", "data") or tag in ("link", "script", "iframe"):
                self.fetches.append(f"{tag} {name}={value}")

    def handle_data(self, data: str) -> None:
        self.text.append(data)


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    reports = [validate(p) for p in sorted(samples("*.dcm"))[:60]]
    path = tmp_path_factory.mktemp("html") / "report.html"
    path.write_text(render_html(reports), encoding="utf-8")
    return path


def test_page_loads_nothing_and_links_findings_to_the_standard(page: Path) -> None:
    text = page.read_text("utf-8")
    parser = _Links()
    parser.feed(text)
    assert parser.fetches == []  # no scripts, styles, images or frames from anywhere
    assert "url(" not in text and "@import" not in text
    outside = [u for u in parser.links if not u.startswith("#")]
    assert outside and all(u.startswith("https://dicom.nema.org/") for u in outside)
    words = " ".join(parser.text)
    for heading in ("Errors and warnings by rule", "By modality", "By IOD", "By manufacturer",
                    "Worst files"):
        assert heading in words
    assert re.search(r"<svg[^>]*>.*<rect", text)


def test_chromium_renders_the_page(page: Path) -> None:
    """Headless Chromium (Debian's) renders the page; the screenshot stays beside it."""
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    if exe is None:
        missing("chromium (apt-get install chromium)")
    assert exe is not None
    shot = page.with_name("report.png")
    done = subprocess.run([exe, "--headless", "--no-sandbox", "--disable-gpu",
                           "--no-first-run", f"--user-data-dir={page.parent / 'profile'}",
                           f"--screenshot={shot}", "--window-size=1200,1600",
                           page.as_uri()], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 10000
