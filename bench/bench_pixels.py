"""Benchmark: pixel data codecs, dicomkit against pydicom with the pylibjpeg plugins, same run.

Run: ``python bench/bench_pixels.py [--quick] [--repeat N] [--libraries] [--no-encode]``.

1. Decode: every encapsulated pydicom sample file that both decode, grouped by transfer
   syntax; dicomkit ``frame_data`` + ``decode_frame`` for every frame of a data set read
   beforehand, against pydicom's decoder (``pydicom.pixels.get_decoder(ts).as_array(ds)``,
   the work of ``ds.pixel_array`` without its cache; pydicom picks its plugin as a user gets
   it: pylibjpeg, or pyjpegls for JPEG-LS).  Megapixels/s (Rows x Columns x frames) and the
   ratio dicomkit/pydicom; target >= 1x for every syntax, >= 1.5x for RLE.
2. ``--libraries``: the codec libraries alone on the same frames (imagecodecs against the
   pylibjpeg plugins and pyjpegls), the measurement behind the library choice.
3. Encode: a 512x512 12-bit MONOCHROME2 CT-like frame and a 512x512 8-bit RGB frame, in every
   syntax both encode (pydicom 3: RLE with its own or pylibjpeg-rle's encoder, JPEG-LS with
   pyjpegls, JPEG 2000 lossless with pylibjpeg-openjpeg).

4. Native: ``pixel_array`` of the whole data set (and of one frame) for native multi-frame
   images (100 frames of 512x512 16-bit MONOCHROME2, 100 frames of 256x256 8-bit RGB), read
   from files beforehand: dicomkit ``ds.pixel_array`` / ``pixel_array(ds, frame=50)`` against
   pydicom's ``ds.pixel_array`` / ``pydicom.pixels.pixel_array(ds, index=50)``; target 1.5x.

All figures are the median of N passes (default 7, ``--quick`` 3).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import warnings
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

import dicomkit
from dicomkit.codecs import decode_frame, encode_frame, frame_data
from dicomkit.generated import uids
from dicomkit.generated.transfer_syntaxes import TRANSFER_SYNTAXES
from dicomkit.pixels.info import PixelDataError, PixelInfo

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the checkout, for tests.samples
import tests.samples  # noqa: E402 - pydicom's bundled files, checked against their pins


def _median_seconds(run: Callable[[], Any], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        run()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def samples() -> list[tuple[str, Any, Any, PixelInfo]]:
    """(name, dicomkit data set, pydicom data set, info) of the encapsulated samples both decode."""
    import pydicom
    from pydicom.pixels import get_decoder

    found = []
    for path in map(str, tests.samples.samples(recursive=True)):
        try:
            theirs = pydicom.dcmread(path)
            ts = str(theirs.file_meta.TransferSyntaxUID)
            if ts not in TRANSFER_SYNTAXES or not TRANSFER_SYNTAXES[ts].encapsulated:
                continue
            get_decoder(ts).as_array(theirs)
            ours = dicomkit.read(path)
            info = PixelInfo.of(ours)
            _decode_all(ours, info)
        except (Exception, PixelDataError):  # noqa: BLE001, S112 - one of them cannot decode it
            continue
        found.append((path.rsplit("/", 1)[-1], ours, theirs, info))
    return found


def _decode_all(ds: Any, info: PixelInfo) -> None:
    for i in range(info.number_of_frames):
        decode_frame(frame_data(ds, info, i), info, frame=i)


def _pydicom_decode(ds: Any) -> None:
    from pydicom.pixels import get_decoder

    get_decoder(ds.file_meta.TransferSyntaxUID).as_array(ds)


def decode_table(found: list[tuple[str, Any, Any, PixelInfo]], repeat: int) -> list[str]:
    """Decode speed per transfer syntax, dicomkit against pydicom."""
    groups: dict[str, list[tuple[str, Any, Any, PixelInfo]]] = defaultdict(list)
    for item in found:
        groups[item[3].transfer_syntax].append(item)
    rows = [f"{'decode, megapixels/s':<34} {'files':>5} {'MP':>6} {'dicomkit':>9} {'pydicom':>9} "
            f"{'ratio':>7}   median of {repeat}"]
    for ts, items in sorted(groups.items(), key=lambda kv: TRANSFER_SYNTAXES[kv[0]].keyword):
        mp = sum(i.pixels_per_frame * i.number_of_frames for *_, i in items) / 1e6
        ours = _median_seconds(lambda items=items: [_decode_all(d, i) for _, d, _, i in items], repeat)
        theirs = _median_seconds(lambda items=items: [_pydicom_decode(p) for _, _, p, _ in items], repeat)
        target = 1.5 if TRANSFER_SYNTAXES[ts].keyword == "RLELossless" else 1.0
        mark = "ok" if theirs / ours >= target else f"BELOW {target}x"
        rows.append(f"{TRANSFER_SYNTAXES[ts].keyword:<34} {len(items):>5} {mp:>6.2f} {mp / ours:>9.1f} "
                    f"{mp / theirs:>9.1f} {theirs / ours:>6.2f}x   {mark}")
    return rows


def _library_decoders(keyword: str, info: PixelInfo) -> dict[str, Callable[[bytes], Any]]:
    """The candidate libraries' own decode calls for one syntax."""
    import imagecodecs

    out: dict[str, Callable[[bytes], Any]] = {}
    if keyword.startswith("JPEGLS"):
        out["imagecodecs (CharLS)"] = imagecodecs.jpegls_decode
        try:
            import jpeg_ls

            out["pyjpegls (CharLS)"] = jpeg_ls.decode_from_buffer
        except ImportError:
            pass
    elif keyword.startswith("JPEG2000") or keyword.startswith("HTJ2K"):
        out["imagecodecs (OpenJPEG)"] = imagecodecs.jpeg2k_decode
        import openjpeg

        out["pylibjpeg-openjpeg"] = openjpeg.decode
    elif keyword.startswith("JPEG"):
        out["imagecodecs (libjpeg-turbo)"] = imagecodecs.jpeg8_decode
        import libjpeg

        out["pylibjpeg-libjpeg"] = libjpeg.decode
    elif keyword == "RLELossless":
        size = max(info.bits_allocated // 8, 1)
        dtype = f">u{size}" if size > 1 else "u1"
        out["imagecodecs (dicomrle)"] = lambda b: imagecodecs.dicomrle_decode(b, dtype=dtype)
        from rle.utils import decode_frame as rle_decode

        out["pylibjpeg-rle"] = lambda b: rle_decode(b, info.pixels_per_frame, info.bits_allocated, "<")
    return out


def library_table(found: list[tuple[str, Any, Any, PixelInfo]], repeat: int) -> list[str]:
    """The codec libraries alone, megapixels/s per syntax (frames extracted beforehand)."""
    groups: dict[str, list[tuple[bytes, PixelInfo]]] = defaultdict(list)
    for _, ds, _, info in found:
        for i in range(info.number_of_frames):
            groups[info.transfer_syntax].append((frame_data(ds, info, i), info))
    rows = [f"{'library decode, megapixels/s':<30} {'library':<28} {'MP/s':>8} {'fails':>6}"]
    for ts, frames in sorted(groups.items(), key=lambda kv: TRANSFER_SYNTAXES[kv[0]].keyword):
        keyword = TRANSFER_SYNTAXES[ts].keyword
        for name in _library_decoders(keyword, frames[0][1]):
            ok, fails = [], 0
            for data, info in frames:
                try:
                    _library_decoders(keyword, info)[name](data)
                    ok.append((data, info))
                except Exception:  # noqa: BLE001 - the library refuses the frame
                    fails += 1
            mp_ok = sum(i.pixels_per_frame for _, i in ok) / 1e6
            decs = [(_library_decoders(keyword, i)[name], d) for d, i in ok]
            seconds = (_median_seconds(lambda decs=decs: [f(d) for f, d in decs], repeat)
                       if decs else float("nan"))
            rows.append(f"{keyword:<30} {name:<28} {mp_ok / seconds:>8.1f} {fails:>6}")
    return rows


def _synthetic() -> list[tuple[str, np.ndarray[Any, Any], dict[str, Any]]]:
    rng = np.random.default_rng(0)
    y, x = np.mgrid[0:512, 0:512]
    body = ((x - 256) ** 2 + (y - 256) ** 2 < 200 ** 2) * (1000 + 20 * np.sin(x / 9) * np.cos(y / 13))
    ct = np.clip(body + rng.normal(0, 15, body.shape), 0, 4095).astype(np.uint16)
    rgb = np.stack([(x // 2) % 256, (y // 2) % 256, ((x + y) // 4) % 256], axis=-1).astype(np.uint8)
    rgb = np.clip(rgb + rng.integers(0, 8, rgb.shape), 0, 255).astype(np.uint8)
    common = {"rows": 512, "columns": 512, "number_of_frames": 1, "pixel_representation": 0}
    return [
        ("512x512 12-bit mono", ct, {**common, "samples_per_pixel": 1, "bits_allocated": 16,
                                     "bits_stored": 12, "photometric_interpretation": "MONOCHROME2"}),
        ("512x512 8-bit RGB", rgb, {**common, "samples_per_pixel": 3, "bits_allocated": 8,
                                    "bits_stored": 8, "photometric_interpretation": "RGB",
                                    "planar_configuration": 0}),
    ]


def encode_table(repeat: int) -> list[str]:
    """Encode speed, dicomkit against pydicom's encoders, where both encode."""
    from pydicom.pixels import get_encoder

    rows = [f"{'encode, megapixels/s':<22} {'image':<20} {'dicomkit':>9} {'pydicom':>9} {'ratio':>7}"
            f" {'bytes ours':>10} {'theirs':>8}"]
    cases: list[tuple[str, dict[str, Any], dict[str, Any]]] = [
        (uids.RLELossless, {}, {}),
        (uids.JPEGLSLossless, {}, {}),
        (uids.JPEGLSNearLossless, {"near": 2}, {"jls_error": 2}),
        (uids.JPEG2000Lossless, {}, {}),
    ]
    for name, image, attrs in _synthetic():
        info = PixelInfo(rows=attrs["rows"], columns=attrs["columns"],
                         samples_per_pixel=attrs["samples_per_pixel"],
                         bits_allocated=attrs["bits_allocated"], bits_stored=attrs["bits_stored"],
                         high_bit=attrs["bits_stored"] - 1,
                         photometric_interpretation=attrs["photometric_interpretation"])
        for ts, ours_options, their_options in cases:
            encoder = get_encoder(ts)
            ours = encode_frame(image, info.with_(transfer_syntax=ts), ts, **ours_options).data
            try:
                theirs = encoder.encode(image, **attrs, **their_options)
            except Exception as exc:  # noqa: BLE001 - pydicom cannot encode this case
                rows.append(f"{TRANSFER_SYNTAXES[ts].keyword:<22} {name:<20} pydicom cannot: {exc}")
                continue
            layout = info.with_(transfer_syntax=ts)
            t_ours = _median_seconds(
                lambda image=image, layout=layout, ts=ts, options=ours_options:
                encode_frame(image, layout, ts, **options), repeat)
            t_theirs = _median_seconds(
                lambda image=image, encoder=encoder, attrs=attrs, options=their_options:
                encoder.encode(image, **attrs, **options), repeat)
            mp = info.pixels_per_frame / 1e6
            rows.append(f"{TRANSFER_SYNTAXES[ts].keyword:<22} {name:<20} {mp / t_ours:>9.1f} "
                        f"{mp / t_theirs:>9.1f} {t_theirs / t_ours:>6.2f}x {len(ours):>10} {len(theirs):>8}")
    return rows


def _native_file(folder: str, frames: int, rows: int, samples: int, bits: int) -> str:
    """A native multi-frame Part 10 file of random pixels, written with dicomkit."""
    import os

    rng = np.random.default_rng(0)
    dtype = np.uint16 if bits == 16 else np.uint8
    shape = (frames, rows, rows, samples) if samples > 1 else (frames, rows, rows)
    pixels = rng.integers(0, 4096 if bits == 16 else 256, shape, dtype=dtype)
    ds = dicomkit.Dataset.new("MultiFrameGrayscaleWordSecondaryCaptureImageStorage"
                              if samples == 1 else "MultiFrameTrueColorSecondaryCaptureImageStorage")
    ds.Rows = ds.Columns = rows
    ds.SamplesPerPixel = samples
    ds.PhotometricInterpretation = "MONOCHROME2" if samples == 1 else "RGB"
    if samples > 1:
        ds.PlanarConfiguration = 0
    ds.BitsAllocated, ds.BitsStored, ds.HighBit = bits, 12 if bits == 16 else 8, 11 if bits == 16 else 7
    ds.PixelRepresentation = 0
    ds.NumberOfFrames = str(frames)
    ds.add_new(0x7FE00010, "OW" if bits == 16 else "OB", pixels.astype(f"<u{bits // 8}").tobytes())
    path = os.path.join(folder, f"native_{frames}x{rows}x{samples}x{bits}.dcm")
    dicomkit.write(path, ds, transfer_syntax=uids.ExplicitVRLittleEndian)
    return path


def native_table(repeat: int) -> list[str]:
    """Native multi-frame decode, dicomkit against pydicom (whole array and one frame)."""
    import tempfile

    import pydicom
    from pydicom.pixels import pixel_array as pydicom_pixel_array

    from dicomkit.pixels.array import pixel_array

    rows = [f"{'native, megapixels/s':<34} {'':>5} {'MP':>6} {'dicomkit':>9} {'pydicom':>9} "
            f"{'ratio':>7}   median of {repeat}"]
    with tempfile.TemporaryDirectory() as folder:
        for frames, size, samples, bits in ((100, 512, 1, 16), (100, 256, 3, 8)):
            path = _native_file(folder, frames, size, samples, bits)
            ours_ds = dicomkit.read(path)
            theirs_ds = pydicom.dcmread(path)
            mp = frames * size * size / 1e6
            label = f"{frames}x{size}x{size} {bits}-bit x{samples}"
            ours = _median_seconds(lambda d=ours_ds: pixel_array(d), repeat)
            theirs = _median_seconds(lambda d=theirs_ds: pydicom_pixel_array(d), repeat)
            mark = "ok" if theirs / ours >= 1.5 else "BELOW 1.5x"
            rows.append(f"{label + ', all frames':<34} {'':>5} {mp:>6.1f} {mp / ours:>9.0f} "
                        f"{mp / theirs:>9.0f} {theirs / ours:>6.2f}x   {mark}")
            one = size * size / 1e6
            ours = _median_seconds(lambda d=ours_ds: pixel_array(d, frame=50), repeat)
            theirs = _median_seconds(lambda d=theirs_ds: pydicom_pixel_array(d, index=50), repeat)
            rows.append(f"{label + ', frame 50':<34} {'':>5} {one:>6.2f} {one / ours:>9.0f} "
                        f"{one / theirs:>9.0f} {theirs / ours:>6.2f}x")
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="3 passes instead of 7")
    parser.add_argument("--repeat", type=int, default=0, help="passes per measure")
    parser.add_argument("--libraries", action="store_true", help="also time the codec libraries alone")
    parser.add_argument("--no-encode", action="store_true", help="skip the encode comparison")
    args = parser.parse_args(argv)
    repeat = args.repeat or (3 if args.quick else 7)
    warnings.simplefilter("ignore")
    print("\n".join(native_table(repeat)))
    print()
    found = samples()
    print(f"{len(found)} encapsulated sample files decoded by both")
    print("\n".join(decode_table(found, repeat)))
    if args.libraries:
        print()
        print("\n".join(library_table(found, repeat)))
    if not args.no_encode:
        print()
        print("\n".join(encode_table(repeat)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
