"""AsyncArchive on asyncio and trio: operations off the event loop, concurrent tasks, streamed
selects that can be left early."""

from __future__ import annotations

from pathlib import Path

import anyio
import pytest

from dicomkit.archive import AsyncArchive, InstanceRefusedError
from tests.archive.make import instance, uid

pytestmark = pytest.mark.anyio


@pytest.fixture(params=["asyncio", "trio"])
def anyio_backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


async def test_two_tasks_insert_concurrently_and_counts_stay_exact(tmp_path: Path,
                                                                   db_url: str) -> None:
    study = uid()
    datas = [[instance(study, s, uid()) for _ in range(10)] for s in (uid(), uid())]
    async with await AsyncArchive.open(tmp_path / "arc", db=db_url, fsync=False) as archive:
        async def work(batch: list[bytes]) -> None:
            for data in batch:
                assert (await archive.insert_bytes(data)).action == "stored"

        async with anyio.create_task_group() as tg:
            for batch in datas:
                tg.start_soon(work, batch)
        [row] = await archive.find("STUDY", StudyInstanceUID=study)
        assert row["NumberOfStudyRelatedInstances"] == 20
        assert row["NumberOfStudyRelatedSeries"] == 2
        assert (await archive.check()).ok


async def test_select_streams_and_can_be_left_early(tmp_path: Path, db_url: str) -> None:
    async with await AsyncArchive.open(tmp_path / "arc", db=db_url, fsync=False) as archive:
        study = uid()
        for n in range(9):
            await archive.insert_bytes(instance(study, uid(), uid(), number=n))
        numbers = [r["InstanceNumber"] async for r in archive.select(
            "IMAGE", order_by=["InstanceNumber"], batch=4)]
        assert numbers == list(range(9))
        seen = 0
        async for _row in archive.select("IMAGE", batch=2):
            seen += 1
            if seen == 3:
                break
        assert seen == 3
        cols = archive.columns("SERIES")
        rows = [r async for r in archive.select("SERIES", cols["StudyInstanceUID"] == study)]
        assert len(rows) == 9
        assert await archive.delete("STUDY", study) == 9
        assert await archive.count("IMAGE") == 0


async def test_refusals_surface_in_the_task(tmp_path: Path, db_url: str) -> None:
    async with await AsyncArchive.open(tmp_path / "arc", db=db_url, fsync=False) as archive:
        with pytest.raises(InstanceRefusedError):
            await archive.insert_bytes(b"\x00" * 300)
        assert await archive.count("IMAGE") == 0
