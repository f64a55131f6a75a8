"""Real DICOM peers for the interoperability tests and the benchmark: dcmtk and pynetdicom.

Context managers start a peer on a free loopback port, wait until it listens and stop it on exit;
runners run a client peer to completion.  Nothing is printed on success: peer output is captured
and shown only in the error raised when a peer fails.  Absent peers are reported through
:func:`tests.conftest.missing` by the fixtures at the end (skip locally, fail in CI).

dcmtk's tools are looked up by asking each candidate for ``--version``: pynetdicom installs
console scripts with the same names (``storescp``, ``echoscu``...) that may come first on PATH.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

from dicomkit.generated import uids

HOST = "127.0.0.1"
#: Debian's dcmtk leaves Nagle's algorithm on unless ``TCP_NODELAY=1`` is in its environment,
#: which costs a delayed-ACK wait (~40 ms) per message on loopback
DCMTK_ENV = {**os.environ, "TCP_NODELAY": os.environ.get("TCP_NODELAY", "1")}
HERE = Path(__file__).resolve().parent

#: dcmtk storescu's proposal option for a compressed / non-default transfer syntax (dcmtk's own
#: option table, ``storescu --help``); syntaxes not here cannot be sent by storescu.
STORESCU_PROPOSAL: dict[str, str] = {
    uids.ImplicitVRLittleEndian: "-x=",
    uids.ExplicitVRLittleEndian: "-x=",
    uids.ExplicitVRBigEndian: "-xb",
    uids.DeflatedExplicitVRLittleEndian: "-xd",
    uids.JPEGBaseline8Bit: "-xy",
    uids.JPEGExtended12Bit: "-xx",
    uids.JPEGLosslessSV1: "-xs",
    uids.JPEGLSLossless: "-xt",
    uids.JPEGLSNearLossless: "-xu",
    uids.JPEG2000Lossless: "-xv",
    uids.JPEG2000: "-xw",
    uids.RLELossless: "-xr",
}


class PeerError(RuntimeError):
    """A peer did not start, or a client peer failed; carries the peer's output."""


@dataclasses.dataclass
class Peer:
    """A running server peer."""

    name: str
    host: str
    port: int
    aet: str
    out_dir: Path
    process: subprocess.Popen[bytes]
    log: Path

    def output(self) -> str:
        """What the peer wrote to stdout/stderr so far."""
        return self.log.read_text(errors="replace")


@dataclasses.dataclass(frozen=True)
class TLSFiles:
    """A private CA with a server and a client certificate (PEM, unencrypted keys)."""

    ca_cert: Path
    server_cert: Path
    server_key: Path
    client_cert: Path
    client_key: Path


# -- lookup ------------------------------------------------------------------------------------

@functools.cache
def dcmtk_tool(name: str) -> str | None:
    """Path of dcmtk's ``name`` (``storescp``...), skipping same-named non-dcmtk scripts."""
    seen: list[str] = []
    for folder in os.environ.get("PATH", "").split(os.pathsep) + ["/usr/bin", "/usr/local/bin"]:
        candidate = os.path.join(folder, name)
        if candidate in seen or not os.access(candidate, os.X_OK) or os.path.isdir(candidate):
            continue
        seen.append(candidate)
        try:
            out = subprocess.run([candidate, "--version"], capture_output=True, timeout=10)
        except (OSError, subprocess.TimeoutExpired):
            continue
        if b"$dcmtk:" in out.stdout + out.stderr:
            return candidate
    return None


@functools.cache
def dcmtk_has_tls() -> bool:
    """True when dcmtk's storescp was built with OpenSSL (Debian's is)."""
    tool = dcmtk_tool("storescp")
    if tool is None:
        return False
    out = subprocess.run([tool, "--version"], capture_output=True, text=True).stdout
    return "OpenSSL" in out


@functools.cache
def have_pynetdicom() -> bool:
    """True when pynetdicom can be imported by a subprocess of this interpreter."""
    try:
        import pynetdicom  # noqa: F401
    except ImportError:
        return False
    return True


def free_port() -> int:
    """A TCP port on the loopback interface nobody listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def _listening(port: int) -> bool:
    """True when something listens on ``port`` (Linux: /proc/net/tcp, without connecting)."""
    try:
        text = Path("/proc/net/tcp").read_text()
    except OSError:
        with socket.socket() as s:
            return s.connect_ex((HOST, port)) == 0
    needle = f":{port:04X} "
    for line in text.splitlines()[1:]:
        fields = line.split()
        if len(fields) > 3 and fields[1].endswith(needle.strip()) and fields[3] == "0A":
            return True
    return False


def wait_listening(proc: subprocess.Popen[bytes], port: int, log: Path, timeout: float = 15.0) -> None:
    """Wait until ``proc`` listens on ``port``; raise :class:`PeerError` if it exits or times out."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise PeerError(f"peer exited with {proc.returncode}:\n{log.read_text(errors='replace')}")
        if _listening(port):
            return
        time.sleep(0.02)
    raise PeerError(f"peer did not listen on {port} within {timeout} s:\n"
                    f"{log.read_text(errors='replace')}")


def stop(proc: subprocess.Popen[bytes]) -> None:
    """Stop a peer started here: SIGTERM, then SIGKILL after 5 s."""
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)


@contextlib.contextmanager
def _server(name: str, argv_for_port: Any, out_dir: Path, aet: str, log_dir: Path,
            env: dict[str, str] | None = None, listen_timeout: float = 15.0) -> Iterator[Peer]:
    """Start ``argv_for_port(port)`` on a free port (retrying if the port was taken meanwhile);
    ``listen_timeout``: how long it may take to listen (a peer loading a large archive)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    log_dir.mkdir(parents=True, exist_ok=True)
    last: PeerError | None = None
    for _attempt in range(3):
        port = free_port()
        log = log_dir / f"{name}-{port}.log"
        with open(log, "wb") as fh:
            proc = subprocess.Popen(argv_for_port(port), stdout=fh, stderr=subprocess.STDOUT,
                                    stdin=subprocess.DEVNULL, env=env)
        try:
            wait_listening(proc, port, log, listen_timeout)
        except PeerError as exc:
            stop(proc)
            last = exc
            continue
        try:
            yield Peer(name, HOST, port, aet, out_dir, proc, log)
        finally:
            stop(proc)
        return
    assert last is not None
    raise last


# -- dcmtk -------------------------------------------------------------------------------------

def _dcmtk_tls_server_args(tls: TLSFiles | None) -> list[str]:
    if tls is None:
        return []
    return ["+tls", str(tls.server_key), str(tls.server_cert), "-pw", "+cf", str(tls.ca_cert),
            "-rc"]


def _dcmtk_tls_client_args(tls: TLSFiles | None) -> list[str]:
    if tls is None:
        return []
    return ["+tls", str(tls.client_key), str(tls.client_cert), "-pw", "+cf", str(tls.ca_cert)]


@contextlib.contextmanager
def dcmtk_storescp(out_dir: Path, *, aet: str = "STORESCP", tls: TLSFiles | None = None,
                   discard: bool = False, extra: Sequence[str] = (),
                   syntaxes: str = "+xa") -> Iterator[Peer]:
    """dcmtk ``storescp`` writing into ``out_dir``: every storage SOP class (``-pm``) and every
    transfer syntax dcmtk knows (``+xa``; ``syntaxes="+xe"``: uncompressed only), files stored
    bit-preserving (``+B``) under unique names (``-uf``); ``discard`` ignores the data
    (``--ignore``, for the benchmark)."""
    tool = dcmtk_tool("storescp")
    if tool is None:
        raise PeerError("dcmtk storescp not found")
    args = ["-aet", aet, syntaxes, "-pm", "-od", str(out_dir), "+B", "-uf"]
    if discard:
        args.append("--ignore")
    args += _dcmtk_tls_server_args(tls) + list(extra)
    with _server("storescp", lambda port: [tool, *args, str(port)], out_dir, aet,
                 out_dir.parent / "logs", DCMTK_ENV) as peer:
        yield peer


def _run(argv: Sequence[str], timeout: float,
         env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(list(argv), capture_output=True, text=True, timeout=timeout,
                          stdin=subprocess.DEVNULL, env=env)


def run_echoscu(host: str, port: int, *, aec: str = "ANY-SCP", aet: str = "ECHOSCU",
                repeat: int = 1, tls: TLSFiles | None = None, check: bool = True,
                timeout: float = 60.0) -> subprocess.CompletedProcess[str]:
    """Run dcmtk ``echoscu`` (``--repeat`` C-ECHOs on one association)."""
    tool = dcmtk_tool("echoscu")
    if tool is None:
        raise PeerError("dcmtk echoscu not found")
    argv = [tool, "-aet", aet, "-aec", aec, "--repeat", str(repeat),
            *_dcmtk_tls_client_args(tls), host, str(port)]
    result = _run(argv, timeout, DCMTK_ENV)
    if check and result.returncode != 0:
        raise PeerError(f"{' '.join(argv)} -> {result.returncode}\n{result.stdout}{result.stderr}")
    return result


def run_storescu(host: str, port: int, files: Sequence[Path | str], *, aec: str = "ANY-SCP",
                 aet: str = "STORESCU", proposal: str = "-x=", required_only: bool = True,
                 tls: TLSFiles | None = None, check: bool = True, timeout: float = 300.0,
                 extra: Sequence[str] = ()) -> subprocess.CompletedProcess[str]:
    """Run dcmtk ``storescu`` sending ``files`` over one association, continuing after a failed
    file (``--no-halt``); ``proposal`` is a transfer syntax option (``-xs``, ``-xy``... see
    :data:`STORESCU_PROPOSAL`), ``required_only`` proposes only the files' SOP classes (``-R``)."""
    tool = dcmtk_tool("storescu")
    if tool is None:
        raise PeerError("dcmtk storescu not found")
    argv = [tool, "-aet", aet, "-aec", aec, proposal, "--no-halt",
            *(["-R"] if required_only else []), *_dcmtk_tls_client_args(tls), *extra,
            host, str(port), *map(str, files)]
    result = _run(argv, timeout, DCMTK_ENV)
    if check and result.returncode != 0:
        raise PeerError(f"storescu -> {result.returncode}\n{result.stdout}{result.stderr}")
    return result


# -- pynetdicom --------------------------------------------------------------------------------

@contextlib.contextmanager
def pynetdicom_scp(out_dir: Path, *, aet: str = "PYNETDICOM", extra_sop_classes: Sequence[str] = (),
                   discard: bool = False) -> Iterator[Peer]:
    """pynetdicom as Verification + Storage SCP in a subprocess, writing ``<SOPInstanceUID>.dcm``
    files into ``out_dir`` (``discard``: write nothing, for the benchmark)."""
    script = str(HERE / "pynetdicom_scp.py")
    extra = [a for uid in extra_sop_classes for a in ("--sop", uid)]
    if discard:
        extra.append("--discard")

    def argv(port: int) -> list[str]:
        return [sys.executable, script, str(port), str(out_dir), "--aet", aet, *extra]

    with _server("pynetdicom-scp", argv, out_dir, aet, out_dir.parent / "logs") as peer:
        yield peer


def run_pynetdicom_scu(mode: str, host: str, port: int, files: Sequence[Path | str] = (), *,
                       aec: str = "ANY-SCP", aet: str = "PYNETDICOM", repeat: int = 1,
                       check: bool = True, timeout: float = 300.0) -> dict[str, Any]:
    """Run ``tests/net/pynetdicom_scu.py`` (``mode`` "echo" or "store"); return its JSON report
    (``statuses``, ``seconds``, ``bytes``) plus ``returncode``."""
    argv = [sys.executable, str(HERE / "pynetdicom_scu.py"), mode, host, str(port),
            *map(str, files), "--aec", aec, "--aet", aet, "--repeat", str(repeat)]
    result = _run(argv, timeout)
    try:
        report: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    except (IndexError, ValueError):
        report = {"error": result.stdout + result.stderr}
    report["returncode"] = result.returncode
    if check and result.returncode != 0:
        raise PeerError(f"pynetdicom SCU -> {result.returncode}\n{result.stdout}{result.stderr}")
    return report


# -- TLS ---------------------------------------------------------------------------------------

def make_tls_files(folder: Path) -> TLSFiles:
    """Write a private CA and a server certificate (127.0.0.1 / localhost) and a client
    certificate signed by it, RSA 2048 (dcmtk's default BCP 195 profile needs ECDHE-RSA)."""
    import datetime
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    folder.mkdir(parents=True, exist_ok=True)
    now = datetime.datetime.now(datetime.UTC)

    def key() -> rsa.RSAPrivateKey:
        return rsa.generate_private_key(public_exponent=65537, key_size=2048)

    def name(cn: str) -> x509.Name:
        return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn)])

    def write_key(k: rsa.RSAPrivateKey, path: Path) -> None:
        path.write_bytes(k.private_bytes(serialization.Encoding.PEM,
                                         serialization.PrivateFormat.TraditionalOpenSSL,
                                         serialization.NoEncryption()))

    ca_key = key()
    ca = (x509.CertificateBuilder().subject_name(name("dicomkit test CA"))
          .issuer_name(name("dicomkit test CA")).public_key(ca_key.public_key())
          .serial_number(x509.random_serial_number())
          .not_valid_before(now - datetime.timedelta(days=1))
          .not_valid_after(now + datetime.timedelta(days=30))
          .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
          .add_extension(x509.KeyUsage(digital_signature=True, key_cert_sign=True, crl_sign=True,
                                       content_commitment=False, key_encipherment=False,
                                       data_encipherment=False, key_agreement=False,
                                       encipher_only=False, decipher_only=False), critical=True)
          .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()),
                         critical=False)
          .sign(ca_key, hashes.SHA256()))

    def leaf(cn: str, usage: Any, san: bool) -> tuple[x509.Certificate, rsa.RSAPrivateKey]:
        k = key()
        b = (x509.CertificateBuilder().subject_name(name(cn)).issuer_name(ca.subject)
             .public_key(k.public_key()).serial_number(x509.random_serial_number())
             .not_valid_before(now - datetime.timedelta(days=1))
             .not_valid_after(now + datetime.timedelta(days=30))
             .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
             .add_extension(x509.ExtendedKeyUsage([usage]), critical=False)
             .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()),
                            critical=False))
        if san:
            b = b.add_extension(x509.SubjectAlternativeName([
                x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address(HOST))]),
                critical=False)
        return b.sign(ca_key, hashes.SHA256()), k

    server, server_key = leaf("127.0.0.1", ExtendedKeyUsageOID.SERVER_AUTH, True)
    client, client_key = leaf("dicomkit test client", ExtendedKeyUsageOID.CLIENT_AUTH, False)
    files = TLSFiles(folder / "ca.pem", folder / "server.pem", folder / "server.key",
                     folder / "client.pem", folder / "client.key")
    files.ca_cert.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    files.server_cert.write_bytes(server.public_bytes(serialization.Encoding.PEM))
    files.client_cert.write_bytes(client.public_bytes(serialization.Encoding.PEM))
    write_key(server_key, files.server_key)
    write_key(client_key, files.client_key)
    return files


# -- fixtures ----------------------------------------------------------------------------------

@pytest.fixture(scope="session")
def dcmtk_peers() -> None:
    """Skip (fail in CI) unless dcmtk's echoscu, storescu and storescp are installed."""
    from tests.conftest import missing

    for tool in ("echoscu", "storescu", "storescp"):
        if dcmtk_tool(tool) is None:
            missing(f"dcmtk {tool} (apt-get install -y dcmtk)")


@pytest.fixture(scope="session")
def dcmtk_tls_peers(dcmtk_peers: None) -> None:
    """Skip (fail in CI) unless dcmtk was built with OpenSSL."""
    from tests.conftest import missing

    if not dcmtk_has_tls():
        missing("dcmtk built with OpenSSL (TLS)")


@pytest.fixture(scope="session")
def pynetdicom_peer() -> None:
    """Skip (fail in CI) unless pynetdicom is installed."""
    from tests.conftest import missing

    if not have_pynetdicom():
        missing("pynetdicom (pip install -e '.[test]')")


@pytest.fixture(scope="session")
def tls_files(tmp_path_factory: pytest.TempPathFactory) -> TLSFiles:
    """A CA with server and client certificates for the session."""
    return make_tls_files(tmp_path_factory.mktemp("tls"))
