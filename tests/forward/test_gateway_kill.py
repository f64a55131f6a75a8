"""The gateway's window between Success and the commit of the jobs: ``dicomkit storescp
--forward`` answers a C-STORE once the file is durable in the spool and commits its jobs
afterwards, in groups (:mod:`dicomkit.forward.committer`).  A file whose jobs were not
committed when the process died must still be delivered: the next start routes and queues
every spool file without a job (:meth:`dicomkit.forward.Forwarder.recover`).

``kill -9`` the gateway at random moments while our Storage SCU sends to it: every instance
answered Success before the kill reaches dcmtk's ``storescp`` whole once ``dicomkit forward
serve --drain`` has run, and the spool and queue end empty.  ``DICOMKIT_GATEWAY_KILLS``
(default 4) rounds of ``DICOMKIT_GATEWAY_KILL_FILES`` (default 60) files.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
from pathlib import Path

import anyio

import dicomkit
from dicomkit.forward import Forwarder, ForwardQueue, Spool, load_rules
from dicomkit.forward.queue import QUEUED
from dicomkit.net import ApplicationEntity
from dicomkit.net.errors import NetworkError
from dicomkit.net.services.storage import StoreResult, store_on
from dicomkit.net.services.storage.negotiation import contexts_for
from dicomkit.net.services.storage.scu import load
from tests.forward.conftest import make_files
from tests.net.peers import dcmtk_storescp, free_port, wait_listening

FILES = int(os.environ.get("DICOMKIT_GATEWAY_KILL_FILES", "60"))
KILLS = int(os.environ.get("DICOMKIT_GATEWAY_KILLS", "4"))
PROJECT = Path(__file__).resolve().parents[2]


def _payload(path: Path) -> tuple[str, bytes]:
    ds = dicomkit.read(path, stop_before_pixels=True)
    return str(ds.SOPInstanceUID), path.read_bytes()[ds.data_offset:]


def _rules(path: Path, port: int, aet: str) -> Path:
    path.write_text(f"""
[defaults.retry]
backoff = "fixed"
base = 0.1
max_attempts = 0

[destinations.SINK]
host = "127.0.0.1"
port = {port}
called_ae = "{aet}"

[[rules]]
calling_ae = ["MODALITY"]
destinations = ["SINK"]
""")
    return path


async def _send(port: int, files: list[Path], acked: set[str]) -> None:
    """Our SCU sends ``files`` until the gateway dies; the UIDs answered Success go in
    ``acked``."""
    items = [load(f) for f in files]
    contexts = contexts_for({(i.sop_class, i.transfer_syntax) for i in items})

    def progress(result: StoreResult, _n: int, _total: int) -> None:
        if result.ok:
            acked.add(result.sop_instance_uid)

    ae = ApplicationEntity("MODALITY")
    try:
        async with ae.connect("127.0.0.1", port, called_ae="GATEWAY",
                              contexts=contexts) as assoc:
            await store_on(assoc, files, progress=progress)
    except* (NetworkError, OSError):
        pass  # killed under us (from the DIMSE reader's task group too)


def test_gateway_killed_after_success_delivers_every_acknowledged_file(
        tmp_path: Path, dcmtk_peers: None) -> None:
    seed = random.randrange(1 << 30)
    rng = random.Random(seed)
    out = tmp_path / "out"
    out.mkdir()
    spool = tmp_path / "spool"
    log = tmp_path / "gateway.log"
    acked: set[str] = set()
    sources: dict[str, bytes] = {}
    with dcmtk_storescp(out) as peer:
        rules = _rules(tmp_path / "rules.toml", peer.port, peer.aet)
        for round_ in range(KILLS):
            files = make_files(tmp_path / f"src{round_}", FILES)
            sources.update(_payload(f) for f in files)
            port = free_port()
            proc = subprocess.Popen(
                [sys.executable, "-m", "dicomkit.cli.main", "storescp", str(port), "--bind",
                 "127.0.0.1", "--quiet", "--forward", str(rules), "--spool", str(spool)],
                stdout=subprocess.DEVNULL, stderr=open(log, "ab"), cwd=PROJECT)
            wait_listening(proc, port, log, timeout=60)
            before = len(acked)
            killer = threading.Timer(rng.uniform(0.05, 0.6),
                                     lambda p=proc: p.send_signal(signal.SIGKILL))
            killer.start()
            try:
                anyio.run(_send, port, files, acked)
            finally:
                killer.join()
                proc.wait(30)
            assert proc.returncode == -signal.SIGKILL, log.read_text()
            assert len(acked) >= before  # (some rounds die before the first Success)
        final = subprocess.run(
            [sys.executable, "-m", "dicomkit.cli.main", "forward", "serve", "--spool",
             str(spool), "--rules", str(rules), "--drain"],
            capture_output=True, text=True, cwd=PROJECT, timeout=300)
        assert final.returncode == 0, final.stderr
    assert acked, f"no file was answered Success before the kills (seed {seed})"
    got = dict(_payload(p) for p in out.iterdir() if p.is_file())
    missing = acked - set(got)
    assert not missing, f"{len(missing)} acknowledged file(s) not delivered (seed {seed})"
    bad = [uid for uid in got if got[uid] != sources[uid]]
    assert not bad, f"{len(bad)} file(s) differ (seed {seed})"
    assert [p.name for p in spool.glob("*.dcm")] == []
    queue = ForwardQueue(f"sqlite:///{spool.resolve() / 'queue.sqlite'}")
    try:
        assert queue.count() == 0
    finally:
        queue.close()


def test_recover_queues_spool_files_without_a_job_by_their_calling_ae(tmp_path: Path) -> None:
    """The window made deterministic: files adopted into the spool (Success answered) whose
    jobs never committed are routed at recovery, with the calling AE title their names keep;
    one no rule routes is removed, and so is a temporary file."""
    rules = _rules(tmp_path / "rules.toml", 1, "SINK")
    spool = Spool(tmp_path / "spool")
    queue = ForwardQueue(f"sqlite:///{tmp_path / 'spool' / 'queue.sqlite'}")
    fwd = Forwarder(queue, spool, load_rules(rules))
    try:
        a, b = make_files(tmp_path / "src", 2)
        routed = spool.adopt(a, calling_ae="MODALITY")
        unrouted = spool.adopt(b, calling_ae="OTHER")
        assert Spool.calling_ae(routed) == "MODALITY" and Spool.calling_ae(unrouted) == "OTHER"
        (spool.root / ".tmp-cut-short.dcm").write_bytes(b"half")
        done = fwd.recover()
        assert (done.queued, done.removed) == (1, 2)
        (job,) = queue.jobs_of("SINK", QUEUED)
        assert job.file == routed and job.sop_instance == str(
            dicomkit.read(spool.path(routed)).SOPInstanceUID)
        assert spool.names() == {routed}
        assert fwd.recover().queued == 0  # it has its job now
    finally:
        fwd.close()


def test_recover_removes_part_files_a_crash_left_in_incoming(tmp_path: Path) -> None:
    """A reception cut short by a crash leaves a ``.part`` file in ``<spool>/.incoming`` (never
    answered Success): recovery removes it, and leaves other files there and the spool's
    files alone; with a shared queue (``release_all=False``) only part files older than an
    hour go, a younger one may be another gateway's reception under way."""
    rules = _rules(tmp_path / "rules.toml", 1, "SINK")
    spool = Spool(tmp_path / "spool")
    queue = ForwardQueue(f"sqlite:///{tmp_path / 'spool' / 'queue.sqlite'}")
    fwd = Forwarder(queue, spool, load_rules(rules))
    try:
        (a,) = make_files(tmp_path / "src", 1)
        kept = spool.adopt(a, calling_ae="MODALITY")
        incoming = spool.root / ".incoming"
        incoming.mkdir()
        old = incoming / ".incoming-old.part"
        young = incoming / ".incoming-young.part"
        other = incoming / "notes.txt"
        for p in (old, young, other):
            p.write_bytes(b"\x00" * 200)
        past = os.stat(old).st_mtime - 7200
        os.utime(old, (past, past))
        done = fwd.recover(release_all=False)
        assert done.removed == 1
        assert sorted(p.name for p in incoming.iterdir()) == [young.name, other.name]
        done = fwd.recover()  # SQLite: one process owns the spool, every part file goes
        assert (done.queued, done.removed) == (1, 1)
        assert sorted(p.name for p in incoming.iterdir()) == [other.name]
        assert spool.names() == {kept}
        assert spool.sweep_temporary(older_than=0) == []
    finally:
        fwd.close()
