"""Random and mutated bytes as the Attribute List of an MPPS N-CREATE / N-SET and of an
Instance Availability Notification N-CREATE: what the SCPs do with a peer's data set (decode,
then the rules of PS3.4 F.7.2 and Table R.3.2-1) raises only the library's own errors."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from dicomkit.generated import uids
from dicomkit.io.writer import encode_dataset
from dicomkit.net.services.ian import missing_attributes, notification
from dicomkit.net.services.ian.datasets import AvailableInstance, read_notification
from dicomkit.net.services.mpps import MppsRuleError, check_create, check_set
from dicomkit.net.services.qr.errors import IdentifierError
from dicomkit.net.services.qr.responses import decode_identifier
from tests.net.test_mpps import step

SEEDS = (
    encode_dataset(step(), uids.ExplicitVRLittleEndian),
    encode_dataset(notification("1.2.3", [AvailableInstance("1.2.3.4", uids.CTImageStorage,
                                                            "1.2.3.4.5", "ONLINE", "AE")]),
                   uids.ExplicitVRLittleEndian),
)


def _mutated(seed: bytes, edits: list[tuple[int, int]]) -> bytes:
    data = bytearray(seed)
    for pos, value in edits:
        data[pos % len(data)] = value
    return bytes(data)


def _through_the_scps(data: bytes, syntax: str) -> None:
    try:
        ds = decode_identifier(data, syntax, uids.ModalityPerformedProcedureStep,
                               operation="N-CREATE")
    except IdentifierError:
        return
    for rule in (lambda: check_create(ds), lambda: check_set(step(), ds),
                 lambda: check_set(ds, step())):
        try:
            rule()
        except MppsRuleError:
            pass
    missing_attributes(ds)
    read_notification(ds)


@settings(max_examples=300, deadline=None)
@given(data=st.binary(max_size=400),
       syntax=st.sampled_from([uids.ExplicitVRLittleEndian, uids.ImplicitVRLittleEndian]))
def test_random_bytes(data: bytes, syntax: str) -> None:
    _through_the_scps(data, syntax)


@settings(max_examples=300, deadline=None)
@given(seed=st.sampled_from(SEEDS),
       edits=st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 255)), max_size=12),
       cut=st.integers(0, 2000))
def test_mutated_data_sets(seed: bytes, edits: list[tuple[int, int]], cut: int) -> None:
    data = _mutated(seed, edits)
    _through_the_scps(data[:cut] if cut < len(data) else data, uids.ExplicitVRLittleEndian)
