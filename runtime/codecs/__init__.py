"""Codecs for encapsulated pixel data, one module per codec family (PS3.5 8.2, A.4).

The interface (the pixel layer calls exactly these):

- :func:`frame_data` (``frames.py``): one frame's compressed bytes (PS3.5 A.4).
- :func:`decode_frame`, :func:`encode_frame`, :func:`can_decode`, :func:`can_encode`
  (``registry.py``), dispatching by transfer syntax to ``rle.py``, ``jpeg.py``,
  ``jpegls.py``, ``jpeg2000.py``, ``deflate.py``.
- :class:`DecodedFrame`, :class:`EncodedFrame`, :class:`CodecUnavailableError` (``base.py``).

Importing this package imports no codec library: each is imported on first use, and a
missing one raises :class:`CodecUnavailableError` naming the ``pip install`` extra.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from dicomkit.codecs.base import CodecUnavailableError, DecodedFrame, EncodedFrame
    from dicomkit.codecs.frames import frame_data
    from dicomkit.codecs.registry import can_decode, can_encode, decode_frame, encode_frame

__all__ = ["CodecUnavailableError", "DecodedFrame", "EncodedFrame", "can_decode", "can_encode",
           "decode_frame", "encode_frame", "frame_data"]

_WHERE = {
    "CodecUnavailableError": "base", "DecodedFrame": "base", "EncodedFrame": "base",
    "frame_data": "frames", "can_decode": "registry", "can_encode": "registry",
    "decode_frame": "registry", "encode_frame": "registry",
}


def __getattr__(name: str) -> Any:
    """Import the interface lazily (PEP 562), so ``import dicomkit.codecs`` stays cheap."""
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'dicomkit.codecs' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"dicomkit.codecs.{module}"), name)
    globals()[name] = value
    return value
