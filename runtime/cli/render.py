"""``dicomkit render``: one frame to an 8-bit PNG, as a viewer would show it.

``dicomkit render FILE --frame N --window C,W -o out.png`` applies the Modality LUT (rescale or
LUT sequence), the VOI LUT (the given window, else the first window or VOI LUT of the file, else
the frame's full range), MONOCHROME1 inversion and the Presentation LUT Shape, and converts
colour images to RGB (PS3.3 C.11; PS3.4 N.2 grayscale pipeline).  An enhanced multi-frame
grayscale image is rendered through the frame's own functional groups (rescale, window,
Supplemental Palette; :func:`dicomkit.objects.frames.display_values`).  Needs Pillow
(``pip install 'dicomkit[render]'``).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from dicomkit.errors import DicomError, NotDicomError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Register the options of ``dicomkit render``."""
    parser.add_argument("file", metavar="FILE", help="DICOM file with pixel data")
    parser.add_argument("-o", "--output", required=True, metavar="PNG", help="PNG file to write")
    parser.add_argument("--frame", type=int, default=0, metavar="N", help="0-based frame (default 0)")
    parser.add_argument("--window", metavar="C,W",
                        help="window center and width, e.g. 40,400 (default: the file's first)")
    parser.add_argument("--voi", type=int, default=0, metavar="I",
                        help="which of the file's windows or VOI LUTs to use (default 0)")


def _window(text: str | None) -> tuple[float, float] | None:
    if text is None:
        return None
    try:
        center, width = (float(v) for v in text.split(","))
    except ValueError:
        raise DicomError(f"--window takes CENTER,WIDTH (e.g. 40,400), not {text!r}") from None
    if width < 1:
        raise DicomError(f"--window width must be at least 1 (PS3.3 C.11.2.1.2), not {width}")
    return center, width


def _enhanced_grayscale(ds: Any) -> bool:
    """True for a one-sample image with functional groups (PS3.3 C.7.6.16)."""
    from dicomkit.generated import tags

    samples = ds.get(tags.SamplesPerPixel)
    one = samples is None or samples.value in (None, "", 1)
    return bool(one and (tags.SharedFunctionalGroupsSequence in ds
                         or tags.PerFrameFunctionalGroupsSequence in ds))


def run(args: argparse.Namespace) -> int:
    """Render the frame and write the PNG (to a temporary name, renamed when complete); 1 (and
    no PNG) when the file is not DICOM."""
    import dicomkit
    from dicomkit.pixels.render import render, save_png

    try:
        ds = dicomkit.read(args.file)
    except NotDicomError as exc:
        print(f"dicomkit render: {args.file}: not DICOM ({exc.why})", file=sys.stderr)
        return 1
    if _enhanced_grayscale(ds):
        from dicomkit.objects.frames import display_values

        image = display_values(ds, args.frame, window=args.voi,
                               center_width=_window(args.window))
    else:
        image = render(ds, frame=args.frame, window=_window(args.window), voi_index=args.voi)
    out = Path(args.output)
    tmp = out.with_name(f".{out.name}.partial")
    try:
        save_png(image, tmp)
        os.replace(tmp, out)
    finally:
        tmp.unlink(missing_ok=True)
    return 0
