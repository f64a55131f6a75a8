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

Optional keys (PS3.4 C.2.2, K.6: "Standard or Private Attributes" outside Table K.6-1): the
SCP supports the existence and matching of every attribute of Table K.6-1 and every Standard
Attribute the data dictionary knows, at any level; it does not support private attributes or
attributes the dictionary does not know.  Those are left out of matching and of the responses
("shall not be returned in C-FIND responses", C.2.2), and every match is then answered Pending
FF01H ("one or more Optional Keys were not supported for existence for this Identifier",
Table K.4-1).
"""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import Any

import anyio

from dicomkit.core import dictionary
from dicomkit.core.dataset import Dataset
from dicomkit.generated import tags
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

__all__ = ["WorklistSCP", "not_for_matching", "without_unsupported"]

log = logging.getLogger(__name__)

_TABLE = "K.4-1"
PENDING = status_code(_TABLE, "Matches are continuing - Current Match is supplied and any "
                      "Optional Keys were supported in the same manner as Required Keys.")
CANCEL = status_code(_TABLE, "Matching terminated due to Cancel request")
SUCCESS = status_code(_TABLE, "Matching is complete - No final Identifier is supplied.")
NOT_MATCH = status_code(_TABLE, "Error: Data Set does not match SOP Class")
UNABLE = status_code(_TABLE, "Failed: Unable to process")
PENDING_UNSUPPORTED = status_code(_TABLE, "Matches are continuing - Warning that one or more "
                                  "Optional Keys were not supported for existence for this "
                                  "Identifier.")


#: Every attribute of Table K.6-1, at any depth (supported whatever the dictionary knows).
_MODEL_TAGS = frozenset(k.tag for k in WORKLIST_KEYS)


def _supported(tag: int) -> bool:
    """Whether the SCP supports the existence of an attribute (see the module)."""
    return tag in _MODEL_TAGS or (not (tag >> 16) & 1 and dictionary.lookup(tag) is not None)


def without_unsupported(identifier: Dataset) -> tuple[Dataset, bool]:
    """``identifier`` without the keys whose existence the SCP does not support, at any
    depth (see the module), and whether there were any."""
    out = Dataset()
    dropped = False
    for elem in identifier.elements():
        if elem.tag == tags.SpecificCharacterSet or _supported(elem.tag):
            if elem.vr == "SQ" and elem.value:
                items = []
                for item in elem.value:
                    kept, gone = without_unsupported(item)
                    dropped |= gone
                    items.append(kept)
                out.add_new(elem.tag, "SQ", items)
            else:
                out[elem.tag] = elem
        else:
            dropped = True
    return out, dropped


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
            identifier, dropped = without_unsupported(identifier)
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
        pending = PENDING_UNSUPPORTED if dropped else PENDING
        for entry in entries:
            if request.cancelled.is_set():
                return CANCEL
            if matches(query, entry.dataset):
                out = project(query, entry.dataset)
                await request.respond(pending, encode_dataset(out, ts))
        if request.cancelled.is_set():
            return CANCEL
        return SUCCESS
