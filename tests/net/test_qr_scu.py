"""The Query/Retrieve SCU (PS3.4 Annex C) against a scripted SCP written on dicomkit's own
application entity API (tests/net/qr_scp.py): streamed C-FIND results, pending warnings,
C-CANCEL on leaving early and on a time limit, failure statuses with their generated meaning
and Error Comment, malformed identifiers, C-MOVE progress and the Failed SOP Instance UID List,
C-GET sub-operations received on the same association, extended negotiation."""

from __future__ import annotations

import datetime
from pathlib import Path

import anyio
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dicomkit.core.dataset import Dataset
from dicomkit.generated import tags, uids
from dicomkit.io.reader import read
from dicomkit.io.writer import encode_dataset
from dicomkit.net import AcceptPolicy, ApplicationEntity, AssociationAborted, PresentationContext
from dicomkit.net.services import qr
from dicomkit.net.services.qr.negotiation import query_contexts
from dicomkit.net.services.verification import echo_on
from tests.net.qr_scp import (
    FAST,
    FIND_CANCELLED,
    GET_CANCELLED,
    MOVE_WARNING,
    OUT_OF_RESOURCES,
    PENDING,
    PENDING_WARNING,
    UNABLE_TO_PROCESS,
    ScriptedFind,
    ScriptedMove,
    StoringGet,
    scripted_ae,
    serving,
)
from tests.samples import sample

pytestmark = pytest.mark.anyio
ECHO = PresentationContext(99, uids.Verification, (uids.ImplicitVRLittleEndian,))


@pytest.fixture(params=["asyncio", "trio"])
def anyio_backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def study(n: int, name: str = "DOE^JOHN") -> Dataset:
    ds = Dataset()
    ds.QueryRetrieveLevel = "STUDY"
    ds.PatientName = name
    ds.StudyInstanceUID = f"1.2.826.0.1.3680043.2.1143.{n}"
    ds.StudyDate = "20240102"
    return ds


def client() -> ApplicationEntity:
    return ApplicationEntity("QRSCU", timeouts=FAST)


def contexts(*operations: str) -> list[PresentationContext]:
    return [*query_contexts(operations=operations or ("C-FIND",)), ECHO]


async def test_find_studies_streams_every_identifier_and_sends_typed_keys() -> None:
    scp = ScriptedFind([study(i) for i in range(25)])
    async with serving(scripted_ae(scp)) as addr, \
            client().connect(*addr, called_ae="QRSCP", contexts=contexts()) as assoc:
        async with qr.find_studies(
                assoc, PatientName="DOE^*",
                StudyDate=qr.Range(datetime.date(2024, 1, 1), None),
                StudyTime=(datetime.time(8, 0), datetime.time(17, 30, 0, 250000)),
                ModalitiesInStudy=None) as results:
            found = [ds async for ds in results]
        assert results.status == 0 and not results.cancelled and results.count == 25
    assert [ds.StudyInstanceUID for ds in found] == [study(i).StudyInstanceUID
                                                     for i in range(25)]
    query = scp.queries[0]
    assert query.QueryRetrieveLevel == "STUDY"
    assert query[tags.StudyDate].value == "20240101-"  # PS3.4 C.2.2.2.5 open range
    assert query[tags.StudyTime].value == "080000-173000.250000"
    assert query[tags.PatientName].value == "DOE^*"
    # the unique key and the required keys of Table C.6-5 are asked for as return keys
    for tag in (tags.StudyInstanceUID, tags.AccessionNumber, tags.StudyID, tags.PatientID):
        assert tag in query and query[tag].value in ("", None)


async def test_pending_ff01_is_a_warning_on_the_identifier() -> None:
    scp = ScriptedFind([study(i) for i in range(4)],
                       status_of=lambda i: PENDING_WARNING if i % 2 else PENDING)
    async with serving(scripted_ae(scp)) as addr, \
            client().connect(*addr, called_ae="QRSCP", contexts=contexts()) as assoc:
        async with qr.find_studies(assoc) as results:
            assert len([ds async for ds in results]) == 4
    assert results.warnings == [1, 3]


async def test_leaving_the_block_early_sends_c_cancel_and_the_association_goes_on() -> None:
    scp = ScriptedFind([study(i) for i in range(500)], delay=0.01)
    async with serving(scripted_ae(scp)) as addr, \
            client().connect(*addr, called_ae="QRSCP", contexts=contexts()) as assoc:
        async with qr.find_studies(assoc) as results:
            async for _ds in results:
                if results.count == 3:
                    break
        assert results.cancelled
        assert scp.cancelled and scp.sent < 500
        assert await echo_on(assoc) == 0  # the association goes on


async def test_a_time_limit_cancels_and_raises_query_timeout() -> None:
    scp = ScriptedFind([study(i) for i in range(1000)], delay=0.05)
    async with serving(scripted_ae(scp)) as addr, \
            client().connect(*addr, called_ae="QRSCP", contexts=contexts()) as assoc:
        with pytest.raises(qr.QueryTimeout) as caught:
            async with qr.find_studies(assoc, timeout=0.3) as results:
                async for _ds in results:
                    pass
        assert caught.value.operation == "C-FIND" and 0 < caught.value.received < 1000
        assert scp.cancelled
        assert await echo_on(assoc) == 0


async def test_a_peer_that_ignores_the_cancel_is_aborted_after_the_grace_time() -> None:
    scp = ScriptedFind([study(i) for i in range(1000)], delay=0.05, ignore_cancel=True)
    async with serving(scripted_ae(scp)) as addr:
        async with client().connect(*addr, called_ae="QRSCP", contexts=contexts()) as assoc:
            with anyio.fail_after(5):
                async with qr.find_studies(assoc, cancel_grace=0.3) as results:
                    async for _ds in results:
                        break
            assert isinstance(assoc.ended, AssociationAborted)
            assert scp.sent < 1000


async def test_failure_status_raises_with_the_generated_meaning_and_comment() -> None:
    scp = ScriptedFind([study(1)], final=UNABLE_TO_PROCESS,
                       fields={"ErrorComment": "index offline",
                               "OffendingElement": [tags.PatientName]})
    async with serving(scripted_ae(scp)) as addr, \
            client().connect(*addr, called_ae="QRSCP", contexts=contexts()) as assoc:
        with pytest.raises(qr.QueryFailed) as caught:
            await qr.find_all(assoc, level="STUDY")
    err = caught.value
    assert err.status == UNABLE_TO_PROCESS and err.comment == "index offline"
    assert err.offending_elements == (tags.PatientName,)
    assert "Failed: Unable to process" in str(err)  # PS3.4 Table C.4-1


async def test_refused_out_of_resources_names_its_meaning() -> None:
    scp = ScriptedFind([], final=OUT_OF_RESOURCES)
    async with serving(scripted_ae(scp)) as addr, \
            client().connect(*addr, called_ae="QRSCP", contexts=contexts()) as assoc:
        with pytest.raises(qr.QueryFailed, match="Refused: Out of resources"):
            await qr.find_all(assoc, level="STUDY")


async def test_a_cancel_we_did_not_ask_for_is_a_failure() -> None:
    scp = ScriptedFind([study(1)], final=FIND_CANCELLED)
    async with serving(scripted_ae(scp)) as addr, \
            client().connect(*addr, called_ae="QRSCP", contexts=contexts()) as assoc:
        with pytest.raises(qr.QueryFailed, match="did not cancel"):
            await qr.find_all(assoc, level="STUDY")


async def test_no_find_context_is_a_clear_error() -> None:
    scp = ScriptedFind([])
    async with serving(scripted_ae(scp)) as addr, \
            client().connect(*addr, called_ae="QRSCP", contexts=[ECHO]) as assoc:
        with pytest.raises(qr.NoContextError, match="accepted no C-FIND"):
            qr.find_studies(assoc)


async def test_a_malformed_identifier_raises_identifier_error_and_the_association_lives() -> None:
    bad = study(1)
    good = bytearray(encode_dataset(bad, uids.ExplicitVRLittleEndian))
    good[6:8] = (0xFFF0).to_bytes(2, "little")  # the first element's length past the end
    scp = ScriptedFind([bytes(good)])
    async with serving(scripted_ae(scp)) as addr, \
            client().connect(*addr, called_ae="QRSCP", contexts=contexts()) as assoc:
        with pytest.raises(qr.IdentifierError, match="malformed identifier"):
            await qr.find_all(assoc, level="STUDY")
        assert await echo_on(assoc) == 0


@pytest.mark.parametrize("anyio_backend", ["asyncio"])
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(blob=st.binary(min_size=1, max_size=200))
async def test_random_identifier_bytes_give_only_our_errors(anyio_backend: str,
                                                            blob: bytes) -> None:
    scp = ScriptedFind([blob])
    async with serving(scripted_ae(scp)) as addr, \
            client().connect(*addr, called_ae="QRSCP", contexts=contexts()) as assoc:
        try:
            found = await qr.find_all(assoc, level="STUDY")
        except qr.IdentifierError:
            return
        assert len(found) == 1 and isinstance(found[0], Dataset)


async def test_move_reports_progress_and_the_failed_instance_list() -> None:
    steps = [(3, 0, 0, 0), (2, 1, 0, 0), (1, 1, 1, 0), (0, 2, 1, 0)]
    scp = ScriptedMove(steps, final=MOVE_WARNING, failed_uids=["1.2.3.4", "1.2.3.5"])
    async with serving(scripted_ae(scp)) as addr, \
            client().connect(*addr, called_ae="QRSCP",
                             contexts=contexts("C-MOVE")) as assoc:
        async with qr.move(assoc, "DEST", StudyInstanceUID="1.2.3") as retrieve:
            seen = [(p.remaining, p.completed, p.failed, p.warning) async for p in retrieve]
    assert seen == steps
    result = retrieve.result
    assert result.status == MOVE_WARNING and not result.ok
    assert result.meaning == "Sub-operations Complete - One or more Failures"  # Table C.4-2
    assert result.failed_instances == ("1.2.3.4", "1.2.3.5")
    assert (result.completed, result.failed) == (2, 1)
    assert scp.destinations == ["DEST"]
    query = scp.queries[0]
    assert query.QueryRetrieveLevel == "STUDY" and query.StudyInstanceUID == "1.2.3"
    assert tags.AccessionNumber not in query  # a retrieve identifier holds the unique keys only


async def test_move_to_an_unknown_destination_fails_with_its_meaning() -> None:
    scp = ScriptedMove([])
    async with serving(scripted_ae(scp)) as addr, \
            client().connect(*addr, called_ae="QRSCP",
                             contexts=contexts("C-MOVE")) as assoc:
        with pytest.raises(qr.RetrieveFailed) as caught:
            await qr.move_all(assoc, "NOBODY", StudyInstanceUID="1.2.3")
    assert "Refused: Move Destination unknown" in str(caught.value)
    assert caught.value.comment == "who is NOBODY?"


async def test_move_destination_is_checked_as_an_ae_title() -> None:
    async with serving(scripted_ae(ScriptedMove([]))) as addr, \
            client().connect(*addr, called_ae="QRSCP",
                             contexts=contexts("C-MOVE")) as assoc:
        with pytest.raises(Exception, match="Move Destination"):
            qr.move(assoc, "A" * 17, StudyInstanceUID="1.2.3")


async def test_leaving_a_move_early_cancels_it() -> None:
    steps = [(100 - i, i, 0, 0) for i in range(100)]
    scp = ScriptedMove(steps, delay=0.02)
    async with serving(scripted_ae(scp)) as addr, \
            client().connect(*addr, called_ae="QRSCP",
                             contexts=contexts("C-MOVE")) as assoc:
        async with qr.move(assoc, "DEST", StudyInstanceUID="1.2.3") as retrieve:
            async for progress in retrieve:
                if progress.completed == 2:
                    break
        assert retrieve.result.cancelled
        assert retrieve.result.progress[-1].completed is not None
        assert await echo_on(assoc) == 0


GET_FILES = ("CT_small.dcm", "MR_small.dcm", "rtplan.dcm")


async def test_get_receives_sub_operations_on_the_same_association(tmp_path: Path) -> None:
    files = [sample(name) for name in GET_FILES]
    classes = sorted({str(read(f, stop_before_pixels=True).SOPClassUID) for f in files})
    scp = StoringGet(files)
    async with serving(scripted_ae(scp, storage_scu=classes)) as addr, \
            client().connect(*addr, called_ae="QRSCP", contexts=qr.get_contexts(
                ("Study Root",), storage=classes)) as assoc:
        assert all(assoc.roles[uid] == (False, True) for uid in classes)  # PS3.7 D.3.3.4
        async with qr.get(assoc, store=tmp_path / "got", StudyInstanceUID="1.2.3") as retrieve:
            progress = [p async for p in retrieve]
    result = retrieve.result
    assert result.ok and result.completed == 3 and len(progress) == 2
    assert len(result.stored) == 3
    for source in files:
        original = read(source)
        stored = next(p for p in result.stored if p.stem == str(original.SOPInstanceUID))
        assert read(stored) == original  # data set for data set


async def test_get_without_scp_role_contexts_fails_the_sub_operations(tmp_path: Path) -> None:
    files = [sample("CT_small.dcm")]
    scp = StoringGet(files)
    async with serving(scripted_ae(scp, storage_scu=[uids.CTImageStorage])) as addr, \
            client().connect(*addr, called_ae="QRSCP",
                             contexts=qr.query_contexts(("Study Root",), ("C-GET",))) as assoc:
        result = await qr.get_all(assoc, store=tmp_path, StudyInstanceUID="1.2.3")
    assert result.failed == 1 and result.failed_instances and not result.stored


def test_extended_negotiation_bytes_follow_tables_c5_1_and_c5_3() -> None:
    assert qr.extended_negotiation("C-FIND", relational_queries=True) == b"\x01"
    assert qr.extended_negotiation("C-FIND", relational_queries=True,
                                   date_time_matching=True) == b"\x01\x01"
    assert qr.extended_negotiation("C-FIND", timezone_query_adjustment=True) == b"\x00\x00\x00\x01"
    assert qr.extended_negotiation("C-MOVE", relational_retrieval=True) == b"\x01"
    with pytest.raises(ValueError, match="relational_queries"):
        qr.extended_negotiation("C-FIND", relational=True)


async def test_extended_negotiation_reports_what_the_acceptor_accepted() -> None:
    find = uids.StudyRootQueryRetrieveInformationModelFind
    ae = scripted_ae(ScriptedFind([]))
    ae.policy = AcceptPolicy(ae_title="QRSCP",
                             sop_class_extended=lambda uid, info: info[:1])  # relational only
    async with serving(ae) as addr, client().connect(
            *addr, called_ae="QRSCP", contexts=contexts(),
            sop_class_extended={find: qr.extended_negotiation(
                "C-FIND", relational_queries=True, date_time_matching=True)}) as assoc:
        options = qr.accepted_options(assoc, find)
    assert options["relational_queries"] is True
    assert options["date_time_matching"] is False  # a shorter answer: missing bytes are 0


@settings(max_examples=200, deadline=None)
@given(day=st.dates(), moment=st.times())
def test_dates_and_times_become_da_and_tm_strings_that_read_back(day: datetime.date,
                                                                  moment: datetime.time) -> None:
    from dicomkit.net.services.qr.keys import format_value

    da = format_value("DA", day)
    assert datetime.datetime.strptime(da, "%Y%m%d").date() == day
    tm = format_value("TM", moment)
    parsed = datetime.datetime.strptime(tm, "%H%M%S.%f" if "." in tm else "%H%M%S").time()
    assert parsed == moment.replace(tzinfo=None)
    assert format_value("DA", qr.Range(None, day)) == "-" + da
    assert format_value("DT", datetime.datetime.combine(day, moment)).startswith(da)


_UID = st.lists(st.integers(0, 99999), min_size=2, max_size=6).map(
    lambda parts: "1." + ".".join(map(str, parts)))
# padding spaces are not significant in a PN value (PS3.5 6.2), so none at either end
_NAME = st.text(st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\\^="),
                max_size=20).map(lambda text: text.strip(" "))


@settings(max_examples=150, deadline=None)
@given(name=_NAME, day=st.one_of(st.none(), st.dates()), end=st.one_of(st.none(), st.dates()),
       studies=st.lists(_UID, max_size=4), syntax=st.sampled_from(
           [uids.ExplicitVRLittleEndian, uids.ImplicitVRLittleEndian,
            uids.ExplicitVRBigEndian]))
def test_identifiers_round_trip_through_the_wire_encoding(
        name: str, day: datetime.date | None, end: datetime.date | None, studies: list[str],
        syntax: str) -> None:
    """keys -> identifier -> bytes in the context's syntax -> the identifier a response
    decoder reads: the same data set (the encoder/decoder pair of the SCU)."""
    from dicomkit.net.services.qr.responses import decode_identifier

    ident = qr.identifier({"PatientName": name, "StudyDate": qr.Range(day, end),
                           "StudyInstanceUID": studies or None,
                           "ReferencedStudySequence": {"ReferencedSOPInstanceUID": None}},
                          level="STUDY")
    back = decode_identifier(encode_dataset(ident, syntax), syntax,
                             uids.StudyRootQueryRetrieveInformationModelFind,
                             operation="C-FIND")
    assert back == ident
    if not name.isascii():
        assert back.SpecificCharacterSet == "ISO_IR 192"


def test_datetime_keys_carry_their_utc_offset() -> None:
    from dicomkit.net.services.qr.keys import format_value

    moment = datetime.datetime(2024, 3, 1, 8, 30, tzinfo=datetime.timezone(
        datetime.timedelta(hours=-5, minutes=-30)))
    assert format_value("DT", moment) == "20240301083000-0530"  # PS3.5 Table 6.2-1 &ZZXX
    assert format_value("DT", qr.Range(moment, None)) == "20240301083000-0530-"
    assert format_value("TM", moment) == "083000"
    with pytest.raises(qr.QueryKeyError, match="VR DA"):
        format_value("DA", datetime.time(1, 2))


def test_unknown_levels_models_and_keys_are_refused_with_the_rule() -> None:
    with pytest.raises(qr.QueryKeyError, match="levels: STUDY, SERIES, IMAGE"):
        qr.identifier(level="PATIENT", model="Study Root")
    with pytest.raises(qr.QueryKeyError, match="information model"):
        qr.identifier(level="STUDY", model="Worklist")
    with pytest.raises(qr.QueryKeyError, match="NoSuchKeyword"):
        qr.identifier({"NoSuchKeyword": 1}, level="STUDY")
    with pytest.raises(qr.QueryKeyError, match="sequence"):
        qr.identifier({"PatientID": {"x": 1}}, level="STUDY")


def test_dcmtk_style_key_arguments() -> None:
    keys = qr.parse_key_argument(["PatientName=DOE*", "(0008,0020)=20240101-", "0020,000D=",
                                  "00080061=CT\\MR",
                                  "ReferencedStudySequence[0].ReferencedSOPInstanceUID=1.2"])
    assert keys == {tags.PatientName: "DOE*", tags.StudyDate: "20240101-",
                    tags.StudyInstanceUID: None, tags.ModalitiesInStudy: ["CT", "MR"],
                    tags.ReferencedStudySequence: [{tags.ReferencedSOPInstanceUID: "1.2"}]}


@pytest.mark.parametrize("anyio_backend", ["asyncio"])
@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(blob=st.binary(min_size=1, max_size=120))
async def test_random_final_move_identifiers_give_only_our_errors(anyio_backend: str,
                                                                  blob: bytes) -> None:
    scp = ScriptedMove([(1, 0, 0, 0)], final=MOVE_WARNING, final_data=blob)
    async with serving(scripted_ae(scp)) as addr, \
            client().connect(*addr, called_ae="QRSCP", contexts=contexts("C-MOVE")) as assoc:
        try:
            result = await qr.move_all(assoc, "DEST", StudyInstanceUID="1.2.3")
        except qr.IdentifierError:
            assert await echo_on(assoc) == 0
            return
        assert all(isinstance(uid, str) for uid in result.failed_instances)


async def test_a_status_outside_every_class_is_a_failure() -> None:
    scp = ScriptedFind([study(1)], final=0x0999)  # PS3.7 Annex C lists no 09xx status
    async with serving(scripted_ae(scp)) as addr, \
            client().connect(*addr, called_ae="QRSCP", contexts=contexts()) as assoc:
        with pytest.raises(qr.QueryFailed, match="0x0999"):
            await qr.find_all(assoc, level="STUDY")


async def test_leaving_a_get_early_cancels_the_remaining_sub_operations(tmp_path: Path) -> None:
    files = [sample(name) for name in ("CT_small.dcm", "MR_small.dcm", "rtplan.dcm")] * 4
    classes = sorted({str(read(f, stop_before_pixels=True).SOPClassUID) for f in files})
    scp = StoringGet(files)
    async with serving(scripted_ae(scp, storage_scu=classes)) as addr, \
            client().connect(*addr, called_ae="QRSCP", contexts=qr.get_contexts(
                ("Study Root",), storage=classes)) as assoc:
        async with qr.get(assoc, store=tmp_path, StudyInstanceUID="1.2.3") as retrieve:
            async for progress in retrieve:
                if progress.completed == 2:
                    break
        result = retrieve.result
        assert result.cancelled and result.status == GET_CANCELLED
        assert assoc.is_established  # the association goes on
    assert 2 <= len(result.stored) < len(files)


def test_hierarchical_rules_of_the_baseline_scu() -> None:
    """PS3.4 C.4.1.2.1 (C-FIND), C.4.2.2.1 (C-MOVE), C.4.3.2.1 (C-GET)."""
    from dicomkit.generated.query_retrieve import MODELS
    from dicomkit.net.services.qr.keys import check_hierarchical

    patient, study = MODELS["Patient Root"], MODELS["Study Root"]

    def check(keys: dict[str, object], model: object, level: str, operation: str) -> None:
        ds = qr.identifier(keys, level=level, model=model,  # type: ignore[arg-type]
                           defaults=operation == "C-FIND")
        check_hierarchical(ds, model, level, operation)  # type: ignore[arg-type]

    check({"StudyInstanceUID": "1.2"}, study, "SERIES", "C-FIND")
    with pytest.raises(qr.QueryKeyError, match=r"\(0020,000D\) of the STUDY level"):
        check({}, study, "SERIES", "C-FIND")
    with pytest.raises(qr.QueryKeyError, match="single value"):
        check({"StudyInstanceUID": "1.2*"}, study, "SERIES", "C-FIND")
    with pytest.raises(qr.QueryKeyError, match=r"\(0010,0010\) is a key of the PATIENT"):
        check({"PatientID": "A", "PatientName": "X*"}, patient, "STUDY", "C-FIND")
    check({"PatientID": "A", "StudyInstanceUID": ["1.2", "1.3"]}, patient, "STUDY", "C-MOVE")
    with pytest.raises(qr.QueryKeyError, match="one UID or a list of UIDs"):
        check({"PatientID": "A"}, patient, "STUDY", "C-MOVE")
    with pytest.raises(qr.QueryKeyError, match="a single value"):
        check({"PatientID": ["A", "B"]}, patient, "PATIENT", "C-GET")
    with pytest.raises(qr.QueryKeyError, match="C.4.3.2.1"):
        check({"PatientID": "A*"}, patient, "PATIENT", "C-GET")
