"""The Q/R SCU through the blocking facade (``dicomkit.net.connect(...)`` association's
``find``, ``move``, ``get``), against the scripted SCP served from a portal thread: leaving a
``for`` loop over ``find`` early sends C-CANCEL."""

from __future__ import annotations

from pathlib import Path

import anyio.from_thread

import dicomkit.net
from dicomkit.generated import uids
from dicomkit.io.reader import read
from dicomkit.net.services import qr
from tests.net.qr_scp import ScriptedFind, ScriptedMove, StoringGet, scripted_ae, serving
from tests.net.test_qr_scu import study
from tests.samples import sample


def test_blocking_find_move_and_get(tmp_path: Path) -> None:
    find = ScriptedFind([study(i) for i in range(300)], delay=0.01)
    move = ScriptedMove([(1, 0, 0, 0), (0, 1, 0, 0)])
    files = [sample("CT_small.dcm")]
    ae = scripted_ae(find, move, StoringGet(files), storage_scu=[uids.CTImageStorage])
    with anyio.from_thread.start_blocking_portal() as portal, \
            portal.wrap_async_context_manager(serving(ae)) as addr:
        contexts = qr.get_contexts(("Study Root",), storage=[uids.CTImageStorage], move=True)
        with dicomkit.net.connect(*addr, called_ae="QRSCP", contexts=contexts) as assoc:
            first = []
            for ds in assoc.find(level="STUDY", PatientName="DOE*"):
                first.append(ds)
                if len(first) == 2:
                    break
            assert find.cancelled and find.sent < 300  # C-CANCEL on leaving the loop
            reports: list[qr.Progress] = []
            moved = assoc.move("DEST", StudyInstanceUID="1.2.3", progress=reports.append)
            got = assoc.get(StudyInstanceUID="1.2.3", store=tmp_path)
    assert [str(ds.StudyInstanceUID) for ds in first] == [str(study(i).StudyInstanceUID)
                                                          for i in range(2)]
    assert moved.ok and [r.completed for r in reports] == [0, 1]
    assert got.ok and len(got.stored) == 1 and read(got.stored[0]) == read(files[0])
