"""Rendered and thumbnail answers (PS3.18 10.4.1.1.4, 8.7.4) as images or arrays.

The client returns rendered resources as the bytes of their media type; these turn them into a
Pillow image or a numpy array (Pillow is optional: ``pip install 'dicomkit[render]'``).
"""

from __future__ import annotations

import io
from typing import Any

from dicomkit.web.errors import DicomWebError

__all__ = ["as_array", "as_image"]


def as_image(data: bytes) -> Any:
    """A ``PIL.Image.Image`` of rendered bytes (JPEG, PNG, GIF ...), loaded.

    Raises
    ------
    DicomWebError
        When the bytes are not an image Pillow reads.
    ImportError
        Without Pillow.
    """
    try:
        from PIL import Image, UnidentifiedImageError
    except ImportError as exc:  # pragma: no cover - Pillow is in the test extra
        raise ImportError("rendered images need Pillow: pip install 'dicomkit[render]'") from exc
    try:
        image = Image.open(io.BytesIO(data))
        image.load()
    except (UnidentifiedImageError, OSError, ValueError) as exc:
        raise DicomWebError(f"the rendered answer is not an image Pillow reads: {exc}",
                            body=data[:200].decode("latin-1")) from exc
    return image


def as_array(data: bytes) -> Any:
    """A numpy array (rows, columns[, samples]) of rendered bytes."""
    import numpy as np

    return np.asarray(as_image(data))
