"""The suite's network guard (tests/conftest.py): only loopback, and every other attempt fails its test.

The attempts that must fail run in a separate pytest process (a tiny test file in a temporary
folder with ``-p tests.conftest``), so that their failures are the subject of the assertions here
instead of failing this module.  Each attempt aims at 192.0.2.1 (TEST-NET-1, RFC 5737) or
``example.invalid`` (RFC 2606) and the guard refuses it before the real call: the inner tests check
that the socket was never bound to an ephemeral port, which the kernel does before it sends a
connect or a datagram.
"""

from __future__ import annotations

import asyncio
import os
import re
import socket
import subprocess
import sys
import textwrap
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import anyio
import pytest

from tests.conftest import PROJECT, NetworkAccessBlocked, _is_loopback, network_guard_installed

TEST_NET_1 = "192.0.2.1"

#: the inner test file: every test but the control ones makes one refused attempt
INNER_TESTS = '''
import asyncio
import os
import socket

import anyio
import pytest

from tests.conftest import NetworkAccessBlocked, network_guard_installed
from tests.test_network_guard import trio_for_anyio

TARGET = ("192.0.2.1", 9)


def checked(name):
    """Record that the inner test's own assertions held (the guard fails it afterwards)."""
    with open(os.environ["GUARD_CHECKS"], "a") as out:
        out.write(name + "\\n")


@pytest.fixture(autouse=True)
def guard_on():
    # never try anything unguarded: an unguarded connect would send a packet
    assert network_guard_installed()


def test_tcp_connect_raises_at_the_call_before_anything_is_sent():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        with pytest.raises(NetworkAccessBlocked, match=r"connect to 192\\.0\\.2\\.1:9"):
            s.connect(TARGET)
        assert s.getsockname() == ("0.0.0.0", 0)  # no ephemeral port: the kernel saw no connect
    checked("tcp_connect")


def test_nonblocking_connect_ex_raises_before_anything_is_sent():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.setblocking(False)
        with pytest.raises(NetworkAccessBlocked, match="192.0.2.1"):
            s.connect_ex(TARGET)
        assert s.getsockname() == ("0.0.0.0", 0)
    checked("connect_ex")


def test_swallowed_connect():
    try:
        socket.create_connection(TARGET, timeout=1)
    except BaseException:  # what pydicom's download retry does
        pass
    checked("swallowed")


def test_swallowed_udp_sendto():
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        try:
            s.sendto(b"x", TARGET)
        except OSError:
            pass
        assert s.getsockname() == ("0.0.0.0", 0)  # not bound: no datagram went out
    checked("udp_sendto")


def test_swallowed_udp_connect():
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        try:
            s.connect(TARGET)
        except OSError:
            pass
        assert s.getsockname() == ("0.0.0.0", 0)
    checked("udp_connect")


def test_swallowed_getaddrinfo_of_example_invalid():
    try:
        socket.getaddrinfo("example.invalid", 80)
    except OSError:
        pass
    checked("getaddrinfo")


def test_asyncio_connect():
    async def main():
        with pytest.raises(OSError, match="192.0.2.1"):
            await asyncio.open_connection(*TARGET)

    asyncio.run(main())
    checked("asyncio")


@pytest.mark.parametrize("backend", ["asyncio", "trio"])
def test_anyio_connect(backend):
    if backend == "trio":
        trio_for_anyio()

    async def main():
        with pytest.raises(OSError):  # "All connection attempts failed", the refusal as cause
            await anyio.connect_tcp(*TARGET)

    anyio.run(main, backend=backend)
    checked("anyio_" + backend)


def test_trio_socket_connect():
    trio = pytest.importorskip("trio")

    async def main():
        with trio.socket.socket() as s:  # what anyio's trio backend connects with
            with pytest.raises(OSError, match="192.0.2.1"):
                await s.connect(TARGET)
            assert s.getsockname() == ("0.0.0.0", 0)

    trio.run(main)
    checked("trio")


@pytest.fixture
def reaching_fixture():
    try:
        socket.getaddrinfo("example.invalid", 443)
    except OSError:
        pass
    yield


def test_attempt_in_a_fixture(reaching_fixture):
    checked("fixture")


def test_loopback_control():
    with socket.create_server(("127.0.0.1", 0)) as server:
        with socket.create_connection(("localhost", server.getsockname()[1]), timeout=5):
            pass
    checked("control")
'''


def trio_for_anyio() -> None:
    """Skip (fail under DICOMKIT_REQUIRE_ALL) unless trio is installed in a release that anyio's
    trio backend supports (its extra); the test extras install one, so both backends are tested.
    """
    import importlib.metadata

    import anyio as anyio_module

    from tests.conftest import missing

    try:
        import trio
    except ImportError:
        missing("trio (anyio's trio backend; pip install -e '.[test]')")
    wanted = [r for r in importlib.metadata.requires(anyio_module.__name__) or []
              if r.startswith("trio") and "extra" in r]
    have = tuple(int(x) for x in re.findall(r"\d+", trio.__version__)[:3])
    need = tuple(int(x) for x in re.findall(r"\d+", wanted[0].split(";")[0])[:3]) if wanted else ()
    if have < need:
        missing(f"trio newer than {trio.__version__} (anyio's trio backend needs {wanted[0]})")


@dataclass(frozen=True)
class Outcome:
    """One inner test's result: "passed", "failed" or "error", and the message pytest gave."""

    outcome: str
    message: str


@dataclass(frozen=True)
class InnerRun:
    returncode: int
    output: str
    outcomes: dict[str, Outcome]
    checks: list[str]


def run_inner(folder: Path, source: str) -> InnerRun:
    """Run ``source`` as a test file in ``folder`` in a new pytest process with the suite's guard."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "test_inner.py").write_text(source)
    (folder / "pytest.ini").write_text("[pytest]\n")
    checks, report = folder / "checks.txt", folder / "report.xml"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(PROJECT),
                                                                     os.environ.get("PYTHONPATH")])),
           "GUARD_CHECKS": str(checks)}
    env.pop("PYTEST_ADDOPTS", None)
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "tests.conftest",
         "-c", str(folder / "pytest.ini"), "--rootdir", str(folder), f"--junitxml={report}",
         str(folder / "test_inner.py")],
        cwd=folder, env=env, capture_output=True, text=True, timeout=120)
    outcomes: dict[str, Outcome] = {}
    if report.is_file():
        for case in ET.parse(report).getroot().iter("testcase"):
            outcome, message = "passed", ""
            for child in case:
                if child.tag in ("failure", "error", "skipped"):
                    outcome = {"failure": "failed", "error": "error", "skipped": "skipped"}[child.tag]
                    message = (child.get("message") or "") + "\n" + (child.text or "")
            outcomes[case.get("name", "")] = Outcome(outcome, message)
    return InnerRun(proc.returncode, proc.stdout + proc.stderr, outcomes,
                    checks.read_text().split() if checks.is_file() else [])


@pytest.fixture(scope="module")
def inner(tmp_path_factory: pytest.TempPathFactory) -> InnerRun:
    return run_inner(tmp_path_factory.mktemp("guard"), INNER_TESTS)


def test_the_guard_is_on_for_the_whole_suite() -> None:
    assert network_guard_installed()
    assert socket.socket.connect.__qualname__ == "network_guard.connect"
    assert socket.getaddrinfo.__qualname__ == "network_guard.getaddrinfo"


def test_pydicom_is_told_never_to_download() -> None:
    download = pytest.importorskip("pydicom.data.download")
    assert download._SIMULATE_NETWORK_OUTAGE is True
    with pytest.raises(RuntimeError):  # at once: no retry, no socket
        download.data_path_with_download("693_J2KI.dcm")


def _assert_refused(inner: InnerRun, test: str, *needles: str, check: str | None = None) -> None:
    result = inner.outcomes.get(test)
    assert result is not None, f"{test} did not run:\n{inner.output}"
    assert result.outcome == "failed", (test, result, inner.output)
    assert "network access attempt(s) during the test" in result.message
    for needle in needles:
        assert needle in result.message, (needle, result.message)
    if check is not None:  # the inner test's own assertions (nothing sent) held
        assert check in inner.checks, (check, inner.checks, result.message)


def test_a_tcp_connect_to_test_net_1_fails_with_the_address_before_anything_is_sent(
        inner: InnerRun) -> None:
    _assert_refused(inner, "test_tcp_connect_raises_at_the_call_before_anything_is_sent",
                    "connect to 192.0.2.1:9", check="tcp_connect")
    _assert_refused(inner, "test_nonblocking_connect_ex_raises_before_anything_is_sent",
                    "connect_ex to 192.0.2.1:9", check="connect_ex")


def test_a_swallowed_attempt_still_fails_the_test(inner: InnerRun) -> None:
    _assert_refused(inner, "test_swallowed_connect", TEST_NET_1, check="swallowed")


def test_udp_sendto_and_connect_are_refused(inner: InnerRun) -> None:
    _assert_refused(inner, "test_swallowed_udp_sendto", "sendto to 192.0.2.1:9", check="udp_sendto")
    _assert_refused(inner, "test_swallowed_udp_connect", "connect to 192.0.2.1:9",
                    check="udp_connect")


def test_getaddrinfo_of_example_invalid_fails_the_test(inner: InnerRun) -> None:
    _assert_refused(inner, "test_swallowed_getaddrinfo_of_example_invalid",
                    "getaddrinfo of example.invalid", check="getaddrinfo")


def test_asyncio_and_anyio_connects_are_refused(inner: InnerRun) -> None:
    _assert_refused(inner, "test_asyncio_connect", "connect to 192.0.2.1:9", check="asyncio")
    _assert_refused(inner, "test_anyio_connect[asyncio]", "connect to 192.0.2.1:9",
                    check="anyio_asyncio")


def test_trio_and_anyio_on_trio_connects_are_refused(inner: InnerRun) -> None:
    # trio resolves even a numeric address first (getaddrinfo), asyncio's loop connects directly
    for test, check in (("test_trio_socket_connect", "trio"), ("test_anyio_connect[trio]", "anyio_trio")):
        result = inner.outcomes[test]
        if result.outcome == "skipped":
            pytest.skip(result.message.strip())
        _assert_refused(inner, test, TEST_NET_1, check=check)


def test_an_attempt_in_a_fixture_fails_its_setup(inner: InnerRun) -> None:
    result = inner.outcomes["test_attempt_in_a_fixture"]
    assert result.outcome == "error", result
    assert "during setup" in result.message and "example.invalid (port 443)" in result.message
    assert "fixture" not in inner.checks  # the test itself did not run


def test_loopback_passes_in_the_guarded_process(inner: InnerRun) -> None:
    assert inner.outcomes["test_loopback_control"] == Outcome("passed", "")
    assert "control" in inner.checks
    assert inner.returncode == 1, inner.output
    assert [name for name, o in inner.outcomes.items() if o.outcome == "passed"] == [
        "test_loopback_control"]


def test_an_attempt_outside_any_test_fails_the_session(tmp_path: Path) -> None:
    run = run_inner(tmp_path, textwrap.dedent('''
        import socket

        try:  # at import, while pytest collects
            socket.gethostbyname("example.invalid")
        except OSError:
            pass


        def test_nothing_wrong_here():
            pass
    '''))
    assert run.outcomes == {"test_nothing_wrong_here": Outcome("passed", "")}
    assert run.returncode == pytest.ExitCode.TESTS_FAILED, run.output
    assert re.search(r"outside any test: network access blocked: gethostbyname of example\.invalid",
                     run.output), run.output


# -- loopback keeps working in this process ---------------------------------------------------

@pytest.fixture(params=["asyncio", "trio"])
def anyio_backend(request: pytest.FixtureRequest) -> str:
    if request.param == "trio":
        trio_for_anyio()  # before anyio's plugin imports it
    return str(request.param)


@pytest.fixture
def tcp_server() -> Iterator[socket.socket]:
    with socket.create_server(("127.0.0.1", 0)) as server:
        yield server


def test_loopback_tcp_works(tcp_server: socket.socket) -> None:
    port = tcp_server.getsockname()[1]
    for host in ("127.0.0.1", "localhost"):
        with socket.create_connection((host, port), timeout=5) as client:
            peer, _ = tcp_server.accept()
            with peer:
                client.sendall(b"ping")
                assert peer.recv(4) == b"ping"


def test_loopback_ipv6_and_udp_work() -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as rx, \
            socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as tx:
        rx.bind(("127.0.0.1", 0))
        tx.sendto(b"datagram", rx.getsockname())
        rx.settimeout(5)
        assert rx.recv(16) == b"datagram"
    if not socket.has_ipv6:
        return
    try:
        server = socket.create_server(("::1", 0), family=socket.AF_INET6)
    except OSError:  # no IPv6 loopback on this machine
        return
    with server, socket.create_connection(("::1", server.getsockname()[1]), timeout=5):
        pass


def test_unix_sockets_work(tmp_path: Path) -> None:
    path = str(tmp_path / "s")
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(path)
        server.listen()
        with socket.socket(socket.AF_UNIX) as client:
            client.connect(path)


def test_asyncio_loopback_works() -> None:
    async def main() -> bytes:
        async def echo(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            writer.write(await reader.read(4))
            await writer.drain()
            writer.close()

        server = await asyncio.start_server(echo, "127.0.0.1", 0)
        port = server.sockets[0].getsockname()[1]
        async with server:
            reader, writer = await asyncio.open_connection("localhost", port)
            writer.write(b"pong")
            data = await reader.read(4)
            writer.close()
            await writer.wait_closed()
        return data

    assert asyncio.run(main()) == b"pong"


@pytest.mark.anyio
async def test_anyio_loopback_works(anyio_backend: str) -> None:
    """Both anyio backends connect through non-blocking socket.socket.connect, on loopback."""
    received: list[bytes] = []

    async def handle(stream: anyio.abc.SocketStream) -> None:
        async with stream:
            received.append(await stream.receive(5))

    async with await anyio.create_tcp_listener(local_host="127.0.0.1") as listener:
        port = listener.extra(anyio.abc.SocketAttribute.local_port)
        async with anyio.create_task_group() as tg:
            tg.start_soon(listener.serve, handle)
            for host in ("127.0.0.1", "localhost"):
                async with await anyio.connect_tcp(host, port) as client:
                    await client.send(b"hello")
                    await anyio.sleep(0.05)
            tg.cancel_scope.cancel()
    assert received == [b"hello", b"hello"]


def test_trio_loopback_works(tcp_server: socket.socket) -> None:
    trio = pytest.importorskip("trio", reason="trio is not installed")

    async def main() -> None:
        with trio.socket.socket() as s:  # non-blocking socket.socket.connect underneath
            await s.connect(("127.0.0.1", tcp_server.getsockname()[1]))
            await s.send(b"trio")

    trio.run(main)
    peer, _ = tcp_server.accept()
    with peer:
        assert peer.recv(4) == b"trio"


def test_a_refused_attempt_is_an_oserror_naming_the_address() -> None:
    error = NetworkAccessBlocked("network access blocked: connect to 192.0.2.1:9")
    assert isinstance(error, OSError) and "192.0.2.1:9" in str(error)


@pytest.mark.parametrize("host, loopback", [
    ("127.0.0.1", True), ("127.255.0.9", True), ("::1", True), ("[::1]", True),
    ("::ffff:127.0.0.1", True), ("localhost", True), ("LOCALHOST.", True), ("ip6-localhost", True),
    ("foo.localhost", True), (b"127.0.0.1", True),
    ("192.0.2.1", False), ("10.0.0.1", False), ("::ffff:192.0.2.1", False), ("0.0.0.0", False),
    ("::", False), ("example.invalid", False), ("localhost.example.com", False), ("", False),
    (None, False), (2130706433, False),
])
def test_what_counts_as_loopback(host: object, loopback: bool) -> None:
    assert _is_loopback(host) is loopback


def test_wildcard_addresses_are_allowed_only_for_binding_lookups() -> None:
    assert _is_loopback("0.0.0.0", wildcard=True) and _is_loopback("::", wildcard=True)
    assert not _is_loopback("192.0.2.1", wildcard=True)


def test_no_test_or_bench_calls_pydicoms_downloading_sample_finders() -> None:
    """Sample files come from tests/samples.py only (pydicom's finders download, see its docstring)."""
    names = ["get_" + "testdata_file", "get_" + "testdata_files", "get_" + "charset_files"]
    pattern = re.compile(r"\b(" + "|".join(names) + r")\b")
    offenders = []
    for folder in ("tests", "bench"):
        for path in sorted((PROJECT / folder).rglob("*.py")):
            if path == PROJECT / "tests" / "samples.py":
                continue
            for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
                if pattern.search(line):
                    offenders.append(f"{path.relative_to(PROJECT)}:{number}: {line.strip()}")
    assert offenders == []
