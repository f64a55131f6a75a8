"""The workitem store: UPS instances and subscriptions in a database (SQLite by default, any
SQLAlchemy URL), every operation one transaction, and the events each operation causes.

One store serves every transport (DIMSE in :mod:`dicomkit.net.services.ups`, UPS-RS on the
DICOMweb server): an operation checks and changes the workitem as PS3.4 Annex CC says and
returns the :class:`Event` s to report (PS3.4 CC.2.4.3) with the AE titles subscribed to each;
delivering them is the transport's business.  A refused operation raises
:class:`~dicomkit.workitems.errors.WorkitemError` with the status the standard names and
changes nothing.

Tables: ``workitem`` (SOP Instance UID, Procedure Step State, Transaction UID, the data set in
Explicit VR Little Endian, times, and an index column per top-level matching key of Matching
Key Type U or R in PS3.4 Table CC.2.5-3, as :mod:`dicomkit.query.storage` stores them: C-FIND
is pushed into SQL by :func:`dicomkit.query.sql.to_sql`, the residual keys and the response
identifiers evaluated in Python on the rows it selects) and ``subscription`` (AE title, UPS
SOP Instance UID or a well-known global subscription UID, deletion lock, the filter of a filtered global
subscription).  The subscription states of PS3.4 Table CC.2.3-2 are rows: "Subscribed with
Lock" / "w/o Lock" a row for the UPS with ``deletion_lock`` true / false, "Not Subscribed" no
row; an AE's Global Subscription State a row for the Global (or Filtered Global) Subscription
instance UID.  Every subscription change follows the generated table
(:data:`dicomkit.generated.ups.SUBSCRIPTION_TRANSITIONS`).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa

from dicomkit.core.dataset import Dataset, dictionary_vr
from dicomkit.core.uid import generate_uid
from dicomkit.errors import DicomError
from dicomkit.generated import tags, uids, ups
from dicomkit.io.reader import read_bytes
from dicomkit.io.writer import encode_dataset, encode_file, encode_file_meta
from dicomkit.query import MatchOptions, Query, matches, parse_identifier, response_identifier
from dicomkit.query.errors import QueryError
from dicomkit.query.sql import SqlPlan, index_columns, to_sql
from dicomkit.query.storage import column_names, index_row
from dicomkit.workitems.errors import WorkitemError, WorkitemStoreError
from dicomkit.workitems.machine import decide, is_failure
from dicomkit.workitems.requirements import (
    check_create,
    check_set,
    final_state_missing,
    has_value,
)
from dicomkit.workitems.statuses import INVALID_ATTRIBUTE_VALUE, SUCCESS

__all__ = ["GLOBAL", "FILTERED_GLOBAL", "Event", "Outcome", "WorkitemStore"]

#: The well-known UPS Global Subscription SOP Instance (PS3.4 CC.3.1).
GLOBAL: str = ups.WELL_KNOWN["UPSGlobalSubscriptionInstance"]
#: The well-known UPS Filtered Global Subscription SOP Instance (PS3.4 CC.3.1).
FILTERED_GLOBAL: str = ups.WELL_KNOWN["UPSFilteredGlobalSubscriptionInstance"]
_GLOBALS = (GLOBAL, FILTERED_GLOBAL)
_SYNTAX = uids.ExplicitVRLittleEndian
#: The SOP class of every UPS instance, whichever UPS SOP class created it (PS3.4 CC.3.1).
PUSH = uids.UnifiedProcedureStepPush
#: Attributes whose change is a UPS Assigned event (PS3.4 CC.2.4.3).
_ASSIGNED = (tags.ScheduledStationNameCodeSequence, tags.ScheduledHumanPerformersSequence)
#: The attributes with an index column: the top-level matching keys of Matching Key Type U
#: (unique) or R (required) of PS3.4 Table CC.2.5-3, sequences aside (their matching is
#: Python's).
INDEXED: tuple[int, ...] = tuple(dict.fromkeys(
    r.tag for r in ups.ATTRIBUTES
    if r.kind == "attribute" and r.depth == 0 and r.matching in ("U", "R")
    and dictionary_vr(r.tag) != "SQ"))


@dataclass(frozen=True)
class Event:
    """An N-EVENT-REPORT to send (PS3.4 CC.2.4): Event Type ID, the UPS, the Event Information
    and the AE titles to send it to."""

    event_type: ups.UpsEvent
    uid: str
    info: Dataset
    receivers: tuple[str, ...]


@dataclass
class Outcome:
    """What an operation did: the status to answer with (0 or a warning), the data set
    concerned (the created or changed workitem, None when nothing), the events to report."""

    status: int = SUCCESS
    dataset: Dataset | None = None
    events: list[Event] = field(default_factory=list)


def _now() -> _dt.datetime:
    return _dt.datetime.now(_dt.UTC)


def _dt_value(moment: _dt.datetime) -> str:
    return moment.astimezone().strftime("%Y%m%d%H%M%S")


def _text(ds: Dataset, tag: int) -> str:
    elem = ds.get(tag)
    if elem is None or elem.value is None:
        return ""
    return str(elem.value).strip("\0 ")


def _sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # transactions begun by _sqlite_begin
    cur = dbapi_connection.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def _sqlite_begin(conn: sa.Connection) -> None:
    conn.exec_driver_sql("BEGIN IMMEDIATE")


class WorkitemStore:
    """UPS instances and subscriptions (see the module).

    Parameters
    ----------
    url
        A SQLAlchemy URL or a file path (a SQLite database, created when missing);
        ``":memory:"`` for one that lives as long as the store.
    worklist_label
        The Worklist Label (0074,1202) given to workitems created without one (PS3.4 Table
        CC.2.5-3: "If a value is not provided by the SCU, the SCP shall fill in").
    options
        The matching options of C-FIND queries (:class:`dicomkit.query.MatchOptions`).
    """

    def __init__(self, url: str = ":memory:", *, worklist_label: str = "DICOMKIT",
                 options: MatchOptions | None = None) -> None:
        if "://" not in url:
            url = "sqlite://" if url == ":memory:" else f"sqlite:///{url}"
        self.url = sa.make_url(url).render_as_string(hide_password=True)
        self.worklist_label = worklist_label
        self.options = options or MatchOptions()
        meta = sa.MetaData()
        self._items = sa.Table(
            "workitem", meta,
            sa.Column("uid", sa.String(64), primary_key=True),
            sa.Column("state", sa.String(16), nullable=False),
            sa.Column("transaction_uid", sa.String(64), nullable=False, default=""),
            sa.Column("data", sa.LargeBinary, nullable=False),
            sa.Column("created", sa.DateTime(timezone=True), nullable=False),
            sa.Column("modified", sa.DateTime(timezone=True), nullable=False),
            *(sa.Column(name, sa.Text, nullable=True, index=True)
              for name in column_names(INDEXED)))
        self._columns = index_columns(self._items, INDEXED)
        self._subs = sa.Table(
            "subscription", meta,
            sa.Column("ae", sa.String(16), primary_key=True),
            sa.Column("uid", sa.String(64), primary_key=True),
            sa.Column("deletion_lock", sa.Boolean, nullable=False),
            sa.Column("filter", sa.LargeBinary, nullable=True))
        try:
            parsed = sa.make_url(url)
            if parsed.get_backend_name() == "sqlite":
                from sqlalchemy.pool import StaticPool

                memory = parsed.database in (None, "", ":memory:")
                self.engine = sa.create_engine(
                    parsed, connect_args={"check_same_thread": False, "timeout": 60.0},
                    **({"poolclass": StaticPool} if memory else {}))
                sa.event.listen(self.engine, "connect", _sqlite_connect)
                sa.event.listen(self.engine, "begin", _sqlite_begin)
            else:
                self.engine = sa.create_engine(parsed, pool_pre_ping=True)
            meta.create_all(self.engine)
            self._add_index_columns()
        except (sa.exc.OperationalError, sa.exc.InterfaceError, ImportError) as exc:
            raise WorkitemStoreError(f"cannot open the workitem store: {exc}",
                                     url=self.url) from None

    def close(self) -> None:
        """Close the database connections."""
        self.engine.dispose()

    def _add_index_columns(self) -> None:
        """Give a store made before the index columns existed those columns, filled from
        the stored data sets, in one transaction."""
        have = {c["name"] for c in sa.inspect(self.engine).get_columns("workitem")}
        missing = [n for n in column_names(INDEXED) if n not in have]
        if not missing:
            return
        quote = self.engine.dialect.identifier_preparer.quote
        with self.engine.begin() as conn:
            for name in missing:
                conn.exec_driver_sql(f"ALTER TABLE workitem ADD COLUMN {quote(name)} TEXT")
            for row in conn.execute(sa.select(self._items.c.uid, self._items.c.data)).all():
                conn.execute(sa.update(self._items).where(self._items.c.uid == row.uid)
                             .values(**self._index_values(self._load(row))))

    def _index_values(self, ds: Dataset) -> dict[str, str | None]:
        return index_row(ds, INDEXED, default_timezone=self.options.default_timezone)

    @contextmanager
    def _transaction(self) -> Iterator[sa.Connection]:
        try:
            with self.engine.begin() as conn:
                yield conn
        except sa.exc.SQLAlchemyError as exc:
            raise WorkitemStoreError(f"database failure: {exc}", url=self.url) from exc

    # ------------------------------------------------------------------ rows

    def _row(self, conn: sa.Connection, uid: str) -> Any:
        return conn.execute(sa.select(self._items).where(self._items.c.uid == uid)).first()

    def _load(self, row: Any) -> Dataset:
        try:
            return read_bytes(bytes(row.data))
        except DicomError as exc:
            raise WorkitemStoreError(f"stored data set cannot be read: {exc}", url=self.url,
                                     uid=row.uid) from None

    def _save(self, conn: sa.Connection, ds: Dataset, *, insert: bool = False) -> None:
        uid = _text(ds, tags.SOPInstanceUID)
        data = encode_file(ds, _SYNTAX)
        values: dict[str, Any] = {"state": _text(ds, tags.ProcedureStepState),
                                  "transaction_uid": _text(ds, tags.TransactionUID),
                                  "data": data, "modified": _now(),
                                  **self._index_values(ds)}
        if insert:
            conn.execute(sa.insert(self._items).values(uid=uid, created=_now(), **values))
        else:
            conn.execute(sa.update(self._items).where(self._items.c.uid == uid).values(**values))

    def _existing(self, conn: sa.Connection, uid: str) -> tuple[Any, Dataset]:
        row = self._row(conn, uid)
        if row is None:
            raise WorkitemError(ups.UpsStatus.NO_SUCH_UPS, "no such UPS (PS3.4 CC.2)", uid=uid)
        return row, self._load(row)

    def _subscribers(self, conn: sa.Connection, uid: str) -> tuple[str, ...]:
        rows = conn.execute(sa.select(self._subs.c.ae).where(self._subs.c.uid == uid)
                            .order_by(self._subs.c.ae))
        return tuple(r.ae for r in rows)

    # ------------------------------------------------------------------ events

    @staticmethod
    def state_report(ds: Dataset, state: str | None = None) -> Dataset:
        """The Event Information of a UPS State Report (PS3.4 Table CC.2.4-1): Procedure
        Step State (``state`` or the workitem's), Input Readiness State, and for a canceled
        UPS the Reason For Cancellation and Discontinuation Reason Code Sequence it holds."""
        info = Dataset()
        info.ProcedureStepState = state or _text(ds, tags.ProcedureStepState)
        info.InputReadinessState = _text(ds, tags.InputReadinessState)
        progress = ds.get(tags.ProcedureStepProgressInformationSequence)
        if (state or _text(ds, tags.ProcedureStepState)) == ups.CANCELED and progress \
                is not None and progress.value:
            item = progress.value[0]
            reason = item.get(tags.ReasonForCancellation)
            if has_value(reason):
                info.ReasonForCancellation = reason.value
            codes = item.get(tags.ProcedureStepDiscontinuationReasonCodeSequence)
            if has_value(codes):
                info[tags.ProcedureStepDiscontinuationReasonCodeSequence] = codes
        return _same_charset(info, ds)

    @staticmethod
    def _assigned(ds: Dataset) -> Dataset:
        info = Dataset()
        for tag in _ASSIGNED:
            elem = ds.get(tag)
            if has_value(elem):
                info[tag] = elem
        return _same_charset(info, ds)

    # ------------------------------------------------------------------ N-CREATE

    def create(self, ds: Dataset, uid: str | None = None) -> Outcome:
        """Create a UPS from an N-CREATE's attributes (PS3.4 CC.2.5.3): checked
        (:func:`~dicomkit.workitems.requirements.check_create`), completed by the SCP (SOP
        Class UID of UPS Push, SOP Instance UID ``uid`` or a new one, Scheduled Procedure Step
        Modification DateTime, Worklist Label when missing), stored SCHEDULED; the AEs with
        a global subscription (matching, for a filtered one) are subscribed to it and get a
        UPS State Report (and UPS Assigned when it is assigned), PS3.4 CC.2.3, CC.2.4.3.

        Raises
        ------
        WorkitemError
            0111H when the UPS exists (PS3.4 Table CC.1.1-2), or what ``check_create``
            raises.
        """
        ds = ds.copy()
        uid = uid or _text(ds, tags.SOPInstanceUID) or generate_uid()
        check_create(ds, uid=uid)
        ds.SOPClassUID = PUSH
        ds.SOPInstanceUID = uid
        ds.ScheduledProcedureStepModificationDateTime = _dt_value(_now())
        if not _text(ds, tags.WorklistLabel):
            ds.WorklistLabel = self.worklist_label
        if tags.TransactionUID in ds:
            del ds[tags.TransactionUID]
        with self._transaction() as conn:
            row = self._row(conn, uid)
            cell = decide(ups.Operation.N_CREATE, ups.SCHEDULED, row.state if row else "",
                          uid=uid)
            if is_failure(cell.status):
                raise WorkitemError(cell.status, "the UPS exists already (PS3.4 Table "
                                    "CC.1.1-2)", uid=uid)
            self._save(conn, ds, insert=True)
            receivers = self._subscribe_new(conn, uid, ds)
        out = Outcome(cell.status, ds)
        if receivers:
            out.events.append(Event(ups.UpsEvent.UPS_STATE_REPORT, uid,
                                    self.state_report(ds), receivers))
            assigned = self._assigned(ds)
            if len(assigned):
                out.events.append(Event(ups.UpsEvent.UPS_ASSIGNED, uid, assigned, receivers))
        return out

    def _subscribe_new(self, conn: sa.Connection, uid: str, ds: Dataset) -> tuple[str, ...]:
        """Subscribe the AEs to a new UPS as PS3.4 Table CC.2.3-2 says for their Global
        Subscription State ("A UPS is Created when ..."; a filtered global subscription only
        when the UPS matches its keys): the AEs sent the initial event."""
        rows = conn.execute(sa.select(self._subs).where(self._subs.c.uid.in_(_GLOBALS))).all()
        initial: list[str] = []
        for row in rows:
            if row.uid == FILTERED_GLOBAL and not self._filter_matches(row.filter, ds):
                continue
            state = ups.GLOBAL_SUBSCRIPTION_WITH_LOCK if row.deletion_lock \
                else ups.GLOBAL_SUBSCRIPTION_W_O_LOCK
            cell = ups.SUBSCRIPTION_TRANSITIONS[(ups.CREATION_EVENTS[state], "")]
            self._set_state(conn, row.ae, uid, cell.result)
            if cell.initial_event:
                initial.append(row.ae)
        return tuple(sorted(initial))

    # the UPS Subscription State of an AE for a UPS, as rows (see the module)

    def _state(self, conn: sa.Connection, ae: str, uid: str) -> str:
        row = conn.execute(sa.select(self._subs.c.deletion_lock).where(
            self._subs.c.ae == ae, self._subs.c.uid == uid)).first()
        if row is None:
            return ups.NOT_SUBSCRIBED
        return ups.SUBSCRIBED_WITH_LOCK if row.deletion_lock else ups.SUBSCRIBED_W_O_LOCK

    def _set_state(self, conn: sa.Connection, ae: str, uid: str, state: str) -> None:
        if not state:
            return  # "No UPS state change"
        conn.execute(sa.delete(self._subs).where(self._subs.c.ae == ae,
                                                 self._subs.c.uid == uid))
        if state != ups.NOT_SUBSCRIBED:
            conn.execute(sa.insert(self._subs).values(
                ae=ae, uid=uid, deletion_lock=state == ups.SUBSCRIBED_WITH_LOCK, filter=None))

    def _set_global(self, conn: sa.Connection, ae: str, state: str, *,
                    filtered: bytes | None = None) -> None:
        if not state:
            return
        conn.execute(sa.delete(self._subs).where(self._subs.c.ae == ae,
                                                 self._subs.c.uid.in_(_GLOBALS)))
        if state != ups.NO_GLOBAL_SUBSCRIPTION:
            conn.execute(sa.insert(self._subs).values(
                ae=ae, uid=GLOBAL if filtered is None else FILTERED_GLOBAL,
                deletion_lock=state == ups.GLOBAL_SUBSCRIPTION_WITH_LOCK, filter=filtered))

    def _apply(self, conn: sa.Connection, ae: str, event: str, uid: str | None,
               query: Query | None = None, filtered: bytes | None = None) -> list[Event]:
        """Apply an event of PS3.4 Table CC.2.3-2 for ``ae``: to the UPS ``uid``, or (None) to
        every UPS the cells say "All" for (those matching ``query``, when given); the initial
        events to send."""
        events: list[Event] = []
        if uid is not None:
            _, ds = self._existing(conn, uid)
            cell = ups.SUBSCRIPTION_TRANSITIONS[(event, self._state(conn, ae, uid))]
            self._set_global(conn, ae, cell.global_state)
            self._set_state(conn, ae, uid, cell.result)
            if cell.initial_event:
                events.append(Event(ups.UpsEvent.UPS_STATE_REPORT, uid, self.state_report(ds),
                                    (ae,)))
            return events
        cells = [c for c in ups.SUBSCRIPTION_TRANSITIONS.values()
                 if c.event == event and c.applicable]
        self._set_global(conn, ae, cells[0].global_state, filtered=filtered)
        if not any(c.every for c in cells):
            return events
        for row in conn.execute(sa.select(self._items).order_by(self._items.c.created)).all():
            cell = ups.SUBSCRIPTION_TRANSITIONS[(event, self._state(conn, ae, row.uid))]
            if not cell.every and not cell.initial_event:
                continue
            ds = self._load(row)
            if query is not None and not matches(query, ds):
                continue
            if cell.every:
                self._set_state(conn, ae, row.uid, cell.result)
            if cell.initial_event:
                events.append(Event(ups.UpsEvent.UPS_STATE_REPORT, row.uid,
                                    self.state_report(ds), (ae,)))
        return events

    def _filter_matches(self, data: bytes | None, ds: Dataset) -> bool:
        if not data:
            return True
        return matches(self._query(_decode_keys(bytes(data))), ds)

    def _query(self, identifier: Dataset) -> Query:
        try:
            return parse_identifier(identifier, self.options)
        except QueryError as exc:
            raise WorkitemError(INVALID_ATTRIBUTE_VALUE, f"matching keys: {exc}") from None

    # ------------------------------------------------------------------ N-GET / C-FIND

    def get(self, uid: str, attributes: tuple[int, ...] = ()) -> Dataset:
        """The workitem's attributes (all, or those of ``attributes``), PS3.4 CC.2.7.

        Raises
        ------
        WorkitemError
            C307H for no such UPS.
        """
        with self.engine.connect() as conn:
            row = self._row(conn, uid)
        if row is None:
            raise WorkitemError(ups.UpsStatus.NO_SUCH_UPS, "no such UPS (PS3.4 CC.2.7)", uid=uid)
        ds = self._load(row)
        if not attributes:
            return ds
        out = Dataset()
        for tag in attributes:
            elem = ds.get(tag)
            if elem is not None:
                out[tag] = elem
        return out

    def find(self, identifier: Dataset) -> Iterator[Dataset]:
        """The response identifiers of the workitems matching a C-FIND identifier (PS3.4
        CC.2.8.3, matching of C.2.2 by :mod:`dicomkit.query`), in creation order.  The query
        is parsed before anything is read, so a bad one raises at once.

        Raises
        ------
        WorkitemError
            0106H... for keys that cannot be parsed (the transport answers Unable to process).
        """
        query = self._query(identifier)
        return self._find(query)

    def sql_plan(self, identifier: Dataset) -> SqlPlan:
        """How a C-FIND identifier is matched: the WHERE clause over the index columns and
        the residual query matched in Python (:func:`dicomkit.query.sql.to_sql`).

        Raises
        ------
        WorkitemError
            0106H for keys that cannot be parsed.
        """
        return to_sql(self._query(identifier), self._columns)

    def _find(self, query: Query) -> Iterator[Dataset]:
        """The matches: the keys SQL can match in the WHERE clause (the index columns), the
        rest (:attr:`SqlPlan.residual`) by :func:`~dicomkit.query.matches` on those rows."""
        plan = to_sql(query, self._columns)
        stmt = sa.select(self._items.c.uid, self._items.c.data).where(plan.where) \
            .order_by(self._items.c.created, self._items.c.uid)
        with self.engine.connect() as conn:
            rows = conn.execute(stmt).all()
        for row in rows:
            ds = self._load(row)
            if plan.residual.is_universal or matches(plan.residual, ds):
                yield response_identifier(query, ds, include=(tags.SOPInstanceUID,))

    def uids(self) -> list[str]:
        """Every workitem's SOP Instance UID, in creation order."""
        with self.engine.connect() as conn:
            return [r.uid for r in conn.execute(sa.select(self._items.c.uid).order_by(
                self._items.c.created, self._items.c.uid))]

    # ------------------------------------------------------------------ N-SET

    def set(self, uid: str, changes: Dataset) -> Outcome:
        """Change a workitem's attributes (PS3.4 CC.2.6.3): a SCHEDULED UPS freely, an IN
        PROGRESS one only with its Transaction UID (0008,1195) among ``changes`` (C301H), a
        COMPLETED or CANCELED one never (C300H).  Events: a UPS State Report when Input
        Readiness State changed, UPS Assigned when the assignment changed, UPS Progress Report
        when the Procedure Step Progress Information Sequence changed (PS3.4 CC.2.4.3).
        """
        changes = changes.copy()
        given = _text(changes, tags.TransactionUID)
        if tags.TransactionUID in changes:
            del changes[tags.TransactionUID]
        check_set(changes, uid=uid)
        with self._transaction() as conn:
            row, ds = self._existing(conn, uid)
            if row.state in (ups.COMPLETED, ups.CANCELED):
                raise WorkitemError(ups.UpsStatus.UPS_MAY_NO_LONGER_BE_UPDATED,
                                    f"the UPS is {row.state} (PS3.4 CC.2.6.3)", uid=uid)
            if row.state == ups.IN_PROGRESS and given != row.transaction_uid:
                raise WorkitemError(ups.UpsStatus.CORRECT_TRANSACTION_UID_WAS_NOT_PROVIDED,
                                    "an IN PROGRESS UPS is changed only with its Transaction "
                                    "UID (PS3.4 CC.2.6.3)", uid=uid,
                                    offending=(tags.TransactionUID,))
            before = {t: ds.get(t) for t in (tags.InputReadinessState, *_ASSIGNED,
                                             tags.ProcedureStepProgressInformationSequence)}
            if _charset(changes) not in ("", _charset(ds)):
                # PS3.4 CC.2.6.3: the combination of the character sets; both decoded, kept
                # in UTF-8, which holds every character of both
                ds, changes = _decoded(ds), _decoded(changes)
                ds.SpecificCharacterSet = _UTF8
                if tags.SpecificCharacterSet in changes:
                    del changes[tags.SpecificCharacterSet]
            for elem in changes.elements():
                ds[elem.tag] = elem
            ds.ScheduledProcedureStepModificationDateTime = _dt_value(_now())
            self._save(conn, ds)
            receivers = self._subscribers(conn, uid)
        out = Outcome(SUCCESS, ds)
        if receivers:
            if tags.InputReadinessState in changes and \
                    _text(changes, tags.InputReadinessState) != _value(
                        before[tags.InputReadinessState]):
                out.events.append(Event(ups.UpsEvent.UPS_STATE_REPORT, uid,
                                        self.state_report(ds), receivers))
            if any(t in changes for t in _ASSIGNED):
                out.events.append(Event(ups.UpsEvent.UPS_ASSIGNED, uid, self._assigned(ds),
                                        receivers))
            if tags.ProcedureStepProgressInformationSequence in changes:
                info = Dataset()
                info[tags.ProcedureStepProgressInformationSequence] = ds[
                    tags.ProcedureStepProgressInformationSequence]
                out.events.append(Event(ups.UpsEvent.UPS_PROGRESS_REPORT, uid,
                                        _same_charset(info, ds), receivers))
        return out

    # ------------------------------------------------------------------ N-ACTION

    def change_state(self, uid: str, requested: str, transaction_uid: str) -> Outcome:
        """N-ACTION Change UPS State (PS3.4 CC.2.1.3) as Table CC.1.1-2 says: the claim
        (SCHEDULED -> IN PROGRESS, recording ``transaction_uid``), completion and cancellation
        with the Transaction UID and the final state requirements met (C304H); every other
        cell its status.  A UPS State Report per state change goes to the subscribers.

        Raises
        ------
        WorkitemError
            With the failure status of the table's cell.
        """
        requested = requested.strip("\0 ")
        with self._transaction() as conn:
            row = self._row(conn, uid)
            cell = decide(ups.Operation.CHANGE_STATE, requested, row.state if row else "",
                          given=transaction_uid, recorded=row.transaction_uid if row else "",
                          uid=uid)
            if is_failure(cell.status):
                raise WorkitemError(cell.status, f"{cell.event} refused in state "
                                    f"{cell.state or 'none'} (PS3.4 Table CC.1.1-2)", uid=uid)
            if not cell.result:
                return Outcome(cell.status, self._load(row) if row is not None else None)
            ds = self._load(row)
            if cell.final_check:
                missing = final_state_missing(ds, cell.result)
                if missing:
                    raise WorkitemError(cell.final_status, f"final state requirements for "
                                        f"{cell.result} not met (PS3.4 Table CC.2.5-3)",
                                        uid=uid, offending=tuple(p[-1] for p in missing))
            ds.ProcedureStepState = cell.result
            if cell.records_transaction:
                ds.TransactionUID = transaction_uid.strip("\0 ")
            self._save(conn, ds)
            receivers = self._subscribers(conn, uid)
        out = Outcome(cell.status, ds)
        if receivers:
            for state in cell.reports:
                out.events.append(Event(ups.UpsEvent.UPS_STATE_REPORT, uid,
                                        self.state_report(ds, state), receivers))
        return out

    def request_cancel(self, uid: str, requesting_ae: str, info: Dataset | None = None
                       ) -> Outcome:
        """N-ACTION Request UPS Cancel (PS3.4 CC.2.2.3, Table CC.1.1-2): a SCHEDULED UPS is
        canceled by the SCP (through IN PROGRESS; the Procedure Step Progress Information
        Sequence records the cancellation time and what the request gave), an IN PROGRESS one
        is reported to its subscribers as UPS Cancel Requested (with Requesting AE and the
        request's reason and contact); the performer decides.  Without subscribers to tell,
        the request fails with C312H (The performer cannot be contacted).
        """
        info = info or Dataset()
        with self._transaction() as conn:
            row = self._row(conn, uid)
            cell = decide(ups.Operation.REQUEST_CANCEL, "", row.state if row else "", uid=uid)
            if is_failure(cell.status):
                raise WorkitemError(cell.status, f"cancel request refused in state "
                                    f"{cell.state or 'none'} (PS3.4 Table CC.1.1-2)", uid=uid)
            if row is None:
                return Outcome(cell.status)
            ds = self._load(row)
            receivers = self._subscribers(conn, uid)
            if cell.cancel_requested and not receivers:
                # PS3.4 CC.2.2.3: "if there is no possibility that the performing SCU will be
                # informed of the cancel request (e.g., the subscription list for the UPS is
                # empty) ... the SCP may return a failure"
                raise WorkitemError(ups.UpsStatus.PERFORMER_CANNOT_BE_CONTACTED,
                                    "nobody is subscribed to the UPS to hear the cancel "
                                    "request (PS3.4 CC.2.2.3)", uid=uid)
            if cell.result:
                item = Dataset()
                item.ProcedureStepCancellationDateTime = _dt_value(_now())
                for tag in (tags.ReasonForCancellation,
                            tags.ProcedureStepDiscontinuationReasonCodeSequence,
                            tags.ContactURI, tags.ContactDisplayName):
                    elem = info.get(tag)
                    if has_value(elem):
                        item[tag] = elem
                ds.ProcedureStepProgressInformationSequence = [item]
                ds.ProcedureStepState = cell.result
                self._save(conn, ds)
        out = Outcome(cell.status, ds)
        if receivers:
            for state in cell.reports:
                out.events.append(Event(ups.UpsEvent.UPS_STATE_REPORT, uid,
                                        self.state_report(ds, state), receivers))
            if cell.cancel_requested:
                report = Dataset()
                report.RequestingAE = requesting_ae
                for tag in (tags.ReasonForCancellation,
                            tags.ProcedureStepDiscontinuationReasonCodeSequence,
                            tags.ContactURI, tags.ContactDisplayName):
                    elem = info.get(tag)
                    if has_value(elem):
                        report[tag] = elem
                out.events.append(Event(ups.UpsEvent.UPS_CANCEL_REQUESTED, uid,
                                        _same_charset(report, info), receivers))
        return out

    # ------------------------------------------------------------------ subscriptions

    def subscribe(self, ae: str, uid: str, *, deletion_lock: bool,
                  keys: Dataset | None = None) -> Outcome:
        """Subscribe ``ae`` to a UPS, or globally (``uid`` the Global or Filtered Global
        Subscription instance; ``keys`` the matching keys of a filtered one), as PS3.4 Table
        CC.2.3-2 says (a filtered global subscription acts as a global one on the UPSs
        matching its keys, PS3.4 CC.2.3.2); the initial UPS State Reports are the events.

        Raises
        ------
        WorkitemError
            C307H for no such UPS.
        """
        ae = ae.strip()
        lock = "with" if deletion_lock else "without"
        with self._transaction() as conn:
            if uid in _GLOBALS:
                event = ups.SubscriptionEvent.AE_SUBSCRIBES_GLOBALLY_WITH_LOCK if deletion_lock \
                    else ups.SubscriptionEvent.AE_SUBSCRIBES_GLOBALLY_W_O_LOCK
                query = self._query(keys) if uid == FILTERED_GLOBAL and keys is not None \
                    else None
                filtered = _encode_keys(keys) if query is not None and keys is not None \
                    else None
                events = self._apply(conn, ae, event, None, query, filtered)
            else:
                event = ups.SubscriptionEvent.AE_SUBSCRIBES_TO_SPECIFIC_UPS_WITH_LOCK \
                    if lock == "with" else \
                    ups.SubscriptionEvent.AE_SUBSCRIBES_TO_SPECIFIC_UPS_WITHOUT_LOCK
                events = self._apply(conn, ae, event, uid)
        return Outcome(SUCCESS, None, events)

    def unsubscribe(self, ae: str, uid: str) -> Outcome:
        """Unsubscribe ``ae`` from a UPS, or (``uid`` a global subscription instance)
        globally, as PS3.4 Table CC.2.3-2 says ("AE Unsubscribes Globally": every UPS too);
        deletion locks go with the subscriptions.

        Raises
        ------
        WorkitemError
            C307H for no such UPS.
        """
        with self._transaction() as conn:
            if uid in _GLOBALS:
                self._apply(conn, ae.strip(), ups.SubscriptionEvent.AE_UNSUBSCRIBES_GLOBALLY,
                            None)
            else:
                self._apply(conn, ae.strip(),
                            ups.SubscriptionEvent.AE_UNSUBSCRIBES_FROM_SPECIFIC_UPS, uid)
        return Outcome()

    def suspend_global(self, ae: str) -> Outcome:
        """Suspend ``ae``'s global subscription (PS3.4 Table CC.2.3-2: no UPS state
        change)."""
        with self._transaction() as conn:
            self._apply(conn, ae.strip(), ups.SubscriptionEvent.AE_SUSPENDS_GLOBAL_SUBSCRIPTION,
                        None)
        return Outcome()

    def subscriptions(self, ae: str | None = None) -> list[tuple[str, str, bool]]:
        """(AE title, UPS or global subscription UID, deletion lock) of every subscription
        (of ``ae``)."""
        stmt = sa.select(self._subs).order_by(self._subs.c.ae, self._subs.c.uid)
        if ae is not None:
            stmt = stmt.where(self._subs.c.ae == ae.strip())
        with self.engine.connect() as conn:
            return [(r.ae, r.uid, bool(r.deletion_lock)) for r in conn.execute(stmt)]

    def subscribed_aes(self) -> list[str]:
        """Every AE title with a subscription (the SCP Status Change receivers, PS3.4
        CC.2.4.3)."""
        with self.engine.connect() as conn:
            return list(conn.execute(sa.select(self._subs.c.ae).distinct().order_by(
                self._subs.c.ae)).scalars())

    # ------------------------------------------------------------------ deletion

    def purge(self, keep: Callable[[str], bool] | None = None) -> list[str]:
        """Delete the COMPLETED and CANCELED workitems no subscription holds a deletion lock
        on (PS3.4 CC.2.1.3: "the SCP shall not delete the instance until all deletion locks
        have been removed"); ``keep(uid)`` may spare more.  Their subscriptions go too.  The
        UIDs deleted."""
        with self._transaction() as conn:
            locked = sa.select(self._subs.c.uid).where(self._subs.c.deletion_lock.is_(True))
            rows = conn.execute(sa.select(self._items.c.uid).where(
                self._items.c.state.in_((ups.COMPLETED, ups.CANCELED)),
                self._items.c.uid.not_in(locked))).scalars().all()
            gone = [u for u in rows if keep is None or not keep(u)]
            if gone:
                conn.execute(sa.delete(self._subs).where(self._subs.c.uid.in_(gone)))
                conn.execute(sa.delete(self._items).where(self._items.c.uid.in_(gone)))
        return gone


_UTF8 = "ISO_IR 192"
_TEXT_VRS = frozenset({"PN", "LO", "SH", "ST", "LT", "UT", "UC"})


def _charset(ds: Dataset) -> str:
    elem = ds.get(tags.SpecificCharacterSet)
    if elem is None or elem.value is None:
        return ""
    value = elem.value
    return "\\".join(str(v) for v in value) if isinstance(value, list | tuple) else str(value)


def _same_charset(info: Dataset, source: Dataset) -> Dataset:
    """``info`` (elements copied from ``source``) with ``source``'s Specific Character Set,
    so that its text reads as it was written."""
    elem = source.get(tags.SpecificCharacterSet)
    if elem is not None and elem.value:
        info[tags.SpecificCharacterSet] = elem
    return info


def _decoded(ds: Dataset) -> Dataset:
    """A copy of ``ds`` whose text values are held decoded (not as received bytes), so that
    they can be written in another character set."""
    out = Dataset()
    for elem in ds.elements():
        if elem.tag == tags.SpecificCharacterSet:
            continue
        if elem.vr == "SQ":
            out.add_new(elem.tag, "SQ", [_decoded(item) for item in elem.value or ()
                                         if isinstance(item, Dataset)])
        elif elem.vr in _TEXT_VRS:
            out.add_new(elem.tag, elem.vr, elem.value, validation_mode="ignore")
        else:
            out[elem.tag] = elem
    return out


def _value(elem: Any) -> str:
    return "" if elem is None or elem.value is None else str(elem.value).strip("\0 ")


_FILTER_HEAD: bytes = b""


def _filter_head() -> bytes:
    global _FILTER_HEAD
    if not _FILTER_HEAD:
        meta = Dataset()
        meta.add_new(tags.MediaStorageSOPClassUID, "UI", PUSH)
        meta.add_new(tags.MediaStorageSOPInstanceUID, "UI", FILTERED_GLOBAL)
        _FILTER_HEAD = encode_file_meta(meta, _SYNTAX)
    return _FILTER_HEAD


def _encode_keys(keys: Dataset) -> bytes:
    """The matching keys of a filtered global subscription as stored (a bare data set)."""
    return encode_dataset(keys, _SYNTAX)


def _decode_keys(data: bytes) -> Dataset:
    return read_bytes(_filter_head() + data)
