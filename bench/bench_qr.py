"""Query/Retrieve SCU benchmark on loopback: dicomkit's C-FIND and C-MOVE SCU against dcmtk's
findscu/movescu and pynetdicom's SCU, all talking to the same dcmtk ``dcmqrscp`` in one run.

    python bench/bench_qr.py                 # 400 studies + a 2,000-instance series
    python bench/bench_qr.py --instances 5000 --queries 500 --moves 100

The archive: ``--studies`` single-instance studies and one study with a series of
``--instances`` instances, made from pydicom's ``CT_small.dcm`` header (pixel data left out)
with new UIDs, patient IDs, names and dates, stored into dcmqrscp (which keeps at most 500
studies per storage area).  Measured, the SCP being the same for every client:

* study-level C-FIND matching every study (``PatientName=*``) and IMAGE-level C-FIND of the
  large series: results/s (findscu: minus the time of a query matching nothing);
* exact C-FIND by Study Instance UID on one association: p50/p99 latency (ours, pynetdicom:
  timed per query; findscu: (t(N query files) - t(1)) / (N - 1), which takes out its start-up);
* C-MOVE of single-instance studies on one association into a dcmtk storescp: moves/s
  (movescu: the same subtraction).

This measures the SCU side only (the issue's C-FIND SCP targets wait for the Q/R SCP).  Not a
test: nothing here fails.
"""

from __future__ import annotations

import argparse
import contextlib
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))
sys.path.insert(0, str(PROJECT / "tests" / "net"))

import anyio  # noqa: E402

import dicomkit  # noqa: E402
from dicomkit.core.dataset import Dataset  # noqa: E402
from dicomkit.core.uid import generate_uid  # noqa: E402
from dicomkit.generated import tags, uids  # noqa: E402
from dicomkit.io.writer import encode_dataset, encode_file_meta  # noqa: E402
from tests.net import peers  # noqa: E402
from tests.net.qr_peers import dcmqrscp  # noqa: E402
from tests.samples import sample  # noqa: E402

FIND = uids.StudyRootQueryRetrieveInformationModelFind
MOVE = uids.StudyRootQueryRetrieveInformationModelMove


def make_archive(folder: Path, n: int, instances: int, *, pixels: bool = False
                 ) -> tuple[list[Path], list[str], tuple[str, str]]:
    """``n`` single-instance studies and one study of ``instances`` instances in one series,
    from CT_small.dcm's header (and its 32 kB of pixel data with ``pixels``: a Storage SCP
    may refuse an image without them, as ours does); the files, the single-instance study UIDs
    and the (study, series) UIDs of the large one."""
    base = dicomkit.read(sample("CT_small.dcm"))
    if not pixels:
        del base[tags.PixelData]
    rng = random.Random(20261203)
    folder.mkdir(parents=True, exist_ok=True)
    paths, studies = [], []
    big = (generate_uid(), generate_uid())

    def one(i: int, study: str, series: str) -> Path:
        ds = base.copy()
        ds.file_meta = base.file_meta.copy() if base.file_meta is not None else None
        ds.StudyInstanceUID, ds.SeriesInstanceUID = study, series
        ds.SOPInstanceUID = instance = generate_uid()
        ds.InstanceNumber = str(i + 1)
        if ds.file_meta is not None:
            ds.file_meta.MediaStorageSOPInstanceUID = instance
        ds.PatientID = f"P{i:06d}" if study != big[0] else "BIG"
        ds.PatientName = f"BENCH^{rng.choice('ABCDEFGH')}{i:05d}"
        ds.StudyDate = f"{rng.randint(1995, 2025)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
        path = folder / f"i{len(paths):06d}.dcm"
        dicomkit.write(path, ds)
        paths.append(path)
        return path

    for i in range(n):
        studies.append(generate_uid())
        one(i, studies[-1], generate_uid())
    for i in range(instances):
        one(i, *big)
    return paths, studies, big


def percentiles(samples: list[float]) -> tuple[float, float]:
    """(p50, p99) in milliseconds."""
    ordered = sorted(samples)
    p99 = ordered[min(len(ordered) - 1, int(round(0.99 * (len(ordered) - 1))))]
    return 1000 * statistics.median(ordered), 1000 * p99


# -- ours --------------------------------------------------------------------------------------

async def _ours(port: int, aec: str, studies: list[str], moves: list[str],
                dest: str, big: tuple[str, str]) -> dict[str, Any]:
    from dicomkit.net import ApplicationEntity
    from dicomkit.net.services import qr

    ae = ApplicationEntity("BENCH")
    contexts = qr.query_contexts(("Study Root",), ("C-FIND", "C-MOVE"))
    out: dict[str, Any] = {}
    async with ae.connect(peers.HOST, port, called_ae=aec, contexts=contexts) as assoc:
        start = time.perf_counter()
        found = await qr.find_all(assoc, level="STUDY", PatientName="*")
        out["all"] = (len(found), time.perf_counter() - start)
        start = time.perf_counter()
        images = await qr.find_all(assoc, level="IMAGE", StudyInstanceUID=big[0],
                                   SeriesInstanceUID=big[1])
        out["images"] = (len(images), time.perf_counter() - start)
        latencies = []
        for uid in studies:
            t0 = time.perf_counter()
            hits = await qr.find_all(assoc, level="STUDY", StudyInstanceUID=uid)
            latencies.append(time.perf_counter() - t0)
            assert len(hits) == 1
        out["exact"] = latencies
        start = time.perf_counter()
        for uid in moves:
            result = await qr.move_all(assoc, dest, StudyInstanceUID=uid)
            assert result.ok, result
        out["moves"] = time.perf_counter() - start
    return out


# -- pynetdicom (in this process, TCP_NODELAY as in bench_net) ----------------------------------

def _pynetdicom(port: int, aec: str, studies: list[str], moves: list[str],
                dest: str, big: tuple[str, str]) -> dict[str, Any]:
    from _nodelay import enable_nodelay
    from pydicom.dataset import Dataset as PydicomDataset
    from pynetdicom import AE

    enable_nodelay()
    ae = AE(ae_title="BENCH")
    ae.add_requested_context(FIND)
    ae.add_requested_context(MOVE)
    assoc = ae.associate(peers.HOST, port, ae_title=aec)
    if not assoc.is_established:
        raise RuntimeError("pynetdicom: association refused")
    out: dict[str, Any] = {}
    try:
        query = PydicomDataset()
        query.QueryRetrieveLevel = "STUDY"
        query.PatientName = "*"
        for keyword in ("StudyInstanceUID", "StudyDate", "StudyTime", "AccessionNumber",
                        "PatientID", "StudyID"):
            setattr(query, keyword, "")
        start = time.perf_counter()
        n = sum(1 for status, ident in assoc.send_c_find(query, FIND)
                if status and status.Status in (0xFF00, 0xFF01))
        out["all"] = (n, time.perf_counter() - start)
        image = PydicomDataset()
        image.QueryRetrieveLevel = "IMAGE"
        image.StudyInstanceUID, image.SeriesInstanceUID = big
        image.SOPInstanceUID = image.InstanceNumber = ""
        start = time.perf_counter()
        n = sum(1 for status, ident in assoc.send_c_find(image, FIND)
                if status and status.Status in (0xFF00, 0xFF01))
        out["images"] = (n, time.perf_counter() - start)
        latencies = []
        for uid in studies:
            exact = PydicomDataset()
            exact.QueryRetrieveLevel = "STUDY"
            exact.StudyInstanceUID = uid
            t0 = time.perf_counter()
            hits = sum(1 for status, ident in assoc.send_c_find(exact, FIND)
                       if status and status.Status in (0xFF00, 0xFF01))
            latencies.append(time.perf_counter() - t0)
            assert hits == 1
        out["exact"] = latencies
        start = time.perf_counter()
        for uid in moves:
            move = PydicomDataset()
            move.QueryRetrieveLevel = "STUDY"
            move.StudyInstanceUID = uid
            for _status, _ident in assoc.send_c_move(move, dest, MOVE):
                pass
        out["moves"] = time.perf_counter() - start
    finally:
        assoc.release()
    return out


# -- dcmtk (whole processes) -------------------------------------------------------------------

def _query_file(folder: Path, name: str, keys: dict[int, tuple[str, str]]) -> Path:
    ds = Dataset()
    for tag, (vr, value) in keys.items():
        ds.add_new(tag, vr, value, validation_mode="ignore")
    meta = Dataset()
    meta.add_new(tags.MediaStorageSOPClassUID, "UI", FIND)
    meta.add_new(tags.MediaStorageSOPInstanceUID, "UI", generate_uid())
    path = folder / name
    path.write_bytes(encode_file_meta(meta, uids.ExplicitVRLittleEndian)
                     + encode_dataset(ds, uids.ExplicitVRLittleEndian))
    return path


def _run(argv: list[str]) -> float:
    start = time.perf_counter()
    result = peers._run(argv, 600, peers.DCMTK_ENV)
    if result.returncode != 0:
        raise RuntimeError(f"{argv[0]} -> {result.returncode}: {result.stderr[-500:]}")
    return time.perf_counter() - start


def _dcmtk(folder: Path, port: int, aec: str, studies: list[str], moves: list[str],
           dest: str, big: tuple[str, str]) -> dict[str, Any]:
    findscu, movescu = peers.dcmtk_tool("findscu"), peers.dcmtk_tool("movescu")
    assert findscu is not None and movescu is not None
    base = [findscu, "-S", "-aet", "BENCH", "-aec", aec, peers.HOST, str(port)]
    level = {tags.QueryRetrieveLevel: ("CS", "STUDY")}
    everything = _query_file(folder, "all.dcm", {**level, tags.PatientName: ("PN", "*"),
                                                 tags.StudyInstanceUID: ("UI", "")})
    nothing = _query_file(folder, "none.dcm", {**level, tags.PatientName: ("PN", "NOBODY"),
                                               tags.StudyInstanceUID: ("UI", "")})
    t_none = min(_run([*base, str(nothing)]) for _ in range(3))
    t_all = _run([*base, str(everything)])
    images = _query_file(folder, "images.dcm", {
        tags.QueryRetrieveLevel: ("CS", "IMAGE"), tags.StudyInstanceUID: ("UI", big[0]),
        tags.SeriesInstanceUID: ("UI", big[1]), tags.SOPInstanceUID: ("UI", ""),
        tags.InstanceNumber: ("IS", "")})
    t_images = _run([*base, str(images)])
    exact = [_query_file(folder, f"q{i}.dcm", {**level, tags.StudyInstanceUID: ("UI", uid)})
             for i, uid in enumerate(studies)]
    t_one = min(_run([*base, str(exact[0])]) for _ in range(3))
    t_many = _run([*base, *map(str, exact)])
    move_base = [movescu, "-S", "-aet", "BENCH", "-aec", aec, "-aem", dest]
    move_files = [_query_file(folder, f"m{i}.dcm", {**level, tags.StudyInstanceUID: ("UI", uid)})
                  for i, uid in enumerate(moves)]
    t_move_one = min(_run([*move_base, peers.HOST, str(port), str(move_files[0])])
                     for _ in range(3))
    t_moves = _run([*move_base, peers.HOST, str(port), *map(str, move_files)])
    return {"all": (None, t_all - t_none), "images": (None, t_images - t_none),
            "exact_mean": (t_many - t_one) / (len(exact) - 1),
            "moves": (t_moves - t_move_one) * len(moves) / (len(moves) - 1)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--studies", type=int, default=400,
                        help="single-instance studies (dcmqrscp keeps at most 500 in all)")
    parser.add_argument("--instances", type=int, default=2000,
                        help="instances of the one large series")
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--moves", type=int, default=50)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-qr-") as tmp:
        root = Path(tmp)
        t0 = time.perf_counter()
        files, studies, big = make_archive(root / "files", args.studies, args.instances)
        print(f"archive: {len(files)} files made in {time.perf_counter() - t0:.1f} s")
        rng = random.Random(7)
        exact = rng.sample(studies, min(args.queries, len(studies)))
        moves = rng.sample(studies, min(args.moves, len(studies)))
        with contextlib.ExitStack() as stack:
            store = stack.enter_context(peers.dcmtk_storescp(root / "store", discard=True))
            qr = stack.enter_context(dcmqrscp(root / "qr", files, destinations={
                "STORESCP": (store.host, store.port)}))
            rows: list[tuple[str, dict[str, Any]]] = []
            runners: list[tuple[str, Callable[[], dict[str, Any]]]] = [
                ("dicomkit", lambda: anyio.run(_ours, qr.port, qr.aet, exact, moves,
                                               "STORESCP", big)),
                ("pynetdicom", lambda: _pynetdicom(qr.port, qr.aet, exact, moves, "STORESCP",
                                                   big)),
                ("dcmtk", lambda: _dcmtk(root, qr.port, qr.aet, exact, moves, "STORESCP",
                                         big)),
            ]
            for name, run in runners:
                rows.append((name, run()))
    n, m = len(studies) + 1, args.instances
    print(f"\nC-FIND study level, all {n} studies, and IMAGE level, the {m} instances of one "
          f"series (results/s); exact match by Study Instance UID, {len(exact)} queries on one "
          f"association (ms); C-MOVE of {len(moves)} single-instance studies into dcmtk "
          "storescp (moves/s); SCP: dcmtk dcmqrscp")
    ours = dict(rows)["dicomkit"]
    assert ours["all"][0] == n and ours["images"][0] == m, (ours["all"][0], ours["images"][0])
    ours_rate, ours_images = n / ours["all"][1], m / ours["images"][1]
    ours_p50, _ = percentiles(ours["exact"])
    ours_moves = len(moves) / ours["moves"]
    print(f"{'SCU':<11}{'studies/s':>10}{'ratio':>7}{'images/s':>10}{'ratio':>7}"
          f"{'exact p50':>10}{'p99':>8}{'ratio':>7}{'moves/s':>9}{'ratio':>7}")
    for name, row in rows:
        rate, images = n / row["all"][1], m / row["images"][1]
        if "exact" in row:
            p50, p99 = percentiles(row["exact"])
            p99_text = f"{p99:8.2f}"
        else:
            p50, p99_text = 1000 * row["exact_mean"], f"{'(mean)':>8}"
        move_rate = len(moves) / row["moves"]
        print(f"{name:<11}{rate:10.0f}{ours_rate / rate:7.2f}{images:10.0f}"
              f"{ours_images / images:7.2f}{p50:10.2f}{p99_text}{p50 / ours_p50:7.2f}"
              f"{move_rate:9.1f}{ours_moves / move_rate:7.2f}")
    print("ratio: how many times faster dicomkit is than the row (1.00 for itself)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
