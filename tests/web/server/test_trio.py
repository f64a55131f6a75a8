"""The ASGI application on trio as on asyncio (anyio throughout): QIDO, WADO and STOW driven
through httpx's ASGI transport under each backend."""

from __future__ import annotations

from pathlib import Path

import anyio
import httpx
import pytest

from dicomkit.archive import Archive
from dicomkit.web.multipart import Part, boundary_of, content_type, iter_multipart, read_parts
from dicomkit.web.server import create_app
from tests.archive.make import instance, uid


@pytest.mark.parametrize("backend", ["asyncio", "trio"])
def test_store_search_retrieve_on_each_backend(tmp_path: Path, backend: str) -> None:
    archive = Archive(tmp_path / "archive")
    st, se, sop = uid(), uid(), uid()
    data = instance(st, se, sop)

    async def go() -> None:
        transport = httpx.ASGITransport(app=create_app(archive))
        async with httpx.AsyncClient(transport=transport, base_url="http://pacs.test") as http:
            boundary = "b0und4ry"
            body = b"".join(iter_multipart([Part(data, content_type="application/dicom")],
                                           boundary))
            r = await http.post("/studies", content=body, headers={
                "Content-Type": content_type(boundary, "application/dicom")})
            assert r.status_code == 200, r.text
            r = await http.get("/studies", params={"StudyInstanceUID": st})
            assert r.json()[0]["00081190"]["Value"] == [f"http://pacs.test/studies/{st}"]
            r = await http.get(f"/studies/{st}", headers={
                "Accept": 'multipart/related; type="application/dicom"; transfer-syntax=*'})
            [(_h, got)] = read_parts(r.content, boundary_of(r.headers["content-type"]))
            assert got == data
            r = await http.get(f"/studies/{st}/series/{se}/instances/{sop}/thumbnail")
            assert r.status_code == 200 and r.content[:2] == b"\xff\xd8"

    try:
        anyio.run(go, backend=backend)
    finally:
        archive.close()
