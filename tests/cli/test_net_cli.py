"""The networking subcommands' parts that need no peer: parsing, file walking, progress output.

Their behaviour against real peers is pinned in ``tests/net/test_interop.py``.
"""

from __future__ import annotations

import argparse
import io
from pathlib import Path

import pytest

from dicomkit.cli import echo, main, store, storescp


class _TTY(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_echo_store_and_storescp_are_registered_subcommands() -> None:
    args = main.build_parser("echo").parse_args(["echo", "host", "104", "--repeat", "3"])
    assert (args.host, args.port, args.repeat, args.aet, args.aec) == ("host", 104, 3,
                                                                       "DICOMKIT", "ANY-SCP")
    args = main.build_parser("store").parse_args(["store", "h", "11112", "a", "b", "--fail-fast",
                                                  "--max-ops", "5"])
    assert (args.paths, args.fail_fast, args.max_ops) == (["a", "b"], True, 5)
    args = main.build_parser("storescp").parse_args(["storescp", "0", "--out", "d",
                                                     "--accept-calling", "A", "B"])
    assert (args.port, args.out, args.accept_calling) == (0, "d", ["A", "B"])


def test_store_continue_on_error_and_fail_fast_exclude_each_other() -> None:
    with pytest.raises(SystemExit):
        main.build_parser("store").parse_args(["store", "h", "1", "f", "--fail-fast",
                                               "--continue-on-error"])


def test_store_walks_folders_recursively_sorted_without_hidden_entries(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".hidden").mkdir()
    for name in ("b/2.dcm", "b/1.dcm", "a.dcm", ".x.dcm", ".hidden/h.dcm"):
        (tmp_path / name).write_bytes(b"")
    single = tmp_path / "a.dcm"
    found = list(store.iter_files([str(tmp_path), str(single)]))
    assert found == [tmp_path / "a.dcm", tmp_path / "b" / "1.dcm", tmp_path / "b" / "2.dcm",
                     single]


def test_progress_writes_one_line_per_file_when_not_a_terminal() -> None:
    out = io.StringIO()
    progress = store.Progress(2, out)
    progress.update("one.dcm", True, 10)
    progress.update("two.dcm", False, 0, "status 0xA700")
    progress.close()
    assert out.getvalue().splitlines() == ["[1/2] ok one.dcm",
                                           "[2/2] FAILED two.dcm: status 0xA700"]


def test_progress_redraws_a_bar_on_a_terminal_and_keeps_failures_visible() -> None:
    out = _TTY()
    progress = store.Progress(2, out)
    progress.update("one.dcm", False, 0, "refused")
    progress.update("two.dcm", True, 2_000_000)
    progress.close()
    text = out.getvalue()
    assert "FAILED one.dcm: refused\n" in text
    assert "\r\x1b[K[" in text and "2/2" in text and "2.0 MB" in text
    assert text.endswith("\n")


def test_quiet_progress_reports_only_failures() -> None:
    out = io.StringIO()
    progress = store.Progress(2, out, quiet=True)
    progress.update("one.dcm", True, 10)
    progress.update("two.dcm", False, 0, "bad")
    assert out.getvalue() == "FAILED two.dcm: bad\n"


def _tls_args(**kw: object) -> argparse.Namespace:
    base: dict[str, object] = {"tls": False, "ca": None, "cert": None, "key": None}
    base.update(kw)
    return argparse.Namespace(**base)


def test_tls_files_without_tls_are_an_error_not_ignored() -> None:
    with pytest.raises(echo.TLSOptionError):
        echo.client_ssl_context(_tls_args(ca="ca.pem"))
    assert echo.client_ssl_context(_tls_args()) is None


def test_tls_server_needs_a_certificate() -> None:
    with pytest.raises(echo.TLSOptionError, match="--cert"):
        echo.server_ssl_context(_tls_args(tls=True))


def test_tls_missing_file_is_reported_as_a_dicom_error(tmp_path: Path) -> None:
    with pytest.raises(echo.TLSOptionError, match="cannot set up TLS"):
        echo.client_ssl_context(_tls_args(tls=True, ca=str(tmp_path / "absent.pem")))


def test_echo_rejects_a_repeat_below_one(capsys: pytest.CaptureFixture[str]) -> None:
    assert main.main(["echo", "127.0.0.1", "104", "--repeat", "0"]) == 2


def test_store_with_no_files_exits_1(tmp_path: Path) -> None:
    assert main.main(["store", "127.0.0.1", "104", str(tmp_path)]) == 1


def test_storescp_module_documents_its_options() -> None:
    parser = argparse.ArgumentParser()
    storescp.add_arguments(parser)
    text = parser.format_help()
    for option in ("--out", "--aet", "--accept-calling", "--max-associations", "--tls"):
        assert option in text


@pytest.mark.parametrize(("argv", "role"), [
    (["echo", "127.0.0.1", "104", "--aec", "A" * 17], "called AE title"),
    (["echo", "127.0.0.1", "104", "--aet", "CAFÉ"], "calling AE title"),
    (["store", "127.0.0.1", "104", "x.dcm", "--aec", "   "], "called AE title"),
    (["storescp", "0", "--out", "x", "--aet", "A\\B"], "our AE title"),
    (["storescp", "0", "--out", "x", "--accept-calling", "OK", "\x01"],
     "accepted calling AE title"),
])
def test_a_bad_ae_title_option_is_a_usage_error_before_anything_connects(
        argv: list[str], role: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main.main(argv)
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert f"invalid {role}" in err and "PS3.5 6.2" in err
