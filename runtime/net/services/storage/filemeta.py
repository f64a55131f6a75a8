"""File meta information for a data set received by C-STORE (PS3.10 7.1), made fast."""

from __future__ import annotations

import warnings

from dicomkit.core.dataset import Dataset
from dicomkit.generated import tags

__all__ = ["encode_head", "part10_head"]


def encode_head(sop_class: str, sop_instance: str, transfer_syntax: str) -> bytes:
    """Preamble, ``DICM`` and file meta for these UIDs, encoded in full."""
    from dicomkit.io.writer import encode_file_meta

    meta = Dataset()
    meta.add_new(tags.MediaStorageSOPClassUID, "UI", sop_class)
    meta.add_new(tags.MediaStorageSOPInstanceUID, "UI", sop_instance)
    return encode_file_meta(meta, transfer_syntax)


#: (SOP class, transfer syntax, instance UID length) -> the file meta bytes before and after
#: the Media Storage SOP Instance UID value: every file of a batch shares them.
_HEAD_CACHE: dict[tuple[str, str, int], tuple[bytes, bytes] | None] = {}
_UID_CHARS = frozenset("0123456789.")
_HEAD_CACHE_SIZE = 256


def part10_head(sop_class: str, instance: str, transfer_syntax: str) -> bytes:
    """Preamble, ``DICM`` and file meta (PS3.10 7.1) for a received data set.

    The bytes are made by :func:`dicomkit.io.writer.encode_file_meta` once per SOP class,
    transfer syntax and instance UID length, with a placeholder instance UID of that length;
    each file then only splices its own UID in (a UID is made of digits and dots, PS3.5 9.1,
    so it is stored as is; anything else is encoded in full).
    """
    if not instance or not _UID_CHARS.issuperset(instance):
        return encode_head(sop_class, instance, transfer_syntax)
    key = (sop_class, transfer_syntax, len(instance))
    if key not in _HEAD_CACHE:
        placeholder = "\x01" * len(instance)
        with warnings.catch_warnings():  # the placeholder is not a UID, on purpose
            warnings.simplefilter("ignore")
            head = encode_head(sop_class, placeholder, transfer_syntax)
        marker = placeholder.encode("ascii")
        at = head.find(marker)
        if len(_HEAD_CACHE) >= _HEAD_CACHE_SIZE:
            _HEAD_CACHE.clear()
        _HEAD_CACHE[key] = (head[:at], head[at + len(marker):]) \
            if at > 0 and head.count(marker) == 1 else None
    parts = _HEAD_CACHE[key]
    if parts is None:
        return encode_head(sop_class, instance, transfer_syntax)
    return parts[0] + instance.encode("ascii") + parts[1]
