"""File meta information for a data set received by C-STORE (PS3.10 7.1), made fast."""

from __future__ import annotations

import warnings

from dicomkit.core.dataset import Dataset
from dicomkit.generated import tags

__all__ = ["data_set_offset", "encode_head", "part10_head", "read_data_set"]


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


#: Preamble, ``DICM`` and the File Meta Information Group Length element (PS3.10 7.1).
_GROUP_LENGTH_END = 144
_GROUP_LENGTH_HEADER = b"\x02\x00\x00\x00UL\x04\x00"
#: VRs with a 4-byte length after two reserved bytes in explicit VR (PS3.5 7.1.2)
_LONG_VRS = frozenset({b"OB", b"OD", b"OF", b"OL", b"OV", b"OW", b"SQ", b"SV", b"UC", b"UN",
                       b"UR", b"UT", b"UV"})


def data_set_offset(head: bytes) -> int | None:
    """Where the data set of a Part 10 file begins, from its first bytes (through its file
    meta): the 128-byte preamble, ``DICM``, then File Meta Information Group Length
    (0002,0000), UL, explicit VR little endian (PS3.10 7.1, Table 7.1-1: Type 1, the group's
    first element), whose value counts the bytes of the file meta elements after it.  The
    elements it counts are walked: each of group 0002, the last ending exactly there, the
    next of another group.  None when the file does not begin so (then it must be read in
    full to find its data set)."""
    if len(head) < _GROUP_LENGTH_END or head[128:132] != b"DICM" \
            or head[132:140] != _GROUP_LENGTH_HEADER:
        return None
    end = _GROUP_LENGTH_END + int.from_bytes(head[140:144], "little")
    pos = _GROUP_LENGTH_END
    while pos < end:
        if pos + 8 > len(head) or head[pos:pos + 2] != b"\x02\x00":
            return None
        if head[pos + 4:pos + 6] in _LONG_VRS:
            if pos + 12 > len(head):
                return None
            pos += 12 + int.from_bytes(head[pos + 8:pos + 12], "little")
        else:
            pos += 8 + int.from_bytes(head[pos + 6:pos + 8], "little")
    if pos != end or head[end:end + 2] == b"\x02\x00" or len(head) < end + 8:
        return None
    return end


def read_data_set(path: str) -> bytes | None:
    """The data set bytes of the Part 10 file at ``path`` as stored (after its file meta,
    :func:`data_set_offset`), or None when its file meta does not end where its group length
    says.

    Raises
    ------
    OSError
        When the file cannot be read.
    """
    with open(path, "rb") as fh:
        data = fh.read()
    offset = data_set_offset(data)
    return None if offset is None else data[offset:]
