"""Association negotiation (PS3.8 7.1, 9.3.2-9.3.4; PS3.7 Annex D) as functions over PDUs.

The requestor builds its A-ASSOCIATE-RQ with :func:`build_request` and reads the answer with
:func:`apply_accept`; the acceptor answers with :func:`negotiate`, which checks the request
(application context, AE titles, user identity) and decides every presentation context, role
selection, extended negotiation and the asynchronous operations window against an
:class:`AcceptPolicy` and, when given, the per-SOP-class :class:`SupportedContext` table of an
application entity.  Both give a :class:`Negotiated`: everything the association keeps.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from dicomkit.generated import uids
from dicomkit.generated.transfer_syntaxes import TRANSFER_SYNTAXES
from dicomkit.io.writer import IMPLEMENTATION_CLASS_UID, IMPLEMENTATION_VERSION_NAME
from dicomkit.net import _codes as codes
from dicomkit.net.errors import NetworkError
from dicomkit.net.pdu import (
    AAssociateAC,
    AAssociateRJ,
    AAssociateRQ,
    CommonExtendedNegotiation,
    PresentationContextAC,
    PresentationContextRQ,
    RoleSelection,
    UserIdentityRQ,
    UserInformation,
)

__all__ = [
    "DEFAULT_MAX_PDU", "AcceptPolicy", "AcceptedContext", "Negotiated", "PresentationContext",
    "SupportedContext", "UserIdentity", "apply_accept", "build_request", "check_contexts",
    "negotiate",
]

log = logging.getLogger(__name__)

#: Maximum PDU length we announce by default (PS3.8 D.1): 16 KiB, common among implementations.
DEFAULT_MAX_PDU = 16384


@dataclass(frozen=True)
class PresentationContext:
    """A presentation context to propose (PS3.8 7.1.1.13), with optional role selection
    (PS3.7 D.3.3.4: the roles the requestor proposes for itself)."""

    id: int
    abstract_syntax: str
    transfer_syntaxes: tuple[str, ...]
    scu_role: bool | None = None
    scp_role: bool | None = None


@dataclass(frozen=True)
class AcceptedContext:
    """The result for one presentation context: result 0 accepted, else PS3.8 Table 9-18."""

    id: int
    abstract_syntax: str
    transfer_syntax: str
    result: int


@dataclass(frozen=True)
class SupportedContext:
    """What an application entity supports for one SOP class (abstract syntax).

    Attributes
    ----------
    abstract_syntax
        The SOP class UID (or meta SOP class, PS3.4).
    transfer_syntaxes
        Accepted transfer syntaxes in preference order; None: any the toolkit knows, in the
        requestor's order (data sets are then kept as sent).
    scu_role, scp_role
        The roles this entity can take for the SOP class: an acceptor accepts a requestor's
        proposed SCP role (PS3.7 D.3.3.4, e.g. storage sub-operations of C-GET) only when it
        has the SCU role here, and the default roles only when it has the SCP role.
    """

    abstract_syntax: str
    transfer_syntaxes: tuple[str, ...] | None = None
    scu_role: bool = False
    scp_role: bool = True




@dataclass(frozen=True)
class UserIdentity:
    """User identity negotiation (PS3.7 D.3.3.7): the type and its fields.

    ``identity_type``: 1 username, 2 username and passcode, 3 Kerberos service ticket,
    4 SAML assertion, 5 JSON Web Token (PS3.7 Table D.3-14).
    """

    identity_type: int
    primary: bytes
    secondary: bytes = b""
    positive_response_requested: bool = False

    @classmethod
    def username(cls, name: str, *, response: bool = False) -> UserIdentity:
        """Username only (type 1), UTF-8."""
        return cls(codes.UserIdentityType.USERNAME, name.encode("utf-8"), b"",
                   response)

    @classmethod
    def username_password(cls, name: str, passcode: str, *,
                          response: bool = False) -> UserIdentity:
        """Username and passcode (type 2), UTF-8."""
        return cls(codes.UserIdentityType.USERNAME_AND_PASSCODE,
                   name.encode("utf-8"), passcode.encode("utf-8"), response)

    @classmethod
    def kerberos(cls, ticket: bytes, *, response: bool = False) -> UserIdentity:
        """Kerberos service ticket (type 3)."""
        return cls(codes.UserIdentityType.KERBEROS_SERVICE_TICKET, ticket, b"", response)

    @classmethod
    def saml(cls, assertion: bytes, *, response: bool = False) -> UserIdentity:
        """SAML assertion (type 4)."""
        return cls(codes.UserIdentityType.SAML_ASSERTION, assertion, b"", response)

    @classmethod
    def jwt(cls, token: bytes, *, response: bool = False) -> UserIdentity:
        """JSON Web Token (type 5)."""
        return cls(codes.UserIdentityType.JSON_WEB_TOKEN, token, b"", response)


def _default_transfer_syntaxes() -> tuple[str, ...]:
    return (uids.ExplicitVRLittleEndian, uids.ImplicitVRLittleEndian)


@dataclass
class AcceptPolicy:
    """What an acceptor accepts.

    Attributes
    ----------
    ae_title
        Our AE title; a request calling another is rejected (None: answer to any).
    calling_ae_titles
        Calling AE titles accepted (None: any).
    abstract_syntaxes
        Abstract syntaxes accepted (None: any) when no per-SOP-class table is given.
    transfer_syntaxes
        Accepted transfer syntaxes in preference order (None: the requestor's first known
        one), when no per-SOP-class table is given.
    max_associations
        Concurrent associations; more are rejected transiently (local-limit-exceeded).
    max_pdu
        Maximum PDU length we receive (0: no limit; still capped by ``max_pdu_cap``).
    require_user_identity
        Reject requests without user identity negotiation.
    authenticate
        Called with the requested identity: False rejects, True accepts, bytes accept and are
        the server response (sent when the requestor asked for one).
    role_selection
        Called with (SOP class, proposed SCU role, proposed SCP role); returns the accepted
        roles (default: as the supported contexts allow).
    sop_class_extended
        Called with (SOP class, application information); bytes are returned to the requestor.
    async_ops
        The asynchronous operations window we allow the requestor (PS3.7 D.3.3.3): the
        outstanding operations it may invoke (which we perform) and perform (which we
        invoke); 0 is unlimited.  Answered, clamped to the request, when one is asked.
    """

    ae_title: str | None = "DICOMKIT"
    calling_ae_titles: frozenset[str] | None = None
    abstract_syntaxes: frozenset[str] | None = None
    transfer_syntaxes: tuple[str, ...] | None = field(default_factory=_default_transfer_syntaxes)
    max_associations: int = 64
    max_pdu: int = DEFAULT_MAX_PDU
    max_pdu_cap: int = 1 << 26
    require_user_identity: bool = False
    authenticate: Callable[[UserIdentity], bool | bytes] | None = None
    role_selection: Callable[[str, bool, bool], tuple[bool, bool]] | None = None
    sop_class_extended: Callable[[str, bytes], bytes | None] | None = None
    async_ops: tuple[int, int] = (1, 1)


@dataclass
class Negotiated:
    """The outcome of association negotiation, from one side's point of view.

    ``async_ops`` is this side's window: (operations it may have outstanding as invoker,
    operations it may have outstanding as performer), 0 unlimited (PS3.7 D.3.3.3).
    """

    calling_ae: str = ""
    called_ae: str = ""
    local_max_pdu: int = DEFAULT_MAX_PDU
    peer_max_pdu: int = 0
    contexts: dict[int, AcceptedContext] = field(default_factory=dict)
    results: dict[int, AcceptedContext] = field(default_factory=dict)
    requested: list[PresentationContext] = field(default_factory=list)
    peer_implementation_class_uid: str = ""
    peer_implementation_version_name: str = ""
    user_identity: UserIdentity | None = None
    user_identity_response: bytes | None = None
    roles: dict[str, tuple[bool, bool]] = field(default_factory=dict)
    sop_class_extended: dict[str, bytes] = field(default_factory=dict)
    sop_class_common_extended: list[CommonExtendedNegotiation] = field(default_factory=list)
    async_ops: tuple[int, int] = (1, 1)


# --------------------------------------------------------------------------- requestor

def check_contexts(contexts: Sequence[PresentationContext]) -> None:
    """Raise NetworkError unless the IDs are unique odd numbers 1-255 (PS3.8 9.3.2.2)."""
    ids = [pc.id for pc in contexts]
    if not ids or len(set(ids)) != len(ids) or any(i % 2 == 0 or not 0 < i < 256 for i in ids):
        raise NetworkError("presentation context IDs must be unique odd numbers 1-255 "
                           f"(PS3.8 9.3.2.2), got {ids}")


def build_request(*, called_ae: str, calling_ae: str, contexts: Sequence[PresentationContext],
                  max_pdu: int, user_identity: UserIdentity | None = None,
                  async_ops: tuple[int, int] | None = None,
                  sop_class_extended: Mapping[str, bytes] | None = None,
                  sop_class_common_extended: Sequence[CommonExtendedNegotiation] = ()
                  ) -> AAssociateRQ:
    """The A-ASSOCIATE-RQ for these contexts and user information (PS3.8 9.3.2, PS3.7 D.3)."""
    check_contexts(contexts)
    user = UserInformation(max_length=max_pdu, implementation_class_uid=IMPLEMENTATION_CLASS_UID,
                           implementation_version_name=IMPLEMENTATION_VERSION_NAME,
                           async_ops=async_ops, extended=dict(sop_class_extended or {}),
                           common_extended=list(sop_class_common_extended))
    seen: set[str] = set()
    for pc in contexts:
        if (pc.scu_role is not None or pc.scp_role is not None) and pc.abstract_syntax not in seen:
            seen.add(pc.abstract_syntax)  # one role selection item per SOP class (D.3.3.4)
            user.roles.append(RoleSelection(pc.abstract_syntax, bool(pc.scu_role),
                                            bool(pc.scp_role)))
    if user_identity is not None:
        user.identity_rq = UserIdentityRQ(user_identity.identity_type,
                                          user_identity.positive_response_requested,
                                          user_identity.primary, user_identity.secondary)
    return AAssociateRQ(called_ae, calling_ae, uids.DICOMApplicationContext,
                        [PresentationContextRQ(pc.id, pc.abstract_syntax, pc.transfer_syntaxes)
                         for pc in contexts], user)


def apply_accept(rq: AAssociateRQ, ac: AAssociateAC, proposed: Sequence[PresentationContext],
                 *, user_identity: UserIdentity | None = None) -> Negotiated:
    """What the requestor keeps of the A-ASSOCIATE-AC answering ``rq`` (PS3.8 9.3.3)."""
    out = Negotiated(calling_ae=rq.calling_ae, called_ae=rq.called_ae,
                     local_max_pdu=rq.user.max_length or 0, requested=list(proposed),
                     user_identity=user_identity)
    by_id = {pc.id: pc for pc in proposed}
    for result in ac.contexts:
        pc = by_id.get(result.id)
        if pc is None:
            continue
        accepted = AcceptedContext(result.id, pc.abstract_syntax, result.transfer_syntax,
                                   result.result)
        out.results[result.id] = accepted
        if result.result == codes.CONTEXT_ACCEPTED:
            out.contexts[result.id] = accepted
    out.peer_max_pdu = ac.user.max_length or 0
    out.peer_implementation_class_uid = ac.user.implementation_class_uid
    out.peer_implementation_version_name = ac.user.implementation_version_name
    out.user_identity_response = ac.user.identity_ac
    out.roles = {r.sop_class_uid: (r.scu_role, r.scp_role) for r in ac.user.roles}
    out.sop_class_extended = dict(ac.user.extended)
    out.sop_class_common_extended = list(rq.user.common_extended)
    out.async_ops = ac.user.async_ops or (1, 1)
    return out


# --------------------------------------------------------------------------- acceptor

def _window(asked: int, allowed: int) -> int:
    """The smaller of two window sizes where 0 means unlimited (PS3.7 D.3.3.3)."""
    if asked == 0:
        return allowed
    if allowed == 0:
        return asked
    return min(asked, allowed)


def _rejection(rq: AAssociateRQ, policy: AcceptPolicy,
               identity: UserIdentity | None) -> tuple[AAssociateRJ | None, bytes | None]:
    """The A-ASSOCIATE-RJ for ``rq`` (None to go on) and the identity server response."""
    def rj(source: int, reason: int) -> AAssociateRJ:
        return AAssociateRJ(codes.RJ_PERMANENT, source, reason)

    if rq.application_context != uids.DICOMApplicationContext:
        return rj(codes.RJ_SERVICE_USER, codes.RJ_APPLICATION_CONTEXT), None
    if policy.ae_title is not None and rq.called_ae != policy.ae_title:
        return rj(codes.RJ_SERVICE_USER, codes.RJ_CALLED_AE), None
    if policy.calling_ae_titles is not None and rq.calling_ae not in policy.calling_ae_titles:
        return rj(codes.RJ_SERVICE_USER, codes.RJ_CALLING_AE), None
    if not rq.contexts:  # PS3.8 9.3.2: one or more Presentation Context Items
        return rj(codes.RJ_SERVICE_USER, codes.RJ_NO_REASON), None
    response: bytes | None = None
    if identity is not None:
        if policy.authenticate is not None:
            try:
                verdict = policy.authenticate(identity)
            except Exception:  # an authenticate callback that fails rejects
                log.exception("user identity check failed")
                verdict = False
            if verdict is False:
                return rj(codes.RJ_SERVICE_USER, codes.RJ_NO_REASON), None
            if isinstance(verdict, bytes):
                response = verdict
    elif policy.require_user_identity:
        return rj(codes.RJ_SERVICE_USER, codes.RJ_NO_REASON), None
    return None, response


def negotiate(rq: AAssociateRQ, policy: AcceptPolicy,
              supported: Mapping[str, SupportedContext] | None = None
              ) -> tuple[AAssociateAC | AAssociateRJ, Negotiated]:
    """The answer to ``rq`` and what the acceptor keeps (PS3.8 9.3.3, 9.3.4; PS3.7 D.3.3).

    With ``supported`` (an application entity's table), a context is accepted when its SOP
    class is in the table, in the table's transfer syntaxes, and the roles asked are ones the
    entity has; otherwise ``policy.abstract_syntaxes`` and ``policy.transfer_syntaxes`` decide.
    """
    ident = rq.user.identity_rq
    identity = None if ident is None else UserIdentity(
        ident.identity_type, ident.primary_field, ident.secondary_field,
        ident.positive_response_requested)
    out = Negotiated(calling_ae=rq.calling_ae, called_ae=rq.called_ae,
                     local_max_pdu=policy.max_pdu or policy.max_pdu_cap,
                     peer_max_pdu=rq.user.max_length or 0,
                     peer_implementation_class_uid=rq.user.implementation_class_uid,
                     peer_implementation_version_name=rq.user.implementation_version_name,
                     user_identity=identity)
    rejection, response = _rejection(rq, policy, identity)
    if rejection is not None:
        return rejection, out
    out.user_identity_response = response
    proposed_roles = {r.sop_class_uid: (r.scu_role, r.scp_role) for r in rq.user.roles}
    contexts: list[PresentationContextAC] = []
    for pc in rq.contexts:
        syntax, result = _decide(pc, policy, supported, proposed_roles)
        contexts.append(PresentationContextAC(pc.id, result,
                                              syntax or (pc.transfer_syntaxes or ("",))[0]))
        out.requested.append(PresentationContext(pc.id, pc.abstract_syntax,
                                                 pc.transfer_syntaxes))
        accepted = AcceptedContext(pc.id, pc.abstract_syntax, syntax, result)
        out.results[pc.id] = accepted
        if result == codes.CONTEXT_ACCEPTED:
            out.contexts[pc.id] = accepted
    accepted_classes = {c.abstract_syntax for c in out.contexts.values()}
    user = UserInformation(max_length=policy.max_pdu,
                           implementation_class_uid=IMPLEMENTATION_CLASS_UID,
                           implementation_version_name=IMPLEMENTATION_VERSION_NAME)
    for uid, (scu, scp) in proposed_roles.items():
        if uid not in accepted_classes:
            continue
        scu_ok, scp_ok = _roles(uid, scu, scp, policy, supported)
        user.roles.append(RoleSelection(uid, scu_ok, scp_ok))
        out.roles[uid] = (scu_ok, scp_ok)
    out.sop_class_extended = dict(rq.user.extended)
    if policy.sop_class_extended is not None:
        for uid, info in rq.user.extended.items():
            answer = policy.sop_class_extended(uid, info)
            if answer is not None:
                user.extended[uid] = answer
    out.sop_class_common_extended = list(rq.user.common_extended)
    if rq.user.async_ops is not None:
        invoked = _window(rq.user.async_ops[0], policy.async_ops[0])
        performed = _window(rq.user.async_ops[1], policy.async_ops[1])
        user.async_ops = (invoked, performed)
        out.async_ops = (performed, invoked)  # ours: we invoke what the requestor performs
    if identity is not None and identity.positive_response_requested:
        user.identity_ac = out.user_identity_response or b""
    return AAssociateAC(rq.called_ae, rq.calling_ae, rq.application_context, contexts,
                        user), out


def _roles(uid: str, scu: bool, scp: bool, policy: AcceptPolicy,
           supported: Mapping[str, SupportedContext] | None) -> tuple[bool, bool]:
    """The requestor's proposed roles we accept (PS3.7 D.3.3.4)."""
    if policy.role_selection is not None:
        scu_ok, scp_ok = policy.role_selection(uid, scu, scp)
    elif supported is not None and uid in supported:
        ours = supported[uid]
        scu_ok, scp_ok = ours.scp_role, ours.scu_role  # it is SCU where we are SCP
    else:
        scu_ok, scp_ok = scu, scp
    return scu_ok and scu, scp_ok and scp


def _decide(pc: PresentationContextRQ, policy: AcceptPolicy,
            supported: Mapping[str, SupportedContext] | None,
            proposed_roles: Mapping[str, tuple[bool, bool]]) -> tuple[str, int]:
    """(transfer syntax, result) for one proposed context (PS3.8 Table 9-18)."""
    if supported is not None:
        entry = supported.get(pc.abstract_syntax)
        if entry is None:
            return "", codes.CONTEXT_ABSTRACT_SYNTAX_NOT_SUPPORTED
        scu, scp = proposed_roles.get(pc.abstract_syntax, (True, False))
        if not ((scu and entry.scp_role) or (scp and entry.scu_role)):
            return "", codes.CONTEXT_USER_REJECTION  # no role both sides can take
        preference = entry.transfer_syntaxes
    else:
        if policy.abstract_syntaxes is not None and (
                pc.abstract_syntax not in policy.abstract_syntaxes):
            return "", codes.CONTEXT_ABSTRACT_SYNTAX_NOT_SUPPORTED
        preference = policy.transfer_syntaxes
    if preference is None:
        syntax = next((t for t in pc.transfer_syntaxes if t in TRANSFER_SYNTAXES), "")
    else:
        syntax = next((t for t in preference if t in pc.transfer_syntaxes), "")
    return syntax, codes.CONTEXT_ACCEPTED if syntax else codes.CONTEXT_TRANSFER_SYNTAXES_NOT_SUPPORTED
