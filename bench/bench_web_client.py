"""The DICOMweb client against dicomweb-client (PyPI) on the same Orthanc in the same run.

    python bench/bench_web_client.py [--instances 200] [--rounds 3] [--transport aiohttp]

Starts Orthanc 1.10.1 + DICOMweb plugin (Debian) on free loopback ports with its storage in a
temporary folder, makes a study of ``--instances`` copies of CT_small.dcm with fresh UIDs (one
study per library and round, so that no STOW is answered from an instance already stored),
then times, best of ``--rounds``:

- STOW-RS of the study from its files (dicomkit streams the files; dicomweb-client is given
  pydicom data sets read from the same files, its reading included);
- QIDO-RS study search (``/studies``), 50 requests (dicomweb-client returns JSON dicts, dicomkit
  data sets: also timed with dicomweb-client's dicts turned into pydicom data sets);
- WADO-RS retrieve of the study as data sets (dicomkit ``retrieve``, dicomweb-client
  ``retrieve_study``), and dicomkit ``retrieve_to`` (streamed to disk).

Prints one line per measurement and the ratio dicomweb-client time / dicomkit time (above 1:
dicomkit faster).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

import dicomkit  # noqa: E402
from dicomkit.core.uid import generate_uid  # noqa: E402
from dicomkit.web.client import BlockingDicomWebClient  # noqa: E402
from tests.samples import sample  # noqa: E402
from tests.web.orthanc import orthanc  # noqa: E402


def make_study(folder: Path, n: int) -> tuple[str, list[Path]]:
    """``n`` copies of CT_small.dcm in one new study and series; its UID and the files."""
    folder.mkdir(parents=True)
    base = dicomkit.read(sample("CT_small.dcm"))
    study, series = generate_uid(), generate_uid()
    paths = []
    for i in range(n):
        ds = base.copy()
        ds.StudyInstanceUID = study
        ds.SeriesInstanceUID = series
        ds.SOPInstanceUID = generate_uid()
        ds.InstanceNumber = i + 1
        if ds.file_meta is not None:
            ds.file_meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
        path = folder / f"{i:04d}.dcm"
        dicomkit.write(path, ds)
        paths.append(path)
    return study, paths


def best(fn: Callable[[], object], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--instances", type=int, default=200)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--transport", choices=["httpx", "aiohttp"], default="httpx",
                    help="dicomkit's transport (default httpx; aiohttp is asyncio only)")
    args = ap.parse_args()
    import pydicom

    warnings.simplefilter("ignore")  # pydicom's value warnings on Orthanc's JSON
    from dicomweb_client.api import DICOMwebClient

    with tempfile.TemporaryDirectory() as tmp_text:
        tmp = Path(tmp_text)
        with orthanc(tmp / "orthanc") as url:
            options: dict[str, object] = {}
            if args.transport == "aiohttp":
                from dicomkit.web.client.aiohttp_transport import AiohttpTransport

                options["transport"] = AiohttpTransport()
            ours = BlockingDicomWebClient(url, **options)  # type: ignore[arg-type]
            theirs = DICOMwebClient(url=url)
            rows: list[tuple[str, float, float]] = []

            # STOW: a fresh study for every round of each library
            counter = iter(range(10_000))

            def fresh() -> list[Path]:
                return make_study(tmp / f"s{next(counter)}", args.instances)[1]

            stow_ours, stow_theirs = [], []
            for _ in range(args.rounds):
                files = fresh()
                t = time.perf_counter()
                result = ours.store(files, batch_size=args.instances)
                stow_ours.append(time.perf_counter() - t)
                assert result.ok and len(result.outcomes) == args.instances, result
                files = fresh()
                t = time.perf_counter()
                theirs.store_instances([pydicom.dcmread(f) for f in files])
                stow_theirs.append(time.perf_counter() - t)
            rows.append((f"STOW-RS {args.instances} instances", min(stow_ours), min(stow_theirs)))

            study, _ = make_study(tmp / "wado", args.instances)
            ours.store(sorted((tmp / "wado").iterdir()), batch_size=args.instances)

            def qido_ours() -> None:
                for _ in range(50):
                    ours.search_studies()

            def qido_theirs() -> None:
                for _ in range(50):
                    theirs.search_for_studies()

            def qido_theirs_datasets() -> None:
                for _ in range(50):
                    [pydicom.Dataset.from_json(d) for d in theirs.search_for_studies()]

            qido_t = best(qido_ours, args.rounds)
            rows.append(("QIDO-RS /studies x50 (theirs: JSON dicts)", qido_t,
                         best(qido_theirs, args.rounds)))
            rows.append(("QIDO-RS /studies x50 (theirs + pydicom Dataset.from_json)", qido_t,
                         best(qido_theirs_datasets, args.rounds)))

            def wado_ours() -> None:
                got = ours.retrieve(study, transfer_syntax="*")
                assert len(got) == args.instances

            def wado_theirs() -> None:
                got = theirs.retrieve_study(study)
                assert len(got) == args.instances

            wado_t = best(wado_theirs, args.rounds)
            rows.append((f"WADO-RS study of {args.instances} as data sets",
                         best(wado_ours, args.rounds), wado_t))
            out = tmp / "out"
            rows.append((f"WADO-RS study of {args.instances} to disk (dicomkit retrieve_to)",
                         best(lambda: ours.retrieve_to(out, study, transfer_syntax="*"),
                              args.rounds), wado_t))
            ours.close()
    print(f"dicomkit transport: {args.transport}")
    print(f"{'measurement':60} {'dicomkit':>10} {'dicomweb-client':>16} {'ratio':>7}")
    for name, a, b in rows:
        print(f"{name:60} {a * 1000:8.1f}ms {b * 1000:14.1f}ms {b / a:7.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
