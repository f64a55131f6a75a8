"""UPS data sets from outside: the Action Information built and read back (property), and
random and mutated bytes of an N-CREATE data set given to the decoder and the workitem
store, in-process and over the wire to our SCP: only dicomkit's errors, or a failure status,
and the SCP keeps serving."""

from __future__ import annotations

import anyio
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dicomkit.errors import DicomError
from dicomkit.generated import tags, uids, ups
from dicomkit.net import ApplicationEntity
from dicomkit.net.dimse import build
from dicomkit.net.services.ups import UpsClient, UpsSCP, contexts
from dicomkit.net.services.ups.datasets import change_state_info, decode, encode, subscribe_info
from dicomkit.workitems import AsyncWorkitemStore, WorkitemStore
from tests.net.qr_scp import FAST
from tests.workitems.items import new_workitem

_UID = st.from_regex(r"\A[1-9][0-9]{0,8}(\.[1-9][0-9]{0,8}){1,6}\Z")
_SYNTAX = st.sampled_from([uids.ExplicitVRLittleEndian, uids.ImplicitVRLittleEndian])
_AE = st.from_regex(r"\A[A-Z][A-Z0-9_]{0,15}\Z")


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(ups.STATES), _UID, _SYNTAX)
def test_change_state_information_round_trips(state: str, tx: str, syntax: str) -> None:
    ds = decode(encode(change_state_info(state, tx), syntax), syntax)
    assert (ds.ProcedureStepState, ds.TransactionUID) == (state, tx)


@settings(max_examples=60, deadline=None)
@given(_AE, st.one_of(st.none(), st.booleans()), _SYNTAX)
def test_subscription_information_round_trips(ae: str, lock: bool | None, syntax: str) -> None:
    ds = decode(encode(subscribe_info(ae, lock), syntax), syntax)
    assert ds.ReceivingAE == ae
    assert ds.get(tags.DeletionLock) is None if lock is None else \
        ds.DeletionLock == ("TRUE" if lock else "FALSE")


def _mutated(data: st.DataObject, good: bytes) -> bytes:
    buf = bytearray(good)
    for _ in range(data.draw(st.integers(1, 6))):
        buf[data.draw(st.integers(0, len(buf) - 1))] = data.draw(st.integers(0, 255))
    return bytes(buf[:data.draw(st.integers(0, len(buf)))])


_GOOD = encode(new_workitem(), uids.ExplicitVRLittleEndian)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_mutated_n_create_data_raises_only_our_errors(data: st.DataObject) -> None:
    store = WorkitemStore()
    try:
        raw = _mutated(data, _GOOD) if data.draw(st.booleans()) else \
            data.draw(st.binary(max_size=200))
        try:
            ds = decode(raw, uids.ExplicitVRLittleEndian)
            store.create(ds, "1.2.3.4")
        except DicomError:
            pass
    finally:
        store.close()


@pytest.mark.anyio
@pytest.mark.parametrize("anyio_backend", ["asyncio"])
async def test_our_scp_answers_garbage_with_failure_and_keeps_serving(anyio_backend: str) -> None:
    import random

    rng = random.Random(17)
    store = AsyncWorkitemStore(WorkitemStore())
    scp = ApplicationEntity("DKUPS", timeouts=FAST)
    scp.add_service(UpsSCP(store, ae_title="DKUPS"))
    ours = ApplicationEntity("FUZZ", timeouts=FAST)
    async with anyio.create_task_group() as tg:
        addr = await tg.start(scp.serve, "127.0.0.1", 0)
        for n in range(20):
            buf = bytearray(_GOOD)
            for _ in range(rng.randint(1, 8)):
                buf[rng.randrange(len(buf))] = rng.randrange(256)
            raw = bytes(buf[:rng.randint(1, len(buf))])
            async with ours.connect(*addr, called_ae="DKUPS", contexts=contexts()) as assoc:
                context = next(c for c in assoc.contexts.values()
                               if c.abstract_syntax == uids.UnifiedProcedureStepPush)
                msg = build("N-CREATE-RQ", data_set=True,
                            AffectedSOPClassUID=uids.UnifiedProcedureStepPush,
                            AffectedSOPInstanceUID=f"1.2.3.{n}")
                assert assoc.dimse is not None
                rsp = await assoc.dimse.request_one(context.id, msg, raw)
                assert rsp.message.name == "N-CREATE-RSP"
        async with ours.connect(*addr, called_ae="DKUPS", contexts=contexts()) as assoc:
            uid = await UpsClient(assoc).create(new_workitem())
            assert (await UpsClient(assoc).get(uid)).ProcedureStepState == ups.SCHEDULED
        tg.cancel_scope.cancel()
    store.store.close()
