"""Peak memory of retrieving a large study: dicomkit's ``retrieve_to`` (streamed to disk)
against dicomweb-client's ``retrieve_study``, each in its own process.

    python bench/bench_web_client_memory.py [--gigabytes 1.0] [--instance-mb 10]

A loopback server in this process answers WADO-RS with a multipart/related body of
``--gigabytes`` of ``--instance-mb`` Part 10 instances (generated once, each part sent from the
same bytes, nothing buffered beyond one instance); each client runs in a child process that
prints its peak RSS (``getrusage``) and the time taken.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

import dicomkit  # noqa: E402
from dicomkit.io.writer import encode_file  # noqa: E402
from tests.samples import sample  # noqa: E402

_CHILD = r"""
import json, resource, sys, time
mode, url, out = sys.argv[1:4]
t = time.perf_counter()
if mode.startswith("dicomkit"):
    from dicomkit.web.client import BlockingDicomWebClient
    options = {}
    if mode == "dicomkit-aiohttp":
        from dicomkit.web.client.aiohttp_transport import AiohttpTransport
        options["transport"] = AiohttpTransport()
    with BlockingDicomWebClient(url, **options) as web:
        n = len(web.retrieve_to(out, "1.2.3", transfer_syntax="*"))
else:
    from dicomweb_client.api import DICOMwebClient
    n = len(DICOMwebClient(url=url).retrieve_study("1.2.3"))
print(json.dumps({"n": n, "seconds": time.perf_counter() - t,
                  "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gigabytes", type=float, default=1.0)
    ap.add_argument("--instance-mb", type=float, default=10.0)
    ap.add_argument("--skip-dicomweb-client", action="store_true")
    args = ap.parse_args()

    ds = dicomkit.read(sample("CT_small.dcm"))
    side = int((args.instance_mb * 1e6 / 2) ** 0.5)
    ds.Rows = side
    ds.Columns = side
    ds.PixelData = bytes(side * side * 2)
    instance = encode_file(ds)
    count = max(1, int(args.gigabytes * 1e9 // len(instance)))
    boundary = b"dicomkit-bench-boundary"
    head = b"--" + boundary + b"\r\nContent-Type: application/dicom\r\n\r\n"
    tail = b"\r\n--" + boundary + b"--\r\n"
    length = count * (len(head) + len(instance) + 2) - 2 + len(tail)

    class H(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *a: object) -> None:
            pass

        def do_GET(self) -> None:  # noqa: N802
            self.send_response(200)
            self.send_header("Content-Type", "multipart/related; type=\"application/dicom\"; "
                             f"boundary={boundary.decode()}")
            self.send_header("Content-Length", str(length))
            self.end_headers()
            for i in range(count):
                self.wfile.write(head if i == 0 else b"\r\n" + head)
                self.wfile.write(instance)
            self.wfile.write(tail)

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), H)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{httpd.server_address[1]}/dicom-web"
    print(f"study: {count} instances of {len(instance) / 1e6:.1f} MB = {length / 1e9:.2f} GB")
    modes = ["dicomkit", "dicomkit-aiohttp"] + ([] if args.skip_dicomweb_client
                                                else ["dicomweb-client"])
    for mode in modes:
        with tempfile.TemporaryDirectory() as out:
            done = subprocess.run([sys.executable, "-c", _CHILD, mode, url, out],
                                  capture_output=True, text=True, cwd=PROJECT)
        if done.returncode != 0:
            print(f"{mode}: failed: {done.stderr[-500:]}")
            continue
        r = json.loads(done.stdout.strip().splitlines()[-1])
        print(f"{mode:18} {r['n']:5} instances  {r['seconds']:6.1f} s  "
              f"{length / 1e6 / r['seconds']:7.1f} MB/s  peak RSS {r['peak_rss_mb']:7.1f} MB")
    httpd.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
