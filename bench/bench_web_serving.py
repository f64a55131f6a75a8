"""The dicomkit DICOMweb server's STOW-RS forms and HTTP servers, measured in one run.

    python bench/bench_web_serving.py [--instances 100] [--rounds 3]

dicomkit's client (httpx transport) against dicomkit's server over a fresh archive each round,
loopback, best of ``--rounds``:

- STOW-RS of ``--instances`` copies of CT_small.dcm (fresh UIDs) in one request, as PS3.10
  parts (``store``: the anchor), as DICOM JSON + bulk data and as Native DICOM XML + bulk data
  (``store_metadata``, PS3.18 10.5.1.4), all under uvicorn;
- the same study then searched (QIDO-RS ``/studies/{S}/instances`` x50) and retrieved (WADO-RS
  of the study as data sets) under uvicorn (HTTP/1.1, the anchor of these), hypercorn HTTP/1.1
  and hypercorn HTTP/2 over TLS (ALPN h2, ``http2=True``), hypercorn on asyncio.

Prints the times and each one's ratio to its anchor (anchor time / time: above 1 faster).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

import dicomkit  # noqa: E402
from dicomkit.core.dataset import Dataset  # noqa: E402
from dicomkit.core.uid import generate_uid  # noqa: E402
from dicomkit.web.client import BlockingDicomWebClient, TlsOptions  # noqa: E402
from dicomkit.web.security import TLSConfig  # noqa: E402
from dicomkit.web.server.serving import HypercornOptions  # noqa: E402
from tests.samples import sample  # noqa: E402
from tests.web.security.pki import make_pki  # noqa: E402
from tests.web.server.hypercorn_running import hypercorn_running  # noqa: E402
from tests.web.server.running import archive_of, running  # noqa: E402


def study(n: int) -> tuple[str, list[Dataset]]:
    st, se = generate_uid(), generate_uid()
    out = []
    for i in range(n):
        ds = dicomkit.read(sample("CT_small.dcm"))  # Dataset.copy() shares the elements
        ds.StudyInstanceUID, ds.SeriesInstanceUID, ds.SOPInstanceUID = st, se, generate_uid()
        ds.InstanceNumber = i + 1
        if ds.file_meta is not None:
            ds.file_meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
        out.append(ds)
    return st, out


def best(rounds: int, run: Callable[[], float]) -> float:
    return min(run() for _ in range(rounds))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--instances", type=int, default=100)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--searches", type=int, default=50)
    args = ap.parse_args()
    root = Path(tempfile.mkdtemp(prefix="bench-web-serving-"))
    (root / "pki").mkdir()
    pki = make_pki(root / "pki")
    results: list[tuple[str, float, str]] = []

    # -- STOW-RS forms under uvicorn
    def stow(form: str) -> Callable[[], float]:
        def run() -> float:
            folder = root / f"stow-{form}-{time.monotonic_ns()}"
            folder.mkdir()
            archive = archive_of(folder)
            _st, items = study(args.instances)
            files = []
            if form == "dicom":
                for ds in items:
                    path = folder / f"{ds.SOPInstanceUID}.dcm"
                    dicomkit.write(path, ds)
                    files.append(path)
            try:
                with running(archive) as url, BlockingDicomWebClient(url, timeout=300) as web:
                    t = time.perf_counter()
                    if form == "dicom":
                        result = web.store(files, batch_size=args.instances)
                    else:
                        result = web.store_metadata(items, media=f"application/dicom+{form}")
                    took = time.perf_counter() - t
                    assert result.http_statuses == [200], result.warnings[:3]
                    return took
            finally:
                archive.close()
        return run

    anchor = best(args.rounds, stow("dicom"))
    results.append((f"STOW-RS {args.instances} instances, application/dicom parts", anchor,
                    "anchor"))
    for form in ("json", "xml"):
        t = best(args.rounds, stow(form))
        results.append((f"STOW-RS {args.instances} instances, {form} + bulk data", t,
                        f"{anchor / t:.2f}"))

    # -- QIDO and WADO under each server
    folder = root / "served"
    folder.mkdir()
    st, items = study(args.instances)
    data = []
    for ds in items:
        path = folder / f"{ds.SOPInstanceUID}.dcm"
        dicomkit.write(path, ds)
        data.append(path.read_bytes())
    archive = archive_of(folder, data)
    tls = TLSConfig(pki.server_cert, pki.server_key)

    def servers() -> Iterator[tuple[str, Callable[[], AbstractContextManager[str]], dict[str, object]]]:
        yield "uvicorn HTTP/1.1", lambda: running(archive), {}
        yield "hypercorn HTTP/1.1", lambda: hypercorn_running(
            archive, "asyncio", HypercornOptions(http2=False)), {}
        yield "hypercorn HTTP/2 + TLS", lambda: hypercorn_running(
            archive, "asyncio", HypercornOptions(tls=tls)), {
                "http2": True, "tls": TlsOptions(ca_file=pki.ca)}

    anchors: dict[str, float] = {}
    try:
        for name, serve, options in servers():
            with serve() as url, BlockingDicomWebClient(url, timeout=300,
                                                        **options) as web:  # type: ignore[arg-type]
                web.search_studies()  # connect (and the TLS handshake) before timing

                def qido() -> float:
                    t = time.perf_counter()
                    for _ in range(args.searches):
                        found = len(web.search_instances(study=st))
                        assert found == args.instances, found
                    return time.perf_counter() - t

                def wado() -> float:
                    t = time.perf_counter()
                    assert len(web.retrieve(st)) == args.instances
                    return time.perf_counter() - t

                for what, run in ((f"QIDO-RS instances of the study x{args.searches}", qido),
                                  (f"WADO-RS study of {args.instances} as data sets", wado)):
                    t = best(args.rounds, run)
                    if what not in anchors:
                        anchors[what] = t
                        ratio = "anchor"
                    else:
                        ratio = f"{anchors[what] / t:.2f}"
                    results.append((f"{what}, {name}", t, ratio))
    finally:
        archive.close()

    print(f"{'measurement':70s} {'time':>10s} {'ratio':>7s}")
    for what, t, ratio in results:
        print(f"{what:70s} {t * 1000:8.1f}ms {ratio:>7s}")


if __name__ == "__main__":
    main()
