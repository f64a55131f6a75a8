"""The ``dicomkit`` entry point imports only the subcommand it runs."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from dicomkit.cli import main
from tests.samples import sample_str

#: runs the entry point, then prints its status and the modules a subcommand that reads files
#: must not pay for: the generators and their dependencies, and the network stack
_PROBE = """
import json, sys
from dicomkit.cli.main import main
status = main(sys.argv[1:])
print(json.dumps([status, sorted(m for m in sys.modules if m.split('.')[0] in {'lxml', 'jinja2',
      'construct', 'anyio'} or m.startswith(('dicomkit.codegen', 'dicomkit.net')))]))
"""


def _probe(*argv: str) -> tuple[int, list[str]]:
    proc = subprocess.run([sys.executable, "-c", _PROBE, *argv], capture_output=True, text=True,
                          timeout=120, check=False)
    last = proc.stdout.strip().splitlines()[-1]
    status, modules = json.loads(last)
    return int(status), list(modules)


def test_dump_imports_neither_the_generators_nor_the_network_stack() -> None:
    status, modules = _probe("dump", sample_str("CT_small.dcm"))
    assert status == 0
    assert modules == []


def test_help_lists_every_subcommand_without_importing_any(capsys: pytest.CaptureFixture[str]
                                                           ) -> None:
    before = set(sys.modules)
    with pytest.raises(SystemExit) as exc:
        main.main(["--help"])
    assert exc.value.code == 0
    out = capsys.readouterr().out
    for name in main.SUBCOMMANDS:
        assert name in out
    loaded = {m for m in set(sys.modules) - before if m.startswith("dicomkit.cli.")}
    assert loaded == set()


def test_a_subcommand_gets_its_own_options_and_only_its_module() -> None:
    args = main.build_parser("dump").parse_args(["dump", "--json", "f.dcm"])
    assert args.json is True and args.files == ["f.dcm"]
    with pytest.raises(SystemExit):  # options of another subcommand are not known to it
        main.build_parser("dump").parse_args(["dump", "--aec", "X", "f.dcm"])


def test_chosen_subcommand_skips_top_level_options_and_ignores_unknown_names() -> None:
    assert main.chosen_subcommand(["--version"]) is None
    assert main.chosen_subcommand(["dump", "x"]) == "dump"
    assert main.chosen_subcommand(["nonsense", "dump"]) is None
    assert main.chosen_subcommand([]) is None


def test_an_unknown_subcommand_is_refused_with_exit_status_2(capsys: pytest.CaptureFixture[str]
                                                            ) -> None:
    with pytest.raises(SystemExit) as exc:
        main.main(["nonsense"])
    assert exc.value.code == 2
    assert "nonsense" in capsys.readouterr().err
