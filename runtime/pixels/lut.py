"""Lookup tables: Modality LUT, VOI LUT (windows and LUT sequences), palettes.

- Modality LUT (PS3.3 C.11.1): Rescale Slope/Intercept, or the Modality LUT Sequence.
- VOI LUT (PS3.3 C.11.2): Window Center/Width with VOI LUT Function LINEAR, LINEAR_EXACT or
  SIGMOID (the formulas of C.11.2.1.2.1, C.11.2.1.3.1, C.11.2.1.3.2), several windows chosen by
  index, or the VOI LUT Sequence.
- Palette Color LUTs (PS3.3 C.7.6.3.1.5, C.7.9): normal and segmented (C.7.9.2: discrete,
  linear and indirect segments), 8- and 16-bit entries.

A LUT Descriptor gives (entries, first mapped value, bits per entry); 0 entries means 65536
(PS3.3 C.11.1.1.1).  Values below the first mapped value take the first entry, beyond the last
the last entry.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from dicomkit.pixels.info import PixelDataError

__all__ = ["apply_lut", "apply_modality_lut", "apply_presentation_lut", "apply_supplemental_palette",
           "apply_voi_lut", "apply_windowing", "has_palette", "has_voi", "lut_from",
           "palette_to_rgb", "segmented_lut", "signed_first", "voi_output_range"]


def _value(ds: Any, keyword: str) -> Any:
    elem = ds.get(keyword)
    return None if elem is None else elem.value


def _numbers(value: Any) -> list[float]:
    if value is None or value == "":
        return []
    if isinstance(value, list | tuple):
        return [float(v) for v in value]
    return [float(value)]


def _descriptor(item: Any, keyword: str) -> tuple[int, int, int]:
    value = _value(item, keyword)
    if isinstance(value, bytes | bytearray):  # read as OW/UN: three 16-bit words
        value = list(np.frombuffer(value[:6], "<u2"))
    if not isinstance(value, list | tuple) or len(value) != 3:
        raise PixelDataError(f"{keyword} is {value!r}, not three numbers (entries, first "
                             "mapped value, bits per entry; PS3.3 C.11.1.1.1)")
    entries, first, bits = (int(v) for v in value)
    return entries or 65536, first, bits


def _lut_values(item: Any, keyword: str, entries: int, bits: int) -> np.ndarray[Any, Any]:
    elem = item.get(keyword)
    if elem is None:
        raise PixelDataError(f"{keyword} is missing; the LUT cannot be applied")
    value = elem.value
    if isinstance(value, bytes | bytearray | memoryview):
        little = elem.context.little_endian if elem.context is not None else True
        raw = bytes(value)
        if bits <= 8 and len(raw) in (entries, entries + 1):  # 8-bit entries packed in bytes
            return np.frombuffer(raw[:entries], np.uint8).astype(np.uint16)
        return np.frombuffer(raw[:entries * 2], "<u2" if little else ">u2").astype(np.uint16)
    values = np.asarray(value if isinstance(value, list | tuple) else [value], dtype=np.int64)
    return values.astype(np.uint16)


def lut_from(item: Any, descriptor: str = "LUTDescriptor", data: str = "LUTData"
             ) -> tuple[int, int, np.ndarray[Any, Any]]:
    """(first mapped value, bits per entry, entries) of a LUT item or data set."""
    entries, first, bits = _descriptor(item, descriptor)
    values = _lut_values(item, data, entries, bits)
    return first, bits, values


def apply_lut(array: np.ndarray[Any, Any], first: int, values: np.ndarray[Any, Any]
              ) -> np.ndarray[Any, Any]:
    """Map values through a LUT whose first entry is for value ``first``; a non-integer input
    (a VOI LUT after a rescale with a fractional slope) takes the entry of the integer at or
    below it, for negative values as for positive ones (as pydicom)."""
    whole = np.floor(array) if array.dtype.kind == "f" else array
    index = np.clip(whole.astype(np.int64) - first, 0, len(values) - 1)
    mapped: np.ndarray[Any, Any] = values[index]
    return mapped


def signed_first(first: int, ds: Any) -> int:
    """The first value mapped of a Modality LUT Descriptor read as US, as signed when the
    stored values are (Pixel Representation 1): its VR is US or SS accordingly (PS3.3
    C.11.1.1.1), and a file read without knowing it holds -1 as 65535."""
    signed = _numbers(_value(ds, "PixelRepresentation"))
    if signed and signed[0] == 1 and first > 32767:
        return first - 65536
    return first


def apply_modality_lut(array: np.ndarray[Any, Any], ds: Any) -> np.ndarray[Any, Any]:
    """Stored values to modality values (PS3.3 C.11.1): the Modality LUT Sequence when present,
    else Rescale Slope and Intercept (float64 when they are not 1 and 0)."""
    seq = _value(ds, "ModalityLUTSequence")
    if seq:
        first, _, values = lut_from(seq[0])
        return apply_lut(array, signed_first(first, ds), values)
    slope = _numbers(_value(ds, "RescaleSlope"))
    intercept = _numbers(_value(ds, "RescaleIntercept"))
    m = slope[0] if slope else 1.0
    b = intercept[0] if intercept else 0.0
    if m == 1.0 and b == 0.0:
        return array
    return array.astype(np.float64) * m + b


def has_voi(ds: Any) -> bool:
    """True when the data set has a window or a VOI LUT Sequence (PS3.3 C.11.2)."""
    return bool(_numbers(_value(ds, "WindowWidth")) or _value(ds, "VOILUTSequence"))


def apply_windowing(array: np.ndarray[Any, Any], center: float, width: float,
                    function: str = "LINEAR", y_min: float = 0.0, y_max: float = 255.0
                    ) -> np.ndarray[Any, Any]:
    """A window (PS3.3 C.11.2.1.2): values mapped onto [y_min, y_max] (float64).

    LINEAR (C.11.2.1.2.1) uses ``c - 0.5`` and ``w - 1``; LINEAR_EXACT (C.11.2.1.3.2) ``c`` and
    ``w``; SIGMOID (C.11.2.1.3.1) the logistic curve.

    Raises
    ------
    PixelDataError
        When the width is below 1 (LINEAR) or not positive (the others).
    """
    x = array.astype(np.float64)
    span = y_max - y_min
    function = (function or "LINEAR").strip().upper()
    if function == "SIGMOID":
        if width <= 0:
            raise PixelDataError(f"Window Width {width} must be > 0 for SIGMOID",
                                 tag_path="(0028,1051)")
        return span / (1 + np.exp(-4 * (x - center) / width)) + y_min
    if function == "LINEAR_EXACT":
        if width <= 0:
            raise PixelDataError(f"Window Width {width} must be > 0 for LINEAR_EXACT",
                                 tag_path="(0028,1051)")
        out = (x - center) / width + 0.5
    else:
        if width < 1:
            raise PixelDataError(f"Window Width {width} must be >= 1 for LINEAR",
                                 tag_path="(0028,1051)")
        if width == 1:  # both thresholds of C.11.2.1.2.1 are c - 0.5: a step
            out = (x > center - 0.5).astype(np.float64)
        else:
            out = (x - (center - 0.5)) / (width - 1) + 0.5
    return np.clip(out, 0.0, 1.0) * span + y_min


def apply_voi_lut(array: np.ndarray[Any, Any], ds: Any, *, index: int = 0
                  ) -> np.ndarray[Any, Any]:
    """The data set's VOI transform (PS3.3 C.11.2): VOI LUT Sequence item ``index`` when
    present, else window ``index`` with the VOI LUT Function; output in the LUT's range or
    0..255 for windows (see :func:`voi_output_range`).  Without either, ``array`` unchanged.

    Raises
    ------
    PixelDataError
        When ``index`` names no window or LUT.
    """
    seq = _value(ds, "VOILUTSequence")
    if seq:
        if not 0 <= index < len(seq):
            raise PixelDataError(f"VOI LUT Sequence has {len(seq)} item(s), not {index + 1}",
                                 tag_path="(0028,3010)")
        first, _, values = lut_from(seq[index])
        return apply_lut(array, first, values)
    centers = _numbers(_value(ds, "WindowCenter"))
    widths = _numbers(_value(ds, "WindowWidth"))
    if not widths:
        return array
    if not 0 <= index < min(len(centers), len(widths)):
        raise PixelDataError(f"the data set has {min(len(centers), len(widths))} window(s), "
                             f"not {index + 1}", tag_path="(0028,1050)")
    function = str(_value(ds, "VOILUTFunction") or "LINEAR")
    return apply_windowing(array, centers[index], widths[index], function)


def voi_output_range(ds: Any, *, index: int = 0) -> tuple[float, float]:
    """The range :func:`apply_voi_lut` maps onto: 0..255 for windows, 0..2^bits-1 for a LUT."""
    seq = _value(ds, "VOILUTSequence")
    if seq and 0 <= index < len(seq):
        _, _, bits = _descriptor(seq[index], "LUTDescriptor")
        return 0.0, float((1 << bits) - 1)
    return 0.0, 255.0


def segmented_lut(data: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    """Expand Segmented Palette Color LUT Data (PS3.3 C.7.9.2): opcode 0 discrete (n values),
    1 linear (n steps from the previous value to the next one), 2 indirect (n segments copied
    from a 32-bit byte offset, least significant 16 bits first).

    Raises
    ------
    PixelDataError
        On an unknown opcode or a segment running past the data.
    """
    words = [int(v) for v in data]
    out: list[float] = []

    def run(pos: int, end: int, depth: int) -> None:
        while pos < end:
            if pos + 1 >= len(words):
                raise PixelDataError("segmented LUT data ends inside a segment header",
                                     tag_path="(0028,1221)")
            op, n = words[pos], words[pos + 1]
            if op == 0:
                out.extend(words[pos + 2:pos + 2 + n])
                pos += 2 + n
            elif op == 1:
                if not out:
                    raise PixelDataError("a linear segment has no previous value to start from",
                                         tag_path="(0028,1221)")
                y0, y1 = out[-1], words[pos + 2]
                out.extend(y0 + (y1 - y0) * (i + 1) / n for i in range(n))
                pos += 3
            elif op == 2:
                if depth > 8:
                    raise PixelDataError("indirect segments nest too deep", tag_path="(0028,1221)")
                offset = words[pos + 2] | (words[pos + 3] << 16)
                # PS3.3 C.7.9.2.3: a *byte* offset from the start of the LUT data (pydicom reads
                # it as a word offset; the two agree at offset 0, the common case)
                start = offset // 2
                for _ in range(n):
                    length = 2 + words[start + 1] if words[start] == 0 else \
                        3 if words[start] == 1 else 4
                    run(start, start + length, depth + 1)
                    start += length
                pos += 4
            else:
                raise PixelDataError(f"unknown segment opcode {op} (PS3.3 C.7.9.2)",
                                     tag_path="(0028,1221)")

    run(0, len(words), 0)
    return np.rint(np.asarray(out, dtype=np.float64)).astype(np.uint16)


def palette_to_rgb(array: np.ndarray[Any, Any], ds: Any) -> np.ndarray[Any, Any]:
    """PALETTE COLOR indices to RGB through the Red, Green and Blue Palette Color LUTs
    (normal or segmented; PS3.3 C.7.6.3.1.5-6, C.7.9); uint8 for 8-bit entries, else uint16.

    Raises
    ------
    PixelDataError
        When a descriptor or the LUT data is missing.
    """
    channels = []
    bits = 16
    for color in ("Red", "Green", "Blue"):
        entries, first, bits = _descriptor(ds, f"{color}PaletteColorLookupTableDescriptor")
        segmented = ds.get(f"Segmented{color}PaletteColorLookupTableData")
        if segmented is not None:
            raw = _lut_values(ds, f"Segmented{color}PaletteColorLookupTableData",
                              len(bytes(segmented.value)) // 2, 16)
            values = segmented_lut(raw)[:entries]
        else:
            values = _lut_values(ds, f"{color}PaletteColorLookupTableData", entries, bits)
        channels.append(apply_lut(array, first, values))
    rgb = np.stack(channels, axis=-1)
    return rgb.astype(np.uint8) if bits <= 8 else rgb


def apply_supplemental_palette(stored: np.ndarray[Any, Any], gray: np.ndarray[Any, Any], ds: Any
                               ) -> np.ndarray[Any, Any]:
    """RGB uint8 display values of a grayscale frame with a Supplemental Palette Color LUT
    (PS3.3 C.7.6.19, C.8.16.2.1.1.1): stored values below the second value of the palette
    descriptors show ``gray`` (the 8-bit output of the grayscale pipeline, repeated on the
    three channels); values from it upwards are mapped by the Red, Green and Blue Palette
    Color LUTs (16-bit entries, C.7.6.3.1.5, scaled to 8 bits).

    Raises
    ------
    PixelDataError
        When the palette descriptors or data are missing, or ``gray`` is not the frame's shape.
    """
    if gray.shape != stored.shape:
        raise PixelDataError(f"grayscale output of shape {gray.shape} for a frame of "
                             f"{stored.shape}", tag_path="(0028,1101)")
    _, first, _bits = _descriptor(ds, "RedPaletteColorLookupTableDescriptor")
    colour = palette_to_rgb(stored, ds)
    if colour.dtype != np.uint8:
        colour = np.rint(colour.astype(np.float64) / 257.0).astype(np.uint8)
    shown = np.repeat(np.clip(gray, 0, 255).astype(np.uint8)[..., None], 3, axis=-1)
    indexed = (stored.astype(np.int64) >= first)[..., None]
    out: np.ndarray[Any, Any] = np.where(indexed, colour, shown)
    return out


def has_palette(ds: Any) -> bool:
    """True when ``ds`` has Red, Green and Blue Palette Color LUT Descriptors."""
    return all(ds.get(f"{c}PaletteColorLookupTableDescriptor") is not None
               for c in ("Red", "Green", "Blue"))


def apply_presentation_lut(values: np.ndarray[Any, Any], ds: Any, *, low: float = 0.0,
                           high: float = 255.0) -> np.ndarray[Any, Any]:
    """P-values in [0, 1] from VOI output in [low, high] (PS3.3 C.11.4, C.11.6): through the
    Presentation LUT Sequence when present (its entries span the input range), else the
    Presentation LUT Shape (IDENTITY, or INVERSE which inverts), else identity; MONOCHROME1
    without a shape is inverted (PS3.3 C.7.6.3.1.2)."""
    span = (high - low) or 1.0
    unit = np.clip((values.astype(np.float64) - low) / span, 0.0, 1.0)
    seq = _value(ds, "PresentationLUTSequence")
    if seq:
        first, bits, table = lut_from(seq[0])
        index = np.rint(unit * (len(table) - 1)).astype(np.int64) + first
        out: np.ndarray[Any, Any] = apply_lut(index, first, table).astype(np.float64)
        return out / float((1 << bits) - 1)
    shape = str(_value(ds, "PresentationLUTShape") or "").strip().upper()
    photometric = str(_value(ds, "PhotometricInterpretation") or "").strip()
    inverted = shape == "INVERSE" if shape in ("IDENTITY", "INVERSE") else \
        photometric == "MONOCHROME1"
    result: np.ndarray[Any, Any] = 1.0 - unit if inverted else unit
    return result
