"""``dicomkit ups``: the client actions against ``dicomkit qrscp --ups`` (a process), the
events printed by ``dicomkit ups watch`` (a process), and ``dicomkit ups serve``."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import pytest

from dicomkit.cli.main import main
from tests.cli.test_qrscp_cli import qrscp
from tests.net.peers import _server


def _watch(port: int) -> list[str]:
    return [sys.executable, "-m", "dicomkit.cli.main", "ups", "watch", str(port), "--aet",
            "WATCHER", "--bind", "127.0.0.1", "--json", "--count", "5"]


def test_create_claim_complete_and_cancel_with_events(tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]
                                                      ) -> None:
    with _server("ups-watch", _watch, tmp_path / "w", "WATCHER", tmp_path / "logs") as watch:
        with qrscp(tmp_path, "--ups", str(tmp_path / "ups.sqlite"), "--move",
                   f"WATCHER=127.0.0.1:{watch.port}") as peer:
            common = [peer.host, str(peer.port), "--aec", "DKQR"]
            assert main(["ups", "subscribe", *common, "--receiver", "WATCHER", "--lock"]) == 0
            keys = ["-k", "ScheduledProcedureStepPriority=MEDIUM", "-k", "ProcedureStepLabel=AI",
                    "-k", "WorklistLabel=AI", "-k", "InputReadinessState=READY",
                    "-k", "ScheduledProcedureStepStartDateTime=20261203120000",
                    "-k", "PatientName=DOE^JANE", "-k", "PatientID=P1"]
            capsys.readouterr()
            assert main(["ups", "create", *common, *keys]) == 0
            uid = capsys.readouterr().out.strip()
            assert main(["ups", "find", *common, "-k", "PatientName=DOE*", "-k",
                         "ProcedureStepState", "--json"]) == 0
            found = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
            assert [f["00741000"]["Value"] for f in found] == [["SCHEDULED"]]
            assert main(["ups", "claim", *common, uid]) == 0
            tx = capsys.readouterr().out.strip()
            # the final state attributes given with the completion (an N-SET first)
            final = ["-k", "UnifiedProcedureStepPerformedProcedureSequence[0]."
                     "PerformedStationNameCodeSequence[0].CodeValue=AI1",
                     "-k", "UnifiedProcedureStepPerformedProcedureSequence[0]."
                     "PerformedStationNameCodeSequence[0].CodingSchemeDesignator=99LOCAL",
                     "-k", "UnifiedProcedureStepPerformedProcedureSequence[0]."
                     "PerformedStationNameCodeSequence[0].CodeMeaning=AI",
                     "-k", "UnifiedProcedureStepPerformedProcedureSequence[0]."
                     "PerformedProcedureStepStartDateTime=20261203120000",
                     "-k", "UnifiedProcedureStepPerformedProcedureSequence[0]."
                     "PerformedProcedureStepEndDateTime=20261203121000",
                     "-k", "UnifiedProcedureStepPerformedProcedureSequence[0]."
                     "PerformedWorkitemCodeSequence[0].CodeValue=1",
                     "-k", "UnifiedProcedureStepPerformedProcedureSequence[0]."
                     "PerformedWorkitemCodeSequence[0].CodingSchemeDesignator=99LOCAL",
                     "-k", "UnifiedProcedureStepPerformedProcedureSequence[0]."
                     "PerformedWorkitemCodeSequence[0].CodeMeaning=AI",
                     "-k", "UnifiedProcedureStepPerformedProcedureSequence[0]."
                     "OutputInformationSequence[0].TypeOfInstances=DICOM"]
            assert main(["ups", "complete", *common, uid, "--transaction", tx]) == 1
            assert "C304" in capsys.readouterr().err  # final state requirements not met
            assert main(["ups", "complete", *common, uid, "--transaction", tx, *final]) == 0
            assert main(["ups", "create", *common, *keys]) == 0
            other = capsys.readouterr().out.strip()
            assert main(["ups", "cancel", *common, other, "--reason", "not needed"]) == 0
            assert main(["ups", "get", *common, other, "-k", "ProcedureStepState",
                         "--json"]) == 0
            got = json.loads(capsys.readouterr().out)
            assert got["00741000"]["Value"] == ["CANCELED"]
        watch.process.wait(timeout=30)
        events = [json.loads(line) for line in watch.log.read_text().splitlines()
                  if line.startswith("{")]
    states = [(e["event"], e["uid"], e["info"].get("00741000", {}).get("Value", [""])[0])
              for e in events]
    assert states == [("UPS_STATE_REPORT", uid, "SCHEDULED"),
                      ("UPS_STATE_REPORT", uid, "IN PROGRESS"),
                      ("UPS_STATE_REPORT", uid, "COMPLETED"),
                      ("UPS_STATE_REPORT", other, "SCHEDULED"),
                      ("UPS_STATE_REPORT", other, "IN PROGRESS")]


def test_ups_serve_answers_and_refuses_unknown_receivers(tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]
                                                        ) -> None:
    def argv(port: int) -> list[str]:
        return [sys.executable, "-m", "dicomkit.cli.main", "ups", "serve", str(port), "--db",
                str(tmp_path / "ups.sqlite"), "--aet", "DKUPS", "--bind", "127.0.0.1",
                "--purge-every", "0.2"]

    with _server("ups-serve", argv, tmp_path / "out", "DKUPS", tmp_path / "logs") as peer:
        common = [peer.host, str(peer.port), "--aec", "DKUPS"]
        assert main(["ups", "subscribe", *common, "--receiver", "NOBODY"]) == 1
        assert "C308" in capsys.readouterr().err
        assert main(["ups", "claim", *common, "1.2.3.4"]) == 1
        assert "C307" in capsys.readouterr().err
        # a canceled workitem without a deletion lock is purged (PS3.4 CC.2.1.3)
        keys = ["-k", "ScheduledProcedureStepPriority=LOW", "-k", "ProcedureStepLabel=x",
                "-k", "InputReadinessState=READY",
                "-k", "ScheduledProcedureStepStartDateTime=20261203120000"]
        assert main(["ups", "create", *common, *keys]) == 0
        uid = capsys.readouterr().out.strip()
        assert main(["ups", "cancel", *common, uid]) == 0
        deadline = time.monotonic() + 20
        while main(["ups", "get", *common, uid]) == 0 and time.monotonic() < deadline:
            time.sleep(0.2)
        assert "C307" in capsys.readouterr().err
