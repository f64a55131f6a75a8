"""The Event Report frame (PS3.18 8.10.5.1.1, 11.13): the server's encoder and the client's
decoder are inverse (property test), and the decoder takes random or mutated bytes with its
own error only (it reads what a server sends)."""

from __future__ import annotations

import orjson
from hypothesis import given, settings
from hypothesis import strategies as st

from dicomkit.core.dataset import Dataset
from dicomkit.generated import ups
from dicomkit.generated.commands import COMMAND_TAGS
from dicomkit.web.client.notifications import parse_event
from dicomkit.web.errors import DicomWebError
from dicomkit.web.server.ups_rs import event_message
from dicomkit.workitems import Event

uids = st.lists(st.integers(0, 99999), min_size=2, max_size=8).map(
    lambda parts: "1." + ".".join(str(p) for p in parts))
cs = st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 _", min_size=1, max_size=16) \
    .map(str.strip).filter(bool)
text = st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs"),
                                      blacklist_characters="\\"), max_size=40).map(str.strip)


@st.composite
def events(draw: st.DrawFn) -> tuple[Event, int]:
    info = Dataset()
    kind = draw(st.sampled_from(list(ups.UpsEvent)))
    info.ProcedureStepState = draw(st.sampled_from(list(ups.STATES)))
    info.InputReadinessState = draw(cs)
    reason = draw(text)
    if reason:
        info.ReasonForCancellation = reason
    if draw(st.booleans()):
        info.RequestingAE = draw(cs)
    return Event(kind, draw(uids), info, ("AE",)), draw(st.integers(0, 0xFFFF))


@settings(max_examples=200, deadline=None)
@given(events())
def test_frame_round_trip(case: tuple[Event, int]) -> None:
    event, message_id = case
    frame = event_message(event, message_id)
    back = parse_event(frame.decode("utf-8"))
    assert back[COMMAND_TAGS["EventTypeID"]].value == int(event.event_type)
    assert back[COMMAND_TAGS["AffectedSOPInstanceUID"]].value == event.uid
    assert back[COMMAND_TAGS["MessageID"]].value == message_id
    for elem in event.info.elements():
        assert back[elem.tag].value == elem.value


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    event, mid = draw(events())
    data = bytearray(event_message(event, mid))
    for _ in range(draw(st.integers(1, 6))):
        data[draw(st.integers(0, len(data) - 1))] = draw(st.integers(0, 255))
    return bytes(data)


json_like = st.recursive(st.none() | st.booleans() | st.integers(-(2**63), 2**63 - 1)
                         | st.text(max_size=10),
                         lambda inner: st.lists(inner, max_size=3)
                         | st.dictionaries(st.text(max_size=8), inner, max_size=3),
                         max_leaves=10).map(orjson.dumps)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300) | mutated() | json_like)
def test_random_frames_raise_only_our_error(data: bytes) -> None:
    try:
        parse_event(data)
    except DicomWebError:
        pass
