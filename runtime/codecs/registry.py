"""Which codec module handles which transfer syntax (PS3.5 8.2, PS3.5 A.4).

The transfer syntaxes are picked out of the generated table by keyword (or, for those the
standard gives no keyword, by name), never by hand-typed UIDs.  Which library implements a
codec is our choice, measured in ``bench/README.md``: imagecodecs (libjpeg-turbo 3, CharLS,
OpenJPEG, OpenJPH) for every compressed syntax, zlib for Deflated Image Frame Compression.
"""

from __future__ import annotations

import importlib
import importlib.util
from dataclasses import dataclass
from types import ModuleType
from typing import Any

from dicomkit.codecs.base import CodecUnavailableError, DecodedFrame, EncodedFrame, damaged
from dicomkit.errors import DicomError
from dicomkit.generated.transfer_syntaxes import TRANSFER_SYNTAXES
from dicomkit.pixels.info import PixelInfo

__all__ = ["Codec", "CODECS", "codec_for", "can_decode", "can_encode", "decode_frame",
           "encode_frame", "LIBRARY", "EXTRAS"]

#: The one codec library (PyPI imagecodecs, module imagecodecs) behind every compressed syntax.
LIBRARY = "imagecodecs"


@dataclass(frozen=True, slots=True)
class Codec:
    """A codec family: its module in :mod:`dicomkit.codecs`, the library it needs and the
    dicomkit extra that installs it, and whether it encodes this syntax."""

    module: str
    library: str | None
    extra: str
    encodes: bool = True


#: Codec family by transfer syntax keyword or, when the keyword is empty, by name (PS3.6 A).
_BY_KEYWORD: dict[str, Codec] = {
    "RLELossless": Codec("rle", LIBRARY, "rle"),
    "JPEGBaseline8Bit": Codec("jpeg", LIBRARY, "jpeg"),
    "JPEGExtended12Bit": Codec("jpeg", LIBRARY, "jpeg"),
    "JPEGLossless": Codec("jpeg", LIBRARY, "jpeg"),
    "JPEGLosslessSV1": Codec("jpeg", LIBRARY, "jpeg"),
    "JPEGLSLossless": Codec("jpegls", LIBRARY, "jpegls"),
    "JPEGLSNearLossless": Codec("jpegls", LIBRARY, "jpegls"),
    "JPEG2000Lossless": Codec("jpeg2000", LIBRARY, "jpeg2000"),
    "JPEG2000": Codec("jpeg2000", LIBRARY, "jpeg2000"),
    # Part 2 multi-component transforms: OpenJPEG decodes Part 1 codestreams in them but
    # writes no Part 2 transforms, so we do not encode these.
    "JPEG2000MCLossless": Codec("jpeg2000", LIBRARY, "jpeg2000", encodes=False),
    "JPEG2000MC": Codec("jpeg2000", LIBRARY, "jpeg2000", encodes=False),
    "HTJ2KLossless": Codec("jpeg2000", LIBRARY, "jpeg2000"),
    "HTJ2KLosslessRPCL": Codec("jpeg2000", LIBRARY, "jpeg2000"),
    "HTJ2K": Codec("jpeg2000", LIBRARY, "jpeg2000"),
    "EncapsulatedUncompressedExplicitVRLittleEndian": Codec("deflate", None, ""),
}
_BY_NAME: dict[str, Codec] = {
    "Deflated Image Frame Compression": Codec("deflate", None, ""),
}

#: Codec by transfer syntax UID, built from the generated table.
CODECS: dict[str, Codec] = {}
for _uid, _ts in TRANSFER_SYNTAXES.items():
    _codec = _BY_KEYWORD.get(_ts.keyword) if _ts.keyword else _BY_NAME.get(_ts.name)
    if _codec is not None:
        CODECS[_uid] = _codec

#: The extras of pyproject.toml that install a codec library, by extra name.
EXTRAS: dict[str, str] = {c.extra: c.library for c in CODECS.values() if c.library and c.extra}

_available: dict[str, bool] = {}


def _installed(library: str | None) -> bool:
    if library is None:
        return True
    if library not in _available:
        _available[library] = importlib.util.find_spec(library) is not None
    return _available[library]


def codec_for(uid: str, action: str = "decode") -> ModuleType:
    """The codec module for a transfer syntax, its library checked.

    Raises
    ------
    CodecUnavailableError
        When dicomkit has no codec for the syntax (MPEG, HEVC, JPEG XL, native syntaxes), or
        its library is not installed (the message names the ``pip install`` extra).
    """
    codec = CODECS.get(uid)
    if codec is None:
        raise CodecUnavailableError(uid, action=action)
    if action == "encode" and not codec.encodes:
        raise CodecUnavailableError(uid, action=action,
                                    detail="the library decodes it but cannot encode it")
    if not _installed(codec.library):
        raise CodecUnavailableError(uid, codec.extra, action=action)
    return importlib.import_module(f"dicomkit.codecs.{codec.module}")


def can_decode(uid: str) -> bool:
    """True when an installed codec decodes the transfer syntax (checked without importing
    the library)."""
    codec = CODECS.get(uid)
    return codec is not None and _installed(codec.library)


def can_encode(uid: str) -> bool:
    """True when an installed codec encodes the transfer syntax."""
    codec = CODECS.get(uid)
    return codec is not None and codec.encodes and _installed(codec.library)


def decode_frame(data: bytes, info: PixelInfo, *, frame: int, as_rgb: bool = False) -> DecodedFrame:
    """Decode one frame's codestream of ``info.transfer_syntax``.

    The layout is checked first (:meth:`PixelInfo.check`), then by the codec (the Bits
    Allocated its syntax allows, and the size the codestream's header declares against Rows,
    Columns and Samples per Pixel) before its library is called.

    Parameters
    ----------
    as_rgb
        False (the default): the samples as stored, no colour transform.  True: a codec whose
        library converts YCbCr to RGB itself (libjpeg-turbo, for the lossy JPEG processes)
        does so.  Either way :attr:`DecodedFrame.photometric` names the colour space of the
        result; the caller converts what is still YBR (:func:`dicomkit.pixels.array.pixel_array`
        does).  JPEG 2000 frames with a multiple component transform come back RGB either way.

    Raises
    ------
    CodecUnavailableError
        No codec, or its library is missing.
    PixelDataError
        For any other failure: an invalid layout, a header that disagrees with the data set,
        a damaged codestream, the library's own errors, memory exhausted; naming the frame
        and transfer syntax.  No other exception type leaves this function.
    """
    try:
        info.check()
        module = codec_for(info.transfer_syntax)
        result: DecodedFrame = module.decode(bytes(data), info, frame, as_rgb=as_rgb)
    except DicomError:
        raise
    except MemoryError:
        raise damaged(info, frame, "out of memory while decoding") from None
    except Exception as exc:  # a defect of ours or the library's: still a PixelDataError
        raise damaged(info, frame, "unexpected error, please report it", exc) from exc
    return result


def encode_frame(array: Any, info: PixelInfo, transfer_syntax: str, **options: Any) -> EncodedFrame:
    """Encode one frame (shape ``info.shape``, colour-by-pixel) in a transfer syntax.

    Options: ``quality`` (lossy JPEG, lossy JPEG 2000), ``near`` (JPEG-LS near-lossless),
    ``ratio`` (lossy JPEG 2000 / HTJ2K compression ratio).

    Raises
    ------
    CodecUnavailableError
        No encoder, or its library is missing.
    PixelDataError
        Pixel data the codec cannot hold (e.g. 16-bit data in JPEG Baseline).
    """
    module = codec_for(transfer_syntax, "encode")
    result: EncodedFrame = module.encode(array, info, transfer_syntax, **options)
    return result
