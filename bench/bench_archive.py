"""Benchmark: indexing an archive folder, dicomkit against dcmtk's ``dcmqridx`` in the same run.

Run: ``python bench/bench_archive.py [--files N] [--quick] [--no-postgres]``.

The bench makes N synthetic instances (default 5,000; 1,000 with ``--quick``) from the real
headers of pydicom's bundled CT_small.dcm, MR_small.dcm and SC_rgb_small_odd.dcm (checked
against their pins by ``tests/samples.py``), each with new Study, Series and SOP Instance UIDs
and patient IDs (50 studies of 10 series of 10 instances, repeated), written by dicomkit into a
temporary archive folder.  It then times, as files per second:

1. ``Archive(folder).index_folder()`` into a new SQLite index (``dicomkit archive index``:
   every file read, checked whole, hashed and indexed with the derived attributes);
2. the same into a new PostgreSQL database of a throw-away local server
   (:mod:`tests.archive.pg`; skipped with ``--no-postgres`` or without Debian's postgresql);
3. the anchor: dcmtk ``dcmqridx INDEXDIR FILE...`` registering the same files in a dcmqrscp
   index (batches of 500 files per process, as argv allows).

Target (issue 14): at least 1,000 files/s.  The ratio printed is dicomkit/dcmqridx (speed,
higher is better).

With ``--store`` it also times receiving: dcmtk ``storescu`` sending the first 1,000 files
over one association to ``dicomkit storescp --archive`` (stored and indexed on receipt; also
with ``--fsync``), to ``dicomkit storescp --out`` (a plain folder) and to dcmtk ``storescp`` (the anchor).
"""

from __future__ import annotations

import argparse
import io
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import dicomkit
from dicomkit.archive import Archive
from dicomkit.core.uid import generate_uid

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the checkout, for tests.*
import tests.samples  # noqa: E402 - pydicom's bundled files, checked against their pins

TEMPLATES = ("CT_small.dcm", "MR_small.dcm", "SC_rgb_small_odd.dcm")


def make_files(folder: Path, n: int) -> list[Path]:
    """``n`` synthetic instances under ``folder`` (see the module)."""
    templates = [tests.samples.sample(name).read_bytes() for name in TEMPLATES]
    files: list[Path] = []
    study = series = ""
    for i in range(n):
        if i % 100 == 0:
            study, patient = generate_uid(), f"PAT{i // 100:05d}"
        if i % 10 == 0:
            series = generate_uid()
        ds = dicomkit.read(io.BytesIO(templates[(i // 10) % len(templates)]))
        sop = generate_uid()
        ds.StudyInstanceUID, ds.SeriesInstanceUID, ds.SOPInstanceUID = study, series, sop
        ds.PatientID = patient
        ds.InstanceNumber = str(i % 10 + 1)
        if ds.file_meta is not None:
            ds.file_meta[0x00020003].value = sop
        path = folder / f"s{i // 100:05d}" / f"{i:06d}.dcm"
        path.parent.mkdir(parents=True, exist_ok=True)
        dicomkit.write(path, ds)
        files.append(path)
    return files


def bench_dicomkit(folder: Path, db: str | None) -> float:
    """Files/s of indexing ``folder`` into a new index (``db``: default SQLite beside it)."""
    with Archive(folder, db=db, fsync=False) as archive:
        start = time.perf_counter()
        report = archive.index_folder()
        seconds = time.perf_counter() - start
        assert report.stored == report.files, (report.stored, report.files, report.refused[:3])
        assert archive.check(hashes=False).ok
    return report.files / seconds


def bench_dcmqridx(files: list[Path], index_dir: Path) -> float | None:
    """Files/s of dcmtk's dcmqridx registering ``files`` (None without dcmtk)."""
    tool = shutil.which("dcmqridx")
    if tool is None:
        return None
    index_dir.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    for i in range(0, len(files), 500):
        subprocess.run([tool, "-q", str(index_dir), *map(str, files[i:i + 500])], check=True)
    return len(files) / (time.perf_counter() - start)


def bench_store(files: list[Path], top: Path) -> None:
    """Files/s of storescu into three receivers (see the module)."""
    from tests.net import peers

    if peers.dcmtk_tool("storescu") is None:
        print("store: skipped (dcmtk storescu not found)")
        return
    sent = files[:1000]

    def timed(port: int) -> float:
        start = time.perf_counter()
        peers.run_storescu(peers.HOST, port, sent)
        return len(sent) / (time.perf_counter() - start)

    results: dict[str, float] = {}
    for name, argv in (("dicomkit storescp --archive", ["--archive", str(top / "recv-arc")]),
                       ("dicomkit storescp --archive --fsync",
                        ["--archive", str(top / "recv-arc-fsync"), "--fsync"]),
                       ("dicomkit storescp --out", ["--out", str(top / "recv-out")])):
        port = peers.free_port()
        log = top / f"{name.replace(' ', '_').replace('-', '')}.log"
        with open(log, "wb") as fh:
            proc = subprocess.Popen([sys.executable, "-m", "dicomkit.cli.main", "storescp",
                                     str(port), *argv, "--bind", peers.HOST, "-q"],
                                    stdout=fh, stderr=subprocess.STDOUT,
                                    stdin=subprocess.DEVNULL)
        try:
            peers.wait_listening(proc, port, log)
            results[name] = timed(port)
        finally:
            peers.stop(proc)
    with peers.dcmtk_storescp(top / "recv-dcmtk") as peer:
        results["dcmtk storescp"] = timed(peer.port)
    anchor = results["dcmtk storescp"]
    for name, rate in results.items():
        print(f"store, {name:36s}: {rate:7.0f} files/s   ratio to dcmtk {rate / anchor:.2f}x")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=None)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--no-postgres", action="store_true")
    parser.add_argument("--store", action="store_true",
                        help="also time storescu into storescp --archive, --out and dcmtk's")
    args = parser.parse_args()
    n = args.files or (1000 if args.quick else 5000)
    with tempfile.TemporaryDirectory(prefix="dicomkit-bench-archive-") as tmp:
        top = Path(tmp)
        t0 = time.perf_counter()
        files = make_files(top / "arc", n)
        print(f"made {n} files in {time.perf_counter() - t0:.1f} s "
              f"({sum(f.stat().st_size for f in files) / 1e6:.0f} MB)")
        anchor = bench_dcmqridx(files, top / "dcmqr")
        ours = bench_dicomkit(top / "arc", None)
        print(f"index, SQLite      : {ours:8.0f} files/s" + (
            f"   dcmqridx {anchor:8.0f} files/s   ratio {ours / anchor:.2f}x" if anchor else
            "   (dcmqridx not found)"))
        if not args.no_postgres:
            from tests.archive.pg import PostgresUnavailable, new_database, postgres_cluster

            try:
                with postgres_cluster() as server:
                    db = new_database(server)
                    (top / "arc.index.sqlite").unlink(missing_ok=True)
                    pg = bench_dicomkit(top / "arc", db)
                print(f"index, PostgreSQL  : {pg:8.0f} files/s" + (
                    f"   ratio to dcmqridx {pg / anchor:.2f}x" if anchor else ""))
            except PostgresUnavailable as exc:
                print(f"index, PostgreSQL  : skipped ({exc})")
        if args.store:
            bench_store(files, top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
