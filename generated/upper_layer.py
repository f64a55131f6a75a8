"""dicomkit.generated.upper_layer: generated from the DICOM standard; do not edit.

Generator: dicomkit.codegen 1.0.0.  Regenerate with 'dicomkit codegen generate'.
Sources:
  PS3.8 2024c (docbook) https://dicom.nema.org/medical/dicom/2024c/source/docbook/part08/part08.xml
    sha256 47bbeea37ec391d2f4db63e40824121f22cca2d705d5b0ee2e1546564e6827cd
    Section 9.2.1, Section 9.2.2, Table 9-10
"""
# The DICOM upper-layer protocol state machine as data (PS3.8 9.2): its states (9.2.1), the
# events that drive it (the rows of Table 9-10, numbered Evt1... in row order), its actions
# (9.2.2) and the state transition table (9.2.3, Table 9-10).  The machine itself belongs to
# the runtime; this module only says what the standard says.

from __future__ import annotations

import enum

__all__ = [
    "ACTIONS",
    "ARTIM_EXPIRED_EVENT",
    "ARTIM_STARTS",
    "ARTIM_STOPS",
    "CHOICES",
    "EVENTS",
    "IDLE_STATE",
    "INVALID_PDU_EVENT",
    "STATES",
    "TRANSITIONS",
    "Action",
    "Condition",
    "Event",
    "State",
]

#: State -> (definition, group) (PS3.8 Tables 9-1 to 9-5).
STATES: dict[str, tuple[str, str]] = {
    'Sta1': ('Idle', 'No Association'),
    'Sta2': ('Transport connection open (Awaiting A-ASSOCIATE-RQ PDU)', 'Association Establishment'),
    'Sta3': ('Awaiting local A-ASSOCIATE response primitive (from local user)', 'Association Establishment'),
    'Sta4': ('Awaiting transport connection opening to complete (from local transport service)', 'Association Establishment'),
    'Sta5': ('Awaiting A-ASSOCIATE-AC or A-ASSOCIATE-RJ PDU', 'Association Establishment'),
    'Sta6': ('Association established and ready for data transfer', 'Data Transfer'),
    'Sta7': ('Awaiting A-RELEASE-RP PDU', 'Association Release'),
    'Sta8': ('Awaiting local A-RELEASE response primitive (from local user)', 'Association Release'),
    'Sta9': ('Release collision requestor side; awaiting A-RELEASE response (from local user)', 'Association Release'),
    'Sta10': ('Release collision acceptor side; awaiting A-RELEASE-RP PDU', 'Association Release'),
    'Sta11': ('Release collision requestor side; awaiting A-RELEASE-RP PDU', 'Association Release'),
    'Sta12': ('Release collision acceptor side; awaiting A-RELEASE response primitive (from local user)', 'Association Release'),
    'Sta13': ('Awaiting Transport Connection Close Indication (Association no longer exists)', 'Waiting for Transport Connection Close'),
}

#: Event -> description (PS3.8 Table 9-10, one row each).
EVENTS: dict[str, str] = {
    'Evt1': 'A-ASSOCIATE Request (local user)',
    'Evt2': 'Transport Conn. Confirm^n (local transport service)',
    'Evt3': 'A-ASSOCIATE-AC PDU (received on transport connection)',
    'Evt4': 'A-ASSOCIATE-RJ PDU (received on transport connection)',
    'Evt5': 'Transport Connection Indication (local transport service)',
    'Evt6': 'A-ASSOCIATE-RQ PDU (received on transport connection)',
    'Evt7': 'A-ASSOCIATE response primitive (accept)',
    'Evt8': 'A-ASSOCIATE response primitive (reject)',
    'Evt9': 'P-DATA request primitive',
    'Evt10': 'P-DATA-TF PDU',
    'Evt11': 'A-RELEASE Request primitive',
    'Evt12': 'A-RELEASE-RQ PDU (received on open transport connection)',
    'Evt13': 'A-RELEASE-RP PDU (received on transport connection)',
    'Evt14': 'A-RELEASE Response primitive',
    'Evt15': 'A-ABORT Request primitive',
    'Evt16': 'A-ABORT PDU (received on open transport connection)',
    'Evt17': 'Transport connection closed indication (local transport service)',
    'Evt18': 'ARTIM timer expired (Association reject/release timer)',
    'Evt19': 'Unrecognized or invalid PDU received',
}

#: Action -> (definition, next states, group) (PS3.8 Tables 9-6 to 9-9).  Two next states
#: when the definition makes the choice depend on a condition (AE-6, AR-8).
ACTIONS: dict[str, tuple[str, tuple[str, ...], str]] = {
    'AE-1': ('Issue TRANSPORT CONNECT request primitive to local transport service Next state is Sta4', ('Sta4',), 'Association Establishment'),
    'AE-2': ('Send A-ASSOCIATE-RQ-PDU Next state is Sta5', ('Sta5',), 'Association Establishment'),
    'AE-3': ('Issue A-ASSOCIATE confirmation (accept) primitive Next state is Sta6', ('Sta6',), 'Association Establishment'),
    'AE-4': ('Issue A-ASSOCIATE confirmation (reject) primitive and close transport connection Next state is Sta1', ('Sta1',), 'Association Establishment'),
    'AE-5': ('Issue Transport connection response primitive; start ARTIM timer Next state is Sta2', ('Sta2',), 'Association Establishment'),
    'AE-6': ('Stop ARTIM timer and if A-ASSOCIATE-RQ acceptable by service-provider: issue A-ASSOCIATE indication primitive Next state is Sta3 otherwise: issue A-ASSOCIATE-RJ-PDU and start ARTIM timer Next state is Sta13', ('Sta3', 'Sta13'), 'Association Establishment'),
    'AE-7': ('Send A-ASSOCIATE-AC PDU Next state is Sta6', ('Sta6',), 'Association Establishment'),
    'AE-8': ('Send A-ASSOCIATE-RJ PDU and start ARTIM timer Next state is STA13', ('Sta13',), 'Association Establishment'),
    'DT-1': ('Send P-DATA-TF PDU Next state is Sta6', ('Sta6',), 'Data Transfer'),
    'DT-2': ('Send P-DATA indication primitive Next state is Sta6', ('Sta6',), 'Data Transfer'),
    'AR-1': ('Send A-RELEASE-RQ PDU Next state is Sta7', ('Sta7',), 'Association Release'),
    'AR-2': ('Issue A-RELEASE indication primitive Next state is Sta8', ('Sta8',), 'Association Release'),
    'AR-3': ('Issue A-RELEASE confirmation primitive, and close transport connection Next state is Sta1', ('Sta1',), 'Association Release'),
    'AR-4': ('Issue A-RELEASE-RP PDU and start ARTIM timer Next state is Sta13', ('Sta13',), 'Association Release'),
    'AR-5': ('Stop ARTIM timer Next state is Sta1', ('Sta1',), 'Association Release'),
    'AR-6': ('Issue P-DATA indication Next state is Sta7', ('Sta7',), 'Association Release'),
    'AR-7': ('Issue P-DATA-TF PDU Next state is Sta8', ('Sta8',), 'Association Release'),
    'AR-8': ('Issue A-RELEASE indication (release collision): if association-requestor, next state is Sta9 if not, next state is Sta10', ('Sta9', 'Sta10'), 'Association Release'),
    'AR-9': ('Send A-RELEASE-RP PDU Next state is Sta11', ('Sta11',), 'Association Release'),
    'AR-10': ('Issue A-RELEASE confirmation primitive Next state is Sta12', ('Sta12',), 'Association Release'),
    'AA-1': ('Send A-ABORT PDU (service-user source) and start (or restart if already started) ARTIM timer Next state is Sta13', ('Sta13',), 'Association Abort'),
    'AA-2': ('Stop ARTIM timer if running. Close transport connection Next state is Sta1', ('Sta1',), 'Association Abort'),
    'AA-3': ('If (service-user inititated abort): issue A-ABORT indication and close transport connection otherwise (service-provider inititated abort): issue A-P-ABORT indication and close transport connection Next state is Sta1', ('Sta1',), 'Association Abort'),
    'AA-4': ('Issue A-P-ABORT indication primitive Next state is Sta1', ('Sta1',), 'Association Abort'),
    'AA-5': ('Stop ARTIM timer Next state is Sta1', ('Sta1',), 'Association Abort'),
    'AA-6': ('Ignore PDU Next state is Sta13', ('Sta13',), 'Association Abort'),
    'AA-7': ('Send A-ABORT PDU Next state is Sta13', ('Sta13',), 'Association Abort'),
    'AA-8': ('Send A-ABORT PDU (service-provider source-), issue an A-P-ABORT indication, and start ARTIM timer Next state is Sta13', ('Sta13',), 'Association Abort'),
}

#: (event, state) -> (action, next states): every non-empty cell of PS3.8 Table 9-10.  A pair
#: not listed is not expected in that state.  Next states hold one state, or two where the
#: action chooses (AE-6: Sta3 or Sta13; AR-8: Sta9 or Sta10).
TRANSITIONS: dict[tuple[str, str], tuple[str, tuple[str, ...]]] = {
    ('Evt1', 'Sta1'): ('AE-1', ('Sta4',)),
    ('Evt2', 'Sta4'): ('AE-2', ('Sta5',)),
    ('Evt3', 'Sta2'): ('AA-1', ('Sta13',)),
    ('Evt3', 'Sta3'): ('AA-8', ('Sta13',)),
    ('Evt3', 'Sta5'): ('AE-3', ('Sta6',)),
    ('Evt3', 'Sta6'): ('AA-8', ('Sta13',)),
    ('Evt3', 'Sta7'): ('AA-8', ('Sta13',)),
    ('Evt3', 'Sta8'): ('AA-8', ('Sta13',)),
    ('Evt3', 'Sta9'): ('AA-8', ('Sta13',)),
    ('Evt3', 'Sta10'): ('AA-8', ('Sta13',)),
    ('Evt3', 'Sta11'): ('AA-8', ('Sta13',)),
    ('Evt3', 'Sta12'): ('AA-8', ('Sta13',)),
    ('Evt3', 'Sta13'): ('AA-6', ('Sta13',)),
    ('Evt4', 'Sta2'): ('AA-1', ('Sta13',)),
    ('Evt4', 'Sta3'): ('AA-8', ('Sta13',)),
    ('Evt4', 'Sta5'): ('AE-4', ('Sta1',)),
    ('Evt4', 'Sta6'): ('AA-8', ('Sta13',)),
    ('Evt4', 'Sta7'): ('AA-8', ('Sta13',)),
    ('Evt4', 'Sta8'): ('AA-8', ('Sta13',)),
    ('Evt4', 'Sta9'): ('AA-8', ('Sta13',)),
    ('Evt4', 'Sta10'): ('AA-8', ('Sta13',)),
    ('Evt4', 'Sta11'): ('AA-8', ('Sta13',)),
    ('Evt4', 'Sta12'): ('AA-8', ('Sta13',)),
    ('Evt4', 'Sta13'): ('AA-6', ('Sta13',)),
    ('Evt5', 'Sta1'): ('AE-5', ('Sta2',)),
    ('Evt6', 'Sta2'): ('AE-6', ('Sta3', 'Sta13')),
    ('Evt6', 'Sta3'): ('AA-8', ('Sta13',)),
    ('Evt6', 'Sta5'): ('AA-8', ('Sta13',)),
    ('Evt6', 'Sta6'): ('AA-8', ('Sta13',)),
    ('Evt6', 'Sta7'): ('AA-8', ('Sta13',)),
    ('Evt6', 'Sta8'): ('AA-8', ('Sta13',)),
    ('Evt6', 'Sta9'): ('AA-8', ('Sta13',)),
    ('Evt6', 'Sta10'): ('AA-8', ('Sta13',)),
    ('Evt6', 'Sta11'): ('AA-8', ('Sta13',)),
    ('Evt6', 'Sta12'): ('AA-8', ('Sta13',)),
    ('Evt6', 'Sta13'): ('AA-7', ('Sta13',)),
    ('Evt7', 'Sta3'): ('AE-7', ('Sta6',)),
    ('Evt8', 'Sta3'): ('AE-8', ('Sta13',)),
    ('Evt9', 'Sta6'): ('DT-1', ('Sta6',)),
    ('Evt9', 'Sta8'): ('AR-7', ('Sta8',)),
    ('Evt10', 'Sta2'): ('AA-1', ('Sta13',)),
    ('Evt10', 'Sta3'): ('AA-8', ('Sta13',)),
    ('Evt10', 'Sta5'): ('AA-8', ('Sta13',)),
    ('Evt10', 'Sta6'): ('DT-2', ('Sta6',)),
    ('Evt10', 'Sta7'): ('AR-6', ('Sta7',)),
    ('Evt10', 'Sta8'): ('AA-8', ('Sta13',)),
    ('Evt10', 'Sta9'): ('AA-8', ('Sta13',)),
    ('Evt10', 'Sta10'): ('AA-8', ('Sta13',)),
    ('Evt10', 'Sta11'): ('AA-8', ('Sta13',)),
    ('Evt10', 'Sta12'): ('AA-8', ('Sta13',)),
    ('Evt10', 'Sta13'): ('AA-6', ('Sta13',)),
    ('Evt11', 'Sta6'): ('AR-1', ('Sta7',)),
    ('Evt12', 'Sta2'): ('AA-1', ('Sta13',)),
    ('Evt12', 'Sta3'): ('AA-8', ('Sta13',)),
    ('Evt12', 'Sta5'): ('AA-8', ('Sta13',)),
    ('Evt12', 'Sta6'): ('AR-2', ('Sta8',)),
    ('Evt12', 'Sta7'): ('AR-8', ('Sta9', 'Sta10')),
    ('Evt12', 'Sta8'): ('AA-8', ('Sta13',)),
    ('Evt12', 'Sta9'): ('AA-8', ('Sta13',)),
    ('Evt12', 'Sta10'): ('AA-8', ('Sta13',)),
    ('Evt12', 'Sta11'): ('AA-8', ('Sta13',)),
    ('Evt12', 'Sta12'): ('AA-8', ('Sta13',)),
    ('Evt12', 'Sta13'): ('AA-6', ('Sta13',)),
    ('Evt13', 'Sta2'): ('AA-1', ('Sta13',)),
    ('Evt13', 'Sta3'): ('AA-8', ('Sta13',)),
    ('Evt13', 'Sta5'): ('AA-8', ('Sta13',)),
    ('Evt13', 'Sta6'): ('AA-8', ('Sta13',)),
    ('Evt13', 'Sta7'): ('AR-3', ('Sta1',)),
    ('Evt13', 'Sta8'): ('AA-8', ('Sta13',)),
    ('Evt13', 'Sta9'): ('AA-8', ('Sta13',)),
    ('Evt13', 'Sta10'): ('AR-10', ('Sta12',)),
    ('Evt13', 'Sta11'): ('AR-3', ('Sta1',)),
    ('Evt13', 'Sta12'): ('AA-8', ('Sta13',)),
    ('Evt13', 'Sta13'): ('AA-6', ('Sta13',)),
    ('Evt14', 'Sta8'): ('AR-4', ('Sta13',)),
    ('Evt14', 'Sta9'): ('AR-9', ('Sta11',)),
    ('Evt14', 'Sta12'): ('AR-4', ('Sta13',)),
    ('Evt15', 'Sta3'): ('AA-1', ('Sta13',)),
    ('Evt15', 'Sta4'): ('AA-2', ('Sta1',)),
    ('Evt15', 'Sta5'): ('AA-1', ('Sta13',)),
    ('Evt15', 'Sta6'): ('AA-1', ('Sta13',)),
    ('Evt15', 'Sta7'): ('AA-1', ('Sta13',)),
    ('Evt15', 'Sta8'): ('AA-1', ('Sta13',)),
    ('Evt15', 'Sta9'): ('AA-1', ('Sta13',)),
    ('Evt15', 'Sta10'): ('AA-1', ('Sta13',)),
    ('Evt15', 'Sta11'): ('AA-1', ('Sta13',)),
    ('Evt15', 'Sta12'): ('AA-1', ('Sta13',)),
    ('Evt16', 'Sta2'): ('AA-2', ('Sta1',)),
    ('Evt16', 'Sta3'): ('AA-3', ('Sta1',)),
    ('Evt16', 'Sta5'): ('AA-3', ('Sta1',)),
    ('Evt16', 'Sta6'): ('AA-3', ('Sta1',)),
    ('Evt16', 'Sta7'): ('AA-3', ('Sta1',)),
    ('Evt16', 'Sta8'): ('AA-3', ('Sta1',)),
    ('Evt16', 'Sta9'): ('AA-3', ('Sta1',)),
    ('Evt16', 'Sta10'): ('AA-3', ('Sta1',)),
    ('Evt16', 'Sta11'): ('AA-3', ('Sta1',)),
    ('Evt16', 'Sta12'): ('AA-3', ('Sta1',)),
    ('Evt16', 'Sta13'): ('AA-2', ('Sta1',)),
    ('Evt17', 'Sta2'): ('AA-5', ('Sta1',)),
    ('Evt17', 'Sta3'): ('AA-4', ('Sta1',)),
    ('Evt17', 'Sta4'): ('AA-4', ('Sta1',)),
    ('Evt17', 'Sta5'): ('AA-4', ('Sta1',)),
    ('Evt17', 'Sta6'): ('AA-4', ('Sta1',)),
    ('Evt17', 'Sta7'): ('AA-4', ('Sta1',)),
    ('Evt17', 'Sta8'): ('AA-4', ('Sta1',)),
    ('Evt17', 'Sta9'): ('AA-4', ('Sta1',)),
    ('Evt17', 'Sta10'): ('AA-4', ('Sta1',)),
    ('Evt17', 'Sta11'): ('AA-4', ('Sta1',)),
    ('Evt17', 'Sta12'): ('AA-4', ('Sta1',)),
    ('Evt17', 'Sta13'): ('AR-5', ('Sta1',)),
    ('Evt18', 'Sta2'): ('AA-2', ('Sta1',)),
    ('Evt18', 'Sta13'): ('AA-2', ('Sta1',)),
    ('Evt19', 'Sta2'): ('AA-1', ('Sta13',)),
    ('Evt19', 'Sta3'): ('AA-8', ('Sta13',)),
    ('Evt19', 'Sta5'): ('AA-8', ('Sta13',)),
    ('Evt19', 'Sta6'): ('AA-8', ('Sta13',)),
    ('Evt19', 'Sta7'): ('AA-8', ('Sta13',)),
    ('Evt19', 'Sta8'): ('AA-8', ('Sta13',)),
    ('Evt19', 'Sta9'): ('AA-8', ('Sta13',)),
    ('Evt19', 'Sta10'): ('AA-8', ('Sta13',)),
    ('Evt19', 'Sta11'): ('AA-8', ('Sta13',)),
    ('Evt19', 'Sta12'): ('AA-8', ('Sta13',)),
    ('Evt19', 'Sta13'): ('AA-7', ('Sta13',)),
}


# ----------------------------------------------------------------- resolved by the generator
# What the runtime needs by meaning, found by the generator in the text above and checked
# against Table 9-10 (dicomkit.codegen.readers.part08.resolve_machine); generation fails when
# a phrase it looks for is gone.


class State(enum.StrEnum):
    """The states of PS3.8 9.2.1 (values: the keys of :data:`STATES`)."""

    #: Idle
    STA1 = 'Sta1'
    #: Transport connection open (Awaiting A-ASSOCIATE-RQ PDU)
    STA2 = 'Sta2'
    #: Awaiting local A-ASSOCIATE response primitive (from local user)
    STA3 = 'Sta3'
    #: Awaiting transport connection opening to complete (from local transport service)
    STA4 = 'Sta4'
    #: Awaiting A-ASSOCIATE-AC or A-ASSOCIATE-RJ PDU
    STA5 = 'Sta5'
    #: Association established and ready for data transfer
    STA6 = 'Sta6'
    #: Awaiting A-RELEASE-RP PDU
    STA7 = 'Sta7'
    #: Awaiting local A-RELEASE response primitive (from local user)
    STA8 = 'Sta8'
    #: Release collision requestor side; awaiting A-RELEASE response (from local user)
    STA9 = 'Sta9'
    #: Release collision acceptor side; awaiting A-RELEASE-RP PDU
    STA10 = 'Sta10'
    #: Release collision requestor side; awaiting A-RELEASE-RP PDU
    STA11 = 'Sta11'
    #: Release collision acceptor side; awaiting A-RELEASE response primitive (from local user)
    STA12 = 'Sta12'
    #: Awaiting Transport Connection Close Indication (Association no longer exists)
    STA13 = 'Sta13'


class Event(enum.StrEnum):
    """The events of PS3.8 Table 9-10, named by their description (values: the keys of
    :data:`EVENTS`; names by the rule of dicomkit.codegen.names)."""

    #: A-ASSOCIATE Request (local user)
    A_ASSOCIATE_REQUEST = 'Evt1'
    #: Transport Conn. Confirm^n (local transport service)
    TRANSPORT_CONNECT_CONFIRM = 'Evt2'
    #: A-ASSOCIATE-AC PDU (received on transport connection)
    A_ASSOCIATE_AC_PDU = 'Evt3'
    #: A-ASSOCIATE-RJ PDU (received on transport connection)
    A_ASSOCIATE_RJ_PDU = 'Evt4'
    #: Transport Connection Indication (local transport service)
    TRANSPORT_CONNECTION_INDICATION = 'Evt5'
    #: A-ASSOCIATE-RQ PDU (received on transport connection)
    A_ASSOCIATE_RQ_PDU = 'Evt6'
    #: A-ASSOCIATE response primitive (accept)
    A_ASSOCIATE_RESPONSE_PRIMITIVE_ACCEPT = 'Evt7'
    #: A-ASSOCIATE response primitive (reject)
    A_ASSOCIATE_RESPONSE_PRIMITIVE_REJECT = 'Evt8'
    #: P-DATA request primitive
    P_DATA_REQUEST_PRIMITIVE = 'Evt9'
    #: P-DATA-TF PDU
    P_DATA_TF_PDU = 'Evt10'
    #: A-RELEASE Request primitive
    A_RELEASE_REQUEST_PRIMITIVE = 'Evt11'
    #: A-RELEASE-RQ PDU (received on open transport connection)
    A_RELEASE_RQ_PDU = 'Evt12'
    #: A-RELEASE-RP PDU (received on transport connection)
    A_RELEASE_RP_PDU = 'Evt13'
    #: A-RELEASE Response primitive
    A_RELEASE_RESPONSE_PRIMITIVE = 'Evt14'
    #: A-ABORT Request primitive
    A_ABORT_REQUEST_PRIMITIVE = 'Evt15'
    #: A-ABORT PDU (received on open transport connection)
    A_ABORT_PDU = 'Evt16'
    #: Transport connection closed indication (local transport service)
    TRANSPORT_CONNECTION_CLOSED_INDICATION = 'Evt17'
    #: ARTIM timer expired (Association reject/release timer)
    ARTIM_TIMER_EXPIRED = 'Evt18'
    #: Unrecognized or invalid PDU received
    UNRECOGNIZED_OR_INVALID_PDU_RECEIVED = 'Evt19'


class Action(enum.StrEnum):
    """The actions of PS3.8 9.2.2 (values: the keys of :data:`ACTIONS`)."""

    AE_1 = 'AE-1'
    AE_2 = 'AE-2'
    AE_3 = 'AE-3'
    AE_4 = 'AE-4'
    AE_5 = 'AE-5'
    AE_6 = 'AE-6'
    AE_7 = 'AE-7'
    AE_8 = 'AE-8'
    DT_1 = 'DT-1'
    DT_2 = 'DT-2'
    AR_1 = 'AR-1'
    AR_2 = 'AR-2'
    AR_3 = 'AR-3'
    AR_4 = 'AR-4'
    AR_5 = 'AR-5'
    AR_6 = 'AR-6'
    AR_7 = 'AR-7'
    AR_8 = 'AR-8'
    AR_9 = 'AR-9'
    AR_10 = 'AR-10'
    AA_1 = 'AA-1'
    AA_2 = 'AA-2'
    AA_3 = 'AA-3'
    AA_4 = 'AA-4'
    AA_5 = 'AA-5'
    AA_6 = 'AA-6'
    AA_7 = 'AA-7'
    AA_8 = 'AA-8'


class Condition(enum.StrEnum):
    """The conditions on which an action chooses its next state (PS3.8 9.2.2), as written."""

    #: AE-6
    A_ASSOCIATE_RQ_ACCEPTABLE_BY_SERVICE_PROVIDER = 'A-ASSOCIATE-RQ acceptable by service-provider'
    #: AR-8
    ASSOCIATION_REQUESTOR = 'association-requestor'


#: The state defined as "Idle" (PS3.8 Table 9-1).
IDLE_STATE = State.STA1

#: The event "Unrecognized or invalid PDU received": its row of Table 9-10 gives the action for
#: an event a state does not expect.
INVALID_PDU_EVENT = Event.UNRECOGNIZED_OR_INVALID_PDU_RECEIVED

#: The event "ARTIM timer expired" (PS3.8 9.1.5).
ARTIM_EXPIRED_EVENT = Event.ARTIM_TIMER_EXPIRED

#: Action -> the next states on the way to which it starts (or restarts) the ARTIM timer: its
#: definition says "start ARTIM timer" in the part leading there (AE-6 only when it rejects).
ARTIM_STARTS: dict[str, frozenset[str]] = {
    'AE-5': frozenset({'Sta2'}),
    'AE-6': frozenset({'Sta13'}),
    'AE-8': frozenset({'Sta13'}),
    'AR-4': frozenset({'Sta13'}),
    'AA-1': frozenset({'Sta13'}),
    'AA-8': frozenset({'Sta13'}),
}

#: The actions whose definition says "Stop ARTIM timer" (applied before any start).
ARTIM_STOPS: frozenset[str] = frozenset({
    'AE-6',
    'AR-5',
    'AA-2',
    'AA-5',
})

#: Action -> (condition, next state when it holds, next state when not): the actions with two
#: next states (AE-6: the A-ASSOCIATE-RQ is acceptable; AR-8: this side is the requestor).
CHOICES: dict[str, tuple[Condition, str, str]] = {
    'AE-6': (Condition.A_ASSOCIATE_RQ_ACCEPTABLE_BY_SERVICE_PROVIDER, 'Sta3', 'Sta13'),
    'AR-8': (Condition.ASSOCIATION_REQUESTOR, 'Sta9', 'Sta10'),
}
