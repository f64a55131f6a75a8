"""Benchmark: the DICOMweb models against their anchors, in one run.

Run: ``python bench/bench_web_models.py [--repeat N]``.

- DICOM JSON encode and decode of every readable pydicom sample, against pydicom's
  ``Dataset.to_json_dict`` / ``Dataset.from_json`` on the same files read by each library
  (the files are read once, outside the timing); the JSON text is ``json.dumps``/``loads``'d
  by both sides alike and left out of the timing.
- Native DICOM XML encode and decode of the same files (no anchor: pydicom has no XML; the
  figure is for the history).
- multipart/related parsing of a 200 MiB body of 10 parts in 4 KiB, 64 KiB and 1 MiB chunks,
  against python-multipart's low-level ``MultipartParser`` (callbacks, no copies) when it is
  installed (``pip install python-multipart``; not a dependency).

Each figure is the best of ``--repeat`` runs (default 5); ratios above 1 mean dicomkit is
faster.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

import dicomkit  # noqa: E402
from dicomkit.errors import DicomError  # noqa: E402
from dicomkit.web.json_model import from_json_dict, to_json_dict  # noqa: E402
from dicomkit.web.multipart import MultipartParser, Part, PartData, iter_multipart  # noqa: E402
from dicomkit.web.xml_model import from_xml, to_xml  # noqa: E402
from tests.samples import samples  # noqa: E402


def best(fn: Callable[[], Any], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def json_rows(repeat: int) -> list[tuple[str, float, float | None]]:
    import pydicom

    warnings.simplefilter("ignore")
    ours, theirs = [], []
    for f in map(str, samples("*")):
        try:
            ds = dicomkit.read(f)
            pds = pydicom.dcmread(f)
            pds.to_json_dict()
        except (DicomError, Exception):  # both must read it for a fair comparison
            continue
        ours.append(ds)
        theirs.append(pds)
    our_docs = [json.loads(json.dumps(to_json_dict(d))) for d in ours]
    their_docs = [json.loads(json.dumps(d.to_json_dict())) for d in theirs]
    size = sum(len(json.dumps(d)) for d in our_docs) / 1e6
    enc_ours = best(lambda: [to_json_dict(d) for d in ours], repeat)
    enc_theirs = best(lambda: [d.to_json_dict() for d in theirs], repeat)
    dec_ours = best(lambda: [from_json_dict(d) for d in our_docs], repeat)
    dec_theirs = best(lambda: [pydicom.Dataset.from_json(d) for d in their_docs], repeat)
    xmls = [to_xml(d) for d in ours]
    xenc = best(lambda: [to_xml(d) for d in ours], repeat)
    xdec = best(lambda: [from_xml(x) for x in xmls], repeat)
    n = len(ours)
    print(f"{n} samples read by both libraries, {size:.1f} MB of JSON, "
          f"{sum(map(len, xmls)) / 1e6:.1f} MB of XML")
    return [
        (f"JSON encode, {n} data sets", enc_ours, enc_theirs),
        (f"JSON decode, {n} data sets", dec_ours, dec_theirs),
        (f"XML encode, {n} data sets", xenc, None),
        (f"XML decode, {n} data sets", xdec, None),
    ]


def multipart_rows(repeat: int) -> list[tuple[str, float, float | None]]:
    boundary = "dicomkit-0123456789abcdef0123456789abcdef"
    part = os.urandom(20 * 1024 * 1024)
    body = b"".join(iter_multipart([Part(part, content_type="application/dicom")
                                    for _ in range(10)], boundary))
    try:
        import python_multipart
    except ImportError:
        python_multipart = None
        print("python-multipart not installed: its column is left empty")
    rows: list[tuple[str, float, float | None]] = []
    for size in (4096, 65536, 1 << 20):
        chunks = [body[i:i + size] for i in range(0, len(body), size)]

        def ours(chunks: list[bytes] = chunks) -> None:
            p = MultipartParser(boundary)
            n = 0
            for c in chunks:
                for ev in p.feed(c):
                    if type(ev) is PartData:
                        n += len(ev.data)
            p.close()
            assert n == 10 * len(part)

        def theirs(chunks: list[bytes] = chunks) -> None:
            got = [0]

            def on_part_data(data: bytes, start: int, end: int) -> None:
                got[0] += end - start

            mp = python_multipart.MultipartParser(boundary, callbacks={
                "on_part_data": on_part_data})
            for c in chunks:
                mp.write(c)
            mp.finalize()
            assert got[0] == 10 * len(part)

        t_ours = best(ours, repeat)
        t_theirs = best(theirs, repeat) if python_multipart is not None else None
        rows.append((f"multipart parse, 200 MiB in {size // 1024} KiB chunks "
                     f"({len(body) / t_ours / 1e9:.2f} GB/s)", t_ours, t_theirs))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    rows = json_rows(args.repeat) + multipart_rows(args.repeat)
    print(f"{'what':<62} {'dicomkit':>10} {'anchor':>10} {'anchor/dicomkit':>16}")
    for what, ours, theirs in rows:
        ratio = f"{theirs / ours:.2f}" if theirs else ""
        anchor = f"{theirs * 1e3:.1f} ms" if theirs else ""
        print(f"{what:<62} {ours * 1e3:>7.1f} ms {anchor:>10} {ratio:>16}")


if __name__ == "__main__":
    main()
