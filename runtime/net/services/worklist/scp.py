"""Modality Worklist Information Model - FIND as SCP over a worklist store (PS3.4 K.4.1.3).

:class:`WorklistSCP` reads the identifier of each C-FIND request, parses it
(:func:`dicomkit.query.parse_identifier`: the matching types of PS3.4 C.2.2.2, sequence
matching on the Scheduled Procedure Step Sequence, C.2.2.2.6, K.6.1.2.2), and answers every
entry of its :class:`~dicomkit.net.services.worklist.store.WorklistStore` that
:func:`dicomkit.query.matches` with a Pending response (FF00H) whose identifier
:func:`dicomkit.query.response_identifier` builds (the Scheduled Procedure Step items that
matched, each with the keys asked; keys of Matching Key Type "-" are returned, not
matched); a C-CANCEL is honoured between responses (Cancel, FE00H),
then Success.  An identifier that cannot be read or breaks a matching rule is answered Error:
Data Set does not match SOP Class (A900H) with the reason in Error Comment; a store that
cannot be listed, Failed: Unable to process (C000H).  Statuses from PS3.4 Table K.4-1.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import Any

import anyio

from dicomkit.generated.service_statuses import status_code
from dicomkit.generated.workflow import WORKLIST_KEYS, WORKLIST_SOP_CLASS
from dicomkit.io.writer import encode_dataset
from dicomkit.net.dimse import error_comment
from dicomkit.net.dimse_provider import Request
from dicomkit.net.services.qr.errors import IdentifierError
from dicomkit.net.services.qr.responses import decode_identifier
from dicomkit.net.services.worklist.errors import WorklistStoreError
from dicomkit.net.services.worklist.store import WorklistStore
from dicomkit.query import (
    DEFAULT_OPTIONS,
    MatchOptions,
    Query,
    QueryError,
    matches,
    parse_identifier,
)
from dicomkit.query import response_identifier as project

__all__ = ["WorklistSCP", "not_for_matching"]

log = logging.getLogger(__name__)

_TABLE = "K.4-1"
PENDING = status_code(_TABLE, "Matches are continuing - Current Match is supplied and any "
                      "Optional Keys were supported in the same manner as Required Keys.")
CANCEL = status_code(_TABLE, "Matching terminated due to Cancel request")
SUCCESS = status_code(_TABLE, "Matching is complete - No final Identifier is supplied.")
NOT_MATCH = status_code(_TABLE, "Error: Data Set does not match SOP Class")
UNABLE = status_code(_TABLE, "Failed: Unable to process")


#: (sequence path, tag) of the keys Table K.6-1 gives Matching Key Type "-": returned, never
#: used for matching (the Protocol Context Sequence, K.6.1.2.2).
_NOT_MATCHED = frozenset((k.path, k.tag) for k in WORKLIST_KEYS if k.matching == "-")


def _unmatched(query: Query) -> Query:
    return replace(query, keys=tuple(
        replace(k, matched=False, items=None if k.items is None else _unmatched(k.items))
        for k in query.keys))


def not_for_matching(query: Query, path: tuple[int, ...] = ()) -> Query:
    """``query`` with the keys of Matching Key Type "-" of Table K.6-1 returned but not
    matched, at any depth (a sequence's item keys with it: every item is returned)."""
    keys = []
    for key in query.keys:
        if (path, key.tag) in _NOT_MATCHED:
            key = replace(key, matched=False,
                          items=None if key.items is None else _unmatched(key.items))
        elif key.items is not None:
            key = replace(key, items=not_for_matching(key.items, (*path, key.tag)))
        keys.append(key)
    return replace(query, keys=tuple(keys))



class WorklistSCP:
    """Modality Worklist C-FIND SCP (see the module); register with
    :meth:`dicomkit.net.ae.ApplicationEntity.add_service`.

    Parameters
    ----------
    store
        The worklist store, or its folder.
    options
        The matching options (what the Conformance Statement says, PS3.4 C.2.2.2).
    """

    requests: tuple[str, ...] = ("C-FIND-RQ",)
    sop_classes: tuple[str, ...] | None = (WORKLIST_SOP_CLASS,)

    def __init__(self, store: WorklistStore | str, *,
                 options: MatchOptions = DEFAULT_OPTIONS) -> None:
        self.store = store if isinstance(store, WorklistStore) else WorklistStore(store)
        self.options = options

    async def handle(self, request: Request) -> int | None:
        """Answer one C-FIND request (PS3.4 K.4.1.3)."""
        data = await request.read_data()
        try:
            identifier = decode_identifier(data, request.transfer_syntax,
                                           request.abstract_syntax, operation="C-FIND")
            query = not_for_matching(parse_identifier(identifier, self.options))
        except (QueryError, IdentifierError) as exc:
            fields: dict[str, Any] = {"ErrorComment": error_comment(exc)}
            await request.respond(NOT_MATCH, **fields)
            return None
        try:
            entries = await anyio.to_thread.run_sync(self.store.entries)
        except WorklistStoreError as exc:
            log.warning("worklist C-FIND from %s: %s", request.association.calling_ae, exc)
            await request.respond(UNABLE, ErrorComment=error_comment(exc))
            return None
        ts = request.transfer_syntax
        for entry in entries:
            if request.cancelled.is_set():
                return CANCEL
            if matches(query, entry.dataset):
                out = project(query, entry.dataset)
                await request.respond(PENDING, encode_dataset(out, ts))
        if request.cancelled.is_set():
            return CANCEL
        return SUCCESS
