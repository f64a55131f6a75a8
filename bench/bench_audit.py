"""The cost of the audit trail and the metrics on a storage association, and the audit trail's
own rate.

1. C-STORE of one small CT file N times on one association, our SCU to dcmtk ``storescp``
   (``--ignore``), without observers (the anchor, same run) and with the audit observer
   (Instances Transferred to an XML file through the background trail), the metrics and the
   logging observer: the ratio of the rates.
2. Audit messages built, written as XML and delivered to a file by the trail, per second.

    python bench/bench_audit.py [--files N] [--rounds R]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import anyio

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dicomkit.audit import AuditFile, AuditObserver, AuditTrail, builders  # noqa: E402
from dicomkit.metrics import NetworkMetrics, Registry  # noqa: E402
from dicomkit.net import ApplicationEntity  # noqa: E402
from dicomkit.net.events import LoggingObserver  # noqa: E402
from dicomkit.net.services.storage import store_on  # noqa: E402
from dicomkit.net.services.storage.negotiation import contexts_for  # noqa: E402
from dicomkit.net.services.storage.scu import load  # noqa: E402
from tests.net.peers import dcmtk_storescp  # noqa: E402
from tests.samples import sample  # noqa: E402


async def _store(peer: object, files: list[Path], events: object) -> float:
    ae = ApplicationEntity("BENCH", events=events)
    item = load(files[0])
    contexts = contexts_for([(item.sop_class, item.transfer_syntax)])
    async with ae.connect(peer.host, peer.port, called_ae=peer.aet,  # type: ignore[attr-defined]
                          contexts=contexts) as assoc:
        start = time.perf_counter()
        results = await store_on(assoc, files)
        elapsed = time.perf_counter() - start
    assert all(r.ok for r in results)
    return len(files) / elapsed


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--files", type=int, default=500)
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    files = [sample("CT_small.dcm")] * args.files
    with tempfile.TemporaryDirectory() as tmp, dcmtk_storescp(Path(tmp) / "out", discard=True) as peer:
        bare, observed = [], []
        trail = AuditTrail([AuditFile(Path(tmp) / "audit.xml.log")])
        audit = AuditObserver(trail.emit, ae_title="BENCH")
        for _ in range(args.rounds):
            bare.append(anyio.run(_store, peer, files, None))
            observed.append(anyio.run(_store, peer, files, [
                audit, NetworkMetrics(Registry()), LoggingObserver()]))
        trail.flush(60)
        trail.close()
        b, o = statistics.median(bare), statistics.median(observed)
        ratios = sorted(x / y for x, y in zip(observed, bare, strict=True))
        print(f"C-STORE to dcmtk storescp, {args.files} files x {args.rounds} rounds (median)")
        print(f"  without observers : {b:8.0f} files/s")
        print(f"  audit+metrics+log : {o:8.0f} files/s")
        print(f"  ratio per round (observed / bare, paired): median {statistics.median(ratios):.2f}, "
              f"range {ratios[0]:.2f}-{ratios[-1]:.2f}")

        n = 5000
        log = Path(tmp) / "rate.xml.log"
        me = builders.Endpoint.local("A", "127.0.0.1")
        peer_ep = builders.Endpoint.remote("B", "127.0.0.1", 104)
        study = builders.Study("1.2.3", {"1.2.840.10008.5.1.4.1.1.2": ["1.2.3.4"]})
        patient = builders.Patient("P")
        with AuditTrail([AuditFile(log)], maxsize=n) as rate_trail:
            start = time.perf_counter()
            for _ in range(n):
                rate_trail.emit(builders.instances_transferred(me, peer_ep, [study], patient,
                                                               source="A"))
            built = time.perf_counter() - start
            rate_trail.flush(120)
            total = time.perf_counter() - start
        print(f"audit messages: built and queued {n / built:8.0f}/s, "
              f"delivered to an XML file {n / total:8.0f}/s")


if __name__ == "__main__":
    main()
