"""UPS-RS refusals (PS3.18 11.4 to 11.12): malformed bodies, unknown workitems, wrong or
missing Transaction UIDs, illegal transitions, bad AE titles, each answered with the status
and the Warning the transaction's section names; and random or mutated JSON bodies answered
with a 4xx, never a server error."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dicomkit.core.uid import generate_uid
from dicomkit.generated import ups
from dicomkit.web.json_model import to_json_dict
from tests.web.server.ups_served import UpsServed, ups_served
from tests.workitems.items import final_attributes, new_workitem

JSON = {"Content-Type": "application/dicom+json", "Accept": "application/dicom+json"}


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[UpsServed]:
    with ups_served(Path(tmp_path_factory.mktemp("upsrs"))) as s:
        yield s


@pytest.fixture(scope="module")
def http(served: UpsServed) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=served.url, timeout=30) as client:
        yield client


def body(ds: object) -> bytes:
    return orjson.dumps([to_json_dict(ds)])  # type: ignore[arg-type]


def create(http: httpx.Client) -> str:
    uid = generate_uid()
    r = http.post(f"/workitems?{uid}", content=body(new_workitem()), headers=JSON)
    assert r.status_code == 201, r.text
    assert r.headers["location"].endswith(f"/workitems/{uid}")  # PS3.18 11.4.3.2
    return uid


def state(http: httpx.Client, uid: str, value: str, tx: str | None) -> httpx.Response:
    ds: dict[str, object] = {"00741000": {"vr": "CS", "Value": [value]}}
    if tx is not None:
        ds["00081195"] = {"vr": "UI", "Value": [tx]}
    return http.put(f"/workitems/{uid}/state", content=orjson.dumps([ds]), headers=JSON)


def warning(r: httpx.Response) -> str:
    return r.headers.get("warning", "")


@pytest.mark.parametrize("payload, status", [
    (b"{not json", 400), (b"[1, 2]", 400), (b'"text"', 400), (b"[]", 400),
    (b'{"00100010": {"vr": "PN", "Value": 5}}', 400), (b"", 400)])
def test_malformed_create_bodies_are_400(http: httpx.Client, payload: bytes,
                                         status: int) -> None:
    r = http.post(f"/workitems?{generate_uid()}", content=payload, headers=JSON)
    assert r.status_code == status, r.text


def test_create_refusals(http: httpx.Client) -> None:
    uid = create(http)
    # Table 11.4.3-1: "409 (Conflict) The Target Workitem already exists."
    r = http.post(f"/workitems?{uid}", content=body(new_workitem()), headers=JSON)
    assert r.status_code == 409
    # 11.4.1.4: the N-CREATE requirements of PS3.4 Table CC.2.5-3 (state SCHEDULED)
    bad = new_workitem()
    bad.ProcedureStepState = ups.COMPLETED
    r = http.post(f"/workitems?{generate_uid()}", content=body(bad), headers=JSON)
    assert r.status_code == 400
    # 11.4.1.1: to the Worklist, the payload holds the Workitem UID; here neither has it
    r = http.post("/workitems", content=body(new_workitem()), headers=JSON)
    assert r.status_code == 400
    r = http.post(f"/workitems?{generate_uid()}", content=body(new_workitem()),
                  headers={"Content-Type": "application/xml"})
    assert r.status_code == 415


def test_unknown_workitem_is_404_everywhere(http: httpx.Client) -> None:
    nobody = generate_uid()
    assert http.get(f"/workitems/{nobody}", headers=JSON).status_code == 404  # 11.5.3-1
    label = orjson.dumps([{"00741204": {"vr": "LO", "Value": ["relabelled"]}}])
    r = http.post(f"/workitems/{nobody}", content=label, headers=JSON)
    assert r.status_code == 404  # Table 11.6.3-1
    assert state(http, nobody, ups.IN_PROGRESS, generate_uid()).status_code == 404  # 11.7.3-1
    assert http.post(f"/workitems/{nobody}/cancelrequest").status_code == 404  # 11.8.3-1
    assert http.post(f"/workitems/{nobody}/subscribers/AE1").status_code == 404  # 11.10.3-1
    assert http.delete(f"/workitems/{nobody}/subscribers/AE1").status_code == 404  # 11.11.3-1
    assert http.get("/workitems/not-a-uid", headers=JSON).status_code == 400


def test_transaction_uid_and_transitions(http: httpx.Client) -> None:
    uid = create(http)
    # 11.7.1.4: a Transaction UID is required; Table 11.7.3-1 400, the Warning of 11.7.3.2
    r = state(http, uid, ups.IN_PROGRESS, None)
    assert r.status_code == 400 and warning(r).endswith("The Transaction UID is missing.")
    # COMPLETED from SCHEDULED: PS3.4 Table CC.1.1-2 C310H, "inconsistent with the state"
    r = state(http, uid, ups.COMPLETED, generate_uid())
    assert r.status_code == 409
    assert warning(r).endswith("The submitted request is inconsistent with the state of the "
                               "UPS Instance.")
    assert "0xC310" in r.text
    r = state(http, uid, "DONE", generate_uid())
    assert r.status_code == 400  # 11.7.1.4: IN PROGRESS, COMPLETED or CANCELED only
    tx = generate_uid()
    assert state(http, uid, ups.IN_PROGRESS, tx).status_code == 200
    r = state(http, uid, ups.IN_PROGRESS, generate_uid())
    # PS3.4 Table CC.1.1-2: claimed again with another Transaction UID is C301H
    assert r.status_code == 400 and warning(r).endswith("The Transaction UID is incorrect.")
    r = state(http, uid, ups.IN_PROGRESS, tx)
    assert r.status_code == 409 and "0xC302" in r.text  # the owner claiming again
    r = state(http, uid, ups.COMPLETED, generate_uid())
    assert r.status_code == 400 and warning(r).endswith("The Transaction UID is incorrect.")
    # C304H: COMPLETED before the final state requirements are met
    assert state(http, uid, ups.COMPLETED, tx).status_code == 409
    # Update (11.6): IN PROGRESS needs the Transaction UID (Table 11.6.3-1: 400)
    final = final_attributes(tx)
    del final.TransactionUID  # UPS-RS gives it as the query (11.6.1)
    change = body(final)
    r = http.post(f"/workitems/{uid}", content=change, headers=JSON)
    assert r.status_code == 400
    assert warning(r).endswith("The target URI did not reference a claimed Workitem.")
    r = http.post(f"/workitems/{uid}?{generate_uid()}", content=change, headers=JSON)
    assert r.status_code == 400
    assert http.post(f"/workitems/{uid}?{tx}", content=change, headers=JSON).status_code == 200
    assert state(http, uid, ups.COMPLETED, tx).status_code == 200
    # 11.6.2: "If the Workitem is in the COMPLETED or CANCELED state, the response shall be
    # a 400 (Bad Request)"
    r = http.post(f"/workitems/{uid}?{tx}", content=change, headers=JSON)
    assert r.status_code == 400
    # Table 11.8.3-1: cancel request on a COMPLETED workitem 409 (C311H)
    assert http.post(f"/workitems/{uid}/cancelrequest").status_code == 409
    assert http.get(f"/workitems/{uid}", headers=JSON).status_code == 200


def test_subscription_refusals(http: httpx.Client) -> None:
    uid = create(http)
    r = http.post(f"/workitems/{uid}/subscribers/{'A' * 17}")
    assert r.status_code == 400  # PS3.5 Table 6.2-1: AE is at most 16 characters
    r = http.post(f"/workitems/{uid}/subscribers/AE1?deletionlock=maybe")
    assert r.status_code == 400  # 11.10.1.2: true / false
    r = http.post(f"/workitems/{uid}/subscribers/AE1?filter=PatientID=1")
    assert r.status_code == 400  # Table 11.10.1-2: filter is of the Filtered Worklist
    r = http.post(f"/workitems/{ups.WELL_KNOWN['UPSFilteredGlobalSubscriptionInstance']}"
                  "/subscribers/AE1?filter=NoSuchKeyword=1")
    assert r.status_code == 400
    r = http.post(f"/workitems/{uid}/subscribers/AE1/suspend")
    assert r.status_code == 400  # Table 11.12.1-1: only the Worklist Subscriptions
    assert http.post(f"/workitems/{uid}/subscribers/AE1").status_code == 201
    assert http.delete(f"/workitems/{uid}/subscribers/AE1").status_code == 200
    assert http.delete(f"/workitems/{uid}/subscribers/AE1").status_code == 404


def test_search_refusals_and_paging(http: httpx.Client) -> None:
    for _ in range(3):
        create(http)
    assert http.get("/workitems?NoSuchKeyword=1").status_code == 400
    assert http.get("/workitems?limit=x").status_code == 400
    r = http.get("/workitems?limit=2", headers=JSON)
    # Table 11.9.3-1: 206 when only some results came, with the Warning of 8.3.4.4
    assert r.status_code == 206 and len(r.json()) == 2 and "additional results" in warning(r)
    assert http.get("/workitems?PatientID=nobody").status_code == 204


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    base = bytearray(body(new_workitem()))
    for _ in range(draw(st.integers(1, 8))):
        at = draw(st.integers(0, len(base) - 1))
        base[at] = draw(st.integers(0, 255))
    return bytes(base)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**63), 2**63 - 1) | st.floats(allow_nan=False)
    | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                 max_size=4), max_leaves=12)
element = st.fixed_dictionaries({"vr": st.sampled_from(["CS", "PN", "SQ", "UI", "DA", "US",
                                                        "LO", "XX"]),
                                 "Value": json_values})
datasets = st.dictionaries(st.sampled_from(["00741000", "00100010", "00404041", "00081195",
                                            "00741002", "zz", "00080018"]), element,
                           max_size=5).map(lambda d: orjson.dumps([d]))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(payload=st.binary(max_size=200) | mutated() | datasets,
       where=st.sampled_from(["create", "update", "state", "cancel"]))
def test_fuzzed_json_bodies_get_4xx_never_5xx(http: httpx.Client, payload: bytes,
                                             where: str) -> None:
    uid = generate_uid()
    if where == "create":
        r = http.post(f"/workitems?{uid}", content=payload, headers=JSON)
    else:
        target = create(http)
        path = {"update": f"/workitems/{target}", "state": f"/workitems/{target}/state",
                "cancel": f"/workitems/{target}/cancelrequest"}[where]
        method = "PUT" if where == "state" else "POST"
        r = http.request(method, path, content=payload, headers=JSON)
    assert r.status_code < 500, r.text
