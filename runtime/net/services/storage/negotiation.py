"""Presentation contexts for storage and the transfer syntax a data set goes in (PS3.4 B.3.1).

Reusable by any sender of instances (C-STORE SCU, C-MOVE/C-GET sub-operations, DICOMweb
transcoding): :func:`contexts_for` plans the contexts to propose for the (SOP class, transfer
syntax) pairs of a batch, :func:`choose` picks the accepted context a data set goes in.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from dicomkit.core.dataset import Dataset
from dicomkit.errors import DicomError
from dicomkit.generated import tags, uids
from dicomkit.generated.transfer_syntaxes import TRANSFER_SYNTAXES
from dicomkit.net.acse import AcceptedContext, PresentationContext
from dicomkit.net.dimse import DimseError

__all__ = ["MAX_CONTEXTS", "TranscodeError", "choose", "contexts_for", "is_native",
           "syntax_of", "uid_name"]

NATIVE_FALLBACK = (uids.ExplicitVRLittleEndian, uids.ImplicitVRLittleEndian)
#: at most 128 presentation contexts per association (odd IDs 1-255, PS3.8 9.3.2.2)
MAX_CONTEXTS = 128


class TranscodeError(DicomError):
    """A data set the peer accepts only in a transfer syntax it cannot be converted to here."""


def is_native(ts: str) -> bool:
    """True for a known transfer syntax that is not encapsulated."""
    syntax = TRANSFER_SYNTAXES.get(ts)
    return syntax is not None and not syntax.encapsulated


def syntax_of(ds: Dataset) -> str:
    """The transfer syntax a data set is in (its file meta, else as read)."""
    if ds.file_meta is not None:
        el = ds.file_meta.get(tags.TransferSyntaxUID)
        if el is not None and el.value:
            return str(el.value).strip("\x00 ")
    return ds.read_transfer_syntax or uids.ExplicitVRLittleEndian


def uid_name(uid: str) -> str:
    """``CT Image Storage (1.2.840...)`` for a known UID, else the UID."""
    entry = uids.UIDS.get(uid)
    return f"{entry[0]} ({uid})" if entry else uid


def contexts_for(items: Iterable[tuple[str, str]], *, first_id: int = 1
                 ) -> list[PresentationContext]:
    """The presentation contexts to propose for (SOP class, transfer syntax) pairs.

    One context per (SOP class, transfer syntax) in use, proposing that syntax first, then,
    for native syntaxes, explicit and implicit VR little endian (so the peer may take a
    native data set in either); a compressed syntax is proposed alone, with a second context
    of the native syntaxes for the SOP class, in which the data set is sent decompressed when
    the peer refuses the compressed one (PS3.4 B.3.1).
    """
    out: list[PresentationContext] = []
    seen: set[tuple[str, str]] = set()
    for sop_class, ts in items:
        if (sop_class, ts) in seen:
            continue
        seen.add((sop_class, ts))
        syntaxes = [ts] if ts in TRANSFER_SYNTAXES else []
        if is_native(ts) or ts not in TRANSFER_SYNTAXES:
            syntaxes += [t for t in NATIVE_FALLBACK if t != ts]
        if any(pc.abstract_syntax == sop_class and pc.transfer_syntaxes == tuple(syntaxes)
               for pc in out):
            continue  # an explicit/implicit file whose context is already proposed
        out.append(PresentationContext(first_id + 2 * len(out), sop_class, tuple(syntaxes)))
        if not is_native(ts) and not any(
                pc.abstract_syntax == sop_class and uids.ExplicitVRLittleEndian
                in pc.transfer_syntaxes for pc in out):
            out.append(PresentationContext(first_id + 2 * len(out), sop_class,
                                           NATIVE_FALLBACK))
    return out


def choose(accepted_contexts: Sequence[AcceptedContext], sop_class: str, transfer_syntax: str,
           source: str = "") -> AcceptedContext:
    """The accepted context to send a data set on: its own syntax first, then a native one
    (a compressed data set is then decompressed), then another compressed syntax a codec can
    encode losslessly (the data set is transcoded, its pixel values unchanged).

    Raises
    ------
    TranscodeError
        When the peer accepted the SOP class only in syntaxes the data set cannot be
        converted to losslessly here.
    DimseError
        When the peer accepted no context for the SOP class.
    """
    accepted = [c for c in accepted_contexts if c.abstract_syntax == sop_class and c.result == 0]
    for ctx in accepted:
        if ctx.transfer_syntax == transfer_syntax:
            return ctx
    if not accepted:
        raise DimseError(f"the peer accepted no presentation context for SOP class "
                         f"{sop_class} ({uid_name(sop_class)})", message_name="C-STORE-RQ")
    for ctx in accepted:
        if is_native(ctx.transfer_syntax):
            return ctx
    from dicomkit.codecs import can_encode

    for ctx in accepted:
        syntax = TRANSFER_SYNTAXES.get(ctx.transfer_syntax)
        if syntax is not None and syntax.lossless is True and can_encode(ctx.transfer_syntax):
            return ctx
    offered = ", ".join(uid_name(c.transfer_syntax) for c in accepted)
    raise TranscodeError(f"{source}: the peer accepts {uid_name(sop_class)} only in {offered}; "
                         "none of them is native or a lossless syntax dicomkit can encode, so "
                         f"{uid_name(transfer_syntax)} cannot be converted for it")
