"""dicomkit against real peers: dcmtk (echoscu, storescu, storescp, also over TLS) and pynetdicom.

Both directions: our SCUs to their SCPs and their SCUs to our SCP, with every pydicom sample file
that dicomkit reads without warnings and that carries file meta and a SOP instance (compressed
ones in their own transfer syntax); each
stored file is read back and must hold the same values as the original.  The CLI is run end to
end the same way.  Peers are started on free loopback ports by :mod:`tests.net.peers`.
"""

from __future__ import annotations

import collections
import os
import shutil
import ssl
import subprocess
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import anyio
import numpy as np
import pytest

import dicomkit
from dicomkit.core.dataset import Dataset
from dicomkit.generated.transfer_syntaxes import TRANSFER_SYNTAXES
from tests.net.peers import (
    HOST,
    STORESCU_PROPOSAL,
    Peer,
    TLSFiles,
    dcmtk_storescp,
    free_port,
    pynetdicom_scp,
    run_echoscu,
    run_pynetdicom_scu,
    run_storescu,
    wait_listening,
)
from tests.samples import samples

pytestmark = [pytest.mark.slow]


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


# -- the sample files --------------------------------------------------------------------------

@dataclass(frozen=True)
class Sample:
    path: Path
    sop_class: str
    sop_instance: str
    transfer_syntax: str


def _uid(value: object) -> str:
    """A UID value as text (some samples hold it undecoded, e.g. under VR UN)."""
    if isinstance(value, bytes):
        value = value.decode("ascii", "replace")
    return str(value).strip("\x00 ")


def _samples() -> list[Sample]:
    found = []
    for path in samples(recursive=True):  # with the dicomdirtests/ series
        try:
            ds = dicomkit.read(path)
            if ds.warnings:  # truncated or inconsistent: a receiver may rightly refuse it
                continue
            meta = ds.file_meta
            sample = Sample(path, _uid(meta.MediaStorageSOPClassUID), _uid(ds.SOPInstanceUID),
                            _uid(meta.TransferSyntaxUID))
        except Exception:  # not DICOM, or no file meta / SOP instance: cannot be C-STOREd
            continue
        if sample.sop_class and sample.sop_instance and sample.transfer_syntax:
            found.append(sample)
    return found


SAMPLES = _samples()


def _checked_whole(sample: Sample) -> bool:
    """Whether our SCP, which checks each data set (dicomkit.net.services.storage.folder),
    stores the sample: the pydicom DICOMDIR test series are images stripped of their pixel
    data, which it answers Data Set does not match SOP Class."""
    from dicomkit.net.services.storage.folder import NEEDS_PIXELS

    ds = dicomkit.read(sample.path)
    pixels = any(t in ds for t in (0x7FE00010, 0x7FE00008, 0x7FE00009))
    return "SOPClassUID" in ds and (pixels or sample.sop_class not in NEEDS_PIXELS)


#: the samples a checking SCP (ours) stores
CHECKED_SAMPLES = [s for s in SAMPLES if _checked_whole(s)]
#: the syntaxes dcmtk 3.6 can receive and storescu can propose (the samples use no others)
DCMTK_SAMPLES = [s for s in SAMPLES if s.transfer_syntax in STORESCU_PROPOSAL]


def rounds(samples: list[Sample]) -> list[list[Sample]]:
    """Split into batches whose SOP Instance UIDs are unique (some samples share one)."""
    batches: list[list[Sample]] = []
    seen: collections.Counter[str] = collections.Counter()
    for s in samples:
        k = seen[s.sop_instance]
        seen[s.sop_instance] += 1
        if k == len(batches):
            batches.append([])
        batches[k].append(s)
    return batches


def stored_by_instance(folder: Path) -> dict[str, Path]:
    """Files under ``folder`` (recursively, finished ones) by their SOP Instance UID."""
    out = {}
    for root, _, files in os.walk(folder):
        for f in files:
            path = Path(root) / f
            try:
                ds = dicomkit.read(path, stop_before_pixels=True)
                out[_uid(ds.SOPInstanceUID)] = path
            except Exception:
                continue
    return out


#: Data Set Trailing Padding (PS3.5 7.8.3): may be dropped by a peer that re-encodes
_TRAILING_PADDING = 0xFFFCFFFC


def _meaningful(tag: int) -> bool:
    """False for elements a peer may drop or recompute: group lengths (gggg,0000), retired in
    data sets (PS3.5 7.2), and data set trailing padding (PS3.5 7.8.3)."""
    return tag & 0xFFFF != 0 and tag != _TRAILING_PADDING


#: bytes per unit of the binary VRs whose values are byte-order dependent (PS3.5 Table 6.2-1)
_WORD_SIZES = {"OW": 2, "OL": 4, "OF": 4, "OD": 8, "OV": 8}


def _same_words(a: object, b: object, vr: str, swapped: bool) -> bool:
    """Equal as numbers: values of a big endian file compared with a little endian copy."""
    import numpy as np

    size = _WORD_SIZES.get(vr)
    if not swapped or size is None or not isinstance(a, bytes) or not isinstance(b, bytes):
        return False
    if len(a) != len(b) or len(a) % size:
        return False
    kind = f"u{size}"
    return bool(np.array_equal(np.frombuffer(a, ">" + kind), np.frombuffer(b, "<" + kind))
                or np.array_equal(np.frombuffer(a, "<" + kind), np.frombuffer(b, ">" + kind)))


def _big_endian(ds: Dataset) -> bool:
    ts = _uid(ds.file_meta.TransferSyntaxUID)
    return not TRANSFER_SYNTAXES[ts].little_endian if ts in TRANSFER_SYNTAXES else False


def _differences(a: Dataset, b: Dataset, swapped: bool | None = None) -> list[str]:
    """Tags whose values differ (NaNs compared by their bytes, words across byte orders), group
    lengths and trailing padding left out."""
    diffs = []
    if swapped is None:
        swapped = _big_endian(a) != _big_endian(b)
    for tag in sorted(t for t in set(a) | set(b) if _meaningful(t)):
        if tag not in a or tag not in b:
            diffs.append(f"{tag} only in one")
            continue
        ea, eb = a[tag], b[tag]
        if ea == eb:
            continue
        if ea.raw is not None and ea.raw == eb.raw:
            continue
        if ea.vr == eb.vr and _same_words(ea.value, eb.value, ea.vr, swapped):
            continue
        if ea.vr == eb.vr == "SQ" and len(ea.value) == len(eb.value):
            inner = [f"{tag}[{i}] {d}" for i, (ia, ib) in enumerate(zip(ea.value, eb.value))
                     for d in _differences(ia, ib, swapped)]
            diffs += inner
            continue
        diffs.append(f"{tag} {ea.vr}: {ea.value!r:.80} != {eb.value!r:.80}")
    return diffs


def assert_stored_equal(samples: list[Sample], folder: Path) -> None:
    """Every sample was stored under ``folder`` with the same values (data set, SOP UIDs)."""
    stored = stored_by_instance(folder)
    problems = []
    for s in samples:
        if s.sop_instance not in stored:
            problems.append(f"{s.path.name}: not stored")
            continue
        original = dicomkit.read(s.path)
        copy = dicomkit.read(stored[s.sop_instance])
        if _uid(copy.file_meta.MediaStorageSOPClassUID) != s.sop_class:
            problems.append(f"{s.path.name}: SOP class {copy.file_meta.MediaStorageSOPClassUID}")
        diffs = _differences(original, copy)
        if diffs:
            problems.append(f"{s.path.name}: {diffs[:3]}")
    assert not problems, "\n".join(problems)


def _clear(folder: Path) -> None:
    for entry in folder.iterdir():
        if entry.is_dir():
            shutil.rmtree(entry)
        else:
            entry.unlink()


def storescu_by_syntax(peer: Peer, samples: list[Sample],
                       tls: TLSFiles | None = None) -> list[Sample]:
    """Send ``samples`` with dcmtk storescu, one run per transfer syntax (its proposal option);
    return the samples storescu sent (it skips files dcmtk cannot parse, saying so)."""
    by_ts: dict[str, list[Sample]] = collections.defaultdict(list)
    for s in samples:
        by_ts[s.transfer_syntax].append(s)
    sent = []
    for ts, group in sorted(by_ts.items()):
        result = run_storescu(peer.host, peer.port, [s.path for s in group], aec=peer.aet,
                              proposal=STORESCU_PROPOSAL[ts], tls=tls, check=False)
        output = result.stdout + result.stderr
        ignored = {s for s in group if f"{s.path}, ignoring file" in output}
        if len(ignored) == len(group):
            continue
        assert result.returncode == 0, output
        sent += [s for s in group if s not in ignored]
    return sent


# -- the peers among themselves (checks the harness and the comparison) ------------------------

def test_harness_dcmtk_storescu_to_dcmtk_storescp_stores_every_sample_unchanged(
        dcmtk_peers: None, tmp_path: Path) -> None:
    out = tmp_path / "out"
    total = 0
    with dcmtk_storescp(out) as peer:
        for batch in rounds(DCMTK_SAMPLES):
            _clear(out)
            sent = storescu_by_syntax(peer, batch)
            assert_stored_equal(sent, out)
            total += len(sent)
    assert total >= 0.9 * len(DCMTK_SAMPLES)


def test_harness_pynetdicom_scu_to_pynetdicom_scp_stores_every_sample_unchanged(
        pynetdicom_peer: None, tmp_path: Path) -> None:
    out = tmp_path / "out"
    total = 0
    with pynetdicom_scp(out, extra_sop_classes=sorted({s.sop_class for s in SAMPLES})) as peer:
        for batch in rounds(SAMPLES):
            _clear(out)
            report = run_pynetdicom_scu("store", peer.host, peer.port, [s.path for s in batch],
                                        aec=peer.aet)
            sent = [s for s in batch if str(s.path) not in report["unsent"]]
            assert report["statuses"] == [0] * (len(batch) - len(report["unsent"]))
            assert_stored_equal(sent, out)
            total += len(sent)
    assert total >= 0.9 * len(SAMPLES)


# -- Verification --------------------------------------------------------------------------------

def _cli(*args: str, timeout: float = 300.0) -> subprocess.CompletedProcess[str]:
    """Run the ``dicomkit`` command in a subprocess."""
    return subprocess.run([sys.executable, "-m", "dicomkit.cli.main", *args], capture_output=True,
                          text=True, timeout=timeout, stdin=subprocess.DEVNULL)


@pytest.mark.anyio
async def test_our_echo_gets_success_from_dcmtk_storescp(dcmtk_peers: None, tmp_path: Path) -> None:
    from dicomkit.net.services.verification import echo

    with dcmtk_storescp(tmp_path / "out") as peer:
        assert await echo(peer.host, peer.port, called_ae=peer.aet) == 0x0000


@pytest.mark.anyio
async def test_our_echo_gets_success_from_pynetdicom_scp(pynetdicom_peer: None, tmp_path: Path) -> None:
    from dicomkit.net.services.verification import echo

    with pynetdicom_scp(tmp_path / "out") as peer:
        assert await echo(peer.host, peer.port, called_ae=peer.aet) == 0x0000


@pytest.mark.anyio
async def test_our_echo_over_mutual_tls_gets_success_from_dcmtk_storescp(
        dcmtk_tls_peers: None, tls_files: TLSFiles, tmp_path: Path) -> None:
    from dicomkit.net.services.verification import echo

    ctx = ssl.create_default_context(cafile=str(tls_files.ca_cert))
    ctx.load_cert_chain(str(tls_files.client_cert), str(tls_files.client_key))
    with dcmtk_storescp(tmp_path / "out", tls=tls_files) as peer:
        assert await echo(peer.host, peer.port, called_ae=peer.aet, ssl_context=ctx) == 0x0000


def test_cli_echo_exits_0_against_dcmtk_storescp_with_repeats(dcmtk_peers: None, tmp_path: Path) -> None:
    with dcmtk_storescp(tmp_path / "out") as peer:
        result = _cli("echo", peer.host, str(peer.port), "--aec", peer.aet, "--repeat", "5")
    assert result.returncode == 0, result.stderr
    assert "5/5 success" in result.stdout


def test_cli_echo_over_tls_exits_0_against_dcmtk_storescp(
        dcmtk_tls_peers: None, tls_files: TLSFiles, tmp_path: Path) -> None:
    with dcmtk_storescp(tmp_path / "out", tls=tls_files) as peer:
        result = _cli("echo", peer.host, str(peer.port), "--aec", peer.aet, "--tls",
                      "--ca", str(tls_files.ca_cert), "--cert", str(tls_files.client_cert),
                      "--key", str(tls_files.client_key))
    assert result.returncode == 0, result.stderr


def test_cli_echo_exits_1_when_nobody_listens() -> None:
    result = _cli("echo", HOST, str(free_port()), "--timeout", "5")
    assert result.returncode == 1
    assert "dicomkit echo" in result.stderr


def test_cli_echo_without_tls_against_a_tls_only_peer_fails_cleanly(
        dcmtk_tls_peers: None, tls_files: TLSFiles, tmp_path: Path) -> None:
    with dcmtk_storescp(tmp_path / "out", tls=tls_files) as peer:
        result = _cli("echo", peer.host, str(peer.port), "--aec", peer.aet, "--timeout", "5")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr


# -- Storage: our SCU to their SCPs ------------------------------------------------------------

def _client_tls(tls: TLSFiles) -> ssl.SSLContext:
    import ssl

    ctx = ssl.create_default_context(cafile=str(tls.ca_cert))
    ctx.load_cert_chain(str(tls.client_cert), str(tls.client_key))
    return ctx


def _server_tls(tls: TLSFiles) -> ssl.SSLContext:
    import ssl

    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH, cafile=str(tls.ca_cert))
    ctx.load_cert_chain(str(tls.server_cert), str(tls.server_key))
    ctx.verify_mode = ssl.CERT_REQUIRED
    return ctx


async def _our_scu_sends(peer: Peer, samples: list[Sample], out: Path, **kwargs: object) -> None:
    """Send every batch with our StorageSCU (one association each); check results and files."""
    from dicomkit.net.services.storage import StorageSCU

    for batch in rounds(samples):
        _clear(out)
        scu = StorageSCU(peer.host, peer.port, called_ae=peer.aet, **kwargs)  # type: ignore[arg-type]
        results = await scu.store([s.path for s in batch])
        failed = [(r.source, r.status, r.error) for r in results if not r.ok]
        assert not failed
        assert [r.sop_instance_uid for r in results] == [s.sop_instance for s in batch]
        for r, s in zip(results, batch):  # compressed: in their own syntax; native: any native
            if TRANSFER_SYNTAXES[s.transfer_syntax].encapsulated:
                assert r.transfer_syntax == s.transfer_syntax, s.path.name
            else:
                assert not TRANSFER_SYNTAXES[r.transfer_syntax].encapsulated, s.path.name
        assert scu.associations == 1
        assert_stored_equal(batch, out)


@pytest.mark.anyio
async def test_our_storage_scu_sends_every_sample_to_dcmtk_storescp_in_its_own_syntax(
        dcmtk_peers: None, tmp_path: Path) -> None:
    out = tmp_path / "out"
    with dcmtk_storescp(out) as peer:
        await _our_scu_sends(peer, DCMTK_SAMPLES, out)


@pytest.mark.anyio
async def test_our_storage_scu_decompresses_for_a_dcmtk_storescp_that_takes_native_only(
        dcmtk_peers: None, tmp_path: Path) -> None:
    """dcmtk storescp accepting uncompressed syntaxes only (+xe): every compressed sample our
    codecs decode goes decompressed, and dcmtk stores the same pixels we decode."""
    from dicomkit.codecs import can_decode
    from dicomkit.net.services.storage import StorageSCU
    from dicomkit.pixels.array import pixel_array

    compressed = [s for s in DCMTK_SAMPLES if TRANSFER_SYNTAXES[s.transfer_syntax].encapsulated
                  and can_decode(s.transfer_syntax)]
    assert len(compressed) >= 15
    out = tmp_path / "out"
    with dcmtk_storescp(out, syntaxes="+xe") as peer:
        for batch in rounds(compressed):
            _clear(out)
            results = await StorageSCU(peer.host, peer.port, called_ae=peer.aet).store(
                [s.path for s in batch])
            refused = {r.source: r.error for r in results if not r.ok}
            stored = stored_by_instance(out)
            for s in batch:
                if str(s.path) in refused:  # a frame our codecs refuse: said, nothing sent
                    assert "cannot convert" in refused[str(s.path)], refused
                    continue
                copy = dicomkit.read(stored[s.sop_instance])
                assert not TRANSFER_SYNTAXES[str(copy.file_meta.TransferSyntaxUID)].encapsulated
                ours = pixel_array(dicomkit.read(s.path), as_rgb=True)
                assert np.array_equal(pixel_array(copy, as_rgb=True), ours), s.path.name
            assert len(refused) <= 2, refused


@pytest.mark.anyio
async def test_our_storage_scu_sends_every_sample_to_pynetdicom_scp_in_its_own_syntax(
        pynetdicom_peer: None, tmp_path: Path) -> None:
    out = tmp_path / "out"
    with pynetdicom_scp(out, extra_sop_classes=sorted({s.sop_class for s in SAMPLES})) as peer:
        await _our_scu_sends(peer, SAMPLES, out)


@pytest.mark.anyio
async def test_our_storage_scu_over_mutual_tls_stores_on_dcmtk_storescp(
        dcmtk_tls_peers: None, tls_files: TLSFiles, tmp_path: Path) -> None:
    out = tmp_path / "out"
    some = [s for s in DCMTK_SAMPLES if s.path.name in ("CT_small.dcm", "MR_small.dcm",
                                                         "SC_rgb_rle.dcm", "JPEG2000.dcm")]
    assert len(some) == 4
    with dcmtk_storescp(out, tls=tls_files) as peer:
        await _our_scu_sends(peer, some, out, ssl_context=_client_tls(tls_files))


# -- Storage: their SCUs to our SCP ------------------------------------------------------------

@asynccontextmanager
async def our_storage_scp(root: Path, ssl_context: ssl.SSLContext | None = None
                          ) -> AsyncIterator[Peer]:
    """Our StorageSCP (FolderStorage under ``root``) served in this event loop."""
    from dicomkit.net.association import AcceptPolicy
    from dicomkit.net.services.storage import StorageSCP

    scp = StorageSCP(root)
    async with anyio.create_task_group() as tg:
        host, port = await tg.start(partial(scp.serve, HOST, 0,
                                            policy=AcceptPolicy(ae_title=None, transfer_syntaxes=None),
                                            ssl_context=ssl_context))
        yield Peer("dicomkit", HOST, port, "DICOMKIT", root, None, root)  # type: ignore[arg-type]
        tg.cancel_scope.cancel()


def _no_leftovers(root: Path) -> None:
    assert not [p for p in root.rglob("*") if p.name.startswith(".incoming")]


@pytest.mark.anyio
async def test_dcmtk_storescu_stores_every_sample_on_our_scp_unchanged(
        dcmtk_peers: None, tmp_path: Path) -> None:
    total = 0
    checked = [s for s in DCMTK_SAMPLES if s in CHECKED_SAMPLES]
    for index, batch in enumerate(rounds(checked)):
        root = tmp_path / f"round{index}"
        async with our_storage_scp(root) as peer:
            sent = await anyio.to_thread.run_sync(storescu_by_syntax, peer, batch)
        assert_stored_equal(sent, root)
        _no_leftovers(root)
        total += len(sent)
    assert total >= 0.9 * len(checked)


@pytest.mark.anyio
async def test_dcmtk_echoscu_gets_success_from_our_scp(dcmtk_peers: None, tmp_path: Path) -> None:
    async with our_storage_scp(tmp_path) as peer:
        result = await anyio.to_thread.run_sync(
            lambda: run_echoscu(peer.host, peer.port, aec=peer.aet, repeat=3, check=False))
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.anyio
async def test_pynetdicom_scu_stores_every_sample_on_our_scp_unchanged(
        pynetdicom_peer: None, tmp_path: Path) -> None:
    total = 0
    for index, batch in enumerate(rounds(CHECKED_SAMPLES)):
        root = tmp_path / f"round{index}"
        async with our_storage_scp(root) as peer:
            report = await anyio.to_thread.run_sync(partial(
                run_pynetdicom_scu, "store", peer.host, peer.port, [s.path for s in batch],
                aec=peer.aet, check=False))
        assert "statuses" in report, report["error"]
        assert report["statuses"] == [0] * (len(batch) - len(report["unsent"])), report
        sent = [s for s in batch if str(s.path) not in report["unsent"]]
        assert_stored_equal(sent, root)
        total += len(sent)
    assert total >= 0.9 * len(CHECKED_SAMPLES)


@pytest.mark.anyio
async def test_pynetdicom_echo_gets_success_from_our_scp(pynetdicom_peer: None, tmp_path: Path) -> None:
    async with our_storage_scp(tmp_path) as peer:
        report = await anyio.to_thread.run_sync(
            lambda: run_pynetdicom_scu("echo", peer.host, peer.port, aec=peer.aet, repeat=3))
    assert report["statuses"] == [0, 0, 0]


@pytest.mark.anyio
async def test_dcmtk_storescu_over_mutual_tls_stores_on_our_scp(
        dcmtk_tls_peers: None, tls_files: TLSFiles, tmp_path: Path) -> None:
    some = [s for s in DCMTK_SAMPLES if s.path.name in ("CT_small.dcm", "MR_small.dcm",
                                                         "SC_rgb_rle.dcm", "JPEG2000.dcm")]
    async with our_storage_scp(tmp_path, _server_tls(tls_files)) as peer:
        sent = await anyio.to_thread.run_sync(lambda: storescu_by_syntax(peer, some, tls_files))
    assert len(sent) == 4
    assert_stored_equal(sent, tmp_path)


# -- the CLI end to end --------------------------------------------------------------------------

def test_cli_store_sends_a_folder_to_dcmtk_storescp(dcmtk_peers: None, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    batch = rounds(DCMTK_SAMPLES)[0][:20]
    for i, s in enumerate(batch):
        (folder / f"sub{i % 3}").mkdir(parents=True, exist_ok=True)
        shutil.copy(s.path, folder / f"sub{i % 3}" / s.path.name)
    out = tmp_path / "out"
    with dcmtk_storescp(out) as peer:
        result = _cli("store", peer.host, str(peer.port), str(folder), "--aec", peer.aet,
                      "--max-ops", "7")
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{len(batch)} of {len(batch)} files stored" in result.stdout
    assert "3 association(s)" in result.stdout
    assert result.stderr.count(" ok ") == len(batch)  # one line per file: stderr is no TTY
    assert_stored_equal(batch, out)


def test_cli_store_exits_1_and_names_the_file_that_failed(dcmtk_peers: None, tmp_path: Path) -> None:
    good = DCMTK_SAMPLES[0].path
    bad = tmp_path / "not-dicom.dcm"
    bad.write_bytes(b"this is not DICOM")
    with dcmtk_storescp(tmp_path / "out") as peer:
        result = _cli("store", peer.host, str(peer.port), str(good), str(bad), "--aec", peer.aet)
    assert result.returncode == 1
    assert "1 of 2 files stored" in result.stdout
    assert "FAILED" in result.stderr and "not-dicom.dcm" in result.stderr


def test_cli_storescp_receives_from_dcmtk_storescu_and_stops_on_sigterm(
        dcmtk_peers: None, tmp_path: Path) -> None:
    out = tmp_path / "out"
    batch = rounds(DCMTK_SAMPLES)[0][:30]
    port = free_port()
    log = tmp_path / "storescp.log"
    with open(log, "wb") as fh:
        proc = subprocess.Popen([sys.executable, "-m", "dicomkit.cli.main", "storescp", str(port),
                                 "--out", str(out), "--bind", HOST], stderr=fh,
                                stdin=subprocess.DEVNULL)
    try:
        wait_listening(proc, port, log)  # type: ignore[arg-type]
        peer = Peer("dicomkit-storescp", HOST, port, "ANY-SCP", out, proc, log)  # type: ignore[arg-type]
        sent = storescu_by_syntax(peer, batch)
    finally:
        proc.send_signal(__import__("signal").SIGTERM)
        assert proc.wait(10) == 0
    text = log.read_text()
    assert "association 1 from STORESCU@" in text
    assert text.count(" stored ") >= len(sent)
    assert_stored_equal(sent, out)
    _no_leftovers(out)


def test_cli_storescp_rejects_calling_ae_titles_not_accepted(dcmtk_peers: None, tmp_path: Path) -> None:
    port = free_port()
    log = tmp_path / "storescp.log"
    with open(log, "wb") as fh:
        proc = subprocess.Popen([sys.executable, "-m", "dicomkit.cli.main", "storescp", str(port),
                                 "--out", str(tmp_path / "out"), "--bind", HOST,
                                 "--accept-calling", "FRIEND"], stderr=fh,
                                stdin=subprocess.DEVNULL)
    try:
        wait_listening(proc, port, log)  # type: ignore[arg-type]
        stranger = run_echoscu(HOST, port, aet="STRANGER", check=False)
        friend = run_echoscu(HOST, port, aet="FRIEND", check=False)
    finally:
        proc.send_signal(__import__("signal").SIGTERM)
        assert proc.wait(10) == 0
    assert stranger.returncode != 0
    assert "Calling AE Title Not Recognized" in stranger.stdout + stranger.stderr
    assert friend.returncode == 0, friend.stdout + friend.stderr


def test_cli_store_fail_fast_stops_at_the_first_failed_file(dcmtk_peers: None,
                                                            tmp_path: Path) -> None:
    bad = tmp_path / "a-not-dicom.dcm"
    bad.write_bytes(b"this is not DICOM")
    good = [s.path for s in DCMTK_SAMPLES[:2]]
    with dcmtk_storescp(tmp_path / "out") as peer:
        result = _cli("store", peer.host, str(peer.port), str(bad), *map(str, good),
                      "--aec", peer.aet, "--fail-fast")
    assert result.returncode == 1
    assert "0 of 3 files stored" in result.stdout
    assert "2 not sent after --fail-fast" in result.stdout


def test_cli_store_over_mutual_tls_to_dcmtk_storescp(dcmtk_tls_peers: None, tls_files: TLSFiles,
                                                     tmp_path: Path) -> None:
    batch = [s for s in DCMTK_SAMPLES if s.path.name in ("CT_small.dcm", "JPEG2000.dcm")]
    out = tmp_path / "out"
    with dcmtk_storescp(out, tls=tls_files) as peer:
        result = _cli("store", peer.host, str(peer.port), *(str(s.path) for s in batch),
                      "--aec", peer.aet, "--tls", "--ca", str(tls_files.ca_cert),
                      "--cert", str(tls_files.client_cert), "--key", str(tls_files.client_key))
    assert result.returncode == 0, result.stdout + result.stderr
    assert_stored_equal(batch, out)
