"""Shared fixtures: where the DICOM standard is, and the rule that CI never skips silently.

The standard's XML is read from ``$DICOMKIT_STANDARD_DIR`` or ``../shared/dicom-standard``
beside the project.  When it (or a peer a test needs) is missing, tests skip, unless
``DICOMKIT_REQUIRE_ALL=1`` is set (``.ci/run`` sets it), which turns every such skip into a failure.

Tests never touch the network beyond loopback: :func:`pytest_configure` installs a guard on
``socket`` for the whole session (see "network guard" below) and tells pydicom never to download.
"""

from __future__ import annotations

import ipaddress
import os
import socket
import threading
from collections.abc import Callable, Generator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

import pytest

PROJECT = Path(__file__).resolve().parent.parent


def require_all() -> bool:
    """True when missing prerequisites must fail instead of skip (CI)."""
    return os.environ.get("DICOMKIT_REQUIRE_ALL", "") not in ("", "0")


def missing(what: str) -> None:
    """Skip, or fail under ``DICOMKIT_REQUIRE_ALL``, because ``what`` is not available."""
    if require_all():
        pytest.fail(f"{what} is missing and DICOMKIT_REQUIRE_ALL is set")
    pytest.skip(f"{what} is missing")


def standard_root() -> Path:
    """The folder holding the editions of the standard on hand."""
    env = os.environ.get("DICOMKIT_STANDARD_DIR")
    return Path(env) if env else PROJECT.parent / "shared" / "dicom-standard"


@pytest.fixture(scope="session")
def standard_dir() -> Path:
    """The standard's folder; skips (or fails in CI) when absent."""
    root = standard_root()
    if not root.is_dir():
        missing(f"the DICOM standard folder {root}")
    return root


@pytest.fixture(scope="session")
def part_path(standard_dir: Path):  # type: ignore[no-untyped-def]
    """``part_path("2024c", 7)`` -> the DocBook file; ``part_path("2024c", 7, "chtml")`` -> folder."""

    def get(edition: str, part: int, form: str = "docbook") -> Path:
        if form == "docbook":
            p = standard_dir / edition / f"part{part:02d}.xml"
            ok = p.is_file()
        else:
            p = standard_dir / f"{edition}-chtml" / f"part{part:02d}"
            ok = p.is_dir()
        if not ok:
            missing(f"PS3.{part} {edition} ({form}) at {p}")
        return p

    return get


# ------------------------------------------------------------------ network guard
#
# Any attempt of the pytest process to reach a host other than loopback -- connect / connect_ex
# (TCP, UDP, blocking or not: asyncio and trio call socket.socket.connect on non-blocking
# sockets), sendto / sendmsg with an address, name resolution (getaddrinfo, gethostbyname*,
# gethostbyaddr) of a host that is not a loopback name or address -- is refused BEFORE the real
# call, so nothing leaves the machine.  The refusal raises NetworkAccessBlocked (an OSError, so
# callers handle it as they would a network failure) and is recorded: the test phase (setup, call,
# teardown) in which it happened fails with the address even when the code under test swallowed
# the exception (pydicom's download retry catches everything).  Recorded attempts outside any
# test (collection) fail the session.  Allowed: 127.0.0.0/8, ::1 (also IPv4-mapped), the
# localhost names, AF_UNIX and every family other than AF_INET / AF_INET6, and, for name
# resolution only, None and the wildcard addresses servers bind to (0.0.0.0, ::).


class NetworkAccessBlocked(OSError):
    """A test tried to reach a non-loopback host; tests may only use loopback."""


@dataclass
class _Violation:
    message: str
    reported: bool = False


_violations: list[_Violation] = []
_violations_lock = threading.Lock()
_originals: dict[tuple[Any, str], Any] = {}
_LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback"})
_INET = (socket.AF_INET, socket.AF_INET6)


def _is_loopback(host: object, *, wildcard: bool = False) -> bool:
    """True for a loopback name or address (``wildcard``: also 0.0.0.0 and ::)."""
    if isinstance(host, bytes | bytearray):
        host = bytes(host).decode("ascii", "replace")
    if not isinstance(host, str):
        return False
    name = host.strip().strip("[]").split("%", 1)[0].rstrip(".").lower()
    if name in _LOOPBACK_NAMES or name.endswith(".localhost"):
        return True
    try:
        ip = ipaddress.ip_address(name)
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_loopback or (wildcard and ip.is_unspecified)


def _refuse(what: str, target: str) -> NoReturn:
    message = (f"network access blocked: {what} {target} (tests may only reach loopback: "
               "127.0.0.0/8, ::1, localhost; use tests/samples.py for sample files)")
    with _violations_lock:
        _violations.append(_Violation(message))
    raise NetworkAccessBlocked(message)


def _check_address(sock: socket.socket, what: str, address: object) -> None:
    """Refuse ``address`` for an AF_INET/AF_INET6 ``sock`` unless it is loopback."""
    if sock.family not in _INET or not isinstance(address, tuple) or not address:
        return  # AF_UNIX and other local families; a malformed address fails in the real call
    host = address[0]
    if not _is_loopback(host):
        port = f":{address[1]}" if len(address) > 1 else ""
        _refuse(what, f"to {host}{port}")


def _check_name(what: str, host: object, *, wildcard: bool, port: object = None) -> None:
    if host is None or host == "" or host == b"" or _is_loopback(host, wildcard=wildcard):
        return
    host = host.decode("ascii", "replace") if isinstance(host, bytes | bytearray) else host
    _refuse(what, f"of {host!s}" + ("" if port is None else f" (port {port})"))


def _guarded_methods() -> dict[tuple[Any, str], Callable[..., Any]]:
    """The replacements, keyed by (owner, attribute); each checks and then calls the original."""
    real = _originals

    def connect(self: socket.socket, address: Any) -> None:
        _check_address(self, "connect", address)
        return real[socket.socket, "connect"](self, address)  # type: ignore[no-any-return]

    def connect_ex(self: socket.socket, address: Any) -> int:
        _check_address(self, "connect_ex", address)
        return real[socket.socket, "connect_ex"](self, address)  # type: ignore[no-any-return]

    def sendto(self: socket.socket, data: Any, *args: Any) -> int:
        if args:  # sendto(data, address) or sendto(data, flags, address)
            _check_address(self, "sendto", args[-1])
        return real[socket.socket, "sendto"](self, data, *args)  # type: ignore[no-any-return]

    def sendmsg(self: socket.socket, buffers: Any, *args: Any) -> int:
        if len(args) >= 3:  # sendmsg(buffers, ancdata, flags, address)
            _check_address(self, "sendmsg", args[2])
        return real[socket.socket, "sendmsg"](self, buffers, *args)  # type: ignore[no-any-return]

    def getaddrinfo(host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
        _check_name("getaddrinfo", host, wildcard=True, port=port)
        return real[socket, "getaddrinfo"](host, port, *args, **kwargs)

    def gethostbyname(host: str) -> str:
        _check_name("gethostbyname", host, wildcard=True)
        return real[socket, "gethostbyname"](host)  # type: ignore[no-any-return]

    def gethostbyname_ex(host: str) -> Any:
        _check_name("gethostbyname_ex", host, wildcard=True)
        return real[socket, "gethostbyname_ex"](host)

    def gethostbyaddr(host: str) -> Any:
        _check_name("gethostbyaddr", host, wildcard=False)
        return real[socket, "gethostbyaddr"](host)

    return {(socket.socket, "connect"): connect, (socket.socket, "connect_ex"): connect_ex,
            (socket.socket, "sendto"): sendto, (socket.socket, "sendmsg"): sendmsg,
            (socket, "getaddrinfo"): getaddrinfo, (socket, "gethostbyname"): gethostbyname,
            (socket, "gethostbyname_ex"): gethostbyname_ex, (socket, "gethostbyaddr"): gethostbyaddr}


def network_guard_installed() -> bool:
    """True while the guard replaces ``socket.socket.connect`` (and the rest)."""
    return getattr(socket.socket.connect, "__qualname__", "") == "network_guard.connect"


def _install_network_guard() -> None:
    if _originals:
        return
    for (owner, name), guarded in _guarded_methods().items():
        if not hasattr(owner, name):  # sendmsg is missing on some platforms
            continue
        _originals[owner, name] = getattr(owner, name)
        guarded.__qualname__ = f"network_guard.{name}"
        setattr(owner, name, guarded)


def _remove_network_guard() -> None:
    for (owner, name), original in _originals.items():
        setattr(owner, name, original)
    _originals.clear()


def _forbid_pydicom_downloads() -> None:
    """Second line of defence: pydicom's own switch (the one its test suite uses) that makes every
    download fail at once instead of being retried for ~21 s (pydicom has no public setting)."""
    import importlib.util

    if importlib.util.find_spec("pydicom") is None:
        return
    import pydicom.data.download

    pydicom.data.download._SIMULATE_NETWORK_OUTAGE = True


def pytest_configure(config: pytest.Config) -> None:
    _install_network_guard()
    _forbid_pydicom_downloads()


def pytest_unconfigure(config: pytest.Config) -> None:
    _remove_network_guard()


def _fail_on_violations(phase: str) -> Generator[None, Any, Any]:
    """Hook-wrapper body: run the phase, then fail it if it tried to reach the network."""
    with _violations_lock:
        start = len(_violations)
    error: BaseException | None = None
    try:
        result = yield
    except BaseException as exc:  # noqa: BLE001 - re-raised below, or chained to the failure
        error = exc
    with _violations_lock:
        new = _violations[start:]
        for v in new:
            v.reported = True
    if new:
        lines = "\n".join(f"  {v.message}" for v in new)
        raise pytest.fail.Exception(
            f"{len(new)} network access attempt(s) during {phase} (refused; the code may have "
            f"swallowed the error):\n{lines}", pytrace=False) from error
    if error is not None:
        raise error
    return result


@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item: pytest.Item) -> Generator[None, Any, Any]:
    return (yield from _fail_on_violations("setup"))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Generator[None, Any, Any]:
    return (yield from _fail_on_violations("the test"))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None) -> Generator[None, Any, Any]:
    return (yield from _fail_on_violations("teardown"))


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Attempts outside any test phase (collection, hooks) fail the session."""
    with _violations_lock:
        stray = [v for v in _violations if not v.reported]
    if stray:
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        for v in stray:
            if reporter is not None:
                reporter.write_line(f"outside any test: {v.message}", red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
