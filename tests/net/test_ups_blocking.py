"""The blocking facade of UPS (BlockingAssociation.ups): one association kept open across the
calls, against ``dicomkit ups serve`` in a process."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from dicomkit.core.dataset import Dataset
from dicomkit.generated import ups
from dicomkit.net import connect
from dicomkit.net.services.ups import UpsRefused, contexts
from tests.net.peers import _server
from tests.workitems.items import final_attributes, new_workitem


def test_blocking_ups_create_claim_set_complete(tmp_path: Path) -> None:
    def argv(port: int) -> list[str]:
        return [sys.executable, "-m", "dicomkit.cli.main", "ups", "serve", str(port), "--db",
                str(tmp_path / "ups.sqlite"), "--aet", "DKUPS", "--bind", "127.0.0.1"]

    with _server("ups-serve", argv, tmp_path / "out", "DKUPS", tmp_path / "logs") as peer:
        with connect(peer.host, peer.port, called_ae="DKUPS", contexts=contexts()) as assoc:
            client = assoc.ups()
            uid = client.create(new_workitem())
            tx = client.claim(uid)
            assert client.get(uid).ProcedureStepState == ups.IN_PROGRESS
            with pytest.raises(UpsRefused) as err:
                client.complete(uid, tx)
            assert err.value.status == ups.UpsStatus.FINAL_STATE_REQUIREMENTS_NOT_MET
            assert client.set(uid, final_attributes(tx)) == 0
            assert client.complete(uid, tx) == 0
            keys = Dataset()
            keys.ProcedureStepState = ups.COMPLETED
            assert [d.SOPInstanceUID for d in client.find(keys)] == [uid]
